// Browser figures for `make bench`, printed and never asserted (these machines are noisy):
// start-up against a bare Yew page built with the same profile, map click → painted
// outcome, and memory after start-up and after 200 interactions.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, repoRoot } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS || 11);
const CLICKS = Number(process.env.CLICKS || 60);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => `${x.toFixed(1)} ms`;

// Time from navigation start to the first frame painted once the page is usable: for the
// app its heading and the map's gemeenten (the explainer's main control), for the bare Yew
// page its heading.
const readyProbe = (selectors) => {
  window.__ready = new Promise((resolve) => {
    const ready = () => selectors.every((s) => document.querySelector(s));
    new MutationObserver((_, obs) => {
      if (ready()) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now())); }
    }).observe(document, { childList: true, subtree: true });
  });
};

async function startup(context, url, selectors) {
  const page = await context.newPage();
  await page.addInitScript(readyProbe, selectors);
  await page.goto(url);
  const t = await page.evaluate(() => window.__ready);
  await page.close();
  return t;
}

// The app from the release bundle (make dist), the bare Yew page from bench/hello.
const bundle = readdirSync(join(repoRoot, 'dist')).find((d) => d.startsWith('routewijzer-'));
const server = await startServer(join(repoRoot, 'dist', bundle));
const helloServer = await startServer(join(repoRoot, 'bench', 'hello'));
const browser = await launchBrowser();
try {
  const app = [];
  const hello = [];
  for (let i = 0; i < RUNS; i++) {
    app.push(await startup(browser, server.url, ['h1', 'svg.rw-map path.rw-gemeente']));
    hello.push(await startup(browser, `${helloServer.url}index.html`, ['h1']));
  }
  const [ma, mh] = [median(app), median(hello)];
  console.log('## Start-up (navigation → first painted frame with the heading, and for the app the map), headless Chromium');
  console.log(`runs each        ${RUNS}`);
  console.log(`Routewijzer      median ${ms(ma)}  (min ${ms(Math.min(...app))}, max ${ms(Math.max(...app))})`);
  console.log(`bare Yew hello   median ${ms(mh)}  (min ${ms(Math.min(...hello))}, max ${ms(Math.max(...hello))})`);
  console.log(`ratio            ${(ma / mh).toFixed(2)}  (budget ≤ 1.5)`);

  if (process.env.STARTUP_ONLY) { // a quicker run while working on start-up
    await browser.close();
    server.stop();
    helloServer.stop();
    process.exit(0);
  }
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const scenario = { location: { gemeente: 'GM0828' }, configuration: 'voorbeeld-noord-brabant',
    activities: [{ activity: 'milieubelastende-activiteit', verzoektype: 'melding' }, { activity: 'bouwactiviteit-technisch', verzoektype: 'aanvraag-vergunning' }] };
  await page.goto(`${server.url}#scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
  await page.waitForSelector('.rw-verzoek');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const memory = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    const wasm = await page.evaluate(() => document.getElementById('app').routewijzerWasmBytes());
    return { heap, wasm };
  };
  const before = await memory();

  // One click: pointer up on the map → the first frame after the page changed.
  const map = page.locator('svg.rw-map');
  const clickOnce = async (i) => {
    // Measured afresh each time: a notice (a point at sea) shifts the page.
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    const x = box.x + box.width * (0.3 + 0.4 * ((i * 37) % 100) / 100);
    const y = box.y + box.height * (0.3 + 0.4 * ((i * 61) % 100) / 100);
    await page.evaluate(() => {
      window.__took = new Promise((resolve) => {
        // The whole app: a point at sea answers with a notice above the explainer.
        const main = document.querySelector('.rw-app');
        let start = 0;
        const obs = new MutationObserver(() => { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now() - start)); });
        // On window, capturing: before the app's own (delegated) listener runs.
        window.addEventListener('pointerup', () => {
          start = performance.now();
          obs.observe(main, { childList: true, subtree: true, attributes: true, characterData: true });
        }, { capture: true, once: true });
      });
    });
    await page.mouse.click(x, y);
    return page.evaluate(() => window.__took);
  };
  const times = [];
  for (let i = 0; i < CLICKS; i++) times.push(await clickOnce(i));
  console.log('\n## Interaction (map click → updated outcome painted)');
  console.log(`clicks ${CLICKS}: median ${ms(median(times))}, p90 ${ms([...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)])} (budget: one frame, 16 ms, at the median)`);

  for (let i = times.length; i < 200; i++) await clickOnce(i);
  const after200 = await memory();
  console.log('\n## Memory (after garbage collection)');
  console.log(`after start-up        JS heap ${(before.heap / 1024).toFixed(0)} KB, wasm ${(before.wasm / 1024).toFixed(0)} KB`);
  console.log(`after 200 map clicks  JS heap ${(after200.heap / 1024).toFixed(0)} KB, wasm ${(after200.wasm / 1024).toFixed(0)} KB`);
  // A leak keeps growing; caches and the first clicks' allocations settle. 200 more tell them apart.
  for (let i = 200; i < 400; i++) await clickOnce(i);
  const after400 = await memory();
  console.log(`after 400 map clicks  JS heap ${(after400.heap / 1024).toFixed(0)} KB, wasm ${(after400.wasm / 1024).toFixed(0)} KB`);
  // For the summary table of make bench (scripts/bench-table.mjs).
  mkdirSync(join(repoRoot, 'target', 'bench'), { recursive: true });
  writeFileSync(join(repoRoot, 'target', 'bench', 'web.json'), JSON.stringify({
    runs: RUNS, app: ma, hello: mh, clicks: CLICKS, click: median(times),
    clickP90: [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)], before, after200, after400,
  }));
  await page.close();
} finally {
  await browser.close().catch(() => {});
  server.stop();
  helloServer.stop();
}
