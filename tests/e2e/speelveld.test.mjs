// Speelveld (issue 7): the ODBN matrix, the combination check that finds Maashorst's
// meervoudige aanvraag and opens it in the explainer, the CSV export's bytes, map mode by
// keyboard, the all-NL matrix without freezing the page, and the A4 landscape printout.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useAppPage, axeViolations, outputDir, switchLanguage } from './harness.mjs';

let page;
let problems;
const app = useAppPage();
before(async () => ({ page, problems } = await app.ready));

const view = (name) => page.click(`.rw-views a:text-is("${name}")`);

/** Opens the Speelveld for a region and waits until every gemeente is computed. */
async function openRegion(key, rows) {
  if (await page.locator('.rw-speelveld').count() === 0) await view('Speelveld');
  await page.selectOption('#rw-sv-region', key);
  await page.waitForFunction((n) => document.querySelectorAll('.rw-sv-table tbody tr').length === n
    && !document.querySelector('.rw-sv-progress progress'), rows);
}

/** The routing time of the matrix just built (drawing excluded): for the figures, not shown. */
const computeMs = async () => Number(await page.getAttribute('.rw-sv-progress', 'data-compute-ms'));

test('the ODBN matrix: every gemeente, every activity × verzoektype, cells from the engine', async () => {
  await openRegion('provincie:PV30', 56);
  console.log(`Noord-Brabant matrix (56 × 35 = 1960 cells): routed in ${await computeMs()} ms in the browser (release wasm)`);
  const cut = await page.evaluate(() => [...document.querySelectorAll('.rw-sv-cell')].filter((b) => b.scrollWidth > b.clientWidth).length);
  assert.equal(cut, 0, 'no cell text is cut off');
  await openRegion('omgevingsdienst:ODBN', 10);
  assert.match(await page.textContent('#rw-sv-title'), /Omgevingsdienst Brabant Noord/);
  // The explainer's default configuration is the whole country's example (issue 17).
  assert.match(await page.textContent('.rw-sv-config'), /Voorbeeld Nederland/);
  assert.match(await page.textContent('.rw-sv-table caption'), /Omgevingsdienst Brabant Noord/);
  assert.equal(await page.locator('.rw-sv-table tbody tr').first().locator('button.rw-sv-cell').count(), 35);
  const oss = page.locator('button.rw-sv-cell[data-gemeente="GM0828"][data-activity="milieubelastende-activiteit"][data-verzoektype="melding"]');
  assert.equal(await oss.locator('.rw-sv-bd').textContent(), 'ODBN');
  assert.equal(await oss.locator('.rw-sv-triggers').textContent(), '2');
  assert.match(await oss.getAttribute("title"), /College van B&W van Oss.*Omgevingsdienst Brabant Noord; 2 verzoeknotificaties/);
  // Column heads break between the parts of a compound, never inside one.
  const heads = await page.$$eval('.rw-sv-activity span', (spans) => spans.map((s) => s.textContent));
  assert.ok(heads.includes('Omgevingsplan\u00adactiviteit bouw\u00adwerk'), heads.join(' | '));
  assert.equal(await page.$$eval('.rw-sv-activity', (ths) => ths.filter((th) => th.scrollWidth > th.clientWidth).length), 0, 'no head sticks out');
  // The key says what "Gem", "Prov" and the rest mean.
  assert.match(await page.textContent('#rw-sv-key'), /Gem = het college van B&W van de gemeente, Prov = Gedeputeerde Staten/);
  assert.equal(await page.getAttribute('.rw-sv-table', 'aria-describedby'), 'rw-sv-key');
  // Headers stay in view while the table scrolls.
  assert.equal(await page.$eval('.rw-sv-table thead', (e) => getComputedStyle(e).position), 'sticky');
  assert.equal(await page.$eval('.rw-sv-gemeente', (e) => getComputedStyle(e).position), 'sticky');
  // Filters: only the milieu group, only meldingen.
  await page.selectOption('#rw-sv-group', 'milieu');
  await page.selectOption('#rw-sv-type', 'melding');
  assert.equal(await page.locator('.rw-sv-table tbody tr').first().locator('button.rw-sv-cell').count(), 2);
  await page.selectOption('#rw-sv-group', '');
  await page.selectOption('#rw-sv-type', '');
  assert.deepEqual(await axeViolations(page), []);
});

