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
        (
            "{\"text\": \"x\"}".into(),
            "application/json",
            422,
            "expected_seq",
        ),
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
    assert_eq!(
        res.status(),
        200,
        "the account is asked for; the page shows its activation code"
    );
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

/// Every operation of /api/v1, as the document must list it.
const OPERATIONS: [(&str, &str); 24] = [
    ("post", "/session"),
    ("delete", "/session"),
    ("get", "/me"),
    ("get", "/organisations"),
    ("get", "/cases"),
    ("get", "/cases/{id}"),
    ("get", "/cases/{id}/events"),
    ("post", "/cases/{id}/events"),
    ("post", "/cases/{id}/notes"),
    ("get", "/cases/{id}/feedback"),
    ("get", "/cases/{id}/feedback/sent"),
    ("post", "/cases/{id}/persons/merge"),
    ("get", "/access-log"),
    ("get", "/access-log/persons/{id}"),
    ("post", "/intakes"),
    ("post", "/intakes/known-check"),
    ("get", "/work-queue"),
    ("get", "/search"),
    ("get", "/programme"),
    ("post", "/programme/actions/{key}"),
    ("post", "/programme/rounds"),
    ("get", "/directory"),
    ("get", "/directory/{id}"),
    ("get", "/openapi.json"),
];

#[tokio::test]
async fn the_openapi_document_describes_every_operation_with_its_schemas_and_errors() {
    let app = App::demo().await;
    let res = app
        .client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let doc: serde_json::Value = res.json().await.unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    let mut count = 0;
    for (_, item) in doc["paths"].as_object().unwrap() {
        count += item.as_object().unwrap().len();
    }
    assert_eq!(count, OPERATIONS.len(), "{}", doc["paths"]);
    for (method, path) in OPERATIONS {
        let op = &doc["paths"][path][method];
        assert!(op.is_object(), "{method} {path}");
        if path != "/openapi.json" {
            assert_eq!(
                op["responses"]["4XX"]["content"]["application/json"]["schema"]["$ref"],
                "#/components/schemas/Error",
                "{method} {path}"
            );
        }
        if method == "post" {
            assert!(
                op["requestBody"]["content"]["application/json"]["schema"].is_object(),
                "{method} {path}"
            );
        }
    }
    assert!(doc["paths"]["/cases/{id}/notes"]["post"]["responses"]["409"].is_object());
    let schemas = &doc["components"]["schemas"];
    for name in [
        "Error",
        "CommandBody",
        "CommandDto",
        "RegisterBody",
        "IntakeDto",
        "CaseSummary",
        "Event",
    ] {
        assert!(schemas[name].is_object(), "{name}");
    }
    // The command list names no event that only registration may produce.
    let commands = schemas["CommandDto"].to_string();
    assert!(commands.contains("assess_safety") && commands.contains("accept_handover"));
    assert!(!commands.contains("intake_recorded") && !commands.contains("\"opened\""));
    let res = app
        .client()
        .get(app.url("/api/v1/bestaat-niet"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"], "not_found");
    assert_eq!(body["field"], "path");
}

fn state(app: &App) -> schakel_web::AppState {
    schakel_web::AppState::new(app.store.clone(), schakel_web::WebConfig::default())
}

#[tokio::test]
async fn every_api_route_is_documented_and_every_documented_operation_is_routed() {
    let app = App::demo().await;
    let (_, doc, registered) = schakel_web::api::api().into_parts();
    // The whole application as served, asked which methods answer at each path.
    let router = schakel_web::router(state(&app));
    let problems = schakel_web::api::coverage::check(&router, "/api/v1", &doc, &registered)
        .await
        .unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
    let mut paths: Vec<&str> = OPERATIONS.iter().map(|(_, p)| *p).collect();
    paths.sort_unstable();
    paths.dedup();
    assert_eq!(registered.len(), paths.len(), "{registered:?}");
}

#[tokio::test]
async fn the_coverage_check_fails_on_an_undocumented_route_and_on_an_operation_without_route() {
    let app = App::demo().await;
    let (router, doc, registered) = schakel_web::api::api()
        .route("/extra", axum::routing::get(|| async { "niet beschreven" }))
        .into_parts();
    let router = axum::Router::new()
        .nest("/api/v1", schakel_web::api::finish(router))
        .with_state(state(&app));
    let problems = schakel_web::api::coverage::check(&router, "/api/v1", &doc, &registered)
        .await
        .unwrap();
    assert_eq!(
        problems,
        vec!["GET /extra: routed but not documented".to_string()]
    );

    // And the other way round: an operation in the document that no route serves.
    let (router, mut doc, registered) = schakel_web::api::api().into_parts();
    let ghost = doc.paths.paths.get("/me").cloned().unwrap();
    doc.paths.paths.insert("/spook".into(), ghost);
    let router = axum::Router::new()
        .nest("/api/v1", schakel_web::api::finish(router))
        .with_state(state(&app));
    let problems = schakel_web::api::coverage::check(&router, "/api/v1", &doc, &registered)
        .await
        .unwrap();
    assert_eq!(
        problems,
        vec!["GET /spook: documented but not routed".to_string()]
    );
}

#[tokio::test]
async fn extractor_rejections_and_unknown_methods_are_json_naming_the_field() {
    let app = App::demo().await;
    let case = app.seed_case("Melding Fouten").await;
    let (api, csrf) = app.api_login("vt.mw").await;
    let checks: Vec<(reqwest::RequestBuilder, u16, &str, &str)> = vec![
        (
            api.get(app.url("/api/v1/cases?limit=abc")),
            400,
            "invalid_query",
            "limit",
        ),
        (
            api.get(app.url("/api/v1/cases?bogus=1")),
            400,
            "invalid_query",
            "bogus",
        ),
        (
            api.get(app.url("/api/v1/work-queue?offset=x")),
            400,
            "invalid_query",
            "offset",
        ),
        (
            api.get(app.url("/api/v1/work-queue?offset=-1")),
            422,
            "invalid_input",
            "offset",
        ),
        (
            api.get(app.url("/api/v1/cases?offset=-1")),
            422,
            "invalid_input",
            "offset",
        ),
        (
            api.get(app.url(&format!("/api/v1/cases/{case}/feedback?moment=nooit"))),
            400,
            "invalid_query",
            "moment",
        ),
        (
            api.get(app.url(&format!("/api/v1/cases/{case}/feedback"))),
            400,
            "invalid_query",
            "moment",
        ),
        (
            api.delete(app.url("/api/v1/me"))
                .header("x-csrf-token", &csrf),
            405,
            "method_not_allowed",
            "method",
        ),
        (
            api.put(app.url(&format!("/api/v1/cases/{case}/events"))),
            405,
            "method_not_allowed",
            "method",
        ),
        (
            api.get(app.url("/api/v1/nergens/heen")),
            404,
            "not_found",
            "path",
        ),
    ];
    for (req, status, code, field) in checks {
        let res = req.send().await.unwrap();
        let url = res.url().to_string();
        assert_eq!(res.status().as_u16(), status, "{url}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/json"),
            "{url}"
        );
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["error"], code, "{url}: {body}");
        assert_eq!(body["field"], field, "{url}: {body}");
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    // A rejection of an extractor used as is (Path in GET /cases/{id}) is JSON too.
    let res = api.get(app.url("/api/v1/cases/%FF")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 400);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"], "invalid_request", "{body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
}
