//! Registering an advies or melding (issue 3 items 1-3): before anything is created every betrokkene
//! is looked up (known-before check); matches in cases the user may not read are left out; certain
//! matches and the ones the user confirms link the betrokkenen to persons already known, decide the
//! CBS classification, and make a melding about betrokkenen of an open casus join that casus.
//!
//! The server decides all of that: a client sends the intake and which similar matches it confirms,
//! never person ids, a classification or a casus to join.

use schakel_domain::access::Action;
use schakel_domain::bsn::Bsn;
use schakel_domain::calendar::dutch_local_date;
use schakel_domain::case::{CaseEvent, CaseKind, IntakeEvent};
use schakel_domain::classification::MeldingClass;
use schakel_domain::intake::Intake;
use schakel_domain::intake::known::Certainty;
use schakel_domain::{FieldError, msg};
use schakel_store::known::{self, KnownMatch, KnownQuery};
use schakel_store::{Store, StoreError, casework};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::{Acting, Error, Policy};

/// Matches looked at per betrokkene, at most.
const MATCH_LIMIT: i64 = 20;

/// The command: an intake as taken in, the worker's decision on every match that is not certain
/// (`person_id|case_id` keys from [`check_known`]: the same person, or another one), and, when the
/// betrokkenen are in more than one open casus, the one the melding joins.
#[derive(Debug, Clone)]
pub struct RegisterIntake {
    pub intake: Intake,
    /// Possible matches and conflicts the worker says are the same person.
    pub confirmed: Vec<String>,
    /// Possible matches and conflicts the worker says are another person.
    pub rejected: Vec<String>,
    /// The open casus to join (a case id offered by the check), when there is a choice.
    pub join_case: Option<String>,
}

impl RegisterIntake {
    /// An intake without decisions (nothing known before, or the caller decides afterwards).
    pub fn new(intake: Intake) -> Self {
        Self {
            intake,
            confirmed: Vec::new(),
            rejected: Vec::new(),
            join_case: None,
        }
    }

    /// The decisions of a worker who says "andere persoon" to every match that is not certain and
    /// joins the first open casus offered: how the synthetic demo data registers, which keeps its
    /// totals as they were before a worker had to decide.
    pub fn deciding_other(intake: Intake, matches: &[RowMatch]) -> Self {
        let rejected = matches
            .iter()
            .filter(|m| !m.certain)
            .map(|m| m.key.clone())
            .collect();
        let certain: Vec<&KnownMatch> = matches
            .iter()
            .filter(|m| m.certain)
            .map(|m| &m.found)
            .collect();
        Self {
            intake,
            confirmed: Vec::new(),
            rejected,
            join_case: known::open_casussen(certain).into_iter().next(),
        }
    }
}

/// A match as shown: which betrokkene row it concerns and whether it is certain (linked without
/// asking) or needs the worker's decision (possible, conflict).
#[derive(Debug, Clone, Serialize)]
pub struct RowMatch {
    pub row: usize,
    pub found: KnownMatch,
    pub certain: bool,
    pub certainty: Certainty,
    /// The key to confirm it with: `person_id|case_id`.
    pub key: String,
}

/// The outcome of registering.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Registered {
    pub case_id: String,
    /// The case's last sequence number after registering.
    pub seq: i64,
    pub joined_open_casus: bool,
    pub classification: Option<MeldingClass>,
}

/// Checks the intake against the region and the clock, giving every betrokkene a new person id (a
/// link to a known person is made only by [`register_intake`] from the check's matches).
async fn validated(
    store: &Store,
    mut intake: Intake,
    now: OffsetDateTime,
) -> Result<Intake, Error> {
    let gemeenten: Vec<String> = store
        .gemeenten()
        .await?
        .into_iter()
        .map(|g| g.name)
        .collect();
    for b in &mut intake.betrokkenen {
        b.person_id = uuid::Uuid::now_v7().to_string();
    }
    let intake = intake.validated_all(&gemeenten, now)?;
    // Every id in a command names something that exists (issue 8, finding 15): a reporter's
    // organisation is one of the region's.
    if let Some(org_id) = &intake.melder.org_id {
        existing_organisation(store, "melder.organisatie_id", org_id).await?;
    }
    Ok(intake)
}