test('combination check: Maashorst loses ODBN in a meervoudige aanvraag; the cell opens that case', async () => {
  await page.click('.rw-sv-combine summary');
  await page.check('input[data-activity="omgevingsplanactiviteit-bouwwerk"]');
  await page.check('input[data-activity="milieubelastende-activiteit"]');
  const maashorst = page.locator('.rw-sv-combo button[data-gemeente="GM1991"]');
  await maashorst.waitFor();
  await page.waitForFunction(() => !document.querySelector('.rw-sv-progress progress'));
  assert.equal(await maashorst.getAttribute('data-missed'), 'true');
  assert.match(await maashorst.getAttribute('class'), /rw-sv-alert/);
  assert.match(await maashorst.textContent(), /mist ODBN/);
  // The activity's own cell in that row is highlighted too.
  const own = page.locator('button.rw-sv-cell[data-gemeente="GM1991"][data-activity="milieubelastende-activiteit"][data-verzoektype="aanvraag-vergunning"]');
  assert.match(await own.getAttribute('class'), /rw-sv-alert/);
  assert.equal(await page.locator('.rw-sv-combo button[data-missed="true"]').count(), 10, 'every ODBN gemeente (all-same)');
  await page.screenshot({ path: join(outputDir, 'speelveld-odbn-combinatie.png') });
  assert.deepEqual(await axeViolations(page), []);

  await maashorst.click();
  await page.waitForSelector('.rw-main:not([hidden]) .rw-verzoek');
  assert.match(await page.textContent('.rw-location-card'), /Maashorst \(GM1991\)/);
  assert.equal(await page.locator('.rw-chosen').count(), 2);
  assert.equal(await page.locator('.rw-verzoek').count(), 1, 'one meervoudige aanvraag');
  assert.equal(await page.textContent('.rw-total-number'), '1');
  assert.equal(await page.locator('.rw-verzoek .rw-bd').getAttribute('data-id'), null, 'no behandeldienst');
  assert.match(await page.textContent('.rw-verzoek .rw-missed'), /Omgevingsdienst Brabant Noord/);
  assert.equal(await page.inputValue('#rw-configuration'), 'voorbeeld-nederland');
  assert.deepEqual(await problems(), []);
});

test('a single cell opens its case, with the assumptions kept', async () => {
  await page.check('#rw-bd-merge-any-single');
  await view('Speelveld');
  assert.equal(await page.inputValue('#rw-sv-region'), 'omgevingsdienst:ODBN', 'the region is kept');
  // any-single: the one configured behandeldienst is chosen, nothing is missed.
  await page.waitForFunction(() => document.querySelectorAll('.rw-sv-combo button[data-missed="true"]').length === 0
    && document.querySelectorAll('.rw-sv-combo button').length === 10);
  await page.click('button.rw-sv-cell[data-gemeente="GM0828"][data-activity="milieubelastende-activiteit"][data-verzoektype="melding"]');
  await page.waitForSelector('.rw-main:not([hidden]) .rw-verzoek');
  assert.match(await page.textContent('.rw-location-card'), /Oss \(GM0828\)/);
  assert.equal(await page.textContent('.rw-total-number'), '2');
  assert.equal(await page.locator('.rw-verzoek .rw-bd').getAttribute('data-id'), 'ODBN');
  assert.equal(await page.isChecked('#rw-bd-merge-any-single'), true);
  await page.check('#rw-bd-merge-all-same');
});

