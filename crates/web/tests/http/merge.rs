//! Issue 7 over HTTP: a wrongly split person is merged (an event in every case that held it, both
//! cases keep their history), on the API and on the case page; and the regiehouder's contact
//! details, edited by the beheerder, on the case page.

use serde_json::{Value, json};

use crate::flow::{Api, intake};
use crate::harness::{App, hidden_csrf, page_login};

const BSN_A: &str = "111222333";
const BSN_B: &str = "123456782";

/// Two cases about "the same" child registered as two persons: the second intake's worker said
/// "andere persoon" to every match. Returns (first case, second case, person in the first, person
/// in the second).
async fn split(
    app: &App,
    vt: &Api,
    name: &str,
    bsn_b: Option<&str>,
) -> (String, String, String, String) {
    let (status, first) = vt
        .post(app, "/api/v1/intakes", intake(app, name, Some(BSN_A)))
        .await;
    assert_eq!(status, 201, "{first}");
    let first = first["case_id"].as_str().unwrap().to_string();
    let mut other = intake(app, name, bsn_b);
    let (status, check) = vt
        .post(app, "/api/v1/intakes/known-check", other["intake"].clone())
        .await;
    assert_eq!(status, 200, "{check}");
    let keys: Vec<Value> = check
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["key"].clone())
        .collect();
    other["afgewezen"] = json!(keys);
    let (status, second) = vt.post(app, "/api/v1/intakes", other).await;
    assert_eq!(status, 201, "{second}");
    let second = second["case_id"].as_str().unwrap().to_string();
    let child = |case: Value| {
        case["persons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .map(|p| p["id"].as_str().unwrap().to_string())
            .unwrap()
    };
    let a = child(vt.get(app, &format!("/api/v1/cases/{first}")).await.1);
    let b = child(vt.get(app, &format!("/api/v1/cases/{second}")).await.1);
    assert_ne!(a, b, "split in two persons");
    (first, second, a, b)
}

