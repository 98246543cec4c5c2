// A dead module still shows a page (issue 22): a WebAssembly trap (memory exhausted,
// `unreachable`) is not a panic, so the panic hook never runs, and the module cannot be
// called again. www/loader.js catches the RuntimeError at the JavaScript boundary and shows a
// readable page built without WebAssembly; localStorage is left exactly as it was.
//
// The forced trap: wasm-bindgen's allocator export `__wbindgen_malloc` asked for 4 GiB - 1
// bytes aborts the module through the same `unreachable` as an out-of-memory (release
// build). It is reached only from this test, through the page's own glue module (import()
// returns the instance the page runs; its init() hands back the instance's exports).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openWatchedPage } from './harness.mjs';

const env = useServerAndBrowser();
const scenario = {
  location: { gemeente: 'GM0828' },
  activities: [{ activity: 'milieubelastende-activiteit', verzoektype: 'melding' }],
  configuration: 'voorbeeld-noord-brabant',
};

const storage = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

/** Makes the instance of `glue` (the page's own module) trap, from a timer or a promise. */
function trap(page, glue, via) {
  return page.evaluate(async ({ glue, via }) => {
    const exports = await (await import(glue)).default();
    const die = () => exports.__wbindgen_malloc(0xffffffff, 1);
    if (via === 'timer') setTimeout(die);
    else Promise.resolve().then(die);
  }, { glue, via });
}

async function assertDeadPage(page, stored) {
  const alert = page.locator('.rw-panic[role=alert]');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /Routewijzer is gestopt door een interne fout\. Herlaad de pagina/);
  assert.match(text, /blijft bewaard/);
  assert.match(text, /RuntimeError: unreachable/);
  assert.equal(await page.locator('svg.rw-map, .rw-app').count(), 0, 'the dead app is gone');
  assert.deepEqual(await storage(page), stored, 'stored work untouched');
}

test('a trap in the start build shows the error page and keeps storage', async () => {
  const { page } = await openWatchedPage(env.browser, `${env.server.url}#scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
  await page.waitForSelector('.rw-verzoek');
  await page.waitForFunction(() => localStorage.getItem('routewijzer.v1.scenario') !== null);
  const stored = await storage(page);
  assert.ok(Object.keys(stored).length > 0);
  assert.equal(await page.locator('.rw-panic').count(), 0);
  await trap(page, new URL('pkg/routewijzer_start.js', env.server.url).href, 'timer');
  await assertDeadPage(page, stored);
  await page.close();
});

test('a trap in the full build, in a promise, shows the error page and keeps storage', async () => {
  const { page } = await openWatchedPage(env.browser, `${env.server.url}#scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
  await page.waitForSelector('.rw-verzoek');
  await page.click('.rw-views a[data-view="oefenen"]');
  await page.waitForSelector('#rw-h-casus');
  const stored = await storage(page);
  await trap(page, new URL('pkg/routewijzer.js', env.server.url).href, 'promise');
  await assertDeadPage(page, stored);
  await page.close();
});
