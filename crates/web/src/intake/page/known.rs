//! The known-before step of the intake page (issue 7, rule breach 5): every match with a link to its
//! casus, conflicts with what differs, a "zelfde persoon / andere persoon" choice for each match
//! that is not certain, and, when the betrokkenen are in more than one open casus, which one the
//! melding joins. The use case decides; this module shows and reads the choices.

use schakel_app::RowMatch;
use schakel_domain::intake::known::Certainty;
use schakel_store::known::open_casussen;

use super::form::Posted;
use crate::i18n::t;

/// Form name prefix of the choice for match `key`: `bekend:{key}` = `zelfde` | `andere`.
const CHOICE: &str = "bekend:";

pub struct MatchView {
    /// Position in the check's list (the API's and the error's `bekend[i]`).
    pub i: usize,
    /// Betrokkene number as the form shows it (from 1).
    pub row: usize,
    pub name: String,
    pub case_href: String,
    pub case_label: String,
    pub phase: String,
    pub open: bool,
    pub certain: bool,
    pub conflict: bool,
    /// "BSN gelijk, naam anders".
    pub summary: String,
    pub choice_name: String,
    /// `zelfde`, `andere` or empty (no default).
    pub chosen: String,
    pub error: Option<String>,
}

pub struct CasusOption {
    pub case_id: String,
    pub label: String,
}

#[derive(Default)]
pub struct KnownView {
    pub matches: Vec<MatchView>,
    /// Filled when the betrokkenen are in two or more open casussen.
    pub casussen: Vec<CasusOption>,
    pub chosen_casus: String,
    pub casus_error: Option<String>,
}

impl KnownView {
    /// The view of the check's matches with the choices already posted, and an error of the use
    /// case (`bekend[i]` or `casus`) at its choice.
    pub fn new(found: &[RowMatch], p: &Posted, error: Option<(&str, String)>) -> Self {
        let matches = found
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let choice_name = format!("{CHOICE}{}", m.key);
                let number = m
                    .found
                    .case_number
                    .clone()
                    .unwrap_or_else(|| t("known-case-without-number"));
                MatchView {
                    i,
                    row: m.row + 1,
                    name: m.found.person.display_name.clone(),
                    case_href: format!("/casussen/{}", m.found.case_id),
                    case_label: number,
                    phase: m.found.phase.label(),
                    open: m.found.open,
                    certain: m.certain,
                    conflict: m.certainty == Certainty::Conflict,
                    summary: m.found.assessment.summary(),
                    chosen: p.get(&choice_name).to_string(),
                    choice_name,
                    error: error
                        .as_ref()
                        .filter(|(f, _)| *f == format!("bekend[{i}]"))
                        .map(|(_, m)| m.clone()),
                }
            })
            .collect();
        let open = open_casussen(found.iter().map(|m| &m.found));
        let casussen = if open.len() > 1 {
            open.into_iter()
                .map(|case_id| {
                    let label = found
                        .iter()
                        .find(|m| m.found.case_id == case_id)
                        .map(|m| {
                            format!(
                                "{} ({})",
                                m.found
                                    .case_number
                                    .clone()
                                    .unwrap_or_else(|| t("known-case-without-number")),
                                m.found.phase.label()
                            )
                        })
                        .unwrap_or_default();
                    CasusOption { case_id, label }
                })
                .collect()
        } else {
            Vec::new()
        };
        Self {
            matches,
            casussen,
            chosen_casus: p.get("casus").to_string(),
            casus_error: error.filter(|(f, _)| *f == "casus").map(|(_, m)| m),
        }
    }
}

/// Whether an error of registering belongs to this step (shown at its choice).
pub fn is_known_field(field: &str) -> bool {
    field == "casus" || field.starts_with("bekend[")
}

/// The posted decisions: (same person, another person, casus to join).
pub fn decisions(p: &Posted) -> (Vec<String>, Vec<String>, Option<String>) {
    let mut same = Vec::new();
    let mut other = Vec::new();
    for (k, v) in &p.0 {
        let Some(key) = k.strip_prefix(CHOICE) else {
            continue;
        };
        match v.trim() {
            "zelfde" => same.push(key.to_string()),
            "andere" => other.push(key.to_string()),
            _ => {}
        }
    }
    let casus = Some(p.get("casus").to_string()).filter(|c| !c.is_empty());
    (same, other, casus)
}
