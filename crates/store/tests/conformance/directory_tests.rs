//! The sociale kaart (issue 11 item 3) on every engine: a service comes back as written, every
//! write records who changed which fields, a stale writer is refused with nothing written, a
//! review moves the review date, and archived services leave the list.

use schakel_domain::directory::{ChangeKind, ServiceInput};
use schakel_store::StoreError;
use schakel_store::directory::{DirectoryWrite, Editor};
use time::macros::date;

use crate::conformance;

fn editor() -> Editor {
    Editor {
        user_id: "u-bea".into(),
        name: "Bea Beheer".into(),
    }
}

fn service(name: &str) -> schakel_domain::directory::Service {
    ServiceInput {
        name: name.into(),
        provider: "Traumacentrum Maasdal (fictief)".into(),
        description: "Traumabehandeling voor kinderen.".into(),
        target_groups: vec!["kinderen".into()],
        help_kinds: vec!["traumabehandeling".into()],
        gemeenten: vec!["Venlo".into()],
        languages: vec!["nl".into()],
        phone: "088-5550101".into(),
        referral: "Via de huisarts.".into(),
        ..Default::default()
    }
    .check(&["Venlo".to_string()])
    .unwrap()
}

conformance!(
    directory_services_keep_their_history_and_refuse_a_stale_writer,
    |db| {
        let store = &db.store;
        let now = time::OffsetDateTime::now_utc();
        let first = service("Kindertrauma Venlo");
        store
            .insert_directory_service("d-1", &first, date!(2025 - 01 - 15), now, &editor())
            .await
            .unwrap();
        store
            .insert_directory_service(
                "d-2",
                &service("Anders"),
                date!(2026 - 01 - 15),
                now,
                &editor(),
            )
            .await
            .unwrap();
        assert!(matches!(
            store
                .insert_directory_service("d-1", &first, date!(2025 - 01 - 15), now, &editor())
                .await,
            Err(StoreError::Duplicate { .. })
        ));
        let got = store.directory_service("d-1").await.unwrap().unwrap();
        assert_eq!(got.service, first);
        assert_eq!(got.last_reviewed, date!(2025 - 01 - 15));
        assert_eq!((got.version, got.archived), (1, false));
        let names: Vec<String> = store
            .directory_services(false)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.service.name)
            .collect();
        assert_eq!(names, ["Anders", "Kindertrauma Venlo"]);

        // An edit with its changes.
        let mut edited = first.clone();
        edited.contact.phone = Some("088-5550199".into());
        let changes = edited.changes_from(&first);
        let write = DirectoryWrite {
            id: "d-1",
            expected_version: 1,
            kind: ChangeKind::Updated,
            service: Some(&edited),
            changes: &changes,
            reviewed_on: None,
            archive: false,
            at: now,
            by: &editor(),
        };
        assert_eq!(store.write_directory_service(&write).await.unwrap(), 2);
        // The same writer again saw version 1: refused, nothing written.
        let stale = store.write_directory_service(&write).await;
        assert!(
            matches!(
                stale,
                Err(StoreError::DirectoryChanged {
                    expected: 1,
                    actual: 2
                })
            ),
            "{stale:?}"
        );
        // A review moves only the review date.
        let review = DirectoryWrite {
            expected_version: 2,
            kind: ChangeKind::Reviewed,
            service: None,
            changes: &[],
            reviewed_on: Some(date!(2026 - 11 - 29)),
            ..write.clone()
        };
        assert_eq!(store.write_directory_service(&review).await.unwrap(), 3);
        let got = store.directory_service("d-1").await.unwrap().unwrap();
        assert_eq!(got.service, edited);
        assert_eq!(got.last_reviewed, date!(2026 - 11 - 29));
        assert_eq!(got.reviewed_by, "Bea Beheer");
        let history = store.directory_changes("d-1").await.unwrap();
        assert_eq!(
            history.iter().map(|c| c.kind).collect::<Vec<_>>(),
            [
                ChangeKind::Reviewed,
                ChangeKind::Updated,
                ChangeKind::Created
            ]
        );
        assert_eq!(history[1].changes, changes);
        assert_eq!(history[1].by, editor());

        // Archived: gone from the list, still readable with its history.
        let archive = DirectoryWrite {
            expected_version: 3,
            kind: ChangeKind::Archived,
            reviewed_on: None,
            archive: true,
            ..review.clone()
        };
        store.write_directory_service(&archive).await.unwrap();
        assert_eq!(store.directory_services(false).await.unwrap().len(), 1);
        assert_eq!(store.directory_services(true).await.unwrap().len(), 2);
        assert!(
            store
                .directory_service("d-1")
                .await
                .unwrap()
                .unwrap()
                .archived
        );
        let missing = DirectoryWrite {
            id: "bestaat-niet",
            ..archive.clone()
        };
        assert!(matches!(
            store.write_directory_service(&missing).await,
            Err(StoreError::NotFound(_))
        ));
    }
);
