//! Share links: the scenario or casus JSON percent-encoded into a URL fragment
//! (`#scenario=…`, `#casus=…`), as `encodeURIComponent` does, or, for a scenario too long to
//! share that way, packed (`#scenario=z:…`: deflate-raw, then base64url). Packing and
//! unpacking are the browser's own `CompressionStream` (www/loader.js), so the wasm carries no
//! compressor; everything else is plain Rust here, so the fuzzer and native tests cover what
//! the browser runs. Every damage a mail client can do (cut off, encoded twice, too long) and
//! a link that unpacks to more than the app reads (a zip bomb) gets its own message.

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

/// Marks a packed value: `#scenario=z:` + base64url (no padding) of the JSON's deflate-raw.
pub const PACKED: &str = "z:";

/// A scenario whose plain link is at most this long is written plain (readable, and short
/// enough for any mail client); a longer one is packed.
pub const PLAIN_MAX_CHARS: usize = 2_000;

/// What a link's value carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Payload {
    /// The JSON text itself (a plain link).
    Text(String),
    /// A packed link's base64url, checked, still to be unpacked by the browser.
    Packed(String),
}

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    TooLong {
        chars: usize,
        max: usize,
    },
    /// A packed link with a character that is not base64url, at this byte offset of its
    /// value (or a length no base64 can have: `at` is then the length).
    BadPacked {
        at: usize,
    },
    /// A packed link unpacks to more than `max` bytes: the browser stopped there.
    Unpacks {
        max: usize,
    },
    /// A packed link whose content is not deflate-raw of UTF-8 text (cut off, changed).
    Unreadable,
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
            LinkError::BadPacked { at } => write!(
                f,
                "de link is beschadigd: ongeldig teken in de gecomprimeerde link bij teken {at} (misschien afgebroken of gewijzigd)"
            ),
            LinkError::Unpacks { max } => write!(
                f,
                "de gecomprimeerde link pakt uit tot meer dan {} kB, het maximum; het uitpakken is daar gestopt",
                max / 1024
            ),
            LinkError::Unreadable => write!(
                f,
                "de link is beschadigd: de gecomprimeerde inhoud is niet te lezen (misschien afgebroken)"
            ),
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

/// Reads a link's value (after `#scenario=`): the JSON text of a plain link, or the checked
/// base64url of a packed one. A packed link whose `z:` a mail client percent-encoded
/// (`z%3A…`) is still read.
pub fn read(value: &str, max_chars: usize) -> Result<Payload, LinkError> {
    let text = decode(value, max_chars)?;
    let Some(packed) = text.strip_prefix(PACKED) else {
        return Ok(Payload::Text(text));
    };
    let bad = packed
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    // Four base64 characters carry three bytes; a lone last character carries none.
    let bad = bad.or((packed.is_empty() || packed.len() % 4 == 1).then_some(packed.len()));
    match bad {
        Some(at) => Err(LinkError::BadPacked {
            at: at + PACKED.len(),
        }),
        None => Ok(Payload::Packed(packed.to_string())),
    }
}

/// The browser's answer to unpacking (www/loader.js): the text, or the code of why not
/// (`groot`: over `max` bytes, where it stopped; anything else: unreadable).
pub fn unpacked(answer: Result<String, String>, max: usize) -> Result<String, LinkError> {
    answer.map_err(|code| match code.as_str() {
        "groot" => LinkError::Unpacks { max },
        _ => LinkError::Unreadable,
    })
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

    #[test]
    fn tells_plain_from_packed() {
        let json = "{\"title\": \"é\"}";
        assert_eq!(read(&encode(json), 100), Ok(Payload::Text(json.into())));
        assert_eq!(read("z:q1Yq", 100), Ok(Payload::Packed("q1Yq".into())));
        // A mail client that encoded the colon.
        assert_eq!(read("z%3Aq1Yq", 100), Ok(Payload::Packed("q1Yq".into())));
        assert_eq!(read("z:q1 Yq", 100), Err(LinkError::BadPacked { at: 4 }));
        assert_eq!(read("z:q1Y+", 100), Err(LinkError::BadPacked { at: 5 }));
        assert_eq!(read("z:", 100), Err(LinkError::BadPacked { at: 2 }));
        assert_eq!(read("z:q1Yqa", 100), Err(LinkError::BadPacked { at: 7 }));
        assert_eq!(
            read("z:q1Yq", 3),
            Err(LinkError::TooLong { chars: 6, max: 3 })
        );
    }

    #[test]
    fn names_what_unpacking_found() {
        assert_eq!(unpacked(Ok("{}".into()), 10), Ok("{}".into()));
        assert_eq!(
            unpacked(Err("groot".into()), 1 << 20),
            Err(LinkError::Unpacks { max: 1 << 20 })
        );
        assert_eq!(
            unpacked(Err("kapot".into()), 1 << 20),
            Err(LinkError::Unreadable)
        );
        let message = LinkError::Unpacks { max: 1 << 20 }.to_string();
        assert!(message.contains("1024 kB"), "{message}");
    }
}
