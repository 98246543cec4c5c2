//! The monitor-CSV import as a resumable job: [`Importer::step`] maps a number of rows and
//! returns, so the browser can paint between chunks; [`import_csv`] runs it to the end. Every
//! row ends in exactly one of four outcomes (taken, taken under a parent activity, merged
//! with an earlier row, rejected), and every mapping that is not exact leaves a note on its
//! row. Cost is linear in the rows: names are looked up in indexes built once, and duplicates
//! are found by key.

use std::collections::HashMap;

use serde::Serialize;

use super::csv::{parse_records, Row, COLUMNS};
use super::draft::{Draft, DraftEntry};
use super::names::{ActivityNames, Fit};
use super::org_names::OrgIndex;
use crate::domain::error::one_line_max;
use crate::domain::ids::{OrgKind, Verzoektype};
use crate::domain::{Engine, MAX_INPUT_BYTES};
use crate::geo::normalize;

/// A row that could not be imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    /// 1-based line where the row starts (the header is line 1).
    pub line: usize,
    pub message: String,
    /// The row's cells in the order of [`COLUMNS`], as read (for the rejected-rows file).
    pub fields: Vec<String>,
}

/// What a note on an imported row says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// Mapped to a catalogue activity that covers more than the row's activity.
    Bovenliggend,
    /// A former gemeente's name, read as the gemeente it is part of now.
    Voormalig,
    /// The same as an earlier row (after mapping): merged into it.
    Samengevoegd,
    /// A begindatum that could not be read; the row is taken without it.
    Datum,
}

/// A warning about a row that was taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowNote {
    pub line: usize,
    pub kind: NoteKind,
    pub message: String,
}

/// How many rows ended how; the four add up to the rows read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Taken as they are (names read as ids; rows that differ only in gemeente share an entry).
    pub taken: usize,
    /// Taken under a catalogue activity that covers more (a sub-activity or part of one).
    pub parent: usize,
    /// The same as an earlier row after mapping (a former gemeente name, a repeated row).
    pub merged: usize,
    pub rejected: usize,
}

/// The imported configuration, what happened to each row, and the rows left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CsvImport {
    pub draft: Draft,
    pub rows: usize,
    pub counts: Counts,
    pub notes: Vec<RowNote>,
    pub problems: Vec<RowProblem>,
}

/// (bevoegd gezag, activity, verzoektype): what one DSO configuration line is about.
type Key = (String, String, String);

/// Who claimed an area (a gemeente, or "" for everywhere) of a key first.
#[derive(Clone, Debug)]
struct Claim {
    line: usize,
    behandeldienst: String,
}

/// A row read into an entry with one area (or none: everywhere), and its notes.
struct Mapped {
    entry: DraftEntry,
    notes: Vec<(NoteKind, String)>,
}

/// An import under way.
pub struct Importer<'a> {
    engine: &'a Engine,
    names: ActivityNames,
    orgs: OrgIndex<'a>,
    columns: Vec<usize>,
    records: std::vec::IntoIter<(usize, Vec<String>)>,
    rows: usize,
    done: usize,
    draft: Draft,
    claims: HashMap<(Key, String), Claim>,
    /// The entry with a gemeenten list per key and behandeldienst, to add gemeenten to.
    lists: HashMap<(Key, String), usize>,
    counts: Counts,
    notes: Vec<RowNote>,
    problems: Vec<RowProblem>,
}

/// Imports monitor CSV text into a new draft named `name`. Fails as a whole only when the
/// text is too large, has no usable header or an unclosed quote.
pub fn import_csv(text: &str, name: &str, engine: &Engine) -> Result<CsvImport, String> {
    let mut importer = Importer::new(text, name, engine)?;
    while importer.step(usize::MAX) {}
    Ok(importer.finish())
}

