//! What can be done next on a case, following its phase (RULES.md 2): read for urgency, assess
//! safety, decide the follow-up, offer a warm handover, accept or refuse it as the receiver, record
//! monitoring, and close. The domain decides what is allowed; these forms only offer what fits.

use schakel_domain::case::{
    CaseEvent, CaseState, CaseWide, FeedbackEvent, FeedbackMoment, IntakeEvent, MonitoringEvent,
    Phase,
};
use schakel_domain::codes::{self, DecisionCategory};
use schakel_domain::org::OrgKind;
use time::OffsetDateTime;

use crate::auth::session::CurrentUser;
use crate::i18n::t;

/// A stand-in reason for asking the domain whether an event would be accepted.
const PROBE: &str = "(controle)";

pub struct OpenHandoverView {
    pub to_org: String,
    /// How long the offer waits, in plain Dutch ("vandaag aangeboden").
    pub offered: String,
    pub voorwaarden: Vec<String>,
    pub afspraken: Vec<String>,
    /// The user's organisation is the receiver: it may accept, refuse or ask a question.
    pub can_answer: bool,
    /// The user's organisation offered it: it may withdraw.
    pub can_withdraw: bool,
    pub regiehouders: Vec<(String, String)>,
    /// The signed-in user: the regiehouder chosen until another is (issue 7).
    pub regiehouder_default: String,
}

/// The forms shown on the case page.
pub struct Actions {
    pub phase: String,
    pub urgency: bool,
    /// The region's acute term in hours, asked in the urgency question (RULES.md 2.1: 24 h).
    pub acute_hours: u32,
    pub assessment: bool,
    /// Issue 7 item 1: the meldingen still to be read for urgency, and those still to be assessed,
    /// as (position, label); the oldest first, which is the default.
    pub urgency_meldingen: Vec<(u32, String)>,
    pub assessment_meldingen: Vec<(u32, String)>,
    /// Issue 7 item 2: the decision in force may be revised, with a reason; the tracks to choose
    /// from, the one in force first.
    pub can_revise: bool,
    pub revise_tracks: Vec<(String, String)>,
    pub tracks: Vec<(String, String)>,
    /// Receivers to choose from, those serving the family's gemeente first; none is chosen at
    /// first (issue 7: no risky defaults).
    pub handover_targets: Vec<(String, String)>,
    /// Which receivers serve the family's gemeente, as a hint beside the choice.
    pub receiver_hint: Option<String>,
    /// The instruments and versions of a veiligheidsbeoordeling: (choice, label).
    pub instruments: Vec<(String, String)>,
    pub decided_voorwaarden: String,
    pub open_handover: Option<OpenHandoverView>,
    /// Moments still to record: (code, label, due date as 29-11-2026, due already).
    pub monitoring_moments: Vec<(String, String, String, bool)>,
    pub monitoring_voorwaarden: Vec<(usize, String)>,
    /// The user's organisation held regie until the case went back to Veilig Thuis: read only.
    pub former_regie: bool,
    pub can_end_monitoring: bool,
    pub can_close: bool,
    /// Advies to melding, or melding (before a decision) to advies.
    pub convert_to: Option<&'static str>,
    /// The accountable organisation after a handover may send the case back to Veilig Thuis.
    pub can_escalate: bool,
    /// Feedback owed to the reporter: (moment code, label).
    pub feedback_due: Vec<(String, String)>,
    /// RULES.md 2.1: Veilig Thuis records that the family was informed of the outcome.
    pub can_inform_family: bool,
}

pub struct Inputs<'a> {
    pub state: &'a CaseState,
    pub user: &'a CurrentUser,
    pub now: OffsetDateTime,
    pub calendar: &'a schakel_domain::calendar::HolidayCalendar,
    pub terms: &'a schakel_domain::calendar::Terms,
    pub organisations: &'a [schakel_store::orgs::Organisation],
    pub colleagues: Vec<(String, String)>,
}

