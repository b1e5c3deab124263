//! Issue 7, "fit for daily work": the case page says what was decided, every time is Dutch time,
//! the access log speaks Dutch, and policy staff and school contacts get a start page of their own.

use schakel_domain::org::Role;
use serde_json::{Value, json};

use crate::flow::Api;
use crate::harness::{App, page_login};

fn melding(app: &App, child: &str) -> Value {
    melding_received(app.clock.now() - time::Duration::hours(1), child)
}

fn melding_received(received: time::OffsetDateTime, child: &str) -> Value {
    json!({
        "intake": {
            "soort": "melding",
            "ontvangen_op": received.format(&time::format_description::well_known::Rfc3339).unwrap(),
            "kanaal": "telefoon",
            "melder": {"type": "onderwijs"},
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

const CONDITION: &str = "Vader verblijft niet in de woning";

/// A melding read as not acute, assessed (B positive), decided as a handover to the wijkteam with
/// one condition, offered, and accepted with `regiehouder` as regiehouder.
async fn accepted(app: &App, vt: &Api, team: &Api, regiehouder: &str) -> String {
    let (status, made) = vt
        .post(app, "/api/v1/intakes", melding(app, "Fenna Verzonnen"))
        .await;
    assert_eq!(status, 201, "{made}");
    let case = made["case_id"].as_str().unwrap().to_string();
    for command in [
        json!({"type": "assess_urgency", "acute": false}),
        json!({"type": "assess_safety", "acute_unsafety": false, "structural_unsafety": true,
               "instrument": "Triage-instrument Veilig Thuis", "instrument_version": "0.6"}),
        json!({"type": "decide_follow_up", "track": "overdracht_lokaal_veld",
               "veiligheidsvoorwaarden": [CONDITION]}),
        json!({"type": "offer_handover", "to_org": app.team.id,
               "veiligheidsvoorwaarden": [CONDITION],
               "monitoring_agreements": ["Na 6 weken overleg met de school"]}),
    ] {
        let (status, body) = vt.command(app, &case, command).await;
        assert_eq!(status, 201, "{body}");
    }
    let (status, body) = team
        .command(
            app,
            &case,
            json!({"type": "accept_handover", "regiehouder": regiehouder}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    case
}

async fn page(client: &reqwest::Client, app: &App, path: &str) -> String {
    let res = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.text().await.unwrap()
}

/// The part of the page between two markers (the summary block), so an assertion cannot be met
/// by the timeline or the forms further down.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("{from} not in page"));
    let rest = &html[start..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

#[tokio::test]
async fn the_case_page_opens_with_what_was_decided_who_holds_regie_and_how_deadlines_stand() {
    let app = App::demo().await;
    let regiehouder = app
        .user("team.rh", &app.team.id.clone(), Role::Medewerker)
        .await;
    let vt = Api::login(&app, "vt.mw").await;
    let team = Api::login(&app, "team.rh").await;
    let case = accepted(&app, &vt, &team, &regiehouder).await;
    let team_name = app
        .store
        .organisations()
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.id == app.team.id)
        .unwrap()
        .name;

    let (client, _) = page_login(&app, "team.rh").await;
    let html = page(&client, &app, &format!("/casussen/{case}")).await;
    let summary = between(&html, "class=\"case-summary\"", "</section>");
    assert!(summary.contains("Wat er besloten is"), "{summary}");
    assert!(summary.contains("Niet acuut"), "{summary}");
    // Part A no, part B yes, part C skipped: the A/B/C outcome in words.
    assert!(
        summary.contains("<dt>A. Acute onveiligheid</dt><dd>Nee</dd>"),
        "{summary}"
    );
    assert!(
        summary.contains("<dt>B. Structurele onveiligheid</dt><dd>Ja</dd>"),
        "{summary}"
    );
    assert!(summary.contains("Overgeslagen"), "{summary}");
    // The decision by its label, never its code.
    assert!(!summary.contains("overdracht_lokaal_veld"), "{summary}");
    assert!(summary.contains("Overdracht"), "{summary}");
    // The condition and its monitoring status.
    assert!(summary.contains(CONDITION), "{summary}");
    assert!(summary.contains("Nog niet gecontroleerd"), "{summary}");
    // The regiehouder: organisation and worker.
    assert!(summary.contains(&team_name), "{summary}");
    assert!(summary.contains("Test team.rh"), "{summary}");
    // Every deadline says where it stands in words, not colour alone, with a Dutch date.
    let deadlines = between(summary, "due-list", "</ul>");
    assert!(deadlines.contains("uiterlijk "), "{deadlines}");
    assert!(
        ["Op tijd", "Binnen 1 werkdag", "Verlopen"]
            .iter()
            .any(|w| deadlines.contains(w)),
        "{deadlines}"
    );
    assert!(
        !deadlines.contains(&format!("{}-", app.clock.now().year())),
        "an ISO date: {deadlines}"
    );

    // A moment recorded with the condition met changes its status.
    let (status, body) = team
        .command(
            &app,
            &case,
            json!({"type": "record_monitoring", "moment": "6_weken", "met": [0],
                   "family_contact": true, "family_contact_note": "Huisbezoek",
                   "next_step": "Volgende keer school", "early_reason": "Overleg met school"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let html = page(&client, &app, &format!("/casussen/{case}")).await;
    let summary = between(&html, "class=\"case-summary\"", "</section>");
    assert!(
        summary.contains("Nagekomen bij de laatste monitoring"),
        "{summary}"
    );
}

#[tokio::test]
async fn every_time_on_the_case_page_is_dutch_time_the_intake_as_well_as_the_timeline() {
    let app = App::demo().await;
    let vt = Api::login(&app, "vt.mw").await;
    let received = app.clock.now() - time::Duration::hours(1);
    let (status, made) = vt
        .post(
            &app,
            "/api/v1/intakes",
            melding_received(received, "Fenna Verzonnen"),
        )
        .await;
    assert_eq!(status, 201, "{made}");
    let case = made["case_id"].as_str().unwrap();
    let (client, _) = page_login(&app, "vt.mw").await;
    let html = page(&client, &app, &format!("/casussen/{case}")).await;
    let events = app.store.case_events(case).await.unwrap();
    assert!(!events.is_empty());
    for e in &events {
        let at = schakel_store::time_text::parse(&e.at).unwrap();
        let dutch = schakel_domain::calendar::dutch_moment(at);
        let utc = format!(
            "{} {:02}:{:02}",
            schakel_domain::calendar::dutch_date(at.date()),
            at.hour(),
            at.minute()
        );
        // Dutch time is UTC + 1 or + 2, never UTC itself.
        assert_ne!(dutch, utc);
        assert!(
            html.contains(&dutch),
            "{} at {dutch} not on the page",
            e.kind
        );
        assert!(
            !html.contains(&format!(">{utc}<")),
            "{} shown in UTC",
            e.kind
        );
    }
    // The intake's receipt, an hour before, in the same Dutch time as the timeline.
    let shown = schakel_domain::calendar::dutch_moment(received);
    assert!(html.contains(&shown), "receipt {shown} not on the page");
    // No raw ISO moment anywhere.
    assert!(
        !html.contains(&format!("{}T", received.date())),
        "an ISO moment"
    );
}

#[tokio::test]
async fn the_access_log_shows_dutch_labels_not_codes() {
    let app = App::demo().await;
    let case = app.seed_case("Labels").await;
    let (vt, _) = page_login(&app, "vt.mw").await;
    page(&vt, &app, &format!("/casussen/{case}")).await;
    page(&vt, &app, "/zoeken?q=Geheime").await;
    let (privacy, _) = page_login(&app, "privacy").await;
    let html = page(&privacy, &app, "/toegangslog").await;
    let table = between(&html, "<tbody>", "</tbody>");
    for label in [
        "Inzien",
        "Zoeken",
        "Casus",
        "Rol in de casus: ",
        "toegestaan",
    ] {
        assert!(table.contains(label), "{label} missing: {table}");
    }
    for code in [
        ">read<",
        ">search<",
        ">case ",
        "participation:",
        "role:",
        "accountable",
        ">medewerker<",
        "privacy_officer",
        "access_log",
    ] {
        assert!(!table.contains(code), "{code} shown: {table}");
    }
}

#[tokio::test]
async fn policy_staff_see_the_regions_counts_with_small_ones_hidden() {
    let app = App::demo().await;
    // One melding in Venlo: a count of 1, shown as "< 5".
    app.seed_case("Regio").await;
    let (client, _) = page_login(&app, "beleid").await;
    let html = page(&client, &app, "/").await;
    let region = between(&html, "De regio nu", "</section>");
    assert!(region.contains("halfjaar"), "{region}");
    let venlo = between(region, "<th scope=\"row\">Venlo</th>", "</tr>");
    assert!(
        venlo.contains("&#60; 5") || venlo.contains("&lt; 5"),
        "{venlo}"
    );
    assert!(!venlo.contains(">1<"), "{venlo}");
    // Counts only: no names of people, no case links.
    assert!(!html.contains("Geheime Naam"));
    assert!(!html.contains("/casussen/"));
}

#[tokio::test]
async fn a_school_contact_sees_what_will_appear_and_whom_to_call() {
    let app = App::demo().await;
    app.seed_case("School").await;
    let (client, _) = page_login(&app, "school").await;
    let html = page(&client, &app, "/").await;
    let empty = between(&html, "class=\"empty-state\"", "</section>");
    assert!(empty.contains("Handle with Care"), "{empty}");
    assert!(empty.contains("nooit wát"), "{empty}");
    assert!(empty.contains("0800-2000"), "{empty}");
    assert!(!html.contains("Geheime Naam"));
    assert!(!html.contains("<table"));
}
