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

/// The login form's pre-session id from a response's Set-Cookie.
fn pre_session_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("schakel_login_csrf="))
        .and_then(|v| v.split(';').next())
        .expect("pre-session cookie")
        .to_string()
}

/// A client without a cookie jar, so a test chooses the cookie each request carries.
fn bare_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn post_with_cookie(
    app: &App,
    cookie: &str,
    token: &str,
    password: &str,
) -> reqwest::Response {
    bare_client()
        .post(app.url("/login"))
        .header("cookie", format!("schakel_login_csrf={cookie}"))
        .form(&[
            ("gebruikersnaam", "vt.mw"),
            ("wachtwoord", password),
            ("csrf", token),
        ])
        .send()
        .await
        .unwrap()
}

/// Issue 8 finding 5: the login token is bound to a server-side pre-session. A cookie/field pair
/// the client made up itself (what a planted cookie would give) opens nothing, nor does a real
/// token posted with another browser's pre-session cookie.
#[tokio::test]
async fn a_login_token_only_goes_with_its_own_pre_session() {
    let app = App::demo().await;
    let made_up = "zelfgemaakt-token-en-cookie";
    let res = post_with_cookie(&app, made_up, made_up, PASSWORD).await;
    assert_eq!(res.status(), 422);
    assert!(!res.headers().contains_key("location"));
    let fresh_cookie = pre_session_cookie(&res);
    let body = res.text().await.unwrap();
    assert!(body.contains("al gebruikt of hoort bij een ander browservenster"));
    // The answer is a fresh form that works.
    let fresh = hidden_csrf(&body);
    let res = post_with_cookie(&app, &fresh_cookie, &fresh, PASSWORD).await;
    assert_eq!(res.status(), 303);

    // Browser A's token with browser B's pre-session: refused, and B's old form with it (the
    // refusal hands B a fresh form, which works; B's old token does not).
    let a = bare_client().get(app.url("/login")).send().await.unwrap();
    let a_token = hidden_csrf(&a.text().await.unwrap());
    let b = bare_client().get(app.url("/login")).send().await.unwrap();
    let b_cookie = pre_session_cookie(&b);
    let b_token = hidden_csrf(&b.text().await.unwrap());
    assert_ne!(a_token, b_token);
    let res = post_with_cookie(&app, &b_cookie, &a_token, PASSWORD).await;
    assert_eq!(res.status(), 422);
    let b_fresh_cookie = pre_session_cookie(&res);
    let b_fresh_token = hidden_csrf(&res.text().await.unwrap());
    let res = post_with_cookie(&app, &b_cookie, &b_token, PASSWORD).await;
    assert_eq!(
        res.status(),
        422,
        "B's old form was replaced by the fresh one"
    );
    let res = post_with_cookie(&app, &b_fresh_cookie, &b_fresh_token, PASSWORD).await;
    assert_eq!(res.status(), 303);
}

/// Issue 8 finding 5: a login form is accepted once, whatever the first post's outcome.
#[tokio::test]
async fn a_login_token_is_used_once() {
    let app = App::demo().await;
    let form = bare_client().get(app.url("/login")).send().await.unwrap();
    let cookie = pre_session_cookie(&form);
    let token = hidden_csrf(&form.text().await.unwrap());
    let first = post_with_cookie(&app, &cookie, &token, "fout-wachtwoord-1").await;
    assert_eq!(first.status(), 401);
    let again = post_with_cookie(&app, &cookie, &token, PASSWORD).await;
    assert_eq!(again.status(), 422, "the same form a second time");
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("al gebruikt of hoort bij een ander browservenster")
    );
    // A successful post consumes its form too.
    let form = bare_client().get(app.url("/login")).send().await.unwrap();
    let cookie = pre_session_cookie(&form);
    let token = hidden_csrf(&form.text().await.unwrap());
    assert_eq!(
        post_with_cookie(&app, &cookie, &token, PASSWORD)
            .await
            .status(),
        303
    );
    assert_eq!(
        post_with_cookie(&app, &cookie, &token, PASSWORD)
            .await
            .status(),
        422
    );
}

/// Issue 8 finding 5: an expired login form is refused with its own message and a fresh form,
/// which works; expired forms are purged.
#[tokio::test]
async fn an_expired_login_form_is_refused_with_a_fresh_one() {
    let app = App::demo().await;
    let c = app.client();
    let form = c.get(app.url("/login")).send().await.unwrap();
    let token = hidden_csrf(&form.text().await.unwrap());
    app.clock.advance(Duration::minutes(31));
    let res = c
        .post(app.url("/login"))
        .form(&[
            ("gebruikersnaam", "vt.mw"),
            ("wachtwoord", PASSWORD),
            ("csrf", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Dit inlogformulier is verlopen"), "{body}");
    assert!(body.contains("value=\"vt.mw\""), "the username is kept");
    let fresh = hidden_csrf(&body);
    assert_ne!(fresh, token);
    let res = c
        .post(app.url("/login"))
        .form(&[
            ("gebruikersnaam", "vt.mw"),
            ("wachtwoord", PASSWORD),
            ("csrf", fresh.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    // A form left unposted is purged once expired.
    bare_client().get(app.url("/login")).send().await.unwrap();
    app.clock.advance(Duration::minutes(31));
    assert_eq!(
        app.store.purge_login_forms(app.clock.now()).await.unwrap(),
        1
    );
}
