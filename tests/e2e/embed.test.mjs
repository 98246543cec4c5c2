// Embedding (issue 9): two instances on a hostile host page, and an iframe host driving the
// app through postMessage. Both run from the `make dist` bundle under the strict CSP header.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, openWatchedPage, axeViolations, repoRoot, outputDir } from './harness.mjs';

const bundles = existsSync(join(repoRoot, 'dist')) ? readdirSync(join(repoRoot, 'dist')) : [];
const bundle = join(repoRoot, 'dist', bundles.find((d) => d.startsWith('routewijzer-')) ?? 'missing');
const hosts = join(repoRoot, 'tests', 'e2e', 'hosts');
let browser;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** A copy of the bundle with the host pages beside it, as an intranet would put it. */
function siteWithHosts() {
  const dir = mkdtempSync(join(tmpdir(), 'rw-embed-'));
  cpSync(bundle, dir, { recursive: true });
  cpSync(hosts, dir, { recursive: true });
  return dir;
}

test('two instances on a hostile host page keep their own state, storage and styles', async () => {
  const server = await startServer(siteWithHosts());
  try {
    const { page, problems } = await openWatchedPage(browser, `${server.url}two-instances.html`);
    const first = page.locator('#first');
    const second = page.locator('#second');
    // Playwright's CSS locators pierce open shadow roots.
    await first.locator('.rw-location-card').waitFor();
    await second.locator('.rw-verzoek').first().waitFor();

    // Options: the first is compact, Dutch, only the explainer, placed in Oss by region.
    assert.equal(await first.locator('nav.rw-views').isHidden(), true, 'one view: no tabs');
    assert.equal(await first.locator('.rw-lead').isHidden(), true, 'compact mode hides the lead');
    assert.match(await first.locator('.rw-location-card').textContent(), /Oss/);
    // The second is English, in Tilburg, with an outcome from its scenario option.
    assert.match(await second.locator('.rw-lang').textContent(), /Nederlands/);
    assert.match(await second.locator('.rw-panel-outcome').textContent(), /Tilburg/);

    // The host's CSS does not reach into the app ...
    const h1 = await first.locator('h1').evaluate((el) => {
      const s = getComputedStyle(el);
      return { size: s.fontSize, colour: s.color, transform: s.textTransform, display: getComputedStyle(el.closest('.rw-app')).display };
    });
    assert.deepEqual(h1, { size: '20px', colour: 'rgb(1, 104, 155)', transform: 'none', display: 'block' });
    const secondH1 = await second.locator('h1').evaluate((el) => getComputedStyle(el).fontSize);
    assert.equal(secondH1, '28px', 'em sizes follow the shadow host, not the page\'s 10px rem');
    const appButton = await second.locator('.rw-lang').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(appButton, 'rgb(255, 0, 0)');
    // ... and the app's CSS does not reach out: the host's own .rw-lead and .rw-button.
    const hostLead = await page.locator('#host-lead').evaluate((el) => getComputedStyle(el).color);
    assert.equal(hostLead, 'rgb(255, 0, 255)');
    const hostButton = await page.locator('#host-button').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(hostButton, 'rgb(255, 0, 0)');

    // Changing one instance leaves the other alone; each stores under its own key and
    // neither touches the host's URL.
    const before = await second.locator('.rw-panel-outcome').textContent();
    await first.locator('#rw-gemeente-search').fill('Uden');
    await first.locator('.rw-hit').first().click();
    await first.locator('.rw-location-card').getByText('Maashorst').first().waitFor();
    assert.equal(await second.locator('.rw-panel-outcome').textContent(), before);
    const stored = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.ok(stored.includes('routewijzer.v1.eerste.scenario'), stored.join());
    assert.ok(stored.includes('routewijzer.v1.tweede.scenario'), stored.join());
    assert.ok(!stored.includes('routewijzer.v1.scenario'), 'embedded instances never use the page\'s key');
    assert.equal(new URL(page.url()).hash, '', 'the host page\'s URL is left alone');

    // Reload: each instance comes back with its own work.
    await page.reload();
    await first.locator('.rw-location-card').getByText('Maashorst').first().waitFor();
    await second.locator('.rw-panel-outcome').getByText('Tilburg').first().waitFor();

    // Before axe: axe itself injects a <style> into shadow roots, which the CSP refuses.
    assert.deepEqual(await problems(), []);
    // The apps only: the host page's own garish colours are the host's business.
    assert.deepEqual(await axeViolations(page, [['#first'], ['#second']]), []);
    await page.screenshot({ path: join(outputDir, 'embed-two-instances.png'), fullPage: true });
    await page.close();
  } finally {
    server.stop();
  }
});

