//! Issue 7 items 7 and 9 over the API: the regiehouder records a monitoring moment (codes from the
//! region's schedule, due on working days, early only with a reason), an unmet condition sends the
//! case back to Veilig Thuis and the former regiehouder keeps a read-only view with a notice; the
//! feedback to the reporter is stored as sent and read by the reporter's organisation.

use schakel_domain::org::Role;
use serde_json::{Value, json};

use crate::flow::Api;
use crate::harness::App;

fn melding(app: &App, child: &str, melder: Value) -> Value {
    let received = app.clock.now() - time::Duration::hours(1);
    json!({
        "intake": {
            "soort": "melding",
            "ontvangen_op": received.format(&time::format_description::well_known::Rfc3339).unwrap(),
            "kanaal": "telefoon",
            "melder": melder,
            "betrokkenen": [
                {"rol": "kind_in_gezin", "naam": child, "geboortedatum": "2016-05-04", "geslacht": "vrouw",
                 "gemeente": "Venlo"}
            ],
            "aard_geweld_versie": "regio-2018",
            "aard_geweld": ["lichamelijke_mishandeling"],
            "omschrijving": "Kind vertelt over klappen thuis."
        }
    })
}

/// Registers a melding and takes it to a handover offered to the wijkteam with one condition.
async fn offered(app: &App, vt: &Api, child: &str, melder: Value) -> String {
    let (status, made) = vt
        .post(app, "/api/v1/intakes", melding(app, child, melder))
        .await;
    assert_eq!(status, 201, "{made}");
    let case = made["case_id"].as_str().unwrap().to_string();
    for command in [
        json!({"type": "assess_urgency", "acute": false}),
        json!({"type": "assess_safety", "acute_unsafety": false, "structural_unsafety": true,
               "instrument": "Triage-instrument Veilig Thuis", "instrument_version": "0.6"}),
        json!({"type": "decide_follow_up", "track": "overdracht_lokaal_veld",
               "veiligheidsvoorwaarden": ["Vader verblijft niet in de woning"]}),
        json!({"type": "offer_handover", "to_org": app.team.id,
               "veiligheidsvoorwaarden": ["Vader verblijft niet in de woning"],
               "monitoring_agreements": ["Na 6 weken overleg met de school"]}),
    ] {
        let (status, body) = vt.command(app, &case, command).await;
        assert_eq!(status, 201, "{body}");
    }
    case
}

#[tokio::test]
async fn the_regiehouder_records_a_moment_and_an_unmet_condition_returns_the_case_read_only() {
    let app = App::demo().await;
    let regiehouder = app
        .user("team.rh", &app.team.id.clone(), Role::Medewerker)
        .await;
    let vt = Api::login(&app, "vt.mw").await;
    let team = Api::login(&app, "team.rh").await;
    let case = offered(&app, &vt, "Fenna Verzonnen", json!({"type": "onderwijs"})).await;
    let (status, body) = team
        .command(
            &app,
            &case,
            json!({"type": "accept_handover", "regiehouder": regiehouder}),
        )
        .await;
    assert_eq!(
        (status, body["phase"].as_str()),
        (201, Some("monitoring")),
        "{body}"
    );

    let moment = |extra: Value| {
        let mut c = json!({"type": "record_monitoring", "moment": "6_weken", "met": [],
            "family_contact": true, "family_contact_note": "Huisbezoek", "next_step": "Terug naar VT"});
        if let (Some(c), Some(extra)) = (c.as_object_mut(), extra.as_object()) {
            for (k, v) in extra {
                c.insert(k.clone(), v.clone());
            }
        }
        c
    };
    // Not a code of the region's schedule; not due yet without a reason; no next step.
    let (status, body) = team
        .command(&app, &case, moment(json!({"moment": "6 weken"})))
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("moment")),
        "{body}"
    );
    let (status, body) = team.command(&app, &case, moment(json!({}))).await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("early_reason")),
        "{body}"
    );
    let (status, body) = team
        .command(
            &app,
            &case,
            moment(json!({"next_step": " ", "early_reason": "Signaal school"})),
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("next_step")),
        "{body}"
    );
    let (status, body) = team
        .command(
            &app,
            &case,
            moment(json!({"family_contact": null, "early_reason": "Signaal school"})),
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("family_contact")),
        "{body}"
    );

    // Early with a reason, the condition unmet: back to Veilig Thuis at once.
    let (status, body) = team
        .command(
            &app,
            &case,
            moment(json!({"early_reason": "Signaal van school"})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["phase"], "intake");
    assert_eq!(body["accountable_org"], app.vt.id.as_str());
    let events = app.store.case_events(&case).await.unwrap();
    let recorded = events
        .iter()
        .find(|e| e.kind == "monitoring_recorded")
        .unwrap();
    assert_eq!(recorded.payload["report"]["family_contact"], true);
    assert_eq!(recorded.payload["report"]["next_step"], "Terug naar VT");
    assert_eq!(
        recorded.payload["report"]["early_reason"],
        "Signaal van school"
    );
    assert_eq!(events.last().unwrap().kind, "re_escalated");

    // The former regiehouder reads along, changes nothing, and is told in its queue.
    let (status, read) = team.get(&app, &format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, 200, "{read}");
    assert_eq!(read["ground"], "participation:former_regie");
    let (status, _) = team
        .command(&app, &case, json!({"type": "add_note", "text": "nog iets"}))
        .await;
    assert_eq!(status, 403);
    let (_, queue) = team.get(&app, "/api/v1/work-queue").await;
    assert!(
        queue
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["case_id"] == case.as_str() && q["kind"] == "terug_bij_veilig_thuis"),
        "{queue}"
    );
}

