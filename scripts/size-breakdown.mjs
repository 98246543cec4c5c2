// What each crate, module and bundled data file costs in a wasm-bindgen output built with its
// function names kept (scripts/size-breakdown.sh). Reads the module itself: every function
// body from the code section with its name from the `name` section, every data segment.
//
// Two figures per part: raw bytes, and what leaving it out would save in the gzipped module
// (gzip level 9 of the whole module minus gzip of the module without those bytes). The second
// is the honest "what does it cost to transfer" figure; it does not add up to the total,
// because gzip shares repeats across parts. A figure, never an assertion.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { importedFunctions, reader, sections as readSections } from './wasm-read.mjs';

const [wasmPath, ...dataFiles] = process.argv.slice(2);
if (!wasmPath) {
  console.error('usage: node scripts/size-breakdown.mjs START_BG.wasm [DATA_FILE...]');
  process.exit(2);
}
const wasm = readFileSync(wasmPath);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

// --- The module's sections, function names, exports, code bodies. ---------------------------
const sections = readSections(wasm);
const section = (id, name) => sections.find((s) => s.id === id && (name === undefined || s.name === name));
const imported = importedFunctions(wasm, section(2));
const names = new Map();
const nameSection = section(0, 'name');
if (!nameSection) throw new Error(`size-breakdown: ${wasmPath} has no name section (build it without --remove-name-section)`);
{
  const r = reader(wasm, nameSection.body);
  while (r.pos < nameSection.end) {
    const sub = r.byte();
    const size = r.u32();
    const end = r.pos + size;
    if (sub === 1) for (let n = r.u32(); n > 0; n--) { const index = r.u32(); names.set(index, r.name()); }
    r.pos = end;
  }
}
const exported = new Set(); // function indices the JavaScript glue calls
if (section(7)) {
  const r = reader(wasm, section(7).start);
  for (let n = r.u32(); n > 0; n--) { r.name(); const kind = r.byte(); const index = r.u32(); if (kind === 0) exported.add(index); }
}
const bodies = []; // { name, start, end, exported }
{
  const code = section(10);
  const r = reader(wasm, code.start);
  const count = r.u32();
  for (let i = 0; i < count; i++) {
    const size = r.u32();
    bodies.push({ name: names.get(imported + i) ?? `code[${i}]`, start: r.pos, end: r.pos + size, exported: exported.has(imported + i) });
    r.pos += size;
  }
}

