// Hostile input end to end (issue 11): damaged links, storage that is full, corrupt or from a
// future version, markup in names, impossible files. Each gives a readable message or is
// ignored, keeps what the user had, never runs injected markup and never shows the panic page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useServerAndBrowser, openWatchedPage } from './harness.mjs';

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

test('corrupt storage is ignored: the app starts empty instead of failing', async () => {
  const corrupt = ['{"location": {"lon": 5.5', JSON.stringify('{"location": {"lon": 5.5'), 'null', '[]'];
  for (const value of corrupt) {
    const { page, problems } = await open('', { storage: { [STORAGE_KEY]: value } });
    assert.equal(await page.locator('.rw-verzoek').count(), 0, value);
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
