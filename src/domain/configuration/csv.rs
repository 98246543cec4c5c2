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

use serde::Serialize;

use super::draft::{Draft, DraftEntry};
use crate::domain::catalogue::Catalogue;
use crate::domain::error::one_line_max;
use crate::domain::ids::{OrgKind, Verzoektype};
use crate::domain::organisations::Org;
use crate::domain::spreadsheet::push_line;
use crate::domain::{Engine, MAX_INPUT_BYTES};
use crate::geo::normalize;

pub const COLUMNS: [&str; 6] = [
    "Begindatum",
    "Bevoegd gezag",
    "Activiteit",
    "Behandeldienst",
    "Toestemming",
    "Bevoegd gezag (locatie)",
];

/// A row that could not be imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    /// 1-based line where the row starts (the header is line 1).
    pub line: usize,
    pub message: String,
}

/// The imported configuration and the rows left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CsvImport {
    pub draft: Draft,
    pub rows: usize,
    pub problems: Vec<RowProblem>,
}

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

/// Imports monitor CSV text into a new draft named `name`. Fails as a whole only when the
/// text is too large, has no usable header or an unclosed quote.
pub fn import_csv(text: &str, name: &str, engine: &Engine) -> Result<CsvImport, String> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "bestand te groot: {} kB (maximaal {} kB)",
            text.len() / 1024,
            MAX_INPUT_BYTES / 1024
        ));
    }
    let records = parse_records(text)?;
    let Some(((_, header), rows)) = records.split_first() else {
        return Err(
            "leeg bestand (verwacht een kopregel met de kolommen van de implementatiemonitor)"
                .into(),
        );
    };
    let columns = column_positions(header)?;
    let mut draft = Draft {
        id: String::new(),
        name: name.to_string(),
        description: format!("Geïmporteerd uit CSV ({} rijen)", rows.len()),
        entries: Vec::new(),
    };
    let mut problems = Vec::new();
    for (line, fields) in rows {
        match map_row(
            &Row {
                fields,
                columns: &columns,
            },
            engine,
        ) {
            Ok(entry) => merge(&mut draft.entries, entry),
            Err(message) => problems.push(RowProblem {
                line: *line,
                // A message quotes the file's own cells, which may hold anything Excel lets
                // through: one short readable line (found by fuzzing).
                message: one_line_max(&message, 300),
            }),
        }
    }
    Ok(CsvImport {
        draft,
        rows: rows.len(),
        problems,
    })
}

fn column_positions(header: &[String]) -> Result<Vec<usize>, String> {
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
struct Row<'a> {
    fields: &'a [String],
    columns: &'a [usize],
}

impl Row<'_> {
    fn get(&self, column: usize) -> &str {
        self.columns
            .get(column)
            .and_then(|&p| self.fields.get(p))
            .map_or("", |s| s.trim())
    }
}

fn map_row(row: &Row, engine: &Engine) -> Result<DraftEntry, String> {
    let get = |c| row.get(c);
    let orgs = engine.organisations.all();
    let bg = find_org(&orgs, get(1), true).map_err(|e| format!("Bevoegd gezag: {e}"))?;
    let activity =
        find_activity(&engine.catalogue, get(2)).map_err(|e| format!("Activiteit: {e}"))?;
    let bd = find_org(&orgs, get(3), false).map_err(|e| format!("Behandeldienst: {e}"))?;
    let verzoektype = find_verzoektype(get(4)).map_err(|e| format!("Toestemming: {e}"))?;
    let gemeenten =
        find_area(&orgs, get(5), bg).map_err(|e| format!("Bevoegd gezag (locatie): {e}"))?;
    let begin = get(0);
    Ok(DraftEntry {
        bevoegd_gezag: bg.id.clone(),
        activity,
        behandeldienst: bd.id.clone(),
        verzoektype: verzoektype
            .map(|v| v.as_str().to_string())
            .unwrap_or_default(),
        gemeenten,
        inhoud: String::new(),
        bron: (!begin.is_empty()).then(|| format!("Implementatiemonitor, begindatum {begin}")),
        mandaat: None,
    })
}

/// Rows with the same key and behandeldienst that differ only in their gemeente become one
/// entry; an entry for everywhere is never merged.
fn merge(entries: &mut Vec<DraftEntry>, entry: DraftEntry) {
    let same = entries.iter_mut().find(|e| {
        e.bevoegd_gezag == entry.bevoegd_gezag
            && e.activity == entry.activity
            && e.verzoektype == entry.verzoektype
            && e.behandeldienst == entry.behandeldienst
            && !e.gemeenten.is_empty()
            && !entry.gemeenten.is_empty()
    });
    match same {
        Some(e) => {
            for g in entry.gemeenten {
                if !e.gemeenten.contains(&g) {
                    e.gemeenten.push(g);
                }
            }
        }
        None => entries.push(entry),
    }
}

/// Prefixes of the names under which organisations appear, normalised, with the kind they
/// name ("Utrecht" alone is gemeente or provincie; "Gemeente Utrecht" is not).
const PREFIXES: [(&str, Option<OrgKind>); 10] = [
    (
        "college van burgemeester en wethouders van ",
        Some(OrgKind::Gemeente),
    ),
    ("college van b en w van ", Some(OrgKind::Gemeente)),
    ("college van b w van ", Some(OrgKind::Gemeente)),
    ("burgemeester en wethouders van ", Some(OrgKind::Gemeente)),
    ("gemeente ", Some(OrgKind::Gemeente)),
    ("gedeputeerde staten van ", Some(OrgKind::Provincie)),
    ("provincie ", Some(OrgKind::Provincie)),
    ("dagelijks bestuur van ", Some(OrgKind::Waterschap)),
    ("minister van ", Some(OrgKind::Minister)),
    ("veiligheidsregio ", Some(OrgKind::Veiligheidsregio)),
];

