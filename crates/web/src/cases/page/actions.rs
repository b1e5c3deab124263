//! What can be done next on a case, following its phase (RULES.md 2): read for urgency, assess
//! safety, decide the follow-up, offer a warm handover, accept or refuse it as the receiver, record
//! monitoring, and close. The domain decides what is allowed; these forms only offer what fits.

use schakel_app::CaseCommand;
use schakel_domain::case::{
    CaseEvent, CaseState, CaseWide, FeedbackEvent, FeedbackMoment, IntakeEvent, MonitoringEvent,
    Phase,
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
    pub handover_targets: Vec<(String, String)>,
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
    let handover_targets = if is_vt && handover_decided {
        i.organisations
            .iter()
            .filter(|o| {
                o.id != my_org
                    && schakel_domain::handover::check_receiver(Some(o.kind), decided_track).is_ok()
            })
            .map(|o| (o.id.clone(), format!("{} ({})", o.name, o.kind.label())))
            .collect()
    } else {
        Vec::new()
    };
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
    #[serde(flatten)]
    pub rest: std::collections::HashMap<String, String>,
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

/// The melding a form names (its position), or the default when none is chosen.
fn melding(v: Option<&str>) -> Result<Option<u32>, AppError> {
    match v.map(str::trim) {
        None | Some("") => Ok(None),
        Some(n) => n
            .parse()
            .map(Some)
            .map_err(|_| AppError::field("melding", msg("case-choose-from-list"))),
    }
}

fn required(field: &str, v: Option<&String>) -> Result<String, AppError> {
    match v.map(|s| s.trim()) {
        Some(s) if !s.is_empty() => Ok(s.to_string()),
        _ => Err(AppError::field(field, msg("case-required"))),
    }
}

/// The monitoring form (issue 7 item 7): every condition judged met (`ja`) or not (`nee`), none
/// left out; contact with the family; the next step.
fn monitoring_command(form: &ActionForm) -> Result<CaseCommand, AppError> {
    let moment = required("moment", form.moment.as_ref())?;
    let mut judged: Vec<(usize, bool)> = Vec::new();
    for (key, value) in &form.rest {
        let Some(n) = key.strip_prefix("vw").and_then(|n| n.parse::<usize>().ok()) else {
            continue;
        };
        judged.push((n, yes_no(key, Some(value.as_str()))?));
    }
    judged.sort_unstable();
    let asked: usize = form
        .vw_aantal
        .as_deref()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(judged.len());
    // The conditions are numbered from 0 without gaps; a missing one was not judged.
    if let Some(missing) = (0..asked).find(|i| judged.get(*i).map(|(n, _)| n) != Some(i)) {
        return Err(AppError::field(
            &format!("vw{missing}"),
            msg("case-choose-yes-no"),
        ));
    }
    Ok(CaseCommand::RecordMonitoring {
        moment,
        met: judged
            .iter()
            .filter(|(_, met)| *met)
            .map(|(n, _)| *n)
            .collect(),
        family_contact: Some(yes_no("contact", form.contact.as_deref())?),
        contact_note: form.contact_toelichting.clone().unwrap_or_default(),
        next_step: required("volgende_stap", form.volgende_stap.as_ref())?,
        early_reason: form.reden_eerder.clone(),
    })
}

/// Turns a posted form into the command it asks for. The server fills in the rest (the assessor,
/// the handover's id, the open handover an answer refers to).
pub fn command_from(form: &ActionForm) -> Result<CaseCommand, AppError> {
    let action = form.actie.as_deref().unwrap_or("");
    let reason = || required("reden", form.reden.as_ref());
    Ok(match action {
        "urgentie" => CaseCommand::AssessUrgency {
            acute: yes_no("acuut", form.acuut.as_deref())?,
            melding: melding(form.melding.as_deref())?,
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
            melding: melding(form.melding.as_deref())?,
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
        "besluit_herzien" => {
            let track = required("traject", form.traject.as_ref())?;
            if decision_category(&track).is_none() {
                return Err(AppError::field("traject", msg("case-choose-track")));
            }
            CaseCommand::ReviseFollowUp {
                track,
                veiligheidsvoorwaarden: lines(form.voorwaarden.as_deref()),
                reason: reason()?,
            }
        }
        "overdracht" => CaseCommand::OfferHandover {
            to_org: required("naar", form.naar.as_ref())?,
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
            regiehouder: required("regiehouder", form.regiehouder.as_ref())?,
        },
        "weigeren" => CaseCommand::RefuseHandover { reason: reason()? },
        "vraag" => CaseCommand::AskQuestion {
            question: required("vraag", form.vraag.as_ref())?,
        },
        "intrekken" => CaseCommand::WithdrawHandover { reason: reason()? },
        "monitoring" => monitoring_command(form)?,
        "monitoring_einde" => CaseCommand::EndMonitoring { reason: reason()? },
        "terugkoppeling" => CaseCommand::GiveFeedback {
            moment: parse_moment("moment", form.moment.as_deref().unwrap_or(""))?,
        },
        "gezin_geinformeerd" => CaseCommand::InformFamily {
            moment: parse_moment("moment", form.moment.as_deref().unwrap_or(""))?,
            how: required("hoe", form.hoe.as_ref())?,
        },
        "omzetten_melding" => CaseCommand::ConvertToMelding { reason: reason()? },
        "omzetten_advies" => CaseCommand::ConvertToAdvies { reason: reason()? },
        "opschalen" => CaseCommand::ReEscalate { reason: reason()? },
        "sluiten" => CaseCommand::Close { reason: reason()? },
        _ => return Err(AppError::field("actie", msg("case-unknown-action"))),
    })
}
