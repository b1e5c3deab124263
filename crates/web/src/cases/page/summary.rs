//! The summary at the top of the case page (issue 7): what was decided, by whom it is held, and
//! how its deadlines stand, so a reader sees the state of the case before its history.

use schakel_domain::access::redact::WITHHELD;
use schakel_domain::calendar::{DueState, HolidayCalendar, Terms, dutch_date, dutch_moment};
use schakel_domain::case::CaseState;
use schakel_domain::codes::{self, ids};
use schakel_store::orgs::Organisation;
use time::OffsetDateTime;

use crate::i18n::t;

/// One condition and how monitoring found it.
pub struct ConditionRow {
    pub text: String,
    pub status: String,
    /// `met`, `unmet` or `open`, for the badge's style.
    pub state: &'static str,
}

/// One deadline as shown: what, when, and where it stands, in words.
pub struct DueRow {
    pub what: String,
    pub due: String,
    pub state: String,
    /// `on-time`, `due-soon` or `overdue`, for the badge's style.
    pub css: &'static str,
    pub mine: bool,
}

pub struct Summary {
    /// "Acuut", "Niet acuut" or "Nog niet bepaald".
    pub urgency: String,
    pub acute: bool,
    /// Parts A, B and C of the veiligheidsbeoordeling as (part, answer); empty before it.
    pub assessment: Vec<(String, String)>,
    pub assessed_on: String,
    /// The vervolgtraject in force, with its date; empty before a decision.
    pub decision: String,
    pub decided_on: String,
    pub conditions: Vec<ConditionRow>,
    /// The regiehouder: the accountable organisation, its kind, the worker, and how to reach it.
    pub regie_org: String,
    pub regie_kind: String,
    pub regie_worker: String,
    /// Shown when the organisation has no phone number or e-mail address of its own.
    pub regie_contact: String,
    /// The accountable organisation's phone number as written, and as a `tel:` target.
    pub regie_phone: String,
    pub regie_phone_href: String,
    pub regie_email: String,
    pub deadlines: Vec<DueRow>,
}

pub struct Inputs<'a> {
    pub state: &'a CaseState,
    pub organisations: &'a [Organisation],
    pub worker: Option<String>,
    pub my_org: &'a str,
    pub now: OffsetDateTime,
    pub calendar: &'a HolidayCalendar,
    pub terms: &'a Terms,
}

fn yes_no(v: bool) -> String {
    t(if v { "word-yes" } else { "word-no" })
}

fn shown(text: &str) -> String {
    if text == WITHHELD {
        t("case-content-withheld")
    } else {
        text.to_string()
    }
}

pub fn summary(i: Inputs<'_>) -> Summary {
    let s = i.state;
    let acute = s.acute == Some(true) || s.safety.as_ref().is_some_and(|a| a.acute_unsafety);
    let urgency = match (acute, s.acute) {
        (true, _) => t("look-case-acute"),
        (false, Some(_)) => t("look-case-not-acute"),
        (false, None) => t("look-case-urgency-open"),
    };
    let assessment = s
        .safety
        .as_ref()
        .map(|a| {
            vec![
                (t("look-case-part-a"), yes_no(a.acute_unsafety)),
                (t("look-case-part-b"), yes_no(a.structural_unsafety)),
                (
                    t("look-case-part-c"),
                    a.multi_problem
                        .map(yes_no)
                        .unwrap_or_else(|| t("look-case-part-c-skipped")),
                ),
            ]
        })
        .unwrap_or_default();
    let decision = s.decision.as_ref();
    let track = decision
        .map(|d| {
            codes::registry()
                .list(ids::VERVOLGTRAJECT, ids::PROTOCOL_2019)
                .and_then(|l| l.get(&d.track))
                .map(|c| c.label_nl.clone())
                .unwrap_or_else(|| shown(&d.track))
        })
        .unwrap_or_default();
    // The conditions in force: monitoring's own list once it runs, else the decision's.
    let conditions = match (&s.monitoring, decision) {
        (Some(m), _) => m
            .veiligheidsvoorwaarden
            .iter()
            .map(|c| {
                let (status, state) = if m.unmet.contains(c) {
                    (t("look-condition-unmet"), "unmet")
                } else if m.recorded_moments.is_empty() {
                    (t("look-condition-not-checked"), "open")
                } else {
                    (t("look-condition-met"), "met")
                };
                ConditionRow {
                    text: shown(c),
                    status,
                    state,
                }
            })
            .collect(),
        (None, Some(d)) => d
            .veiligheidsvoorwaarden
            .iter()
            .map(|c| ConditionRow {
                text: shown(c),
                status: t("look-condition-no-monitoring"),
                state: "open",
            })
            .collect(),
        (None, None) => Vec::new(),
    };
    let regie = i.organisations.iter().find(|o| o.id == s.accountable_org);
    // Issue 7: the regiehouder with its contact details, as the beheerder entered them.
    let regie_phone = regie.and_then(|o| o.phone.clone()).unwrap_or_default();
    let regie_email = regie.and_then(|o| o.email.clone()).unwrap_or_default();
    let regie_phone_href: String = regie_phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let regie_contact = match regie.map(|o| o.kind) {
        _ if !regie_phone.is_empty() || !regie_email.is_empty() => String::new(),
        // Without details of its own, Veilig Thuis has one national number.
        Some(schakel_domain::org::OrgKind::VeiligThuis) => crate::i18n::vt_phone_line(),
        _ => t("look-case-contact-unknown"),
    };
    let deadlines = s
        .deadlines(i.calendar, i.terms)
        .into_iter()
        .map(|d| {
            let state = DueState::of(i.calendar, d.due, d.due_at, i.now);
            DueRow {
                what: d.what.label(),
                due: match d.due_at {
                    Some(at) => dutch_moment(at),
                    None => dutch_date(d.due),
                },
                state: state.label(),
                css: state.css(),
                mine: d.owner_org == i.my_org,
            }
        })
        .collect();
    Summary {
        urgency,
        acute,
        assessed_on: s
            .safety
            .as_ref()
            .map(|a| dutch_moment(a.at))
            .unwrap_or_default(),
        assessment,
        decided_on: decision.map(|d| dutch_moment(d.at)).unwrap_or_default(),
        decision: track,
        conditions,
        regie_org: regie
            .map(|o| o.name.clone())
            .unwrap_or_else(|| s.accountable_org.clone()),
        regie_kind: regie.map(|o| o.kind.label()).unwrap_or_default(),
        regie_worker: i.worker.unwrap_or_else(|| t("look-case-no-worker")),
        regie_contact,
        regie_phone,
        regie_phone_href,
        regie_email,
        deadlines,
    }
}
