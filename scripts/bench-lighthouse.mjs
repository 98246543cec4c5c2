// Lighthouse on the release bundle for `make bench`: the npm package (bench/package.json) run
// against the system Chromium, headless, with the harness's no-network flags, on the bundle
// served gzip-compressed under the app's CSP (scripts/bench-server.mjs). The mobile preset
// (Lighthouse's default: simulated slow 4G, 4× slower CPU) and the desktop preset, LH_RUNS runs
// each (default 3); the run with the median performance score counts, as Lighthouse's own
// advice for variable machines. Printed, never asserted; writes target/bench/lighthouse.json.
// Fails if Lighthouse made any request outside the bundle's server: it must work offline.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../tests/e2e/harness.mjs';
import { startGzipServer } from './bench-server.mjs';

const RUNS = Number(process.env.LH_RUNS || 3);
const out = join(repoRoot, 'target', 'bench');
mkdirSync(out, { recursive: true });
const cli = join(repoRoot, 'bench', 'node_modules', '.bin', 'lighthouse');
// The flags of tests/e2e/harness.mjs launchBrowser(): no background, update or sync traffic.
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'].join(' ');

const bundle = readdirSync(join(repoRoot, 'dist')).find((d) => d.startsWith('routewijzer-'));
const server = await startGzipServer(join(repoRoot, 'dist', bundle));
const origin = new URL(server.url).origin;

/** One Lighthouse run; the figures that go into the table. */
async function run(preset, i) {
  const file = join(out, `lighthouse-${preset}-${i}.json`);
  await promisify(execFile)(cli, [
    server.url, '--quiet', '--output=json', `--output-path=${file}`, `--chrome-flags=${chromeFlags}`,
    '--only-categories=performance,accessibility,best-practices,seo', '--no-enable-error-reporting',
    '--disable-full-page-screenshot', ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, maxBuffer: 1 << 26 });
  const lhr = JSON.parse(readFileSync(file, 'utf8'));
  if (lhr.runtimeError) throw new Error(`lighthouse ${preset}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const foreign = (lhr.audits['network-requests'].details?.items ?? [])
    .map((r) => r.url).filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
  if (foreign.length) throw new Error(`lighthouse ${preset} made requests outside the bundle: ${foreign.join(', ')}`);
  const score = (c) => lhr.categories[c].score;
  const value = (a) => lhr.audits[a].numericValue;
  // The audits that cost the other categories points (weight 0 ones, such as source maps, do not).
  const failed = Object.values(lhr.categories).filter((c) => c.id !== 'performance').flatMap((c) => c.auditRefs)
    .filter((ref) => ref.weight > 0).map((ref) => lhr.audits[ref.id]).filter((a) => a.score !== null && a.score < 1).map((a) => a.id);
  return {
    performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'),
    fcp: value('first-contentful-paint'), lcp: value('largest-contentful-paint'), tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'), si: value('speed-index'), tti: value('interactive'),
    requests: lhr.audits['network-requests'].details?.items?.length ?? 0, failed: [...new Set(failed)], lighthouse: lhr.lighthouseVersion,
  };
}

const result = {};
try {
  for (const preset of ['mobile', 'desktop']) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(preset, i));
    runs.sort((a, b) => a.performance - b.performance || b.lcp - a.lcp);
    const m = runs[(runs.length - 1) >> 1];
    result[preset] = { ...m, runs: RUNS, performanceRange: [runs[0].performance, runs.at(-1).performance] };
    console.log(`${preset.padEnd(8)} performance ${m.performance.toFixed(2)} (runs ${runs.map((r) => r.performance.toFixed(2)).join(', ')}), `
      + `FCP ${(m.fcp / 1000).toFixed(2)} s, LCP ${(m.lcp / 1000).toFixed(2)} s, TBT ${m.tbt.toFixed(0)} ms, CLS ${m.cls.toFixed(3)}, `
      + `SI ${(m.si / 1000).toFixed(2)} s, TTI ${(m.tti / 1000).toFixed(2)} s; accessibility ${m.accessibility.toFixed(2)}, `
      + `best practices ${m.bestPractices.toFixed(2)}, SEO ${m.seo.toFixed(2)}${m.failed.length ? ` (failed: ${m.failed.join(', ')})` : ''}; `
      + `${m.requests} requests, all to the bundle's server`);
  }
  writeFileSync(join(out, 'lighthouse.json'), JSON.stringify(result));
} finally {
  server.stop();
}
