//! Intake of an advies or melding (issue 3 items 1-3): the form's fields become a domain
//! [`Intake`]; before anything is created, every betrokkene is looked up (known-before check);
//! matches the user may not see are left out; certain matches and the ones the user confirms decide
//! the CBS classification and whether the melding joins an open casus.

use schakel_domain::FieldError;
use schakel_domain::access::{Action, Decision, Resource, Sensitivity, decide};
use schakel_domain::bsn::Bsn;
use schakel_domain::case::{CaseEvent, CaseKind};
use schakel_domain::classification::MeldingClass;
use schakel_domain::intake::{Betrokkene, Gender, Intake, Melder};
use schakel_store::cases::Author;
use schakel_store::casework;
use schakel_store::known::{self, KnownMatch, KnownQuery, MatchKind};
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

use crate::auth::session::CurrentUser;
use crate::{AppError, AppState};

/// How many betrokkene rows the form shows at first; "meer betrokkenen" adds rows.
pub const DEFAULT_ROWS: usize = 4;

/// The posted form as name/value pairs (names like `betrokkenen[2].naam`, as the domain names
/// fields in its errors).
pub struct Posted(pub Vec<(String, String)>);

impl Posted {
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .unwrap_or("")
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }

    /// The highest betrokkene row index present, plus one.
    pub fn rows(&self) -> usize {
        self.0
            .iter()
            .filter_map(|(k, _)| {
                k.strip_prefix("betrokkenen[")?
                    .split(']')
                    .next()?
                    .parse::<usize>()
                    .ok()
            })
            .max()
            .map_or(0, |m| m + 1)
    }
}

/// `datetime-local` input in Dutch local time; empty means now.
fn parse_received(value: &str, now: OffsetDateTime) -> Result<OffsetDateTime, FieldError> {
    if value.is_empty() {
        return Ok(now);
    }
    let local = PrimitiveDateTime::parse(
        value,
        format_description!("[year]-[month]-[day]T[hour]:[minute]"),
    )
    .map_err(|_| FieldError::new("ontvangen_op", "geen geldig tijdstip (jjjj-mm-ddThh:mm)"))?;
    Ok(schakel_domain::calendar::from_dutch_local(local))
}

/// Builds the intake from the posted form, its kinds of violence in the list version the region
/// has in force. Rows without role and name are ignored, so the form can offer empty rows.
pub fn intake_from(
    p: &Posted,
    now: OffsetDateTime,
    violence_version: &str,
) -> Result<Intake, FieldError> {
    let case_kind = match p.get("soort") {
        "advies" => CaseKind::Advies,
        "melding" => CaseKind::Melding,
        _ => return Err(FieldError::new("soort", "kies advies of melding")),
    };
    let mut betrokkenen = Vec::new();
    for i in 0..p.rows() {
        let f = |name: &str| p.get(&format!("betrokkenen[{i}].{name}")).to_string();
        if f("rol").is_empty() && f("naam").is_empty() {
            continue;
        }
        let estimated_age = match f("geschatte_leeftijd").as_str() {
            "" => None,
            v => Some(v.parse::<u32>().map_err(|_| {
                FieldError::new(
                    format!("betrokkenen[{i}].geschatte_leeftijd"),
                    "geef een leeftijd in hele jaren",
                )
            })?),
        };
        let gender = match f("geslacht").as_str() {
            "man" => Gender::Man,
            "vrouw" => Gender::Vrouw,
            "anders" => Gender::Anders,
            "" | "onbekend" => Gender::Onbekend,
            _ => {
                return Err(FieldError::new(
                    format!("betrokkenen[{i}].geslacht"),
                    "kies uit de lijst",
                ));
            }
        };
        let existing = f("persoon_id");
        betrokkenen.push(Betrokkene {
            person_id: if existing.is_empty() {
                uuid::Uuid::now_v7().to_string()
            } else {
                existing
            },
            role: f("rol"),
            name: Some(f("naam")).filter(|s| !s.is_empty()),
            birth_date: schakel_domain::validate::optional_date(
                &format!("betrokkenen[{i}].geboortedatum"),
                &f("geboortedatum"),
            )?,
            estimated_age,
            gender,
            bsn: Some(f("bsn")).filter(|s| !s.is_empty()),
            address: Some(f("adres")).filter(|s| !s.is_empty()),
            gemeente: f("gemeente"),
        });
    }
    Ok(Intake {
        case_kind,
        received_at: parse_received(p.get("ontvangen_op"), now)?,
        channel: p.get("kanaal").to_string(),
        melder: Melder {
            melder_type: p.get("melder.type").to_string(),
            name: Some(p.get("melder.naam").to_string()).filter(|s| !s.is_empty()),
            organisation: Some(p.get("melder.organisatie").to_string()).filter(|s| !s.is_empty()),
            org_id: Some(p.get("melder.organisatie_id").to_string()).filter(|s| !s.is_empty()),
            contact: Some(p.get("melder.contact").to_string()).filter(|s| !s.is_empty()),
            anonymous_to_family: !p.get("melder.anoniem_naar_gezin").is_empty(),
        },
        betrokkenen,
        violence_version: violence_version.to_string(),
        violence: p.all("aard_geweld"),
        specific_groups: p.all("specifieke_groepen"),
        description: p.get("omschrijving").to_string(),
    })
}

/// Gives every betrokkene without a person id a new one (a client may leave it out).
pub fn with_person_ids(mut intake: Intake) -> Intake {
    for b in &mut intake.betrokkenen {
        if b.person_id.trim().is_empty() {
            b.person_id = uuid::Uuid::now_v7().to_string();
        }
    }
    intake
}

