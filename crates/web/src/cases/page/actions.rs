//! What can be done next on a case, following its phase (RULES.md 2): read for urgency, assess
//! safety, decide the follow-up, offer a warm handover, accept or refuse it as the receiver, record
//! monitoring, and close. The domain decides what is allowed; these forms only offer what fits.

use schakel_app::CaseCommand;
use schakel_domain::case::{
    CaseEvent, CaseState, CaseWide, FeedbackMoment, IntakeEvent, MonitoringEvent, Phase,
};
use schakel_domain::codes::{self, DecisionCategory, decision_category};
use schakel_domain::msg;
use schakel_domain::org::OrgKind;
use serde::Deserialize;
use time::OffsetDateTime;

use crate::AppError;
use crate::auth::session::CurrentUser;
use crate::i18n::t;

/// A stand-in reason for asking the domain whether an event would be accepted.
const PROBE: &str = "(controle)";

/// A deadline as shown: what, when, and whether it has passed.
pub struct DeadlineRow {
    pub what: String,
    pub due: String,
    pub overdue: bool,
    pub mine: bool,
}

pub struct OpenHandoverView {
    pub to_org: String,
    pub age_days: i64,
    pub voorwaarden: Vec<String>,
    pub afspraken: Vec<String>,
    /// The user's organisation is the receiver: it may accept, refuse or ask a question.
    pub can_answer: bool,
    /// The user's organisation offered it: it may withdraw.
    pub can_withdraw: bool,
    pub regiehouders: Vec<(String, String)>,
}

