//! Issue 11 item 3: the sociale kaart through the pages and the API. The beheerder adds a service
//! (a wrong form comes back with every error at its field), a professional finds it with filters
//! and Dutch word forms, the public page shows only consenting providers and only their public
//! contact, a stale entry is flagged and listed first for the beheerder until reviewed, a stale
//! edit is refused, and nobody but the beheerder writes.

use crate::flow::Api;
use crate::harness::{App, page_login};

async fn text(c: &reqwest::Client, app: &App, path: &str) -> (u16, String) {
    let res = c.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn post(
    c: &reqwest::Client,
    app: &App,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, String, String) {
    let res = c
        .post(app.url(path))
        .header("origin", app.base.clone())
        .form(form)
        .send()
        .await
        .unwrap();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (res.status().as_u16(), location, res.text().await.unwrap())
}

fn service_form<'a>(csrf: &'a str, name: &'a str, public: bool) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("csrf", csrf),
        ("naam", name),
        ("aanbieder", "Traumacentrum Maasdal (fictief)"),
        (
            "omschrijving",
            "Traumabehandeling voor kinderen en jongeren.",
        ),
        ("doelgroepen", "kinderen"),
        ("doelgroepen", "jongeren"),
        ("soorten_hulp", "traumabehandeling"),
        ("gemeenten", "Venlo"),
        ("talen", "nl"),
        ("talen", "pl"),
        ("telefoon", "088-5550101"),
        ("email", "aanmelden@maasdal.example.nl"),
        ("website", "https://maasdal.example.nl"),
        (
            "verwijsroute",
            "Verwijzing door de huisarts; aanmelden per telefoon.",
        ),
        ("notitie", "Wachtlijst ongeveer zes weken."),
    ];
    if public {
        form.push(("openbaar", "1"));
    }
    form
}