test('the matrix is a grid with one tab stop: arrows move between the cells, the cell is written out, Enter opens it; English', async () => {
  await view('Speelveld');
  await page.waitForSelector('.rw-sv-table[role="grid"]');
  assert.equal(await page.locator('.rw-sv-table [tabindex="0"]').count(), 1, 'one tab stop');
  const first = page.locator('.rw-sv-table [data-r="0"][data-c="0"]');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const at = () => page.evaluate(() => [document.activeElement.dataset.r, document.activeElement.dataset.c].join(','));
  assert.equal(await at(), '1,1');
  assert.equal(await page.locator('.rw-sv-table [tabindex="0"]').count(), 1, 'still one tab stop');
  assert.equal(await page.getAttribute('.rw-sv-table [data-r="1"][data-c="1"]', 'tabindex'), '0');
  assert.equal(await page.textContent('.rw-sv-details'), await page.evaluate(() => document.activeElement.title));
  await page.keyboard.press('Home');
  assert.equal(await at(), '1,0');
  await page.keyboard.press('End');
  assert.match(await at(), /^1,(3[0-9])$/);
  // Tab leaves the grid at once (no 354 stops).
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.rw-sv-table')), null);
  await switchLanguage(page, 'en');
  assert.match(await page.textContent('#rw-sv-title'), /^Overview: /);
  assert.match(await page.textContent('#rw-sv-key'), /Gem = the gemeente's college van B&W/);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: join(outputDir, 'speelveld-en.png') });
  await switchLanguage(page, 'nl');
});

test('CSV export: UTF-8 BOM, semicolons, Dutch headers, one line per cell, CRLF', async () => {
  await view('Speelveld');
  await openRegion('omgevingsdienst:ODBN', 10);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.rw-sv-actions button:text-is("Exporteer CSV")'),
  ]);
  assert.equal(download.suggestedFilename(), 'routewijzer-speelveld-omgevingsdienst-ODBN.csv');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  assert.equal(lines.pop(), '', 'ends with CRLF');
  assert.equal(lines[0], 'Gemeente-id;Gemeente;Activiteit-id;Activiteit;Verzoektype-id;Verzoektype;Bevoegd gezag-id;Bevoegd gezag;Behandeldienst-id;Behandeldienst;Triggers;Gemiste behandeldienst-id;Gemiste behandeldienst;Bevindingen of fout');
  assert.equal(lines.length, 1 + 10 * 35);
  assert.ok(lines.includes('GM0828;Oss;milieubelastende-activiteit;Milieubelastende activiteit;melding;melding;GM0828;College van B&W van Oss;ODBN;Omgevingsdienst Brabant Noord;2;;;bd-copy'));
  assert.ok(lines.every((l) => l.split(';').length === 14));
  writeFileSync(join(outputDir, 'speelveld-odbn.csv'), bytes);
});

test('map mode: colours by behandeldienst, details on focus, Enter opens the case', async () => {
  await page.click('.rw-sv-actions button:text-is("Kaart")');
  const column = await page.$eval('#rw-sv-column', (s) => [...s.options].find((o) => o.text === 'Milieubelastende activiteit – melding').value);
  await page.selectOption('#rw-sv-column', column);
  const areas = page.locator('svg.rw-sv-map path.rw-sv-area');
  assert.equal(await areas.count(), 10);
  // ODBN's colour is the explainer map's (omgevingsdienst_colours), as the legend shows it.
  const odbn = (await page.getAttribute('.rw-sv-legend-list li[data-id="ODBN"] .rw-sv-swatch', 'class')).match(/rw-sv-c\d/)[0];
  assert.match(odbn, /^rw-sv-c[0-3]$/);
  assert.match(await page.locator('path.rw-sv-area[data-id="GM0828"]').getAttribute('class'), new RegExp(odbn), 'ODBN colour');
  await page.focus('path.rw-sv-area[data-id="GM1991"]');
  await page.waitForFunction(() => document.querySelector('.rw-sv-details').textContent.startsWith('Maashorst'));
  assert.match(await page.textContent('.rw-sv-details'), /Omgevingsdienst Brabant Noord; 2 verzoeknotificaties/);
  // Tab reaches the next gemeente.
  await page.focus('path.rw-sv-area[data-id="GM0828"]');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), 'GM0845');
  assert.match(await page.textContent('.rw-sv-details'), /^Sint-Michielsgestel, /);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: join(outputDir, 'speelveld-odbn-kaart.png') });
  await page.focus('path.rw-sv-area[data-id="GM1991"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.rw-main:not([hidden]) .rw-verzoek');
  assert.match(await page.textContent('.rw-location-card'), /Maashorst \(GM1991\)/);
  assert.equal(await page.textContent('.rw-total-number'), '2');
});

