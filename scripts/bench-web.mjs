// Browser figures for `make bench`, printed and never asserted (these machines are noisy):
// start-up against two baselines built with the same profile (a bare Yew page, and bare Yew
// plus the explainer's start map from markup computed ahead of time), also at 4× CPU
// throttling and over a slow network; map click → painted outcome against the map baseline's
// click; memory after start-up and after 200 and 400 interactions. docs/performance.md says
// how each figure is measured.
//
//   RUNS=11 (start-up loads per page and CPU rate), NET_RUNS=5 (throttled-network first loads
//   per page), CLICKS=60, THROTTLED_CLICKS=30; STARTUP_ONLY=1 stops after start-up,
//   NO_THROTTLE=1 leaves out the throttled start-up and network rows (quicker).
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, repoRoot } from '../tests/e2e/harness.mjs';
import { startGzipServer } from './bench-server.mjs';

const RUNS = Number(process.env.RUNS || 11);
const NET_RUNS = Number(process.env.NET_RUNS || 5);
const CLICKS = Number(process.env.CLICKS || 60);
const THROTTLED_CLICKS = Number(process.env.THROTTLED_CLICKS || 30);
const THROTTLE = !process.env.NO_THROTTLE;
/** A slower CPU (Lighthouse's mobile preset uses the same rate). */
const CPU_SLOWDOWN = 4;
/** 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip: Lighthouse's "slow 4G". */
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const ms = (x) => `${x.toFixed(1)} ms`;

// Time from navigation start to the first frame painted once the page is usable: its heading
// and, for the app and the map baseline, the map's gemeenten (the explainer's main control).
const readyProbe = (selectors) => {
  window.__ready = new Promise((resolve) => {
    const ready = () => selectors.every((s) => document.querySelector(s));
    new MutationObserver((_, obs) => {
      if (ready()) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now())); }
    }).observe(document, { childList: true, subtree: true });
  });
};

/** A new page with its DevTools session, CPU throttled `cpu` times, optionally on a slow network with an empty cache. */
async function openPage(context, { cpu = 1, network = null } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true }); // a first visit
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  return { page, cdp };
}

async function startup(context, { url, ready }, options) {
  const { page } = await openPage(context, options);
  await page.addInitScript(readyProbe, ready);
  await page.goto(url, { timeout: 120_000 });
  const t = await page.evaluate(() => window.__ready);
  await page.close();
  return t;
}

/** Loads every page `runs` times, interleaved and in a rotating order; the times per page. */
async function startups(context, pages, runs, options) {
  const times = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
  const names = Object.keys(pages);
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      times[name].push(await startup(context, pages[name], options));
    }
  }
  return times;
}

const summary = (times) => ({ median: median(times), min: Math.min(...times), max: Math.max(...times) });

function printStartups(title, times, runs) {
  const s = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, summary(v)]));
  console.log(`${title}, runs each ${runs}`);
  const label = { app: 'Routewijzer', map: 'map baseline', hello: 'bare Yew hello' };
  for (const [k, v] of Object.entries(s)) console.log(`  ${label[k].padEnd(15)} median ${ms(v.median)}  (min ${ms(v.min)}, max ${ms(v.max)})`);
  console.log(`  ratio vs map baseline ${(s.app.median / s.map.median).toFixed(2)} (budget ≤ 1.3)${s.hello ? `, vs hello ${(s.app.median / s.hello.median).toFixed(2)} (history)` : ''}`);
  return s;
}

/**
 * The map of a page as the browser holds it (serialized DOM, so markup differences that parse
 * the same do not count), its view box and size: the baseline must draw the app's start map.
 */
async function drawnMap(context, { url, ready }) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(ready.at(-1));
  const map = await page.evaluate(() => {
    const svg = document.querySelector('svg.rw-map');
    const box = svg.getBoundingClientRect();
    return {
      markup: ['g.rw-gemeenten', 'g.rw-provincies'].map((s) => svg.querySelector(s).outerHTML).join(''),
      viewBox: svg.getAttribute('viewBox'), width: box.width, height: box.height,
    };
  });
  await page.close();
  return map;
}