/// Builds the panel for this user on this case.
pub fn actions(i: Inputs<'_>) -> Actions {
    let s = i.state;
    let my_org = i
        .user
        .membership
        .as_ref()
        .map(|m| m.org_id.clone())
        .unwrap_or_default();
    let accountable = s.is_open() && s.accountable_org == my_org;
    // Which forms to offer follows from the domain itself: a form is shown when its event would be
    // accepted now, so the page never offers what the lifecycle refuses.
    let ctx = i
        .user
        .membership
        .as_ref()
        .map(|m| schakel_domain::case::EventContext {
            at: i.now,
            org_id: m.org_id.clone(),
            org_kind: m.org_kind,
        });
    let allows = |event: CaseEvent| {
        ctx.as_ref()
            .is_some_and(|ctx| schakel_domain::case::apply(Some(s), &event, ctx).is_ok())
    };
    let is_vt = accountable
        && i.user
            .membership
            .as_ref()
            .is_some_and(|m| m.org_kind == OrgKind::VeiligThuis);
    let org_name = |id: &str| {
        i.organisations
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone())
            .unwrap_or_default()
    };
    let today = schakel_domain::calendar::dutch_local_date(i.now);
    let tracks = crate::frame::code_options(codes::ids::VERVOLGTRAJECT, codes::ids::PROTOCOL_2019);
    let handover_decided = s
        .decision
        .as_ref()
        .is_some_and(|d| d.category == DecisionCategory::Overdracht)
        && s.open_handover.is_none()
        && s.phase == Phase::Besloten;
    // Issue 7 item 3: only receivers that may take regie and fit the decided track are offered.
    let decided_track = s.decision.as_ref().map(|d| d.track.as_str()).unwrap_or("");
    let mut targets: Vec<&schakel_store::orgs::Organisation> = if is_vt && handover_decided {
        i.organisations
            .iter()
            .filter(|o| {
                o.id != my_org
                    && schakel_domain::handover::check_receiver(Some(o.kind), decided_track).is_ok()
            })
            .collect()
    } else {
        Vec::new()
    };
    // Issue 7: the receiver is suggested, never chosen for the user: those serving the family's
    // gemeente come first and are named in a hint [NC].
    let family_gemeente = s
        .intakes
        .first()
        .and_then(|r| r.intake.gemeente())
        .unwrap_or("");
    let serves = |o: &schakel_store::orgs::Organisation| {
        !family_gemeente.is_empty() && o.gemeenten.iter().any(|g| g == family_gemeente)
    };
    targets.sort_by_key(|o| !serves(o));
    let suggested: Vec<&str> = targets
        .iter()
        .filter(|o| serves(o))
        .map(|o| o.name.as_str())
        .collect();
    let receiver_hint = (!suggested.is_empty()).then(|| {
        crate::i18n::t_args(
            "forms-receiver-suggested",
            &[
                ("gemeente", family_gemeente),
                ("names", &suggested.join(", ")),
            ],
        )
    });
    let handover_targets = targets
        .iter()
        .map(|o| (o.id.clone(), format!("{} ({})", o.name, o.kind.label())))
        .collect();
    // Issue 7 item 1: Veilig Thuis reads and assesses every melding, also one that joined a case
    // another organisation is accountable for.
    let vt_member = s.is_open() && s.vt_org == my_org;
    let melding_label =
        |n: u32| crate::i18n::t_args("case-vtrules-melding-n", &[("n", &(n + 1).to_string())]);
    let waiting = |pick: fn(&schakel_domain::case::RecordedIntake) -> bool,
                   own: bool|
     -> Vec<(u32, String)> {
        if !vt_member {
            return Vec::new();
        }
        own.then_some(0)
            .into_iter()
            .chain(
                s.intakes
                    .iter()
                    .enumerate()
                    .skip(1)
                    .filter(|(_, r)| r.awaits_assessment() && pick(r))
                    .map(|(n, _)| n as u32),
            )
            .map(|n| (n, melding_label(n)))
            .collect()
    };
    let can_revise = is_vt && s.phase == Phase::Besloten && s.open_handover.is_none();
    let urgency_meldingen = waiting(|r| r.acute.is_none(), is_vt && s.phase == Phase::Intake);
    let assessment_meldingen = waiting(
        |r| r.acute.is_some(),
        is_vt && s.phase == Phase::Beoordeling && s.safety.is_none(),
    );
    let open_handover = s.open_handover.as_ref().map(|h| OpenHandoverView {
        to_org: org_name(&h.to_org),
        offered: match (i.now - h.offered_at).whole_days() {
            ..=0 => t("look-case-offered-today"),
            1 => t("look-case-offered-one-day"),
            days => crate::i18n::t_arg("look-case-offered-days", "days", days),
        },
        voorwaarden: h.veiligheidsvoorwaarden.clone(),
        afspraken: h.monitoring_agreements.clone(),
        can_answer: h.to_org == my_org,
        can_withdraw: is_vt,
        regiehouders: if h.to_org == my_org {
            i.colleagues.clone()
        } else {
            Vec::new()
        },
        regiehouder_default: i.user.user.id.clone(),
    });
    // Issue 7 item 7: Veilig Thuis (which monitors) and the regiehouder's organisation both record
    // a moment; which moments are left and when each is due come from the region's schedule.
    let may_record = s
        .monitoring
        .as_ref()
        .is_some_and(|m| s.is_open() && (m.monitored_by == my_org || s.accountable_org == my_org));
    let (monitoring_moments, monitoring_voorwaarden) = match (&s.monitoring, may_record) {
        (Some(m), true) => (
            i.terms
                .monitoring
                .moments_due_on_working_days(
                    i.calendar,
                    schakel_domain::calendar::dutch_local_date(m.started_at),
                    m.recorded_moments.iter().map(String::as_str),
                )
                .into_iter()
                .map(|d| {
                    (
                        d.code,
                        d.label_nl,
                        schakel_domain::monitoring::dutch_date(d.due),
                        d.due <= today,
                    )
                })
                .collect(),
            m.veiligheidsvoorwaarden
                .iter()
                .cloned()
                .enumerate()
                .collect(),
        ),
        _ => (Vec::new(), Vec::new()),
    };
    let former_regie =
        s.accountable_org != my_org && s.former_regie.iter().any(|f| f.org == my_org);
    Actions {
        phase: s.phase.label(),
        urgency: !urgency_meldingen.is_empty(),
        acute_hours: i.terms.acute_hours,
        assessment: !assessment_meldingen.is_empty(),
        urgency_meldingen,
        assessment_meldingen,
        can_revise,
        revise_tracks: if can_revise {
            let mut all = tracks.clone();
            all.sort_by_key(|(code, _)| code != decided_track);
            all
        } else {
            Vec::new()
        },
        tracks: if is_vt && s.phase == Phase::Beoordeling && s.safety.is_some() {
            tracks
        } else {
            Vec::new()
        },
        handover_targets,
        receiver_hint,
        instruments: schakel_domain::instruments::safety_assessment_instruments()
            .into_iter()
            .map(|(kind, version)| {
                (
                    schakel_domain::instruments::instrument_choice(kind, &version),
                    crate::i18n::t_args(
                        "forms-instrument-version",
                        &[("instrument", &kind.label()), ("version", &version)],
                    ),
                )
            })
            .collect(),
        decided_voorwaarden: s
            .decision
            .as_ref()
            .map(|d| d.veiligheidsvoorwaarden.join("\n"))
            .unwrap_or_default(),
        open_handover,
        can_end_monitoring: allows(CaseEvent::Monitoring(MonitoringEvent::Ended {
            reason: PROBE.into(),
        })),
        monitoring_moments,
        monitoring_voorwaarden,
        former_regie,
        can_close: allows(CaseEvent::Case(CaseWide::Closed {
            reason: PROBE.into(),
        })),
        convert_to: if allows(CaseEvent::Intake(IntakeEvent::ConvertedToMelding {
            reason: PROBE.into(),
            classification: None,
            linked: Vec::new(),
        })) {
            Some("melding")
        } else if allows(CaseEvent::Intake(IntakeEvent::ConvertedToAdvies {
            reason: PROBE.into(),
        })) {
            Some("advies")
        } else {
            None
        },
        can_escalate: accountable
            && allows(CaseEvent::Monitoring(MonitoringEvent::ReEscalated {
                reason: PROBE.into(),
            })),
        can_inform_family: allows(CaseEvent::Feedback(FeedbackEvent::FamilyInformed {
            moment: FeedbackMoment::NaBeoordeling,
            how: PROBE.into(),
        })),
        feedback_due: if s.vt_org == my_org && s.decision.is_some() {
            s.feedback_pending
                .iter()
                .map(|f| (moment_code(f.moment).to_string(), moment_label(f.moment)))
                .collect()
        } else {
            Vec::new()
        },
    }
}

pub fn moment_code(m: FeedbackMoment) -> &'static str {
    match m {
        FeedbackMoment::NaBeoordeling => "na_beoordeling",
        FeedbackMoment::NaOnderzoek => "na_onderzoek",
    }
}

pub fn moment_label(m: FeedbackMoment) -> String {
    match m {
        FeedbackMoment::NaBeoordeling => t("case-moment-after-assessment"),
        FeedbackMoment::NaOnderzoek => t("case-moment-after-investigation"),
    }
}