test('all 342 gemeenten build in chunks while the page keeps painting frames; the table pages by 60', async () => {
  await view('Speelveld');
  await page.click('.rw-sv-actions button:text-is("Tabel")');
  await page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    const tick = (t) => { window.__gaps.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const start = Date.now();
  await page.selectOption('#rw-sv-region', 'nl');
  await page.waitForSelector('.rw-sv-progress progress');
  await page.waitForFunction(() => !document.querySelector('.rw-sv-progress progress')
    && /342 gemeenten/.test(document.querySelector('.rw-sv-progress').textContent), null, { timeout: 60000 });
  const elapsed = Date.now() - start;
  console.log(`all-NL matrix (342 × 35 = 11970 cells, plus the combination check): routed in ${await computeMs()} ms`);
  const gaps = await page.evaluate(() => { window.__stop = true; return window.__gaps; });
  const worst = Math.max(...gaps);
  const sorted = [...gaps].sort((a, b) => a - b);
  console.log(`all-NL matrix: ${elapsed} ms to build; ${gaps.length} frames, median gap ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, worst ${worst.toFixed(1)} ms`);
  assert.ok(gaps.length > 5, 'frames were painted during the build');
  assert.ok(sorted[Math.floor(sorted.length / 2)] < 100, 'the median frame comes within 100 ms');
  assert.equal(await page.locator('.rw-sv-table tbody tr').count(), 60);
  assert.match(await page.textContent('.rw-sv-pages'), /Gemeenten 1–60 van 342/);
  // voorbeeld-nederland (the default): every gemeente has its own omgevingsdienst as
  // behandeldienst, so the legend names all 26, and the region choice offers each of them.
  const legend = await page.locator('.rw-sv-legend-list li[data-id]').evaluateAll((lis) => lis.map((li) => li.dataset.id));
  assert.equal(legend.length, 26, legend.join(' '));
  const odRegions = await page.$$eval('#rw-sv-region option', (os) => os.filter((o) => o.value.startsWith('omgevingsdienst:')).length);
  assert.equal(odRegions, 26);
  await page.selectOption('#rw-sv-region', 'provincie:PV26');
  await page.waitForFunction(() => !document.querySelector('.rw-sv-progress progress')
    && /26 gemeenten/.test(document.querySelector('.rw-sv-progress').textContent));
  const utrecht = page.locator('button.rw-sv-cell[data-gemeente="GM0344"][data-activity="milieubelastende-activiteit"][data-verzoektype="melding"]');
  assert.equal(await utrecht.locator('.rw-sv-bd').textContent(), 'ODU');
  assert.equal(await utrecht.locator('.rw-sv-triggers').textContent(), '2');
  assert.deepEqual(await axeViolations(page), []);
  await page.selectOption('#rw-sv-region', 'nl');
  await page.waitForFunction(() => !document.querySelector('.rw-sv-progress progress')
    && /342 gemeenten/.test(document.querySelector('.rw-sv-progress').textContent), null, { timeout: 60000 });
  for (let i = 0; i < 5; i++) await page.click('.rw-sv-pages button:text-is("Volgende")');
  assert.match(await page.textContent('.rw-sv-pages'), /Gemeenten 301–342 van 342/);
  assert.equal(await page.locator('.rw-sv-table tbody tr').count(), 42);
  assert.equal(await page.locator('.rw-sv-pages button:text-is("Volgende")').isDisabled(), true);
  // The map shows all of them.
  await page.click('.rw-sv-actions button:text-is("Kaart")');
  assert.equal(await page.locator('svg.rw-sv-map path.rw-sv-area').count(), 342);
  await page.click('.rw-sv-actions button:text-is("Tabel")');
  assert.deepEqual(await problems(), []);
});

test('print: the ODBN matrix fits one A4 landscape page with configuration, assumptions and date', async () => {
  await openRegion('omgevingsdienst:ODBN', 10);
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  writeFileSync(join(outputDir, 'speelveld-odbn.pdf'), pdf);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, 'the ODBN matrix is one A4 page');
  // The same layout on screen (for a person to look at): A4 landscape at 96 dpi minus the
  // 8 mm margins is 1062 × 733 px.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1062, height: 733 });
  assert.equal(await page.$eval('.rw-header', (e) => getComputedStyle(e).display), 'none');
  assert.equal(await page.$eval('.rw-sv-controls', (e) => getComputedStyle(e).display), 'none');
  const meta = await page.textContent('.rw-sv-meta');
  assert.match(meta, /Voorbeeld Nederland/);
  assert.match(meta, /alleen als alle activiteiten van het verzoek dezelfde behandeldienst hebben/);
  assert.match(meta, /Combinatiecheck.*Milieubelastende activiteit \(aanvraag vergunning\)/);
  assert.match(meta, /\d{1,2} [a-z]+ 20\d\d/);
  const width = await page.$eval('.rw-sv-table', (t) => t.getBoundingClientRect().width);
  assert.ok(width <= 1062, `table ${width}px wide`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= 733, `page ${height}px high`);
  await page.screenshot({ path: join(outputDir, 'speelveld-odbn-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(await problems(), []);
});