/** One map click on `page`: pointer up → the first frame after the DOM under `root` changed. */
async function clickOnce(page, root, i) {
  const map = page.locator('svg.rw-map');
  // Measured afresh each time: a notice (a point at sea) shifts the page.
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  const x = box.x + box.width * (0.3 + 0.4 * ((i * 37) % 100) / 100);
  const y = box.y + box.height * (0.3 + 0.4 * ((i * 61) % 100) / 100);
  await page.evaluate((root) => {
    window.__took = new Promise((resolve) => {
      const main = document.querySelector(root);
      let start = 0;
      const obs = new MutationObserver(() => { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now() - start)); });
      // On window, capturing: before the page's own (delegated) listener runs.
      window.addEventListener('pointerup', () => {
        start = performance.now();
        obs.observe(main, { childList: true, subtree: true, attributes: true, characterData: true });
      }, { capture: true, once: true });
    });
  }, root);
  await page.mouse.click(x, y);
  return page.evaluate(() => window.__took);
}

async function clicks(page, root, from, to) {
  const times = [];
  for (let i = from; i < to; i++) times.push(await clickOnce(page, root, i));
  return times;
}

// The app from the release bundle (make dist), the baselines from bench/ (scripts/bench.sh).
const bundle = readdirSync(join(repoRoot, 'dist')).find((d) => d.startsWith('routewijzer-'));
const servers = await Promise.all([join(repoRoot, 'dist', bundle), join(repoRoot, 'bench', 'map'), join(repoRoot, 'bench', 'hello')]
  .map((dir) => startGzipServer(dir)));
