//! Share links: the scenario or casus JSON percent-encoded into a URL fragment
//! (`#scenario=…`, `#casus=…`), as `encodeURIComponent` does. Decoding is plain Rust so the
//! fuzzer and native tests cover exactly what the browser runs; every damage a mail client
//! can do (cut off, encoded twice, too long) gets its own message.

use std::fmt;

/// Characters `encodeURIComponent` leaves as they are.
fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte)
}

/// Percent-encodes `text` exactly as JavaScript's `encodeURIComponent`.
pub fn encode(text: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(text.len() * 3 / 2);
    for &byte in text.as_bytes() {
        if is_unreserved(byte) {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    TooLong {
        chars: usize,
        max: usize,
    },
    /// A `%` not followed by two hex digits, at this byte offset.
    BadEscape {
        at: usize,
    },
    /// The bytes are not UTF-8: a multi-byte character was cut.
    NotUtf8,
    /// The JSON itself is still percent-encoded.
    EncodedTwice,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLong { chars, max } => {
                write!(f, "de link is te lang ({chars} tekens, maximaal {max})")
            }
            LinkError::BadEscape { at } => write!(
                f,
                "de link is beschadigd: ongeldige %-codering bij teken {at} (misschien afgebroken)"
            ),
            LinkError::NotUtf8 => write!(
                f,
                "de link is beschadigd: een teken is halverwege afgebroken (geen geldige UTF-8)"
            ),
            LinkError::EncodedTwice => write!(
                f,
                "de link is dubbel gecodeerd (bijvoorbeeld door een mailprogramma); kopieer de link opnieuw uit Routewijzer"
            ),
        }
    }
}

/// Decodes a fragment's value (after `#scenario=`) to the text it carries.
pub fn decode(encoded: &str, max_chars: usize) -> Result<String, LinkError> {
    if encoded.len() > max_chars {
        return Err(LinkError::TooLong {
            chars: encoded.len(),
            max: max_chars,
        });
    }
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if byte == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or(LinkError::BadEscape { at: i })?;
            out.push(hex);
            i += 3;
        } else {
            out.push(byte);
            i += 1;
        }
    }
    let text = String::from_utf8(out).map_err(|_| LinkError::NotUtf8)?;
    // Encoded twice, the JSON object still starts with an escaped brace.
    let start = text.trim_start();
    if start.starts_with("%7B") || start.starts_with("%7b") {
        return Err(LinkError::EncodedTwice);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_text() {
        for text in ["{\"a\": \"’s-Hertogenbosch – é 🚜\"}", "", "100%", "a+b c"] {
            assert_eq!(decode(&encode(text), 10_000), Ok(text.to_string()));
        }
        assert_eq!(encode("{\"x\": 1}"), "%7B%22x%22%3A%201%7D");
    }

    #[test]
    fn names_each_kind_of_damage() {
        let good = encode("{\"title\": \"é\"}");
        assert_eq!(
            decode(&good, 5),
            Err(LinkError::TooLong {
                chars: good.len(),
                max: 5
            })
        );
        assert_eq!(decode("%7B%2", 100), Err(LinkError::BadEscape { at: 3 }));
        assert_eq!(decode("%7B%C3", 100), Err(LinkError::NotUtf8));
        assert_eq!(decode(&encode(&good), 1000), Err(LinkError::EncodedTwice));
    }
}
