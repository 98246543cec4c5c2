// The one table of make bench: every budget of issue 10 with this run's figure, from the
// files the steps before it wrote into target/bench/. Printed, never asserted.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', 'bench');
const json = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const text = (name) => readFileSync(join(dir, name), 'utf8');
const grab = (source, pattern, what) => {
  const match = pattern.exec(source);
  if (!match) throw new Error(`bench-table: ${what} not found in the cargo bench output`);
  return match;
};

const sizes = json('sizes.json');
const web = json('web.json');
const geo = text('cargo-geo.txt');
const route = text('cargo-route.txt');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kinds = Object.entries(sizes.byKind).map(([k, s]) => `${k} ${kb(s.gz)}`).join(', ');
const ratio = web.app / web.hello;
const routes = grab(route, /JSON text → outcome\s+(\d+) routes\/s/, 'routes per second')[1];
const grid = grab(geo, /grid ([\d.]+)× faster than the naive scan/, 'locate vs naive')[1];
const [, gridNs] = grab(geo, /gemeente_at \(grid index[^\n]*?(\d+) ns\/point/, 'gemeente_at');
const [, naiveNs] = grab(geo, /locate_naive[^\n]*?(\d+) ns\/point/, 'locate_naive');
const [, nlCells, nlMs] = grab(route, /speelveld matrix Heel Nederland\s+(\d+) cells in\s+([\d.]+) ms/, 'speelveld all NL');
const [, nbMs] = grab(route, /speelveld matrix Provincie Noord-Brabant\s+\d+ cells in\s+([\d.]+) ms/, 'speelveld NB');
// Flat: the second 200 clicks add under 5 % to the JS heap and nothing to the wasm memory.
const laterGrowth = web.after400.heap - web.after200.heap;
const flat = laterGrowth < 0.05 * web.after200.heap && web.after400.wasm === web.after200.wasm;

const rows = [
  ['first load, gzip (release bundle)', `${kb(sizes.total.gz)} (${kinds}; brotli ${kb(sizes.total.br)})`, '≤ 350 KB', sizes.total.gz <= 350 * 1024],
  [`start-up vs bare Yew (median of ${web.runs})`, `${ratio.toFixed(2)} (${ms(web.app)} vs ${ms(web.hello)})`, '≤ 1.5', ratio <= 1.5],
  [`map click → painted (median of ${web.clicks})`, `${ms(web.click)} (p90 ${ms(web.clickP90)})`, '≤ 16 ms', web.click <= 16],
  ['memory: start-up → 200 → 400 clicks', `JS heap ${mb(web.before.heap)} → ${mb(web.after200.heap)} → ${mb(web.after400.heap)}, wasm ${mb(web.before.wasm)} → ${mb(web.after200.wasm)} → ${mb(web.after400.wasm)}`, 'flat', flat],
  ['engine', `${routes} routes/s (scenario text → outcome)`, '', null],
  ['locate vs naive polygon scan', `${gridNs} ns vs ${naiveNs} ns per point (${grid}×)`, '', null],
  ['speelveld matrix (native)', `all NL ${nlCells} cells ${nlMs} ms; Noord-Brabant ${nbMs} ms`, '', null],
];
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['figure', 'this run', 'budget'][i].length));
const row = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(`## Summary (${sizes.bundle}); flat memory = the clicks 200 → 400 add < 5 % JS heap and no wasm memory`);
console.log(row(['figure', 'this run', 'budget', 'met']));
console.log(row(widths.map((w) => '-'.repeat(w)).concat('---')));
for (const [figure, value, budget, met] of rows) console.log(row([figure, value, budget, met === null ? '' : met ? 'yes' : 'NO']));
