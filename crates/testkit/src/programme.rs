//! A small action programme for tests: two working groups, four actions (1.1.1 and 1.1.2 owned by
//! "ouderen" through their theme, 1.1.3 by "migranten", 1.2.1 by nobody), imported through the use
//! case.

use schakel_domain::programme::{
    ActionLine, Author, Body, BodyKind, Indicator, PlannedAction, PlannedTiming, Programme, Theme,
    WorkingGroup,
};
use schakel_store::Store;

/// The id tests import it under.
pub const ID: &str = "proef";

fn action(how: &str, when: &str, group: Option<&str>) -> PlannedAction {
    PlannedAction {
        how: how.into(),
        heading: None,
        timing: Some(PlannedTiming::parse(when)),
        working_group: group.map(str::to_string),
        indicators: vec![Indicator::Meldingen],
    }
}

pub fn small() -> Programme {
    let group = |code: &str, name: &str| WorkingGroup {
        code: code.into(),
        name: name.into(),
        trekkers: vec![],
    };
    Programme {
        name: "Proefprogramma".into(),
        from_year: 2026,
        to_year: 2027,
        client: "Bestuurscommissie".into(),
        bodies: vec![Body {
            name: "Bestuurscommissie".into(),
            kind: BodyKind::Bestuurscommissie,
            members: vec!["Wethouders".into()],
        }],
        working_groups: vec![group("ouderen", "Ouderen"), group("migranten", "Migranten")],
        action_lines: vec![ActionLine {
            number: 1,
            name: "Eerder en beter in beeld".into(),
            themes: vec![
                Theme {
                    what: "Ouderenmishandeling bespreekbaar".into(),
                    working_group: Some("ouderen".into()),
                    actions: vec![
                        action("Plan van aanpak opstellen", "2026", None),
                        action("Training voor wijkteams", "2027", None),
                        action("Folder in het Pools", "Dec. '26", Some("migranten")),
                    ],
                },
                Theme {
                    what: "Onderzoek".into(),
                    working_group: None,
                    actions: vec![action("Onderzoek naar bereik", "doorlopend", None)],
                },
            ],
        }],
    }
}

/// Imports [`small`] as [`ID`].
pub async fn import(store: &Store) {
    let by = Author {
        user_id: "system".into(),
        name: "Test".into(),
    };
    schakel_app::programme::import(store, ID, small(), &by, time::OffsetDateTime::now_utc())
        .await
        .unwrap();
}

/// Writes a round held in the half year before `now` (opened, 1.1.1 updated, closed), as the
/// projectleider would have, so an appendix exists and this half year's round can still be opened.
pub async fn held_round(store: &Store, now: time::OffsetDateTime) {
    use schakel_domain::programme::{ActionStatus, HalfYear, ProgrammeCommand};
    let (start, _) = HalfYear::of(now.date()).previous().period();
    let by = Author {
        user_id: "system".into(),
        name: "Projectleider".into(),
    };
    let day = |n: i64| (start + time::Duration::days(n)).midnight().assume_utc();
    let steps = [
        (
            day(10),
            ProgrammeCommand::OpenRound {
                due: start + time::Duration::days(30),
            },
        ),
        (
            day(12),
            ProgrammeCommand::UpdateAction {
                action: "1.1.1".into(),
                status: ActionStatus::Loopt,
                note: "Plan in concept".into(),
            },
        ),
        (day(40), ProgrammeCommand::CloseRound),
    ];
    for (at, command) in steps {
        let state = schakel_app::programme::load(store, ID).await.unwrap();
        let event = state.decide(command, at.date()).unwrap();
        store
            .append_programme_event(ID, state.seq as i64, at, &by, &event)
            .await
            .unwrap();
    }
}
