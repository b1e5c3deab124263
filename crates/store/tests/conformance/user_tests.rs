use schakel_domain::org::{OrgKind, Role};
use schakel_store::StoreError;
use schakel_store::sessions::NewSession;
use schakel_store::users::NewUser;
use time::{Duration, OffsetDateTime};

use crate::conformance;
use crate::harness::seed_orgs;

conformance!(migrations_are_idempotent_and_recorded, |db| {
    assert!(
        db.store.migrate().await.unwrap().is_empty(),
        "second run applies nothing"
    );
    db.store.ping().await.unwrap();
});

conformance!(
    organisations_upsert_by_name_and_refuse_unknown_gemeenten,
    |db| {
        let (vt, _team) = seed_orgs(&db.store).await;
        let again = db
            .store
            .upsert_organisation("Veilig Thuis NML", OrgKind::VeiligThuis, &["Venlo".into()])
            .await
            .unwrap();
        assert_eq!(vt, again);
        let org = db.store.organisation(&vt).await.unwrap();
        assert_eq!(org.gemeenten, vec!["Venlo".to_string()]);
        assert_eq!(db.store.organisations().await.unwrap().len(), 2);
        let err = db
            .store
            .upsert_organisation("X", OrgKind::School, &["Atlantis".into()])
            .await
            .unwrap_err();
        assert!(
            matches!(err, StoreError::NotFound(ref m) if m.contains("Atlantis")),
            "{err:?}"
        );
        assert_eq!(
            db.store
                .gemeenten()
                .await
                .unwrap()
                .iter()
                .filter(|g| g.centrumgemeente)
                .count(),
            1
        );
    }
);

conformance!(users_are_unique_and_hold_roles_per_organisation, |db| {
    let (vt, team) = seed_orgs(&db.store).await;
    let new = NewUser {
        username: "a.jansen",
        display_name: "A. Jansen",
        password_hash: "h",
        is_demo: false,
    };
    let user = db.store.create_user(&new).await.unwrap();
    let err = db.store.create_user(&new).await.unwrap_err();
    assert!(matches!(err, StoreError::Duplicate { ref field } if field == "gebruikersnaam"));
    db.store
        .add_membership(&user.id, &vt, Role::Medewerker)
        .await
        .unwrap();
    db.store
        .add_membership(&user.id, &team, Role::Teamleider)
        .await
        .unwrap();
    db.store
        .add_membership(&user.id, &team, Role::Teamleider)
        .await
        .unwrap();
    let m = db.store.memberships(&user.id).await.unwrap();
    assert_eq!(m.len(), 2);
    assert!(
        m.iter()
            .any(|m| m.org_id == team && m.role == Role::Teamleider)
    );
    assert!(db.store.has_real_users().await.unwrap());
    assert!(
        format!("{user:?}").contains("a.jansen") && !format!("{user:?}").contains("password_hash")
    );
});

conformance!(sessions_rotate_and_end_with_disable_or_new_password, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    let user = db
        .store
        .create_user(&NewUser {
            username: "b.user",
            display_name: "B",
            password_hash: "h",
            is_demo: true,
        })
        .await
        .unwrap();
    let now = OffsetDateTime::now_utc();
    let mk = |id: &'static str| NewSession {
        id_hash: id,
        user_id: &user.id,
        membership: Some((&vt, Role::Medewerker)),
        second_factor: false,
        complete: false,
        csrf_token: "csrf",
        now,
        client_addr: "127.0.0.1",
    };
    db.store.create_session(&mk("s1"), None).await.unwrap();
    db.store
        .create_session(&mk("s2"), Some("s1"))
        .await
        .unwrap();
    assert!(
        db.store.session("s1").await.unwrap().is_none(),
        "rotation removes the old id"
    );
    let s2 = db.store.session("s2").await.unwrap().unwrap();
    assert_eq!(s2.membership, Some((vt.clone(), Role::Medewerker)));
    assert!(!s2.complete);
    db.store.set_password_hash(&user.id, "h2").await.unwrap();
    assert!(
        db.store.session("s2").await.unwrap().is_none(),
        "a new password ends sessions"
    );
    db.store.create_session(&mk("s3"), None).await.unwrap();
    db.store.set_disabled(&user.id, true).await.unwrap();
    assert!(
        db.store.session("s3").await.unwrap().is_none(),
        "disabling ends sessions"
    );
    db.store.create_session(&mk("s4"), None).await.unwrap();
    let purged = db
        .store
        .purge_sessions(now + Duration::seconds(1), now - Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(purged, 1);
});

