//! What the projectleider reads from the programme's state: who has not responded to a round,
//! where to intervene, and the half-yearly progress appendix. The projectleider's task is "de
//! voortgang monitoren en interveniëren wanneer onvoldoende voortgang wordt geboekt" (regional
//! policy, "Projectleider"); the appendix is the one "met de voortgang van de actielijnen, die twee
//! keer per jaar wordt geactualiseerd" ("Monitoring en verantwoording").

use serde::Serialize;
use time::Date;

use super::progress::{Note, ProgrammeState, Round};
use super::{ActionStatus, Indicator, is_past_planned};

/// The answer of one working group to a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupResponse {
    pub group: String,
    pub name: String,
    pub trekkers: Vec<String>,
    /// The group's actions not finished when the round opened.
    pub open_actions: Vec<String>,
    /// Of those, the ones not updated in the round.
    pub missing: Vec<String>,
}

impl GroupResponse {
    pub fn responded(&self) -> bool {
        self.missing.is_empty()
    }
}

/// An action that fell behind in more than one round: the history the projectleider needs to see
/// that it is slipping, not just late once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlippingAction {
    pub key: String,
    /// The status at the end of every round so far, oldest first.
    pub statuses: Vec<(u32, ActionStatus)>,
}

/// Where the projectleider should look.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Signals {
    /// Not finished, and the planned period has ended.
    pub past_planned: Vec<String>,
    /// Actions no working group owns.
    pub without_owner: Vec<String>,
    /// Working groups that did not answer the last closed round, or the open one past its date.
    pub not_responded: Vec<(u32, GroupResponse)>,
    pub slipping: Vec<SlippingAction>,
}

impl Signals {
    pub fn count(&self) -> usize {
        self.past_planned.len()
            + self.without_owner.len()
            + self.not_responded.len()
            + self.slipping.len()
    }
}

/// An action fell behind in a round when it ended the round delayed, or past its planned period
/// without being finished.
fn behind_in(state: &ProgrammeState, key: &str, round: &Round) -> bool {
    let status = state.progress_of(key).status_after_round(round.number);
    let timing = state
        .programme
        .action(key)
        .and_then(|(_, _, a)| a.timing.as_ref());
    let end = round.closed_at.map_or(round.due, |at| at.date());
    status == ActionStatus::Vertraagd || is_past_planned(timing, status, end)
}

impl ProgrammeState {
    /// Each working group's answer to round `number`.
    pub fn responses(&self, number: u32) -> Vec<GroupResponse> {
        let keys: Vec<String> = self.programme.keyed_actions().map(|(k, ..)| k).collect();
        self.programme
            .working_groups
            .iter()
            .map(|group| {
                let open_actions: Vec<String> = keys
                    .iter()
                    .filter(|k| self.owner_of(k) == Some(group.code.as_str()))
                    .filter(|k| {
                        !self
                            .progress_of(k)
                            .status_after_round(number.saturating_sub(1))
                            .is_finished()
                    })
                    .cloned()
                    .collect();
                let missing = open_actions
                    .iter()
                    .filter(|k| !self.progress_of(k).updated_in(number))
                    .cloned()
                    .collect();
                GroupResponse {
                    group: group.code.clone(),
                    name: group.name.clone(),
                    trekkers: self
                        .members
                        .iter()
                        .filter(|m| m.group == group.code && m.trekker)
                        .map(|m| m.name.clone())
                        .collect(),
                    open_actions,
                    missing,
                }
            })
            .collect()
    }

    /// The signals on `today`.
    pub fn signals(&self, today: Date) -> Signals {
        let mut out = Signals::default();
        for (key, _, theme, action) in self.programme.keyed_actions() {
            let status = self.progress_of(&key).status;
            if is_past_planned(action.timing.as_ref(), status, today) {
                out.past_planned.push(key.clone());
            }
            if action.owner(theme).is_none() && !status.is_finished() {
                out.without_owner.push(key.clone());
            }
            let closed: Vec<&Round> = self.rounds.iter().filter(|r| !r.is_open()).collect();
            let behind = closed.iter().filter(|r| behind_in(self, &key, r)).count();
            if !status.is_finished() && behind >= 2 {
                out.slipping.push(SlippingAction {
                    statuses: closed
                        .iter()
                        .map(|r| {
                            (
                                r.number,
                                self.progress_of(&key).status_after_round(r.number),
                            )
                        })
                        .collect(),
                    key,
                });
            }
        }
        let asked = self
            .open_round()
            .filter(|r| r.due < today)
            .into_iter()
            .chain(self.last_closed_round());
        for round in asked {
            out.not_responded.extend(
                self.responses(round.number)
                    .into_iter()
                    .filter(|g| !g.responded())
                    .map(|g| (round.number, g)),
            );
        }
        out
    }

    /// The progress appendix for round `number`: per action line every action with its status,
    /// the change since the previous round, the notes written for this round and the linked
    /// indicators. `None` for a round that does not exist.
    pub fn appendix(&self, number: u32, today: Date) -> Option<Appendix> {
        let round = self.rounds.iter().find(|r| r.number == number)?.clone();
        let previous = self
            .rounds
            .iter()
            .filter(|r| r.number < number)
            .map(|r| r.number)
            .max();
        let mut lines: Vec<AppendixLine> = self
            .programme
            .action_lines
            .iter()
            .map(|l| AppendixLine {
                number: l.number,
                name: l.name.clone(),
                rows: Vec::new(),
            })
            .collect();
        for (key, line, theme, action) in self.programme.keyed_actions() {
            let progress = self.progress_of(&key);
            let status = progress.status_after_round(number);
            let before = previous.map(|p| progress.status_after_round(p));
            let row = AppendixRow {
                what: theme.what.clone(),
                how: match &action.heading {
                    Some(h) => format!("{h} {}", action.how),
                    None => action.how.clone(),
                },
                timing: action.timing.as_ref().map(|t| t.text.clone()),
                owner: action
                    .owner(theme)
                    .and_then(|g| self.programme.group_name(g))
                    .map(str::to_string),
                status,
                changed: before.is_some_and(|b| b != status),
                previous_status: before,
                notes: progress
                    .notes
                    .iter()
                    .filter(|n| n.after_round == number)
                    .cloned()
                    .collect(),
                indicators: action.indicators.clone(),
                past_planned: is_past_planned(action.timing.as_ref(), status, today),
                key,
            };
            if let Some(l) = lines.iter_mut().find(|l| l.number == line.number) {
                l.rows.push(row);
            }
        }
        Some(Appendix {
            programme: self.programme.name.clone(),
            period: (self.programme.from_year, self.programme.to_year),
            round,
            previous,
            lines,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Appendix {
    pub programme: String,
    pub period: (i32, i32),
    pub round: Round,
    pub previous: Option<u32>,
    pub lines: Vec<AppendixLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppendixLine {
    pub number: u8,
    pub name: String,
    pub rows: Vec<AppendixRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppendixRow {
    pub key: String,
    pub what: String,
    pub how: String,
    pub timing: Option<String>,
    /// The owning working group's name.
    pub owner: Option<String>,
    pub status: ActionStatus,
    /// The status after the previous round, when there was one.
    pub previous_status: Option<ActionStatus>,
    pub changed: bool,
    /// The updates written in this round (and before the next one opened).
    pub notes: Vec<Note>,
    pub indicators: Vec<Indicator>,
    pub past_planned: bool,
}

impl Appendix {
    pub fn rows(&self) -> impl Iterator<Item = (&AppendixLine, &AppendixRow)> {
        self.lines
            .iter()
            .flat_map(|l| l.rows.iter().map(move |r| (l, r)))
    }
}
