//! Issue 7, "Fit for daily work": forms in the NL Design System pattern. Every wrong field at once
//! (in the summary and at the field), what was typed kept, a refused case action back on the case
//! page, a stale one with what changed, and no risky defaults.

use serde_json::json;

use crate::flow::{Api, intake};
use crate::harness::{App, page_login};

/// The intake form with a melding's usual fields, and `extra` on top (later pairs win nothing: the
/// page reads the first value of a name, so `extra` holds only names not given here).
fn intake_form(csrf: &str, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = [
        ("csrf", csrf),
        ("soort", "melding"),
        ("kanaal", "politiemelding"),
        ("melder.type", "justitie_en_veiligheid"),
        ("melder.organisatie", "Politie Limburg"),
        ("betrokkenen[0].persoon_id", ""),
        ("betrokkenen[0].rol", "kind_in_gezin"),
        ("betrokkenen[0].naam", "Tess Verzonnen"),
        ("betrokkenen[0].geslacht", "vrouw"),
        ("betrokkenen[0].gemeente", "Venlo"),
        ("aard_geweld", "lichamelijke_mishandeling"),
    ]
    .iter()
    .chain(extra.iter())
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    pairs.push(("stap".into(), "controleren".into()));
    pairs
}

/// How many cases Veilig Thuis is accountable for.
async fn vt_cases(app: &App) -> usize {
    app.store
        .cases_for_org(
            &app.vt.id,
            &[schakel_domain::access::Participation::Accountable],
            1000,
            0,
        )
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn the_intake_page_shows_every_error_at_its_field_and_keeps_what_was_typed() {
    let app = App::demo().await;
    let (c, csrf) = page_login(&app, "vt.mw").await;
    let cases_before = vt_cases(&app).await;
    let res = c
        .post(app.url("/intake"))
        .form(&intake_form(
            &csrf,
            &[
                ("betrokkenen[0].geboortedatum", "2099-01-01"),
                ("betrokkenen[0].bsn", "123456789"),
                ("omschrijving", ""),
            ],
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Er zijn 3 fouten"), "{page}");
    // The summary links each error to its field, in form order.
    let links: Vec<&str> = page
        .split("<li><a href=\"#")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(links, ["b0-gd", "b0-bsn", "omschrijving"]);
    for id in ["b0-gd", "b0-bsn", "omschrijving"] {
        assert!(
            page.contains(&format!(
                "id=\"{id}\" name=\"{}\"",
                match id {
                    "b0-gd" => "betrokkenen[0].geboortedatum",
                    "b0-bsn" => "betrokkenen[0].bsn",
                    _ => "omschrijving",
                }
            )),
            "{id}"
        );
        assert!(
            page.contains(&format!(
                "aria-invalid=\"true\" aria-describedby=\"{id}-fout\""
            )),
            "{id} is marked invalid"
        );
        assert!(page.contains(&format!("<p class=\"field__error\" id=\"{id}-fout\">")));
    }
    // The message stands above its input.
    let message = page.find("id=\"b0-bsn-fout\"").unwrap();
    let input = page.find("id=\"b0-bsn\" name=").unwrap();
    assert!(message < input);
    // Everything typed is kept.
    for kept in [
        "value=\"Tess Verzonnen\"",
        "value=\"123456789\"",
        "value=\"2099-01-01\"",
        "value=\"Politie Limburg\"",
    ] {
        assert!(page.contains(kept), "{kept}");
    }
    assert!(page.contains("<option value=\"Venlo\" selected>"));
    assert_eq!(vt_cases(&app).await, cases_before, "nothing written");
}

#[tokio::test]
async fn an_unparsable_date_is_reported_with_the_other_errors() {
    let app = App::demo().await;
    let (c, csrf) = page_login(&app, "vt.mw").await;
    let res = c
        .post(app.url("/intake"))
        .form(&intake_form(
            &csrf,
            &[
                ("ontvangen_op", "gisteren"),
                ("betrokkenen[0].geschatte_leeftijd", "zes"),
                ("omschrijving", "Ruzie gehoord."),
                ("betrokkenen[1].rol", "pleger"),
            ],
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    let links: Vec<&str> = page
        .split("<li><a href=\"#")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    // What did not parse, and what the domain finds wrong in the rest: a second row with a role
    // but no name, birth date or gemeente.
    assert_eq!(
        links,
        [
            "ontvangen_op",
            "b0-gd",
            "b0-lft",
            "b1-naam",
            "b1-gd",
            "b1-gem"
        ]
    );
    assert!(page.contains("Er zijn 6 fouten"));
}

#[tokio::test]
async fn the_intake_starts_without_a_gemeente_and_enter_runs_the_known_before_check() {
    let app = App::demo().await;
    let (c, _) = page_login(&app, "vt.mw").await;
    let page = c
        .get(app.url("/intake"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let gemeente = page.split("id=\"b0-gem\"").nth(1).unwrap();
    let gemeente = gemeente.split("</select>").next().unwrap();
    assert!(gemeente.contains("<option value=\"\">Kies een gemeente</option>"));
    assert!(
        !gemeente.contains("selected"),
        "no gemeente chosen for the user"
    );
    // The first submit button of the form (what Enter presses) is the check.
    let form = page.split("id=\"intake-formulier\"").nth(1).unwrap();
    let first_submit = form.split("type=\"submit\"").nth(1).unwrap();
    assert!(first_submit.starts_with(" name=\"stap\" value=\"controleren\""));
    assert!(page.contains("(niet verplicht)"));
}

#[tokio::test]
async fn the_api_lists_every_wrong_field_beside_the_first() {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let mut body = intake(&app, "Tess Verzonnen", Some("123456789"));
    body["intake"]["omschrijving"] = json!("");
    body["intake"]["betrokkenen"][1]["gemeente"] = json!("Maastricht");
    let (status, err) = vt.post(&app, "/api/v1/intakes", body).await;
    assert_eq!(status, 422, "{err}");
    let fields: Vec<&str> = err["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "intake.betrokkenen[0].bsn",
            "intake.betrokkenen[1].gemeente",
            "intake.omschrijving"
        ]
    );
    assert_eq!(err["field"], "intake.betrokkenen[0].bsn");
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(err["errors"][2]["code"], "error-required");
    assert!(!err["errors"][2]["message"].as_str().unwrap().is_empty());
    // Other errors carry an empty list, so the shape is the same for every error.
    let (status, err) = vt.get(&app, "/api/v1/cases/bestaat-niet").await;
    assert_eq!(status, 404);
    assert_eq!(err["errors"], json!([]));
    // The OpenAPI document describes the list.
    let doc: serde_json::Value = app
        .client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let errors = &doc["components"]["schemas"]["Error"]["properties"]["errors"];
    assert_eq!(
        errors["items"]["$ref"], "#/components/schemas/FieldError",
        "{errors}"
    );
    let field_error = &doc["components"]["schemas"]["FieldError"]["properties"];
    for name in ["code", "field", "message"] {
        assert!(field_error[name].is_object(), "{name}");
    }
}

/// Posts a case-action form at sequence number `seq`.
async fn act(
    app: &App,
    c: &reqwest::Client,
    case: &str,
    seq: i64,
    pairs: &[(&str, &str)],
) -> (u16, String) {
    let seq = seq.to_string();
    let mut form: Vec<(&str, &str)> = vec![("volgnummer", seq.as_str())];
    form.extend_from_slice(pairs);
    let res = c
        .post(app.url(&format!("/casussen/{case}/acties")))
        .form(&form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn seq(app: &App, case: &str) -> i64 {
    app.store
        .case_summary(case)
        .await
        .unwrap()
        .unwrap()
        .last_seq
}

#[tokio::test]
async fn a_refused_case_action_comes_back_on_the_case_page_with_its_input_and_all_errors() {
    let app = App::demo().await;
    let case = app.seed_case("Melding Formulier").await;
    let (c, csrf) = page_login(&app, "vt.mw").await;
    let (status, _) = act(
        &app,
        &c,
        &case,
        seq(&app, &case).await,
        &[("csrf", &csrf), ("actie", "urgentie"), ("acuut", "nee")],
    )
    .await;
    assert_eq!(status, 303);
    // The assessment form offers the region's instrument from a list, and part C starts empty.
    let page = c
        .get(app.url(&format!("/casussen/{case}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<select id=\"instrument\" name=\"instrument\">"));
    assert!(page.contains("value=\"triage_vt:0.6\""));
    assert!(!page.contains("id=\"c-over\" name=\"multiprobleem\" value=\"overgeslagen\" checked"));
    let before = seq(&app, &case).await;
    let (status, page) = act(
        &app,
        &c,
        &case,
        before,
        &[
            ("csrf", &csrf),
            ("actie", "beoordeling"),
            ("acuut", "nee"),
            ("instrument", "Zelf getypt"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    // The case page: menu, case header, and the form with its errors and input.
    assert!(page.contains("class=\"main-nav\""));
    assert!(page.contains(&app.case_title(&case).await));
    assert!(page.contains("Er zijn 3 fouten"), "{page}");
    let links: Vec<&str> = page
        .split("<li><a href=\"#")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(links, ["b-ja", "c-ja", "instrument"]);
    assert!(page.contains("id=\"a-nee\" name=\"acuut\" value=\"nee\" checked"));
    assert!(page.contains("id=\"b-ja\" name=\"structureel\" value=\"ja\" aria-invalid=\"true\" aria-describedby=\"b-ja-fout\""));
    assert!(page.contains("autofocus"));
    assert_eq!(seq(&app, &case).await, before, "nothing written");
    // Sent right, it is recorded; the decision then starts without a track.
    let (status, _) = act(
        &app,
        &c,
        &case,
        before,
        &[
            ("csrf", &csrf),
            ("actie", "beoordeling"),
            ("acuut", "nee"),
            ("structureel", "ja"),
            ("multiprobleem", "overgeslagen"),
            ("instrument", "triage_vt:0.6"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let page = c
        .get(app.url(&format!("/casussen/{case}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let track = page.split("id=\"traject\"").nth(1).unwrap();
    let track = track.split("</select>").next().unwrap();
    assert!(track.contains("<option value=\"\">Kies een vervolgtraject</option>"));
    assert!(!track.contains("selected"));
    let events = app.store.case_events(&case).await.unwrap();
    let assessed = events.iter().find(|e| e.kind == "safety_assessed").unwrap();
    assert_eq!(assessed.payload["instrument"], "triage_vt");
    assert_eq!(assessed.payload["instrument_version"], "0.6");
}

#[tokio::test]
async fn a_stale_case_action_comes_back_with_its_input_and_what_changed() {
    let app = App::demo().await;
    let case = app.seed_case("Melding Tegelijk").await;
    let (c, csrf) = page_login(&app, "vt.mw").await;
    let opened_at = seq(&app, &case).await;
    // Someone else writes a note after the form was opened.
    let vt = Api::login(&app, "vt.mw").await;
    let (status, _) = vt
        .post(
            &app,
            &format!("/api/v1/cases/{case}/notes"),
            json!({"expected_seq": opened_at, "text": "Gebeld met school."}),
        )
        .await;
    assert_eq!(status, 201);
    let (status, page) = act(
        &app,
        &c,
        &case,
        opened_at,
        &[("csrf", &csrf), ("actie", "urgentie"), ("acuut", "nee")],
    )
    .await;
    assert_eq!(status, 409);
    assert!(page.contains("Deze casus is intussen gewijzigd"), "{page}");
    let changes = page
        .split("Gewijzigd sinds u het formulier opende:")
        .nth(1)
        .unwrap();
    let changes = changes.split("</ul>").next().unwrap();
    assert!(
        changes.contains(&schakel_domain::case::CaseEvent::label_for_kind(
            "note_added"
        ))
    );
    assert!(page.contains("id=\"urg-nee\" name=\"acuut\" value=\"nee\" checked"));
    // The form now carries the current sequence number, so sending it again works.
    let now = seq(&app, &case).await;
    assert!(page.contains(&format!("name=\"volgnummer\" value=\"{now}\"")));
    assert!(
        app.store
            .case_events(&case)
            .await
            .unwrap()
            .iter()
            .all(|e| e.kind != "urgency_assessed")
    );
}
