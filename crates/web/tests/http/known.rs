//! Issue 7, rule breach 5, over HTTP: a conflict of the known-before check is shown to the worker
//! and never linked silently, on the API and on the intake page.

use serde_json::{Value, json};

use crate::flow::{Api, intake};
use crate::harness::{App, page_login};

#[tokio::test]
async fn the_same_bsn_with_another_name_is_a_conflict_the_api_refuses_to_decide_alone() {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let (_, first) = vt
        .post(
            &app,
            "/api/v1/intakes",
            intake(&app, "Fenna Verzonnen", Some("111222333")),
        )
        .await;
    let first = first["case_id"].as_str().unwrap().to_string();
    let mut other = intake(&app, "Piet Fictief", Some("111222333"));
    other["intake"]["betrokkenen"][0]["geboortedatum"] = json!("2010-01-01");
    let (status, check) = vt
        .post(&app, "/api/v1/intakes/known-check", other["intake"].clone())
        .await;
    assert_eq!(status, 200, "{check}");
    let m = &check[0];
    assert_eq!(m["certain"], false, "{check}");
    assert_eq!(m["found"]["certainty"], "conflict");
    assert_eq!(
        m["found"]["reasons"],
        json!(["bsn_gelijk", "naam_anders", "geboortedatum_anders"])
    );
    assert_eq!(
        m["found"]["summary"],
        "BSN gelijk, naam anders, geboortedatum anders"
    );
    assert!(
        m["found"]["case_number"]
            .as_str()
            .is_some_and(|n| n.starts_with("VT-")),
        "{check}"
    );
    // Undecided: refused at the choice, nothing written.
    let (status, body) = vt.post(&app, "/api/v1/intakes", other.clone()).await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("intake.bekend[0]")),
        "{body}"
    );
    // "Andere persoon": a casus of its own, a 1e melding.
    other["afgewezen"] = json!([m["key"].clone()]);
    let (status, made) = vt.post(&app, "/api/v1/intakes", other).await;
    assert_eq!(status, 201, "{made}");
    assert_ne!(made["case_id"], Value::String(first));
    assert_eq!(made["classification"]["class"], "eerste_melding");
}

fn form(csrf: &str, name: &str, bsn: &str, born: &str, stap: &str) -> Vec<(String, String)> {
    [
        ("csrf", csrf),
        ("soort", "melding"),
        ("kanaal", "politiemelding"),
        ("melder.type", "justitie_en_veiligheid"),
        ("melder.organisatie", "Politie Limburg"),
        ("betrokkenen[0].rol", "kind_in_gezin"),
        ("betrokkenen[0].naam", name),
        ("betrokkenen[0].geboortedatum", born),
        ("betrokkenen[0].geslacht", "vrouw"),
        ("betrokkenen[0].bsn", bsn),
        ("betrokkenen[0].gemeente", "Venlo"),
        ("aard_geweld", "lichamelijke_mishandeling"),
        ("omschrijving", "Politie trof een ruzie aan."),
        ("stap", stap),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect()
}

#[tokio::test]
async fn the_intake_page_shows_a_conflict_with_what_differs_and_refuses_without_a_choice() {
    let app = App::demo().await;
    let (c, csrf) = page_login(&app, "vt.mw").await;
    let post = |f: Vec<(String, String)>| {
        let c = c.clone();
        let url = app.url("/intake");
        async move {
            let res = c.post(url).form(&f).send().await.unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };
    let (status, _) = post(form(
        &csrf,
        "Fenna Verzonnen",
        "111222333",
        "2016-05-04",
        "registreren",
    ))
    .await;
    assert_eq!(status, 303);
    let (status, html) = post(form(
        &csrf,
        "Fenna Verzonnen",
        "123456782",
        "2016-05-04",
        "controleren",
    ))
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("Tegenstrijdig"), "{html}");
    assert!(
        html.contains("Naam gelijk, geboortedatum gelijk, BSN anders"),
        "{html}"
    );
    assert!(
        html.contains(r#"id="bekend" tabindex="-1" autofocus"#),
        "{html}"
    );
    assert!(html.contains("href=\"/casussen/"), "{html}");
    // Both radios, neither chosen.
    assert!(html.contains(r#"id="bekend-0-zelfde""#) && html.contains(r#"id="bekend-0-andere""#));
    assert!(!html.contains(" checked><label for=\"bekend-0"), "{html}");
    // Registering without choosing: 422, the error at the choice.
    let (status, html) = post(form(
        &csrf,
        "Fenna Verzonnen",
        "123456782",
        "2016-05-04",
        "registreren",
    ))
    .await;
    assert_eq!(status, 422);
    assert!(
        html.contains(r#"aria-describedby="bekend-0-fout""#),
        "{html}"
    );
    assert!(
        html.contains("Kies of dit dezelfde persoon is of een andere persoon."),
        "{html}"
    );
}
