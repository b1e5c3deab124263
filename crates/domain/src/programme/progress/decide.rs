//! Deciding a command on the programme's state: the event to write, or what is wrong with it,
//! naming the form's field.

use time::Date;

use super::{HalfYear, MAX_NOTE, MAX_SOURCE, ProgrammeEvent, ProgrammeState};
use crate::programme::ActionStatus;
use crate::{FieldError, msg, msg_args};

impl ProgrammeState {
    /// Decides a command: the event to write, or what is wrong, naming the form's field.
    pub fn decide(
        &self,
        command: ProgrammeCommand,
        today: Date,
    ) -> Result<ProgrammeEvent, FieldError> {
        match command {
            ProgrammeCommand::OpenRound { due } => {
                if let Some(open) = self.open_round() {
                    return Err(FieldError::new(
                        "uiterlijk",
                        msg_args(
                            "error-programme-round-open",
                            [("ronde", open.half_year.label())],
                        ),
                    ));
                }
                let half_year = HalfYear::of(today);
                // Twice a year: one round per half year ("Monitoring en verantwoording").
                if self.rounds.iter().any(|r| r.half_year == half_year) {
                    return Err(FieldError::new(
                        "uiterlijk",
                        msg_args("error-programme-round-done", [("ronde", half_year.label())]),
                    ));
                }
                if due <= today {
                    return Err(FieldError::new(
                        "uiterlijk",
                        msg("error-programme-due-past"),
                    ));
                }
                Ok(ProgrammeEvent::RoundOpened {
                    number: self.rounds.last().map_or(1, |r| r.number + 1),
                    half_year,
                    due,
                })
            }
            ProgrammeCommand::CloseRound => match self.open_round() {
                Some(r) => Ok(ProgrammeEvent::RoundClosed { number: r.number }),
                None => Err(FieldError::new(
                    "ronde",
                    msg("error-programme-no-open-round"),
                )),
            },
            ProgrammeCommand::UpdateAction {
                action,
                status,
                note,
            } => {
                if self.programme.action(&action).is_none() {
                    return Err(FieldError::new(
                        "actie",
                        msg("error-programme-action-unknown"),
                    ));
                }
                let note = note.trim().to_string();
                if note.chars().count() > MAX_NOTE {
                    return Err(too_long("toelichting", MAX_NOTE));
                }
                // A delay or a dropped action is explained to the Bestuurscommissie; Schakel's
                // choice [NC] is to ask for the explanation when the status is set.
                if note.is_empty()
                    && matches!(status, ActionStatus::Vertraagd | ActionStatus::Vervallen)
                {
                    return Err(FieldError::new(
                        "toelichting",
                        msg("error-programme-note-needed"),
                    ));
                }
                if note.is_empty() && self.progress_of(&action).status == status {
                    return Err(FieldError::new(
                        "toelichting",
                        msg("error-programme-nothing-changed"),
                    ));
                }
                Ok(ProgrammeEvent::ActionUpdated {
                    action,
                    status,
                    note,
                })
            }
            ProgrammeCommand::LinkMember {
                group,
                user_id,
                name,
                trekker,
            } => {
                if self.programme.group_name(&group).is_none() {
                    return Err(FieldError::new(
                        "werkgroep",
                        msg_args("error-programme-group-unknown", [("code", group)]),
                    ));
                }
                // Regional policy, "Werkgroepen": "Iedere werkgroep heeft 1 of 2 trekkers".
                let trekkers = self
                    .members
                    .iter()
                    .filter(|m| m.group == group && m.trekker && m.user_id != user_id)
                    .count();
                if trekker && trekkers >= 2 {
                    return Err(FieldError::new(
                        "trekker",
                        msg("error-programme-two-trekkers"),
                    ));
                }
                Ok(ProgrammeEvent::MemberLinked {
                    group,
                    user_id,
                    name,
                    trekker,
                })
            }
            ProgrammeCommand::UnlinkMember { group, user_id } => {
                if !self
                    .members
                    .iter()
                    .any(|m| m.group == group && m.user_id == user_id)
                {
                    return Err(FieldError::new("lid", msg("error-programme-not-a-member")));
                }
                Ok(ProgrammeEvent::MemberUnlinked { group, user_id })
            }
            ProgrammeCommand::AddBudgetLine {
                action,
                source,
                year,
                amount_cents,
            } => {
                if self.programme.action(&action).is_none() {
                    return Err(FieldError::new(
                        "actie",
                        msg("error-programme-action-unknown"),
                    ));
                }
                let source = source.trim().to_string();
                if source.is_empty() {
                    return Err(FieldError::new("bron", msg("error-required")));
                }
                if source.chars().count() > MAX_SOURCE {
                    return Err(too_long("bron", MAX_SOURCE));
                }
                // A budget line belongs to the programme's period (or a year either side, for
                // preparation and aftercare) [NC].
                if year < self.programme.from_year - 1 || year > self.programme.to_year + 1 {
                    return Err(FieldError::new(
                        "jaar",
                        msg_args(
                            "error-programme-year-outside",
                            [
                                ("van", (self.programme.from_year - 1).to_string()),
                                ("tot", (self.programme.to_year + 1).to_string()),
                            ],
                        ),
                    ));
                }
                if amount_cents <= 0 {
                    return Err(FieldError::new(
                        "bedrag",
                        msg("error-programme-amount-positive"),
                    ));
                }
                Ok(ProgrammeEvent::BudgetLineAdded {
                    action,
                    source,
                    year,
                    amount_cents,
                })
            }
        }
    }
}

fn too_long(field: &str, max: usize) -> FieldError {
    FieldError::new(
        field,
        msg_args("error-text-too-long", [("max_chars", max.to_string())]),
    )
}

/// What a user asks of the programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgrammeCommand {
    OpenRound {
        due: Date,
    },
    CloseRound,
    UpdateAction {
        action: String,
        status: ActionStatus,
        note: String,
    },
    LinkMember {
        group: String,
        user_id: String,
        name: String,
        trekker: bool,
    },
    UnlinkMember {
        group: String,
        user_id: String,
    },
    AddBudgetLine {
        action: String,
        source: String,
        year: i32,
        amount_cents: i64,
    },
}
