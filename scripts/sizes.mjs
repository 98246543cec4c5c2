// Prints raw, gzip and brotli sizes of everything the first page load fetches.
// A benchmark printout, never an assertion.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = [
  ['html', 'index.html'],
  ['css', 'www/style.css'],
  ['js', 'www/main.js'],
  ['js', 'www/loader.js'],
  ['js', 'pkg/routewijzer_start.js'],
  ['wasm', 'pkg/routewijzer_start_bg.wasm'],
];
// Fetched only when a user opens a view other than the explainer (www/loader.js).
const later = [
  ['css', 'www/views.css'],
  ['js', 'pkg/routewijzer.js'],
  ['wasm', 'pkg/routewijzer_bg.wasm'],
];

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const totals = { raw: 0, gz: 0, br: 0 };
console.log(`${'file'.padEnd(28)} ${'kind'.padEnd(5)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
for (const [kind, file] of files) {
  const path = join(root, file);
  if (!existsSync(path)) { console.log(`${file.padEnd(28)} missing (run make build)`); continue; }
  const data = readFileSync(path);
  const raw = data.length;
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  totals.raw += raw; totals.gz += gz; totals.br += br;
  console.log(`${file.padEnd(28)} ${kind.padEnd(5)} ${kb(raw)} ${kb(gz)} ${kb(br)}`);
}
console.log(`${'first load total'.padEnd(34)} ${kb(totals.raw)} ${kb(totals.gz)} ${kb(totals.br)}`);
console.log('\nloaded when another view opens:');
for (const [kind, file] of later) {
  const path = join(root, file);
  if (!existsSync(path)) continue;
  const data = readFileSync(path);
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${file.padEnd(28)} ${kind.padEnd(5)} ${kb(data.length)} ${kb(gz)} ${kb(br)}`);
}
