// Hostile input end to end (issue 11): damaged links, storage that is full, corrupt or from a
// future version, markup in names, impossible files. Each gives a readable message or is
// ignored, keeps what the user had, never runs injected markup and never shows the panic page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { useServerAndBrowser, openWatchedPage, repoRoot } from './harness.mjs';

const STORAGE_KEY = 'routewijzer.v1.scenario';
const GOOD = {
  location: { lon: 5.528, lat: 51.765 },
  activities: [{ activity: 'milieubelastende-activiteit', verzoektype: 'melding' }],
  configuration: 'voorbeeld-noord-brabant',
};
// The app stores the scenario text as a JSON string (gloo's LocalStorage).
const STORED_GOOD = JSON.stringify(JSON.stringify(GOOD));
const SCRIPT = "<script>window.__pwned = 'script'</script>";
const IMG = '"><img src=x onerror="window.__pwned = \'img\'">';

const env = useServerAndBrowser();

/** A fresh page on the app with `hash`, after setting its localStorage to `storage`. */
async function open(hash = '', { storage = {}, initScript } = {}) {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  // The app saves its (empty) state once it runs; set the storage only after that.
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, STORAGE_KEY);
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, storage);
  if (initScript) await page.addInitScript(initScript);
  // Leave the app first: a goto that changes only the fragment would not reload it.
  await page.goto('about:blank');
  await page.goto(`${env.server.url}${hash}`);
  await page.waitForSelector('svg.rw-map path.rw-gemeente');
  return { page, problems };
}

async function assertHealthy(page, problems) {
  assert.equal(await page.locator('.rw-panic').count(), 0, 'panic page shown');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'injected markup ran');
  assert.deepEqual(await problems(), []);
}

async function total(page) {
  await page.waitForSelector('.rw-total-number');
  return page.textContent('.rw-total-number');
}

test('a double-encoded link says the link is damaged and keeps the saved scenario', async () => {
  const twice = encodeURIComponent(encodeURIComponent(JSON.stringify(GOOD)));
  const { page, problems } = await open(`#scenario=${twice}`, {
    storage: { [STORAGE_KEY]: STORED_GOOD },
  });
  const notice = page.locator('.rw-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /link/);
  assert.equal(await total(page), '2', 'the scenario saved in this browser is kept');
  await assertHealthy(page, problems);
  await page.close();
});

test('an oversized link is refused by its length, with the saved scenario kept', async () => {
  const huge = encodeURIComponent(JSON.stringify({ ...GOOD, title: 'x'.repeat(200_000) }));
  const { page, problems } = await open(`#scenario=${huge}`, {
    storage: { [STORAGE_KEY]: STORED_GOOD },
  });
  const notice = page.locator('.rw-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /te lang/);
  assert.equal(await total(page), '2');
  await assertHealthy(page, problems);
  await page.close();
});

test('corrupt storage is set aside and said: the app starts empty instead of failing', async () => {
  const corrupt = ['{"location": {"lon": 5.5', JSON.stringify('{"location": {"lon": 5.5'), 'null', '[]'];
  for (const value of corrupt) {
    const { page, problems } = await open('', { storage: { [STORAGE_KEY]: value } });
    assert.equal(await page.locator('.rw-verzoek').count(), 0, value);
    assert.match(await page.textContent('.rw-notice'), /Het opgeslagen scenario: niet te gebruiken .*bewaard onder 'routewijzer\.v1\.scenario\.beschadigd\.1'/, value);
    assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}.beschadigd.1`), STORAGE_KEY), value);
    await assertHealthy(page, problems);
    await page.close();
  }
  // The control: the same page with a readable entry shows it.
  const { page } = await open('', { storage: { [STORAGE_KEY]: STORED_GOOD } });
  assert.equal(await total(page), '2');
  await page.close();
});

test("a future version's storage is neither read nor overwritten", async () => {
  const future = JSON.stringify({ format: 'routewijzer-scenario/2', iets: 'nieuws' });
  const { page, problems } = await open(`#scenario=${encodeURIComponent(JSON.stringify(GOOD))}`, {
    storage: { 'routewijzer.v2.scenario': future },
  });
  assert.equal(await total(page), '2');
  assert.equal(await page.evaluate(() => localStorage.getItem('routewijzer.v2.scenario')), future);
  await assertHealthy(page, problems);
  await page.close();
});

