use time::macros::{date, datetime};

use super::*;
use crate::FieldError;
use crate::programme::{
    ActionLine, AppendixRow, Body, BodyKind, Indicator, PlannedAction, PlannedTiming, Theme,
    WorkingGroup,
};

fn action(how: &str, when: Option<&str>, group: Option<&str>) -> PlannedAction {
    PlannedAction {
        how: how.into(),
        heading: None,
        timing: when.map(PlannedTiming::parse),
        working_group: group.map(str::to_string),
        indicators: vec![Indicator::Meldingen],
    }
}

/// Two working groups; action 1.1.1 and 1.1.2 belong to "ouderen" (through the theme), 1.1.3 to
/// "migranten" (its own), 1.2.1 to nobody.
fn programme() -> Programme {
    Programme {
        name: "Proef".into(),
        from_year: 2026,
        to_year: 2027,
        client: "Bestuurscommissie".into(),
        bodies: vec![Body {
            name: "Bestuurscommissie".into(),
            kind: BodyKind::Bestuurscommissie,
            members: vec![],
        }],
        working_groups: vec![
            WorkingGroup {
                code: "ouderen".into(),
                name: "Ouderen".into(),
                trekkers: vec![],
            },
            WorkingGroup {
                code: "migranten".into(),
                name: "Migranten".into(),
                trekkers: vec![],
            },
        ],
        action_lines: vec![ActionLine {
            number: 1,
            name: "Eerder in beeld".into(),
            themes: vec![
                Theme {
                    what: "Ouderen".into(),
                    working_group: Some("ouderen".into()),
                    actions: vec![
                        action("Plan maken", Some("2026"), None),
                        action("Training", Some("2027"), None),
                        action("Folder", Some("Dec. '26"), Some("migranten")),
                    ],
                },
                Theme {
                    what: "Zonder eigenaar".into(),
                    working_group: None,
                    actions: vec![action("Onderzoek", Some("doorlopend"), None)],
                },
            ],
        }],
    }
}

struct Log {
    events: Vec<Recorded>,
}

impl Log {
    fn new() -> Log {
        let mut log = Log { events: Vec::new() };
        log.push(
            datetime!(2026-01-05 9:00 UTC),
            ProgrammeEvent::Imported {
                programme: programme(),
            },
        );
        log
    }

    fn push(&mut self, at: OffsetDateTime, event: ProgrammeEvent) {
        self.events.push(Recorded {
            seq: self.events.len() as u64 + 1,
            at,
            by: Author {
                user_id: "u-pl".into(),
                name: "Petra".into(),
            },
            event,
        });
    }

    fn state(&self) -> ProgrammeState {
        ProgrammeState::fold(&self.events).expect("starts with the import")
    }

    /// Decides `command` on `at` and writes its event.
    fn run(&mut self, at: OffsetDateTime, command: ProgrammeCommand) -> Result<(), FieldError> {
        let event = self.state().decide(command, at.date())?;
        self.push(at, event);
        Ok(())
    }

    fn update(&mut self, at: OffsetDateTime, key: &str, status: ActionStatus, note: &str) {
        self.run(
            at,
            ProgrammeCommand::UpdateAction {
                action: key.into(),
                status,
                note: note.into(),
            },
        )
        .expect("a valid update");
    }
}

#[test]
fn a_log_must_start_with_the_import() {
    let mut log = Log::new();
    log.events.remove(0);
    assert_eq!(ProgrammeState::fold(&log.events), None);
    assert!(Log::new().state().rounds.is_empty());
}

#[test]
fn keys_name_line_theme_and_action() {
    let keys: Vec<String> = programme().keyed_actions().map(|(k, ..)| k).collect();
    assert_eq!(keys, ["1.1.1", "1.1.2", "1.1.3", "1.2.1"]);
    let state = Log::new().state();
    assert_eq!(state.owner_of("1.1.1"), Some("ouderen"));
    assert_eq!(state.owner_of("1.1.3"), Some("migranten"));
    assert_eq!(state.owner_of("1.2.1"), None);
}