test('a wrong option is named in the element instead of an empty box', async () => {
  const dir = siteWithHosts();
  writeFileSync(join(dir, 'bad.html'), readFileSync(join(hosts, 'two-instances.html'), 'utf8')
    .replace('views="verklaren"', 'views="verklaren kaartspel"')
    .replace('<script type="module" src="two-instances.js"></script>', ''));
  const server = await startServer(dir);
  try {
    const { page } = await openWatchedPage(browser, `${server.url}bad.html`);
    const alert = page.locator('#first [role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /onbekende weergave "kaartspel"/);
    await page.close();
  } finally {
    server.stop();
  }
});

test('a changed loader or start build is refused in a host page too, and the element says so', async () => {
  for (const name of ['loader.js', 'routewijzer_start.js']) {
    const dir = siteWithHosts();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const file = join(dir, manifest.files[name].file);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nglobalThis.__tampered = true;\n`);
    const server = await startServer(dir);
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}two-instances.html`);
      const alert = page.locator('#first [role=alert]');
      await alert.waitFor();
      assert.match(await alert.textContent(), /integriteitscontrole/, name);
      assert.equal(await page.evaluate(() => globalThis.__tampered), undefined, `${name} did not run`);
      await page.close();
    } finally {
      server.stop();
    }
  }
});

test('a repeated key in a scenario attribute or a configuration file is named, not last-wins', async () => {
  const dir = siteWithHosts();
  // Oss, then Zeewolde: JSON.parse would silently keep the second.
  const twice = '{"location": {"lon": 5.528, "lat": 51.765, "lat": 52.33}, "activities": [{"activity": "kappen", "verzoektype": "melding"}]}';
  writeFileSync(join(dir, 'configuratie.json'), '{"behandeldiensten": [{"bevoegd_gezag": "GM0828", "activity": "kappen", "behandeldienst": "ODBN", "behandeldienst": "ODZOB"}]}');
  writeFileSync(join(dir, 'dubbel.html'), readFileSync(join(hosts, 'two-instances.html'), 'utf8')
    .replace('<routewijzer-app id="first" instance="eerste" region="GM0828" views="verklaren" compact></routewijzer-app>',
      `<routewijzer-app id="first" scenario='${twice}'></routewijzer-app>
       <routewijzer-app id="third" configuration="configuratie.json" region="GM0828"></routewijzer-app>`)
    .replace('<script type="module" src="two-instances.js"></script>', ''));
  const server = await startServer(dir);
  try {
    const { page } = await openWatchedPage(browser, `${server.url}dubbel.html`);
    const first = page.locator('#first [role=alert]');
    await first.waitFor();
    assert.match(await first.textContent(), /^routewijzer: scenario: location\.lat: dubbele sleutel/);
    const third = page.locator('#third [role=alert]');
    await third.waitFor();
    assert.match(await third.textContent(), /configuration: behandeldiensten\[0\]\.behandeldienst: dubbele sleutel/);
    await page.close();
  } finally {
    server.stop();
  }
});

/**
 * The app's bundle on its own origin, allowing `parentOrigins` and framed by `framers`; the
 * host pages lie beside it, so a page of the app's own origin can frame it too.
 */
async function appServer(parentOrigins, framers) {
  const dir = mkdtempSync(join(tmpdir(), 'rw-framed-'));
  cpSync(bundle, dir, { recursive: true });
  cpSync(hosts, dir, { recursive: true });
  const index = join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  const meta = '<meta name="routewijzer-parent-origins" content="">';
  assert.ok(html.includes(meta), 'index.html has the allow-list meta tag');
  writeFileSync(index, html.replace(meta, `<meta name="routewijzer-parent-origins" content="${parentOrigins.join(' ')}">`));
  return startServer(dir, { frameAncestors: framers.join(' ') });
}

