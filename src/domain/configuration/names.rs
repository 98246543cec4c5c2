//! Names under which activities appear in real exports (the Omgevingsloket's and the
//! implementatiemonitor's), mapped to catalogue ids by the data file
//! `data/activiteitnamen.csv`, validated on load. A name that is only part of a catalogue
//! activity, or a sub-activity ("Milieubelastende activiteit - Tankstation"), is mapped to
//! that activity with a warning: never silently.

use std::collections::HashMap;

use crate::domain::catalogue::Catalogue;
use crate::domain::error::DataError;
use crate::geo::normalize;

/// How a name relates to the catalogue activity it maps to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fit {
    /// The catalogue's own activity.
    Same,
    /// Part of the catalogue activity (data file: `deel`); the name as the file spells it.
    Part(String),
    /// A sub-activity: `<parent> - <specifiek>`; the text after the dash.
    Sub(String),
}

/// A name read as a catalogue activity or group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityMatch {
    pub id: String,
    pub fit: Fit,
}

#[derive(Clone, Debug)]
struct Mapping {
    id: String,
    part: Option<String>,
}

/// The mapping file, read and checked against a catalogue.
#[derive(Clone, Debug)]
pub struct ActivityNames {
    by_key: HashMap<String, Mapping>,
}

/// The comparison key of a name: normalised (case, accents, punctuation), without spaces,
/// without a trailing "activiteit(en)". "Sloop activiteit", "sloopactiviteit", "Sloop" → "sloop".
pub fn name_key(s: &str) -> String {
    let k: String = normalize(s).chars().filter(|c| *c != ' ').collect();
    ["activiteiten", "activiteit"]
        .iter()
        .find_map(|suffix| k.strip_suffix(suffix).filter(|rest| !rest.is_empty()))
        .map_or_else(|| k.clone(), str::to_string)
}

const SOURCE: &str = "activiteitnamen.csv";

impl ActivityNames {
    /// The bundled file (`data/activiteitnamen.csv`).
    pub fn bundled(catalogue: &Catalogue) -> Result<ActivityNames, DataError> {
        ActivityNames::from_csv(crate::data::ACTIVITEITNAMEN_CSV, catalogue)
    }

    /// Reads `naam;activiteit;soort;bron` lines (`#` comments and blank lines skipped; the
    /// source may itself hold `;`). Every id must be in the catalogue and every name once; a
    /// name may repeat a catalogue name only for the same id.
    pub fn from_csv(text: &str, catalogue: &Catalogue) -> Result<ActivityNames, DataError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut by_key: HashMap<String, Mapping> = HashMap::new();
        let mut lines: HashMap<String, usize> = HashMap::new();
        for (id, name) in catalogue_names(catalogue) {
            by_key.entry(name_key(name)).or_insert(Mapping {
                id: id.to_string(),
                part: None,
            });
        }
        let mut header = false;
        for (no, line) in text.lines().enumerate() {
            let no = no + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |what: String| DataError::new(SOURCE, format!("regel {no}: {what}"));
            let fields: Vec<&str> = line.splitn(4, ';').map(str::trim).collect();
            let [name, id, kind, bron] = fields.as_slice() else {
                return Err(bad(
                    "verwacht vier velden: naam;activiteit;soort;bron".into()
                ));
            };
            if !header {
                if [*name, *id, *kind, *bron] != ["naam", "activiteit", "soort", "bron"] {
                    return Err(bad("verwacht de kopregel naam;activiteit;soort;bron".into()));
                }
                header = true;
                continue;
            }
            if name.is_empty() || bron.is_empty() {
                return Err(bad("naam en bron mogen niet leeg zijn".into()));
            }
            if !catalogue.is_activity_or_group(id) {
                return Err(bad(format!(
                    "onbekende activiteit '{id}' (verwacht een id uit de catalogus, zoals milieubelastende-activiteit)"
                )));
            }
            let part = match *kind {
                "gelijk" => None,
                "deel" => Some(name.to_string()),
                other => {
                    return Err(bad(format!(
                        "onbekende soort '{other}' (verwacht gelijk of deel)"
                    )))
                }
            };
            let key = name_key(name);
            if let Some(first) = lines.get(&key) {
                return Err(bad(format!(
                    "'{name}' staat al op regel {first} (namen tellen als gelijk ongeacht hoofdletters, spaties, streepjes en 'activiteit' aan het eind)"
                )));
            }
            if let Some(existing) = by_key.get(&key) {
                if existing.id != *id {
                    return Err(bad(format!(
                        "'{name}' is in de catalogus al de naam van '{}'",
                        existing.id
                    )));
                }
            }
            lines.insert(key.clone(), no);
            by_key.insert(
                key,
                Mapping {
                    id: id.to_string(),
                    part,
                },
            );
        }
        if !header {
            return Err(DataError::new(
                SOURCE,
                "geen kopregel naam;activiteit;soort;bron",
            ));
        }
        Ok(ActivityNames { by_key })
    }

    /// The catalogue activity or group a name from an export means, or why none.
    pub fn find(&self, text: &str) -> Result<ActivityMatch, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("leeg".into());
        }
        if let Some(m) = self.by_key.get(&name_key(text)) {
            let fit = m.part.clone().map_or(Fit::Same, Fit::Part);
            return Ok(ActivityMatch {
                id: m.id.clone(),
                fit,
            });
        }
        // "<activiteit> - <specifiek>": a sub-activity of a known activity.
        let split = [" - ", " – ", " — ", ": "]
            .iter()
            .filter_map(|sep| text.split_once(sep))
            .min_by_key(|(head, _)| head.len());
        if let Some((head, tail)) = split {
            let tail = tail.trim();
            if let (Some(m), false) = (self.by_key.get(&name_key(head)), tail.is_empty()) {
                return Ok(ActivityMatch {
                    id: m.id.clone(),
                    fit: Fit::Sub(tail.to_string()),
                });
            }
        }
        Err(format!(
            "activiteit '{text}' staat niet in de catalogus en niet in data/activiteitnamen.csv"
        ))
    }
}

fn catalogue_names(catalogue: &Catalogue) -> impl Iterator<Item = (&str, &str)> {
    let activities = catalogue.activities.iter().flat_map(|a| {
        [
            (a.id.as_str(), a.id.as_str()),
            (a.id.as_str(), a.name.as_str()),
        ]
    });
    let groups = catalogue.groups.iter().flat_map(|g| {
        [
            (g.id.as_str(), g.id.as_str()),
            (g.id.as_str(), g.name.as_str()),
        ]
    });
    activities.chain(groups)
}
