//! Issue 12: the action programme through the pages and the API. The projectleider opens a round,
//! a trekker updates an action of their own working group (and not of another), the projectleider
//! sees who has not responded and generates the appendix as HTML, PDF and CSV; a wrong update comes
//! back with the error at its field; the pages say they hold no personal data of clients.

use schakel_domain::org::{OrgKind, Role};
use schakel_domain::programme::ProgrammeCommand;
use schakel_testkit::Region;
use serde_json::json;

use crate::flow::Api;
use crate::harness::{App, page_login};

const NO_CLIENT_DATA: &str = "geen persoonsgegevens van cliënten";

/// The harness with a programme office (the projectleider), the test programme, a round held last
/// half year, and "beleid" linked as trekker of the working group "ouderen".
async fn app() -> App {
    let app = App::demo().await;
    let office = Region::add(
        &app.store,
        "Programmabureau",
        OrgKind::Programmabureau,
        &["Venlo"],
    )
    .await;
    app.user("pl", &office, Role::Teamleider).await;
    schakel_testkit::programme::import(&app.store).await;
    schakel_testkit::programme::held_round(&app.store, app.clock.now()).await;
    let beleid = app.store.user_by_username("beleid").await.unwrap().unwrap();
    let state = schakel_app::programme::load(&app.store, schakel_testkit::programme::ID)
        .await
        .unwrap();
    let event = state
        .decide(
            ProgrammeCommand::LinkMember {
                group: "ouderen".into(),
                user_id: beleid.id,
                name: beleid.display_name,
                trekker: true,
            },
            app.clock.now().date(),
        )
        .unwrap();
    let by = schakel_domain::programme::Author {
        user_id: "system".into(),
        name: "Test".into(),
    };
    app.store
        .append_programme_event(
            schakel_testkit::programme::ID,
            state.seq as i64,
            app.clock.now(),
            &by,
            &event,
        )
        .await
        .unwrap();
    app
}