const scenario = {
  format: 'routewijzer-scenario/1',
  location: { gemeente: 'GM0828' },
  activities: [{ activity: 'milieubelastende-activiteit', verzoektype: 'melding' }],
  configuration: 'voorbeeld-noord-brabant',
};

test('an iframe host drives the app by postMessage; other origins are ignored', async () => {
  // Host pages may frame any local port: the app's is not known before it starts.
  const host = await startServer(hosts, { frameSrc: 'http://127.0.0.1:*' });
  const hostOrigin = new URL(host.url).origin;
  const app = await appServer([hostOrigin], ["'self'", hostOrigin]);
  try {
    const { page, problems } = await openWatchedPage(browser, `${host.url}iframe-host.html?app=${encodeURIComponent(app.url)}`);
    const frame = page.frameLocator('#frame');
    await frame.locator('h1').waitFor();
    // The app reports its height so the host can size the iframe.
    await page.waitForFunction(() => window.received.some((m) => m.type === 'routewijzer:resize' && m.height > 300));
    await page.evaluate((s) => window.send({ type: 'routewijzer:set-scenario', scenario: s }), scenario);
    await frame.locator('.rw-verzoek').first().waitFor();
    await page.evaluate(() => window.send({ type: 'routewijzer:get-outcome' }));
    const answer = await page.waitForFunction(() => window.received.find((m) => m.type === 'routewijzer:outcome'));
    const outcome = (await answer.jsonValue()).outcome;
    assert.equal(outcome.total_triggers, 2);
    assert.equal(outcome.verzoeken[0].bevoegd_gezag.id, 'GM0828');
    assert.equal(outcome.verzoeken[0].behandeldienst.id, 'ODBN');
    assert.ok(await page.evaluate(() => window.received.some((m) => m.type === 'routewijzer:changed' && m.outcome)));
    // A broken scenario is answered with the engine's message; the app keeps its state.
    await page.evaluate(() => window.send({ type: 'routewijzer:set-scenario', scenario: { format: 'routewijzer-scenario/1', location: { gemeente: 'GM9999' }, activities: [] } }));
    const error = await page.waitForFunction(() => window.received.find((m) => m.type === 'routewijzer:error'));
    assert.match((await error.jsonValue()).error, /GM9999/);
    assert.match(await frame.locator('.rw-location-card').textContent(), /Oss/);
    // The framed app's own files are the only other origin the host page may reach.
    const foreign = (await problems()).filter((p) => !p.startsWith(`foreign request: ${app.url}`));
    assert.deepEqual(foreign, []);

    // The same messages from an origin that may frame the app (its own) but is not listed
    // for messages change nothing and get no answer.
    const other = await openWatchedPage(browser, `${app.url}iframe-host.html?app=${encodeURIComponent(app.url)}`);
    const strangerFrame = other.page.frameLocator('#frame');
    await strangerFrame.locator('.rw-location-card').waitFor();
    const untouched = await strangerFrame.locator('.rw-location-card').textContent();
    await other.page.evaluate((s) => {
      window.send({ type: 'routewijzer:set-scenario', scenario: { ...s, location: { gemeente: 'GM0796' } } });
      window.send({ type: 'routewijzer:get-outcome' });
    }, scenario);
    await other.page.waitForTimeout(500);
    assert.deepEqual(await other.page.evaluate(() => window.received), [], 'no answer, not even a resize');
    assert.equal(await strangerFrame.locator('.rw-location-card').textContent(), untouched);
    assert.doesNotMatch(untouched, /Hertogenbosch/);
    await page.close();
    await other.page.close();
  } finally {
    host.stop();
    app.stop();
  }
});

