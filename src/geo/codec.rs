//! Decoder of the compact topology format written by `scripts/geo/build_geo.py`
//! (format description in that script). Never panics: corrupt input is a `DecodeError`.

use geo::Coord;
use std::fmt;

/// Why the bundled geography could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    BadMagic,
    Truncated { offset: usize },
    VarintOverflow { offset: usize },
    BadArcRef { feature: usize, arc_ref: i64 },
    TooLarge { what: &'static str, count: u64 },
    TrailingBytes { offset: usize },
    Metadata(String),
    BadCode { offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::BadMagic => write!(f, "geodata: onbekend formaat (magic)"),
            DecodeError::Truncated { offset } => write!(f, "geodata: afgekapt bij byte {offset}"),
            DecodeError::VarintOverflow { offset } => {
                write!(f, "geodata: ongeldig getal bij byte {offset}")
            }
            DecodeError::BadArcRef { feature, arc_ref } => {
                write!(
                    f,
                    "geodata: object {feature} verwijst naar onbekende boog {arc_ref}"
                )
            }
            DecodeError::TooLarge { what, count } => {
                write!(f, "geodata: onwaarschijnlijk aantal {what}: {count}")
            }
            DecodeError::TrailingBytes { offset } => {
                write!(f, "geodata: onverwachte bytes na byte {offset}")
            }
            DecodeError::BadCode { offset } => {
                write!(f, "geodata: ongeldige code bij byte {offset}")
            }
            DecodeError::Metadata(m) => write!(f, "geodata: metadata: {}", plain(m)),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Text quoted from a data file, for a message: one line without control characters, at most
/// 200 characters (fuzzing found ids with NUL bytes coming through raw).
fn plain(text: &str) -> String {
    let clean: Vec<char> = text
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let short: String = clean.iter().take(200).collect();
    if clean.len() > 200 {
        format!("{short}…")
    } else {
        short
    }
}

/// Shared arcs (RD New metres) and, per feature, polygons → rings → signed arc references
/// (`i` = arc i forward, `-(i+1)` = arc i reversed).
#[derive(Clone, Debug, Default)]
pub struct Topology {
    pub quantum_m: f64,
    pub arcs: Vec<Vec<Coord<f64>>>,
    pub features: Vec<Vec<Vec<Vec<i64>>>>,
}

/// LEB128 varints from a byte slice, from `pos` on (also the water areas' header).
pub(super) struct Reader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
}

impl Reader<'_> {
    pub(super) fn uvarint(&mut self) -> Result<u64, DecodeError> {
        let start = self.pos;
        let mut value: u64 = 0;
        let mut shift = 0u32;
        loop {
            let b = *self
                .bytes
                .get(self.pos)
                .ok_or(DecodeError::Truncated { offset: self.pos })?;
            self.pos += 1;
            if shift >= 64 {
                return Err(DecodeError::VarintOverflow { offset: start });
            }
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    fn svarint(&mut self) -> Result<i64, DecodeError> {
        let u = self.uvarint()?;
        // zigzag
        Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
    }

    /// A count, bounded by the bytes left (every element needs at least one byte), so a
    /// corrupt count cannot make us allocate gigabytes.
    pub(super) fn count(&mut self, what: &'static str) -> Result<usize, DecodeError> {
        let c = self.uvarint()?;
        let left = self.bytes.len().saturating_sub(self.pos) as u64;
        if c > left.saturating_add(1) {
            return Err(DecodeError::TooLarge { what, count: c });
        }
        usize::try_from(c).map_err(|_| DecodeError::TooLarge { what, count: c })
    }
}

/// MSB-first bit reader over a byte slice.
struct BitReader<'a> {
    bytes: &'a [u8],
    bit: usize,
    /// byte offset of `bytes` in the whole blob, for error messages
    base: usize,
}

impl BitReader<'_> {
    /// The next 57 or more bits as the high bits of a `u64`, zeros past the end. Reading a
    /// window instead of bit by bit makes decoding several times faster, and the whole map is
    /// decoded at start-up (docs/performance.md).
    fn window(&self) -> u64 {
        let at = self.bit >> 3;
        // one 8-byte load where the stream has 8 bytes left (all but its end), else byte by byte
        let w = match self
            .bytes
            .get(at..at.saturating_add(8))
            .map(<[u8; 8]>::try_from)
        {
            Some(Ok(w)) => w,
            _ => {
                let mut w = [0u8; 8];
                if let Some(rest) = self.bytes.get(at..) {
                    for (to, from) in w.iter_mut().zip(rest) {
                        *to = *from;
                    }
                }
                w
            }
        };
        u64::from_be_bytes(w) << (self.bit & 7)
    }

    /// Moves on `n` bits, or fails if the stream has fewer left.
    fn advance(&mut self, n: usize) -> Result<(), DecodeError> {
        let end = self.bit + n;
        if end > self.bytes.len() * 8 {
            return Err(DecodeError::Truncated {
                offset: self.base + self.bytes.len(),
            });
        }
        self.bit = end;
        Ok(())
    }

    /// The next `n` bits (at most 64), most significant first.
    fn bits(&mut self, n: u32) -> Result<u64, DecodeError> {
        if n > 32 {
            let high = self.bits(n - 32)?;
            return Ok(high << 32 | self.bits(32)?);
        }
        if n == 0 {
            return Ok(0);
        }
        let v = self.window() >> (64 - n);
        self.advance(n as usize)?;
        Ok(v)
    }
}

