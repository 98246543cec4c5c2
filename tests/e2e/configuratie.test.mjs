// Configuratie end to end: copy the bundled example, use it in the explainer, edit an entry
// and see the explainer follow; a wrong id and a content condition are reported (bd-inhoud,
// rule B5) while the explainer keeps the last valid version; undo; reload keeps everything.
// A CSV with one bad row imports the rest and names that row's line. A corrupt store is set
// aside with a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServerAndBrowser, openWatchedPage, axeViolations, clickGemeente, outputDir, repoRoot, switchLanguage } from './harness.mjs';

const env = useServerAndBrowser();
const KEY = 'routewijzer.v1.configuraties';

const bundled = JSON.parse(readFileSync(join(repoRoot, 'data/configurations/voorbeeld-noord-brabant.json'), 'utf8'));
// The row number the view shows for Oss's own milieubelastende-activiteit entry.
const ossRow = bundled.behandeldiensten.findIndex(
  (e) => e.bevoegd_gezag === 'GM0828' && e.activity === 'milieubelastende-activiteit') + 1;

const scenario = {
  format: 'routewijzer-scenario/1',
  location: { gemeente: 'GM0828' },
  activities: [{ activity: 'milieubelastende-activiteit', verzoektype: 'melding' }],
  configuration: 'voorbeeld-noord-brabant',
};

