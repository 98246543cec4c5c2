// The order of a wasm module's functions for a smaller gzip (docs/performance.md, "Tried"):
// grouped by signature, the largest first within each group. The order of the functions does
// not change what the module does, but gzip finds more repeats within its 32 KB window when
// similar code lies together (rustc's order scatters them). binaryen's wasm-opt has no pass
// that takes an order, but `--reorder-functions-by-name` sorts by name: `sortKeys` gives the
// module a `name` section whose names are these keys, and wasm-opt's `--strip-debug` removes
// it again after the reorder. Measured on the start build at 27f1c0a: 3.2 KB gzip less than
// the same module in rustc's order; by name alone 1.3 KB, by size alone 0.1 KB.
import { Buffer } from 'node:buffer';
import { importedFunctions, reader, sections } from './wasm-read.mjs';

/** Unsigned LEB128. */
const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
};

/**
 * The module with a `name` section (replacing any) that names function i
 * `<signature, 5 digits><99999999 - body size, 8 digits><i>`: sorted by name, the functions
 * come by signature, then largest first. Imported functions keep their place (wasm-opt does
 * not move them) and get plain names.
 */
export function sortKeys(wasm) {
  const all = sections(wasm);
  const find = (id) => all.find((s) => s.id === id);
  const imported = importedFunctions(wasm, find(2));
  const types = [];
  { const s = reader(wasm, find(3).start); for (let n = s.u32(); n > 0; n--) types.push(s.u32()); }
  const sizes = [];
  { const s = reader(wasm, find(10).start); for (let n = s.u32(); n > 0; n--) { const size = s.u32(); sizes.push(size); s.pos += size; } }
  if (types.length !== sizes.length) throw new Error('wasm-order: function and code sections differ');

  const entries = [leb(imported + sizes.length)];
  const entry = (index, text) => { const name = Buffer.from(text); entries.push(leb(index), leb(name.length), name); };
  for (let i = 0; i < imported; i++) entry(i, `import${i}`);
  sizes.forEach((size, i) => {
    entry(imported + i, `${String(types[i]).padStart(5, '0')}${String(99999999 - size).padStart(8, '0')}${imported + i}`);
  });
  const names = Buffer.concat(entries);
  const title = Buffer.from('name');
  const content = Buffer.concat([leb(title.length), title, Buffer.from([1]), leb(names.length), names]);
  const kept = all.filter((s) => !(s.id === 0 && s.name === 'name')).map((s) => wasm.subarray(s.header, s.end));
  return Buffer.concat([wasm.subarray(0, 8), ...kept, Buffer.from([0]), leb(content.length), content]);
}
