//! The Veilig Thuis flow over the API: intake, known-before check, assessment, decision, warm
//! handover to a lokaal team, feedback to the reporter, and who sees what along the way.

use schakel_domain::org::Role;
use serde_json::{Value, json};

use crate::harness::App;

pub fn intake(app: &App, child: &str, bsn: Option<&str>) -> Value {
    let received = app.clock.now() - time::Duration::hours(1);
    json!({
        "intake": {
            "soort": "melding",
            "ontvangen_op": received.format(&time::format_description::well_known::Rfc3339).unwrap(),
            "kanaal": "politiemelding",
            "melder": {"type": "justitie_en_veiligheid", "organisatie": "Politie Limburg"},
            "betrokkenen": [
                {"rol": "kind_in_gezin", "naam": child, "geboortedatum": "2016-05-04", "geslacht": "vrouw",
                 "gemeente": "Venlo", "bsn": bsn},
                {"rol": "pleger", "naam": "Verzonnen Vader", "geschatte_leeftijd": 40, "geslacht": "man", "gemeente": "Venlo"}
            ],
            "aard_geweld_versie": "regio-2018",
            "aard_geweld": ["lichamelijke_mishandeling", "getuige_van_geweld_in_gezin"],
            "specifieke_groepen": ["complexe_scheiding"],
            "omschrijving": "Politie trof een ruzie aan; het kind was erbij."
        }
    })
}

pub struct Api {
    client: reqwest::Client,
    csrf: String,
}

impl Api {
    pub async fn login(app: &App, user: &str) -> Api {
        let (client, csrf) = app.api_login(user).await;
        Api { client, csrf }
    }