test('full storage: the app keeps working and the link still holds the scenario', async () => {
  const { page, problems } = await open('', {
    initScript: () => {
      Storage.prototype.setItem = function full() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  });
  await page.setInputFiles('#rw-open', {
    name: 'goed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(GOOD)),
  });
  assert.equal(await total(page), '2');
  assert.match(decodeURIComponent(new URL(page.url()).hash), /milieubelastende-activiteit/);
  // Said plainly: the work is in this window and its link, not in the browser.
  assert.match(await page.textContent('.rw-panel-outcome .rw-warning[role=status]'), /opslag van deze browser is vol of geblokkeerd/);
  await assertHealthy(page, problems);
  await page.close();
});

test('markup in names shows as text and never runs', async () => {
  const scenario = {
    ...GOOD,
    title: SCRIPT,
    configuration: { name: IMG, description: SCRIPT, behandeldiensten: [] },
  };
  const { page, problems } = await open(`#scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
  await page.waitForSelector('.rw-verzoek');
  const body = await page.textContent('body');
  assert.ok(body.includes(IMG), 'the configuration name is shown as written');
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(await page.locator('script:not([src])').count(), 0);
  await assertHealthy(page, problems);

  // A refused id: the message quotes it as text.
  const before = await total(page);
  const bad = { ...GOOD, activities: [{ activity: SCRIPT, verzoektype: 'melding' }] };
  await page.setInputFiles('#rw-open', {
    name: 'kwaad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)),
  });
  const notice = page.locator('.rw-notice');
  await notice.waitFor();
  assert.ok((await notice.textContent()).includes(SCRIPT));
  assert.equal(await total(page), before, 'the previous scenario is kept');
  await assertHealthy(page, problems);
  await page.close();
});

test('empty, UTF-16, deeply nested and 50 MB files give a message and keep the scenario', async () => {
  const { page, problems } = await open(`#scenario=${encodeURIComponent(JSON.stringify(GOOD))}`);
  assert.equal(await total(page), '2');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(GOOD), 'utf16le')]);
  const files = [
    ['leeg.json', Buffer.alloc(0), /lege invoer/],
    ['utf16.json', utf16, /UTF-8/],
    ['diep.json', Buffer.from(`${'['.repeat(10_000)}${']'.repeat(10_000)}`), /te diep genest/],
  ];
  // 50 MB: playwright takes a buffer that large only as a file.
  const big = join(mkdtempSync(join(tmpdir(), 'rw-hostile-')), 'groot.json');
  writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
  files.push(['groot.json', big, /te groot/]);
  for (const [name, buffer, expected] of files) {
    const input = typeof buffer === 'string' ? buffer : { name, mimeType: 'application/json', buffer };
    await page.setInputFiles('#rw-open', input);
    // Each message starts with the file's name, so it is this file's message.
    await page.waitForFunction((n) => document.querySelector('.rw-notice')?.textContent.includes(n), name);
    const text = await page.textContent('.rw-notice');
    assert.match(text, expected, name);
    assert.equal(await total(page), '2', `${name}: the previous scenario is kept`);
  }
  await assertHealthy(page, problems);
  await page.close();
});

