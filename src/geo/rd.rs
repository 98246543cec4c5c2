//! RD New (EPSG:28992) ↔ WGS84 and a parser for typed-in coordinates.
//!
//! The conversion is the polynomial approximation of Schreutelkamp & Strang van Hees
//! ("Benaderingsformules voor de transformatie tussen RD- en WGS84-kaartcoördinaten").
//! Against pyproj's EPSG:4326 ↔ EPSG:28992 (Helmert datum shift, no grid) it agrees to
//! ≈ 0.3 m over the Netherlands (see `tests/geo_rd.rs` and its committed fixtures). The
//! shipped geometry was projected with the very same formula (`scripts/geo/build_geo.py`),
//! so a point and the boundaries are always consistent with each other.

use super::LonLat;
use std::fmt;

const REF_X: f64 = 155_000.0;
const REF_Y: f64 = 463_000.0;
const REF_LAT: f64 = 52.155_174_40;
const REF_LON: f64 = 5.387_206_21;

/// RD New (EPSG:28992) metres → WGS84. Non-finite input gives a non-finite output.
pub fn rd_to_wgs84(x: f64, y: f64) -> LonLat {
    let dx = (x - REF_X) * 1e-5;
    let dy = (y - REF_Y) * 1e-5;
    let dx2 = dx * dx;
    let dy2 = dy * dy;
    let som_n = 3_235.653_89 * dy
        - 32.582_97 * dx2
        - 0.247_5 * dy2
        - 0.849_78 * dx2 * dy
        - 0.065_5 * dy2 * dy
        - 0.017_09 * dx2 * dy2
        - 0.007_38 * dx
        + 0.005_3 * dx2 * dx2
        - 0.000_39 * dx2 * dy2 * dy
        + 0.000_33 * dx2 * dx2 * dy
        - 0.000_12 * dx * dy;
    let som_e = 5_260.529_16 * dx + 105.946_84 * dx * dy + 2.456_56 * dx * dy2
        - 0.818_85 * dx2 * dx
        + 0.055_94 * dx * dy2 * dy
        - 0.056_07 * dx2 * dx * dy
        + 0.011_99 * dy
        - 0.002_56 * dx2 * dx * dy2
        + 0.001_28 * dx * dy2 * dy2
        + 0.000_22 * dy2
        - 0.000_22 * dx2
        + 0.000_26 * dx2 * dx2 * dx;
    LonLat {
        lon: REF_LON + som_e / 3600.0,
        lat: REF_LAT + som_n / 3600.0,
    }
}

/// WGS84 → RD New (EPSG:28992) metres, as `(x, y)`.
pub fn wgs84_to_rd(point: LonLat) -> (f64, f64) {
    let d_lat = 0.36 * (point.lat - REF_LAT);
    let d_lon = 0.36 * (point.lon - REF_LON);
    let la2 = d_lat * d_lat;
    let lo2 = d_lon * d_lon;
    let som_x = 190_094.945 * d_lon
        - 11_832.228 * d_lat * d_lon
        - 114.221 * la2 * d_lon
        - 32.391 * lo2 * d_lon
        - 0.705 * d_lat
        - 2.340 * la2 * d_lat * d_lon
        - 0.608 * d_lat * lo2 * d_lon
        - 0.008 * lo2
        + 0.148 * la2 * lo2 * d_lon;
    let som_y = 309_056.544 * d_lat + 3_638.893 * lo2 + 73.077 * la2 - 157.984 * d_lat * lo2
        + 59.788 * la2 * d_lat
        + 0.433 * d_lon
        - 6.439 * la2 * lo2
        - 0.032 * d_lat * d_lon
        + 0.092 * lo2 * lo2
        - 0.054 * d_lat * lo2 * lo2;
    (REF_X + som_x, REF_Y + som_y)
}

/// Accepted ranges of typed-in coordinates (the Netherlands with a margin).
pub const LAT_RANGE: (f64, f64) = (50.5, 53.7);
pub const LON_RANGE: (f64, f64) = (3.2, 7.3);
pub const RD_X_RANGE: (f64, f64) = (0.0, 300_000.0);
pub const RD_Y_RANGE: (f64, f64) = (289_000.0, 629_000.0);

