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
    /// Issue 7 item 8: the receiver let the answer time pass; escalated to Veilig Thuis's
    /// teamleider.
    OverdrachtOnbeantwoord { handover_id: String },
    /// Issue 7 item 8: the receiver refused; Veilig Thuis offers the case to a new receiver
    /// within a term (term [NC], see `Terms`).
    NieuweOntvanger { handover_id: String },
    /// RULES.md 2.1: a melding that joined an open casus is read for urgency within 24 h, like
    /// every melding. `n` is its position in the casus (0 is the case's own).
    MeldingUrgentie { n: u32 },
    /// RULES.md 2.1 / 2.3: a joined melding read as acute needs action within 24 h.
    MeldingAcuteActie { n: u32 },
    /// RULES.md 2.1: a joined melding gets its own veiligheidsbeoordeling within 5 working days.
    MeldingBeoordeling { n: u32 },
    /// Issue 7 item 1: the accountable organisation (after a handover) hears that a new melding
    /// joined its case and is being assessed by Veilig Thuis.
    NieuweMelding { n: u32 },
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
            DeadlineKind::OverdrachtOnbeantwoord { .. } => {
                t("deadline-vtrules-overdracht-onbeantwoord")
            }
            DeadlineKind::NieuweOntvanger { .. } => t("deadline-vtrules-nieuwe-ontvanger"),
            DeadlineKind::MeldingUrgentie { n } => t_args(
                "deadline-vtrules-melding-urgentie",
                &[("n", &(n + 1).to_string())],
            ),
            DeadlineKind::MeldingAcuteActie { n } => t_args(
                "deadline-vtrules-melding-acute-actie",
                &[("n", &(n + 1).to_string())],
            ),
            DeadlineKind::MeldingBeoordeling { n } => t_args(
                "deadline-vtrules-melding-beoordeling",
                &[("n", &(n + 1).to_string())],
            ),
            DeadlineKind::NieuweMelding { n } => t_args(
                "deadline-vtrules-nieuwe-melding",
                &[("n", &(n + 1).to_string())],
            ),
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
    /// Only people with this role in the owning organisation see it (an escalation to the
    /// teamleider); everyone there when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_role: Option<crate::org::Role>,
    /// The item shows in the queue from this Dutch calendar day (an escalation once the answer
    /// time has passed); from the start when `None`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::calendar::iso_date::option"
    )]
    pub shown_from: Option<Date>,
}

impl Deadline {
    /// A deadline on a calendar day.
    pub(crate) fn on(what: DeadlineKind, due: Date, owner: &str) -> Self {
        Self {
            what,
            due,
            due_at: None,
            owner_org: owner.to_string(),
            for_role: None,
            shown_from: None,
        }
    }

    /// A deadline at a moment (the 24-hour term).
    pub(crate) fn at(what: DeadlineKind, moment: OffsetDateTime, owner: &str) -> Self {
        Self {
            what,
            due: dutch_local_date(moment),
            due_at: Some(moment),
            owner_org: owner.to_string(),
            for_role: None,
            shown_from: None,
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
