//! The gate to personal data: the only way this crate reaches a case or the access log. It asks the
//! access policy, writes the access-log entry (allowed or denied, NEN 7513), and only then hands out
//! the data. [`OpenedCase`] can only be made here, so a handler that holds one has passed the gate.
//!
//! What it hands out is already cut to the policy's [`View`] (DESIGN.md principle 5): persons,
//! participants, events and the case state go through the domain's [`redact`] functions here, so no
//! handler ever holds what the reader may not see.

pub mod dossier;

use schakel_domain::access::redact::{self, Disclosed, WITHHELD};
use schakel_domain::access::{
    Action, DataCategory, Decision, Ground, Participation, Resource, ResourceKind, Sensitivity,
    View, decide, disclose, disclose_after_acceptance,
};
use schakel_domain::case::{CaseEvent, CaseState, IntakeEvent};
use schakel_domain::intake::Melder;
use schakel_store::access_log::AccessEntry;
use schakel_store::accounts::NewBreakGlassUse;
use schakel_store::cases::{CaseSummary, PersonRecord, StoredEvent};

use crate::auth::session::CurrentUser;
use crate::{AppError, AppState};

/// A case the current user was allowed to act on, with the ground they were allowed on and the view
/// the policy gave them. Persons and participants are already cut to the view.
#[derive(Debug)]
// Sealed against construction outside this module (not only outside the crate), hence no #[non_exhaustive].
#[allow(clippy::manual_non_exhaustive)]
pub struct OpenedCase {
    pub summary: CaseSummary,
    pub participants: Vec<(String, Participation)>,
    pub persons: Vec<(PersonRecord, String)>,
    pub ground: schakel_domain::access::Ground,
    /// What the reader may see of this case.
    pub view: View,
    /// What the reader will see once it accepts the open handover, when it is the receiver.
    pub view_after_acceptance: Option<View>,
    /// Set when the user asked for break-the-glass but their organisation takes part in the case:
    /// the access went on that ground, and the user is told break-the-glass was not needed.
    pub break_glass_unneeded: bool,
    /// What the case was opened for: a write may only do what the policy allowed here.
    pub action: Action,
    /// The case's participants as the policy saw them (before any redaction), to ask it about
    /// further actions (which forms to offer).
    resource: Resource,
    _sealed: (),
}

impl OpenedCase {
    /// Whether the policy would allow `user` to take `action` on this case (not logged: a question
    /// for which forms to show, not an access).
    pub fn allows(&self, user: &CurrentUser, action: Action) -> bool {
        user.actor(None)
            .is_some_and(|actor| decide(&actor, action, &self.resource).is_allowed())
    }

    /// The case's event history as the view allows. Reading it is covered by the access already
    /// logged.
    pub async fn events(&self, state: &AppState) -> Result<Vec<StoredEvent>, AppError> {
        let stored = state.store.case_events(&self.summary.id).await?;
        Ok(redact_events(stored, &self.view))
    }

    /// The case's state (its history replayed through the domain) as the view allows: what pages
    /// and forms read.
    pub async fn state(&self, state: &AppState) -> Result<Option<CaseState>, AppError> {
        Ok(
            schakel_store::casework::load_state(&state.store, &self.summary.id)
                .await?
                .map(|(_, s)| redact::state(&s, &self.view)),
        )
    }
}

/// The stored events cut to `view`. A payload that does not read as a domain event is withheld
/// whole (fail closed). When anything was cut, the chain hashes go too: a hash over a payload with
/// one withheld nine-digit BSN is found by trying every BSN.
fn redact_events(stored: Vec<StoredEvent>, view: &View) -> Vec<StoredEvent> {
    if view.is_complete() {
        return stored;
    }
    let mut changed = false;
    let mut out: Vec<StoredEvent> = stored
        .into_iter()
        .map(|mut e| {
            let payload = redact_payload(&e.kind, &e.payload, view);
            if payload != e.payload {
                changed = true;
                e.payload = payload;
            }
            e
        })
        .collect();
    if changed {
        for e in &mut out {
            e.hash = WITHHELD.to_string();
            e.prev_hash = WITHHELD.to_string();
        }
    }
    out
}

