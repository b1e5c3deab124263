//! The programme's own log: what happened to it (imported, members linked, rounds opened and
//! closed, actions updated, budget lines added), and the state folded from it. The regional policy
//! asks for "een bijlage met de voortgang van de actielijnen, die twee keer per jaar wordt
//! geactualiseerd" ("Monitoring en verantwoording"); a round is that update, once per half year.
//!
//! Commands are decided here against the folded state; the app writes the events they give.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::{Date, Month, OffsetDateTime};

use super::{ActionStatus, Programme};

/// The longest progress note or budget source accepted. A note is a paragraph in the appendix,
/// not a report of its own.
pub const MAX_NOTE: usize = 2000;
/// The longest name of a budget source ("Decentralisatie-uitkering Vrouwenopvang (DUVO)").
pub const MAX_SOURCE: usize = 200;

/// A half year, the period of one round and of the CBS's Veilig Thuis figures (RULES.md 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct HalfYear {
    pub year: i32,
    /// 1 (January-June) or 2 (July-December).
    pub half: u8,
}

impl HalfYear {
    pub fn of(date: Date) -> HalfYear {
        HalfYear {
            year: date.year(),
            half: if (date.month() as u8) <= 6 { 1 } else { 2 },
        }
    }

    /// The first day of the half year and the first day after it.
    pub fn period(self) -> (Date, Date) {
        let start =
            |year: i32, month: Month| Date::from_calendar_date(year, month, 1).unwrap_or(Date::MIN);
        if self.half == 1 {
            (
                start(self.year, Month::January),
                start(self.year, Month::July),
            )
        } else {
            (
                start(self.year, Month::July),
                start(self.year + 1, Month::January),
            )
        }
    }

    pub fn previous(self) -> HalfYear {
        if self.half == 1 {
            HalfYear {
                year: self.year - 1,
                half: 2,
            }
        } else {
            HalfYear {
                year: self.year,
                half: 1,
            }
        }
    }

    /// "1e helft 2026".
    pub fn label(self) -> String {
        schakel_i18n::t_args(
            "programme-half-year",
            &[
                ("half", &self.half.to_string()),
                ("year", &self.year.to_string()),
            ],
        )
    }
}

/// Who did something, as the log keeps it: the account and the name shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub user_id: String,
    pub name: String,
}

/// One event of the programme's log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ProgrammeEvent {
    /// The programme's definition, imported from a programme file.
    Imported {
        programme: Programme,
    },
    /// A user account joins a working group, as trekker or member; trekkers and members update the
    /// group's actions (regional policy, "Werkgroepen").
    MemberLinked {
        group: String,
        user_id: String,
        name: String,
        trekker: bool,
    },
    MemberUnlinked {
        group: String,
        user_id: String,
    },
    /// The projectleider asks every working group for its progress.
    RoundOpened {
        number: u32,
        half_year: HalfYear,
        #[serde(with = "crate::calendar::iso_date")]
        due: Date,
    },
    RoundClosed {
        number: u32,
    },
    /// A new status and note for one action.
    ActionUpdated {
        action: String,
        status: ActionStatus,
        note: String,
    },
    /// Money for an action, by source and year (regional policy, "Financiering").
    BudgetLineAdded {
        action: String,
        source: String,
        year: i32,
        amount_cents: i64,
    },
}

/// An event as the log holds it: its place, when and by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub seq: u64,
    pub at: OffsetDateTime,
    pub by: Author,
    pub event: ProgrammeEvent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub group: String,
    pub user_id: String,
    pub name: String,
    pub trekker: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Round {
    pub number: u32,
    pub half_year: HalfYear,
    #[serde(with = "crate::calendar::iso_date")]
    pub due: Date,
    #[serde(with = "time::serde::rfc3339")]
    pub opened_at: OffsetDateTime,
    pub opened_by: String,
    #[serde(with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
}

impl Round {
    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }
}

/// One update of an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub by: String,
    pub status: ActionStatus,
    pub text: String,
    /// The round open when it was written, if one was.
    pub round: Option<u32>,
    /// The number of the last round opened before it (0: before the first round): its place in
    /// the history of rounds.
    pub after_round: u32,
}

/// An action's progress: its status now and every update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionProgress {
    pub status: ActionStatus,
    pub notes: Vec<Note>,
}

impl Default for ActionProgress {
    fn default() -> Self {
        Self {
            status: ActionStatus::NietGestart,
            notes: Vec::new(),
        }
    }
}

impl ActionProgress {
    /// The status at the end of round `number`: the last update written before the next round.
    pub fn status_after_round(&self, number: u32) -> ActionStatus {
        self.notes
            .iter()
            .rev()
            .find(|n| n.after_round <= number)
            .map_or(ActionStatus::NietGestart, |n| n.status)
    }