fn kinds(events: &Value) -> Vec<String> {
    events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_wrongly_split_person_is_merged_over_the_api_with_an_event_in_the_case_that_held_it() {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let (first, second, a, b) = split(&app, &vt, "Fenna Verzonnen", Some(BSN_B)).await;
    let path = format!("/api/v1/cases/{second}/persons/merge");
    let body = |kept: &str, merged: &str, reason: &str, confirm: bool| {
        json!({"kept_person": kept, "merged_person": merged, "reason": reason,
               "confirm_different_bsn": confirm})
    };
    let field = |r: &(u16, Value)| (r.0, r.1["field"].as_str().map(str::to_string));
    // Two different valid BSNs: only with an explicit confirmation.
    let r = vt
        .post(&app, &path, body(&a, &b, "Zelfde kind.", false))
        .await;
    assert_eq!(
        field(&r),
        (422, Some("confirm_different_bsn".into())),
        "{}",
        r.1
    );
    // Never into itself; never without a reason.
    let r = vt
        .post(&app, &path, body(&b, &b, "Zelfde kind.", true))
        .await;
    assert_eq!(field(&r), (422, Some("merged_person".into())), "{}", r.1);
    let r = vt.post(&app, &path, body(&a, &b, "  ", true)).await;
    assert_eq!(field(&r), (422, Some("reason".into())), "{}", r.1);
    // An organisation without Update on the case is refused by the gate, nothing written.
    let team = Api::login(&app, "team.mw").await;
    let r = team
        .post(&app, &path, body(&a, &b, "Zelfde kind.", true))
        .await;
    assert_eq!(r.0, 404, "{}", r.1);
    let before_first = kinds(
        &vt.get(&app, &format!("/api/v1/cases/{first}/events"))
            .await
            .1,
    );
    assert!(!before_first.contains(&"person_merged".to_string()));

    let (status, done) = vt
        .post(
            &app,
            &path,
            body(&a, &b, "Zelfde kind, BSN verkeerd overgenomen.", true),
        )
        .await;
    assert_eq!(status, 201, "{done}");
    assert_eq!(done["kept_person"], a.as_str());
    assert_eq!(done["cases"][0]["case_id"], second.as_str());
    assert_eq!(done["cases"].as_array().unwrap().len(), 1, "{done}");

    // The case that held the merged person records it; its history before stays.
    let events = vt
        .get(&app, &format!("/api/v1/cases/{second}/events"))
        .await
        .1;
    let ks = kinds(&events);
    assert_eq!(
        ks.last().map(String::as_str),
        Some("person_merged"),
        "{ks:?}"
    );
    assert!(ks.contains(&"intake_recorded".to_string()));
    let merged = events.as_array().unwrap().last().unwrap()["payload"].clone();
    assert_eq!(merged["kept"]["id"], a.as_str());
    assert_eq!(merged["merged"]["id"], b.as_str());
    assert_eq!(
        merged["merged"]["bsn"], BSN_B,
        "both persons' facts on record"
    );
    assert_eq!(merged["confirm_different_bsn"], true);
    // The first case's log is untouched.
    let after_first = kinds(
        &vt.get(&app, &format!("/api/v1/cases/{first}/events"))
            .await
            .1,
    );
    assert_eq!(after_first, before_first);
    // The second case now names the kept person, with the kept person's facts.
    let case = vt.get(&app, &format!("/api/v1/cases/{second}")).await.1;
    let ids: Vec<&str> = case["persons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&a.as_str()) && !ids.contains(&b.as_str()),
        "{case}"
    );
    assert_eq!(
        app.store.cases_of_person(&a).await.unwrap().len(),
        2,
        "the kept person is in both cases"
    );
    assert!(app.store.cases_of_person(&b).await.unwrap().is_empty());
    let gone = app.store.person(&b).await.unwrap().unwrap();
    assert_eq!(gone.merged_into.as_deref(), Some(a.as_str()));
    let now = app.store.current_person(&b).await.unwrap().unwrap();
    assert_eq!(now.record.id, a);
    assert_eq!(
        now.record.bsn.as_deref(),
        Some(BSN_A),
        "the kept BSN survives"
    );
    // Rebuilt from the events, the read models say the same (persons, links, name words).
    let report = app.store.verify_read_models(20).await.unwrap();
    assert!(report.stale.is_empty(), "{:?}", report.stale);
    // Merged already: a second merge of it names the field.
    let r = vt.post(&app, &path, body(&a, &b, "Nog eens.", true)).await;
    assert_eq!(field(&r), (422, Some("merged_person".into())), "{}", r.1);
}

#[tokio::test]
async fn the_case_page_offers_the_same_person_and_keeps_the_input_when_a_field_is_wrong() {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let (first, second, a, b) = split(&app, &vt, "Jip Fictief", Some(BSN_B)).await;
    let (client, _) = page_login(&app, "vt.mw").await;
    let case_page = client
        .get(app.url(&format!("/casussen/{second}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let link = format!("/casussen/{second}/samenvoegen?persoon={b}");
    assert!(case_page.contains(&link), "reachable from the betrokkene");
    let form = client.get(app.url(&link)).send().await.unwrap();
    assert_eq!(form.status(), 200);
    let form = form.text().await.unwrap();
    // Both persons are shown before the merge: the candidate from the other case with its BSN.
    assert!(form.contains(&format!("value=\"{a}\"")), "{form}");
    assert!(form.contains(BSN_A) && form.contains(BSN_B), "{form}");
    let csrf = hidden_csrf(&form);
    // A candidate chosen, but no choice of whose details remain and no reason: both errors at
    // their fields at once, the choice kept.
    let res = client
        .post(app.url(&format!("/casussen/{second}/samenvoegen")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("persoon", b.as_str()),
            ("kandidaat", a.as_str()),
            ("reden", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("foutenoverzicht"), "{html}");
    assert!(html.contains("id=\"behouden-deze-fout\""), "{html}");
    assert!(html.contains("id=\"reden-fout\""), "{html}");
    assert!(
        html.contains(&format!("value=\"{a}\" checked")),
        "input kept: {html}"
    );
    // Different valid BSNs without the confirmation: the error at the checkbox, reason kept.
    let res = client
        .post(app.url(&format!("/casussen/{second}/samenvoegen")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("persoon", b.as_str()),
            ("kandidaat", a.as_str()),
            ("behouden", "kandidaat"),
            ("reden", "Zelfde kind"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"bevestig_bsn-fout\""), "{html}");
    assert!(html.contains(">Zelfde kind</textarea>"), "{html}");
    // Confirmed: merged, back to the case, whose timeline shows it.
    let res = client
        .post(app.url(&format!("/casussen/{second}/samenvoegen")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("persoon", b.as_str()),
            ("kandidaat", a.as_str()),
            ("behouden", "kandidaat"),
            ("reden", "Zelfde kind"),
            ("bevestig_bsn", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let html = client
        .get(app.url(&format!("/casussen/{second}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Persoon samengevoegd"), "{html}");
    assert_eq!(app.store.cases_of_person(&a).await.unwrap().len(), 2);
    let _ = first;
}

#[tokio::test]
async fn the_beheerder_sets_contact_details_and_the_case_shows_them_with_the_regiehouder() {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let (status, made) = vt
        .post(
            &app,
            "/api/v1/intakes",
            intake(&app, "Mees Verzonnen", None),
        )
        .await;
    assert_eq!(status, 201, "{made}");
    let case = made["case_id"].as_str().unwrap().to_string();

    let (client, _) = page_login(&app, "beheer").await;
    let path = format!("/organisaties/{}/contact", app.vt.id);
    let page = client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let csrf = hidden_csrf(&page.text().await.unwrap());
    // Both wrong: both errors at once, what was typed kept.
    let res = client
        .post(app.url(&path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("telefoon", "bel 088"),
            ("email", "vt-at-example"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("id=\"telefoon-fout\"") && html.contains("id=\"email-fout\""),
        "{html}"
    );
    assert!(html.contains("value=\"vt-at-example\""), "{html}");
    let res = client
        .post(app.url(&path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("telefoon", "088-5550001"),
            ("email", "veiligthuis@example.nl"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    // A medewerker may not change them.
    let (worker, worker_csrf) = page_login(&app, "vt.mw").await;
    let res = worker
        .post(app.url(&path))
        .form(&[("csrf", worker_csrf.as_str()), ("telefoon", "088-5550002")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // The API lists them; the case page shows them with the regiehouder.
    let orgs = vt.get(&app, "/api/v1/organisations").await.1;
    let mine = orgs
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == app.vt.id.as_str())
        .unwrap();
    assert_eq!(mine["phone"], "088-5550001");
    assert_eq!(mine["email"], "veiligthuis@example.nl");
    let html = worker
        .get(app.url(&format!("/casussen/{case}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("href=\"tel:0885550001\""), "{html}");
    assert!(html.contains("mailto:veiligthuis@example.nl"), "{html}");
}