fn redact_payload(kind: &str, payload: &serde_json::Value, view: &View) -> serde_json::Value {
    let withheld =
        |kind: &str, category: &str| serde_json::json!({ "kind": kind, WITHHELD: category });
    let mut out = match serde_json::from_value::<CaseEvent>(payload.clone()) {
        Ok(event) => match redact::event(&event, view) {
            Disclosed::Shown(e) => {
                serde_json::to_value(&e).unwrap_or_else(|_| withheld(kind, "onleesbaar"))
            }
            Disclosed::Withheld { kind, category } => withheld(kind, category.code()),
        },
        Err(_) => withheld(kind, "onleesbaar"),
    };
    // The acting organisation's kind is stored beside the event; it is no personal data.
    if let (Some(obj), Some(org_kind)) = (out.as_object_mut(), payload.get("org_kind")) {
        obj.insert("org_kind".into(), org_kind.clone());
    }
    out
}

/// The reporters of a case's meldingen, read from its intake events.
fn melders(stored: &[StoredEvent]) -> Vec<Melder> {
    stored
        .iter()
        .filter_map(
            |e| match serde_json::from_value::<CaseEvent>(e.payload.clone()) {
                Ok(CaseEvent::Intake(IntakeEvent::IntakeRecorded { intake, .. })) => {
                    Some(intake.melder)
                }
                _ => None,
            },
        )
        .collect()
}

fn redact_person(p: PersonRecord, view: &View) -> PersonRecord {
    PersonRecord {
        display_name: redact::name(&p.display_name, view),
        birth_date: p
            .birth_date
            .as_deref()
            .and_then(|d| redact::birth_date_text(d, view)),
        bsn: redact::bsn(&p.bsn, view),
        gemeente: if view.shows(DataCategory::Gemeente) {
            p.gemeente
        } else {
            p.gemeente.map(|_| WITHHELD.to_string())
        },
        id: p.id,
    }
}

/// The facts of one access for the log.
pub struct Access<'a> {
    pub action: Action,
    pub resource_kind: ResourceKind,
    pub resource_id: Option<&'a str>,
    pub clients: Vec<String>,
    pub reason: Option<String>,
}

impl<'a> Access<'a> {
    /// An access of `action` to something of `resource_kind`, not yet about one thing, one client or
    /// with a stated reason; the builders below add those.
    pub fn new(action: Action, resource_kind: ResourceKind) -> Self {
        Self {
            action,
            resource_kind,
            resource_id: None,
            clients: Vec::new(),
            reason: None,
        }
    }

    /// The one thing accessed, when there is one.
    pub fn on(mut self, resource_id: Option<&'a str>) -> Self {
        self.resource_id = resource_id;
        self
    }

    /// The persons whose data it touches (the NEN 7513 clients).
    pub fn clients(mut self, clients: Vec<String>) -> Self {
        self.clients = clients;
        self
    }

    /// Why, when the user or the context states it (break-the-glass, a search's query).
    pub fn reason(mut self, reason: Option<String>) -> Self {
        self.reason = reason;
        self
    }
}

/// Writes one access-log entry for `user` with the policy's outcome.
pub async fn log(
    state: &AppState,
    user: &CurrentUser,
    access: Access<'_>,
    decision: &Decision,
) -> Result<(), AppError> {
    let (outcome, ground) = match decision {
        Decision::Allow(g) => ("allowed", g.code()),
        Decision::Deny(r) => ("denied", format!("denied:{}", r.code())),
    };
    let entry = AccessEntry {
        at: Some(state.clock.now()),
        action: access.action.code().to_string(),
        resource_kind: access.resource_kind.code().to_string(),
        resource_id: access.resource_id.map(str::to_string),
        outcome: outcome.to_string(),
        user_id: Some(user.user.id.clone()),
        username: user.user.username.clone(),
        role: user.role().map(|r| r.code().to_string()),
        org_id: user.membership.as_ref().map(|m| m.org_id.clone()),
        responsible_user: None,
        access_point: user.client_addr.clone(),
        ground: Some(ground),
        reason: access.reason,
        clients: access.clients,
    };
    state.store.log_access(&entry).await?;
    Ok(())
}