async fn text(c: &reqwest::Client, app: &App, path: &str) -> (u16, String) {
    let res = c.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn post(c: &reqwest::Client, app: &App, path: &str, form: &[(&str, &str)]) -> (u16, String) {
    let res = c
        .post(app.url(path))
        .header("origin", app.base.clone())
        .form(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn a_round_from_opening_to_the_appendix() {
    let app = app().await;
    let (pl, pl_csrf) = page_login(&app, "pl").await;
    let (trekker, t_csrf) = page_login(&app, "beleid").await;

    // The projectleider opens this half year's round; a second one is refused at its field.
    let due = (app.clock.now().date() + time::Duration::days(20)).to_string();
    let (status, _) = post(
        &pl,
        &app,
        "/programma/rondes",
        &[("csrf", &pl_csrf), ("uiterlijk", &due)],
    )
    .await;
    assert_eq!(status, 303);
    let (status, page) = text(&pl, &app, "/programma/rondes").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("0 van 2 acties bijgewerkt"),
        "ouderen has answered nothing yet"
    );

    // The trekker updates an action of their group; another group's action is not theirs.
    let (status, _) = post(
        &trekker,
        &app,
        "/programma/acties/1.1.2",
        &[
            ("csrf", &t_csrf),
            ("status", "loopt"),
            ("toelichting", "Eerste training gegeven in Venlo."),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _) = post(
        &trekker,
        &app,
        "/programma/acties/1.1.3",
        &[
            ("csrf", &t_csrf),
            ("status", "loopt"),
            ("toelichting", "Niet van mij"),
        ],
    )
    .await;
    assert_eq!(status, 403, "1.1.3 belongs to the working group migranten");
    let (_, page) = text(&trekker, &app, "/programma/acties/1.1.3").await;
    assert!(
        !page.contains("name=\"toelichting\""),
        "no update form on another group's action"
    );

    // Delayed without a reason: the error at its field, the choice kept.
    let (status, page) = post(
        &trekker,
        &app,
        "/programma/acties/1.1.1",
        &[
            ("csrf", &t_csrf),
            ("status", "vertraagd"),
            ("toelichting", ""),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"toelichting-fout\""), "{page}");
    assert!(page.contains("aria-invalid=\"true\""));
    assert!(page.contains("<option value=\"vertraagd\" selected>"));
    assert!(
        page.contains("href=\"#toelichting\""),
        "the summary links to the field"
    );

    let (_, page) = text(&pl, &app, "/programma/rondes").await;
    assert!(page.contains("1 van 2 acties bijgewerkt"), "{page}");
    assert!(
        page.contains("Plan van aanpak opstellen"),
        "what is missing is listed"
    );

    // Closed, the round's appendix: the trekker's note as HTML, CSV and PDF.
    let (status, _) = post(
        &pl,
        &app,
        "/programma/rondes/sluiten",
        &[("csrf", &pl_csrf)],
    )
    .await;
    assert_eq!(status, 303);
    app.seed_case("Programma").await;
    let (status, html) = text(&pl, &app, "/programma/bijlage?ronde=2").await;
    assert_eq!(status, 200);
    // The linked monitor figure: this half year's melding beside the previous half year's none.
    assert!(
        html.contains("Meldingen Veilig Thuis: 1 (vorig halfjaar 0)"),
        "{html}"
    );
    assert!(html.contains("Eerste training gegeven in Venlo."));
    assert!(
        html.contains("was Niet gestart"),
        "the change since the previous round"
    );
    assert!(html.contains(NO_CLIENT_DATA));
    let res = pl
        .get(app.url("/programma/bijlage.csv?ronde=2"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let csv = res.text().await.unwrap();
    let training = csv
        .lines()
        .find(|l| l.contains(";1.1.2;"))
        .expect("a row for 1.1.2");
    assert!(
        training.contains(";Loopt;Niet gestart;Eerste training gegeven in Venlo."),
        "{training}"
    );
    let res = pl
        .get(app.url("/programma/bijlage.pdf?ronde=2"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let pdf = res.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let words = schakel_reports::extract_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("Voortgangsbijlage"), "{words}");
    assert!(
        words.contains("Eerste training gegeven in Venlo."),
        "{words}"
    );
    assert!(
        words.contains(NO_CLIENT_DATA),
        "the footer says it holds no client data: {words}"
    );

    // The trekker may read but not steer.
    let (status, _) = post(
        &trekker,
        &app,
        "/programma/rondes",
        &[("csrf", &t_csrf), ("uiterlijk", &due)],
    )
    .await;
    assert_eq!(status, 403);
    let (status, page) = text(&trekker, &app, "/programma").await;
    assert_eq!(status, 200);
    assert!(page.contains(NO_CLIENT_DATA));
    assert!(
        !page.contains("Waar ingrijpen?"),
        "the signals are the projectleider's"
    );
    let (_, page) = text(&pl, &app, "/programma").await;
    assert!(page.contains("Waar ingrijpen?"));
    assert!(page.contains("Migranten"), "migranten did not respond");
}

#[tokio::test]
async fn the_api_reads_and_writes_with_the_sequence_number() {
    let app = app().await;
    let pl = Api::login(&app, "pl").await;
    let (status, body) = pl.get(&app, "/api/v1/programme").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["actions"].as_array().unwrap().len(), 4);
    assert!(
        body["signals"].is_object(),
        "the projectleider sees the signals"
    );
    let seq = body["seq"].as_u64().unwrap();
    let update = |expected_seq: u64, status: &str| json!({"expected_seq": expected_seq, "status": status, "note": "Via de API"});
    let (status, body) = pl
        .post(
            &app,
            "/api/v1/programme/actions/1.2.1",
            update(seq - 1, "loopt"),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    let (status, body) = pl
        .post(
            &app,
            "/api/v1/programme/actions/1.2.1",
            update(seq, "bijna"),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["field"], "status");
    let (status, body) = pl
        .post(
            &app,
            "/api/v1/programme/actions/1.2.1",
            update(seq, "loopt"),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["seq"].as_u64(), Some(seq + 1));

    let beleid = Api::login(&app, "beleid").await;
    let (status, body) = beleid.get(&app, "/api/v1/programme").await;
    assert_eq!(status, 200);
    assert!(body["signals"].is_null());
    let editable: Vec<&str> = body["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["editable"] == true)
        .map(|a| a["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        editable,
        ["1.1.1", "1.1.2"],
        "only the actions of the trekker's own group"
    );
    let (status, _) = beleid
        .post(
            &app,
            "/api/v1/programme/actions/1.2.1",
            update(seq + 1, "afgerond"),
        )
        .await;
    assert_eq!(status, 403);

    let school = Api::login(&app, "school").await;
    let (status, _) = school.get(&app, "/api/v1/programme").await;
    assert_eq!(status, 403);
}