/// The forms shown on the case page.
pub struct Actions {
    pub phase: String,
    pub deadlines: Vec<DeadlineRow>,
    pub urgency: bool,
    /// The region's acute term in hours, asked in the urgency question (RULES.md 2.1: 24 h).
    pub acute_hours: u32,
    pub assessment: bool,
    pub tracks: Vec<(String, String)>,
    pub handover_targets: Vec<(String, String)>,
    pub decided_voorwaarden: String,
    pub open_handover: Option<OpenHandoverView>,
    pub monitoring_moments: Vec<(String, String)>,
    pub monitoring_voorwaarden: Vec<(usize, String)>,
    pub can_end_monitoring: bool,
    pub can_close: bool,
    /// Advies to melding, or melding (before a decision) to advies.
    pub convert_to: Option<&'static str>,
    /// The accountable organisation after a handover may send the case back to Veilig Thuis.
    pub can_escalate: bool,
    /// Feedback owed to the reporter: (moment code, label).
    pub feedback_due: Vec<(String, String)>,
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
    let deadlines = s
        .deadlines(i.calendar, i.terms)
        .into_iter()
        .map(|d| DeadlineRow {
            what: d.what.label(),
            due: d.due.to_string(),
            overdue: d.due_at.map(|at| at < i.now).unwrap_or(d.due < today),
            mine: d.owner_org == my_org,
        })
        .collect();
    let tracks = crate::frame::code_options(codes::ids::VERVOLGTRAJECT, codes::ids::PROTOCOL_2019);
    let handover_decided = s
        .decision
        .as_ref()
        .is_some_and(|d| d.category == DecisionCategory::Overdracht)
        && s.open_handover.is_none()
        && s.phase == Phase::Besloten;
    let handover_targets = if is_vt && handover_decided {
        i.organisations
            .iter()
            .filter(|o| o.id != my_org && o.kind.handles_cases())
            .map(|o| (o.id.clone(), format!("{} ({})", o.name, o.kind.label())))
            .collect()
    } else {
        Vec::new()
    };
    let open_handover = s.open_handover.as_ref().map(|h| OpenHandoverView {
        to_org: org_name(&h.to_org),
        age_days: (i.now - h.offered_at).whole_days(),
        voorwaarden: h.veiligheidsvoorwaarden.clone(),
        afspraken: h.monitoring_agreements.clone(),
        can_answer: h.to_org == my_org,
        can_withdraw: is_vt,
        regiehouders: if h.to_org == my_org {
            i.colleagues.clone()
        } else {
            Vec::new()
        },
    });
    let (monitoring_moments, monitoring_voorwaarden) = match (&s.monitoring, is_vt) {
        (Some(m), true) => (
            i.terms
                .monitoring
                .moments
                .iter()
                .filter(|mm| !m.recorded_moments.contains(&mm.code))
                .map(|mm| (mm.code.clone(), mm.label_nl.clone()))
                .collect(),
            m.veiligheidsvoorwaarden
                .iter()
                .cloned()
                .enumerate()
                .collect(),
        ),
        _ => (Vec::new(), Vec::new()),
    };
    Actions {
        phase: s.phase.label(),
        deadlines,
        urgency: is_vt && s.phase == Phase::Intake,
        acute_hours: i.terms.acute_hours,
        assessment: is_vt && s.phase == Phase::Beoordeling && s.safety.is_none(),
        tracks: if is_vt && s.phase == Phase::Beoordeling && s.safety.is_some() {
            tracks
        } else {
            Vec::new()
        },
        handover_targets,
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
        can_close: allows(CaseEvent::Case(CaseWide::Closed {
            reason: PROBE.into(),
        })),
        convert_to: if allows(CaseEvent::Intake(IntakeEvent::ConvertedToMelding {
            reason: PROBE.into(),
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

/// The posted action form. Every field is optional here; each action names what it misses.
#[derive(Debug, Default, Deserialize)]
pub struct ActionForm {
    pub actie: Option<String>,
    pub csrf: Option<String>,
    pub volgnummer: Option<String>,
    pub acuut: Option<String>,
    pub structureel: Option<String>,
    pub multiprobleem: Option<String>,
    pub instrument: Option<String>,
    pub versie: Option<String>,
    pub traject: Option<String>,
    pub voorwaarden: Option<String>,
    pub afspraken: Option<String>,
    pub naar: Option<String>,
    pub regiehouder: Option<String>,
    pub reden: Option<String>,
    /// The receiver's question about an open handover.
    pub vraag: Option<String>,
    pub moment: Option<String>,
    #[serde(default)]
    pub nagekomen: Vec<String>,
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

pub fn parse_moment(field: &str, v: &str) -> Result<FeedbackMoment, AppError> {
    match v {
        "na_beoordeling" => Ok(FeedbackMoment::NaBeoordeling),
        "na_onderzoek" => Ok(FeedbackMoment::NaOnderzoek),
        _ => Err(AppError::field(field, msg("case-moment-choose"))),
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

fn yes_no(field: &str, v: Option<&str>) -> Result<bool, AppError> {
    match v {
        Some("ja") => Ok(true),
        Some("nee") => Ok(false),
        _ => Err(AppError::field(field, msg("case-choose-yes-no"))),
    }
}

fn required(field: &str, v: Option<&String>) -> Result<String, AppError> {
    match v.map(|s| s.trim()) {
        Some(s) if !s.is_empty() => Ok(s.to_string()),
        _ => Err(AppError::field(field, msg("case-required"))),
    }
}

/// Turns a posted form into the command it asks for. The server fills in the rest (the assessor,
/// the handover's id, the open handover an answer refers to).
pub fn command_from(form: &ActionForm) -> Result<CaseCommand, AppError> {
    let action = form.actie.as_deref().unwrap_or("");
    let reason = || required("reden", form.reden.as_ref());
    Ok(match action {
        "urgentie" => CaseCommand::AssessUrgency {
            acute: yes_no("acuut", form.acuut.as_deref())?,
        },
        "beoordeling" => CaseCommand::AssessSafety {
            acute_unsafety: yes_no("acuut", form.acuut.as_deref())?,
            structural_unsafety: yes_no("structureel", form.structureel.as_deref())?,
            multi_problem: match form.multiprobleem.as_deref() {
                Some("overgeslagen") | None => None,
                other => Some(yes_no("multiprobleem", other)?),
            },
            instrument: required("instrument", form.instrument.as_ref())?,
            instrument_version: required("versie", form.versie.as_ref())?,
        },
        "besluit" => {
            let track = required("traject", form.traject.as_ref())?;
            if decision_category(&track).is_none() {
                return Err(AppError::field("traject", msg("case-choose-track")));
            }
            CaseCommand::DecideFollowUp {
                track,
                veiligheidsvoorwaarden: lines(form.voorwaarden.as_deref()),
            }
        }
        "overdracht" => CaseCommand::OfferHandover {
            to_org: required("naar", form.naar.as_ref())?,
            veiligheidsvoorwaarden: lines(form.voorwaarden.as_deref()),
            monitoring_agreements: lines(form.afspraken.as_deref()),
        },
        "aanvaarden" => CaseCommand::AcceptHandover {
            regiehouder: required("regiehouder", form.regiehouder.as_ref())?,
        },
        "weigeren" => CaseCommand::RefuseHandover { reason: reason()? },
        "vraag" => CaseCommand::AskQuestion {
            question: required("vraag", form.vraag.as_ref())?,
        },
        "intrekken" => CaseCommand::WithdrawHandover { reason: reason()? },
        "monitoring" => CaseCommand::RecordMonitoring {
            moment: required("moment", form.moment.as_ref())?,
            met: form
                .nagekomen
                .iter()
                .map(|n| {
                    n.parse::<usize>()
                        .map_err(|_| AppError::field("nagekomen", msg("case-choose-from-list")))
                })
                .collect::<Result<_, _>>()?,
        },
        "monitoring_einde" => CaseCommand::EndMonitoring { reason: reason()? },
        "terugkoppeling" => CaseCommand::GiveFeedback {
            moment: parse_moment("moment", form.moment.as_deref().unwrap_or(""))?,
        },
        "omzetten_melding" => CaseCommand::ConvertToMelding { reason: reason()? },
        "omzetten_advies" => CaseCommand::ConvertToAdvies { reason: reason()? },
        "opschalen" => CaseCommand::ReEscalate { reason: reason()? },
        "sluiten" => CaseCommand::Close { reason: reason()? },
        _ => return Err(AppError::field("actie", msg("case-unknown-action"))),
    })
}