test('a repeated key in a link or a file is named, and the scenario is kept', async () => {
  // Oss, then Zeewolde: a last-wins reader would silently move the point (issue 22).
  const twice = JSON.stringify(GOOD).replace('"lat":51.765', '"lat":51.765,"lat":52.33');
  assert.ok(twice.includes('"lat":52.33'));
  const { page, problems } = await open(`#scenario=${encodeURIComponent(twice)}`, {
    storage: { [STORAGE_KEY]: STORED_GOOD },
  });
  const notice = page.locator('.rw-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /location\.lat: dubbele sleutel/);
  assert.equal(await total(page), '2', 'the scenario saved in this browser is kept');
  assert.doesNotMatch(await page.textContent('.rw-panel-outcome'), /Zeewolde/);
  await page.setInputFiles('#rw-open', { name: 'dubbel.json', mimeType: 'application/json', buffer: Buffer.from(twice) });
  await page.waitForFunction(() => document.querySelector('.rw-notice')?.textContent.includes('dubbel.json'));
  assert.match(await page.textContent('.rw-notice'), /location\.lat: dubbele sleutel/);
  assert.doesNotMatch(await page.textContent('.rw-panel-outcome'), /Zeewolde/);
  await assertHealthy(page, problems);
  await page.close();
});

// --- Links (issue 22 item 4): the app never writes a link it cannot read ---------------------

const PACKED = '#scenario=z:';
const packed = (text) => `${PACKED}${deflateRawSync(Buffer.from(text)).toString('base64url')}`;
/** The JSON a packed fragment carries, unpacked here in node: the format is plain deflate-raw. */
const unpacked = (hash) => JSON.parse(inflateRawSync(Buffer.from(hash.slice(PACKED.length), 'base64url')).toString());
const hashOf = (page) => new URL(page.url()).hash;

/** A scenario with an inline configuration of 684 rows, as in issue 22 (153 560 characters as a plain link). */
function bigScenario() {
  const bundled = JSON.parse(readFileSync(join(repoRoot, 'data/configurations/voorbeeld-noord-brabant.json'), 'utf8'));
  const catalogue = JSON.parse(readFileSync(join(repoRoot, 'data/catalogue.json'), 'utf8'));
  const gemeenten = [...new Set(bundled.behandeldiensten.map((r) => r.bevoegd_gezag).filter((g) => g.startsWith('GM')))].sort();
  const rows = [];
  for (const activity of catalogue.activities.filter((a) => a.level === 'gemeente')) {
    for (const verzoektype of [null, ...activity.verzoektypes]) {
      for (const gemeente of gemeenten) {
        rows.push({ bevoegd_gezag: gemeente, activity: activity.id, behandeldienst: ['ODBN', 'ODZOB', 'OMWB'][rows.length % 3], verzoektype, gemeenten: null, bron: `Afspraak ${rows.length + 1}` });
      }
    }
  }
  return { ...GOOD, configuration: { format: 'routewijzer-configuratie/1', name: 'Groot', behandeldiensten: rows.slice(0, 684) } };
}

async function openFile(page, name, value) {
  await page.setInputFiles('#rw-open', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });
}

test('links of version 0.2 (plain #scenario=) still open to the same scenario', async () => {
  for (const [name, expected] of [['bd-locatie-inline', '1'], ['na-ontvangst-bg-wijziging-houdt-bd', '3']]) {
    const fragment = readFileSync(join(repoRoot, `tests/fixtures/links/v0.2-${name}.link`), 'utf8').trim();
    const { page, problems } = await open(fragment, { storage: { [STORAGE_KEY]: STORED_GOOD } });
    assert.equal(await total(page), expected, name);
    assert.equal(await page.locator('.rw-notice').count(), 0, name);
    await assertHealthy(page, problems);
    await page.close();
  }
});

test('a 684-row configuration is packed into a link the app reads back', async () => {
  const scenario = bigScenario();
  const plainLength = encodeURIComponent(JSON.stringify(scenario)).length;
  assert.ok(plainLength > 100_000, `as a plain link ${plainLength} characters: more than the app reads`);
  const { page, problems } = await open();
  await openFile(page, 'groot.json', scenario);
  await page.waitForFunction((prefix) => location.hash.startsWith(prefix), PACKED);
  const hash = hashOf(page);
  assert.ok(hash.length < 20_000, `packed: ${hash.length} characters`);
  // The browser's CompressionStream made standard deflate-raw: node reads it back.
  const carried = unpacked(hash);
  assert.equal(carried.configuration.behandeldiensten.length, 684);
  assert.equal(await page.locator('.rw-warning', { hasText: 'Geen link' }).count(), 0);
  const before = await total(page);
  // Opened in a fresh page, the link gives the same outcome and nothing is refused.
  const other = await open(hash);
  await other.page.waitForFunction(() => document.querySelector('#rw-configuration option:checked')?.textContent.includes('scenario'));
  assert.equal(await total(other.page), before);
  assert.equal(await other.page.locator('.rw-notice').count(), 0);
  assert.deepEqual(unpacked(hashOf(other.page)), carried, 'the page writes back the link it opened');
  await assertHealthy(other.page, other.problems);
  await assertHealthy(page, problems);
  await page.close();
  await other.page.close();
});

