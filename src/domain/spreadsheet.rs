//! CSV as Dutch spreadsheets open it, the one place every export is written (the Speelveld
//! matrix, the configuration export, the rejected rows of an import): UTF-8 with a byte-order
//! mark, `;` between fields, CRLF line ends, one quoting rule, and cells that a spreadsheet
//! would run as a formula neutralised the OWASP way ("CSV injection"): a `'` before them, in
//! quotes. A plain number such as `-2` stays a number. NUL characters are left out.

use std::borrow::Cow;

/// The characters a spreadsheet reads as the start of a formula (or of a DDE command):
/// `=`, `+`, `-`, `@`, TAB and CR.
pub(crate) const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A new file: the byte-order mark, so Excel reads UTF-8, before the first line.
pub(crate) fn document() -> String {
    String::from("\u{feff}")
}

/// A plain number (`-2`, `+3`, `-1,5`, `2.25`): safe to leave as it is.
fn plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let mut parts = digits.splitn(2, [',', '.']);
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A field as written: without NUL; with a `'` before it when it starts with a formula
/// character and is no plain number; in double quotes, with quotes doubled, when it holds
/// `;`, `,`, `"` or a line break, or was neutralised. `;` separates the fields, and `,` is
/// what a spreadsheet set to another language splits on, so a field holding either is quoted.
pub(crate) fn field(s: &str) -> Cow<'_, str> {
    let s: Cow<'_, str> = if s.contains('\0') {
        Cow::Owned(s.replace('\0', ""))
    } else {
        Cow::Borrowed(s)
    };
    let formula = s.starts_with(FORMULA_START) && !plain_number(&s);
    if formula {
        Cow::Owned(format!("\"'{}\"", s.replace('"', "\"\"")))
    } else if s.contains([';', ',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        s
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

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+cmd|' /C calc'!A0"), "\"'+cmd|' /C calc'!A0\"");
        assert_eq!(field("@SUM(1+1)"), "\"'@SUM(1+1)\"");
        assert_eq!(field("-2+3+cmd|x"), "\"'-2+3+cmd|x\"");
        assert_eq!(field("\tx"), "\"'\tx\"");
        assert_eq!(field("\rx"), "\"'\rx\"");
        for number in ["-2", "+3", "2.25", "12"] {
            assert_eq!(field(number), number);
        }
        // A decimal comma is quoted (it is a separator elsewhere), never neutralised.
        assert_eq!(field("-1,5"), "\"-1,5\"");
        for not_number in ["-", "-,5", "-2,", "-2e3", "- 2"] {
            assert!(field(not_number).starts_with("\"'"), "{not_number}");
        }
        assert_eq!(field("a\0b"), "ab");
        assert_eq!(field("\0=1"), "\"'=1\"");
        assert!(document().starts_with('\u{feff}'));
    }
}
