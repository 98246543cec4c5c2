// The one table of make bench: every budget (issues 10 and 21) with this run's figure, from the
// files the steps before it wrote into target/bench/ (scripts/bench.sh empties it first). A
// figure that a quicker run (STARTUP_ONLY=1, NO_THROTTLE=1, NO_LIGHTHOUSE=1) left out says so.
// Printed, never asserted.
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', 'bench');
const optional = (name, parse) => (existsSync(join(dir, name)) ? parse(readFileSync(join(dir, name), 'utf8')) : undefined);
const sizes = optional('sizes.json', JSON.parse);
const web = optional('web.json', JSON.parse) ?? {};
const lighthouse = optional('lighthouse.json', JSON.parse) ?? {};
const geo = optional('cargo-geo.txt', String);
const route = optional('cargo-route.txt', String);
const grab = (source, pattern, what) => {
  const match = pattern.exec(source);
  if (!match) throw new Error(`bench-table: ${what} not found in the cargo bench output`);
  return match;
};

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x) => `${x.toFixed(1)} ms`;
const s = (x) => `${(x / 1000).toFixed(2)} s`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const score = (x) => x.toFixed(2);
const NOT_RUN = 'not measured in this run';

/** One row: [figure, this run, budget, met (true/false/null: no budget)], or "not measured" without its data. */
const row = (figure, data, value, budget, met) => (data === undefined || data === null
  ? [figure, NOT_RUN, budget, null]
  : [figure, value(data), budget, met ? met(data) : null]);
/** `(median of N)` when the figure was measured. */
const of = (n) => (n ? ` (median of ${n})` : '');
/** App vs a baseline; `limit` null: shown for history, no budget. */
const ratioRow = (figure, runs, set, baseline, { note = '', budget = '≤ 1.3', limit = 1.3 } = {}) => row(
  `${figure}${of(set && runs)}`, set && set[baseline] ? set : undefined,
  (t) => `${(t.app.median / t[baseline].median).toFixed(2)} (${ms(t.app.median)} vs ${ms(t[baseline].median)})${note}`,
  budget, limit === null ? null : (t) => t.app.median / t[baseline].median <= limit,
);

const rows = [
  row('first load, gzip (release bundle)', sizes, (x) => `${kb(x.total.gz)} (${Object.entries(x.byKind).map(([k, v]) => `${k} ${kb(v.gz)}`).join(', ')}; brotli ${kb(x.total.br)})`,
    '≤ 350 KB (aim ≤ 300)', (x) => x.total.gz <= 350 * 1024),
  ratioRow('start-up vs map baseline', web.runs, web.startup, 'map'),
  ratioRow('start-up vs bare Yew hello', web.runs, web.startup, 'hello', { budget: 'history (was ≤ 1.5)', limit: null }),
  ratioRow('start-up at 4× CPU vs map baseline', web.runs, web.startupCpu, 'map',
    { note: web.startupCpu ? `; vs hello ${(web.startupCpu.app.median / web.startupCpu.hello.median).toFixed(2)}` : '' }),
  ratioRow('first load at 1.6 Mbit/s, 150 ms RTT: usable, vs map baseline', web.netRuns, web.startupNet, 'map'),
  row(`map click → painted${of(web.click && web.clicks)}`, web.click, () => `${ms(web.click)} (p90 ${ms(web.clickP90)}; map baseline's marker ${ms(web.baseClick)})`,
    '≤ 16 ms', () => web.click <= 16),
  row(`map click → painted at 4× CPU vs map baseline${of(web.clickCpu && web.throttledClicks)}`, web.clickCpu,
    () => `${(web.clickCpu / web.baseClickCpu).toFixed(2)} (${ms(web.clickCpu)}, p90 ${ms(web.clickCpuP90)}, vs ${ms(web.baseClickCpu)})`,
    '≤ 1.3', () => web.clickCpu / web.baseClickCpu <= 1.3),
  row('memory: start-up → 200 → 400 clicks', web.after400, () => `JS heap ${mb(web.before.heap)} → ${mb(web.after200.heap)} → ${mb(web.after400.heap)}, wasm ${mb(web.before.wasm)} → ${mb(web.after200.wasm)} → ${mb(web.after400.wasm)}`,
    // Flat: the second 200 clicks add under 5 % to the JS heap and nothing to the wasm memory.
    'flat', () => web.after400.heap - web.after200.heap < 0.05 * web.after200.heap && web.after400.wasm === web.after200.wasm),
];
for (const preset of ['mobile', 'desktop']) {
  const lh = lighthouse[preset];
  const mobile = preset === 'mobile';
  rows.push(row(`Lighthouse ${preset}: performance, Core Web Vitals${of(lh?.runs)}`, lh,
    (x) => `${score(x.performance)} (runs ${score(x.performanceRange[0])}–${score(x.performanceRange[1])}); LCP ${s(x.lcp)}, TBT ${x.tbt.toFixed(0)} ms, CLS ${x.cls.toFixed(3)}, FCP ${s(x.fcp)}`,
    mobile ? '≥ 0.95, LCP ≤ 2.5 s' : '', mobile ? (x) => x.performance >= 0.95 && x.lcp <= 2500 : null));
  rows.push(row(`Lighthouse ${preset}: accessibility, best practices, SEO`, lh,
    (x) => `${score(x.accessibility)}, ${score(x.bestPractices)}, ${score(x.seo)}${x.failed.length ? ` (failed: ${x.failed.join(', ')})` : ''}`,
    '1.00 each', (x) => x.accessibility === 1 && x.bestPractices === 1 && x.seo === 1));
}
if (route && geo) {
  const routes = grab(route, /JSON text → outcome\s+(\d+) routes\/s/, 'routes per second')[1];
  const grid = grab(geo, /grid ([\d.]+)× faster than the naive scan/, 'locate vs naive')[1];
  const [, gridNs] = grab(geo, /gemeente_at \(grid index[^\n]*?(\d+) ns\/point/, 'gemeente_at');
  const [, naiveNs] = grab(geo, /locate_naive[^\n]*?(\d+) ns\/point/, 'locate_naive');
  const [, nlCells, nlMs] = grab(route, /speelveld matrix Heel Nederland\s+(\d+) cells in\s+([\d.]+) ms/, 'speelveld all NL');
  const [, nbMs] = grab(route, /speelveld matrix Provincie Noord-Brabant\s+\d+ cells in\s+([\d.]+) ms/, 'speelveld NB');
  rows.push(
    ['engine', `${routes} routes/s (scenario text → outcome)`, '', null],
    ['locate vs naive polygon scan', `${gridNs} ns vs ${naiveNs} ns per point (${grid}×)`, '', null],
    ['speelveld matrix (native)', `all NL ${nlCells} cells ${nlMs} ms; Noord-Brabant ${nbMs} ms`, '', null],
  );
} else {
  rows.push(['engine, locate, speelveld (cargo bench)', NOT_RUN, '', null]);
}

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['figure', 'this run', 'budget'][i].length));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(`## Summary (${sizes?.bundle ?? 'no bundle measured'}); ratios are medians against baselines loaded in the same run and browser;`);
console.log('## flat memory = the clicks 200 → 400 add < 5 % JS heap and no wasm memory');
console.log(line(['figure', 'this run', 'budget', 'met']));
console.log(line(widths.map((w) => '-'.repeat(w)).concat('---')));
for (const [figure, value, budget, met] of rows) console.log(line([figure, value, budget, met === null ? '' : met ? 'yes' : 'NO']));
