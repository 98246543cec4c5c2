// The built page, as a person opens it: it loads under the strict CSP, renders, talks to no
// one else, and passes an accessibility scan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launchBrowser, openWatchedPage, axeViolations, outputDir } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('the server sends wasm as application/wasm and the CSP header', async () => {
  const wasm = await fetch(new URL('pkg/routewijzer_bg.wasm', server.url));
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  const html = await fetch(server.url);
  assert.match(html.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
});

test('the app loads and renders without errors, CSP violations or foreign requests', async () => {
  const { page, problems } = await openWatchedPage(browser, server.url);
  await page.waitForSelector('h1');
  assert.equal(await page.textContent('h1'), 'Routewijzer');
  assert.equal(await page.locator('.rw-loading').count(), 0, 'the loading text is replaced');
  assert.ok(await page.locator('svg.rw-map').count() >= 1, 'a map is drawn');
  await page.screenshot({ path: join(outputDir, 'app.png'), fullPage: true });
  assert.deepEqual(await problems(), []);
  await page.close();
});

test('axe-core finds no WCAG 2.1 A/AA violations', async () => {
  const { page } = await openWatchedPage(browser, server.url);
  await page.waitForSelector('h1');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