/// Asks the policy about something that is not one case (a list, the log, users), logs the answer,
/// and returns an error when it is no.
pub async fn authorize(
    state: &AppState,
    user: &CurrentUser,
    access: Access<'_>,
) -> Result<(), AppError> {
    let Some(actor) = user.actor(None) else {
        return Err(AppError::Forbidden(
            schakel_domain::access::DenyReason::RoleNotPermitted,
        ));
    };
    let decision = decide(&actor, access.action, &Resource::new(access.resource_kind));
    let personal = access.resource_kind.is_personal_data();
    if personal {
        log(state, user, access, &decision).await?;
    }
    match decision {
        Decision::Allow(_) => Ok(()),
        Decision::Deny(reason) => Err(AppError::Forbidden(reason)),
    }
}

/// Opens one case for `action`.
///
/// A case the user's organisation takes no part in answers exactly as a case that does not exist
/// (404, [`AppError::Hidden`] carries the policy's reason for the pages' break-the-glass offer), so
/// the answer tells nobody whether a case exists (issue 8, finding 4); both attempts are in the
/// access log. An organisation that takes part learns the policy's reason (403). An `id` that
/// cannot be an identifier reaches neither the store nor the log (finding 3), and a user whose
/// lookups were refused too often within the throttling window is held back (429).
pub async fn open_case(
    state: &AppState,
    user: &CurrentUser,
    case_id: &str,
    action: Action,
    break_glass: Option<String>,
) -> Result<OpenedCase, AppError> {
    let deny_no_role = Decision::Deny(schakel_domain::access::DenyReason::RoleNotPermitted);
    check_lookup_throttle(state, user).await?;
    let actor = user.actor(break_glass.clone());
    if !schakel_domain::validate::is_identifier(case_id) {
        record_refused_lookup(state, user).await?;
        return Err(AppError::Hidden(
            schakel_domain::access::DenyReason::NoRelation,
        ));
    }
    let summary = state.store.case_summary(case_id).await?;
    let Some(summary) = summary else {
        // Judged as a case nobody takes part in, so a missing case and an unrelated one get the
        // same answer and the same break-the-glass offer.
        let reason = match actor
            .as_ref()
            .map(|a| decide(a, action, &Resource::case(Vec::new(), Sensitivity::Normal)))
        {
            Some(Decision::Deny(r)) => r,
            _ => schakel_domain::access::DenyReason::NoRelation,
        };
        let access = Access::new(action, ResourceKind::Case)
            .on(Some(case_id))
            .reason(break_glass);
        log(
            state,
            user,
            access,
            &Decision::Deny(schakel_domain::access::DenyReason::NoRelation),
        )
        .await?;
        record_refused_lookup(state, user).await?;
        return Err(AppError::Hidden(reason));
    };
    let participants = state.store.case_participants(case_id).await?;
    let persons = state.store.case_persons(case_id).await?;
    // Whether the actor may act on the case at all is decided for its ordinary data; which special
    // categories they then see is the view's answer (`disclose`).
    let resource = Resource::case(participants.clone(), Sensitivity::Normal);
    let mut decision = match &actor {
        Some(actor) => decide(actor, action, &resource),
        None => deny_no_role,
    };
    // Issue 8 finding 6: break-the-glass only for the organisations the region names, and only so
    // often per user (the domain's rule, the region's numbers).
    if let (Decision::Allow(Ground::BreakTheGlass { .. }), Some(actor)) = (&decision, &actor) {
        let since = state.clock.now() - time::Duration::hours(24);
        let used = state
            .store
            .break_glass_count_since(&actor.user_id, since)
            .await?;
        if let Err(reason) = state
            .config
            .rules
            .break_glass
            .allows(actor.org_kind, u32::try_from(used).unwrap_or(u32::MAX))
        {
            decision = Decision::Deny(reason);
        }
    }
    let break_glass_unneeded =
        break_glass.is_some() && matches!(decision, Decision::Allow(Ground::Participation { .. }));
    let access = Access::new(action, ResourceKind::Case)
        .on(Some(case_id))
        .clients(persons.iter().map(|(p, _)| p.id.clone()).collect())
        .reason(break_glass);
    log(state, user, access, &decision).await?;
    let ground = match decision {
        Decision::Allow(ground) => ground,
        Decision::Deny(reason) => {
            let takes_part = user
                .membership
                .as_ref()
                .is_some_and(|m| participants.iter().any(|(org, _)| org == &m.org_id));
            if takes_part {
                return Err(AppError::Forbidden(reason));
            }
            record_refused_lookup(state, user).await?;
            return Err(AppError::Hidden(reason));
        }
    };
    // Every use goes to the privacy officer's review queue and to the accountable organisation.
    if let (Ground::BreakTheGlass { reason }, Some(m)) = (&ground, &user.membership) {
        let accountable = participants
            .iter()
            .find(|(_, p)| *p == Participation::Accountable)
            .map(|(o, _)| o.as_str());
        state
            .store
            .record_break_glass(&NewBreakGlassUse {
                case_id,
                user_id: &user.user.id,
                username: &user.user.username,
                org_id: &m.org_id,
                accountable_org_id: accountable,
                reason,
                at: state.clock.now(),
            })
            .await?;
    }
    // The view is the policy's answer for reading; the gate applies it before anything leaves.
    let (view, view_after_acceptance) = match &actor {
        Some(actor) => (
            disclose(actor, &resource),
            disclose_after_acceptance(actor, &resource),
        ),
        None => (View::nothing(), None),
    };
    let participants = if participants
        .iter()
        .any(|(_, p)| *p == Participation::Reporter)
        && !view.shows(DataCategory::ReporterIdentity)
    {
        let melders = melders(&state.store.case_events(case_id).await?);
        let melders: Vec<&Melder> = melders.iter().collect();
        redact::participants(&participants, &view, &melders)
    } else {
        participants
    };
    Ok(OpenedCase {
        summary,
        participants,
        persons: persons
            .into_iter()
            .map(|(p, role)| (redact_person(p, &view), role))
            .collect(),
        ground,
        view,
        view_after_acceptance,
        break_glass_unneeded,
        action,
        resource,
        _sealed: (),
    })
}

