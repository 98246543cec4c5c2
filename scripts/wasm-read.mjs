// A minimal reader of the wasm binary format, shared by scripts/size-breakdown.mjs and
// scripts/wasm-order.mjs: sections, and how many functions the module imports.

/** A cursor over `buf` from `pos`: bytes, unsigned LEB128 numbers and names. */
export function reader(buf, pos = 0) {
  return {
    get pos() { return pos; },
    set pos(p) { pos = p; },
    byte() { return buf[pos++]; },
    u32() {
      let result = 0; let shift = 0; let b;
      do { b = buf[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      return result;
    },
    name() { const n = this.u32(); const s = buf.toString('utf8', pos, pos + n); pos += n; return s; },
  };
}

/**
 * The module's sections in order: { id, start (of the content), end, header (where the
 * section's id byte is) }, and for a custom section its `name` and `body` (after the name).
 */
export function sections(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const out = [];
  const r = reader(wasm, 8);
  while (r.pos < wasm.length) {
    const header = r.pos;
    const id = r.byte();
    const size = r.u32();
    const start = r.pos;
    const section = { id, header, start, end: start + size };
    if (id === 0) { section.name = r.name(); section.body = r.pos; }
    out.push(section);
    r.pos = start + size;
  }
  return out;
}

/** How many functions the module imports: they come first in the function index space. */
export function importedFunctions(wasm, importSection) {
  let imported = 0;
  if (!importSection) return imported;
  const r = reader(wasm, importSection.start);
  for (let n = r.u32(); n > 0; n--) {
    r.name(); r.name();
    const kind = r.byte();
    if (kind === 0) { r.u32(); imported++; } else if (kind === 1) { r.byte(); const f = r.u32(); r.u32(); if (f & 1) r.u32(); } else if (kind === 2) { const f = r.u32(); r.u32(); if (f & 1) r.u32(); } else if (kind === 3) { r.byte(); r.byte(); } else { r.byte(); r.u32(); }
  }
  return imported;
}