test('a packed link pasted into the address bar opens; a damaged one is named', async () => {
  const { page, problems } = await open('', { storage: { [STORAGE_KEY]: STORED_GOOD } });
  assert.equal(await total(page), '2');
  const tilburg = { ...GOOD, location: { gemeente: 'GM0855' } };
  await page.evaluate((hash) => { location.hash = hash; }, packed(JSON.stringify(tilburg)));
  await page.locator('.rw-location-card').getByText('Tilburg').first().waitFor();
  // Cut off in a mail: the rest cannot be unpacked; the scenario stays.
  const cut = packed(JSON.stringify(GOOD));
  await page.evaluate((hash) => { location.hash = hash; }, cut.slice(0, cut.length - 9));
  await page.waitForFunction(() => document.querySelector('.rw-notice')?.textContent.includes('gecomprimeerde'));
  assert.match(await page.textContent('.rw-notice'), /de link is beschadigd: de gecomprimeerde inhoud is niet te lezen.*Uw vorige scenario is behouden/);
  assert.match(await page.textContent('.rw-location-card'), /Tilburg/);
  // A character that is not base64url, named with its place.
  await page.evaluate((hash) => { location.hash = hash; }, `${PACKED}abc$def`);
  await page.waitForFunction(() => document.querySelector('.rw-notice')?.textContent.includes('ongeldig teken'));
  assert.match(await page.textContent('.rw-notice'), /ongeldig teken in de gecomprimeerde link bij teken 5/);
  await assertHealthy(page, problems);
  await page.close();
});