/// How a coordinate string was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum CoordFormat {
    /// "51.765, 5.528" (as Google Maps shows it).
    Wgs84LatLon,
    /// "5.528, 51.765" (as GeoJSON stores it).
    Wgs84LonLat,
    /// "164720 419600" (RD New metres, x then y; y then x is accepted too).
    Rd,
}

/// Why a coordinate string was rejected. `Display` gives a Dutch message for the user.
#[derive(Clone, Debug, PartialEq)]
pub enum CoordError {
    Empty,
    NotANumber(String),
    NotFinite(String),
    WrongCount(usize),
    OutsideNetherlands(f64, f64),
}

impl fmt::Display for CoordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoordError::Empty => write!(f, "Geen coördinaten ingevuld."),
            CoordError::NotANumber(s) => write!(f, "\"{s}\" is geen getal."),
            CoordError::NotFinite(s) => {
                write!(f, "\"{s}\" is geen eindig getal; vul een echte coördinaat in.")
            }
            CoordError::WrongCount(n) => write!(
                f,
                "Verwacht twee getallen (bijv. \"51.765, 5.528\" of RD \"164720 419600\"), maar vond er {n}."
            ),
            CoordError::OutsideNetherlands(a, b) => write!(
                f,
                "({}, {}) ligt niet in Nederland: verwacht WGS84 (breedte 50,5–53,7 en lengte 3,2–7,3, in \
                 willekeurige volgorde) of RD (x 0–300000, y 289000–629000).",
                shown_number(*a),
                shown_number(*b)
            ),
        }
    }
}

impl std::error::Error for CoordError {}

/// A number for a message: as Rust's `{}` prints it for ordinary values, as `{:e}` from 10^15
/// on, so `1e308` is not written out in 309 digits. Made from serde_json's shortest digits
/// instead of core's float formatting, which would add about 6 KB gzip to the start build
/// (docs/performance.md); `tests/geo_rd.rs` checks it against `{}` and `{:e}`.
pub fn shown_number(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_string();
    }
    let (negative, digits, point) = shortest_digits(v);
    let sign = if negative { "-" } else { "" };
    let (first, rest) = digits.split_at(1);
    if v.abs() >= 1e15 {
        let dot = if rest.is_empty() { "" } else { "." };
        return format!("{sign}{first}{dot}{rest}e{}", point - 1);
    }
    let len = digits.len() as i32;
    if point <= 0 {
        format!(
            "{sign}0.{}{digits}",
            "0".repeat(point.unsigned_abs() as usize)
        )
    } else if point >= len {
        format!("{sign}{digits}{}", "0".repeat((point - len) as usize))
    } else {
        let (int, frac) = digits.split_at(point as usize);
        format!("{sign}{int}.{frac}")
    }
}

/// The shortest digits that read back as finite `v`, without leading or trailing zeros, and
/// where the decimal point goes: `v = ±0.d₁d₂… × 10^point`.
fn shortest_digits(v: f64) -> (bool, String, i32) {
    let text = serde_json::Number::from_f64(v).map_or_else(String::new, |n| n.to_string());
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{int}{frac}");
    let trimmed = all.trim_start_matches('0');
    let point = int.len() as i32 + exponent - (all.len() - trimmed.len()) as i32;
    let digits = trimmed.trim_end_matches('0');
    if digits.is_empty() {
        return (negative, "0".to_string(), 1);
    }
    match exact_tie(v, digits.len()) {
        Some((rounded, tie_point)) => (negative, rounded, tie_point),
        None => (negative, digits.to_string(), point),
    }
}

