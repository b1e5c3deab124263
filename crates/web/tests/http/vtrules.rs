//! Issue 7, rule breaches 1, 2, 3 and 8 over the API: every melding assessed (also one joining an
//! open casus), conditions that travel, receivers that can receive, unanswered handovers escalate.

use schakel_domain::org::Role;
use serde_json::{Value, json};

use crate::flow::Api;
use crate::harness::App;

fn intake(app: &App, name: &str, bsn: &str) -> Value {
    let received = app.clock.now() - time::Duration::hours(1);
    json!({
        "intake": {
            "soort": "melding",
            "ontvangen_op": received.format(&time::format_description::well_known::Rfc3339).unwrap(),
            "kanaal": "politiemelding",
            "melder": {"type": "justitie_en_veiligheid", "organisatie": "Politie Limburg"},
            "betrokkenen": [
                {"rol": "kind_in_gezin", "naam": name, "geboortedatum": "2016-05-04",
                 "geslacht": "vrouw", "gemeente": "Venlo", "bsn": bsn},
            ],
            "aard_geweld_versie": "regio-2018",
            "aard_geweld": ["lichamelijke_mishandeling"],
            "omschrijving": "Politie trof een ruzie aan."
        }
    })
}

/// A melding about Fenna Verzonnen registered, read for urgency, assessed and decided on `track`
/// with `conditions`.
async fn decided(app: &App, vt: &Api, track: &str, conditions: &[&str]) -> String {
    decided_about(app, vt, "Fenna Verzonnen", "111222333", track, conditions).await
}

async fn decided_about(
    app: &App,
    vt: &Api,
    name: &str,
    bsn: &str,
    track: &str,
    conditions: &[&str],
) -> String {
    let (status, made) = vt
        .post(app, "/api/v1/intakes", intake(app, name, bsn))
        .await;
    assert_eq!(status, 201, "{made}");
    let case = made["case_id"].as_str().unwrap().to_string();
    for command in [
        json!({"type": "assess_urgency", "acute": false}),
        json!({"type": "assess_safety", "acute_unsafety": false, "structural_unsafety": true,
            "instrument": "Triage-instrument Veilig Thuis", "instrument_version": "0.6"}),
        json!({"type": "decide_follow_up", "track": track, "veiligheidsvoorwaarden": conditions}),
    ] {
        let (status, body) = vt.command(app, &case, command).await;
        assert_eq!(status, 201, "{body}");
    }
    case
}

