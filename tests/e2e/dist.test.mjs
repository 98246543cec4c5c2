// The distributable bundle (make dist) works on its own, and Subresource Integrity really
// protects it: a tampered file stops the app with a message instead of running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, openWatchedPage, repoRoot } from './harness.mjs';

const bundles = existsSync(join(repoRoot, 'dist'))
  ? readdirSync(join(repoRoot, 'dist')).filter((d) => d.startsWith('routewijzer-'))
  : [];
const bundle = join(repoRoot, 'dist', bundles[0] ?? 'missing');
let browser;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('make dist produced one versioned bundle with hashed names and integrity', () => {
  assert.equal(bundles.length, 1, `bundles in dist/: ${bundles}`);
  const html = readFileSync(join(bundle, 'index.html'), 'utf8');
  assert.match(html, /<script type="module" src="assets\/main\.[0-9a-f]{12}\.js" integrity="sha384-/);
  assert.match(html, /<link rel="stylesheet" href="assets\/style\.[0-9a-f]{12}\.css" integrity="sha384-/);
  const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
  for (const { file } of Object.values(manifest.files)) assert.ok(existsSync(join(bundle, file)), file);
  assert.ok(existsSync(join(bundle, 'NOTICE')), 'the data attribution travels with the bundle');
});

test('the bundle runs from its own folder without errors or foreign requests', async () => {
  const server = await startServer(bundle);
  try {
    const scenario = { location: { gemeente: 'GM0828' }, configuration: 'voorbeeld-noord-brabant',
      activities: [{ activity: 'milieubelastende-activiteit', verzoektype: 'melding' }] };
    const { page, problems } = await openWatchedPage(browser, `${server.url}#scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
    await page.waitForSelector('h1');
    assert.match(await page.textContent('h1'), /Routewijzer/);
    // The rules' texts come from the bundle too, integrity-checked, when a finding opens.
    const finding = page.locator('.rw-finding[data-code="bd-copy"]');
    await finding.locator('summary').click();
    await finding.locator('.rw-sources').waitFor();
    // The version a hoster quotes in an accessibility statement is the one in Cargo.toml.
    const version = /^version = "([^"]+)"/m.exec(readFileSync(join(repoRoot, 'Cargo.toml'), 'utf8'))[1];
    assert.match(await page.textContent('.rw-footer'), new RegExp(`versie ${version.replaceAll('.', '\\.')}`));
    // Another view loads the full build (its wasm integrity-checked as well).
    await page.click('.rw-views a[data-view="oefenen"]');
    await page.waitForSelector('#rw-h-casus');
    assert.deepEqual(await problems(), []);
    await page.close();
  } finally {
    server.stop();
  }
});

test('a tampered wasm file is refused by its integrity check and the page says so', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'rw-dist-'));
  cpSync(bundle, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  const wasmPath = join(copy, manifest.files['routewijzer_start_bg.wasm'].file);
  const bytes = readFileSync(wasmPath);
  bytes[bytes.length - 1] ^= 0xff;
  writeFileSync(wasmPath, bytes);
  const server = await startServer(copy);
  try {
    const { page } = await openWatchedPage(browser, server.url);
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /kon niet starten/);
    assert.equal(await page.locator('h1').count(), 0, 'the app did not start');
    await page.close();
  } finally {
    server.stop();
  }
});

/** A copy of the bundle whose module `name` runs extra code: valid JavaScript, so only its
 * integrity check can stop it. `parentOrigins` set makes the page load the full build at once. */
function tampered(name, parentOrigins = '') {
  const copy = mkdtempSync(join(tmpdir(), 'rw-dist-'));
  cpSync(bundle, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  const glue = join(copy, manifest.files[name].file);
  writeFileSync(glue, `${readFileSync(glue, 'utf8')}\nglobalThis.__tampered = true;\n`);
  const index = join(copy, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('name="routewijzer-parent-origins" content=""',
    `name="routewijzer-parent-origins" content="${parentOrigins}"`));
  return copy;
}

/** Console messages of `page` that report a refused integrity digest. */
function integrityErrors(page) {
  const seen = [];
  page.on('console', (msg) => { if (/integrity/.test(msg.text())) seen.push(msg.text()); });
  return seen;
}

test('a changed full build JavaScript is refused when a view opens, and the page says so', async () => {
  const server = await startServer(tampered('routewijzer.js'));
  try {
    const page = await browser.newPage();
    const refused = integrityErrors(page);
    await page.goto(server.url);
    await page.waitForSelector('svg.rw-map path.rw-gemeente');
    await page.click('.rw-views a[data-view="oefenen"]');
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /kon deze weergave niet laden.*Herlaad de pagina/s);
    assert.equal(await page.evaluate(() => globalThis.__tampered), undefined, 'the changed file did not run');
    assert.ok(refused.some((m) => m.includes('routewijzer.')), refused.join('\n'));
    await page.close();
  } finally {
    server.stop();
  }
});

test('a changed full build JavaScript is refused at start for a page that loads it at once', async () => {
  const server = await startServer(tampered('routewijzer.js', 'https://intranet.example.nl'));
  try {
    const page = await browser.newPage();
    const refused = integrityErrors(page);
    await page.goto(server.url);
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /kon niet starten/);
    assert.equal(await page.locator('h1').count(), 0, 'the app did not start');
    assert.equal(await page.evaluate(() => globalThis.__tampered), undefined, 'the changed file did not run');
    assert.ok(refused.length > 0);
    await page.close();
  } finally {
    server.stop();
  }
});

test('a changed loader or start build JavaScript is refused and the page says so', async () => {
  for (const name of ['loader.js', 'routewijzer_start.js']) {
    const server = await startServer(tampered(name));
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      const alert = page.locator('[role=alert]');
      await alert.waitFor();
      assert.match(await alert.textContent(), /kon niet starten/, name);
      assert.equal(await page.evaluate(() => globalThis.__tampered), undefined, `${name} did not run`);
      await page.close();
    } finally {
      server.stop();
    }
  }
});
