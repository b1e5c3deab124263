use crate::harness::{App, page_login, post_new_user};

async fn count_rows(app: &App) -> (usize, usize) {
    (
        app.store.users().await.unwrap().len(),
        app.store.organisations().await.unwrap().len(),
    )
}

#[tokio::test]
async fn malformed_oversized_and_mistyped_json_get_a_4xx_naming_the_field_and_change_nothing() {
    let app = App::demo().await;
    let case = app.seed_case("Melding Invoer").await;
    let (api, csrf) = app.api_login("vt.mw").await;
    let notes = app.url(&format!("/api/v1/cases/{case}/notes"));
    let send = |body: String, ct: &'static str| {
        api.post(&notes)
            .header("x-csrf-token", &csrf)
            .header("content-type", ct)
            .body(body)
            .send()
    };
    let cases: Vec<(String, &str, u16, &str)> = vec![
        (
            "{\"expected_seq\": 1, \"text\": ".into(),
            "application/json",
            422,
            "text",
        ),
        (
            "{\"expected_seq\": \"een\", \"text\": \"x\"}".into(),
            "application/json",
            422,
            "expected_seq",
        ),
        ("{\"text\": \"x\"}".into(), "application/json", 422, "body"),
        (
            "{\"expected_seq\": 1, \"text\": \"x\", \"admin\": true}".into(),
            "application/json",
            422,
            "admin",
        ),
        (
            "expected_seq=1&text=x".into(),
            "application/x-www-form-urlencoded",
            422,
            "Content-Type",
        ),
        (
            format!(
                "{{\"expected_seq\": 1, \"text\": \"{}\"}}",
                "a".repeat(300 * 1024)
            ),
            "application/json",
            413,
            "",
        ),
        (
            "{\"expected_seq\": 2, \"text\": \"   \"}".into(),
            "application/json",
            422,
            "tekst",
        ),
    ];
    for (body, ct, status, field) in cases {
        let res = send(body.clone(), ct).await.unwrap();
        assert_eq!(
            res.status().as_u16(),
            status,
            "{}",
            &body[..body.len().min(60)]
        );
        let json: serde_json::Value = res.json().await.unwrap();
        assert!(json["message"].as_str().is_some_and(|m| !m.is_empty()));
        if !field.is_empty() {
            assert_eq!(json["field"], field, "{}", &body[..body.len().min(60)]);
        }
    }
    assert_eq!(
        app.store.case_events(&case).await.unwrap().len(),
        2,
        "nothing was written"
    );
    let res = api
        .get(app.url("/api/v1/cases?limit=abc"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    let res = api
        .get(app.url("/api/v1/cases?limit=100000"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
}

#[tokio::test]
async fn invalid_dates_and_injection_strings_in_searches_are_harmless() {
    let app = App::demo().await;
    let (api, _) = app.api_login("privacy").await;
    let res = api
        .get(app.url("/api/v1/access-log?van=2026-13-45"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["field"], "van");
    let res = api
        .get(app.url("/api/v1/access-log?van=2026-05-01&tot=2026-04-01"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let before = count_rows(&app).await;
    for evil in [
        "' OR '1'='1",
        "x'; DROP TABLE users; --",
        "<script>alert(1)</script>",
    ] {
        let res = api
            .get(app.url("/api/v1/access-log"))
            .query(&[("gebruiker", evil), ("client", evil)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let entries: serde_json::Value = res.json().await.unwrap();
        assert!(
            entries.as_array().unwrap().is_empty(),
            "{evil} matches nothing"
        );
    }
    assert_eq!(count_rows(&app).await, before);
    let res = app
        .client()
        .get(app.url("/api/v1/cases/%27%20OR%201%3D1"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn html_output_escapes_what_users_typed() {
    let app = App::demo().await;
    let (c, csrf) = page_login(&app, "beheer").await;
    let evil = "<script>alert('x')</script>";
    let res = post_new_user(
        &app,
        &c,
        &csrf,
        "kwaad.aardig",
        evil,
        &app.vt.id,
        "medewerker",
    )
    .await;
    assert_eq!(res.status(), 303);
    let page = c
        .get(app.url("/beheer/gebruikers"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains(evil));
    assert!(
        page.contains("&#60;script&#62;") || page.contains("&lt;script&gt;"),
        "escaped form present"
    );
    // A bad field value is named and echoed escaped, and nothing is created.
    let before = count_rows(&app).await;
    let res = post_new_user(
        &app,
        &c,
        &csrf,
        "<b>fout</b>",
        "Iemand",
        &app.vt.id,
        "medewerker",
    )
    .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("gebruikersnaam:") && !body.contains("<b>fout</b>"));
    let res = post_new_user(
        &app,
        &c,
        &csrf,
        "goed.naam",
        "Iemand",
        &app.vt.id,
        "superuser",
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("rol:"));
    assert_eq!(count_rows(&app).await, before);
}

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    let app = App::demo().await;
    let res = app
        .client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let doc: serde_json::Value = res.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/session",
        "/cases/{id}",
        "/cases/{id}/notes",
        "/access-log",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    assert!(doc["paths"]["/cases/{id}/notes"]["post"]["responses"]["409"].is_object());
    let res = app
        .client()
        .get(app.url("/api/v1/bestaat-niet"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"], "not_found");
}