test('framed by an origin that is not listed, the app does not run and says so', async () => {
  // A server without the documented frame-ancestors header (here: one that lets the stranger
  // frame it): the page's own check refuses to run the app under the stranger.
  const host = await startServer(hosts, { frameSrc: 'http://127.0.0.1:*' });
  const stranger = await startServer(hosts, { frameSrc: 'http://127.0.0.1:*' });
  const hostOrigin = new URL(host.url).origin;
  const strangerOrigin = new URL(stranger.url).origin;
  const app = await appServer([hostOrigin], [hostOrigin, strangerOrigin]);
  try {
    const { page } = await openWatchedPage(browser, `${stranger.url}iframe-host.html?app=${encodeURIComponent(app.url)}`);
    const frame = page.frameLocator('#frame');
    const alert = frame.locator('[role=alert]');
    await alert.waitFor();
    const text = await alert.textContent();
    assert.ok(text.includes(`niet ingesloten in ${strangerOrigin}`), text);
    assert.ok(text.includes(`Open Routewijzer rechtstreeks op ${new URL(app.url).origin}`), text);
    assert.equal(await frame.locator('h1, svg.rw-map, button').count(), 0, 'nothing of the app runs');
    // Nothing of the app runs, so nothing answers either, and nothing is stored.
    await page.evaluate((s) => window.send({ type: 'routewijzer:set-scenario', scenario: s }), scenario);
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => window.received), []);
    const appFrame = page.frames().find((f) => f.url().startsWith(app.url));
    assert.equal(await appFrame.evaluate(() => localStorage.length), 0);

    // The listed host, framing the same app at the same time, gets the app.
    const { page: allowed } = await openWatchedPage(browser, `${host.url}iframe-host.html?app=${encodeURIComponent(app.url)}`);
    await allowed.frameLocator('#frame').locator('h1').waitFor();
    await page.close();
    await allowed.close();
  } finally {
    host.stop();
    stranger.stop();
    app.stop();
  }
});

test('every malformed set-scenario is answered with routewijzer:error, and the app keeps its state', async () => {
  const host = await startServer(hosts, { frameSrc: 'http://127.0.0.1:*' });
  const hostOrigin = new URL(host.url).origin;
  const app = await appServer([hostOrigin], [hostOrigin]);
  try {
    const { page, problems } = await openWatchedPage(browser, `${host.url}iframe-host.html?app=${encodeURIComponent(app.url)}`);
    const frame = page.frameLocator('#frame');
    await frame.locator('h1').waitFor();
    await page.evaluate((s) => window.send({ type: 'routewijzer:set-scenario', scenario: s }), scenario);
    await frame.locator('.rw-verzoek').first().waitFor();
    const shown = async () => [await frame.locator('.rw-location-card').textContent(), await frame.locator('.rw-total-number').textContent()];
    const before = await shown();
    assert.match(before[0], /Oss/);
    /** Sends what `make()` builds in the host page; resolves to the error answer it got. */
    const refused = async (make) => {
      const count = await page.evaluate(() => window.received.filter((m) => m.type === 'routewijzer:error').length);
      await page.evaluate(`window.send(${make})`);
      const answer = await page.waitForFunction((n) => window.received.filter((m) => m.type === 'routewijzer:error')[n], count);
      return (await answer.jsonValue()).error;
    };
    const s = JSON.stringify(scenario);
    const cases = [
      ["({ type: 'routewijzer:set-scenario' })", /set-scenario zonder scenario/],
      ["({ type: 'routewijzer:set-scenario', scenario: 42 })", /scenario moet een object of JSON-tekst zijn, geen getal/],
      ["({ type: 'routewijzer:set-scenario', scenario: [1, 2] })", /scenario moet een object of JSON-tekst zijn, geen lijst/],
      ["({ type: 'routewijzer:set-scenario', scenario: null })", /geen null/],
      ["({ type: 'routewijzer:set-scenario', scenario: '{\"location\": ' })", /regel 1/],
      // A repeated key in a scenario sent as text is an error (the strict reader), not last-wins.
      [`({ type: 'routewijzer:set-scenario', scenario: ${JSON.stringify(s.replace('"gemeente":"GM0828"', '"gemeente":"GM0828","gemeente":"GM0855"'))} })`, /location\.gemeente: dubbele sleutel/],
      ["({ type: 'routewijzer:set-scenario', scenario: { format: 'routewijzer-scenario/1', location: { gemeente: 'GM9999' }, activities: [] } })", /GM9999/],
      // A Map would be `{}` to JSON.stringify, an empty scenario that clears the state.
      [`({ type: 'routewijzer:set-scenario', scenario: new Map(Object.entries(${s})) })`, /^scenario: een Map-object is geen JSON-object/],
      [`({ type: 'routewijzer:set-scenario', scenario: { ...${s}, location: { gemeente: 'GM0855', sinds: new Date() } } })`, /^scenario\.location\.sinds: een Date-object is geen JSON-object/],
      [`({ type: 'routewijzer:set-scenario', scenario: { ...${s}, activities: [new Set()] } })`, /^scenario\.activities\[0\]: een Set-object/],
    ];
    for (const [make, expected] of cases) {
      assert.match(await refused(make), expected, make);
      assert.deepEqual(await shown(), before, `${make}: the state is kept`);
    }
    // A scenario sent as JSON text is opened, as a file is.
    await page.evaluate((text) => window.send({ type: 'routewijzer:set-scenario', scenario: text }), JSON.stringify({ ...scenario, location: { gemeente: 'GM0855' } }));
    await frame.locator('.rw-location-card').getByText('Tilburg').first().waitFor();
    const foreign = (await problems()).filter((p) => !p.startsWith(`foreign request: ${app.url}`));
    assert.deepEqual(foreign, []);
    await page.close();
  } finally {
    host.stop();
    app.stop();
  }
});

