//! A posted case-action form turned into the command it asks for, with every wrong field at once
//! (issue 7). What the forms offer is `actions.rs`.

use schakel_app::CaseCommand;
use schakel_domain::case::FeedbackMoment;
use schakel_domain::codes::decision_category;
use schakel_domain::instruments::parse_safety_instrument;
use schakel_domain::{Collector, FieldError, msg};

use crate::AppError;

/// The posted action form. Every field is optional here; each action names what it misses.
#[derive(Debug, Default)]
pub struct ActionForm {
    pub actie: Option<String>,
    pub csrf: Option<String>,
    pub volgnummer: Option<String>,
    pub acuut: Option<String>,
    pub structureel: Option<String>,
    pub multiprobleem: Option<String>,
    pub instrument: Option<String>,
    pub traject: Option<String>,
    pub voorwaarden: Option<String>,
    pub afspraken: Option<String>,
    pub naar: Option<String>,
    pub regiehouder: Option<String>,
    pub reden: Option<String>,
    /// The receiver's question about an open handover.
    pub vraag: Option<String>,
    pub moment: Option<String>,
    /// Which melding of the casus an urgency or assessment concerns (issue 7 item 1).
    pub melding: Option<String>,
    /// Why a decided veiligheidsvoorwaarde is left out of a handover (issue 7 item 2).
    pub reden_voorwaarden: Option<String>,
    /// Monitoring: contact with the family (ja/nee), its note, the next step, why early.
    pub contact: Option<String>,
    pub contact_toelichting: Option<String>,
    pub volgende_stap: Option<String>,
    pub reden_eerder: Option<String>,
    /// How the family was informed.
    pub hoe: Option<String>,
    /// How many conditions the form asked about.
    pub vw_aantal: Option<String>,
    /// The rest of the form: per veiligheidsvoorwaarde `vw0`, `vw1`, ... with `ja` or `nee`.
    pub rest: std::collections::HashMap<String, String>,
}

impl ActionForm {
    /// The form from its posted pairs (kept as well, so a refused form comes back as typed). A
    /// name posted twice counts with its first value.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        let known = [
            "actie",
            "csrf",
            "volgnummer",
            "acuut",
            "structureel",
            "multiprobleem",
            "instrument",
            "traject",
            "voorwaarden",
            "afspraken",
            "naar",
            "regiehouder",
            "reden",
            "vraag",
            "moment",
            "melding",
            "reden_voorwaarden",
            "contact",
            "contact_toelichting",
            "volgende_stap",
            "reden_eerder",
            "hoe",
            "vw_aantal",
        ];
        let mut rest = std::collections::HashMap::new();
        for (k, v) in pairs {
            if !known.contains(&k.as_str()) {
                rest.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        Self {
            actie: get("actie"),
            csrf: get("csrf"),
            volgnummer: get("volgnummer"),
            acuut: get("acuut"),
            structureel: get("structureel"),
            multiprobleem: get("multiprobleem"),
            instrument: get("instrument"),
            traject: get("traject"),
            voorwaarden: get("voorwaarden"),
            afspraken: get("afspraken"),
            naar: get("naar"),
            regiehouder: get("regiehouder"),
            reden: get("reden"),
            vraag: get("vraag"),
            moment: get("moment"),
            melding: get("melding"),
            reden_voorwaarden: get("reden_voorwaarden"),
            contact: get("contact"),
            contact_toelichting: get("contact_toelichting"),
            volgende_stap: get("volgende_stap"),
            reden_eerder: get("reden_eerder"),
            hoe: get("hoe"),
            vw_aantal: get("vw_aantal"),
            rest,
        }
    }
}

pub fn parse_moment(field: &str, v: &str) -> Result<FeedbackMoment, AppError> {
    moment(field, v).map_err(AppError::BadInput)
}

fn moment(field: &str, v: &str) -> Result<FeedbackMoment, FieldError> {
    match v {
        "na_beoordeling" => Ok(FeedbackMoment::NaBeoordeling),
        "na_onderzoek" => Ok(FeedbackMoment::NaOnderzoek),
        _ => Err(FieldError::new(field, msg("case-moment-choose"))),
    }
}

