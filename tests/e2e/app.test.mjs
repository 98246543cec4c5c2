// The built page, as a person opens it: it loads under the strict CSP, renders, talks to no
// one else, and passes an accessibility scan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useServerAndBrowser, openWatchedPage, axeViolations, outputDir } from './harness.mjs';

const env = useServerAndBrowser();

test('the server sends wasm as application/wasm and the CSP header', async () => {
  const wasm = await fetch(new URL('pkg/routewijzer_bg.wasm', env.server.url));
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  const html = await fetch(env.server.url);
  assert.match(html.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
});

test('the app loads and renders without errors, CSP violations or foreign requests', async () => {
  const { page, problems } = await openWatchedPage(env.browser, env.server.url);
  await page.waitForSelector('h1');
  assert.equal(await page.textContent('h1'), 'Routewijzer');
  assert.equal(await page.locator('.rw-loading').count(), 0, 'the loading text is replaced');
  assert.ok(await page.locator('svg.rw-map').count() >= 1, 'a map is drawn');
  await page.screenshot({ path: join(outputDir, 'app.png'), fullPage: true });
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('axe-core finds no WCAG 2.1 A/AA violations', async () => {
  const { page } = await openWatchedPage(env.browser, env.server.url);
  await page.waitForSelector('h1');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