test('a zip bomb link stops unpacking at the input limit, with a message', async () => {
  // 50 MB of spaces in a 67 000-character link.
  const bomb = `${PACKED}${deflateRawSync(Buffer.alloc(50 << 20, 0x20), { level: 9 }).toString('base64url')}`;
  assert.ok(bomb.length < 100_000, `${bomb.length}`);
  const { page, problems } = await open(bomb, {
    storage: { [STORAGE_KEY]: STORED_GOOD },
    // Counts what the page's stream readers hand out: the unpacked bytes.
    initScript: () => {
      window.__unpacked = 0;
      const read = ReadableStreamDefaultReader.prototype.read;
      ReadableStreamDefaultReader.prototype.read = async function counted() {
        const part = await read.call(this);
        window.__unpacked += part.value?.length ?? 0;
        return part;
      };
    },
  });
  const notice = page.locator('.rw-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /pakt uit tot meer dan 1024 kB, het maximum; het uitpakken is daar gestopt/);
  assert.equal(await total(page), '2', 'the saved scenario is kept');
  const read = await page.evaluate(() => window.__unpacked);
  assert.ok(read > 1 << 20 && read < 2 << 20, `unpacked ${read} bytes of 50 MB before stopping`);
  await assertHealthy(page, problems);
  await page.close();
});

test('a scenario too long even packed: no link, a message, and the file download instead', async () => {
  // 150 000 random characters do not compress: packed, still over the 100 000 a link may have.
  const title = randomBytes(112_500).toString('base64');
  const scenario = { ...GOOD, title };
  const { page, problems } = await open(`#scenario=${encodeURIComponent(JSON.stringify(GOOD))}`);
  await openFile(page, 'lang.json', scenario);
  const warning = page.locator('.rw-warning', { hasText: 'Geen link' });
  await warning.waitFor();
  assert.match(await warning.textContent(), /^Geen link: de link is te lang \(\d+ tekens, maximaal 100000\); bewaar of deel het scenario als bestand met ‘Download scenario’ hieronder\.$/);
  // The older link is gone from the address bar, so a reload opens this work, not that.
  assert.equal(hashOf(page), '');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.rw-file-actions button')]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.title, title);
  await page.reload();
  await warning.waitFor();
  assert.equal(await total(page), '2');
  // A shorter scenario gets its link back, and the warning goes.
  await openFile(page, 'kort.json', GOOD);
  await page.waitForFunction(() => location.hash.startsWith('#scenario='));
  assert.equal(await warning.count(), 0);
  await assertHealthy(page, problems);
  await page.close();
});

// --- Storage (issue 22 item 5): every set-aside entry is said, kept in turn, never lost -------

test('each corrupt stored scenario gets its own backup, said on screen; a link does not hide it', async () => {
  const first = '{"location": {"lon": 5.5';
  const { page, problems } = await open('', { storage: { [STORAGE_KEY]: first } });
  assert.match(await page.textContent('.rw-notice'), /bewaard onder 'routewijzer\.v1\.scenario\.beschadigd\.1'/);
  // Damaged again later, and opened with a link: the link's scenario shows, the damaged entry
  // is set aside beside the first (not over it) and said.
  const second = '{"activities": [';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, second]);
  await page.goto('about:blank');
  await page.goto(`${env.server.url}#scenario=${encodeURIComponent(JSON.stringify(GOOD))}`);
  await page.waitForSelector('.rw-verzoek');
  assert.match(await page.textContent('.rw-notice'), /bewaard onder 'routewijzer\.v1\.scenario\.beschadigd\.2'/);
  const kept = await page.evaluate((k) => [1, 2].map((n) => localStorage.getItem(`${k}.beschadigd.${n}`)), STORAGE_KEY);
  assert.deepEqual(kept, [first, second]);
  assert.equal(await total(page), '2');
  // The report stays until closed, even when the scenario changes.
  await page.selectOption('#rw-configuration', '');
  assert.match(await page.textContent('.rw-notice'), /beschadigd\.2/);
  await page.click('.rw-notice button');
  assert.equal(await page.locator('.rw-notice').count(), 0);
  await assertHealthy(page, problems);
  await page.close();
});

test('storage full: a 4.5 MB entry that cannot be set aside stays where it is, and the user is told', async () => {
  const { page, problems } = await open();
  // A stored scenario of 4.5 MB (over the input limit: unusable), then filler until the
  // browser refuses any more: there is no room for a backup copy.
  const big = `{"title": "${'x'.repeat(4_500_000)}"}`;
  const filled = await page.evaluate(([key, text]) => {
    localStorage.clear();
    localStorage.setItem(key, text);
    let n = 0;
    for (let size = 1 << 20; size >= 16; size >>= 1) {
      try {
        for (;;) localStorage.setItem(`vulling.${n++}`, 'v'.repeat(size));
      } catch { /* full at this size: try smaller */ }
    }
    return n;
  }, [STORAGE_KEY, big]);
  assert.ok(filled > 0);
  await page.goto('about:blank');
  await page.goto(env.server.url);
  await page.waitForSelector('svg.rw-map path.rw-gemeente');
  const notice = await page.textContent('.rw-notice');
  assert.match(notice, /Het opgeslagen scenario: niet te gebruiken \(invoer te groot.*\) en niet apart te zetten: de opslag van deze browser is vol of geblokkeerd\. Het gegeven blijft onder 'routewijzer\.v1\.scenario' staan en wordt niet overschreven/);
  // Working on: nothing is written over the entry, and the page says the work is not kept.
  await page.fill('#rw-gemeente-search', 'Oss');
  await page.click('.rw-hit[data-id="GM0828"]');
  await page.locator('.rw-location-card').getByText('Oss').first().waitFor();
  assert.match(await page.textContent('.rw-panel-outcome .rw-warning[role=status]'), /Niet bewaard in deze browser: onder 'routewijzer\.v1\.scenario' staat nog een gegeven/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), big, 'the original is untouched');
  assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}.beschadigd.1`), STORAGE_KEY), null);
  await page.evaluate(() => localStorage.clear());
  await assertHealthy(page, problems);
  await page.close();
});