/// Canonical Huffman decoder (the "puff" algorithm of zlib's contrib).
struct Huffman {
    /// number of codes of each length 0..=MAX_CODE_LEN
    counts: [u32; MAX_CODE_LEN + 1],
    /// symbols ordered by (code length, symbol)
    symbols: Vec<u8>,
    /// The codes of at most `FAST_BITS` bits by their first `FAST_BITS` bits: symbol and
    /// length (`len << 8 | symbol`), 0 where a longer code or none starts. Most values have
    /// short codes, so most symbols take one look-up instead of one step per bit.
    fast: Vec<u16>,
}

const MAX_CODE_LEN: usize = 30;
const FAST_BITS: usize = 10;

impl Huffman {
    fn new(lengths: &[u8], offset: usize) -> Result<Huffman, DecodeError> {
        let mut counts = [0u32; MAX_CODE_LEN + 1];
        for &l in lengths {
            let slot = counts
                .get_mut(usize::from(l))
                .ok_or(DecodeError::BadCode { offset })?;
            *slot += 1;
        }
        // Kraft: the code must not be over-subscribed
        let mut left: i64 = 1;
        for c in counts.iter().skip(1) {
            left = left * 2 - i64::from(*c);
            if left < 0 {
                return Err(DecodeError::BadCode { offset });
            }
        }
        let mut symbols: Vec<u8> = Vec::with_capacity(lengths.len());
        for len in 1..=MAX_CODE_LEN {
            for (sym, &l) in lengths.iter().enumerate() {
                if usize::from(l) == len {
                    symbols.push(u8::try_from(sym).map_err(|_| DecodeError::BadCode { offset })?);
                }
            }
        }
        if symbols.is_empty() {
            return Err(DecodeError::BadCode { offset });
        }
        let fast = fast_table(&counts, &symbols);
        Ok(Huffman {
            counts,
            symbols,
            fast,
        })
    }

    fn decode(&self, r: &mut BitReader<'_>) -> Result<u8, DecodeError> {
        // MAX_CODE_LEN (30) bits fit in one window
        let window = r.window();
        let peek = (window >> (64 - FAST_BITS)) as usize;
        if let Some(&entry) = self.fast.get(peek).filter(|&&e| e != 0) {
            r.advance(usize::from(entry >> 8))?;
            return Ok(entry as u8);
        }
        self.decode_bitwise(r, window)
    }