async function fresh(page, url) {
  await page.waitForSelector('h1');
  await page.evaluate((k) => { localStorage.removeItem(k); for (let n = 1; n <= 4; n += 1) localStorage.removeItem(`${k}.beschadigd.${n}`); }, KEY);
  await page.goto(`${url}#scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
  await page.reload();
  await page.waitForSelector('.rw-verzoek');
}

/** A fresh page (scenario in Oss, no stored configurations) on the Configuratie view. */
async function configuratiePage() {
  const watched = await openWatchedPage(env.browser, env.server.url);
  await fresh(watched.page, env.server.url);
  await view(watched.page, 'Configuratie');
  return watched;
}

const bd = (page) => page.locator('.rw-verzoek .rw-bd').getAttribute('data-id');
const view = (page, name) => page.locator('.rw-views').getByRole('link', { name }).click();
// The Configuratie view with the entries that can apply in Oss (the tables draw 25 entries
// at a time; Oss's own come later in the bundled example).
const ossEntries = async (page) => { await view(page, 'Configuratie'); await page.fill('#rw-cfg-filter-gemeente', 'Oss'); };

test('edit an entry and the explainer follows; wrong input is reported; reload keeps it', async () => {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  await fresh(page, env.server.url);
  assert.equal(await bd(page), 'ODBN');

  await view(page, 'Configuratie');
  await page.waitForSelector('.rw-config-table');
  // 178 entries: the first 25 are drawn, the rest on request.
  assert.match(await page.textContent('.rw-config-more'), /^Getoond: 25 van 178 instellingen\./);
  // Filter: everything for gemeente Oss shows only entries that can apply there.
  await page.fill('#rw-cfg-filter-gemeente', 'Oss');
  assert.match(await page.textContent('#rw-h-entries'), /^Instellingen \(\d+ \/ 178\)$/);
  assert.equal(await page.locator('.rw-config-table caption', { hasText: 'College van B&W van Oss' }).count(), 1);
  assert.equal(await page.locator('.rw-config-table caption', { hasText: 'College van B&W van Boxtel' }).count(), 0);

  await page.getByRole('button', { name: 'Kopiëren om te bewerken' }).click();
  await page.waitForSelector('#rw-cfg-name');
  await page.fill('#rw-cfg-name', 'Werkafspraak Oss');
  await page.getByRole('button', { name: 'Gebruik in de verklaring' }).click();
  await page.waitForSelector('.rw-verzoek', { state: 'visible' });
  assert.match(await page.locator('#rw-configuration option:checked').textContent(), /Werkafspraak Oss \(eigen\)/);
  assert.equal(await bd(page), 'ODBN');

  // Edit: Oss sends milieubelastende activiteiten to OMWB; the explainer follows at once.
  await ossEntries(page);
  const field = page.getByLabel(`Behandeldienst (code, bijvoorbeeld ODBN) van instelling ${ossRow}`, { exact: true });
  await field.fill('OMWB');
  assert.match(await page.textContent('.rw-config-status'), /wijzigingen werken direct door/);
  await view(page, 'Verklaren');
  await page.waitForFunction(() => document.querySelector('.rw-verzoek .rw-bd')?.dataset.id === 'OMWB');

  // An unknown id: reported next to the entry; the explainer keeps the last valid version.
  await ossEntries(page);
  await field.fill('ODXX');
  const diags = page.locator('.rw-config-diags');
  // The error is tied to the field (aria-describedby, aria-invalid) and counted in a status.
  assert.match(await diags.first().textContent(), /^Fout: onbekende behandeldienst 'ODXX'/);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.equal(await field.getAttribute('aria-describedby'), await diags.first().getAttribute('id'));
  assert.match(await page.textContent('.rw-config-problems[role="status"]'), /^1 fout, 0 waarschuwingen\.$/);
  assert.match(await page.textContent('.rw-config-status'), /laatste geldige versie/);
  await view(page, 'Verklaren');
  assert.equal(await bd(page), 'OMWB');
  await ossEntries(page);
  await field.fill('OMWB');
  assert.equal(await diags.count(), 0);
  assert.equal(await field.getAttribute('aria-invalid'), null);

  // Routing on content: refused with the reason and rule B5.
  await page.getByLabel(`Voorwaarde op inhoud van instelling ${ossRow}`, { exact: true }).fill('alleen boven 1000 m²');
  const b5 = await diags.first().textContent();
  assert.match(b5, /^Fout: .*\(regel B5\)/);
  assert.match(b5, /alleen op activiteit, verzoektype \(toestemming\) en locatie|alleen af van activiteit, verzoektype \(toestemming\) en locatie/);
  assert.deepEqual(await axeViolations(page), []);
  await diags.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outputDir, 'configuratie-b5.png') });

  // Undo (Ctrl+Z) takes the condition away again; redo brings it back; undo once more.
  await page.getByRole('button', { name: 'Ongedaan maken' }).focus();
  await page.keyboard.press('Control+z');
  assert.equal(await diags.count(), 0);
  await page.keyboard.press('Control+y');
  assert.equal(await diags.count(), 1);
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  assert.equal(await diags.count(), 0);

  // Diff: the bundled example against the proposal, hand-picked gemeente Oss.
  await page.selectOption('#rw-cmp-a', { label: 'Voorbeeld Noord-Brabant (meegeleverd, alleen lezen)' });
  await page.selectOption('#rw-cmp-b', { label: 'Werkafspraak Oss' });
  await page.selectOption('#rw-cmp-region', 'hand');
  await page.fill('#rw-cmp-gemeenten', 'Oss');
  await page.press('#rw-cmp-gemeenten', 'Tab');
  await page.getByRole('button', { name: 'Vergelijk', exact: true }).click();
  const diff = page.locator('.rw-config-diff');
  await diff.waitFor();
  assert.match(await diff.locator('caption').textContent(), /^\d+ routes? verander(t|en) in 1 gemeente /);
  assert.match(await diff.locator('tbody').textContent(), /Omgevingsdienst Brabant Noord.*Omgevingsdienst Midden- en West-Brabant|ODBN.*OMWB/s);
  assert.deepEqual(await axeViolations(page), []);

  // Reload: the view (it is in the URL), the configuration, the edit and the explainer's
  // choice are kept.
  await page.reload();
  await page.waitForSelector('.rw-config-table');
  await view(page, 'Verklaren');
  await page.waitForSelector('.rw-verzoek');
  assert.equal(await bd(page), 'OMWB');
  assert.match(await page.locator('#rw-configuration option:checked').textContent(), /Werkafspraak Oss/);
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(stored.version, 1);
  assert.equal(stored.configuraties[0].name, 'Werkafspraak Oss');
  assert.equal(stored.configuraties[0].behandeldiensten[ossRow - 1].behandeldienst, 'OMWB');
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('vraagstuk 1: one activity, three behandeldiensten by gemeente; content routing refused', async () => {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  await page.waitForSelector('h1');
  await page.evaluate((k) => localStorage.removeItem(k), KEY);
  const ontgronding = { ...scenario, activities: [{ activity: 'ontgrondingsactiviteit', verzoektype: 'aanvraag-vergunning' }] };
  await page.goto(`${env.server.url}#scenario=${encodeURIComponent(JSON.stringify(ontgronding))}`);
  await page.reload();
  await page.waitForSelector('.rw-verzoek');

  await view(page, 'Configuratie');
  await page.getByRole('button', { name: 'Nieuwe lege configuratie' }).click();
  await page.fill('#rw-cfg-name', 'Vraagstuk 1');
  const areas = [['ODBN', 'GM0828'], ['ODZOB', 'GM0772'], ['OMWB', 'GM0855']];
  for (const [i, [od, gm]] of areas.entries()) {
    await page.getByRole('button', { name: 'Instelling toevoegen' }).click();
    const n = i + 1;
    await page.getByLabel(`Bevoegd gezag (code, bijvoorbeeld PV30) van instelling ${n}`, { exact: true }).fill('PV30');
    await page.getByLabel(`Activiteit of groep van instelling ${n}`, { exact: true }).selectOption('ontgrondingsactiviteit');
    const list = page.getByLabel(`Gemeenten (CBS-codes zoals GM0828, met komma's; leeg = alle) van instelling ${n}`, { exact: true });
    await list.fill(gm);
    await list.press('Tab');
    await page.getByLabel(`Behandeldienst (code, bijvoorbeeld ODBN) van instelling ${n}`, { exact: true }).fill(od);
  }
  assert.equal(await page.locator('.rw-config-diags').count(), 0, 'three clean entries');
  // Each code has its name beside it.
  assert.match(await page.textContent('.rw-config-table'), /Gedeputeerde Staten van Noord-Brabant.*Omgevingsdienst Brabant Noord/s);
  await page.getByRole('button', { name: 'Gebruik in de verklaring' }).click();
  await page.waitForSelector('.rw-verzoek', { state: 'visible' });
  for (const [od, gm] of areas) {
    await clickGemeente(page, gm);
    await page.waitForFunction((id) => document.querySelector('.rw-verzoek .rw-bd')?.dataset.id === id, od);
    assert.equal(await page.locator('.rw-verzoek .rw-bg').getAttribute('data-id'), 'PV30');
  }

  // Now try to route by content: impossible, and the view says why.
  await view(page, 'Configuratie');
  await page.getByLabel('Voorwaarde op inhoud van instelling 1', { exact: true }).fill('alleen boven 1000 m²');
  const text = await page.textContent('.rw-config-diags');
  assert.match(text, /^Fout: .*\(regel B5\)/);
  assert.match(text, /kan niet routeren op de inhoud/);
  // The explainer keeps the last valid version (Tilburg → OMWB).
  await view(page, 'Verklaren');
  assert.equal(await bd(page), 'OMWB');
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('a CSV with one bad row imports the rest and names the line; reload keeps it', async () => {
  const { page, problems } = await configuratiePage();
  const csv = '\ufeffBegindatum;Bevoegd gezag;Activiteit;Behandeldienst;Toestemming;Bevoegd gezag (locatie)\r\n'
    + '2024-01-01;Gedeputeerde Staten van Noord-Brabant;Milieubelastende activiteit;Omgevingsdienst Brabant Noord;;Gemeente Oss\r\n'
    + '2024-01-01;College van B&W van Atlantis;kappen;ODBN;;\r\n'
    + '2024-01-01;"College van burgemeester en wethouders van Oss";kappen;ODBN;melding;\r\n';
  await page.setInputFiles('#rw-cfg-import', { name: 'monitor.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector('.rw-config-report');
  assert.match(await page.textContent('#rw-h-import'), /monitor\.csv: 3 rijen, 1 niet overgenomen/);
  assert.equal(await page.locator('.rw-config-problem').count(), 1);
  assert.match(await page.textContent('.rw-config-problem'), /^Rij 3: Bevoegd gezag: organisatie 'College van B&W van Atlantis' niet gevonden/);
  assert.match(await page.locator('#rw-cfg-select option:checked').textContent(), /^monitor$/);
  assert.match(await page.textContent('#rw-h-entries'), /\(2 \/ 2\)/);
  assert.deepEqual(await axeViolations(page), []);

  await page.reload();
  // The view is in the URL: the reload opens it again (the full build, loaded on first use).
  await page.waitForSelector('#rw-cfg-select option:nth-child(3)', { state: 'attached' });
  assert.deepEqual(
    await page.locator('#rw-cfg-select option').allTextContents(),
    ['Voorbeeld Nederland (meegeleverd, alleen lezen)', 'Voorbeeld Noord-Brabant (meegeleverd, alleen lezen)', 'monitor'],
  );
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('voorbeeld-nederland is the default and shown read-only, as the Brabant example', async () => {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  await page.waitForSelector('h1');
  await page.evaluate((k) => localStorage.clear(), KEY);
  await page.goto(env.server.url);
  await page.reload();
  await page.waitForSelector('#rw-configuration');
  assert.equal(await page.inputValue('#rw-configuration'), 'voorbeeld-nederland', 'the explainer starts with it');
  await view(page, 'Configuratie');
  await page.waitForSelector('.rw-config-table');
  assert.match(await page.locator('#rw-cfg-select option:checked').textContent(), /^Voorbeeld Nederland \(meegeleverd, alleen lezen\)$/);
  assert.match(await page.textContent('#rw-h-entries'), /^Instellingen \(1107 \/ 1107\)$/);
  assert.equal(await page.locator('#rw-cfg-name').count(), 0, 'no name to edit');
  assert.equal(await page.getByRole('button', { name: 'Instelling toevoegen' }).count(), 0, 'nothing to add');
  assert.equal(await page.locator('.rw-config-table input, .rw-config-table select').count(), 0, 'no field to edit');
  await page.fill('#rw-cfg-filter-gemeente', 'Utrecht');
  assert.match(await page.textContent('#rw-h-entries'), /^Instellingen \(6 \/ 1107\)$/);
  assert.match(await page.textContent('.rw-config-table'), /Omgevingsdienst Utrecht/);
  assert.deepEqual(await axeViolations(page), []);
  // Brabant's example stays, read-only too.
  await page.selectOption('#rw-cfg-select', 'voorbeeld-noord-brabant');
  await page.fill('#rw-cfg-filter-gemeente', '');
  assert.match(await page.textContent('#rw-h-entries'), /^Instellingen \(178 \/ 178\)$/);
  assert.equal(await page.locator('#rw-cfg-name').count(), 0);
  // Using it in the explainer names it there.
  await page.getByRole('button', { name: 'Gebruik in de verklaring' }).click();
  await page.waitForSelector('#rw-configuration', { state: 'visible' });
  assert.equal(await page.inputValue('#rw-configuration'), 'voorbeeld-noord-brabant');
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('an unreadable store is reported on every view and set aside in turn, not wiped', async () => {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  await page.waitForSelector('h1');
  await page.evaluate((k) => localStorage.clear(), KEY);
  for (const [n, bad] of [[1, '{nee'], [2, '{"version": 7, "configuraties": []}']]) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, bad]);
    await page.reload();
    // Said at once in the explainer (the start build), and again in the Configuratie view.
    const said = new RegExp(`De opgeslagen configuraties: niet te gebruiken .*bewaard onder 'routewijzer\\.v1\\.configuraties\\.beschadigd\\.${n}'`);
    await page.waitForSelector('.rw-notice');
    assert.match(await page.textContent('.rw-notice'), said);
    await view(page, 'Configuratie');
    assert.match(await page.textContent('.rw-notice'), said);
    assert.equal(await page.evaluate(([k, m]) => localStorage.getItem(`${k}.beschadigd.${m}`), [KEY, n]), bad);
  }
  // The second did not replace the first.
  assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}.beschadigd.1`), KEY), '{nee');
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('two tabs: the other tab\'s save is never overwritten unseen; the user chooses', async () => {
  const a = await openWatchedPage(env.browser, env.server.url);
  await fresh(a.page, env.server.url);
  const b = await openWatchedPage(env.browser, env.server.url);
  await b.page.waitForSelector('.rw-verzoek');
  for (const { page } of [a, b]) {
    await view(page, 'Configuratie');
    await page.waitForSelector('.rw-config-table');
  }
  // Tab A makes a configuration; tab B, which knew nothing of it, is told and stops saving.
  await a.page.getByRole('button', { name: 'Kopiëren om te bewerken' }).click();
  await a.page.fill('#rw-cfg-name', 'Uit venster A');
  await a.page.locator('#rw-cfg-name').blur();
  const banner = b.page.locator('.rw-notice', { hasText: 'Een ander venster heeft de configuraties' });
  await banner.waitFor();
  // B edits meanwhile: its own copy must not replace A's saved work.
  await b.page.getByRole('button', { name: 'Kopiëren om te bewerken' }).click();
  await b.page.fill('#rw-cfg-name', 'Uit venster B');
  await b.page.locator('#rw-cfg-name').blur();
  const stored = () => a.page.evaluate((k) => JSON.parse(localStorage.getItem(k)).configuraties.map((c) => c.name), KEY);
  assert.deepEqual(await stored(), ['Uit venster A']);
  // B takes A's version: A's configuration is there, and B saves again from then on.
  await b.page.getByRole('button', { name: 'Gebruik die versie' }).click();
  assert.equal(await banner.count(), 0);
  await b.page.waitForFunction(() => [...document.querySelectorAll('#rw-cfg-select option')].some((o) => o.textContent === 'Uit venster A'));
  assert.deepEqual(await stored(), ['Uit venster A']);
  assert.deepEqual(await a.problems(), []);
  assert.deepEqual(await b.problems(), []);
  await a.page.close();
  await b.page.close();
});

const HEADER = 'Begindatum;Bevoegd gezag;Activiteit;Behandeldienst;Toestemming;Bevoegd gezag (locatie)\r\n';

/**
 * Starts measuring, in the page, the longest gap between two animation frames
 * (requestAnimationFrame timestamps); `stop()` returns it in milliseconds. A figure to print,
 * never to assert (these machines are noisy): the tests assert behaviour (the progress bar,
 * the rows drawn in steps).
 */
async function frameGaps(page) {
  await page.evaluate(() => {
    window.__gaps = { max: 0, last: 0, running: true };
    const tick = (t) => {
      const g = window.__gaps;
      if (g.last) g.max = Math.max(g.max, t - g.last);
      g.last = t;
      if (g.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // Two frames first, so the meter runs before the action starts.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return {
    async stop() {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      return page.evaluate(() => { window.__gaps.running = false; return window.__gaps.max; });
    },
  };
}

/** A CSV file as the browser's file chooser gives it. */
const csvFile = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

/** The cells of a CSV as a spreadsheet reads them: BOM, `;`, quotes, CRLF. */
function readSpreadsheet(bytes) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark');
  const text = bytes.subarray(3).toString('utf8');
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ';') { row.push(cell); cell = ''; }
    else if (c === '\r') continue;
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  return rows;
}

test('a messy I3 export: every row a person could map is kept, each parent mapping warned, each rejection explained and downloadable', async () => {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await fresh(page, env.server.url);
  await view(page, 'Configuratie');
  const text = readFileSync(join(repoRoot, 'tests/fixtures/configuratie/i3-rommelig.csv'), 'utf8');
  await page.setInputFiles('#rw-cfg-import', csvFile('i3-rommelig.csv', text));
  const report = page.locator('.rw-config-report');
  await report.waitFor();
  assert.equal(await page.textContent('#rw-h-import'), 'Import i3-rommelig.csv: 24 rijen, 4 niet overgenomen');
  const count = (what) => report.locator(`[data-count="${what}"]`).textContent();
  assert.equal(await count('taken'), '13 overgenomen');
  assert.match(await count('parent'), /^5 overgenomen onder een bovenliggende activiteit/);
  assert.equal(await count('merged'), '2 samengevoegd met een eerdere rij');
  assert.equal(await count('rejected'), '4 niet overgenomen');
  assert.match(await report.textContent(), /bovenliggende activiteit geldt nu voor de hele activiteit/);

  // Each parent mapping is warned about on its own row (line 14 is also merged).
  const parents = report.locator('.rw-config-note[data-kind="bovenliggend"]');
  assert.equal(await parents.count(), 6);
  for (const note of await parents.allTextContents()) assert.match(note, /^Rij \d+: .*kan afwijken van de echte configuratie/);
  assert.match(await report.locator('.rw-config-note[data-kind="voormalig"]').textContent(), /^Rij 3: 'College van burgemeester en wethouders van Cuijk' is een voormalige gemeente; gelezen als Gemeente Land van Cuijk \(GM1982\)/);
  assert.match(await report.locator('.rw-config-note[data-kind="samengevoegd"]').first().textContent(), /^Rij 3: .*gelijk aan rij 2: samengevoegd/);

  // Each rejection with its line and reason; markup in a cell is shown as text, never run.
  const rejected = await report.locator('.rw-config-problem').allTextContents();
  assert.equal(rejected.length, 4);
  assert.match(rejected[0], /^Rij 15: Activiteit: activiteit 'Stortingsactiviteit op zee' staat niet in de catalogus/);
  assert.match(rejected[1], /^Rij 16: Bevoegd gezag: organisatie 'Gemeente Atlantis' niet gevonden/);
  assert.match(rejected[2], /^Rij 17: Behandeldienst: organisatie '<img src=x onerror=alert\(1\)>' niet gevonden/);
  assert.match(rejected[3], /^Rij 22: .*rij 21.*regel B4/);
  assert.match(await report.textContent(), /<b>Seveso<\/b>/);
  assert.equal(await page.locator('.rw-config img, .rw-config-report b').count(), 0);
  assert.deepEqual(dialogs, []);

  // The rejected rows as a file: safe to open, every row with its line, reason and cells.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    report.getByRole('button', { name: 'Download de niet overgenomen rijen (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'i3-rommelig-niet-overgenomen.csv');
  const rows = readSpreadsheet(readFileSync(await download.path()));
  assert.deepEqual(rows[0], ['Rij', 'Reden', ...HEADER.trim().split(';')]);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), ['15', '16', '17', '22']);
  assert.equal(rows[3][5], '<img src=x onerror=alert(1)>');
  assert.equal(rows[2][3], 'Gemeente Atlantis');

  // The configuration is clean: the explainer can use it at once.
  assert.match(await page.textContent('#rw-h-entries'), /\(18 \/ 18\)/);
  assert.equal(await page.locator('.rw-config-fout').count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  await report.screenshot({ path: join(outputDir, 'configuratie-import-i3.png') });
  await page.getByRole('button', { name: 'Gebruik in de verklaring' }).click();
  await page.waitForSelector('.rw-verzoek', { state: 'visible' });
  assert.match(await page.locator('#rw-configuration option:checked').textContent(), /i3-rommelig/);
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('2 000 duplicate rows and 100 000 unmatched rows: the page keeps painting, with progress', async () => {
  const { page, problems } = await configuratiePage();
  await page.waitForSelector('.rw-config-table');

  const dupes = HEADER + ';GM0828;kappen;ODBN;;\r\n'.repeat(2000);
  let meter = await frameGaps(page);
  await page.setInputFiles('#rw-cfg-import', csvFile('dubbel.csv', dupes));
  await page.waitForFunction(() => document.querySelector('#rw-h-import')?.textContent.includes('dubbel.csv'));
  const dupesGap = await meter.stop();
  assert.equal(await page.textContent('#rw-h-import'), 'Import dubbel.csv: 2000 rijen, 0 niet overgenomen');
  assert.equal(await page.locator('[data-count="merged"]').textContent(), '1999 samengevoegd met een eerdere rij');
  assert.match(await page.textContent('#rw-h-entries'), /\(1 \/ 1\)/);

  // 100 000 rows that match nothing (400 kB): progress while it runs, then a short summary.
  await page.evaluate(() => {
    window.__sawProgress = false;
    new MutationObserver(() => { if (document.querySelector('#rw-cfg-progress')) window.__sawProgress = true; })
      .observe(document.body, { childList: true, subtree: true });
  });
  const unmatched = HEADER + 'x;y\r\n'.repeat(100_000);
  meter = await frameGaps(page);
  await page.setInputFiles('#rw-cfg-import', csvFile('onbekend.csv', unmatched));
  await page.waitForFunction(() => document.querySelector('#rw-h-import')?.textContent.includes('onbekend.csv'), null, { timeout: 120_000 });
  const unmatchedGap = await meter.stop();
  assert.equal(await page.textContent('#rw-h-import'), 'Import onbekend.csv: 100000 rijen, 100000 niet overgenomen');
  assert.equal(await page.evaluate(() => window.__sawProgress), true, 'a progress bar while importing');
  assert.equal(await page.locator('.rw-config-problem').count(), 50);
  assert.match(await page.textContent('.rw-config-report'), /… en nog 99950 meer/);

  console.log(`longest frame gap: 2 000 duplicates ${dupesGap.toFixed(0)} ms, 100 000 unmatched ${unmatchedGap.toFixed(0)} ms`);
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('a stored draft of 2 000 duplicate entries opens without freezing, its diagnostics summed up', async () => {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  await page.waitForSelector('h1');
  const entry = { bevoegd_gezag: 'GM0828', activity: 'kappen', behandeldienst: 'ODBN', verzoektype: null, gemeenten: null };
  const stored = { version: 1, configuraties: [{ format: 'routewijzer-configuratie/1', id: 'eigen-1', name: 'Tweeduizend', behandeldiensten: Array(2000).fill(entry) }] };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(stored)]);
  await page.reload();
  await view(page, 'Configuratie');
  await page.waitForSelector('.rw-config-table');
  const meter = await frameGaps(page);
  await page.selectOption('#rw-cfg-select', 'eigen-1');
  await page.waitForSelector('.rw-config-summary');
  // The first 25 entries are drawn a few per frame; the meter runs until all are there.
  await page.waitForFunction(() => document.querySelectorAll('.rw-config-row').length === 25);
  const gap = await meter.stop();
  assert.match(await page.textContent('.rw-config-problems[role="status"]'), /^1999 fouten, 0 waarschuwingen\.$/);
  assert.equal(await page.locator('.rw-config-summary-list li').count(), 10);
  assert.match(await page.textContent('#rw-h-entries'), /\(2000 \/ 2000\)/);
  assert.equal(await page.locator('.rw-config-row').count(), 25, 'the first 25 entries drawn');
  await page.getByRole('button', { name: 'Toon nog 25' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.rw-config-row').length === 50);
  console.log(`longest frame gap opening 2 000 stored entries: ${gap.toFixed(0)} ms`);
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('deleting a configuration says so and offers undo; disabled buttons look disabled; English', async () => {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  await fresh(page, env.server.url);
  await view(page, 'Configuratie');
  await page.waitForSelector('.rw-config-table');
  // Nothing to undo yet: the button is disabled and looks it (grey, not the accent).
  const undo = page.locator('.rw-config-bar').getByRole('button', { name: 'Ongedaan maken' });
  assert.equal(await undo.isDisabled(), true);
  const look = (l) => l.evaluate((b) => getComputedStyle(b).color);
  const enabledLook = await look(page.getByRole('button', { name: 'Exporteer JSON' }));
  assert.notEqual(await look(undo), enabledLook);
  await page.getByRole('button', { name: 'Kopiëren om te bewerken' }).click();
  await page.fill('#rw-cfg-name', 'Weg ermee');
  // Button hierarchy: one primary action, a destructive delete, subtle undo.
  assert.match(await page.getByRole('button', { name: 'Gebruik in de verklaring' }).getAttribute('class'), /nl-button--primary/);
  assert.match(await page.getByRole('button', { name: 'Verwijderen' }).getAttribute('class'), /nl-button--negative/);
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  const message = page.locator('.rw-config-deleted');
  assert.match(await message.textContent(), /Configuratie ‘Weg ermee’ is verwijderd\./);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'rw-cfg-undo-delete', 'focus goes to undo');
  assert.equal(await page.locator('#rw-cfg-select option', { hasText: 'Weg ermee' }).count(), 0);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('#rw-cfg-select option')].some((o) => o.textContent === 'Weg ermee'));
  assert.equal(await message.count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  // In English, with an error on screen: everything the app writes is English; the
  // engine's Dutch message is marked as Dutch.
  await page.selectOption('#rw-cfg-select', { label: 'Weg ermee' });
  await switchLanguage(page, 'en');
  assert.match(await page.textContent('#rw-h-config'), /^Behandeldienst configuration$/);
  await page.getByRole('button', { name: 'Add a setting' }).click();
  const diag = page.locator('.rw-config-diags li').first();
  assert.match(await diag.textContent(), /^(Error|Warning): /);
  assert.equal(await diag.locator('span').getAttribute('lang'), 'nl');
  assert.deepEqual(await axeViolations(page), []);
  await switchLanguage(page, 'nl');
  assert.deepEqual(await problems(), []);
  await page.close();
});