impl<'a> Importer<'a> {
    /// Reads the text into rows and checks the header; maps nothing yet.
    pub fn new(text: &str, name: &str, engine: &'a Engine) -> Result<Importer<'a>, String> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(format!(
                "bestand te groot: {} kB (maximaal {} kB)",
                text.len() / 1024,
                MAX_INPUT_BYTES / 1024
            ));
        }
        let mut records = parse_records(text)?.into_iter();
        let Some((_, header)) = records.next() else {
            return Err(
                "leeg bestand (verwacht een kopregel met de kolommen van de implementatiemonitor)"
                    .into(),
            );
        };
        let columns = super::csv::column_positions(&header)?;
        let names = ActivityNames::bundled(&engine.catalogue).map_err(|e| e.to_string())?;
        let rows = records.len();
        Ok(Importer {
            engine,
            names,
            orgs: OrgIndex::new(&engine.organisations, engine.geography()),
            columns,
            records,
            rows,
            done: 0,
            draft: Draft {
                id: String::new(),
                name: name.to_string(),
                description: format!("Geïmporteerd uit CSV ({rows} rijen)"),
                entries: Vec::new(),
            },
            claims: HashMap::new(),
            lists: HashMap::new(),
            counts: Counts::default(),
            notes: Vec::new(),
            problems: Vec::new(),
        })
    }

    /// (rows mapped, rows in the file).
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.rows)
    }

    /// Maps up to `rows` rows; true while rows remain.
    pub fn step(&mut self, rows: usize) -> bool {
        let columns = self.columns.clone();
        for _ in 0..rows {
            let Some((line, fields)) = self.records.next() else {
                return false;
            };
            self.done += 1;
            let row = Row {
                fields: &fields,
                columns: &columns,
            };
            let placed = self
                .map_row(&row)
                .and_then(|mapped| self.place(line, mapped));
            if let Err(message) = placed {
                self.reject(line, &row, &message);
            }
        }
        self.done < self.rows
    }

    pub fn finish(self) -> CsvImport {
        CsvImport {
            draft: self.draft,
            rows: self.rows,
            counts: self.counts,
            notes: self.notes,
            problems: self.problems,
        }
    }

    fn reject(&mut self, line: usize, row: &Row, message: &str) {
        self.counts.rejected += 1;
        self.problems.push(RowProblem {
            line,
            // A message quotes the file's own cells, which may hold anything Excel lets
            // through: one short readable line (found by fuzzing).
            message: one_line_max(message, 300),
            fields: (0..COLUMNS.len()).map(|c| row.get(c).to_string()).collect(),
        });
    }

    fn note(&mut self, line: usize, kind: NoteKind, message: &str) {
        self.notes.push(RowNote {
            line,
            kind,
            message: one_line_max(message, 400),
        });
    }

    fn map_row(&mut self, row: &Row) -> Result<Mapped, String> {
        let get = |c| row.get(c);
        let mut notes = Vec::new();
        let bg = self
            .orgs
            .find(get(1), true)
            .map_err(|e| format!("Bevoegd gezag: {e}"))?;
        let activity = self
            .names
            .find(get(2))
            .map_err(|e| format!("Activiteit: {e}"))?;
        let bd = self
            .orgs
            .find(get(3), false)
            .map_err(|e| format!("Behandeldienst: {e}"))?;
        let verzoektype = find_verzoektype(get(4)).map_err(|e| format!("Toestemming: {e}"))?;
        let area = self.find_area(get(5), bg.org.id.as_str())?;
        for found in [Some(&bg), Some(&bd), area.as_ref()].into_iter().flatten() {
            if let Some(name) = &found.former {
                notes.push((
                    NoteKind::Voormalig,
                    format!(
                        "'{name}' is een voormalige gemeente; gelezen als {} ({})",
                        found.org.display_name(),
                        found.org.id
                    ),
                ));
            }
        }
        let parent = self.activity_label(&activity.id);
        match &activity.fit {
            Fit::Same => {}
            Fit::Part(name) => notes.push((NoteKind::Bovenliggend, format!(
                "'{name}' is een deel van '{parent}' in de catalogus; de regel geldt nu voor heel '{parent}' en kan afwijken van de echte configuratie"
            ))),
            Fit::Sub(specific) => notes.push((NoteKind::Bovenliggend, format!(
                "subactiviteit '{specific}' valt onder '{parent}'; de regel geldt nu voor heel '{parent}' en kan afwijken van de echte configuratie"
            ))),
        }
        let begin = match parse_date(get(0)) {
            Ok(date) => date,
            Err(e) => {
                notes.push((NoteKind::Datum, e));
                None
            }
        };
        Ok(Mapped {
            entry: DraftEntry {
                bevoegd_gezag: bg.org.id.clone(),
                activity: activity.id,
                behandeldienst: bd.org.id.clone(),
                verzoektype: verzoektype
                    .map(|v| v.as_str().to_string())
                    .unwrap_or_default(),
                gemeenten: area.map(|a| vec![a.org.id.clone()]).unwrap_or_default(),
                inhoud: String::new(),
                bron: begin.map(|d| format!("{BRON_PREFIX}{d}")),
                // the export does not say whether the service has a mandate
                mandaat: None,
            },
            notes,
        })
    }

    fn activity_label(&self, id: &str) -> String {
        let catalogue = &self.engine.catalogue;
        catalogue
            .activity(id)
            .map(|a| a.name.clone())
            .or_else(|| catalogue.group(id).map(|g| g.name.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    /// Empty or the bevoegd gezag itself = everywhere (`None`); otherwise one gemeente.
    fn find_area(
        &mut self,
        text: &str,
        bg: &str,
    ) -> Result<Option<super::org_names::Found<'a>>, String> {
        let fail = |e: String| format!("Bevoegd gezag (locatie): {e}");
        if text.is_empty() {
            return Ok(None);
        }
        let found = self.orgs.find(text, true).map_err(fail)?;
        if found.org.id == bg {
            return Ok(None);
        }
        if found.org.kind != OrgKind::Gemeente {
            return Err(fail(format!(
                "{} is geen gemeente en niet het bevoegd gezag zelf",
                found.org.display_name()
            )));
        }
        Ok(Some(found))
    }

    /// Adds a mapped row: a new entry, a gemeente added to an entry of the same key and
    /// behandeldienst, merged with an equal earlier row, or rejected when an earlier row
    /// sends the same key and area to another behandeldienst (B4).
    fn place(&mut self, line: usize, mapped: Mapped) -> Result<(), String> {
        let Mapped { entry, notes } = mapped;
        let key: Key = (
            entry.bevoegd_gezag.clone(),
            entry.activity.clone(),
            entry.verzoektype.clone(),
        );
        let area = entry.gemeenten.first().cloned().unwrap_or_default();
        let claim_key = (key.clone(), area.clone());
        if let Some(claim) = self.claims.get(&claim_key).cloned() {
            if claim.behandeldienst != entry.behandeldienst {
                return Err(format!(
                    "zelfde bevoegd gezag, activiteit, verzoektype en gebied ({}) als rij {}, maar een andere behandeldienst ({} tegen {}); per combinatie en gemeente kan maar één behandeldienst (regel B4)",
                    if area.is_empty() { "overal" } else { area.as_str() },
                    claim.line,
                    claim.behandeldienst,
                    entry.behandeldienst
                ));
            }
            for (kind, text) in &notes {
                self.note(line, *kind, text);
            }
            self.note(
                line,
                NoteKind::Samengevoegd,
                &format!(
                    "na het lezen van de namen gelijk aan rij {}: samengevoegd, niet dubbel opgenomen",
                    claim.line
                ),
            );
            self.counts.merged += 1;
            return Ok(());
        }
        let parent = notes.iter().any(|(k, _)| *k == NoteKind::Bovenliggend);
        for (kind, text) in &notes {
            self.note(line, *kind, text);
        }
        if parent {
            self.counts.parent += 1;
        } else {
            self.counts.taken += 1;
        }
        self.claims.insert(
            claim_key,
            Claim {
                line,
                behandeldienst: entry.behandeldienst.clone(),
            },
        );
        if area.is_empty() {
            self.draft.entries.push(entry);
            return Ok(());
        }
        let list_key = (key, entry.behandeldienst.clone());
        match self.lists.get(&list_key) {
            Some(&i) => {
                if let Some(e) = self.draft.entries.get_mut(i) {
                    e.gemeenten.push(area);
                }
            }
            None => {
                self.lists.insert(list_key, self.draft.entries.len());
                self.draft.entries.push(entry);
            }
        }
        Ok(())
    }
}

/// How a begindatum is kept in `bron` (and found again by the export).
pub const BRON_PREFIX: &str = "Implementatiemonitor, begindatum ";

/// A begindatum as `28-1-2026`, `28/01/2026`, `2026-01-28` or empty, as ISO `2026-01-28`.
pub fn parse_date(text: &str) -> Result<Option<String>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || {
        format!("begindatum '{text}' niet gelezen (verwacht bijvoorbeeld 28-1-2026 of 2026-01-28); overgenomen zonder datum")
    };
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect::<Option<Vec<u32>>>()
        .ok_or_else(bad)?;
    let (year, month, day) = match (parts.as_slice(), numbers.as_slice()) {
        ([y, _, _], [yy, m, d]) if y.len() == 4 => (*yy, *m, *d),
        ([_, _, y], [d, m, yy]) if y.len() == 4 => (*yy, *m, *d),
        _ => return Err(bad()),
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if !(1..=days).contains(&day) || !(1900..=2200).contains(&year) {
        return Err(bad());
    }
    Ok(Some(format!("{year:04}-{month:02}-{day:02}")))
}

/// Toestemming as the monitor writes it: a verzoektype's label or id, or the short forms
/// "vergunning", "maatwerkvoorschrift" and "informatieplicht".
fn find_verzoektype(text: &str) -> Result<Option<Verzoektype>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let q = normalize(text);
    let short = match q.as_str() {
        "vergunning" | "omgevingsvergunning" => Some(Verzoektype::AanvraagVergunning),
        "maatwerkvoorschrift" => Some(Verzoektype::AanvraagMaatwerkvoorschrift),
        "informatieplicht" => Some(Verzoektype::Informatie),
        _ => None,
    };
    short
        .or_else(|| {
            Verzoektype::ALL
                .into_iter()
                .find(|v| normalize(v.as_str()) == q || normalize(v.label()) == q)
        })
        .map(Some)
        .ok_or_else(|| {
            format!(
                "onbekende toestemming '{text}' (verwacht leeg of: {})",
                Verzoektype::ALL.map(|v| v.label()).join(", ")
            )
        })
}
