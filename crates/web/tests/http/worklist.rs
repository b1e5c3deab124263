//! Issue 7 ("Fit for daily work") over HTTP: case numbers in listings, search filtered by the
//! access policy and logged, Te doen's filters and assignment.

use schakel_domain::org::Role;
use schakel_store::access_log::AccessQuery;
use serde_json::{Value, json};

use crate::flow::Api;
use crate::harness::App;

fn intake(app: &App, child: &str, born: &str) -> Value {
    let received = app.clock.now() - time::Duration::hours(1);
    json!({
        "intake": {
            "soort": "melding",
            "ontvangen_op": received.format(&time::format_description::well_known::Rfc3339).unwrap(),
            "kanaal": "politiemelding",
            "melder": {"type": "justitie_en_veiligheid", "organisatie": "Politie Limburg"},
            "betrokkenen": [
                {"rol": "kind_in_gezin", "naam": child, "geboortedatum": born, "geslacht": "vrouw",
                 "gemeente": "Venlo"}
            ],
            "aard_geweld_versie": "regio-2018",
            "aard_geweld": ["psychisch_geweld"],
            "specifieke_groepen": [],
            "omschrijving": "Politie trof een ruzie aan."
        }
    })
}

async fn register(app: &App, vt: &Api, child: &str, born: &str) -> String {
    let (status, body) = vt
        .post(app, "/api/v1/intakes", intake(app, child, born))
        .await;
    assert_eq!(status, 201, "{body}");
    body["case_id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn search_finds_by_birth_date_and_case_number_shows_only_readable_cases_and_is_logged() {
    let app = App::demo().await;
    app.user("team.mw2", &app.team.id.clone(), Role::Medewerker)
        .await;
    let vt = Api::login(&app, "vt.mw").await;
    let a = register(&app, &vt, "Fenna Zoekbaar", "2016-05-04").await;
    let number = app
        .store
        .case_summary(&a)
        .await
        .unwrap()
        .unwrap()
        .case_number
        .unwrap();
    assert!(number.starts_with("VT-"), "{number}");

    // A case found by its number shows no persons, so that search is not the last one.
    for q in [
        &number.to_lowercase(),
        "04-05-2016",
        "2016-05-04",
        "zoekbaar",
    ] {
        let (status, hits) = vt.get(&app, &format!("/api/v1/search?q={q}")).await;
        assert_eq!(status, 200, "{q}: {hits}");
        let hits = hits.as_array().unwrap();
        assert_eq!(hits.len(), 1, "{q}: {hits:?}");
        assert_eq!(hits[0]["case"]["id"], a.as_str());
        assert_eq!(hits[0]["case"]["case_number"], number.as_str());
    }
    // The search is in the access log, with the person shown as client.
    let vt_user = app.store.user_by_username("vt.mw").await.unwrap().unwrap();
    let log = app
        .store
        .search_access_log(&AccessQuery {
            user_id: Some(vt_user.id.clone()),
            client: None,
            from: None,
            until: None,
            only_break_glass: false,
            limit: 5,
            before: None,
        })
        .await
        .unwrap();
    let last = &log[0];
    assert_eq!(last.action, "search");
    assert_eq!(last.reason.as_deref(), Some("zoeken"));
    let persons = app.store.case_persons(&a).await.unwrap();
    assert_eq!(last.clients, vec![persons[0].0.id.clone()]);

    // A wijkteam worker without a part in the case finds nothing.
    let team = Api::login(&app, "team.mw2").await;
    let (status, hits) = team.get(&app, "/api/v1/search?q=04-05-2016").await;
    assert_eq!(status, 200, "{hits}");
    assert_eq!(hits.as_array().unwrap().len(), 0);

    // Bad input names the field.
    for bad in ["", "12345", "%2B%2B"] {
        let (status, body) = vt.get(&app, &format!("/api/v1/search?q={bad}")).await;
        assert_eq!(status, 400, "{bad}: {body}");
        assert_eq!(body["field"], "q", "{bad}: {body}");
    }

    // The page shows the case number too.
    let (client, _) = crate::harness::page_login(&app, "vt.mw").await;
    let html = client
        .get(app.url("/zoeken?q=04-05-2016"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(&number), "{html}");
    assert!(html.contains("Fenna Zoekbaar"));
}

#[tokio::test]
async fn te_doen_filters_acute_and_assigned_and_a_case_is_assigned_by_an_event() {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let calm = register(&app, &vt, "Rustig Kind", "2015-01-01").await;
    let acute = register(&app, &vt, "Acuut Kind", "2015-02-02").await;
    assert_eq!(
        vt.command(
            &app,
            &acute,
            json!({"type": "assess_urgency", "acute": true})
        )
        .await
        .0,
        201
    );
    assert_eq!(
        vt.command(
            &app,
            &calm,
            json!({"type": "assess_urgency", "acute": false})
        )
        .await
        .0,
        201
    );
    let (status, all) = vt.get(&app, "/api/v1/work-queue").await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(all[0]["case_id"], acute.as_str(), "acute first: {all}");
    assert_eq!(all[0]["acute"], true);
    let (_, only) = vt
        .get(&app, "/api/v1/work-queue?acuut=1&gemeente=Venlo")
        .await;
    let only = only.as_array().unwrap();
    assert!(!only.is_empty());
    assert!(only.iter().all(|i| i["case_id"] == acute.as_str()));
    let (status, body) = vt.get(&app, "/api/v1/work-queue?taak=iets").await;
    assert_eq!((status, body["field"].as_str()), (400, Some("taak")));

    // Assigned to the signed-in worker: an event in the case log, and the filter "mij" follows.
    let me = app.store.user_by_username("vt.mw").await.unwrap().unwrap();
    let (status, body) = vt
        .command(&app, &calm, json!({"type": "assign", "user": me.id}))
        .await;
    assert_eq!(status, 201, "{body}");
    let events = app.store.case_events(&calm).await.unwrap();
    assert_eq!(events.last().unwrap().kind, "assigned");
    let (_, mine) = vt.get(&app, "/api/v1/work-queue?toegewezen=mij").await;
    let mine = mine.as_array().unwrap();
    assert!(!mine.is_empty());
    assert!(mine.iter().all(|i| i["case_id"] == calm.as_str()));
    let (_, nobody) = vt.get(&app, "/api/v1/work-queue?toegewezen=niemand").await;
    assert!(
        nobody
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["case_id"] != calm.as_str())
    );
    // Only to a worker of the accountable organisation.
    let outsider = app
        .user("team.iemand", &app.team.id.clone(), Role::Medewerker)
        .await;
    let (status, body) = vt
        .command(&app, &calm, json!({"type": "assign", "user": outsider}))
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("user")),
        "{body}"
    );

    // The teamleider's page shows the load per worker; the worker's page the acute badge.
    app.user("vt.tl2", &app.vt.id.clone(), Role::Teamleider)
        .await;
    let (client, _) = crate::harness::page_login(&app, "vt.tl2").await;
    let html = client
        .get(app.url("/werkvoorraad?acuut=1"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Belasting per medewerker"), "{html}");
    assert!(html.contains("badge--acute"));
    assert!(html.contains(&format!("/casussen/{acute}")));
    assert!(
        !html.contains(&format!("/casussen/{calm}")),
        "filtered to acute"
    );
    // Page numbers travel with the filters; a page that is no number names the parameter.
    let res = client
        .get(app.url("/werkvoorraad?acuut=1&pagina=2"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = client
        .get(app.url("/werkvoorraad?pagina=twee"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
}

/// Issue 7 ("Plain Dutch: labels, never codes"): a filter value that is not one of the choices is
/// named by the Dutch label of its field, not by its parameter code.
#[tokio::test]
async fn te_doen_names_a_wrong_filter_by_its_dutch_label() {
    let app = App::demo().await;
    let (client, _) = crate::harness::page_login(&app, "vt.mw").await;
    for (query, label, code) in [
        ("richting=zijwaarts", "Sorteerrichting", "(richting)"),
        ("sorteer=kleur", "Sorteren op", "(sorteer)"),
        ("toegewezen=iedereen", "Toegewezen aan", "(toegewezen)"),
    ] {
        let res = client
            .get(app.url(&format!("/werkvoorraad?{query}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{query}");
        let html = res.text().await.unwrap();
        let alert = html
            .split("id=\"filter-fout\">")
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .unwrap_or_else(|| panic!("no filter error for {query}: {html}"));
        assert!(alert.contains(label), "{query}: {alert}");
        assert!(!alert.contains(code), "{query}: {alert}");
    }
}