/// Refuses, naming `field`, an organisation id that is malformed or not in the directory.
pub(crate) async fn existing_organisation(
    store: &Store,
    field: &str,
    org_id: &str,
) -> Result<(), Error> {
    let exists = schakel_domain::validate::is_identifier(org_id)
        && match store.organisation(org_id).await {
            Ok(_) => true,
            Err(schakel_store::StoreError::NotFound(_)) => false,
            Err(e) => return Err(e.into()),
        };
    if exists {
        Ok(())
    } else {
        Err(Error::Invalid(schakel_domain::FieldError::new(
            field,
            schakel_domain::msg("error-organisation-unknown"),
        )))
    }
}

/// The known-before check on its own (the form's "check" step and `POST /intakes/known-check`):
/// may the user register, is the intake valid, and which known persons match. Returns the validated
/// intake with the matches.
pub async fn check_known<P: Policy>(
    store: &Store,
    policy: &P,
    now: OffsetDateTime,
    intake: Intake,
) -> Result<(Intake, Vec<RowMatch>), P::Error> {
    policy.authorize(Action::Create, Vec::new(), None).await?;
    let intake = validated(store, intake, now).await?;
    // Issue 7 item 3: every organisation id in a command names an organisation.
    if let Some(org) = &intake.melder.org_id {
        match store.organisation(org).await {
            Ok(_) => {}
            Err(StoreError::NotFound(_)) => {
                return Err(Error::from(FieldError::new(
                    "melder.organisatie_id",
                    msg("error-vtrules-org-unknown"),
                ))
                .into());
            }
            Err(e) => return Err(Error::from(e).into()),
        }
    }
    let matches = known_before(store, policy, &intake, dutch_local_date(now)).await?;
    Ok((intake, matches))
}

/// Runs the known-before check for every named betrokkene of a melding. Matches in cases the user
/// may not read are left out, and the persons shown are in the access log as a search.
async fn known_before<P: Policy>(
    store: &Store,
    policy: &P,
    intake: &Intake,
    today: Date,
) -> Result<Vec<RowMatch>, P::Error> {
    let mut out: Vec<RowMatch> = Vec::new();
    if intake.case_kind == CaseKind::Advies {
        return Ok(out);
    }
    for (row, b) in intake.betrokkenen.iter().enumerate() {
        let q = KnownQuery {
            bsn: b.bsn.as_deref().and_then(|s| Bsn::parse("bsn", s).ok()),
            name: b.name.clone(),
            birth_date: b.birth_date,
            estimated_age: b.estimated_age,
            today: Some(today),
        };
        if q.bsn.is_none()
            && (q.name.is_none() || (q.birth_date.is_none() && q.estimated_age.is_none()))
        {
            continue;
        }
        let found_all = known::find_known(store, &q, MATCH_LIMIT)
            .await
            .map_err(Error::from)?;
        for found in found_all {
            let participants = store
                .case_participants(&found.case_id)
                .await
                .map_err(Error::from)?;
            if !policy.may_read(&participants) {
                continue;
            }
            let key = format!("{}|{}", found.person.id, found.case_id);
            if out.iter().any(|m| m.key == key && m.row == row) {
                continue;
            }
            out.push(RowMatch {
                row,
                certain: found.is_certain(),
                certainty: found.assessment.certainty,
                key,
                found,
            });
        }
    }
    if !out.is_empty() {
        let clients: Vec<String> = out.iter().map(|m| m.found.person.id.clone()).collect();
        policy
            .authorize(
                Action::Search,
                clients,
                Some("bekend-check bij intake".into()),
            )
            .await?;
    }
    Ok(out)
}

/// Registers `intake` as a worker who says "andere persoon" to every match that is not certain
/// ([`RegisterIntake::deciding_other`]): the check, then the registration. For the synthetic demo
/// data and the benchmark, whose fictional households are told apart by construction.
pub async fn register_deciding_other<P: Policy>(
    store: &Store,
    acting: &Acting,
    policy: &P,
    now: OffsetDateTime,
    intake: Intake,
) -> Result<Registered, P::Error> {
    // The decisions follow from the very matches the registration uses: checking twice would let
    // a match made by another worker in between arrive undecided (the demo's rounds do that).
    let (checked, matches) = check_known(store, policy, now, intake).await?;
    let cmd = RegisterIntake::deciding_other(checked, &matches);
    Ok(register_checked(store, acting, now, cmd, matches).await?)
}