fn lines(text: Option<&str>) -> Vec<String> {
    text.unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn yes_no(c: &mut Collector, field: &str, v: Option<&str>) -> bool {
    match v {
        Some("ja") => true,
        Some("nee") => false,
        _ => {
            c.push(FieldError::new(field, msg("case-choose-yes-no")));
            false
        }
    }
}

/// The melding a form names (its position), or the default when none is chosen.
fn melding(c: &mut Collector, v: Option<&str>) -> Option<u32> {
    match v.map(str::trim) {
        None | Some("") => None,
        Some(n) => c.check(
            n.parse()
                .map_err(|_| FieldError::new("melding", msg("case-choose-from-list"))),
        ),
    }
}

fn required(c: &mut Collector, field: &str, v: Option<&String>) -> String {
    match v.map(|s| s.trim()) {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => {
            c.push(FieldError::new(field, msg("case-required")));
            String::new()
        }
    }
}

/// A follow-up track from the list.
fn track(c: &mut Collector, v: Option<&String>) -> String {
    let track = required(c, "traject", v);
    if !track.is_empty() && decision_category(&track).is_none() {
        c.push(FieldError::new("traject", msg("case-choose-track")));
    }
    track
}

/// The monitoring form (issue 7 item 7): every condition judged met (`ja`) or not (`nee`), none
/// left out; contact with the family; the next step.
fn monitoring_command(form: &ActionForm, c: &mut Collector) -> CaseCommand {
    let moment = required(c, "moment", form.moment.as_ref());
    let mut judged: Vec<(usize, bool)> = Vec::new();
    for (key, value) in &form.rest {
        let Some(n) = key.strip_prefix("vw").and_then(|n| n.parse::<usize>().ok()) else {
            continue;
        };
        judged.push((n, yes_no(c, key, Some(value.as_str()))));
    }
    judged.sort_unstable();
    let asked: usize = form
        .vw_aantal
        .as_deref()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(judged.len());
    // The conditions are numbered from 0 without gaps; a missing one was not judged.
    for missing in (0..asked).filter(|i| !judged.iter().any(|(n, _)| n == i)) {
        c.push(FieldError::new(
            format!("vw{missing}"),
            msg("case-choose-yes-no"),
        ));
    }
    CaseCommand::RecordMonitoring {
        moment,
        met: judged
            .iter()
            .filter(|(_, met)| *met)
            .map(|(n, _)| *n)
            .collect(),
        family_contact: Some(yes_no(c, "contact", form.contact.as_deref())),
        contact_note: form.contact_toelichting.clone().unwrap_or_default(),
        next_step: required(c, "volgende_stap", form.volgende_stap.as_ref()),
        early_reason: form.reden_eerder.clone(),
    }
}

/// Turns a posted form into the command it asks for, with every wrong field at once (issue 7).
/// The server fills in the rest (the assessor, the handover's id, the open handover an answer
/// refers to).
pub fn command_from(form: &ActionForm) -> Result<CaseCommand, AppError> {
    let mut c = Collector::new();
    let command = command_checked(form, &mut c);
    match (c.finish(()), command) {
        (Err(all), _) => Err(AppError::BadInputs(all)),
        (Ok(()), Some(command)) => Ok(command),
        (Ok(()), None) => Err(AppError::field("actie", msg("case-unknown-action"))),
    }
}

/// The command, with stand-ins where `c` got an error; `None` for an unknown action.
fn command_checked(form: &ActionForm, c: &mut Collector) -> Option<CaseCommand> {
    let action = form.actie.as_deref().unwrap_or("");
    let reason = |c: &mut Collector| required(c, "reden", form.reden.as_ref());
    Some(match action {
        "urgentie" => CaseCommand::AssessUrgency {
            melding: melding(c, form.melding.as_deref()),
            acute: yes_no(c, "acuut", form.acuut.as_deref()),
        },
        "beoordeling" => {
            let melding = melding(c, form.melding.as_deref());
            let acute_unsafety = yes_no(c, "acuut", form.acuut.as_deref());
            let structural_unsafety = yes_no(c, "structureel", form.structureel.as_deref());
            // Part C starts empty (issue 7: no risky defaults); skipping it is a choice too.
            let multi_problem = match form.multiprobleem.as_deref() {
                Some("overgeslagen") => None,
                Some("ja") => Some(true),
                Some("nee") => Some(false),
                _ => {
                    c.push(FieldError::new("multiprobleem", msg("forms-part-c-choose")));
                    None
                }
            };
            let (instrument, instrument_version) = c
                .check(parse_safety_instrument(
                    "instrument",
                    form.instrument.as_deref().unwrap_or(""),
                ))
                .unwrap_or_default();
            CaseCommand::AssessSafety {
                acute_unsafety,
                structural_unsafety,
                multi_problem,
                instrument,
                instrument_version,
                melding,
            }
        }
        "besluit" => CaseCommand::DecideFollowUp {
            track: track(c, form.traject.as_ref()),
            veiligheidsvoorwaarden: lines(form.voorwaarden.as_deref()),
        },
        "besluit_herzien" => CaseCommand::ReviseFollowUp {
            track: track(c, form.traject.as_ref()),
            veiligheidsvoorwaarden: lines(form.voorwaarden.as_deref()),
            reason: reason(c),
        },
        "overdracht" => CaseCommand::OfferHandover {
            to_org: required(c, "naar", form.naar.as_ref()),
            veiligheidsvoorwaarden: lines(form.voorwaarden.as_deref()),
            monitoring_agreements: lines(form.afspraken.as_deref()),
            conditions_dropped_reason: form
                .reden_voorwaarden
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_string),
        },
        "aanvaarden" => CaseCommand::AcceptHandover {
            regiehouder: required(c, "regiehouder", form.regiehouder.as_ref()),
        },
        "weigeren" => CaseCommand::RefuseHandover { reason: reason(c) },
        "vraag" => CaseCommand::AskQuestion {
            question: required(c, "vraag", form.vraag.as_ref()),
        },
        "intrekken" => CaseCommand::WithdrawHandover { reason: reason(c) },
        "monitoring" => monitoring_command(form, c),
        "monitoring_einde" => CaseCommand::EndMonitoring { reason: reason(c) },
        "terugkoppeling" => CaseCommand::GiveFeedback {
            moment: c
                .check(moment("moment", form.moment.as_deref().unwrap_or("")))
                .unwrap_or(FeedbackMoment::NaBeoordeling),
        },
        "gezin_geinformeerd" => CaseCommand::InformFamily {
            moment: c
                .check(moment("moment", form.moment.as_deref().unwrap_or("")))
                .unwrap_or(FeedbackMoment::NaBeoordeling),
            how: required(c, "hoe", form.hoe.as_ref()),
        },
        "omzetten_melding" => CaseCommand::ConvertToMelding { reason: reason(c) },
        "omzetten_advies" => CaseCommand::ConvertToAdvies { reason: reason(c) },
        "opschalen" => CaseCommand::ReEscalate { reason: reason(c) },
        "sluiten" => CaseCommand::Close { reason: reason(c) },
        _ => return None,
    })
}