fn kinds(queue: &Value, case: &str) -> Vec<String> {
    queue
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["case_id"] == case)
        .map(|q| q["kind"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_handover_to_a_school_a_gemeente_office_or_no_organisation_is_refused_naming_to_org() {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let case = decided(&app, &vt, "overdracht_lokaal_veld", &[]).await;
    let gemeente = app
        .store
        .organisation_by_name("Gemeente Venlo")
        .await
        .unwrap()
        .unwrap()
        .id;
    for to in [
        app.school.id.as_str(),
        gemeente.as_str(),
        "geen-organisatie",
    ] {
        let (status, body) = vt
            .command(&app, &case, json!({"type": "offer_handover", "to_org": to}))
            .await;
        assert_eq!(
            (status, body["field"].as_str()),
            (422, Some("to_org")),
            "{to}: {body}"
        );
    }
    assert!(
        app.store
            .case_events(&case)
            .await
            .unwrap()
            .iter()
            .all(|e| e.payload["kind"] != "handover_offered")
    );
    let (status, body) = vt
        .command(
            &app,
            &case,
            json!({"type": "offer_handover", "to_org": app.team.id}),
        )
        .await;
    assert_eq!(status, 201, "{body}");

    // The track must fit the receiver: a multidisciplinary team is not a lokaal team.
    let mda = decided_about(
        &app,
        &vt,
        "Sem Bedacht",
        "123456782",
        "overdracht_multidisciplinair_team",
        &[],
    )
    .await;
    let (status, body) = vt
        .command(
            &app,
            &mda,
            json!({"type": "offer_handover", "to_org": app.team.id}),
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("to_org")),
        "{body}"
    );
}

#[tokio::test]
async fn decided_conditions_travel_with_the_handover_and_a_decision_changes_only_with_a_reason() {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let condition = "Vader verblijft niet in de woning";
    let case = decided(&app, &vt, "overdracht_lokaal_veld", &[condition]).await;

    // A second decision is no silent overwrite.
    let (status, _) = vt
        .command(
            &app,
            &case,
            json!({"type": "decide_follow_up", "track": "overdracht_lokaal_veld"}),
        )
        .await;
    assert_eq!(status, 422);
    let (status, body) = vt
        .command(
            &app,
            &case,
            json!({"type": "revise_follow_up", "track": "overdracht_lokaal_veld",
                "veiligheidsvoorwaarden": [condition, "Kinderen gaan naar school"],
                "reason": "Nieuwe informatie van school"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let events = app.store.case_events(&case).await.unwrap();
    let revised = &events.last().unwrap().payload;
    assert_eq!(revised["kind"], "follow_up_revised");
    assert_eq!(revised["reason"], "Nieuwe informatie van school");

    // Offered without the decided conditions: refused, naming the reason field.
    let (status, body) = vt
        .command(
            &app,
            &case,
            json!({"type": "offer_handover", "to_org": app.team.id}),
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (422, Some("conditions_dropped_reason")),
        "{body}"
    );
    // With them (and one more), accepted; monitoring starts on acceptance.
    let (status, body) = vt
        .command(
            &app,
            &case,
            json!({"type": "offer_handover", "to_org": app.team.id,
                "veiligheidsvoorwaarden": [condition, "Kinderen gaan naar school", "Huisbezoek"]}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let team_lead = app
        .user("team.tl", &app.team.id.clone(), Role::Teamleider)
        .await;
    let team = Api::login(&app, "team.mw").await;
    let (status, body) = team
        .command(
            &app,
            &case,
            json!({"type": "accept_handover", "regiehouder": team_lead}),
        )
        .await;
    assert_eq!(
        (status, body["phase"].as_str()),
        (201, Some("monitoring")),
        "{body}"
    );
}

#[tokio::test]
async fn a_dropped_condition_is_stored_with_its_reason() {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let case = decided(
        &app,
        &vt,
        "overdracht_lokaal_veld",
        &["Geen contact met vader"],
    )
    .await;
    let (status, body) = vt
        .command(
            &app,
            &case,
            json!({"type": "offer_handover", "to_org": app.team.id,
                "conditions_dropped_reason": "Vader is verhuisd naar het buitenland"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let events = app.store.case_events(&case).await.unwrap();
    assert_eq!(
        events.last().unwrap().payload["conditions_dropped_reason"],
        "Vader is verhuisd naar het buitenland"
    );
}

#[tokio::test]
async fn a_melding_joining_a_case_in_monitoring_is_read_assessed_and_announced_to_the_accountable_team()
 {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let team_lead = app
        .user("team.tl", &app.team.id.clone(), Role::Teamleider)
        .await;
    let case = decided(&app, &vt, "voorwaarden_en_vervolg", &["Geen geweld"]).await;
    let (status, _) = vt
        .command(
            &app,
            &case,
            json!({"type": "give_feedback", "moment": "na_beoordeling"}),
        )
        .await;
    assert_eq!(status, 201);
    let (status, body) = vt
        .command(
            &app,
            &case,
            json!({"type": "offer_handover", "to_org": app.team.id, "veiligheidsvoorwaarden": ["Geen geweld"]}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let team = Api::login(&app, "team.mw").await;
    let (status, body) = team
        .command(
            &app,
            &case,
            json!({"type": "accept_handover", "regiehouder": team_lead}),
        )
        .await;
    assert_eq!(
        (status, body["phase"].as_str()),
        (201, Some("monitoring")),
        "{body}"
    );
    let (_, queue) = vt.get(&app, "/api/v1/work-queue").await;
    let before = kinds(&queue, &case);

    // A new melding about the same child joins the casus in monitoring.
    let (status, joined) = vt
        .post(
            &app,
            "/api/v1/intakes",
            intake(&app, "Fenna Verzonnen", "111222333"),
        )
        .await;
    assert_eq!(status, 201, "{joined}");
    assert_eq!(joined["case_id"], case.as_str());
    assert_eq!(joined["joined_open_casus"], true);
    let events = app.store.case_events(&case).await.unwrap();
    assert_eq!(events.last().unwrap().payload["n"], 1, "its position");

    let (_, queue) = vt.get(&app, "/api/v1/work-queue").await;
    let after = kinds(&queue, &case);
    assert!(!before.contains(&"urgentie".to_string()), "{before:?}");
    assert!(after.contains(&"urgentie".to_string()), "{after:?}");
    assert!(
        after.contains(&"veiligheidsbeoordeling".to_string()),
        "{after:?}"
    );
    let (_, team_queue) = team.get(&app, "/api/v1/work-queue").await;
    assert!(
        kinds(&team_queue, &case).contains(&"nieuwe_melding".to_string()),
        "{team_queue}"
    );

    // Urgency and assessment default to the waiting melding and name it in the event.
    let (status, body) = vt
        .command(
            &app,
            &case,
            json!({"type": "assess_urgency", "acute": true}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let events = app.store.case_events(&case).await.unwrap();
    assert_eq!(events.last().unwrap().payload["melding"], 1);
    let (status, body) = vt
        .command(
            &app,
            &case,
            json!({"type": "assess_safety", "acute_unsafety": true, "structural_unsafety": true,
                "instrument": "Triage-instrument Veilig Thuis", "instrument_version": "0.6", "melding": 1}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["phase"], "monitoring");
    let (_, queue) = vt.get(&app, "/api/v1/work-queue").await;
    let done = kinds(&queue, &case);
    assert!(!done.contains(&"urgentie".to_string()), "{done:?}");
    assert!(
        !done.contains(&"veiligheidsbeoordeling".to_string()),
        "{done:?}"
    );
    let (_, team_queue) = team.get(&app, "/api/v1/work-queue").await;
    assert!(!kinds(&team_queue, &case).contains(&"nieuwe_melding".to_string()));
}

#[tokio::test]
async fn an_unanswered_handover_escalates_to_the_vt_teamleider_and_a_refusal_needs_a_new_receiver()
{
    let app = App::demo().await;
    app.user("vt.tl", &app.vt.id.clone(), Role::Teamleider)
        .await;
    let vt = Api::login(&app, "vt.mw").await;
    let case = decided(&app, &vt, "overdracht_lokaal_veld", &[]).await;
    let (status, body) = vt
        .command(
            &app,
            &case,
            json!({"type": "offer_handover", "to_org": app.team.id}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let lead = Api::login(&app, "vt.tl").await;
    let (_, queue) = lead.get(&app, "/api/v1/work-queue").await;
    assert!(
        !kinds(&queue, &case).contains(&"overdracht_onbeantwoord".to_string()),
        "not before the answer time has passed: {queue}"
    );

    // Past the answer time (5 working days): escalated to the teamleider, clearly labelled.
    app.clock.advance(time::Duration::days(10));
    let lead = Api::login(&app, "vt.tl").await;
    let (_, queue) = lead.get(&app, "/api/v1/work-queue").await;
    let escalated = queue
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["case_id"] == case.as_str() && q["kind"] == "overdracht_onbeantwoord")
        .unwrap_or_else(|| panic!("escalated item: {queue}"));
    assert_eq!(escalated["overdue"], true);
    assert!(
        escalated["what"]
            .as_str()
            .unwrap()
            .starts_with("Geëscaleerd"),
        "{escalated}"
    );
    let worker = Api::login(&app, "vt.mw").await;
    let (_, queue) = worker.get(&app, "/api/v1/work-queue").await;
    assert!(!kinds(&queue, &case).contains(&"overdracht_onbeantwoord".to_string()));

    // Refused: Veilig Thuis must find a new receiver within a term.
    let team = Api::login(&app, "team.mw").await;
    let (status, body) = team
        .command(
            &app,
            &case,
            json!({"type": "refuse_handover", "reason": "Geen capaciteit"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let (_, queue) = worker.get(&app, "/api/v1/work-queue").await;
    assert!(
        kinds(&queue, &case).contains(&"nieuwe_ontvanger".to_string()),
        "{queue}"
    );
    let (_, queue) = lead.get(&app, "/api/v1/work-queue").await;
    assert!(!kinds(&queue, &case).contains(&"overdracht_onbeantwoord".to_string()));
}