/// A match as shown: which row it concerns and whether it is certain.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RowMatch {
    pub row: usize,
    pub found: KnownMatch,
    pub certain: bool,
    /// The value of the confirmation checkbox: `person_id|case_id`.
    pub key: String,
}

/// Runs the known-before check for every named betrokkene of a melding. Matches in cases the user
/// may not read are left out, and every case shown is in the access log as a search.
pub async fn known_before(
    state: &AppState,
    user: &CurrentUser,
    intake: &Intake,
) -> Result<Vec<RowMatch>, AppError> {
    let actor = user.actor(None).ok_or(AppError::Unauthenticated)?;
    let mut out: Vec<RowMatch> = Vec::new();
    if intake.case_kind == CaseKind::Advies {
        return Ok(out);
    }
    for (row, b) in intake.betrokkenen.iter().enumerate() {
        let q = KnownQuery {
            bsn: b.bsn.as_deref().and_then(|s| Bsn::parse("bsn", s).ok()),
            name: b.name.clone(),
            birth_date: b.birth_date,
        };
        if q.bsn.is_none() && (q.name.is_none() || q.birth_date.is_none()) {
            continue;
        }
        for found in known::find_known(&state.store, &q, 20).await? {
            let participants = state.store.case_participants(&found.case_id).await?;
            let decision = decide(
                &actor,
                Action::Read,
                &Resource::case(participants, Sensitivity::Normal),
            );
            if !matches!(decision, Decision::Allow(_)) {
                continue;
            }
            let key = format!("{}|{}", found.person.id, found.case_id);
            if out.iter().any(|m| m.key == key && m.row == row) {
                continue;
            }
            out.push(RowMatch {
                row,
                certain: found.match_kind.is_certain(),
                key,
                found,
            });
        }
    }
    if !out.is_empty() {
        let clients: Vec<String> = out.iter().map(|m| m.found.person.id.clone()).collect();
        let access = crate::gate::Access {
            action: Action::Search,
            resource_kind: schakel_domain::access::ResourceKind::Case,
            resource_id: None,
            clients,
            reason: Some("bekend-check bij intake".into()),
        };
        crate::gate::authorize(state, user, access).await?;
    }
    Ok(out)
}

/// The outcome of registering.
#[derive(Debug, serde::Serialize)]
pub struct Registered {
    pub case_id: String,
    pub joined_open_casus: bool,
    pub classification: Option<MeldingClass>,
}

/// Registers the intake: certain matches and the confirmed similar ones link the betrokkenen to the
/// persons already known (same person id) and classify the melding; a melding about betrokkenen of
/// an open casus joins it.
pub async fn register(
    state: &AppState,
    user: &CurrentUser,
    mut intake: Intake,
    confirmed_keys: &[String],
) -> Result<Registered, AppError> {
    let membership = user.membership.as_ref().ok_or(AppError::Unauthenticated)?;
    let gemeenten: Vec<String> = state
        .store
        .gemeenten()
        .await?
        .into_iter()
        .map(|g| g.name)
        .collect();
    intake = with_person_ids(intake).validated(&gemeenten, state.clock.now())?;
    let matches = known_before(state, user, &intake).await?;
    let confirmed: Vec<&RowMatch> = matches
        .iter()
        .filter(|m| m.certain || confirmed_keys.contains(&m.key))
        .collect();
    for m in &confirmed {
        if let Some(b) = intake.betrokkenen.get_mut(m.row) {
            b.person_id = m.found.person.id.clone();
        }
    }
    let found: Vec<&KnownMatch> = confirmed.iter().map(|m| &m.found).collect();
    let author = Author {
        user_id: user.user.id.clone(),
        org_id: membership.org_id.clone(),
        on_behalf_of: None,
    };
    // An advies stays anonymous and is not classified; a melding is classified as CBS does.
    let classification = (intake.case_kind == CaseKind::Melding)
        .then(|| known::classify_matches(found.iter().copied()));
    let open = match classification {
        Some(_) => known::open_casussen(found.iter().copied())
            .into_iter()
            .next(),
        None => None,
    };
    let case_kind = intake.case_kind;
    let received_at = intake.received_at;
    let recorded = CaseEvent::IntakeRecorded {
        intake: Box::new(intake),
        classification,
    };
    // RULES.md 3: a melding about betrokkenen of an open casus joins that casus.
    let (case_id, expected_seq, events) = match &open {
        Some(open) => {
            let seq = state
                .store
                .case_summary(open)
                .await?
                .map(|s| s.last_seq)
                .ok_or(AppError::NotFound)?;
            (open.clone(), seq, vec![recorded])
        }
        None => {
            let opened = CaseEvent::Opened {
                case_kind,
                received_at,
                accountable_org: membership.org_id.clone(),
            };
            (uuid::Uuid::now_v7().to_string(), 0, vec![opened, recorded])
        }
    };
    casework::record(
        &state.store,
        &case_id,
        expected_seq,
        &author,
        membership.org_kind,
        events,
        state.clock.now(),
    )
    .await?;
    Ok(Registered {
        case_id,
        joined_open_casus: open.is_some(),
        classification,
    })
}

/// Whether a match kind is worth showing as "zeker" in Dutch.
pub fn match_label(kind: &MatchKind) -> String {
    match kind {
        MatchKind::Bsn => "zelfde BSN".to_string(),
        MatchKind::NameAndBirthDate => "zelfde naam en geboortedatum".to_string(),
        MatchKind::Similar(score) => format!("lijkt op (gelijkenis {:.0}%)", score * 100.0),
    }
}