#[test]
fn one_round_at_a_time_and_one_per_half_year() {
    let mut log = Log::new();
    let open = |due| ProgrammeCommand::OpenRound { due };
    let past = log
        .run(datetime!(2026-06-01 9:00 UTC), open(date!(2026 - 06 - 01)))
        .unwrap_err();
    assert_eq!(past.field, "uiterlijk");
    log.run(datetime!(2026-06-01 9:00 UTC), open(date!(2026 - 06 - 20)))
        .unwrap();
    let twice = log
        .run(datetime!(2026-06-02 9:00 UTC), open(date!(2026 - 06 - 25)))
        .unwrap_err();
    assert_eq!(twice.message.key(), "error-programme-round-open");
    log.run(datetime!(2026-06-21 9:00 UTC), ProgrammeCommand::CloseRound)
        .unwrap();
    let same_half = log
        .run(datetime!(2026-06-22 9:00 UTC), open(date!(2026 - 06 - 29)))
        .unwrap_err();
    assert_eq!(same_half.message.key(), "error-programme-round-done");
    log.run(datetime!(2026-11-02 9:00 UTC), open(date!(2026 - 11 - 30)))
        .unwrap();
    let state = log.state();
    assert_eq!(state.rounds.len(), 2);
    assert_eq!(state.rounds[1].number, 2);
    assert_eq!(
        state.rounds[1].half_year,
        HalfYear {
            year: 2026,
            half: 2
        }
    );
    assert!(state.open_round().is_some_and(|r| r.number == 2));
    assert_eq!(
        log.run(datetime!(2026-11-03 9:00 UTC), ProgrammeCommand::CloseRound)
            .map(|_| ()),
        Ok(())
    );
    assert_eq!(
        log.run(datetime!(2026-11-04 9:00 UTC), ProgrammeCommand::CloseRound)
            .unwrap_err()
            .field,
        "ronde"
    );
}

#[test]
fn an_update_needs_a_known_action_and_a_reason_for_delay_or_dropping() {
    let mut log = Log::new();
    let at = datetime!(2026-03-01 9:00 UTC);
    let update = |key: &str, status, note: &str| ProgrammeCommand::UpdateAction {
        action: key.into(),
        status,
        note: note.into(),
    };
    assert_eq!(
        log.run(at, update("9.9.9", ActionStatus::Loopt, ""))
            .unwrap_err()
            .field,
        "actie"
    );
    for status in [ActionStatus::Vertraagd, ActionStatus::Vervallen] {
        let e = log.run(at, update("1.1.1", status, "  ")).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.message.key()),
            ("toelichting", "error-programme-note-needed")
        );
    }
    // Nothing new: the same status without a note.
    let e = log
        .run(at, update("1.1.1", ActionStatus::NietGestart, ""))
        .unwrap_err();
    assert_eq!(e.message.key(), "error-programme-nothing-changed");
    let long = "x".repeat(MAX_NOTE + 1);
    assert_eq!(
        log.run(at, update("1.1.1", ActionStatus::Loopt, &long))
            .unwrap_err()
            .field,
        "toelichting"
    );
    log.run(
        at,
        update("1.1.1", ActionStatus::Loopt, " Gestart met de werkgroep. "),
    )
    .unwrap();
    let p = log.state().progress_of("1.1.1");
    assert_eq!(p.status, ActionStatus::Loopt);
    assert_eq!(p.notes[0].text, "Gestart met de werkgroep.");
    assert_eq!((p.notes[0].round, p.notes[0].after_round), (None, 0));
}