const [appServer, mapServer, helloServer] = servers;
const pages = {
  app: { url: appServer.url, ready: ['h1', 'svg.rw-map path.rw-gemeente'] },
  map: { url: `${mapServer.url}index.html`, ready: ['h1', 'svg.rw-map path.rw-gemeente'] },
  hello: { url: `${helloServer.url}index.html`, ready: ['h1'] },
};
const browser = await launchBrowser();
const result = { runs: RUNS };
try {
  const [appMap, baseMap] = [await drawnMap(browser, pages.app), await drawnMap(browser, pages.map)];
  if (appMap.markup !== baseMap.markup || appMap.viewBox !== baseMap.viewBox) {
    throw new Error(`bench: the map baseline does not draw the app's start map (markup ${appMap.markup.length} vs ${baseMap.markup.length} characters, viewBox '${appMap.viewBox}' vs '${baseMap.viewBox}'): update examples/bench_map_markup.rs to match src/ui/components/map.rs`);
  }
  const sizeOff = Math.abs(baseMap.width / appMap.width - 1);
  console.log(`## The map baseline draws the app's start map: ${appMap.markup.length} characters, viewBox ${appMap.viewBox}, ${appMap.width.toFixed(0)}×${appMap.height.toFixed(0)} px in the app, ${baseMap.width.toFixed(0)}×${baseMap.height.toFixed(0)} px in the baseline${sizeOff > 0.02 ? ' (SIZE DIFFERS: update bench/map/map.css)' : ''}`);

  console.log('\n## Start-up (navigation → first painted frame with the heading and, for the app and the map baseline, the map), headless Chromium, gzip served');
  const plain = await startups(browser, pages, RUNS);
  result.startup = printStartups('CPU as is', plain, RUNS);
  if (THROTTLE) {
    const slow = await startups(browser, pages, RUNS, { cpu: CPU_SLOWDOWN });
    result.startupCpu = printStartups(`CPU ${CPU_SLOWDOWN}× slower (Emulation.setCPUThrottlingRate)`, slow, RUNS);
    const { app, map } = pages;
    const net = await startups(browser, { app, map }, NET_RUNS, { network: SLOW_NETWORK });
    result.netRuns = NET_RUNS;
    result.startupNet = printStartups('first load (empty cache) over 1.6 Mbit/s down, 150 ms RTT (Network.emulateNetworkConditions)', net, NET_RUNS);
  }
  mkdirSync(join(repoRoot, 'target', 'bench'), { recursive: true });
  const save = () => writeFileSync(join(repoRoot, 'target', 'bench', 'web.json'), JSON.stringify(result));
  save(); // for STARTUP_ONLY runs: scripts/bench-table.mjs shows what there is

  if (!process.env.STARTUP_ONLY) {
    const { page, cdp } = await openPage(browser);
    await page.setViewportSize({ width: 1280, height: 800 });
    const scenario = { location: { gemeente: 'GM0828' }, configuration: 'voorbeeld-noord-brabant',
      activities: [{ activity: 'milieubelastende-activiteit', verzoektype: 'melding' }, { activity: 'bouwactiviteit-technisch', verzoektype: 'aanvraag-vergunning' }] };
    await page.goto(`${pages.app.url}#scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
    await page.waitForSelector('.rw-verzoek');
    await cdp.send('Performance.enable');
    const memory = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
      const wasm = await page.evaluate(() => document.getElementById('app').routewijzerWasmBytes());
      return { heap, wasm };
    };
    result.before = await memory();
    // The whole app: a point at sea answers with a notice above the explainer.
    const times = await clicks(page, '.rw-app', 0, CLICKS);
    await clicks(page, '.rw-app', CLICKS, 200);
    result.after200 = await memory();
    // A leak keeps growing; caches and the first clicks' allocations settle. 200 more tell them apart.
    await clicks(page, '.rw-app', 200, 400);
    result.after400 = await memory();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const slowTimes = await clicks(page, '.rw-app', 400, 400 + THROTTLED_CLICKS);
    await page.close();

    // The map baseline's click: a marker placed, the least a map click paints.
    const base = await openPage(browser);
    await base.page.setViewportSize({ width: 1280, height: 800 });
    await base.page.goto(pages.map.url);
    await base.page.waitForSelector('svg.rw-map path.rw-gemeente');
    const baseTimes = await clicks(base.page, 'main', 0, CLICKS);
    await base.cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const baseSlow = await clicks(base.page, 'main', CLICKS, CLICKS + THROTTLED_CLICKS);
    await base.page.close();

    Object.assign(result, {
      clicks: CLICKS, click: median(times), clickP90: p90(times), baseClick: median(baseTimes),
      throttledClicks: THROTTLED_CLICKS, clickCpu: median(slowTimes), clickCpuP90: p90(slowTimes), baseClickCpu: median(baseSlow),
    });
    console.log('\n## Interaction (map click → updated outcome painted; the map baseline places a marker)');
    console.log(`CPU as is, ${CLICKS} clicks: Routewijzer median ${ms(result.click)}, p90 ${ms(result.clickP90)} (budget: one frame, 16 ms, at the median); map baseline median ${ms(result.baseClick)}`);
    console.log(`CPU ${CPU_SLOWDOWN}× slower, ${THROTTLED_CLICKS} clicks: Routewijzer median ${ms(result.clickCpu)}, p90 ${ms(result.clickCpuP90)}; map baseline median ${ms(result.baseClickCpu)}; ratio ${(result.clickCpu / result.baseClickCpu).toFixed(2)}`);

    const mem = (label, m) => console.log(`${label.padEnd(22)}JS heap ${(m.heap / 1024).toFixed(0)} KB, wasm ${(m.wasm / 1024).toFixed(0)} KB`);
    console.log('\n## Memory (after garbage collection)');
    mem('after start-up', result.before);
    mem('after 200 map clicks', result.after200);
    mem('after 400 map clicks', result.after400);
    save();
  }
} finally {
  await browser.close().catch(() => {});
  for (const server of servers) server.stop();
}