#[tokio::test]
async fn feedback_is_stored_as_sent_and_read_by_the_reporting_organisation_only() {
    let app = App::demo().await;
    app.user("juf", &app.school.id.clone(), Role::Medewerker)
        .await;
    let vt = Api::login(&app, "vt.mw").await;
    let melder = json!({"type": "onderwijs", "naam": "Mw. Voorbeeld", "organisatie_id": app.school.id,
        "rol_in_vervolg": true});
    let case = offered(&app, &vt, "Sem Bedacht", melder).await;

    // The role is part of the intake: the query parameter is gone.
    let (status, _) = vt
        .get(
            &app,
            &format!("/api/v1/cases/{case}/feedback?moment=na_beoordeling&reporter_has_role=true"),
        )
        .await;
    assert_eq!(status, 400);
    let (status, composed) = vt
        .get(
            &app,
            &format!("/api/v1/cases/{case}/feedback?moment=na_beoordeling"),
        )
        .await;
    assert_eq!(status, 200, "{composed}");
    let text = composed["text"].to_string();
    // Offered, not accepted: the text must not say care was handed over.
    assert!(!text.contains("is overgedragen"), "{text}");
    assert!(text.contains("nog niet aanvaard"), "{text}");
    // The reporter has a role (from the intake): the conditions are shared.
    assert!(text.contains("Vader verblijft niet in de woning"), "{text}");

    let (status, body) = vt
        .command(
            &app,
            &case,
            json!({"type": "give_feedback", "moment": "na_beoordeling"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let events = app.store.case_events(&case).await.unwrap();
    let sent = events.iter().find(|e| e.kind == "feedback_sent").unwrap();
    assert_eq!(sent.payload["to"], "Mw. Voorbeeld (Basisschool De Linde)");
    assert_eq!(sent.payload["to_org"], app.school.id.as_str());
    assert!(sent.payload["sent_at"].is_string());
    assert!(
        sent.payload["text"]
            .to_string()
            .contains("nog niet aanvaard"),
        "{}",
        sent.payload
    );

    // The school reads the feedback meant for it, not the file; the team, not in the case yet as
    // accountable or reporter, reads neither.
    let school = Api::login(&app, "juf").await;
    let (status, got) = school
        .get(&app, &format!("/api/v1/cases/{case}/feedback/sent"))
        .await;
    assert_eq!(status, 200, "{got}");
    assert_eq!(got.as_array().unwrap().len(), 1, "{got}");
    assert_eq!(got[0]["moment"], "na_beoordeling");
    assert_eq!(
        school.get(&app, &format!("/api/v1/cases/{case}")).await.0,
        403
    );
    let team = Api::login(&app, "team.mw").await;
    assert_eq!(
        team.get(&app, &format!("/api/v1/cases/{case}/feedback/sent"))
            .await
            .0,
        403
    );

    // RULES.md 2.1: informing the family is an event of its own.
    let (status, body) = vt
        .command(
            &app,
            &case,
            json!({"type": "inform_family", "moment": "na_beoordeling", "how": "Telefonisch, moeder"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let events = app.store.case_events(&case).await.unwrap();
    assert_eq!(events.last().unwrap().kind, "family_informed");
}
