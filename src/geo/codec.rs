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

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn uvarint(&mut self) -> Result<u64, DecodeError> {
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
    fn count(&mut self, what: &'static str) -> Result<usize, DecodeError> {
        let c = self.uvarint()?;
        let left = self.bytes.len().saturating_sub(self.pos) as u64;
        if c > left.saturating_add(1) {
            return Err(DecodeError::TooLarge { what, count: c });
        }
        usize::try_from(c).map_err(|_| DecodeError::TooLarge { what, count: c })
    }
}

/// Decode one `RWG2` blob.
pub fn decode(bytes: &[u8]) -> Result<Topology, DecodeError> {
    if bytes.get(..4) != Some(b"RWG2".as_slice()) {
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
    let mut arcs = Vec::with_capacity(n_arcs);
    let (mut px, mut py) = (0i64, 0i64);
    for _ in 0..n_arcs {
        let n = r.count("punten")?;
        if n < 2 {
            return Err(DecodeError::TooLarge {
                what: "punten (te weinig)",
                count: n as u64,
            });
        }
        let mut pts = Vec::with_capacity(n);
        // the first point is a delta from the previous arc's last point
        let (mut x, mut y) = (
            px.saturating_add(r.svarint()?),
            py.saturating_add(r.svarint()?),
        );
        pts.push(Coord {
            x: x as f64 * q,
            y: y as f64 * q,
        });
        for _ in 1..n {
            x = x.saturating_add(r.svarint()?);
            y = y.saturating_add(r.svarint()?);
            pts.push(Coord {
                x: x as f64 * q,
                y: y as f64 * q,
            });
        }
        px = x;
        py = y;
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
            b'R', b'W', b'G', b'1', 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
            0xff
        ])
        .is_err());
    }
}