/// One feedback to the reporter as sent (issue 7 item 9).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct SentFeedback {
    /// `na_beoordeling` or `na_onderzoek`.
    pub moment: String,
    /// To whom it went.
    pub to: String,
    /// The text as sent, in Dutch, one paragraph per line.
    pub text: Vec<String>,
    /// When it was sent (RFC 3339, Dutch time).
    pub sent_at: String,
    /// The same as Dutch readers write it: 29-11-2026 14:05.
    pub sent_at_text: String,
}

/// The feedback Veilig Thuis sent about case `case_id` that the user's organisation may read
/// (RULES.md 2.4; issue 7 item 9): the policy decides on [`ResourceKind::ReporterFeedback`] with
/// the case's participants, the access is logged, and a reporter's organisation gets only the
/// feedback addressed to it, never the file.
pub async fn reporter_feedback(
    state: &AppState,
    user: &CurrentUser,
    case_id: &str,
) -> Result<Vec<SentFeedback>, AppError> {
    // As for a case (issue 8, findings 3 and 4): an id that cannot be one is refused before the
    // store, and a missing case answers as one the organisation takes no part in.
    check_lookup_throttle(state, user).await?;
    if !schakel_domain::validate::is_identifier(case_id)
        || state.store.case_summary(case_id).await?.is_none()
    {
        record_refused_lookup(state, user).await?;
        return Err(AppError::Hidden(
            schakel_domain::access::DenyReason::NoRelation,
        ));
    }
    let participants = state.store.case_participants(case_id).await?;
    let actor = user.actor(None);
    let resource = Resource {
        kind: ResourceKind::ReporterFeedback,
        sensitivity: Sensitivity::Normal,
        participants: participants.clone(),
    };
    let decision = match &actor {
        Some(actor) => decide(actor, Action::Read, &resource),
        None => Decision::Deny(schakel_domain::access::DenyReason::RoleNotPermitted),
    };
    let access = Access::new(Action::Read, ResourceKind::ReporterFeedback).on(Some(case_id));
    log(state, user, access, &decision).await?;
    let ground = match decision {
        Decision::Allow(ground) => ground,
        Decision::Deny(reason) => {
            let takes_part = user
                .membership
                .as_ref()
                .is_some_and(|m| participants.iter().any(|(org, _)| org == &m.org_id));
            if takes_part {
                return Err(AppError::Forbidden(reason));
            }
            record_refused_lookup(state, user).await?;
            return Err(AppError::Hidden(reason));
        }
    };
    let own_only = matches!(
        ground,
        schakel_domain::access::Ground::Participation {
            participation: Participation::Reporter
        }
    );
    let my_org = actor.map(|a| a.org_id).unwrap_or_default();
    let mut out = Vec::new();
    for e in state.store.case_events(case_id).await? {
        if e.kind != "feedback_sent" {
            continue;
        }
        let Ok(CaseEvent::Feedback(schakel_domain::case::FeedbackEvent::Sent {
            moment,
            to,
            to_org,
            text,
            sent_at,
        })) = serde_json::from_value::<CaseEvent>(e.payload.clone())
        else {
            continue;
        };
        if own_only && to_org.as_deref() != Some(my_org.as_str()) {
            continue;
        }
        out.push(SentFeedback {
            moment: match moment {
                schakel_domain::case::FeedbackMoment::NaBeoordeling => "na_beoordeling",
                schakel_domain::case::FeedbackMoment::NaOnderzoek => "na_onderzoek",
            }
            .to_string(),
            to,
            text,
            sent_at_text: {
                let local = schakel_domain::calendar::to_dutch_local(sent_at);
                format!(
                    "{} {:02}:{:02}",
                    schakel_domain::monitoring::dutch_date(local.date()),
                    local.hour(),
                    local.minute()
                )
            },
            sent_at: sent_at
                .to_offset(schakel_domain::calendar::dutch_offset(sent_at))
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
        });
    }
    Ok(out)
}

/// The throttling key of a user's refused case lookups.
fn lookup_key(user: &CurrentUser) -> String {
    format!("lookup:{}", user.user.id)
}

/// Holds back a user whose case lookups were refused (missing, not theirs, malformed) more than
/// `refused_lookups_per_user` times within the throttling window: guessing ids or flooding the
/// access log ends there (issue 8, finding 3).
async fn check_lookup_throttle(state: &AppState, user: &CurrentUser) -> Result<(), AppError> {
    let since = state.clock.now() - state.config.throttle_window;
    let refused = state
        .store
        .recent_login_failures(&lookup_key(user), since)
        .await?;
    if refused >= state.config.refused_lookups_per_user {
        tracing::warn!(user = user.user.username, refused, "case lookups throttled");
        return Err(AppError::Throttled);
    }
    Ok(())
}

async fn record_refused_lookup(state: &AppState, user: &CurrentUser) -> Result<(), AppError> {
    state
        .store
        .record_login_attempt(&[&lookup_key(user)], state.clock.now(), false)
        .await?;
    Ok(())
}
