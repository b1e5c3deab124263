//! Every deadline of an open case, with the organisation whose work queue it belongs in
//! (DESIGN.md principle 3: no deadline passes unseen).

use schakel_i18n::{t, t_args};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::calendar::{HolidayCalendar, Terms, dutch_local_date};
use crate::{feedback, handover, monitoring, triage};

use super::{CaseState, FeedbackMoment};

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
    /// A notice, not a term: the case this organisation held regie over went back to Veilig Thuis
    /// (issue 7 item 7); shown while Veilig Thuis assesses it anew.
    TerugBijVeiligThuis,
}

impl DeadlineKind {
    pub fn label(&self) -> String {
        match self {
            DeadlineKind::Urgentie => t("deadline-urgentie"),
            DeadlineKind::AcuteActie => t("deadline-acute-actie"),
            DeadlineKind::Veiligheidsbeoordeling => t("deadline-veiligheidsbeoordeling"),
            DeadlineKind::OverdrachtAccepteren { .. } => t("deadline-overdracht-accepteren"),
            DeadlineKind::Monitoringsmoment { moment } => {
                let words = crate::monitoring::MonitoringMoment::words_of(moment);
                t_args("deadline-monitoringsmoment", &[("moment", &words)])
            }
            DeadlineKind::Onderzoek => t("deadline-onderzoek"),
            DeadlineKind::Terugkoppeling { moment } => match moment {
                FeedbackMoment::NaBeoordeling => t("deadline-terugkoppeling-na-beoordeling"),
                FeedbackMoment::NaOnderzoek => t("deadline-terugkoppeling-na-onderzoek"),
            },
            DeadlineKind::TerugBijVeiligThuis => t("deadline-terug-bij-veilig-thuis"),
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

impl Deadline {
    /// A deadline on a calendar day.
    pub(crate) fn on(what: DeadlineKind, due: Date, owner: &str) -> Self {
        Self {
            what,
            due,
            due_at: None,
            owner_org: owner.to_string(),
        }
    }

    /// A deadline at a moment (the 24-hour term).
    pub(crate) fn at(what: DeadlineKind, moment: OffsetDateTime, owner: &str) -> Self {
        Self {
            what,
            due: dutch_local_date(moment),
            due_at: Some(moment),
            owner_org: owner.to_string(),
        }
    }
}

impl CaseState {
    /// Every open deadline of this case, each with its owner; each stage adds its own. A closed
    /// case has none.
    pub fn deadlines(&self, calendar: &HolidayCalendar, terms: &Terms) -> Vec<Deadline> {
        let mut out = Vec::new();
        if !self.is_open() {
            return out;
        }
        triage::deadlines(self, calendar, terms, &mut out);
        handover::deadlines(self, calendar, terms, &mut out);
        monitoring::deadlines(self, calendar, terms, &mut out);
        feedback::deadlines(self, calendar, terms, &mut out);
        out.sort_by_key(|d| (d.due, d.due_at));
        out
    }
}
