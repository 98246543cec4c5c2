//! CSV in the columns of the DSO implementation monitor (page "I3 Behandeldiensten"):
//! Begindatum, Bevoegd gezag, Activiteit, Behandeldienst, Toestemming, Bevoegd gezag
//! (locatie). Names become ids where exactly one organisation, activity or gemeente fits;
//! every other row is reported with its line number, never dropped silently.
//!
//! Readings: "Toestemming" is the verzoektype (empty = all); "Bevoegd gezag (locatie)" is
//! the area the entry is limited to: empty or the bevoegd gezag's own area = everywhere,
//! a gemeente (name, former name or CBS code) = that gemeente. Rows that differ only in
//! their gemeente are merged into one entry with a gemeenten list. "Begindatum" is kept in
//! `bron`.

use super::draft::Draft;
pub use super::import::{import_csv, CsvImport, Importer, RowProblem, BRON_PREFIX};
use crate::domain::ids::Verzoektype;
use crate::domain::organisations::Org;
use crate::domain::spreadsheet::{document, push_line};
use crate::domain::Engine;
use crate::geo::normalize;

pub const COLUMNS: [&str; 6] = [
    "Begindatum",
    "Bevoegd gezag",
    "Activiteit",
    "Behandeldienst",
    "Toestemming",
    "Bevoegd gezag (locatie)",
];

/// Splits CSV text into records of fields, each with the line it starts on. The separator
/// is `;` or `,`, whichever the header line holds more of.
pub fn parse_records(text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().unwrap_or("");
    let sep = if header.matches(';').count() >= header.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let (mut line, mut start) = (1usize, 1usize);
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, c) if c == sep => fields.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                push_record(&mut records, start, std::mem::take(&mut fields));
                line += 1;
                start = line;
            }
            (_, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
        }
    }
    if quoted {
        return Err(format!(
            "regel {start}: aanhalingsteken niet gesloten (het bestand eindigt binnen een veld)"
        ));
    }
    fields.push(field);
    push_record(&mut records, start, fields);
    Ok(records)
}

fn push_record(records: &mut Vec<(usize, Vec<String>)>, line: usize, fields: Vec<String>) {
    // Blank lines (also the one after a final line break) are no rows.
    if fields.iter().any(|f| !f.trim().is_empty()) {
        records.push((line, fields));
    }
}

pub(super) fn column_positions(header: &[String]) -> Result<Vec<usize>, String> {
    let found: Vec<String> = header.iter().map(|h| normalize(h)).collect();
    let mut out = Vec::new();
    let mut missing = Vec::new();
    for name in COLUMNS {
        match found.iter().position(|h| *h == normalize(name)) {
            Some(p) => out.push(p),
            None => missing.push(name),
        }
    }
    if missing.is_empty() {
        Ok(out)
    } else {
        Err(format!(
            "regel 1: kolom ontbreekt: {} (verwacht de kolommen {}, gescheiden door ; of ,)",
            missing.join(", "),
            COLUMNS.join(", ")
        ))
    }
}

/// One data row, read by column number of [`COLUMNS`].
pub(super) struct Row<'a> {
    pub(super) fields: &'a [String],
    pub(super) columns: &'a [usize],
}

impl Row<'_> {
    /// A cell, trimmed; a leading `'` that the export put before a formula character (see
    /// `spreadsheet::field`) is taken off again.
    pub(super) fn get(&self, column: usize) -> &str {
        let cell = self
            .columns
            .get(column)
            .and_then(|&p| self.fields.get(p))
            .map_or("", |s| s.trim());
        match cell.strip_prefix('\'') {
            Some(rest) if rest.starts_with(crate::domain::spreadsheet::FORMULA_START) => rest,
            _ => cell,
        }
    }
}

/// The draft in the monitor's columns, `;`-separated (what Dutch spreadsheets expect), one
/// row per gemeente. Ids the catalogue or organisations do not know are written as they are.
pub fn export_csv(draft: &Draft, engine: &Engine) -> String {
    let orgs = &engine.organisations;
    let mut out = document();
    push_line(&mut out, COLUMNS);
    for e in &draft.entries {
        let bg = orgs.get(&e.bevoegd_gezag);
        let bd = orgs.name_or_id(&e.behandeldienst);
        let activity = engine
            .catalogue
            .activity(&e.activity)
            .map(|a| a.name.clone())
            .or_else(|| engine.catalogue.group(&e.activity).map(|g| g.name.clone()))
            .unwrap_or_else(|| e.activity.clone());
        let toestemming = Verzoektype::parse(&e.verzoektype)
            .map_or(e.verzoektype.clone(), |v| v.label().to_string());
        let begin = e
            .bron
            .as_deref()
            .and_then(|b| b.strip_prefix(BRON_PREFIX))
            .unwrap_or("");
        let places: Vec<String> = if e.gemeenten.is_empty() {
            vec![String::new()]
        } else {
            e.gemeenten.iter().map(|g| orgs.name_or_id(g)).collect()
        };
        for place in places {
            let row = [
                begin.to_string(),
                bg.map_or(e.bevoegd_gezag.clone(), Org::bg_name),
                activity.clone(),
                bd.clone(),
                toestemming.clone(),
                place,
            ];
            push_line(&mut out, row);
        }
    }
    out
}

/// The rejected rows of an import as a file to open in a spreadsheet: line, reason and the
/// row's cells, written as every export is (`spreadsheet`).
pub fn problems_csv(problems: &[RowProblem]) -> String {
    let mut out = document();
    push_line(
        &mut out,
        ["Rij", "Reden"].into_iter().chain(COLUMNS.iter().copied()),
    );
    for p in problems {
        let line = p.line.to_string();
        let fields = [line.as_str(), p.message.as_str()]
            .into_iter()
            .chain(p.fields.iter().map(String::as_str));
        push_line(&mut out, fields);
    }
    out
}