    pub async fn post(&self, app: &App, path: &str, body: Value) -> (u16, Value) {
        let res = self
            .client
            .post(app.url(path))
            .header("x-csrf-token", &self.csrf)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn get(&self, app: &App, path: &str) -> (u16, Value) {
        let res = self.client.get(app.url(path)).send().await.unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// Runs one command at the case's current sequence number.
    pub async fn command(&self, app: &App, case: &str, command: Value) -> (u16, Value) {
        let seq = app
            .store
            .case_summary(case)
            .await
            .unwrap()
            .unwrap()
            .last_seq;
        self.post(
            app,
            &format!("/api/v1/cases/{case}/events"),
            json!({"expected_seq": seq, "command": command}),
        )
        .await
    }
}

#[tokio::test]
async fn a_melding_is_handed_over_warmly_and_the_lokaal_team_sees_only_what_was_handed_to_it() {
    let app = App::demo().await;
    let team_lead = app
        .user("team.tl", &app.team.id.clone(), Role::Teamleider)
        .await;
    let vt = Api::login(&app, "vt.mw").await;
    let (status, a) = vt
        .post(
            &app,
            "/api/v1/intakes",
            intake(&app, "Fenna Verzonnen", Some("111222333")),
        )
        .await;
    assert_eq!(status, 201, "{a}");
    assert_eq!(a["classification"]["class"], "eerste_melding");
    let a = a["case_id"].as_str().unwrap().to_string();
    let (_, b) = vt
        .post(&app, "/api/v1/intakes", intake(&app, "Sem Bedacht", None))
        .await;
    let b = b["case_id"].as_str().unwrap().to_string();

    assert_eq!(
        vt.command(&app, &a, json!({"type": "assess_urgency", "acute": false}))
            .await
            .0,
        201
    );
    let assessed = json!({"type": "assess_safety", "acute_unsafety": false, "structural_unsafety": true,
        "multi_problem": null, "instrument": "Triage-instrument Veilig Thuis", "instrument_version": "0.6"});
    assert_eq!(vt.command(&app, &a, assessed).await.0, 201);
    // The assessor is the signed-in user, set by the server.
    let events = app.store.case_events(&a).await.unwrap();
    assert_eq!(events.last().unwrap().payload["assessor"], "vt.mw");
    let decided = json!({"type": "decide_follow_up", "track": "overdracht_lokaal_veld",
        "veiligheidsvoorwaarden": ["Vader verblijft niet in de woning"]});
    assert_eq!(vt.command(&app, &a, decided).await.0, 201);

    // Before any handover the team sees neither case.
    let team = Api::login(&app, "team.mw").await;
    assert_eq!(
        team.get(&app, "/api/v1/cases")
            .await
            .1
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let offered = json!({"type": "offer_handover", "to_org": app.team.id,
        "veiligheidsvoorwaarden": ["Vader verblijft niet in de woning"], "monitoring_agreements": ["Na 6 weken overleg"]});
    let (status, recorded) = vt.command(&app, &a, offered).await;
    assert_eq!(status, 201, "{recorded}");
    assert_eq!(recorded["phase"], "overdracht");
    assert!(recorded["handover_id"].is_string(), "{recorded}");

    // The offered case is in the team's list and queue; the other case stays out of reach.
    let (_, listed) = team.get(&app, "/api/v1/cases").await;
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![a.as_str()]);
    let (_, queue) = team.get(&app, "/api/v1/work-queue").await;
    assert!(
        queue
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["case_id"] == a.as_str()),
        "{queue}"
    );
    // A case the team takes no part in answers as one that does not exist (issue 8, finding 4).
    assert_eq!(team.get(&app, &format!("/api/v1/cases/{b}")).await.0, 404);
    // Veilig Thuis stays accountable until acceptance.
    let (_, case) = vt.get(&app, &format!("/api/v1/cases/{a}")).await;
    assert_eq!(case["accountable_org"], app.vt.id.as_str());

    // Only the receiver accepts, naming a regiehouder of its own.
    let accept = |user: &str| json!({"type": "accept_handover", "regiehouder": user});
    // Answering an offer is the receiver's alone: the policy refuses it to Veilig Thuis (issue 8,
    // finding 7) before the lifecycle would.
    assert_eq!(
        vt.command(&app, &a, accept(&team_lead)).await.0,
        403,
        "Veilig Thuis cannot accept its own handover"
    );
    let outsider = app
        .store
        .user_by_username("vt.mw")
        .await
        .unwrap()
        .unwrap()
        .id;
    let (status, body) = team.command(&app, &a, accept(&outsider)).await;
    assert_eq!((status, body["field"].as_str()), (422, Some("regiehouder")));
    assert_eq!(team.command(&app, &a, accept(&team_lead)).await.0, 201);
    let (_, case) = team.get(&app, &format!("/api/v1/cases/{a}")).await;
    assert_eq!(case["accountable_org"], app.team.id.as_str());
    assert_eq!(case["ground"], "participation:accountable");
    // A case the team takes no part in answers as one that does not exist (issue 8, finding 4).
    assert_eq!(team.get(&app, &format!("/api/v1/cases/{b}")).await.0, 404);

    // Feedback to the reporter: conditions only when the reporter has a role.
    let (status, without) = vt
        .get(
            &app,
            &format!("/api/v1/cases/{a}/feedback?moment=na_beoordeling"),
        )
        .await;
    assert_eq!(status, 200, "{without}");
    let text = without["text"].to_string();
    assert!(
        text.contains("Wijkteam Venlo") && text.contains("Er is een vervolgtraject gestart"),
        "{text}"
    );
    assert!(
        !text.contains("Vader verblijft niet in de woning"),
        "{text}"
    );
    assert!(without["feedback"]["veiligheidsvoorwaarden"].is_null());
    // Whether the reporter has a role is part of the intake (issue 7 item 9), not a parameter:
    // see `monitoring::feedback_is_stored_as_sent_and_read_by_the_reporting_organisation_only`.
    assert!(app.store.verify().await.unwrap().broken.is_none());
}

#[tokio::test]
async fn a_new_melding_about_a_known_child_joins_the_open_casus_as_vervolgmelding() {
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
    let mut again = intake(&app, "Fenna Verzonen", Some("111222333"));
    again["intake"]["aard_geweld"] = json!(["psychisch_geweld"]);
    let (status, check) = vt
        .post(&app, "/api/v1/intakes/known-check", again["intake"].clone())
        .await;
    assert_eq!(status, 200, "{check}");
    assert!(
        check
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["certain"] == true && m["found"]["case_id"] == first.as_str())
    );
    let (status, joined) = vt.post(&app, "/api/v1/intakes", again).await;
    assert_eq!(status, 201, "{joined}");
    assert_eq!(joined["case_id"], first.as_str());
    assert_eq!(joined["joined_open_casus"], true);
    assert_eq!(
        joined["classification"]["class"], "vervolgmelding",
        "{joined}"
    );
    assert_eq!(
        joined["classification"]["moment"], "tijdens_beoordeling",
        "{joined}"
    );
}