conformance!(login_failures_count_until_a_success, |db| {
    let t0 = OffsetDateTime::now_utc() - Duration::minutes(5);
    for i in 0..3 {
        db.store
            .record_login_attempt(&["user:x", "addr:1"], t0 + Duration::seconds(i), false)
            .await
            .unwrap();
    }
    assert_eq!(
        db.store
            .recent_login_failures("user:x", t0 - Duration::minutes(1))
            .await
            .unwrap(),
        3
    );
    assert_eq!(
        db.store
            .recent_login_failures("user:x", t0 + Duration::seconds(2))
            .await
            .unwrap(),
        1
    );
    db.store
        .record_login_attempt(&["user:x"], t0 + Duration::seconds(10), true)
        .await
        .unwrap();
    assert_eq!(
        db.store
            .recent_login_failures("user:x", t0 - Duration::minutes(1))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        db.store
            .recent_login_failures("addr:1", t0 - Duration::minutes(1))
            .await
            .unwrap(),
        3
    );
});

conformance!(session_debug_output_hides_the_csrf_token, |db| {
    let (vt, _) = seed_orgs(&db.store).await;
    let user = db
        .store
        .create_user(&NewUser {
            username: "c.user",
            display_name: "C",
            password_hash: "h",
            is_demo: true,
        })
        .await
        .unwrap();
    let s = NewSession {
        id_hash: "0123456789abcdef",
        user_id: &user.id,
        membership: Some((&vt, Role::Medewerker)),
        second_factor: true,
        complete: true,
        csrf_token: "geheim-csrf-token",
        now: OffsetDateTime::now_utc(),
        client_addr: "127.0.0.1",
    };
    db.store.create_session(&s, None).await.unwrap();
    let shown = format!(
        "{:?}",
        db.store.session("0123456789abcdef").await.unwrap().unwrap()
    );
    assert!(
        !shown.contains("geheim-csrf-token") && !shown.contains("0123456789abcdef"),
        "{shown}"
    );
    assert!(shown.contains("01234567"));
});

conformance!(
    a_user_and_their_first_role_are_written_together_or_not_at_all,
    |db| {
        let (vt, _) = seed_orgs(&db.store).await;
        let new = NewUser {
            username: "d.user",
            display_name: "D",
            password_hash: "h",
            is_demo: false,
        };
        let user = db
            .store
            .create_user_with_membership(&new, &vt, Role::Teamleider)
            .await
            .unwrap();
        assert_eq!(
            db.store.memberships(&user.id).await.unwrap()[0].role,
            Role::Teamleider
        );
        let err = db
            .store
            .create_user_with_membership(&new, &vt, Role::Medewerker)
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Duplicate { ref field } if field == "gebruikersnaam"));
        let other = NewUser {
            username: "e.user",
            display_name: "E",
            password_hash: "h",
            is_demo: false,
        };
        assert!(
            db.store
                .create_user_with_membership(&other, "no-such-org", Role::Medewerker)
                .await
                .is_err()
        );
        assert!(
            db.store.user_by_username("e.user").await.unwrap().is_none(),
            "no account without its role"
        );
    }
);

// Issue 8 finding 8: a TOTP step is claimed once, atomically, and recovery codes work once.
conformance!(
    totp_steps_are_claimed_once_and_recovery_codes_used_once,
    |db| {
        let (vt, _team) = seed_orgs(&db.store).await;
        let new = NewUser {
            username: "t.otp",
            display_name: "T. Otp",
            password_hash: "h",
            is_demo: false,
        };
        let u = db
            .store
            .create_user_with_membership(&new, &vt, Role::Medewerker)
            .await
            .unwrap();
        assert!(db.store.claim_totp_step(&u.id, 100).await.unwrap());
        assert!(
            !db.store.claim_totp_step(&u.id, 100).await.unwrap(),
            "the same step again"
        );
        assert!(
            !db.store.claim_totp_step(&u.id, 99).await.unwrap(),
            "an earlier step"
        );
        assert!(db.store.claim_totp_step(&u.id, 101).await.unwrap());
        let hashes = vec!["h1".to_string(), "h2".to_string()];
        db.store
            .replace_recovery_codes(&u.id, &hashes)
            .await
            .unwrap();
        assert!(db.store.use_recovery_code(&u.id, "h1").await.unwrap());
        assert!(
            !db.store.use_recovery_code(&u.id, "h1").await.unwrap(),
            "used once"
        );
        assert!(!db.store.use_recovery_code(&u.id, "h3").await.unwrap());
        assert_eq!(db.store.recovery_codes_left(&u.id).await.unwrap(), 1);
    }
);

