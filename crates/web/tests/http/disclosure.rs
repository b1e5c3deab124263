//! Disclosure through the real API and page: a lokaal team offered a handover sees what it needs to
//! decide and nothing that identifies the family or the reporter; after accepting it sees the file,
//! except a reporter who asked for anonymity towards the family, whom only Veilig Thuis sees.

use schakel_domain::org::Role;
use serde_json::{Value, json};

use crate::flow::Api;
use crate::harness::{App, page_login};

const BSN: &str = "111222333";
const STREET: &str = "Lindelaan 7";
const SURNAME: &str = "Bedacht";

fn melding(app: &App, reporter: Value) -> Value {
    let received = app.clock.now() - time::Duration::hours(1);
    json!({
        "intake": {
            "soort": "melding",
            "ontvangen_op": received.format(&time::format_description::well_known::Rfc3339).unwrap(),
            "kanaal": "telefoon",
            "melder": reporter,
            "betrokkenen": [
                {"rol": "kind_in_gezin", "naam": format!("Fenna {SURNAME}"), "geboortedatum": "2016-05-04",
                 "geslacht": "vrouw", "gemeente": "Venlo", "bsn": BSN, "adres": format!("{STREET}, Venlo")},
                {"rol": "pleger", "naam": format!("Kees {SURNAME}"), "geschatte_leeftijd": 40, "geslacht": "man",
                 "gemeente": "Venlo", "adres": format!("{STREET}, Venlo")}
            ],
            "aard_geweld_versie": "regio-2018",
            "aard_geweld": ["lichamelijke_mishandeling"],
            "specifieke_groepen": [],
            "omschrijving": "De buurvrouw hoort elke avond geschreeuw."
        }
    })
}

/// Registers a melding and takes it through assessment, an instrument, a note and the decision to
/// a handover offered to the lokaal team. Returns the case id.
async fn offered_to_team(app: &App, vt: &Api, reporter: Value) -> String {
    let (status, made) = vt
        .post(app, "/api/v1/intakes", melding(app, reporter))
        .await;
    assert_eq!(status, 201, "{made}");
    let case = made["case_id"].as_str().unwrap().to_string();
    for command in [
        json!({"type": "assess_urgency", "acute": false}),
        json!({"type": "assess_safety", "acute_unsafety": false, "structural_unsafety": true,
            "multi_problem": null, "instrument": "Triage-instrument Veilig Thuis", "instrument_version": "0.6"}),
        json!({"type": "decide_follow_up", "track": "overdracht_lokaal_veld",
            "veiligheidsvoorwaarden": ["Vader verblijft niet in de woning"]}),
        json!({"type": "score_instrument", "instrument": "dash", "version": "2009",
            "item_scores": vec!["ja"; 27], "overall_judgement": "hoog"}),
        json!({"type": "add_note", "text": "Buurvrouw belde nogmaals."}),
        json!({"type": "offer_handover", "to_org": app.team.id,
            "veiligheidsvoorwaarden": ["Vader verblijft niet in de woning"], "monitoring_agreements": ["Na 6 weken overleg"]}),
    ] {
        let (status, body) = vt.command(app, &case, command.clone()).await;
        assert_eq!(status, 201, "{command}: {body}");
    }
    case
}

/// The bodies of GET case and GET events as one text.
async fn seen(app: &App, api: &Api, case: &str) -> String {
    let (status, one) = api.get(app, &format!("/api/v1/cases/{case}")).await;
    assert_eq!(status, 200, "{one}");
    let (status, events) = api.get(app, &format!("/api/v1/cases/{case}/events")).await;
    assert_eq!(status, 200, "{events}");
    format!("{one}\n{events}")
}

fn assert_absent(text: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(!text.contains(secret), "{secret} leaked:\n{text}");
    }
}

fn assert_present(text: &str, needed: &[&str]) {
    for n in needed {
        assert!(text.contains(n), "{n} missing:\n{text}");
    }
}

/// What identifies the family or tells the risk assessment.
const FILE: [&str; 6] = [
    BSN,
    STREET,
    SURNAME,
    "2016-05-04",
    "item_scores",
    "Triage-instrument",
];

