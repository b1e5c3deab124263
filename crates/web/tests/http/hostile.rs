//! What the fuzz targets and schemathesis found (issue 8, hostile input), each kept as a request.

use crate::harness::{App, page_login};

/// How many betrokkene rows a rendered intake form holds.
fn rendered_rows(html: &str) -> usize {
    html.matches("].rol\"").count()
}

/// A posted row index is a number the client chooses: `betrokkenen[999999999]` once made the form
/// walk and render a billion rows. Now rows past the domain's limit are refused, naming the field,
/// and the form never holds more rows than a melding may have.
#[tokio::test]
async fn a_betrokkene_row_index_past_the_limit_is_refused_and_never_rendered() {
    let app = App::demo().await;
    let (c, csrf) = page_login(&app, "vt.mw").await;
    let far = "betrokkenen[999999999].rol";
    for stap in ["controleren", "registreren", "meer"] {
        let res = c
            .post(app.url("/intake"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("stap", stap),
                ("soort", "melding"),
                ("betrokkenen[0].rol", "kind_in_gezin"),
                (far, "pleger"),
            ])
            .send()
            .await
            .unwrap();
        let expected = if stap == "meer" { 200 } else { 422 };
        assert_eq!(res.status(), expected, "{stap}");
        let html = res.text().await.unwrap();
        let rows = rendered_rows(&html);
        assert!((1..=40).contains(&rows), "{stap}: {rows} rows");
        if stap != "meer" {
            assert!(
                html.contains("hoogstens 40 betrokkenen per melding"),
                "{stap}: no error"
            );
        }
    }
    // Asking for more rows stops at the limit.
    let mut form: Vec<(String, String)> = vec![
        ("csrf".into(), csrf.clone()),
        ("stap".into(), "meer".into()),
    ];
    form.push(("betrokkenen[39].rol".into(), "kind_in_gezin".into()));
    let html = c
        .post(app.url("/intake"))
        .form(&form)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(rendered_rows(&html), 40);
}

/// `time` reads a signed year, and a received moment in year -9999 does not convert to UTC: the
/// intake page panicked on it. Now it is refused at its field.
#[tokio::test]
async fn a_received_moment_with_a_signed_year_is_refused_at_its_field() {
    let app = App::demo().await;
    let (c, csrf) = page_login(&app, "vt.mw").await;
    let res = c
        .post(app.url("/intake"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("stap", "controleren"),
            ("soort", "melding"),
            ("ontvangen_op", "-9999-01-01T00:00"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    // The error is at its field: in the summary, linked to the field, and on the field itself.
    assert!(html.contains("href=\"#ontvangen_op\""), "{html}");
    assert!(
        html.contains("aria-describedby=\"ontvangen_op-fout\""),
        "{html}"
    );
}

/// The day after `tot` is where the access-log period ends; after 31-12-9999 there is none, and
/// computing it panicked. Now that `tot` is refused at its field, on the API and the page.
#[tokio::test]
async fn an_access_log_period_to_the_last_representable_day_is_refused_at_tot() {
    let app = App::demo().await;
    let (api, _) = app.api_login("privacy").await;
    let res = api
        .get(app.url("/api/v1/access-log?tot=9999-12-31"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["field"], "tot", "{body}");
    let (page, _) = page_login(&app, "privacy").await;
    let res = page
        .get(app.url("/toegangslog?tot=9999-12-31"))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error() || res.status().is_success());
    assert!(res.text().await.unwrap().contains("geen geldige datum"));
}