#[tokio::test]
async fn flow_input_errors_name_the_field_and_a_stale_event_gets_409() {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let mut bad = intake(&app, "Fenna Verzonnen", Some("123456789"));
    let (status, body) = vt.post(&app, "/api/v1/intakes", bad.clone()).await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("intake.betrokkenen[0].bsn")),
        "{body}"
    );
    bad["intake"]["betrokkenen"][0]["bsn"] = Value::Null;
    bad["intake"]["betrokkenen"][0]["gemeente"] = json!("Atlantis");
    let (status, body) = vt.post(&app, "/api/v1/intakes", bad.clone()).await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("intake.betrokkenen[0].gemeente")),
        "{body}"
    );
    bad["intake"]["betrokkenen"][0]["gemeente"] = json!("Venlo");
    bad["intake"]["aard_geweld"] = json!(["toveren"]);
    let (status, body) = vt.post(&app, "/api/v1/intakes", bad.clone()).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["field"]
            .as_str()
            .unwrap()
            .starts_with("intake.aard_geweld"),
        "{body}"
    );
    bad["intake"]["soort"] = json!("roddel");
    let (status, body) = vt.post(&app, "/api/v1/intakes", bad).await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("intake.soort")),
        "{body}"
    );
    assert!(
        app.store
            .cases_for_org(
                &app.vt.id,
                &[schakel_domain::access::Participation::Accountable],
                10,
                0
            )
            .await
            .unwrap()
            .is_empty()
    );

    let (_, made) = vt
        .post(
            &app,
            "/api/v1/intakes",
            intake(&app, "Fenna Verzonnen", None),
        )
        .await;
    let case = made["case_id"].as_str().unwrap();
    let path = format!("/api/v1/cases/{case}/events");
    let urgency = json!({"type": "assess_urgency", "acute": true});
    assert_eq!(
        vt.post(&app, &path, json!({"expected_seq": 2, "command": urgency}))
            .await
            .0,
        201
    );
    let (status, body) = vt
        .post(&app, &path, json!({"expected_seq": 2, "command": urgency}))
        .await;
    assert_eq!((status, body["error"].as_str()), (409, Some("conflict")));
    let (status, body) = vt
        .post(
            &app,
            &path,
            json!({"expected_seq": 3, "command": {"type": "close", "reason": "klaar"}}),
        )
        .await;
    assert_eq!(status, 422, "closing before assessment is refused: {body}");
    // A school contact cannot register anything.
    let school = Api::login(&app, "school").await;
    assert_eq!(
        school
            .post(&app, "/api/v1/intakes", intake(&app, "X", None))
            .await
            .0,
        403
    );
}

#[tokio::test]
async fn raw_events_and_commands_that_only_registration_may_give_are_refused_naming_the_field() {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let (_, made) = vt
        .post(
            &app,
            "/api/v1/intakes",
            intake(&app, "Fenna Verzonnen", None),
        )
        .await;
    let case = made["case_id"].as_str().unwrap().to_string();
    let path = format!("/api/v1/cases/{case}/events");
    let forged = json!({"kind": "intake_recorded", "classification": {"class": "eerste_melding"},
        "intake": intake(&app, "Iemand Anders", None)["intake"].clone()});
    // The old wire format: a raw domain event.
    let (status, body) = vt
        .post(&app, &path, json!({"expected_seq": 2, "event": forged}))
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("event")),
        "{body}"
    );
    assert_eq!(body["error"], "invalid_input");
    // Commands that would open a case or record an intake do not exist.
    for kind in ["intake_recorded", "opened"] {
        let (status, body) = vt
            .post(
                &app,
                &path,
                json!({"expected_seq": 2, "command": {"type": kind, "classification": null}}),
            )
            .await;
        assert_eq!(status, 422, "{kind}: {body}");
        assert!(
            body["field"].as_str().unwrap().starts_with("command"),
            "{kind}: {body}"
        );
        assert!(body["message"].as_str().unwrap().contains(kind), "{body}");
    }
    // A free-text assessor is not a field of the command.
    let (status, body) = vt
        .post(
            &app,
            &path,
            json!({"expected_seq": 2, "command": {"type": "assess_safety", "acute_unsafety": false,
                "structural_unsafety": false, "instrument": "x", "instrument_version": "1", "assessor": "iemand"}}),
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("command.assessor")),
        "{body}"
    );
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("assessor: is geen bekend veld"),
        "{body}"
    );
    // Nor can an intake carry person ids of its own.
    let mut linked = intake(&app, "Fenna Verzonnen", None);
    linked["intake"]["betrokkenen"][0]["persoon_id"] = json!("iemand-anders");
    let (status, body) = vt.post(&app, "/api/v1/intakes", linked).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["field"].as_str().unwrap().ends_with("persoon_id"),
        "{body}"
    );
    assert_eq!(
        app.store.case_events(&case).await.unwrap().len(),
        2,
        "nothing written"
    );
}

