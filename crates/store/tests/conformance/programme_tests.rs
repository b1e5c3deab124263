//! The action programme's log (issue 12) on every engine: events in order after the sequence
//! number the writer saw, a stale writer refused with nothing written, the state folded back, and
//! a changed or removed event found by `verify`.

use schakel_domain::programme::{ActionStatus, Author, ProgrammeCommand, ProgrammeState};
use schakel_store::StoreError;
use schakel_store::verify::BrokenLink;
use schakel_testkit::programme::{ID, import};

use crate::conformance;

fn by() -> Author {
    Author {
        user_id: "u-1".into(),
        name: "Petra".into(),
    }
}

/// Decides `command` on the stored state and appends it after the state's sequence number.
async fn write(store: &schakel_store::Store, command: ProgrammeCommand) -> i64 {
    let now = time::OffsetDateTime::now_utc();
    let state = ProgrammeState::fold(&store.programme_events(ID).await.unwrap()).unwrap();
    let event = state.decide(command, now.date()).unwrap();
    store
        .append_programme_event(ID, state.seq as i64, now, &by(), &event)
        .await
        .unwrap()
}

fn update(key: &str, status: ActionStatus) -> ProgrammeCommand {
    ProgrammeCommand::UpdateAction {
        action: key.into(),
        status,
        note: format!("{key} {status:?}"),
    }
}

conformance!(
    the_programme_log_folds_back_and_refuses_a_stale_writer,
    |db| {
        import(&db.store).await;
        assert_eq!(
            write(&db.store, update("1.1.1", ActionStatus::Loopt)).await,
            2
        );
        assert_eq!(
            write(&db.store, update("1.1.1", ActionStatus::Afgerond)).await,
            3
        );
        let events = db.store.programme_events(ID).await.unwrap();
        assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(events[1].by, by());
        let state = ProgrammeState::fold(&events).unwrap();
        assert_eq!(state.progress_of("1.1.1").status, ActionStatus::Afgerond);
        assert_eq!(state.progress_of("1.1.1").notes.len(), 2);

        // A writer that saw seq 2 is refused; nothing is written.
        let event = state
            .decide(
                update("1.1.2", ActionStatus::Loopt),
                time::OffsetDateTime::now_utc().date(),
            )
            .unwrap();
        let stale = db
            .store
            .append_programme_event(ID, 2, time::OffsetDateTime::now_utc(), &by(), &event)
            .await;
        assert!(
            matches!(
                stale,
                Err(StoreError::ProgrammeChanged {
                    expected: 2,
                    actual: 3
                })
            ),
            "{stale:?}"
        );
        assert_eq!(db.store.programme_events(ID).await.unwrap().len(), 3);
        // Only an import can start a programme.
        let missing = db
            .store
            .append_programme_event("other", 0, time::OffsetDateTime::now_utc(), &by(), &event)
            .await;
        assert!(
            matches!(missing, Err(StoreError::NotFound(_))),
            "{missing:?}"
        );
        let heads = db.store.programmes().await.unwrap();
        assert_eq!((heads.len(), heads[0].seq), (1, 3));
        let report = db.store.verify().await.unwrap();
        assert_eq!(report.programmes, 1);
        assert!(report.broken.is_none());
    }
);

conformance!(
    a_changed_or_removed_programme_event_is_found_by_verify,
    |db| {
        import(&db.store).await;
        write(&db.store, update("1.1.1", ActionStatus::Loopt)).await;
        write(&db.store, update("1.1.2", ActionStatus::Loopt)).await;
        db.exec(
        "UPDATE programme_events SET payload = REPLACE(payload, 'loopt', 'afgerond') WHERE seq = 2",
    )
    .await;
        let broken = db.store.verify().await.unwrap().broken;
        assert!(
            matches!(&broken, Some(BrokenLink::Programme { problem }) if problem.contains("gebeurtenis 2")),
            "{broken:?}"
        );
    }
);

conformance!(a_removed_last_programme_event_is_found_by_verify, |db| {
    import(&db.store).await;
    write(&db.store, update("1.1.1", ActionStatus::Loopt)).await;
    db.exec("DELETE FROM programme_events WHERE seq = 2").await;
    let broken = db.store.verify().await.unwrap().broken;
    assert!(
        matches!(&broken, Some(BrokenLink::Programme { problem }) if problem.contains("kop")),
        "{broken:?}"
    );
});