/** The crate (and for ours, the module) a function's code belongs to, by its demangled name. */
const PRIMITIVE = /^(?:[A-Z]|bool|char|str|[iuf](?:8|16|32|64|128|size)|\[|\(|&|\*)/;
function owner(name, isExport) {
  if (!name.includes('::') && !name.startsWith('<')) {
    if (/^__(wbindgen|wbg|externref)/.test(name)) return 'wasm_bindgen';
    // #[wasm_bindgen] functions keep their JavaScript names (`mount`, `mountedapp_setRules`).
    return isExport ? 'routewijzer::ui (JS entry points)' : 'compiler builtins, libm';
  }
  // `<T as alloc::string::ToString>::to_string`, `<f64 as core::fmt::Display>::fmt`: a generic
  // parameter's or a primitive's impl belongs to the trait's crate.
  const impl = /^<([^<> ]+)(?:<.*?>)? as ([A-Za-z_]\w*)::/.exec(name);
  const subject = impl && PRIMITIVE.test(impl[1]) ? name.slice(name.indexOf(' as ') + 4) : name;
  const path = /^[<&\s]*(?:mut |dyn |impl )?([A-Za-z_]\w*)(?:\[\w+\])?(?:::([A-Za-z_]\w*))?/.exec(subject);
  if (!path) return '(other)';
  const [, krate, module] = path;
  if (PRIMITIVE.test(krate) && !/^[A-Z]/.test(krate)) return 'core'; // `f64::powi`, `char::is_whitespace`
  if (krate === 'routewijzer') return `routewijzer::${module}`;
  if (['core', 'alloc', 'std'].includes(krate)) {
    // A generic of the standard library instantiated for a crate's type: a cost of that crate's
    // use of generics, shown apart from the library's own code.
    return name.includes('routewijzer::') ? `${krate} (instances for our types)` : `${krate}`;
  }
  if (krate.startsWith('__wbindgen') || krate === 'wasm_bindgen' || krate.startsWith('__wbg') || krate.startsWith('__externref')) return 'wasm_bindgen';
  return krate;
}

// The name section is not shipped (the release build removes it), so every gzip figure is of
// the module without it. It follows the code and data, so their offsets stay as they are.
const codeSection = section(10);
const dataSection = section(11);
if (nameSection.start < Math.max(codeSection.end, dataSection.end)) throw new Error('size-breakdown: the name section precedes the code or data');
const lebLength = (n) => { let len = 1; while (n >= 128) { n = Math.floor(n / 128); len++; } return len; };
const base = Buffer.concat([wasm.subarray(0, nameSection.start - 1 - lebLength(nameSection.end - nameSection.start)), wasm.subarray(nameSection.end)]);
const total = gz(base);

/** gzip saved by leaving out the byte ranges. */
function saving(ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [start, end] of sorted) { parts.push(base.subarray(at, start)); at = end; }
  parts.push(base.subarray(at));
  return total - gz(Buffer.concat(parts));
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const line = (label, raw, saved, note = '') => console.log(`${label.padEnd(44)} ${kb(raw)} ${kb(saved)}${note ? `  ${note}` : ''}`);

console.log(`${wasmPath}: ${kb(wasm.length).trim()} KB raw with function names`);
console.log(`code section ${kb(codeSection.end - codeSection.start).trim()} KB raw (${bodies.length} functions), data section ${kb(dataSection.end - dataSection.start).trim()} KB raw, name section ${kb(nameSection.end - nameSection.start).trim()} KB (not shipped: the release build removes it)`);
console.log(`without the name section (as shipped): ${kb(base.length).trim()} KB raw, ${kb(total).trim()} KB gzip`);

console.log(`\n${'code by crate / module'.padEnd(44)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}  (gzip: saved if left out)`);
const groups = new Map();
for (const b of bodies) {
  const key = owner(b.name, b.exported);
  const group = groups.get(key) ?? { raw: 0, ranges: [] };
  group.raw += b.end - b.start;
  group.ranges.push([b.start, b.end]);
  groups.set(key, group);
}
const ordered = [...groups.entries()].sort((a, b) => b[1].raw - a[1].raw);
let rest = { raw: 0, ranges: [], names: [] };
for (const [key, group] of ordered) {
  if (group.raw < 2048 && !key.startsWith('routewijzer')) { rest.raw += group.raw; rest.ranges.push(...group.ranges); rest.names.push(key); continue; }
  line(`  ${key}`, group.raw, saving(group.ranges));
}
line(`  ${rest.names.length} smaller crates`, rest.raw, saving(rest.ranges), rest.names.slice(0, 12).join(', ') + (rest.names.length > 12 ? ', …' : ''));

console.log(`\n${'bundled data (found in the data section)'.padEnd(44)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}  alone: gzip KB`);
const dataRanges = [];
for (const file of dataFiles) {
  const bytes = readFileSync(file);
  const at = wasm.indexOf(bytes, dataSection.start);
  if (at < 0 || at >= dataSection.end) { line(`  ${file}`, 0, 0, 'not in this build'); continue; }
  dataRanges.push([at, at + bytes.length]);
  line(`  ${file}`, bytes.length, saving([[at, at + bytes.length]]), kb(gz(bytes)).trim());
}
const dataRaw = dataRanges.reduce((s, [a, b]) => s + b - a, 0);
line('  all of these', dataRaw, saving(dataRanges));
const others = [];
let at = dataSection.start;
for (const [start, end] of [...dataRanges].sort((a, b) => a[0] - b[0])) { others.push([at, start]); at = end; }
others.push([at, dataSection.end]);
line('  the rest of the data section', dataSection.end - dataSection.start - dataRaw, saving(others), 'strings, tables, constants of the code');

console.log(`\nlargest functions (raw bytes; twiggy top says the same with dominators):`);
for (const b of [...bodies].sort((a, c) => (c.end - c.start) - (a.end - a.start)).slice(0, 15)) {
  console.log(`${String(b.end - b.start).padStart(8)}  ${b.name.slice(0, 110)}`);
}