    /// The code at the start of `window` found one bit at a time (the codes the fast table
    /// does not hold, and the errors).
    fn decode_bitwise(&self, r: &mut BitReader<'_>, window: u64) -> Result<u8, DecodeError> {
        let (mut code, mut first, mut index) = (0i64, 0i64, 0i64);
        for (len, count) in self.counts.iter().enumerate().skip(1) {
            code |= ((window >> (64 - len)) & 1) as i64;
            let count = i64::from(*count);
            if code - first < count {
                r.advance(len)?;
                let i = usize::try_from(index + code - first).unwrap_or(usize::MAX);
                return self.symbols.get(i).copied().ok_or(DecodeError::BadCode {
                    offset: r.base + (r.bit >> 3),
                });
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(DecodeError::BadCode {
            offset: r.base + (r.bit >> 3),
        })
    }
}

/// `Huffman::fast`: the canonical codes of `counts` and `symbols` (over-subscription already
/// refused) of at most `FAST_BITS` bits, each filling the entries that start with it; the
/// same symbol and length the bit-by-bit decoding finds.
fn fast_table(counts: &[u32; MAX_CODE_LEN + 1], symbols: &[u8]) -> Vec<u16> {
    let mut fast = vec![0u16; 1 << FAST_BITS];
    let (mut first, mut index) = (0usize, 0usize);
    for (len, &count) in counts.iter().enumerate().take(FAST_BITS + 1).skip(1) {
        let count = count as usize;
        for (code, &sym) in (first..).zip(symbols.iter().skip(index).take(count)) {
            let span = 1usize << (FAST_BITS - len);
            let entry = (len as u16) << 8 | u16::from(sym);
            if let Some(slots) = fast.get_mut(code * span..(code + 1) * span) {
                slots.fill(entry);
            }
        }
        index += count;
        first = (first + count) << 1;
    }
    fast
}

fn unzigzag(u: u64) -> i64 {
    ((u >> 1) as i64) ^ -((u & 1) as i64)
}

/// Decode one `RWG3` blob (format: `scripts/geo/build_geo.py`).
pub fn decode(bytes: &[u8]) -> Result<Topology, DecodeError> {
    if bytes.get(..4) != Some(b"RWG3".as_slice()) {
        return Err(DecodeError::BadMagic);
    }
    let mut r = Reader { bytes, pos: 4 };
    let quantum = r.uvarint()?;
    if quantum == 0 || quantum > 10_000 {
        return Err(DecodeError::TooLarge {
            what: "meters per rastercel",
            count: quantum,
        });
    }
    let q = quantum as f64;
    let n_arcs = r.count("bogen")?;
    // Every point costs at least two bits of the stream, so more than 4 points per byte of
    // input is corrupt: this bounds what a bad count can make us allocate.
    let max_points = bytes.len().saturating_mul(4);
    let mut sizes = Vec::with_capacity(n_arcs);
    let mut total = 0usize;
    for _ in 0..n_arcs {
        let n = r.count("punten")?;
        total = total.saturating_add(n);
        if n < 2 || total > max_points {
            return Err(DecodeError::TooLarge {
                what: "punten",
                count: n as u64,
            });
        }
        sizes.push(n);
    }
    let n_sym = r.count("symbolen")?;
    if n_sym > 64 {
        return Err(DecodeError::TooLarge {
            what: "symbolen",
            count: n_sym as u64,
        });
    }
    let table_at = r.pos;
    let lengths = bytes
        .get(r.pos..r.pos.saturating_add(n_sym))
        .ok_or(DecodeError::Truncated { offset: r.pos })?;
    r.pos += n_sym;
    let huffman = Huffman::new(lengths, table_at)?;
    let n_bytes = r.count("bytes")?;
    let stream = bytes
        .get(r.pos..r.pos.saturating_add(n_bytes))
        .ok_or(DecodeError::Truncated { offset: r.pos })?;
    let mut bits = BitReader {
        bytes: stream,
        bit: 0,
        base: r.pos,
    };
    r.pos += n_bytes;
    let mut value = || -> Result<i64, DecodeError> {
        let b = huffman.decode(&mut bits)?;
        let v = match b {
            0 => 0,
            1 => 1,
            2..=63 => (1u64 << (b - 1)) | bits.bits(u32::from(b) - 1)?,
            _ => {
                return Err(DecodeError::BadCode {
                    offset: bits.base + (bits.bit >> 3),
                })
            }
        };
        Ok(unzigzag(v))
    };
    let mut arcs = Vec::with_capacity(n_arcs);
    let (mut x, mut y) = (0i64, 0i64);
    for n in sizes {
        // the first point is a delta from the previous arc's last point
        let mut pts = Vec::with_capacity(n);
        for _ in 0..n {
            x = x.saturating_add(value()?);
            y = y.saturating_add(value()?);
            pts.push(Coord {
                x: x as f64 * q,
                y: y as f64 * q,
            });
        }
        arcs.push(pts);
    }
    let n_features = r.count("objecten")?;
    let mut features = Vec::with_capacity(n_features);
    for fi in 0..n_features {
        let n_polys = r.count("polygonen")?;
        let mut polys = Vec::with_capacity(n_polys);
        for _ in 0..n_polys {
            let n_rings = r.count("ringen")?;
            let mut rings = Vec::with_capacity(n_rings);
            for _ in 0..n_rings {
                let n_refs = r.count("boogverwijzingen")?;
                let mut refs = Vec::with_capacity(n_refs);
                for _ in 0..n_refs {
                    let a = r.svarint()?;
                    let idx = if a < 0 { -(a + 1) } else { a };
                    if idx < 0 || idx >= arcs.len() as i64 {
                        return Err(DecodeError::BadArcRef {
                            feature: fi,
                            arc_ref: a,
                        });
                    }
                    refs.push(a);
                }
                rings.push(refs);
            }
            polys.push(rings);
        }
        features.push(polys);
    }
    if r.pos != bytes.len() {
        return Err(DecodeError::TrailingBytes { offset: r.pos });
    }
    Ok(Topology {
        quantum_m: q,
        arcs,
        features,
    })
}

impl Topology {
    /// Arc `r` (signed reference) in ring direction.
    pub fn arc(&self, r: i64) -> impl Iterator<Item = Coord<f64>> + '_ {
        let (idx, rev) = if r < 0 { (-(r + 1), true) } else { (r, false) };
        let arc = usize::try_from(idx)
            .ok()
            .and_then(|i| self.arcs.get(i))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let fwd = (!rev).then(|| arc.iter().copied());
        let bwd = rev.then(|| arc.iter().rev().copied());
        fwd.into_iter().flatten().chain(bwd.into_iter().flatten())
    }

    /// The closed ring made of the arcs `refs`.
    pub fn ring(&self, refs: &[i64]) -> Vec<Coord<f64>> {
        let mut pts: Vec<Coord<f64>> = Vec::new();
        for &r in refs {
            let skip = usize::from(!pts.is_empty());
            pts.extend(self.arc(r).skip(skip));
        }
        if let (Some(first), Some(last)) = (pts.first().copied(), pts.last().copied()) {
            if first != last {
                pts.push(first);
            }
        }
        pts
    }

    /// Arc index of a signed reference.
    pub fn arc_index(r: i64) -> usize {
        let i = if r < 0 { -(r + 1) } else { r };
        usize::try_from(i).unwrap_or(usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_decodes_and_truncations_fail_cleanly() {
        let bytes = super::super::GEMEENTEN_BIN;
        let topo = decode(bytes).unwrap();
        assert_eq!(topo.features.len(), 342);
        // every strict prefix is an error, never a panic
        for cut in (0..bytes.len()).step_by(97).chain([bytes.len() - 1]) {
            assert!(
                decode(&bytes[..cut]).is_err(),
                "prefix of {cut} bytes decoded"
            );
        }
        // garbage and flipped bytes: error or a (different) topology, never a panic
        let mut flipped = bytes.to_vec();
        for i in (4..flipped.len()).step_by(131) {
            flipped[i] ^= 0xff;
            let _ = decode(&flipped);
        }
        assert!(matches!(decode(b"XXXX"), Err(DecodeError::BadMagic)));
        // Messages quoting the data are one clean line (fuzzing: NUL bytes in a provincie id).
        let m = DecodeError::Metadata(format!(
            "GM0847: onbekende provincie \0\0\n{}",
            "x".repeat(500)
        ))
        .to_string();
        assert!(!m.chars().any(char::is_control), "{m:?}");
        assert!(
            m.starts_with("geodata: metadata: GM0847: onbekende provincie    xx"),
            "{m}"
        );
        assert!(m.chars().count() < 240 && m.ends_with('…'), "{m}");
        assert!(decode(&[
            b'R', b'W', b'G', b'3', 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0xff
        ])
        .is_err());
        // a huge point count is refused before anything is allocated
        assert!(matches!(
            decode(&[b'R', b'W', b'G', b'3', 5, 1, 0xff, 0xff, 0x03, 0, 0, 0]),
            Err(DecodeError::TooLarge { .. })
        ));
        // an over-subscribed Huffman table (three codes of length 1) is refused
        assert!(matches!(
            decode(&[b'R', b'W', b'G', b'3', 5, 1, 2, 3, 1, 1, 1, 1, 0]),
            Err(DecodeError::BadCode { .. })
        ));
        // a bit stream that ends early is an error
        let mut cut = bytes.to_vec();
        let huge = cut.len();
        cut.truncate(huge - 3000);
        assert!(decode(&cut).is_err());
    }

    #[test]
    fn huffman_round_trip_small() {
        // symbols 0 (len 1), 1 (len 2), 2 (len 2): codes 0, 10, 11
        let h = Huffman::new(&[1, 2, 2], 0).unwrap();
        let stream = [0b0101_1000u8];
        let mut r = BitReader {
            bytes: &stream,
            bit: 0,
            base: 0,
        };
        let got: Vec<u8> = (0..3).map(|_| h.decode(&mut r).unwrap()).collect();
        assert_eq!(got, [0, 1, 2]);
        assert!(h
            .decode(&mut BitReader {
                bytes: &[],
                bit: 0,
                base: 0
            })
            .is_err());
    }

    /// The table look-up and the bit-by-bit decoding agree on every start of a stream, for
    /// complete and incomplete codes, with codes longer and shorter than the table.
    #[test]
    fn fast_table_agrees_with_bitwise_decoding() {
        let tables: [&[u8]; 4] = [
            &[1, 2, 2],
            &[2, 3, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 14],
            &[3, 3, 4, 12, 12, 11, 0, 5],
            &[1, 3, 10, 11, 12],
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for lengths in tables {
            let h = Huffman::new(lengths, 0).unwrap();
            for _ in 0..4000 {
                // xorshift: any bit pattern, and any cut of the stream
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let bytes = seed.to_be_bytes();
                let cut = (seed % 9) as usize;
                let reader = || BitReader {
                    bytes: &bytes[..cut],
                    bit: (seed >> 60) as usize % (cut * 8 + 1),
                    base: 0,
                };
                let (mut fast, mut slow) = (reader(), reader());
                let window = slow.window();
                assert_eq!(h.decode(&mut fast), h.decode_bitwise(&mut slow, window));
                assert_eq!(fast.bit, slow.bit);
            }
        }
    }
}
