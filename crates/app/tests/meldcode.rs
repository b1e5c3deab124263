#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop the test loudly

//! The meldcode's use cases against a real store (issue 11): an advies carries no names to Veilig
//! Thuis, a melding carries the family and opens the dossier to Veilig Thuis, and nothing goes to
//! an organisation that is not Veilig Thuis.

use schakel_app::Error;
use schakel_app::meldcode::{self, Sender};
use schakel_domain::access::{Action, Actor, decide};
use schakel_domain::case::CaseKind;
use schakel_domain::meldcode::{AnswerSheet, KindcheckInput, MeldcodeCommand, Phase, Professional};
use schakel_domain::org::{OrgKind, Role};
use schakel_testkit::Kit;

fn actor(org_id: &str, org_kind: OrgKind, role: Role) -> Actor {
    Actor {
        user_id: "u-juf".into(),
        org_id: org_id.into(),
        org_kind,
        role,
        second_factor: true,
        break_glass: None,
    }
}

fn juf() -> Professional {
    Professional {
        user_id: "u-juf".into(),
        name: "Juf Verzonnen".into(),
    }
}

fn intake_field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn an_advies_is_anonymous_and_a_melding_names_the_family_and_opens_the_dossier_to_veilig_thuis()
 {
    let kit = Kit::sqlite().await;
    let store = kit.store();
    let school = schakel_testkit::region::Region::add(
        store,
        "Basisschool Verzonnen",
        OrgKind::School,
        &["Venlo"],
    )
    .await;
    let teacher = actor(&school, OrgKind::School, Role::SchoolContact);
    let now = time::OffsetDateTime::now_utc();
    let id = meldcode::open(
        store,
        &teacher,
        &juf(),
        "Mila Jansen",
        "2016-03-08",
        "Blauwe plekken bij Mila",
        now,
    )
    .await
    .unwrap();
    meldcode::run(
        store,
        &teacher,
        &juf(),
        &id,
        Some(1),
        MeldcodeCommand::RecordSignals {
            signals: "Mila Jansen heeft blauwe plekken; haar broertje van 4 ook.".into(),
            kindcheck: KindcheckInput::default(),
        },
        now,
    )
    .await
    .unwrap();
    let sender = Sender {
        actor: &teacher,
        by: &juf(),
        org_name: "Basisschool Verzonnen",
        org_kind: OrgKind::School,
        contact: "088-5550000",
    };

    // Nothing goes to an organisation that is not Veilig Thuis.
    let wrong = meldcode::send(
        store,
        &sender,
        &id,
        CaseKind::Advies,
        &kit.region.team,
        None,
        now,
    )
    .await;
    assert!(
        matches!(&wrong, Err(Error::Invalid(e)) if e.field == "veilig_thuis"),
        "{wrong:?}"
    );
    // An advies: no names, and the dossier stays the school's alone.
    meldcode::send(
        store,
        &sender,
        &id,
        CaseKind::Advies,
        &kit.region.vt,
        None,
        now,
    )
    .await
    .unwrap();
    let waiting = store
        .meldcode_requests_waiting(&kit.region.vt)
        .await
        .unwrap();
    assert_eq!(waiting.len(), 1);
    let fields: Vec<(String, String)> = serde_json::from_str(&waiting[0].fields).unwrap();
    assert_eq!(intake_field(&fields, "soort"), Some("advies"));
    assert_eq!(intake_field(&fields, "melder.type"), Some("onderwijs"));
    assert_eq!(
        intake_field(&fields, "betrokkenen[0].naam"),
        None,
        "an advies names nobody"
    );
    let text = intake_field(&fields, "omschrijving").unwrap();
    assert!(!text.contains("Mila") && !text.contains("Jansen"), "{text}");
    assert!(text.contains("blauwe plekken"), "{text}");
    let vt_reader = actor(&kit.region.vt, OrgKind::VeiligThuis, Role::Medewerker);
    let dossier = meldcode::load(store, &id).await.unwrap();
    assert!(!decide(&vt_reader, Action::Read, &meldcode::resource(&dossier)).is_allowed());

    // Walk on to a melding.
    for command in [
        MeldcodeCommand::RecordConsultation {
            colleague: "Intern begeleider".into(),
            summary: "Signalen herkend".into(),
            vt_asked: false,
            vt_advice: String::new(),
        },
        MeldcodeCommand::RecordConversation {
            held: true,
            summary: "Moeder zegt: gevallen".into(),
            skip_ground: String::new(),
            skip_explanation: String::new(),
        },
        MeldcodeCommand::RecordWeighing {
            assessment: "Herhaald letsel".into(),
            in_doubt: false,
            answers: AnswerSheet {
                q1: Some(true),
                q2: Some(true),
                ..AnswerSheet::default()
            },
        },
        MeldcodeCommand::Decide {
            note: "Ik meld".into(),
        },
    ] {
        meldcode::run(store, &teacher, &juf(), &id, None, command, now)
            .await
            .unwrap();
    }
    // A writer that saw an older dossier is refused.
    let stale = meldcode::run(
        store,
        &teacher,
        &juf(),
        &id,
        Some(2),
        MeldcodeCommand::Close { reason: "x".into() },
        now,
    )
    .await;
    assert!(
        matches!(
            stale,
            Err(Error::Store(
                schakel_store::StoreError::DossierChanged { .. }
            ))
        ),
        "{stale:?}"
    );

    meldcode::send(
        store,
        &sender,
        &id,
        CaseKind::Melding,
        &kit.region.vt,
        None,
        now,
    )
    .await
    .unwrap();
    let dossier = meldcode::load(store, &id).await.unwrap();
    assert_eq!(dossier.phase(), Phase::Reported);
    assert!(decide(&vt_reader, Action::Read, &meldcode::resource(&dossier)).is_allowed());
    assert!(!decide(&vt_reader, Action::Update, &meldcode::resource(&dossier)).is_allowed());
    let waiting = store
        .meldcode_requests_waiting(&kit.region.vt)
        .await
        .unwrap();
    let melding = waiting.iter().find(|r| r.kind == "melding").unwrap();
    let fields: Vec<(String, String)> = serde_json::from_str(&melding.fields).unwrap();
    assert_eq!(
        intake_field(&fields, "betrokkenen[0].naam"),
        Some("Mila Jansen")
    );
    assert_eq!(
        intake_field(&fields, "betrokkenen[0].geboortedatum"),
        Some("2016-03-08")
    );
    assert_eq!(intake_field(&fields, "melder.contact"), Some("088-5550000"));
    // The melding is made once.
    let twice = meldcode::send(
        store,
        &sender,
        &id,
        CaseKind::Melding,
        &kit.region.vt,
        None,
        now,
    )
    .await;
    assert!(matches!(twice, Err(Error::Invalid(_))), "{twice:?}");
    // Another school does not see the dossier.
    let other = actor("another-school", OrgKind::School, Role::SchoolContact);
    assert!(!decide(&other, Action::Read, &meldcode::resource(&dossier)).is_allowed());
}
