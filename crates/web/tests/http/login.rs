use schakel_web::WebConfig;
use time::Duration;

use crate::harness::{App, PASSWORD, hidden_csrf, page_login, post_login};

#[tokio::test]
async fn wrong_password_and_unknown_user_get_the_same_answer() {
    let app = App::start(WebConfig::default()).await;
    let c = app.client();
    let wrong = post_login(&app, &c, "vt.mw", "niet-het-wachtwoord").await;
    assert_eq!(wrong.status(), 401);
    let wrong_body = wrong.text().await.unwrap();
    let unknown = post_login(&app, &c, "bestaat.niet", "niet-het-wachtwoord").await;
    assert_eq!(unknown.status(), 401);
    let unknown_body = unknown.text().await.unwrap();
    assert!(wrong_body.contains("gebruikersnaam of wachtwoord onjuist"));
    assert!(unknown_body.contains("gebruikersnaam of wachtwoord onjuist"));
    assert!(
        c.get(app.url("/"))
            .send()
            .await
            .unwrap()
            .status()
            .is_redirection(),
        "not signed in"
    );
}

#[tokio::test]
async fn an_account_is_throttled_after_five_failures_even_with_the_right_password() {
    let app = App::start(WebConfig::default()).await;
    let c = app.client();
    for _ in 0..5 {
        assert_eq!(
            post_login(&app, &c, "vt.mw", "fout-wachtwoord-123")
                .await
                .status(),
            401
        );
    }
    let res = post_login(&app, &c, "vt.mw", PASSWORD).await;
    assert_eq!(res.status(), 429);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Te veel mislukte pogingen")
    );
    // Another account from the same address is not held back by this account's failures.
    assert_eq!(
        post_login(&app, &c, "team.mw", PASSWORD).await.status(),
        303
    );
    // After the window the account may try again.
    app.clock.advance(Duration::minutes(16));
    assert_eq!(post_login(&app, &c, "vt.mw", PASSWORD).await.status(), 303);
}

#[tokio::test]
async fn without_the_second_factor_nothing_opens() {
    let app = App::start(WebConfig::default()).await;
    let case = app.seed_case("Melding A").await;
    let c = app.client();
    let res = post_login(&app, &c, "vt.mw", PASSWORD).await;
    assert_eq!(res.headers()["location"], "/login/tweede-factor");
    // The half-open session reaches neither pages nor API.
    assert!(
        c.get(app.url("/"))
            .send()
            .await
            .unwrap()
            .status()
            .is_redirection()
    );
    assert_eq!(
        c.get(app.url(&format!("/api/v1/cases/{case}")))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    // A wrong code does not complete it.
    let page = c
        .get(app.url("/login/tweede-factor"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = hidden_csrf(&page);
    let res = c
        .post(app.url("/login/tweede-factor"))
        .form(&[("code", "000000"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    // The API refuses a login without the code and names the field.
    let res = app
        .client()
        .post(app.url("/api/v1/session"))
        .json(&serde_json::json!({"username": "vt.mw", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["field"], "totp");
}

#[tokio::test]
async fn the_session_id_changes_at_login_and_after_the_second_factor() {
    let app = App::start(WebConfig::default()).await;
    let c = app.client();
    let res = post_login(&app, &c, "vt.mw", PASSWORD).await;
    let first = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        first.contains("HttpOnly") && first.contains("SameSite=Strict"),
        "{first}"
    );
    let page = c
        .get(app.url("/login/tweede-factor"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let res = c
        .post(app.url("/login/tweede-factor"))
        .form(&[
            ("code", app.totp_now().as_str()),
            ("csrf", &hidden_csrf(&page)),
        ])
        .send()
        .await
        .unwrap();
    let second = res.headers()["set-cookie"].to_str().unwrap().to_string();
    let value = |c: &str| c.split(';').next().unwrap().to_string();
    assert_ne!(value(&first), value(&second));
    // The first id no longer opens anything.
    let replay = reqwest::Client::new()
        .get(app.url("/api/v1/me"))
        .header("cookie", value(&first))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 401);
}

#[tokio::test]
async fn a_post_without_csrf_token_is_refused() {
    let app = App::demo().await;
    let c = app.client();
    let res = c
        .post(app.url("/login"))
        .form(&[("gebruikersnaam", "vt.mw"), ("wachtwoord", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("csrf"));
    let (c, _csrf) = page_login(&app, "vt.mw").await;
    let res = c
        .post(app.url("/uitloggen"))
        .form(&[("csrf", "verkeerd")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(
        c.get(app.url("/")).send().await.unwrap().status(),
        200,
        "still signed in"
    );
    // The API needs the header for writes.
    let (api, _token) = app.api_login("vt.mw").await;
    let res = api.delete(app.url("/api/v1/session")).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["field"], "X-CSRF-Token");
}

#[tokio::test]
async fn a_session_expires_after_idle_time_and_after_its_maximum() {
    let app = App::demo().await;
    let (c, _) = page_login(&app, "vt.mw").await;
    app.clock.advance(Duration::minutes(31));
    let res = c.get(app.url("/")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/login");
    let (api, _) = app.api_login("vt.mw").await;
    for _ in 0..24 {
        app.clock.advance(Duration::minutes(29));
        assert_eq!(
            api.get(app.url("/api/v1/me"))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
    }
    app.clock.advance(Duration::minutes(29));
    assert_eq!(
        api.get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        401,
        "12 hours is the maximum"
    );
}

#[tokio::test]
async fn each_role_sees_its_own_start_page() {
    let app = App::demo().await;
    for (user, expect) in [
        ("vt.mw", "Werkvoorraad"),
        ("team.mw", "Werkvoorraad"),
        ("beheer", "Gebruikers"),
        ("privacy", "Toegangslog"),
        ("beleid", "De regio"),
        ("school", "Handle with Care"),
    ] {
        let (c, _) = page_login(&app, user).await;
        let body = c
            .get(app.url("/"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(body.contains(expect), "{user} should see {expect}");
        assert!(body.contains("Demo-omgeving"));
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = App::demo().await;
    for path in [
        "/login",
        "/healthz",
        "/api/v1/openapi.json",
        "/bestaat-niet",
        "/api/v1/cases/x",
    ] {
        let res = app.client().get(app.url(path)).send().await.unwrap();
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"),
            "{path}"
        );
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
    }
}

#[tokio::test]
async fn ended_sessions_and_old_login_attempts_are_purged() {
    let app = App::demo().await;
    let (c, _) = page_login(&app, "vt.mw").await;
    let state_clock = app.clock.clone();
    assert_eq!(
        post_login(&app, &app.client(), "vt.mw", "fout-wachtwoord-1")
            .await
            .status(),
        401
    );
    let state = schakel_web::AppState {
        store: app.store.clone(),
        config: std::sync::Arc::new(WebConfig {
            demo_mode: true,
            ..WebConfig::default()
        }),
        clock: state_clock,
    };
    assert_eq!(
        schakel_web::purge_expired(&state).await.unwrap(),
        (0, 0),
        "nothing has ended yet"
    );
    app.clock.advance(Duration::minutes(45));
    let (sessions, attempts) = schakel_web::purge_expired(&state).await.unwrap();
    assert!(
        sessions >= 1 && attempts >= 2,
        "sessions {sessions}, attempts {attempts}"
    );
    assert!(
        c.get(app.url("/"))
            .send()
            .await
            .unwrap()
            .status()
            .is_redirection()
    );
}