#[tokio::test]
async fn a_receiver_sees_the_file_only_after_accepting_and_an_anonymous_reporter_never() {
    let app = App::demo().await;
    let lead = app
        .user("team.tl", &app.team.id.clone(), Role::Teamleider)
        .await;
    let vt = Api::login(&app, "vt.mw").await;
    let team = Api::login(&app, "team.mw").await;
    let anonymous = json!({"type": "niet_beroepsmatig", "naam": "Annemiek Geheim",
        "contact": "06-98765432", "anoniem_naar_gezin": true});
    let case = offered_to_team(&app, &vt, anonymous).await;
    let reporter = ["Annemiek Geheim", "06-98765432", "niet_beroepsmatig"];

    // Before acceptance: the household, the gemeente, the conditions and agreements; nothing of the
    // file, the reporter, the description or the journal.
    let before = seen(&app, &team, &case).await;
    assert_absent(&before, &FILE);
    assert_absent(&before, &reporter);
    assert_absent(&before, &["geschreeuw", "nogmaals"]);
    assert_present(
        &before,
        &[
            "Fenna",
            "kind_in_gezin",
            "Venlo",
            "Vader verblijft niet in de woning",
            "Na 6 weken overleg",
            "\"anoniem_naar_gezin\":true",
            "\"verborgen\":\"risk_assessment\"",
        ],
    );
    // The page says what accepting adds and who keeps the reporter.
    let (page, _) = page_login(&app, "team.mw").await;
    let html = page
        .get(app.url(&format!("/casussen/{case}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_absent(&html, &FILE[..4]);
    assert_absent(&html, &reporter[..2]);
    assert_present(
        &html,
        &[
            "Na aanvaarding van de overdracht ziet u ook volledige namen met geboortedatum, BSN, adressen, de omschrijving van de melding, de veiligheidsbeoordeling met risicotaxaties en het journaal met toelichtingen.",
            "Alleen Veilig Thuis ziet wie de melder is.",
        ],
    );

    let accept = json!({"type": "accept_handover", "regiehouder": lead});
    assert_eq!(team.command(&app, &case, accept).await.0, 201);

    // After acceptance: the whole file, still without the anonymous reporter.
    let after = seen(&app, &team, &case).await;
    assert_present(&after, &FILE);
    assert_present(&after, &["geschreeuw", "nogmaals"]);
    assert_absent(&after, &reporter);
    // Veilig Thuis sees the reporter, and the chain hashes the others do not get.
    let at_vt = seen(&app, &vt, &case).await;
    assert_present(&at_vt, &reporter);
    assert_present(&at_vt, &FILE);
    let (_, events) = vt.get(&app, &format!("/api/v1/cases/{case}/events")).await;
    assert_ne!(events[0]["hash"], "verborgen");
    let (_, events) = team
        .get(&app, &format!("/api/v1/cases/{case}/events"))
        .await;
    assert_eq!(events[0]["hash"], "verborgen");
}

#[tokio::test]
async fn a_reporter_who_did_not_ask_for_anonymity_is_shown_after_acceptance() {
    let app = App::demo().await;
    let lead = app
        .user("team.tl", &app.team.id.clone(), Role::Teamleider)
        .await;
    let vt = Api::login(&app, "vt.mw").await;
    let team = Api::login(&app, "team.mw").await;
    let open = json!({"type": "justitie_en_veiligheid", "naam": "Agent Jansen",
        "organisatie": "Politie Limburg", "anoniem_naar_gezin": false});
    let case = offered_to_team(&app, &vt, open).await;
    let before = seen(&app, &team, &case).await;
    assert_absent(&before, &["Agent Jansen", "Politie Limburg"]);
    let accept = json!({"type": "accept_handover", "regiehouder": lead});
    assert_eq!(team.command(&app, &case, accept).await.0, 201);
    let after = seen(&app, &team, &case).await;
    assert_present(&after, &["Agent Jansen", "Politie Limburg"]);
    assert_present(&after, &FILE);
}
