//! Meldcode dossiers (issue 11) on every engine: the log in order after the place the writer saw,
//! a melding written together with what waits at Veilig Thuis (or neither), the waiting list, a
//! request registered once, and a changed event found by `verify`.

use schakel_domain::meldcode::{MeldcodeDossier, MeldcodeEvent, Professional};
use schakel_store::StoreError;
use schakel_store::meldcode::{DossierHeadline, DossierWrite, NewRequest};
use schakel_store::verify::BrokenLink;

use crate::conformance;

const ID: &str = "dossier-1";

fn by() -> Professional {
    Professional {
        user_id: "u-school".into(),
        name: "Juf Verzonnen".into(),
    }
}

fn headline(phase: &str, reader: Option<&str>) -> DossierHeadline {
    DossierHeadline {
        owner_org: "school-1".into(),
        reader_org: reader.map(str::to_string),
        client_name: "Mila Verzonnen".into(),
        phase: phase.into(),
    }
}

fn request(id: &str) -> NewRequest {
    NewRequest {
        id: id.into(),
        vt_org: "vt-1".into(),
        kind: "melding".into(),
        fields: r#"[["soort","melding"]]"#.into(),
        summary: "Zorg: blauwe plekken".into(),
        sender_org: "school-1".into(),
    }
}

/// Opens the dossier and records its signals: two events.
async fn opened(store: &schakel_store::Store) -> time::OffsetDateTime {
    let now = time::OffsetDateTime::now_utc();
    let open =
        MeldcodeDossier::open("school-1", "Mila Verzonnen", "", "Zorgen", now.date()).unwrap();
    store
        .append_meldcode_event(
            ID,
            0,
            &DossierWrite {
                event: &open,
                at: now,
                by: &by(),
                headline: &headline("step_1", None),
                request: None,
            },
        )
        .await
        .unwrap();
    let signals = MeldcodeEvent::NoSuspicion {
        reason: "Uitleg klopt".into(),
    };
    store
        .append_meldcode_event(
            ID,
            1,
            &DossierWrite {
                event: &signals,
                at: now,
                by: &by(),
                headline: &headline("closed", None),
                request: None,
            },
        )
        .await
        .unwrap();
    now
}

conformance!(
    a_dossier_log_folds_back_and_a_stale_writer_sends_nothing,
    |db| {
        let now = opened(&db.store).await;
        let events = db.store.meldcode_events(ID).await.unwrap();
        assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(events[0].by, by());
        let dossier = MeldcodeDossier::fold(&events).unwrap();
        assert!(dossier.is_closed());
        // Closed dossiers leave the open list and stay in the whole one.
        assert!(
            db.store
                .meldcode_dossiers_of("school-1", false)
                .await
                .unwrap()
                .is_empty()
        );
        let all = db
            .store
            .meldcode_dossiers_of("school-1", true)
            .await
            .unwrap();
        assert_eq!((all.len(), all[0].phase.as_str()), (1, "closed"));
        assert!(
            db.store
                .meldcode_dossiers_of("other", true)
                .await
                .unwrap()
                .is_empty()
        );

        // A writer that saw event 1 is refused, and its request is not written either.
        let made = MeldcodeEvent::MeldingMade {
            vt_org: "vt-1".into(),
            case_id: None,
        };
        let stale = db
            .store
            .append_meldcode_event(
                ID,
                1,
                &DossierWrite {
                    event: &made,
                    at: now,
                    by: &by(),
                    headline: &headline("reported", Some("vt-1")),
                    request: Some(&request("r-1")),
                },
            )
            .await;
        assert!(
            matches!(
                stale,
                Err(StoreError::DossierChanged {
                    expected: 1,
                    actual: 2
                })
            ),
            "{stale:?}"
        );
        assert_eq!(db.store.meldcode_events(ID).await.unwrap().len(), 2);
        assert!(db.store.meldcode_request("r-1").await.unwrap().is_none());
        // Only an opening starts a dossier.
        let missing = db
            .store
            .append_meldcode_event(
                "other",
                0,
                &DossierWrite {
                    event: &made,
                    at: now,
                    by: &by(),
                    headline: &headline("reported", None),
                    request: None,
                },
            )
            .await;
        assert!(
            matches!(missing, Err(StoreError::NotFound(_))),
            "{missing:?}"
        );
    }
);

conformance!(
    a_melding_waits_at_veilig_thuis_until_registered_once,
    |db| {
        let now = opened(&db.store).await;
        let made = MeldcodeEvent::MeldingMade {
            vt_org: "vt-1".into(),
            case_id: None,
        };
        db.store
            .append_meldcode_event(
                ID,
                2,
                &DossierWrite {
                    event: &made,
                    at: now,
                    by: &by(),
                    headline: &headline("reported", Some("vt-1")),
                    request: Some(&request("r-1")),
                },
            )
            .await
            .unwrap();
        let waiting = db.store.meldcode_requests_waiting("vt-1").await.unwrap();
        assert_eq!(waiting.len(), 1);
        assert_eq!(waiting[0].dossier_id, ID);
        assert_eq!(waiting[0].sent_by, by());
        assert!(
            db.store
                .meldcode_requests_waiting("vt-2")
                .await
                .unwrap()
                .is_empty()
        );

        db.store
            .mark_meldcode_request_registered("r-1", "casus-9", now)
            .await
            .unwrap();
        assert!(
            db.store
                .meldcode_requests_waiting("vt-1")
                .await
                .unwrap()
                .is_empty()
        );
        let again = db
            .store
            .mark_meldcode_request_registered("r-1", "casus-10", now)
            .await;
        assert!(
            matches!(again, Err(StoreError::Duplicate { .. })),
            "{again:?}"
        );
        let sent = db.store.meldcode_requests_of(ID).await.unwrap();
        assert_eq!(
            sent[0].case_id.as_deref(),
            Some("casus-9"),
            "the first registration stays"
        );

        let report = db.store.verify().await.unwrap();
        assert_eq!(report.meldcode_dossiers, 1);
        assert!(report.broken.is_none(), "{:?}", report.broken);
    }
);

conformance!(a_changed_dossier_event_is_found_by_verify, |db| {
    opened(&db.store).await;
    db.exec("UPDATE meldcode_events SET payload = REPLACE(payload, 'klopt', 'klopt niet') WHERE seq = 2")
        .await;
    let broken = db.store.verify().await.unwrap().broken;
    assert!(
        matches!(&broken, Some(BrokenLink::Meldcode { problem }) if problem.contains("gebeurtenis 2")),
        "{broken:?}"
    );
});