    /// Whether the action was updated in round `number`.
    pub fn updated_in(&self, number: u32) -> bool {
        self.notes.iter().any(|n| n.round == Some(number))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetLine {
    pub action: String,
    pub source: String,
    pub year: i32,
    pub amount_cents: i64,
}

/// The programme as its log makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeState {
    pub programme: Programme,
    pub members: Vec<Member>,
    pub rounds: Vec<Round>,
    pub progress: BTreeMap<String, ActionProgress>,
    pub budget: Vec<BudgetLine>,
    /// The last event's place: a command is written only after it (optimistic concurrency).
    pub seq: u64,
}

impl ProgrammeState {
    /// Folds a log. `None` when it does not start with the import.
    pub fn fold(events: &[Recorded]) -> Option<ProgrammeState> {
        let (first, rest) = events.split_first()?;
        let ProgrammeEvent::Imported { programme } = &first.event else {
            return None;
        };
        let mut state = ProgrammeState {
            programme: programme.clone(),
            members: Vec::new(),
            rounds: Vec::new(),
            progress: BTreeMap::new(),
            budget: Vec::new(),
            seq: first.seq,
        };
        for e in rest {
            state.apply(e);
        }
        Some(state)
    }

    fn apply(&mut self, e: &Recorded) {
        self.seq = e.seq;
        match &e.event {
            // A second import replaces the definition; progress stays with the action keys.
            ProgrammeEvent::Imported { programme } => self.programme = programme.clone(),
            ProgrammeEvent::MemberLinked {
                group,
                user_id,
                name,
                trekker,
            } => {
                self.members
                    .retain(|m| !(m.group == *group && m.user_id == *user_id));
                self.members.push(Member {
                    group: group.clone(),
                    user_id: user_id.clone(),
                    name: name.clone(),
                    trekker: *trekker,
                });
            }
            ProgrammeEvent::MemberUnlinked { group, user_id } => self
                .members
                .retain(|m| !(m.group == *group && m.user_id == *user_id)),
            ProgrammeEvent::RoundOpened {
                number,
                half_year,
                due,
            } => self.rounds.push(Round {
                number: *number,
                half_year: *half_year,
                due: *due,
                opened_at: e.at,
                opened_by: e.by.name.clone(),
                closed_at: None,
            }),
            ProgrammeEvent::RoundClosed { number } => {
                if let Some(r) = self.rounds.iter_mut().find(|r| r.number == *number) {
                    r.closed_at = Some(e.at);
                }
            }
            ProgrammeEvent::ActionUpdated {
                action,
                status,
                note,
            } => {
                let round = self.open_round().map(|r| r.number);
                let after_round = self.rounds.last().map_or(0, |r| r.number);
                let p = self.progress.entry(action.clone()).or_default();
                p.status = *status;
                p.notes.push(Note {
                    at: e.at,
                    by: e.by.name.clone(),
                    status: *status,
                    text: note.clone(),
                    round,
                    after_round,
                });
            }
            ProgrammeEvent::BudgetLineAdded {
                action,
                source,
                year,
                amount_cents,
            } => self.budget.push(BudgetLine {
                action: action.clone(),
                source: source.clone(),
                year: *year,
                amount_cents: *amount_cents,
            }),
        }
    }

    pub fn open_round(&self) -> Option<&Round> {
        self.rounds.iter().rev().find(|r| r.is_open())
    }

    /// The last round that was closed.
    pub fn last_closed_round(&self) -> Option<&Round> {
        self.rounds.iter().rev().find(|r| !r.is_open())
    }

    pub fn progress_of(&self, key: &str) -> ActionProgress {
        self.progress.get(key).cloned().unwrap_or_default()
    }

    /// The owning working group's code of the action with `key`.
    pub fn owner_of(&self, key: &str) -> Option<&str> {
        self.programme
            .action(key)
            .and_then(|(_, theme, action)| action.owner(theme))
    }

    /// Whether `user_id` may update the action with `key`: the projectleider always; otherwise a
    /// trekker or member of the working group that owns it (issue 12: "trekkers edit only their own
    /// working group's actions").
    pub fn may_update(&self, user_id: &str, projectleider: bool, key: &str) -> bool {
        projectleider
            || self.owner_of(key).is_some_and(|group| {
                self.members
                    .iter()
                    .any(|m| m.group == group && m.user_id == user_id)
            })
    }

    /// The working groups `user_id` belongs to.
    pub fn groups_of(&self, user_id: &str) -> Vec<&str> {
        self.members
            .iter()
            .filter(|m| m.user_id == user_id)
            .map(|m| m.group.as_str())
            .collect()
    }

    /// The budget summed per source and year.
    pub fn budget_totals(&self) -> BTreeMap<(String, i32), i64> {
        let mut out = BTreeMap::new();
        for line in &self.budget {
            *out.entry((line.source.clone(), line.year)).or_insert(0) += line.amount_cents;
        }
        out
    }
}

mod decide;

pub use decide::ProgrammeCommand;

#[cfg(test)]
mod tests;