#[tokio::test]
async fn the_beheerder_keeps_the_directory_and_professionals_find_services_by_word_forms() {
    let app = App::demo().await;
    let (beheer, csrf) = page_login(&app, "beheer").await;

    // A form with wrong fields: every error at its field, what was typed kept.
    let bad = [
        ("csrf", csrf.as_str()),
        ("naam", "Kindertrauma"),
        ("telefoon", "12"),
        ("website", "javascript:alert(1)"),
        ("openbaar", "1"),
    ];
    let (status, _, page) = post(&beheer, &app, "/sociale-kaart/nieuw", &bad).await;
    assert_eq!(status, 422);
    for id in [
        "aanbieder",
        "doelgroepen-slachtoffers",
        "soorten_hulp-traumabehandeling",
        "gemeenten-regio",
        "talen-nl",
        "telefoon",
        "website",
        "verwijsroute",
    ] {
        assert!(page.contains(&format!("id=\"{id}-fout\"")), "{id}: {page}");
        assert!(
            page.contains(&format!("href=\"#{id}\"")),
            "summary links {id}"
        );
    }
    assert!(page.contains("value=\"Kindertrauma\""));
    assert!(!page.contains("id=\"naam-fout\""));

    // A good one: saved, shown with its referral route and its review date.
    let (status, location, _) = post(
        &beheer,
        &app,
        "/sociale-kaart/nieuw",
        &service_form(
            &csrf,
            "Traumabehandeling voor kinderen Venlo (fictief)",
            false,
        ),
    )
    .await;
    assert_eq!(status, 303);
    let id = location
        .trim_start_matches("/sociale-kaart/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let (status, page) = text(&beheer, &app, &location).await;
    assert_eq!(status, 200);
    assert!(page.contains("Hoe verwijs je door"));
    assert!(page.contains("Verwijzing door de huisarts"));
    assert!(page.contains("Kinderen, Jongeren"), "labels, never codes");
    assert!(page.contains("Nederlands, Pools"));
    // The page shows the Dutch date, which is not the UTC date late in the evening.
    let dutch = schakel_domain::calendar::dutch_date(schakel_domain::calendar::dutch_local_date(
        app.clock.now(),
    ));
    assert!(
        page.contains(&format!("Gecontroleerd op {dutch}")),
        "{page}"
    );

    // A wijkteam member finds it: filters and "trauma kind" for "traumabehandeling ... kinderen".
    let (team, _) = page_login(&app, "team.mw").await;
    let (status, page) = text(
        &team,
        &app,
        "/sociale-kaart?q=trauma+kind&gemeente=Venlo&doelgroep=kinderen&soort=traumabehandeling",
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("Traumabehandeling voor kinderen Venlo (fictief)"));
    assert!(page.contains("1 dienst gevonden"), "{page}");
    for miss in [
        "/sociale-kaart?gemeente=Weert",
        "/sociale-kaart?q=plegerhulp",
        "/sociale-kaart?doelgroep=ouderen",
        "/sociale-kaart?taal=ro",
    ] {
        let (_, page) = text(&team, &app, miss).await;
        assert!(page.contains("Geen diensten gevonden"), "{miss}");
    }
    // A filter value that is no code: refused at its field.
    let (status, page) = text(&team, &app, "/sociale-kaart?doelgroep=marsmannetjes").await;
    assert_eq!(status, 400);
    assert!(page.contains("id=\"doelgroep-fout\""), "{page}");
    // The wijkteam may not write.
    let (status, _) = text(&team, &app, "/sociale-kaart/nieuw").await;
    assert_eq!(status, 403);
    let (status, _) = text(&team, &app, &format!("/sociale-kaart/{id}/bewerken")).await;
    assert_eq!(status, 403);

    // The API finds the same, with the service's id to refer to.
    let api = Api::login(&app, "team.mw").await;
    let (status, body) = api
        .get(&app, "/api/v1/directory?q=kinderen+trauma&gemeente=Venlo")
        .await;
    assert_eq!(status, 200);
    assert_eq!(body[0]["id"], id);
    assert_eq!(body[0]["stale"], false);
    let (status, body) = api.get(&app, &format!("/api/v1/directory/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(body["help_kinds"][0], "traumabehandeling");
    let (status, body) = api.get(&app, "/api/v1/directory?taal=xx").await;
    assert_eq!(status, 400);
    assert_eq!(body["field"], "taal");
    let (status, _) = api.get(&app, "/api/v1/directory/bestaat-niet").await;
    assert_eq!(status, 404);

    // Not public yet: the public page does not list it. Made public: only its public contact.
    let anonymous = reqwest::Client::new();
    let res = anonymous
        .get(app.url("/sociale-kaart/openbaar"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("set-cookie").is_none(), "no cookie");
    assert!(
        !res.text()
            .await
            .unwrap()
            .contains("Traumabehandeling voor kinderen Venlo")
    );
    let (status, _, _) = post(
        &beheer,
        &app,
        &format!("/sociale-kaart/{id}/bewerken"),
        &[
            service_form(
                &csrf,
                "Traumabehandeling voor kinderen Venlo (fictief)",
                true,
            ),
            vec![("versie", "1")],
        ]
        .concat(),
    )
    .await;
    assert_eq!(status, 303);
    let public = anonymous
        .get(app.url("/sociale-kaart/openbaar?q=trauma"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(public.contains("Traumabehandeling voor kinderen Venlo (fictief)"));
    assert!(public.contains("088-5550101") && public.contains("https://maasdal.example.nl"));
    for hidden in [
        "Verwijzing door de huisarts",
        "Wachtlijst",
        "aanmelden@maasdal",
        "Kinderen",
    ] {
        assert!(!public.contains(hidden), "the public page shows {hidden}");
    }

    // A stale edit (version 1 again) is refused, with what the user typed kept.
    let (status, _, page) = post(
        &beheer,
        &app,
        &format!("/sociale-kaart/{id}/bewerken"),
        &[
            service_form(&csrf, "Andere naam (fictief)", true),
            vec![("versie", "1")],
        ]
        .concat(),
    )
    .await;
    assert_eq!(status, 409);
    assert!(page.contains("value=\"Andere naam (fictief)\""));
    assert!(page.contains("intussen gewijzigd"));

    // Thirteen months on, the entry is stale: flagged, and first for the beheerder.
    app.clock.advance(time::Duration::days(400));
    let (team, _) = page_login(&app, "team.mw").await;
    let (beheer, csrf) = page_login(&app, "beheer").await;
    let (_, page) = text(&team, &app, "/sociale-kaart").await;
    assert!(page.contains("Verouderd"));
    let (_, page) = text(&beheer, &app, "/sociale-kaart").await;
    assert!(page.contains("Verouderd: eerst controleren (1)"), "{page}");
    let (status, location, _) = post(
        &beheer,
        &app,
        &format!("/sociale-kaart/{id}/controleren"),
        &[("csrf", &csrf), ("versie", "2")],
    )
    .await;
    assert_eq!(status, 303, "{location}");
    let (_, page) = text(&beheer, &app, "/sociale-kaart").await;
    assert!(!page.contains("Verouderd: eerst controleren"));
    let (_, page) = text(&beheer, &app, &format!("/sociale-kaart/{id}")).await;
    assert!(
        page.contains("Gecontroleerd"),
        "the history shows the review"
    );
    assert!(page.contains("De aanbieder stemt in met openbare vermelding</dt><dd>Ja"));

    // Archived: gone from the list, its page still readable.
    let (status, _, _) = post(
        &beheer,
        &app,
        &format!("/sociale-kaart/{id}/archiveren"),
        &[("csrf", &csrf), ("versie", "3")],
    )
    .await;
    assert_eq!(status, 303);
    let (_, page) = text(&team, &app, "/sociale-kaart").await;
    assert!(page.contains("Geen diensten gevonden"));
    let (status, page) = text(&team, &app, &format!("/sociale-kaart/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("gearchiveerd"));
    // Only the beheerder saw the history of who changed what.
    assert!(!page.contains("Wijzigingen"));
}
