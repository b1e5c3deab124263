//! Every deadline of an open case, with the organisation whose work queue it belongs in
//! (DESIGN.md principle 3: no deadline passes unseen).

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::calendar::{
    HolidayCalendar, Terms, acute_deadline, assessment_deadline, dutch_local_date,
    onderzoek_deadline,
};

use super::{CaseKind, CaseState, FeedbackMoment, Phase};

/// What is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeadlineKind {
    /// RULES.md 2.1 / 2.3: read the melding for urgency; action within 24 h.
    Urgentie,
    /// RULES.md 2.1 / 2.3: an acute melding needs action (the safety assessment) within 24 h.
    AcuteActie,
    /// RULES.md 2.1: veiligheidsbeoordeling and decision within 5 working days.
    Veiligheidsbeoordeling,
    /// The receiver accepts or refuses the handover (term [NC], see `Terms`).
    OverdrachtAccepteren { handover_id: String },
    /// A monitoring moment (schedule [NC], see `MonitoringSchedule`).
    Monitoringsmoment { moment: String },
    /// RULES.md 2.3: onderzoek finished within 10 weeks.
    Onderzoek,
    /// RULES.md 2.4: feedback to the reporter (term [NC], see `Terms`).
    Terugkoppeling { moment: FeedbackMoment },
}

impl DeadlineKind {
    pub fn label(&self) -> String {
        match self {
            DeadlineKind::Urgentie => "Urgentie beoordelen".into(),
            DeadlineKind::AcuteActie => "Acute melding: direct handelen".into(),
            DeadlineKind::Veiligheidsbeoordeling => "Veiligheidsbeoordeling afronden".into(),
            DeadlineKind::OverdrachtAccepteren { .. } => "Overdracht accepteren of weigeren".into(),
            DeadlineKind::Monitoringsmoment { moment } => format!("Monitoringsmoment {moment}"),
            DeadlineKind::Onderzoek => "Onderzoek afronden".into(),
            DeadlineKind::Terugkoppeling { moment } => match moment {
                FeedbackMoment::NaBeoordeling => "Terugkoppeling aan melder na beoordeling".into(),
                FeedbackMoment::NaOnderzoek => "Terugkoppeling aan melder na onderzoek".into(),
            },
        }
    }
}

/// One deadline. `due` is the last Dutch calendar day; `due_at` is set when the deadline is a
/// moment (the 24-hour term). Work queues sort on `(due, due_at)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub what: DeadlineKind,
    #[serde(with = "crate::calendar::iso_date")]
    pub due: Date,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub due_at: Option<OffsetDateTime>,
    pub owner_org: String,
}

impl CaseState {
    /// Every open deadline of this case, each with its owner. A closed case has none.
    pub fn deadlines(&self, calendar: &HolidayCalendar, terms: &Terms) -> Vec<Deadline> {
        let mut out = Vec::new();
        if !self.is_open() {
            return out;
        }
        let vt = self.vt_org.clone();
        let on = |what, due, owner: &String| Deadline {
            what,
            due,
            due_at: None,
            owner_org: owner.clone(),
        };
        let at = |what, moment: OffsetDateTime, owner: &String| Deadline {
            what,
            due: dutch_local_date(moment),
            due_at: Some(moment),
            owner_org: owner.clone(),
        };

        if self.case_kind == CaseKind::Melding {
            let acute_due = acute_deadline(terms, self.assessment_from);
            match self.phase {
                Phase::Intake => out.push(at(DeadlineKind::Urgentie, acute_due, &vt)),
                Phase::Beoordeling if self.acute == Some(true) && self.safety.is_none() => {
                    out.push(at(DeadlineKind::AcuteActie, acute_due, &vt));
                }
                _ => {}
            }
            if matches!(self.phase, Phase::Intake | Phase::Beoordeling) {
                out.push(on(
                    DeadlineKind::Veiligheidsbeoordeling,
                    assessment_deadline(calendar, terms, self.assessment_from),
                    &vt,
                ));
            }
        }
        if let Some(h) = &self.open_handover {
            // The receiver owns the decision to accept; it shows in the receiver's queue.
            out.push(on(
                DeadlineKind::OverdrachtAccepteren {
                    handover_id: h.id.clone(),
                },
                calendar.add_working_days(
                    dutch_local_date(h.offered_at),
                    terms.handover_accept_working_days,
                ),
                &h.to_org,
            ));
        }
        if let Some(m) = &self.monitoring {
            let due = terms.monitoring.moments_due(
                dutch_local_date(m.started_at),
                m.recorded_moments.iter().map(String::as_str),
            );
            for d in due {
                out.push(on(
                    DeadlineKind::Monitoringsmoment { moment: d.code },
                    d.due,
                    &m.monitored_by,
                ));
            }
        }
        if let Some(o) = &self.onderzoek
            && o.outcome.is_none()
        {
            out.push(on(
                DeadlineKind::Onderzoek,
                onderzoek_deadline(terms, o.started_on),
                &vt,
            ));
        }
        for p in &self.feedback_pending {
            out.push(on(
                DeadlineKind::Terugkoppeling { moment: p.moment },
                calendar.add_working_days(dutch_local_date(p.since), terms.feedback_working_days),
                &vt,
            ));
        }
        out.sort_by_key(|d| (d.due, d.due_at));
        out
    }
}