/// The open casus a melding joins (issue 7, RULES.md 3): the only one offered, or, when the
/// betrokkenen are in more than one, the one the worker chose among those offered (all of which the
/// user may read: the check left out the others).
fn choose_casus(offered: Vec<String>, chosen: Option<&str>) -> Result<Option<String>, Error> {
    match (offered.len(), chosen) {
        (0, _) => Ok(None),
        (1, None) => Ok(offered.into_iter().next()),
        (_, Some(c)) if offered.iter().any(|o| o == c) => Ok(Some(c.to_string())),
        (_, Some(_)) => Err(FieldError::new("casus", msg("known-casus-not-offered")).into()),
        (_, None) => Err(FieldError::new("casus", msg("known-choose-casus")).into()),
    }
}

/// Registers the intake: the policy allows registering, the intake is valid, the known-before check
/// runs, certain and confirmed matches link the betrokkenen to the persons already known and
/// classify the melding (an advies stays anonymous and unclassified), and a melding about
/// betrokkenen of an open casus joins it (RULES.md 3); otherwise a new casus opens with the acting
/// organisation accountable. Written through the store's group commit.
pub async fn register_intake<P: Policy>(
    store: &Store,
    acting: &Acting,
    policy: &P,
    now: OffsetDateTime,
    cmd: RegisterIntake,
) -> Result<Registered, P::Error> {
    let (checked, matches) = check_known(store, policy, now, cmd.intake).await?;
    let cmd = RegisterIntake {
        intake: checked,
        ..cmd
    };
    Ok(register_checked(store, acting, now, cmd, matches).await?)
}

/// Registers an intake that [`check_known`] has checked, with the worker's decisions about the
/// matches that check found.
async fn register_checked(
    store: &Store,
    acting: &Acting,
    now: OffsetDateTime,
    cmd: RegisterIntake,
    matches: Vec<RowMatch>,
) -> Result<Registered, Error> {
    let mut intake = cmd.intake;
    // Issue 7 rule breach 5: nothing uncertain is linked silently, nor left silently unlinked.
    if let Some(i) = matches.iter().position(|m| {
        !m.certain && !cmd.confirmed.contains(&m.key) && !cmd.rejected.contains(&m.key)
    }) {
        return Err(Error::from(FieldError::new(
            format!("bekend[{i}]"),
            msg("known-choose-same-or-other"),
        )));
    }
    let confirmed: Vec<&RowMatch> = matches
        .iter()
        .filter(|m| m.certain || cmd.confirmed.contains(&m.key))
        .collect();
    for m in &confirmed {
        if let Some(b) = intake.betrokkenen.get_mut(m.row) {
            b.person_id = m.found.person.id.clone();
        }
    }
    let found: Vec<&KnownMatch> = confirmed.iter().map(|m| &m.found).collect();
    let classification = (intake.case_kind == CaseKind::Melding)
        .then(|| known::classify_matches(found.iter().copied()));
    let open = match classification {
        Some(_) => choose_casus(
            known::open_casussen(found.iter().copied()),
            cmd.join_case.as_deref(),
        )?,
        None => None,
    };
    let case_kind = intake.case_kind;
    let received_at = intake.received_at;
    let recorded = |n: Option<u32>| {
        CaseEvent::Intake(IntakeEvent::IntakeRecorded {
            intake: Box::new(intake.clone()),
            classification,
            n,
        })
    };
    let (case_id, expected_seq, events) = match &open {
        Some(open) => {
            // Issue 7 item 1: the joined melding's event names its position in the casus, and its
            // own urgency and assessment deadlines follow from it in the domain.
            let (seq, state) = casework::load_state(store, open)
                .await
                .map_err(Error::from)?
                .ok_or(Error::NotFound)?;
            let n = u32::try_from(state.intakes.len()).ok();
            (open.clone(), seq, vec![recorded(n)])
        }
        None => {
            let opened = CaseEvent::Intake(IntakeEvent::Opened {
                case_kind,
                received_at,
                accountable_org: acting.org_id.clone(),
            });
            (
                uuid::Uuid::now_v7().to_string(),
                0,
                vec![opened, recorded(None)],
            )
        }
    };
    let (seq, _) = casework::record(
        store,
        &case_id,
        expected_seq,
        &acting.author(),
        acting.org_kind,
        events,
        now,
    )
    .await
    .map_err(Error::from)?;
    Ok(Registered {
        case_id,
        seq,
        joined_open_casus: open.is_some(),
        classification,
    })
}
