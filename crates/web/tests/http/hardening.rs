//! Issue 8: what an attacker with a demo account found (findings 2-5, 9) and what faults and bad
//! input found (11, 13, 15, 16). One test (or more) per finding; each failed before its fix.

use schakel_store::access_log::AccessQuery;
use schakel_web::WebConfig;

use crate::harness::{App, PASSWORD};

/// The access points logged for `username`'s accesses, newest first.
async fn access_points(app: &App, username: &str) -> Vec<String> {
    let user = app.store.user_by_username(username).await.unwrap().unwrap();
    app.store
        .search_access_log(&AccessQuery {
            user_id: Some(user.id),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.access_point)
        .collect()
}

/// Finding 2: only a configured proxy's X-Forwarded-For counts, and of it only the rightmost
/// address that is not a trusted proxy: what the client wrote to the left is ignored for throttling.
#[tokio::test]
async fn forwarded_for_invented_by_the_client_does_not_escape_the_address_throttle() {
    let app = App::start(WebConfig {
        trusted_proxies: vec!["127.0.0.1/32".parse().unwrap()],
        ..WebConfig::default()
    })
    .await;
    let c = app.client();
    // Each try invents a new first address; the proxy appends the address it saw (198.51.100.9).
    // Different usernames, so only the per-address limit (20) can stop them.
    let mut statuses = Vec::new();
    for i in 0..22 {
        let res = c
            .post(app.url("/api/v1/session"))
            .header("x-forwarded-for", format!("203.0.113.{i}, 198.51.100.9"))
            .json(&serde_json::json!({"username": format!("niemand{i}"), "password": "fout-fout-fout"}))
            .send()
            .await
            .unwrap();
        statuses.push(res.status().as_u16());
    }
    assert_eq!(&statuses[..20], &[422; 20], "{statuses:?}");
    assert_eq!(&statuses[20..], &[429, 429], "{statuses:?}");
    // From another real address (another proxy hop) logins still work.
    let res = c
        .post(app.url("/api/v1/session"))
        .header("x-forwarded-for", "198.51.100.10")
        .json(
            &serde_json::json!({"username": "vt.mw", "password": PASSWORD, "totp": app.totp_now()}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
}

/// Finding 2: the access point stored is a parsed IP address, never text from the header, and the
/// header of a peer that is not a trusted proxy is ignored.
#[tokio::test]
async fn the_access_point_is_a_parsed_address_from_a_trusted_proxy_only() {
    let case = "case-bestaat-niet";
    for (trusted, header, expected) in [
        (true, "<script>x</script>", "127.0.0.1"),
        (true, "203.0.113.66, <script>x</script>", "127.0.0.1"),
        (true, "203.0.113.66, 198.51.100.9", "198.51.100.9"),
        (true, "198.51.100.9, 127.0.0.1", "198.51.100.9"),
        (false, "203.0.113.66", "127.0.0.1"),
    ] {
        let app = App::start(WebConfig {
            trusted_proxies: if trusted {
                vec!["127.0.0.0/8".parse().unwrap()]
            } else {
                Vec::new()
            },
            ..WebConfig::default()
        })
        .await;
        let (c, _) = app.api_login("vt.mw").await;
        let res = c
            .get(app.url(&format!("/api/v1/cases/{case}")))
            .header("x-forwarded-for", header)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404);
        let points = access_points(&app, "vt.mw").await;
        assert_eq!(
            points.first().map(String::as_str),
            Some(expected),
            "{header}"
        );
    }
}

/// Finding 3: an "id" that cannot be one is refused before the gate and never reaches the log; a
/// logged field holds at most a few hundred characters; refused lookups are limited per user.
#[tokio::test]
async fn a_huge_id_never_reaches_the_log_and_refused_lookups_are_throttled_per_user() {
    let app = App::start(WebConfig {
        refused_lookups_per_user: 5,
        ..WebConfig::default()
    })
    .await;
    let (c, _) = app.api_login("vt.mw").await;
    let huge = "x".repeat(60_000);
    let res = c
        .get(app.url(&format!("/api/v1/cases/{huge}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let user = app.store.user_by_username("vt.mw").await.unwrap().unwrap();
    let logged = app
        .store
        .search_access_log(&AccessQuery {
            user_id: Some(user.id.clone()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(
        logged
            .iter()
            .all(|e| e.resource_id.as_deref().is_none_or(|id| id.len() <= 128)),
        "nothing long in the log"
    );
    // Four more refused lookups (missing cases) make five; the sixth is held back, unlogged.
    for i in 0..4 {
        let res = c
            .get(app.url(&format!("/api/v1/cases/case-gok-{i}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404);
    }
    let before = app
        .store
        .search_access_log(&AccessQuery {
            user_id: Some(user.id.clone()),
            ..Default::default()
        })
        .await
        .unwrap()
        .len();
    for _ in 0..3 {
        let res = c
            .get(app.url(&format!("/api/v1/cases/{huge}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 429);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["code"], "throttled");
    }
    let after = app
        .store
        .search_access_log(&AccessQuery {
            user_id: Some(user.id.clone()),
            ..Default::default()
        })
        .await
        .unwrap()
        .len();
    assert_eq!(before, after, "throttled lookups add nothing to the log");
    // Another user is not held back by this one's refusals.
    let (other, _) = app.api_login("team.mw").await;
    let res = other
        .get(app.url("/api/v1/cases/case-gok-0"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

/// Finding 3: whoever writes to the access log, a field is capped.
#[tokio::test]
async fn the_store_caps_every_logged_field() {
    let app = App::demo().await;
    let long = "y".repeat(60_000);
    app.store
        .log_access(&schakel_store::access_log::AccessEntry {
            action: "read".into(),
            resource_kind: "case".into(),
            resource_id: Some(long.clone()),
            outcome: "denied".into(),
            username: long.clone(),
            access_point: long.clone(),
            reason: Some(long.clone()),
            clients: vec![long.clone()],
            ..Default::default()
        })
        .await
        .unwrap();
    let logged = app
        .store
        .search_access_log(&AccessQuery::default())
        .await
        .unwrap();
    let entry = logged.first().unwrap();
    assert!(entry.resource_id.as_ref().unwrap().chars().count() <= 128);
    assert!(entry.username.chars().count() <= 128);
    assert!(entry.access_point.chars().count() <= 64);
    assert!(entry.reason.as_ref().unwrap().chars().count() <= 1000);
    assert!(entry.clients.iter().all(|c| c.chars().count() <= 128));
    assert!(entry.resource_id.as_ref().unwrap().ends_with('…'));
}

/// Finding 4: an existing case the user may not read and a missing one get the same answer, and
/// both attempts are logged.
#[tokio::test]
async fn an_unreadable_case_and_a_missing_one_get_the_same_answer_and_both_are_logged() {
    let app = App::start(WebConfig::default()).await;
    let case = app.seed_case("Melding Verborgen").await;
    let (c, _) = app.api_login("team.mw").await;
    let mut answers = Vec::new();
    for id in [case.as_str(), "case-bestaat-niet"] {
        for path in ["", "/events"] {
            let res = c
                .get(app.url(&format!("/api/v1/cases/{id}{path}")))
                .send()
                .await
                .unwrap();
            answers.push((res.status().as_u16(), res.text().await.unwrap()));
        }
    }
    assert_eq!(answers[0].0, 404, "{answers:?}");
    assert_eq!(answers[0], answers[2], "case itself");
    assert_eq!(answers[1], answers[3], "events");
    let team = app
        .store
        .user_by_username("team.mw")
        .await
        .unwrap()
        .unwrap();
    let logged = app
        .store
        .search_access_log(&AccessQuery {
            user_id: Some(team.id),
            ..Default::default()
        })
        .await
        .unwrap();
    for id in [case.as_str(), "case-bestaat-niet"] {
        assert_eq!(
            logged
                .iter()
                .filter(|e| e.resource_id.as_deref() == Some(id) && e.outcome == "denied")
                .count(),
            2,
            "{id}"
        );
    }
}

/// Finding 11: readiness (`/readyz`) reports a database that does not take a write, where
/// liveness (`/healthz`) still answers.
#[tokio::test]
async fn readiness_reports_a_database_that_cannot_write_and_liveness_stays_separate() {
    let app = App::demo().await;
    let c = app.client();
    assert_eq!(
        c.get(app.url("/readyz")).send().await.unwrap().status(),
        200
    );
    // Every write now fails in the engine, as on a full disk.
    app.exec(
        "CREATE TRIGGER full_disk BEFORE INSERT ON settings \
         BEGIN SELECT RAISE(ROLLBACK, 'database or disk is full'); END;",
    )
    .await;
    let res = c.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(res.status(), 503);
    assert!(res.text().await.unwrap().contains("geen wijzigingen"));
    assert_eq!(
        c.get(app.url("/healthz")).send().await.unwrap().status(),
        200
    );
    // Space freed: ready again, and reads and logins work (no connection left in a transaction).
    app.exec("DROP TRIGGER full_disk").await;
    for _ in 0..10 {
        assert_eq!(
            c.get(app.url("/readyz")).send().await.unwrap().status(),
            200
        );
    }
    app.api_login("vt.mw").await;
}

/// Findings 13 and 16: an unknown field at any depth is refused naming its exact path, in Dutch.
#[tokio::test]
async fn unknown_and_missing_nested_fields_are_named_by_their_full_path_in_dutch() {
    let app = App::demo().await;
    let vt = crate::flow::Api::login(&app, "vt.mw").await;
    let mut body = crate::flow::intake(&app, "Mila Verzonnen", None);
    body["intake"]["betrokkenen"][0]["BSN"] = serde_json::json!("123456782");
    let (status, err) = vt.post(&app, "/api/v1/intakes", body.clone()).await;
    assert_eq!(status, 422, "{err}");
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(err["field"], "intake.betrokkenen[0].BSN", "{err}");
    assert!(
        !err["message"].as_str().unwrap().contains("unknown"),
        "{err}"
    );
    body["intake"]["betrokkenen"][0]
        .as_object_mut()
        .unwrap()
        .remove("BSN");
    body["intake"]["melder"]
        .as_object_mut()
        .unwrap()
        .remove("type");
    let (status, err) = vt.post(&app, "/api/v1/intakes", body).await;
    assert_eq!(status, 422, "{err}");
    assert_eq!(err["field"], "intake.melder.type", "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("is verplicht"),
        "{err}"
    );
    assert!(app.store.case_summary("x").await.unwrap().is_none());
}

/// Finding 15: every id in a command names something that exists, and a login names a known role.
#[tokio::test]
async fn ids_in_commands_and_roles_at_login_must_exist() {
    let app = App::demo().await;
    let vt = crate::flow::Api::login(&app, "vt.mw").await;
    let mut body = crate::flow::intake(&app, "Noor Verzonnen", None);
    body["intake"]["melder"]["organisatie_id"] = serde_json::json!("nope-org");
    let (status, err) = vt.post(&app, "/api/v1/intakes", body.clone()).await;
    assert_eq!(
        (status, err["field"].as_str()),
        (422, Some("intake.melder.organisatie_id")),
        "{err}"
    );
    // The organisation of the directory is accepted.
    body["intake"]["melder"]["organisatie_id"] = serde_json::json!(app.school.id);
    let (status, done) = vt.post(&app, "/api/v1/intakes", body).await;
    assert_eq!(status, 201, "{done}");
    let case = done["case_id"].as_str().unwrap().to_string();
    // A handover to an organisation that does not exist is refused naming `to_org`.
    let (status, err) = vt
        .command(
            &app,
            &case,
            serde_json::json!({"type": "offer_handover", "to_org": "nope-org"}),
        )
        .await;
    assert_eq!(
        (status, err["field"].as_str()),
        (422, Some("to_org")),
        "{err}"
    );

    let c = app.client();
    let login = |extra: serde_json::Value| {
        let mut body = serde_json::json!({"username": "vt.mw", "password": PASSWORD});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        c.post(app.url("/api/v1/session")).json(&body).send()
    };
    let res = login(serde_json::json!({"organisation_id": app.vt.id, "role": "keizer"}))
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let err: serde_json::Value = res.json().await.unwrap();
    assert_eq!(err["field"], "role", "{err}");
    // Decided: in demo mode a second factor is refused, not silently ignored.
    let res = login(serde_json::json!({"totp": "123456"})).await.unwrap();
    assert_eq!(res.status(), 422);
    let err: serde_json::Value = res.json().await.unwrap();
    assert_eq!(err["field"], "totp", "{err}");
    let res = login(serde_json::json!({"organisation_id": app.vt.id, "role": "medewerker"}))
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
}

/// Finding 16: one error shape with a stable code and the exact field, for query strings,
/// sequence numbers and bodies that are too large.
#[tokio::test]
async fn every_api_error_has_code_field_and_a_dutch_message() {
    let app = App::demo().await;
    let case = app.seed_case("Melding Volgnummer").await;
    let vt = crate::flow::Api::login(&app, "vt.mw").await;
    for seq in [0, -3] {
        let (status, err) = vt
            .post(
                &app,
                &format!("/api/v1/cases/{case}/notes"),
                serde_json::json!({"expected_seq": seq, "text": "een notitie"}),
            )
            .await;
        assert_eq!(
            (status, err["code"].as_str(), err["field"].as_str()),
            (422, Some("invalid_input"), Some("expected_seq")),
            "{err}"
        );
    }
    let (status, err) = vt.get(&app, "/api/v1/cases?limit=veel").await;
    assert_eq!(
        (status, err["code"].as_str(), err["field"].as_str()),
        (400, Some("invalid_query"), Some("limit")),
        "{err}"
    );
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains("geheel getal") || message.contains("ongeldige"),
        "{message}"
    );
    assert!(!message.contains("invalid"), "{message}");
    let (status, err) = vt
        .post(
            &app,
            &format!("/api/v1/cases/{case}/notes"),
            serde_json::json!({"expected_seq": 1, "text": "a".repeat(300 * 1024)}),
        )
        .await;
    assert_eq!(
        (status, err["code"].as_str(), err["field"].as_str()),
        (413, Some("too_large"), Some("body")),
        "{err}"
    );
}

/// Finding 5: a state-changing request a browser sends from another site is refused, even with a
/// valid CSRF token; the same request from the server's own origin (or from a script that sends no
/// browser headers) passes.
#[tokio::test]
async fn writes_from_another_origin_are_refused_even_with_a_valid_token() {
    let app = App::start(WebConfig::default()).await;
    let (c, csrf) = crate::harness::page_login(&app, "vt.mw").await;
    let own = app.base.clone();
    for (name, value) in [
        ("origin", "https://evil.example"),
        ("origin", "null"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let res = c
            .post(app.url("/uitloggen"))
            .header(name, value)
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{name}: {value}");
        let res = c
            .post(app.url("/login"))
            .header(name, value)
            .form(&[("gebruikersnaam", "vt.mw"), ("wachtwoord", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "login {name}: {value}");
    }
    // Still signed in: the refused logout did nothing.
    assert_eq!(c.get(app.url("/")).send().await.unwrap().status(), 200);
    let (api, token) = app.api_login("team.mw").await;
    let res = api
        .delete(app.url("/api/v1/session"))
        .header("x-csrf-token", &token)
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let err: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("cross_origin"), Some("Origin"))
    );
    // From its own origin the logout goes through.
    let res = c
        .post(app.url("/uitloggen"))
        .header("origin", own.as_str())
        .header("sec-fetch-site", "same-origin")
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    // A browser hides the origin of a form post as "null" under Referrer-Policy no-referrer
    // (Schakel's own header); saying same-origin, it is let through.
    let (c, csrf) = crate::harness::page_login(&app, "vt.mw").await;
    let res = c
        .post(app.url("/uitloggen"))
        .header("origin", "null")
        .header("sec-fetch-site", "same-origin")
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
}

/// Finding 9: HSTS is sent when cookies are secure (the server is behind TLS), and not otherwise
/// (it was already; this keeps it so).
#[tokio::test]
async fn hsts_and_the_host_prefixed_login_cookie_follow_secure_cookies() {
    for secure in [true, false] {
        let app = App::start(WebConfig {
            secure_cookies: secure,
            ..WebConfig::default()
        })
        .await;
        let res = app.client().get(app.url("/login")).send().await.unwrap();
        assert_eq!(
            res.headers().contains_key("strict-transport-security"),
            secure
        );
        // Finding 5: with secure cookies the login form's token cookie is a `__Host-` cookie.
        let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
        assert_eq!(
            cookie.starts_with("__Host-schakel_login_csrf="),
            secure,
            "{cookie}"
        );
        if secure {
            assert!(
                cookie.contains("; Path=/") && cookie.contains("; Secure"),
                "{cookie}"
            );
            assert!(!cookie.contains("Domain"), "{cookie}");
        }
    }
}
