// Prints raw, gzip and brotli sizes of everything the first page load fetches, from the
// release bundle that is deployed (make dist: minified, hashed). A benchmark printout, never
// an assertion.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundles = existsSync(join(root, 'dist')) ? readdirSync(join(root, 'dist')).filter((d) => d.startsWith('routewijzer-')) : [];
if (bundles.length !== 1) {
  console.error(`sizes: expected one bundle in dist/ (run make dist), found ${bundles.length}`);
  process.exit(1);
}
const bundle = join(root, 'dist', bundles[0]);
const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
const file = (name) => manifest.files[name].file;

// What index.html loads before the explainer runs, and what loads later on demand.
const first = [
  ['html', 'index.html'],
  ['css', file('style.css')],
  ['js', file('main.js')],
  ['js', file('loader.js')],
  ['js', file('routewijzer_start.js')],
  ['wasm', file('routewijzer_start_bg.wasm')],
];
const later = [
  ['data', file('rules.json'), 'when a finding is first opened'],
  ['data', file('findings-en.json'), 'with the rules: the findings in English'],
  ['data', file('water.bin'), 'when a point first lies outside every gemeente polygon'],
  ['css', file('views.css'), 'when another view opens'],
  ['js', file('routewijzer.js'), 'when another view opens'],
  ['wasm', file('routewijzer_bg.wasm'), 'when another view opens'],
];
// Compiled into the start build's wasm; gzipped on their own, as an estimate of their share.
const bundledData = [
  'data/geo/gemeenten.bin', 'data/geo/waterschappen.bin', 'data/geo/meta.tsv', 'data/geo/aliases.csv',
  'data/catalogue.json', 'data/organisations.json', 'data/configurations/voorbeeld-noord-brabant.json',
];

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const measure = (path) => {
  const data = readFileSync(path);
  return {
    raw: data.length,
    gz: gzipSync(data, { level: 9 }).length,
    br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const line = (label, kind, s, note = '') => console.log(`${label.padEnd(48)} ${kind.padEnd(5)} ${kb(s.raw)} ${kb(s.gz)} ${kb(s.br)}${note ? `  ${note}` : ''}`);

console.log(`bundle ${bundles[0]} (${manifest.version})`);
console.log(`${'file'.padEnd(48)} ${'kind'.padEnd(5)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
const total = { raw: 0, gz: 0, br: 0 };
const byKind = {};
for (const [kind, name] of first) {
  const s = measure(join(bundle, name));
  line(name, kind, s);
  for (const k of Object.keys(total)) {
    total[k] += s[k];
    byKind[kind] ??= { raw: 0, gz: 0, br: 0 };
    byKind[kind][k] += s[k];
  }
}
line('first load total', '', total, '(budget: 350 KB gzip)');
for (const [kind, s] of Object.entries(byKind)) line(`  of which ${kind}`, kind, s);
const data = { raw: 0, gz: 0, br: 0 };
for (const path of bundledData) {
  const s = measure(join(root, path));
  for (const k of Object.keys(data)) data[k] += s[k];
}
line('  data compiled into the wasm (estimate)', 'data', data, 'geography, catalogue, organisations, example configuration');

console.log('\nloaded later, on demand:');
for (const [kind, name, when] of later) line(name, kind, measure(join(bundle, name)), when);

// For the summary table of make bench (scripts/bench-table.mjs).
mkdirSync(join(root, 'target', 'bench'), { recursive: true });
writeFileSync(join(root, 'target', 'bench', 'sizes.json'), JSON.stringify({ bundle: bundles[0], total, byKind, data }));
