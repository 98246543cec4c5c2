//! The document as OpenDocument Text (ODT, ISO/IEC 26300), made in the browser: a zip with
//! `mimetype` first and stored, `META-INF/manifest.xml`, `content.xml`, `styles.xml` and
//! `meta.xml`. The zip is written here, every entry stored (no compression): an ODT of a
//! regional agreement is some tens of kilobytes, and a stored zip needs no deflate code in
//! the full build, only a CRC-32 (twelve lines, bitwise; docs/werkafspraken.md has the size
//! figures that made the case against a zip crate).

use std::fmt::Write as _;

use super::document::{Block, Document};

/// CRC-32 (IEEE 802.3, as zip uses), bit by bit: no table to carry in the wasm.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// A zip archive of stored entries, in the order given. Names are ASCII; every size fits
/// 32 bits (the caller's documents are far below 4 GB).
pub fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::new();
    let mut central: Vec<u8> = Vec::new();
    let u16le = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    // 1 January 2026, 00:00 in MS-DOS form: a fixed time, so equal documents are equal bytes.
    let (time, date) = (0u16, ((2026u16 - 1980) << 9) | (1 << 5) | 1);
    for (name, data) in entries {
        let offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
        let crc = crc32(data);
        let size = u32::try_from(data.len()).unwrap_or(u32::MAX);
        let name_len = u16::try_from(name.len()).unwrap_or(u16::MAX);
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, 10); // version needed: 1.0 (stored)
        u16le(&mut out, 0); // flags
        u16le(&mut out, 0); // method: stored
        u16le(&mut out, time);
        u16le(&mut out, date);
        u32le(&mut out, crc);
        u32le(&mut out, size);
        u32le(&mut out, size);
        u16le(&mut out, name_len);
        u16le(&mut out, 0); // no extra field (ODF: not for mimetype)
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Central directory entry.
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20); // made by: 2.0
        u16le(&mut central, 10);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, time);
        u16le(&mut central, date);
        u32le(&mut central, crc);
        u32le(&mut central, size);
        u32le(&mut central, size);
        u16le(&mut central, name_len);
        u16le(&mut central, 0); // extra
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
    let central_size = u32::try_from(central.len()).unwrap_or(u32::MAX);
    let count = u16::try_from(entries.len()).unwrap_or(u16::MAX);
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, count);
    u16le(&mut out, count);
    u32le(&mut out, central_size);
    u32le(&mut out, central_offset);
    u16le(&mut out, 0);
    out
}

/// Text as XML character data or attribute value: `& < > " '` escaped (the map's own
/// escaping), line breaks and tabs as spaces, and the characters XML 1.0 forbids (most
/// control characters) dropped.
pub fn xml_escape(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => None,
            c => Some(c),
        })
        .collect();
    crate::geo::escape_markup(&clean).into_owned()
}

const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3""#;

fn manifest() -> String {
    let files = ["content.xml", "styles.xml", "meta.xml"]
        .map(|f| {
            format!(
                r#"<manifest:file-entry manifest:full-path="{f}" manifest:media-type="text/xml"/>"#
            )
        })
        .join("");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{MIMETYPE}"/>{files}</manifest:manifest>"#
    )
}

/// A4 portrait, 2 cm margins; headings, body text, labels, table cells and captions.
fn styles() -> String {
    let heading = |n: u8, size: &str| {
        format!(
            r#"<style:style style:name="Heading_20_{n}" style:display-name="Heading {n}" style:family="paragraph" style:default-outline-level="{n}"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="{size}" fo:font-weight="bold"/></style:style>"#
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS}><office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans', Arial, sans-serif" fo:font-size="10pt" fo:language="nl" fo:country="NL"/></style:default-style><style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.15cm"/></style:style>{}{}{}<style:style style:name="Title" style:family="paragraph"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style><style:style style:name="Caption" style:family="paragraph"><style:text-properties fo:font-style="italic" fo:font-size="9pt"/></style:style><style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph"><style:text-properties fo:font-size="8pt"/></style:style><style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:styles><office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles></office:document-styles>"#,
        heading(1, "16pt"),
        heading(2, "13pt"),
        heading(3, "11pt")
    )
}

fn meta(doc: &Document) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NS}><office:meta><meta:generator>Routewijzer {}</meta:generator><dc:title>{}</dc:title><dc:language>{}</dc:language></office:meta></office:document-meta>"#,
        env!("CARGO_PKG_VERSION"),
        xml_escape(&doc.title),
        xml_escape(&doc.lang)
    )
}

fn content(doc: &Document) -> String {
    let mut body = String::new();
    let p = |body: &mut String, style: &str, text: &str| {
        let _ = write!(
            body,
            r#"<text:p text:style-name="{style}">{}</text:p>"#,
            xml_escape(text)
        );
    };
    let mut tables = 0;
    for b in &doc.blocks {
        match b {
            Block::Heading(level, text) => {
                let _ = write!(
                    body,
                    r#"<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{}</text:h>"#,
                    xml_escape(text)
                );
            }
            Block::Para(text) => p(&mut body, "Standard", text),
            Block::Fields(fields) => {
                for (k, v) in fields {
                    let _ = write!(
                        body,
                        r#"<text:p text:style-name="Standard"><text:span text:style-name="Strong">{}: </text:span>{}</text:p>"#,
                        xml_escape(k),
                        xml_escape(v)
                    );
                }
            }
            Block::List(items) => {
                body.push_str("<text:list>");
                for (i, item) in items.iter().enumerate() {
                    let _ = write!(
                        body,
                        r#"<text:list-item><text:p text:style-name="Standard">{}. {}</text:p></text:list-item>"#,
                        i + 1,
                        xml_escape(item)
                    );
                }
                body.push_str("</text:list>");
            }
            Block::Checklist(items) => {
                for (on, item) in items {
                    p(
                        &mut body,
                        "Standard",
                        &format!("{} {item}", if *on { "☑" } else { "☐" }),
                    );
                }
            }
            Block::Table {
                caption,
                head,
                rows,
            } => {
                tables += 1;
                p(&mut body, "Caption", caption);
                let _ = write!(
                    body,
                    r#"<table:table table:name="Tabel{tables}"><table:table-column table:number-columns-repeated="{}"/>"#,
                    head.len().max(1)
                );
                body.push_str("<table:table-header-rows>");
                row_xml(&mut body, head);
                body.push_str("</table:table-header-rows>");
                for r in rows {
                    row_xml(&mut body, r);
                }
                body.push_str("</table:table>");
            }
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    )
}

fn row_xml(body: &mut String, cells: &[String]) {
    body.push_str("<table:table-row>");
    for c in cells {
        let _ = write!(
            body,
            r#"<table:table-cell office:value-type="string"><text:p text:style-name="Table_20_Contents">{}</text:p></table:table-cell>"#,
            xml_escape(c)
        );
    }
    body.push_str("</table:table-row>");
}

/// The document as an ODT file.
pub fn odt(doc: &Document) -> Vec<u8> {
    let (manifest, content, styles, meta) = (manifest(), content(doc), styles(), meta(doc));
    stored_zip(&[
        ("mimetype", MIMETYPE.as_bytes()),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
        ("styles.xml", styles.as_bytes()),
        ("meta.xml", meta.as_bytes()),
    ])
}