test('a 100 MB message is refused by its size in JavaScript and never reaches wasm memory', async () => {
  const host = await startServer(hosts, { frameSrc: 'http://127.0.0.1:*' });
  const hostOrigin = new URL(host.url).origin;
  const app = await appServer([hostOrigin], [hostOrigin]);
  try {
    const { page } = await openWatchedPage(browser, `${host.url}iframe-host.html?app=${encodeURIComponent(app.url)}`);
    const frame = page.frameLocator('#frame');
    await frame.locator('h1').waitFor();
    await page.evaluate((s) => window.send({ type: 'routewijzer:set-scenario', scenario: s }), scenario);
    await frame.locator('.rw-verzoek').first().waitFor();
    const appFrame = page.frames().find((f) => f.url().startsWith(app.url));
    // The wasm module's memory, as main.js exposes it for make bench.
    const wasmBytes = () => appFrame.evaluate(() => document.getElementById('app').routewijzerWasmBytes());
    const before = await wasmBytes();
    const big = [
      // As text: refused by its length.
      ["'x'.repeat(100 << 20)", /^scenario is te groot \(104857600 tekens, maximaal 1048576\)/],
      // As an object: the walk stops once it has seen 1 MiB.
      [`({ ...${JSON.stringify(scenario)}, title: 'x'.repeat(100 << 20) })`, /^scenario is te groot \(meer dan 1048576 tekens/],
      [`({ ...${JSON.stringify(scenario)}, activities: new Array(10_000_000).fill(0) })`, /^scenario is te groot \(meer dan 1048576 tekens/],
    ];
    for (const [make, expected] of big) {
      const count = await page.evaluate(() => window.received.filter((m) => m.type === 'routewijzer:error').length);
      await page.evaluate(`window.send({ type: 'routewijzer:set-scenario', scenario: ${make} })`);
      const answer = await page.waitForFunction((n) => window.received.filter((m) => m.type === 'routewijzer:error')[n], count);
      assert.match((await answer.jsonValue()).error, expected, make);
    }
    // Not ours, 100 MB: ignored without an answer.
    await page.evaluate(() => window.send({ type: 'x'.repeat(100 << 20) }));
    await page.evaluate(() => window.send({ type: 'routewijzer:get-outcome' }));
    await page.waitForFunction(() => window.received.some((m) => m.type === 'routewijzer:outcome'));
    const after = await wasmBytes();
    console.log(`wasm memory: ${before} -> ${after} bytes`);
    assert.ok(after - before <= 1 << 20, `wasm memory grew by ${after - before} bytes`);
    assert.match(await frame.locator('.rw-location-card').textContent(), /Oss/);
    await page.close();
  } finally {
    host.stop();
    app.stop();
  }
});