/// Issue 8, finding 7: before it accepts, a receiver answers the offer (accept, refuse, ask a
/// question) and writes nothing else: no notes, over the API or the pages. Its question reaches
/// Veilig Thuis; once accepted, it writes notes as the accountable organisation.
#[tokio::test]
async fn before_accepting_a_receiver_only_accepts_refuses_or_asks_a_question() {
    let app = App::demo().await;
    let team_lead = app
        .user("team.tl", &app.team.id.clone(), Role::Teamleider)
        .await;
    let vt = Api::login(&app, "vt.mw").await;
    let (_, a) = vt
        .post(
            &app,
            "/api/v1/intakes",
            intake(&app, "Fenna Verzonnen", None),
        )
        .await;
    let a = a["case_id"].as_str().unwrap().to_string();
    for command in [
        json!({"type": "assess_urgency", "acute": false}),
        json!({"type": "assess_safety", "acute_unsafety": false, "structural_unsafety": true,
            "multi_problem": null, "instrument": "Triage-instrument Veilig Thuis", "instrument_version": "0.6"}),
        json!({"type": "decide_follow_up", "track": "overdracht_lokaal_veld", "veiligheidsvoorwaarden": []}),
        json!({"type": "offer_handover", "to_org": app.team.id, "veiligheidsvoorwaarden": [], "monitoring_agreements": []}),
    ] {
        assert_eq!(vt.command(&app, &a, command).await.0, 201);
    }
    let events_before = app.store.case_events(&a).await.unwrap().len();
    let team = Api::login(&app, "team.mw").await;
    let seq = || async { app.store.case_summary(&a).await.unwrap().unwrap().last_seq };
    // No note over the API, by either route.
    let (status, _) = team
        .post(
            &app,
            &format!("/api/v1/cases/{a}/notes"),
            json!({"expected_seq": seq().await, "text": "Notitie voor aanvaarding"}),
        )
        .await;
    assert_eq!(status, 403);
    let (status, _) = team
        .command(
            &app,
            &a,
            json!({"type": "add_note", "text": "Notitie voor aanvaarding"}),
        )
        .await;
    assert_eq!(status, 403);
    // Nor through the page, which offers no note form but an accept, refuse and question form.
    let (pages, csrf) = crate::harness::page_login(&app, "team.mw").await;
    let page = pages
        .get(app.url(&format!("/casussen/{a}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("/notities"), "no note form for the receiver");
    assert!(page.contains("name=\"actie\" value=\"aanvaarden\""));
    assert!(page.contains("name=\"actie\" value=\"weigeren\""));
    assert!(page.contains("name=\"actie\" value=\"vraag\""));
    let res = pages
        .post(app.url(&format!("/casussen/{a}/notities")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("volgnummer", &seq().await.to_string()),
            ("tekst", "Notitie voor aanvaarding"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(
        app.store.case_events(&a).await.unwrap().len(),
        events_before,
        "nothing was written"
    );
    // A question is an answer to the offer: recorded, and Veilig Thuis reads it.
    let res = pages
        .post(app.url(&format!("/casussen/{a}/acties")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("volgnummer", &seq().await.to_string()),
            ("actie", "vraag"),
            ("vraag", "Is de school al op de hoogte?"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (status, _) = team
        .command(
            &app,
            &a,
            json!({"type": "ask_question", "question": "Wie is de huisarts?"}),
        )
        .await;
    assert_eq!(status, 201);
    let (_, events) = vt.get(&app, &format!("/api/v1/cases/{a}/events")).await;
    let questions: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "handover_question_asked")
        .map(|e| e["payload"]["question"].as_str().unwrap())
        .collect();
    assert_eq!(
        questions,
        vec!["Is de school al op de hoogte?", "Wie is de huisarts?"]
    );
    let (vt_pages, _) = crate::harness::page_login(&app, "vt.mw").await;
    let vt_page = vt_pages
        .get(app.url(&format!("/casussen/{a}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        vt_page.contains("Vraag over de overdracht") && vt_page.contains("Wie is de huisarts?")
    );
    // Veilig Thuis does not answer its own offer.
    let (status, _) = vt
        .command(
            &app,
            &a,
            json!({"type": "ask_question", "question": "Eigen vraag?"}),
        )
        .await;
    assert_eq!(status, 403);
    // Once it has accepted, the team writes notes.
    let accept = json!({"type": "accept_handover", "regiehouder": team_lead});
    assert_eq!(team.command(&app, &a, accept).await.0, 201);
    let (status, _) = team
        .command(
            &app,
            &a,
            json!({"type": "add_note", "text": "Na aanvaarding"}),
        )
        .await;
    assert_eq!(status, 201);
}