#[test]
fn only_the_owning_groups_members_and_the_projectleider_may_update() {
    let mut log = Log::new();
    let at = datetime!(2026-02-01 9:00 UTC);
    let link = |group: &str, user: &str, trekker| ProgrammeCommand::LinkMember {
        group: group.into(),
        user_id: user.into(),
        name: user.to_uppercase(),
        trekker,
    };
    log.run(at, link("ouderen", "u-o", true)).unwrap();
    log.run(at, link("migranten", "u-m", false)).unwrap();
    let state = log.state();
    assert!(state.may_update("u-o", false, "1.1.1"));
    assert!(
        !state.may_update("u-o", false, "1.1.3"),
        "1.1.3 belongs to migranten"
    );
    assert!(state.may_update("u-m", false, "1.1.3"));
    assert!(!state.may_update("u-m", false, "1.1.1"));
    assert!(
        !state.may_update("u-o", false, "1.2.1"),
        "no owner: projectleider only"
    );
    assert!(state.may_update("u-pl", true, "1.2.1"));
    assert!(!state.may_update("u-x", false, "1.1.1"));
    assert_eq!(
        log.run(at, link("bestaat-niet", "u-o", false))
            .unwrap_err()
            .field,
        "werkgroep"
    );
    // At most two trekkers per group; relinking the same person does not count twice.
    log.run(at, link("ouderen", "u-o2", true)).unwrap();
    log.run(at, link("ouderen", "u-o", true)).unwrap();
    assert_eq!(
        log.run(at, link("ouderen", "u-o3", true))
            .unwrap_err()
            .field,
        "trekker"
    );
    log.run(
        at,
        ProgrammeCommand::UnlinkMember {
            group: "ouderen".into(),
            user_id: "u-o".into(),
        },
    )
    .unwrap();
    assert!(!log.state().may_update("u-o", false, "1.1.1"));
    let again = ProgrammeCommand::UnlinkMember {
        group: "ouderen".into(),
        user_id: "u-o".into(),
    };
    assert_eq!(log.run(at, again).unwrap_err().field, "lid");
}

/// Two rounds: in the first, "ouderen" updates one of its two actions and "migranten" nothing; in
/// the second, 1.1.1 is finished before the round and so no longer asked for.
fn two_rounds() -> Log {
    let mut log = Log::new();
    log.run(
        datetime!(2026-05-01 9:00 UTC),
        ProgrammeCommand::OpenRound {
            due: date!(2026 - 05 - 31),
        },
    )
    .unwrap();
    log.update(
        datetime!(2026-05-10 9:00 UTC),
        "1.1.1",
        ActionStatus::Loopt,
        "Plan in concept.",
    );
    log.update(
        datetime!(2026-05-11 9:00 UTC),
        "1.2.1",
        ActionStatus::Vertraagd,
        "Geen onderzoeker.",
    );
    log.run(datetime!(2026-06-01 9:00 UTC), ProgrammeCommand::CloseRound)
        .unwrap();
    log.update(
        datetime!(2026-09-01 9:00 UTC),
        "1.1.1",
        ActionStatus::Afgerond,
        "Plan vastgesteld.",
    );
    log.run(
        datetime!(2027-01-04 9:00 UTC),
        ProgrammeCommand::OpenRound {
            due: date!(2027 - 01 - 29),
        },
    )
    .unwrap();
    log.update(
        datetime!(2027-01-10 9:00 UTC),
        "1.1.2",
        ActionStatus::Loopt,
        "Eerste training.",
    );
    log.update(
        datetime!(2027-01-11 9:00 UTC),
        "1.2.1",
        ActionStatus::Vertraagd,
        "Nog steeds niet.",
    );
    log.run(datetime!(2027-02-01 9:00 UTC), ProgrammeCommand::CloseRound)
        .unwrap();
    log
}

#[test]
fn responses_list_what_each_group_did_not_update() {
    let state = two_rounds().state();
    let first = state.responses(1);
    assert_eq!(first[0].group, "ouderen");
    assert_eq!(first[0].open_actions, ["1.1.1", "1.1.2"]);
    assert_eq!(first[0].missing, ["1.1.2"]);
    assert!(!first[0].responded());
    assert_eq!(first[1].missing, ["1.1.3"]);
    let second = state.responses(2);
    assert_eq!(
        second[0].open_actions,
        ["1.1.2"],
        "1.1.1 was finished before round 2"
    );
    assert!(second[0].responded());
}

#[test]
fn history_per_round_and_signals() {
    let state = two_rounds().state();
    let p = state.progress_of("1.1.1");
    assert_eq!(p.status_after_round(0), ActionStatus::NietGestart);
    assert_eq!(
        p.status_after_round(1),
        ActionStatus::Afgerond,
        "written before round 2 opened"
    );
    let signals = state.signals(date!(2027 - 02 - 02));
    // 1.1.3 (Dec. '26) is past its period and never started; 1.1.2 (2027) is not yet.
    assert_eq!(signals.past_planned, ["1.1.3"]);
    assert_eq!(signals.without_owner, ["1.2.1"]);
    assert_eq!(signals.slipping.len(), 1);
    assert_eq!(signals.slipping[0].key, "1.2.1");
    assert_eq!(
        signals.slipping[0].statuses,
        [(1, ActionStatus::Vertraagd), (2, ActionStatus::Vertraagd)]
    );
    // The last closed round is round 2: migranten did not answer for 1.1.3.
    assert_eq!(signals.not_responded.len(), 1);
    assert_eq!(signals.not_responded[0].0, 2);
    assert_eq!(signals.not_responded[0].1.group, "migranten");
}