// Issue 8 finding 1: a role request becomes a membership only when decided as approved, once.
conformance!(role_requests_become_memberships_only_when_approved, |db| {
    let (vt, _team) = seed_orgs(&db.store).await;
    let admin = NewUser {
        username: "b.eheer",
        display_name: "B. Eheer",
        password_hash: "h",
        is_demo: false,
    };
    let admin = db
        .store
        .create_user_with_membership(&admin, &vt, Role::Beheerder)
        .await
        .unwrap();
    let expires = OffsetDateTime::now_utc() + Duration::days(7);
    let (user_id, request) = db
        .store
        .create_pending_user(
            "n.ieuw",
            "N. Ieuw",
            &vt,
            Role::PrivacyOfficer,
            &admin.id,
            "code-hash",
            expires,
        )
        .await
        .unwrap();
    assert!(db.store.memberships(&user_id).await.unwrap().is_empty());
    let pending = db.store.pending_role_requests(&vt).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(
        (pending[0].role, pending[0].requested_by.as_str()),
        (Role::PrivacyOfficer, admin.id.as_str())
    );
    // Activation: once, and only while valid.
    let now = OffsetDateTime::now_utc();
    assert_eq!(
        db.store
            .user_id_by_activation("code-hash", now)
            .await
            .unwrap(),
        Some(user_id.clone())
    );
    assert_eq!(
        db.store
            .user_id_by_activation("code-hash", expires + Duration::seconds(1))
            .await
            .unwrap(),
        None
    );
    db.store
        .activate(&user_id, "code-hash", "new-hash")
        .await
        .unwrap();
    assert_eq!(
        db.store
            .user_id_by_activation("code-hash", now)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        db.store.user_by_id(&user_id).await.unwrap().password_hash,
        "new-hash"
    );
    // Approved once: the membership appears; a second decision finds nothing pending.
    db.store
        .decide_role_request(&request, &admin.id, true)
        .await
        .unwrap();
    let roles = db.store.memberships(&user_id).await.unwrap();
    assert_eq!(roles.len(), 1);
    assert_eq!(roles[0].role, Role::PrivacyOfficer);
    assert!(matches!(
        db.store
            .decide_role_request(&request, &admin.id, false)
            .await,
        Err(StoreError::NotFound(_))
    ));
    // A refused request adds nothing.
    let other = db
        .store
        .request_role(&user_id, &vt, Role::Beheerder, &admin.id)
        .await
        .unwrap();
    assert_eq!(
        db.store
            .request_role(&user_id, &vt, Role::Beheerder, &admin.id)
            .await
            .unwrap(),
        other,
        "not repeated"
    );
    db.store
        .decide_role_request(&other, &admin.id, false)
        .await
        .unwrap();
    assert_eq!(db.store.memberships(&user_id).await.unwrap().len(), 1);
});

// Issue 8 finding 6: break-the-glass uses are counted per user and reviewed once.
conformance!(break_glass_uses_are_counted_and_reviewed, |db| {
    let (vt, team) = seed_orgs(&db.store).await;
    let new = NewUser {
        username: "p.olitie",
        display_name: "P. Olitie",
        password_hash: "h",
        is_demo: false,
    };
    let u = db
        .store
        .create_user_with_membership(&new, &team, Role::Medewerker)
        .await
        .unwrap();
    let now = OffsetDateTime::now_utc();
    let use_at = |at| schakel_store::accounts::NewBreakGlassUse {
        case_id: "case-1",
        user_id: &u.id,
        username: "p.olitie",
        org_id: &team,
        accountable_org_id: Some(&vt),
        reason: "acute dreiging gemeld",
        at,
    };
    let old = db
        .store
        .record_break_glass(&use_at(now - Duration::hours(30)))
        .await
        .unwrap();
    db.store.record_break_glass(&use_at(now)).await.unwrap();
    assert_eq!(
        db.store
            .break_glass_count_since(&u.id, now - Duration::hours(24))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        db.store
            .break_glass_notices(&vt, now - Duration::days(30))
            .await
            .unwrap()
            .len(),
        2
    );
    assert!(
        db.store
            .break_glass_notices(&team, now - Duration::days(30))
            .await
            .unwrap()
            .is_empty()
    );
    db.store
        .review_break_glass(&old, &u.id, false)
        .await
        .unwrap();
    assert!(
        db.store
            .review_break_glass(&old, &u.id, true)
            .await
            .is_err(),
        "reviewed once"
    );
    assert_eq!(
        db.store
            .break_glass_uses("flagged", 10)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        db.store.break_glass_uses("open", 10).await.unwrap().len(),
        1
    );
});