/// The one organisation a name or id means. `bestuursorgaan`: only those can be BG.
fn find_org<'a>(orgs: &[&'a Org], text: &str, bestuursorgaan: bool) -> Result<&'a Org, String> {
    if text.is_empty() {
        return Err("leeg".into());
    }
    if let Some(o) = orgs.iter().find(|o| o.id.eq_ignore_ascii_case(text)) {
        return check_kind(o, bestuursorgaan);
    }
    let q = normalize(text);
    let mut hits: Vec<&Org> = orgs
        .iter()
        .copied()
        .filter(|o| org_names(o).contains(&q))
        .collect();
    if hits.is_empty() {
        // Without a prefix: "Noord-Brabant", "Oss", a former gemeente via the geography.
        let (bare, kind) = PREFIXES
            .iter()
            .find_map(|(p, k)| q.strip_prefix(p).map(|rest| (rest, *k)))
            .unwrap_or((&q, None));
        hits = orgs
            .iter()
            .copied()
            .filter(|o| normalize(&o.name) == bare && kind.is_none_or(|k| o.kind == k))
            .collect();
        if hits.is_empty() && kind.is_none_or(|k| k == OrgKind::Gemeente) {
            hits = former_gemeente(orgs, bare);
        }
    }
    if bestuursorgaan {
        hits.retain(|o| o.kind.is_bestuursorgaan());
    }
    match hits.as_slice() {
        [one] => check_kind(one, bestuursorgaan),
        [] => Err(format!("organisatie '{text}' niet gevonden")),
        many => Err(format!(
            "'{text}' is niet eenduidig: {}",
            many.iter()
                .map(|o| format!("{} ({})", o.display_name(), o.id))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn check_kind(o: &Org, bestuursorgaan: bool) -> Result<&Org, String> {
    if bestuursorgaan && !o.kind.is_bestuursorgaan() {
        Err(format!(
            "{} is geen bestuursorgaan en kan geen bevoegd gezag zijn",
            o.display_name()
        ))
    } else {
        Ok(o)
    }
}

fn org_names(o: &Org) -> [String; 2] {
    [normalize(&o.bg_name()), normalize(&o.display_name())]
}

/// A gemeente by a former name ("Uden" → Maashorst), when exactly one gemeente has it whole.
fn former_gemeente<'a>(orgs: &[&'a Org], name: &str) -> Vec<&'a Org> {
    let hits = crate::geo::Geography::bundled().search(name, 5);
    let exact: Vec<&str> = hits
        .iter()
        .filter(|h| normalize(&h.matched) == name)
        .map(|h| h.id.as_str())
        .collect();
    orgs.iter()
        .copied()
        .filter(|o| o.kind == OrgKind::Gemeente && exact.contains(&o.id.as_str()))
        .collect()
}

fn find_activity(catalogue: &Catalogue, text: &str) -> Result<String, String> {
    if text.is_empty() {
        return Err("leeg".into());
    }
    let q = normalize(text);
    let ids = catalogue
        .activities
        .iter()
        .map(|a| (&a.id, &a.name))
        .chain(catalogue.groups.iter().map(|g| (&g.id, &g.name)));
    let hits: Vec<&String> = ids
        .filter(|(id, name)| normalize(id) == q || normalize(name) == q)
        .map(|(id, _)| id)
        .collect();
    match hits.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(format!("activiteit '{text}' staat niet in de catalogus")),
        _ => Err(format!("'{text}' is niet eenduidig")),
    }
}

fn find_verzoektype(text: &str) -> Result<Option<Verzoektype>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let q = normalize(text);
    Verzoektype::ALL
        .into_iter()
        .find(|v| normalize(v.as_str()) == q || normalize(v.label()) == q)
        .map(Some)
        .ok_or_else(|| {
            format!(
                "onbekende toestemming '{text}' (verwacht leeg of: {})",
                Verzoektype::ALL.map(|v| v.label()).join(", ")
            )
        })
}

/// Empty or the bevoegd gezag itself = everywhere; otherwise one gemeente.
fn find_area(orgs: &[&Org], text: &str, bg: &Org) -> Result<Vec<String>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let org = find_org(orgs, text, true)?;
    if org.id == bg.id {
        return Ok(Vec::new());
    }
    if org.kind != OrgKind::Gemeente {
        return Err(format!(
            "{} is geen gemeente en niet het bevoegd gezag zelf",
            org.display_name()
        ));
    }
    Ok(vec![org.id.clone()])
}

/// The draft in the monitor's columns, `;`-separated (what Dutch spreadsheets expect), one
/// row per gemeente. Ids the catalogue or organisations do not know are written as they are.
pub fn export_csv(draft: &Draft, engine: &Engine) -> String {
    let orgs = &engine.organisations;
    let mut out = String::new();
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
            .and_then(|b| b.strip_prefix("Implementatiemonitor, begindatum "))
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