#[test]
fn the_appendix_shows_status_change_and_this_rounds_notes() {
    let state = two_rounds().state();
    let appendix = state
        .appendix(2, date!(2027 - 02 - 02))
        .expect("round 2 exists");
    assert_eq!(appendix.previous, Some(1));
    let rows: Vec<&AppendixRow> = appendix.rows().map(|(_, r)| r).collect();
    assert_eq!(rows.len(), 4);
    let training = rows.iter().find(|r| r.key == "1.1.2").unwrap();
    assert_eq!(training.status, ActionStatus::Loopt);
    assert_eq!(training.previous_status, Some(ActionStatus::NietGestart));
    assert!(training.changed);
    assert_eq!(training.notes.len(), 1);
    assert_eq!(training.owner.as_deref(), Some("Ouderen"));
    let research = rows.iter().find(|r| r.key == "1.2.1").unwrap();
    assert!(!research.changed);
    assert_eq!(research.notes[0].text, "Nog steeds niet.");
    let plan = rows.iter().find(|r| r.key == "1.1.1").unwrap();
    assert_eq!(plan.status, ActionStatus::Afgerond);
    assert!(
        plan.notes.is_empty(),
        "its note belongs to round 1's period"
    );
    assert_eq!(
        state.appendix(1, date!(2027 - 02 - 02)).unwrap().previous,
        None
    );
    assert!(state.appendix(3, date!(2027 - 02 - 02)).is_none());
}

#[test]
fn budget_lines_are_checked_and_summed_per_source_and_year() {
    let mut log = Log::new();
    let at = datetime!(2026-03-01 9:00 UTC);
    let line = |action: &str, source: &str, year, amount_cents| ProgrammeCommand::AddBudgetLine {
        action: action.into(),
        source: source.into(),
        year,
        amount_cents,
    };
    assert_eq!(
        log.run(at, line("1.1.1", " ", 2026, 100))
            .unwrap_err()
            .field,
        "bron"
    );
    assert_eq!(
        log.run(at, line("1.1.1", "DUVO", 2030, 100))
            .unwrap_err()
            .field,
        "jaar"
    );
    assert_eq!(
        log.run(at, line("1.1.1", "DUVO", 2026, 0))
            .unwrap_err()
            .field,
        "bedrag"
    );
    assert_eq!(
        log.run(at, line("7.1.1", "DUVO", 2026, 10))
            .unwrap_err()
            .field,
        "actie"
    );
    log.run(at, line("1.1.1", "DUVO", 2026, 100_000)).unwrap();
    log.run(at, line("1.1.2", "DUVO", 2026, 25_050)).unwrap();
    log.run(at, line("1.1.2", "Projectbudget", 2027, 500_000))
        .unwrap();
    let totals = log.state().budget_totals();
    assert_eq!(totals.get(&("DUVO".to_string(), 2026)), Some(&125_050));
    assert_eq!(
        totals.get(&("Projectbudget".to_string(), 2027)),
        Some(&500_000)
    );
    assert_eq!(totals.len(), 2);
}

#[test]
fn events_survive_the_stored_json() {
    for event in two_rounds().events.iter().map(|r| r.event.clone()) {
        let json = serde_json::to_string(&event).unwrap();
        assert_eq!(
            serde_json::from_str::<ProgrammeEvent>(&json).unwrap(),
            event
        );
    }
}

#[test]
fn half_years_and_their_periods() {
    let h = HalfYear::of(date!(2026 - 11 - 29));
    assert_eq!(
        h,
        HalfYear {
            year: 2026,
            half: 2
        }
    );
    assert_eq!(h.period(), (date!(2026 - 07 - 01), date!(2027 - 01 - 01)));
    assert_eq!(
        h.previous().period(),
        (date!(2026 - 01 - 01), date!(2026 - 07 - 01))
    );
    assert_eq!(
        h.previous().previous(),
        HalfYear {
            year: 2025,
            half: 2
        }
    );
    assert_eq!(h.label(), "2e helft 2026");
}
