//! The region's rules reach every deadline: the API's work queue, the work-queue page and the case
//! page compute with the rules in `WebConfig`, and so does the store's group committer behind them.

use std::sync::Arc;

use schakel_domain::rules::RegionRules;
use schakel_web::WebConfig;
use serde_json::{Value, json};

use crate::harness::{App, page_login};

/// A melding received on Thursday 2 April 2026, before Easter, registered over the API. Returns
/// the case id.
async fn register_before_easter(app: &App, client: &reqwest::Client, csrf: &str) -> String {
    let body = json!({"intake": {
        "soort": "melding",
        "ontvangen_op": "2026-04-02T10:00:00+02:00",
        "kanaal": "politiemelding",
        "melder": {"type": "justitie_en_veiligheid", "organisatie": "Politie Limburg"},
        "betrokkenen": [{"rol": "kind_in_gezin", "naam": "Fenna Verzonnen", "geboortedatum": "2016-05-04",
            "geslacht": "vrouw", "gemeente": "Venlo"}],
        "aard_geweld_versie": "regio-2018",
        "aard_geweld": ["psychisch_geweld"],
        "omschrijving": "Verzonnen melding voor de termijntest."
    }});
    let res = client
        .post(app.url("/api/v1/intakes"))
        .header("x-csrf-token", csrf)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let done: Value = res.json().await.unwrap();
    done["case_id"].as_str().unwrap().to_string()
}

/// The due date of the veiligheidsbeoordeling in the API's work queue, the work-queue page's text
/// and the case page's text.
async fn assessment_due(rules: RegionRules) -> (String, String, String) {
    let app = App::start(WebConfig {
        demo_mode: true,
        rules: Arc::new(rules),
        ..WebConfig::default()
    })
    .await;
    let (api, csrf) = app.api_login("vt.mw").await;
    let case = register_before_easter(&app, &api, &csrf).await;
    let queue: Value = api
        .get(app.url("/api/v1/work-queue"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let due = queue
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["case_id"] == case.as_str() && e["what"] == "Veiligheidsbeoordeling afronden")
        .map(|e| e["due"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("no assessment deadline in {queue}"));
    let (pages, _) = page_login(&app, "vt.mw").await;
    let text = |path: String| {
        let pages = pages.clone();
        async move {
            let res = pages.get(path).send().await.unwrap();
            assert_eq!(res.status(), 200);
            res.text().await.unwrap()
        }
    };
    let queue_page = text(app.url("/werkvoorraad")).await;
    let case_page = text(app.url(&format!("/casussen/{case}"))).await;
    (due, queue_page, case_page)
}

#[tokio::test]
async fn goede_vrijdag_off_in_the_region_moves_the_assessment_deadline_everywhere() {
    // Domain calendar tests: Fri 3, Tue 7, Wed 8, Thu 9, Fri 10 April; with Goede Vrijdag off
    // Tue 7 to Mon 13 April.
    let (due, queue_page, case_page) = assessment_due(RegionRules::default()).await;
    assert_eq!(due, "2026-04-10");
    // Te doen writes dates the Dutch way (issue 7).
    assert!(queue_page.contains("10-04-2026"), "{queue_page}");
    // The case page too (issue 7: no ISO dates on a page).
    assert!(case_page.contains("uiterlijk 10-04-2026"), "{case_page}");

    let mut region = RegionRules::default();
    region.calendar.good_friday = true;
    region.terms.acute_hours = 12;
    let (due, queue_page, case_page) = assessment_due(region).await;
    assert_eq!(due, "2026-04-13");
    assert!(queue_page.contains("13-04-2026"), "{queue_page}");
    assert!(!queue_page.contains("10-04-2026"), "{queue_page}");
    assert!(case_page.contains("uiterlijk 13-04-2026"), "{case_page}");
    // The urgency question asks for the region's acute term.
    assert!(case_page.contains("binnen 12 uur"), "{case_page}");
}
