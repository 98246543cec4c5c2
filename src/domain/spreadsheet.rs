//! CSV as Dutch spreadsheets open it: `;` between fields, CRLF line ends, and one quoting rule
//! for every export (the Speelveld matrix, the configuration export).

use std::borrow::Cow;

/// A field as written: in double quotes, with quotes doubled, when it holds `;`, `,`, `"` or a
/// line break. `;` separates the fields, and `,` is what a spreadsheet set to another
/// language splits on, so a field holding either is quoted.
pub(crate) fn field(s: &str) -> Cow<'_, str> {
    if s.contains([';', ',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

/// Appends one line: the fields, each as [`field`] writes it, `;`-separated, and CRLF.
pub(crate) fn push_line<S: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = S>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(&field(f.as_ref()));
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_quoting_rule() {
        assert_eq!(field("Oss"), "Oss");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(
            field("Waterschap Aa en Maas, Brabantse Delta"),
            "\"Waterschap Aa en Maas, Brabantse Delta\""
        );
        assert_eq!(field("zo \"genoemd\""), "\"zo \"\"genoemd\"\"\"");
        assert_eq!(field("twee\nregels"), "\"twee\nregels\"");
        assert_eq!(field("cr\r"), "\"cr\r\"");
        assert_eq!(field(""), "");
        let mut out = String::new();
        push_line(&mut out, ["a", "b;c", ""]);
        push_line(&mut out, Vec::<String>::new());
        assert_eq!(out, "a;\"b;c\";\r\n\r\n");
    }
}