/// serde_json rounds a value that lies exactly halfway between the two shortest candidates
/// to the even one, core's `{}` away from zero. Such a value is `m · 2^e` with odd `m` and
/// `e < 0`, whose exact digits `m · 5^-e` (times `10^e`) are one more than the shortest and
/// end in 5; with at most 18 of them, `-e` is at most 25 and `u128` holds them. Returns
/// core's digits and point when `v` is such a tie for `n` digits.
fn exact_tie(v: f64, n: usize) -> Option<(String, i32)> {
    let bits = v.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    if m == 0 {
        return None;
    }
    let zeros = m.trailing_zeros();
    m >>= zeros;
    e += zeros as i32;
    if !(-25..0).contains(&e) {
        return None;
    }
    let exact = (u128::from(m) * 5u128.pow(e.unsigned_abs())).to_string();
    if exact.len() != n + 1 {
        return None;
    }
    let kept: u128 = exact.get(..n)?.parse().ok()?;
    let up = (kept + 1).to_string();
    // 99…9 + 1 carries into one more digit: the point moves one to the right.
    let point = exact.len() as i32 + e + (up.len() - n) as i32;
    Some((up.trim_end_matches('0').to_string(), point))
}

fn in_range(v: f64, r: (f64, f64)) -> bool {
    v >= r.0 && v <= r.1
}

fn parse_number(token: &str) -> Result<f64, CoordError> {
    let t = token.trim().trim_end_matches('°');
    let v = decimal(t).ok_or_else(|| CoordError::NotANumber(shown(token)))?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(CoordError::NotFinite(shown(token)))
    }
}

/// A number as `str::parse::<f64>` reads it ("+5.5", "05.", ".5", "1e3", "inf", "NaN"),
/// with the same value, but through serde_json's reader: the standard library's own
/// decimal-to-float code and its tables are some 13 KB gzip of the first page load, and
/// serde_json's is there anyway (docs/performance.md, "Tried"). Both round correctly, so
/// the values are equal (a property test checks it). Too large a number is infinite.
pub fn decimal(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let signed = |v: f64| if negative { -v } else { v };
    let lower = unsigned.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity") {
        return Some(signed(f64::INFINITY));
    }
    if lower == "nan" {
        return Some(f64::NAN);
    }
    // digits [. digits] [e [sign] digits], with digits on at least one side of the point
    let (mantissa, exponent) = match lower.split_once('e') {
        Some((m, e)) => (m, Some(e)),
        None => (lower.as_str(), None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if (whole.is_empty() && fraction.is_empty())
        || !digits(whole)
        || !digits(fraction)
        || !exponent_ok
    {
        return None;
    }
    // The same number in JSON's grammar: no leading zeros, digits after a point.
    let mut json = String::from(match whole.trim_start_matches('0') {
        "" => "0",
        w => w,
    });
    if !fraction.is_empty() {
        json.push('.');
        json.push_str(fraction);
    }
    if let Some(e) = exponent {
        json.push('e');
        json.push_str(e);
    }
    let v = match json.parse::<serde_json::Number>() {
        Ok(n) => n.as_f64()?,
        // the grammar is right, so what serde_json refuses is out of range
        Err(_) => f64::INFINITY,
    };
    Some(signed(v))
}

/// A typed token as the message quotes it: one line, without control characters, at most
/// 40 characters (fuzzing found "abc\ndef; 5" giving a two-line message, and then the
/// paragraph separator U+2029).
fn shown(token: &str) -> String {
    let clean: Vec<char> = token
        .trim()
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}'))
        .collect();
    let short: String = clean.iter().take(40).collect();
    if clean.len() > 40 {
        format!("{short}…")
    } else {
        short
    }
}

/// Split into the numbers typed. Separators: whitespace, `,` or `;`. A decimal comma is
/// accepted when the two numbers are separated by `;` or by whitespace only
/// ("51,765 5,528" or "51,765; 5,528").
fn split_numbers(s: &str) -> Result<Vec<f64>, CoordError> {
    let parts: Vec<&str> = if s.contains(';') {
        s.split(';').collect()
    } else {
        let ws: Vec<&str> = s.split_whitespace().collect();
        let ws_clean: Vec<&str> = ws
            .iter()
            .map(|t| t.trim_matches(','))
            .filter(|t| !t.is_empty())
            .collect();
        let decimal_commas = ws_clean.len() == 2
            && ws_clean
                .iter()
                .all(|t| t.matches(',').count() == 1 && !t.contains('.'));
        if decimal_commas {
            ws_clean
        } else {
            s.split(|c: char| c == ',' || c.is_whitespace())
                .filter(|t| !t.is_empty())
                .collect()
        }
    };
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|p| parse_number(&p.replace(',', ".")))
        .collect()
}

/// Parse a typed-in coordinate: WGS84 in either order ("51.765, 5.528" or "5.528 51.765";
/// the Dutch latitude and longitude ranges do not overlap, so the order is read from the
/// values) or RD New metres ("164720 419600", x then y). NaN, infinities and values outside
/// the Netherlands are rejected with a Dutch message.
pub fn parse_coordinates(s: &str) -> Result<LonLat, CoordError> {
    parse_coordinates_detailed(s).map(|(p, _)| p)
}

/// As [`parse_coordinates`], also telling how the input was read.
pub fn parse_coordinates_detailed(s: &str) -> Result<(LonLat, CoordFormat), CoordError> {
    if s.trim().is_empty() {
        return Err(CoordError::Empty);
    }
    let nums = split_numbers(s)?;
    let (a, b) = match nums.as_slice() {
        [a, b] => (*a, *b),
        other => return Err(CoordError::WrongCount(other.len())),
    };
    if in_range(a, LAT_RANGE) && in_range(b, LON_RANGE) {
        return Ok((LonLat { lon: b, lat: a }, CoordFormat::Wgs84LatLon));
    }
    if in_range(a, LON_RANGE) && in_range(b, LAT_RANGE) {
        return Ok((LonLat { lon: a, lat: b }, CoordFormat::Wgs84LonLat));
    }
    if in_range(a, RD_X_RANGE) && in_range(b, RD_Y_RANGE) {
        return Ok((rd_to_wgs84(a, b), CoordFormat::Rd));
    }
    if in_range(b, RD_X_RANGE) && in_range(a, RD_Y_RANGE) {
        return Ok((rd_to_wgs84(b, a), CoordFormat::Rd));
    }
    Err(CoordError::OutsideNetherlands(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amersfoort_reference() {
        let p = rd_to_wgs84(155_000.0, 463_000.0);
        assert!((p.lat - REF_LAT).abs() < 1e-9 && (p.lon - REF_LON).abs() < 1e-9);
        let (x, y) = wgs84_to_rd(LonLat {
            lon: REF_LON,
            lat: REF_LAT,
        });
        assert!((x - REF_X).abs() < 1e-6 && (y - REF_Y).abs() < 1e-6);
    }

    #[test]
    fn parse_orders_and_formats() {
        let (p, f) = parse_coordinates_detailed("51.765, 5.528").unwrap();
        assert_eq!(f, CoordFormat::Wgs84LatLon);
        assert_eq!(
            p,
            LonLat {
                lon: 5.528,
                lat: 51.765
            }
        );
        let (p, f) = parse_coordinates_detailed("5.528 51.765").unwrap();
        assert_eq!(f, CoordFormat::Wgs84LonLat);
        assert_eq!(
            p,
            LonLat {
                lon: 5.528,
                lat: 51.765
            }
        );
        let (p, f) = parse_coordinates_detailed("51,765 5,528").unwrap();
        assert_eq!(f, CoordFormat::Wgs84LatLon);
        assert_eq!(
            p,
            LonLat {
                lon: 5.528,
                lat: 51.765
            }
        );
        let (_, f) = parse_coordinates_detailed("155000 463000").unwrap();
        assert_eq!(f, CoordFormat::Rd);
        let (_, f) = parse_coordinates_detailed("155000,463000").unwrap();
        assert_eq!(f, CoordFormat::Rd);
        assert!(parse_coordinates_detailed("51.765°, 5.528°").is_ok());
    }

    proptest::proptest! {
        /// `decimal` reads what `str::parse::<f64>` reads, to the same value, written in
        /// each way a user or Rust may write it.
        #[test]
        fn decimal_equals_the_standard_parse(v in proptest::num::f64::ANY, e in -30i32..30) {
            let scaled = format!("{v:e}");
            for text in [
                v.to_string(), format!("{v:e}"), format!("{v:E}"), format!("+{v}"),
                format!("0{v}"), format!("{v:.3}"), format!("{v}."), format!("{v}e{e}"),
                scaled.replace("e", "e+"), format!("{v:.0}."),
            ] {
                let ours = decimal(&text);
                let std = text.parse::<f64>().ok();
                proptest::prop_assert!(
                    ours.map(f64::to_bits) == std.map(f64::to_bits)
                        || ours.zip(std).is_some_and(|(a, b)| a.is_nan() && b.is_nan()),
                    "{text}: {ours:?} against {std:?}"
                );
            }
        }
    }

    #[test]
    fn decimal_reads_as_the_standard_parse() {
        for text in [
            "5",
            "-5",
            "+5.5",
            ".5",
            "-.5",
            "5.",
            "007.25",
            "0",
            "-0",
            "1e3",
            "1E-3",
            "1e+3",
            "1e999",
            "-1e999",
            "1e-999",
            "inf",
            "-Infinity",
            "NaN",
            "+nan",
            "51.765",
            "164720",
            "0.1",
            "123456789012345678901234567890",
            "2.2250738585072011e-308",
            "0e999999",
            "0e99999999999999999999",
            "-0e-99999999999999999999",
            "1e-99999999999999999999",
            "1e99999999999999999999",
            "0.000000000000000000000000000000000000000000000000001e50",
        ] {
            let ours = decimal(text).map(f64::to_bits);
            let std = text.parse::<f64>().ok().map(f64::to_bits);
            if text.to_ascii_lowercase().contains("nan") {
                assert!(decimal(text).is_some_and(f64::is_nan), "{text}");
            } else {
                assert_eq!(ours, std, "{text}");
            }
        }
        for text in [
            "", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "0x10", "1_000", "++1", "--1",
            " 1", "∞", "1e5.5", "in", "nanx", ".e1",
        ] {
            assert_eq!(decimal(text), None, "{text}");
            assert!(text.parse::<f64>().is_err(), "{text}");
        }
    }

    #[test]
    fn parse_rejects() {
        assert_eq!(parse_coordinates("  "), Err(CoordError::Empty));
        assert!(matches!(
            parse_coordinates("NaN, 5"),
            Err(CoordError::NotFinite(_))
        ));
        assert!(matches!(
            parse_coordinates("inf 52"),
            Err(CoordError::NotFinite(_))
        ));
        assert!(matches!(
            parse_coordinates("-Infinity 52"),
            Err(CoordError::NotFinite(_))
        ));
        assert!(matches!(
            parse_coordinates("1e308 52"),
            Err(CoordError::OutsideNetherlands(..))
        ));
        assert!(matches!(
            parse_coordinates("1e999 52"),
            Err(CoordError::NotFinite(_))
        ));
        assert!(matches!(
            parse_coordinates("abc 52"),
            Err(CoordError::NotANumber(_))
        ));
        assert!(matches!(
            parse_coordinates("52"),
            Err(CoordError::WrongCount(1))
        ));
        assert!(matches!(
            parse_coordinates("1 2 3"),
            Err(CoordError::WrongCount(3))
        ));
        assert!(matches!(
            parse_coordinates("48.85, 2.35"),
            Err(CoordError::OutsideNetherlands(..))
        ));
        let msg = parse_coordinates("NaN 5").unwrap_err().to_string();
        assert!(msg.contains("geen eindig getal"), "{msg}");
        // Fuzzing found: a token with a line break or a control character (after ';') was
        // echoed as typed, giving a multi-line message. Quoted tokens are one clean line.
        let msg = parse_coordinates("\u{1}\0\0\r175,56; 5,529")
            .unwrap_err()
            .to_string();
        assert_eq!(msg, "\"175.56\" is geen getal.");
        let msg = parse_coordinates(&format!("{}; 5", "9".repeat(10_000) + "x"))
            .unwrap_err()
            .to_string();
        assert!(msg.chars().count() < 60 && msg.contains('…'), "{msg}");
        let msg = parse_coordinates(";{\u{2028}x\u{2029}")
            .unwrap_err()
            .to_string();
        assert_eq!(msg, "\"{x\" is geen getal.");
    }
}
