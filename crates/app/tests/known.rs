#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop the test loudly

//! Issue 7, rule breach 5: the known-before check never links different people silently. A
//! conflict or a possible match waits for the worker's choice; with two open casussen the worker
//! chooses which one the melding joins; an advies converted into a melding gets the check too.

use schakel_app::{Acting, CaseCommand, Error, RegisterIntake, Registered, check_known};
use schakel_domain::case::CaseKind;
use schakel_domain::classification::MeldingClass;
use schakel_domain::intake::Intake;
use schakel_domain::intake::known::Certainty;
use schakel_domain::org::{OrgKind, Role};
use schakel_store::{Store, casework};
use schakel_testkit::Kit;
use schakel_testkit::kit::{acting, logged};
use time::macros::date;
use time::{Date, OffsetDateTime};

struct World {
    kit: Kit,
    store: Store,
    vt: Acting,
}

async fn world() -> World {
    let kit = Kit::sqlite().await;
    let org = kit.region.vt.clone();
    let user = kit.user("vt.mw", &org, Role::Medewerker).await;
    World {
        store: kit.store().clone(),
        vt: acting(&user, "vt.mw", &org, OrgKind::VeiligThuis),
        kit,
    }
}

/// A melding about one child.
fn child(name: &str, born: Date, bsn: Option<&str>) -> Intake {
    let mut intake = schakel_store::bench::intake(500, OffsetDateTime::now_utc());
    intake.betrokkenen.truncate(1);
    let b = &mut intake.betrokkenen[0];
    b.name = Some(name.into());
    b.birth_date = Some(born);
    b.bsn = bsn.map(str::to_string);
    intake
}

impl World {
    async fn register(&self, cmd: RegisterIntake) -> Result<Registered, Error> {
        let p = logged(&self.store, &self.vt, Role::Medewerker);
        schakel_app::register_intake(&self.store, &self.vt, &p, OffsetDateTime::now_utc(), cmd)
            .await
    }

    async fn check(&self, intake: Intake) -> Vec<schakel_app::RowMatch> {
        let p = logged(&self.store, &self.vt, Role::Medewerker);
        check_known(&self.store, &p, OffsetDateTime::now_utc(), intake)
            .await
            .unwrap()
            .1
    }
}

const BORN: Date = date!(2016 - 04 - 12);

fn refused_at(r: Result<Registered, Error>, field: &str) {
    match r {
        Err(Error::Invalid(f)) => assert_eq!(f.field, field),
        other => panic!("expected refusal at {field}: {other:?}"),
    }
}

#[tokio::test]
async fn same_name_and_birth_date_with_another_bsn_is_a_conflict_the_worker_decides() {
    let w = world().await;
    let first = w
        .register(RegisterIntake::new(child(
            "Lotte Bedacht",
            BORN,
            Some("111222333"),
        )))
        .await
        .unwrap();
    let second = child("Lotte Bedacht", BORN, Some("123456782"));
    let found = w.check(second.clone()).await;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].certainty, Certainty::Conflict);
    assert!(!found[0].certain);
    // Not linked silently: without a choice the registration is refused and nothing is written.
    refused_at(
        w.register(RegisterIntake::new(second.clone())).await,
        "bekend[0]",
    );
    assert_eq!(w.check(second.clone()).await.len(), 1);
    // "Andere persoon": a new casus, a 1e melding.
    let other = w
        .register(RegisterIntake {
            rejected: vec![found[0].key.clone()],
            ..RegisterIntake::new(second)
        })
        .await
        .unwrap();
    assert_ne!(other.case_id, first.case_id);
    assert_eq!(other.classification, Some(MeldingClass::EersteMelding));
}

#[tokio::test]
async fn same_bsn_with_another_name_and_birth_date_is_a_conflict() {
    let w = world().await;
    let first = w
        .register(RegisterIntake::new(child(
            "Lotte Bedacht",
            BORN,
            Some("111222333"),
        )))
        .await
        .unwrap();
    let second = child("Piet Fictief", date!(1980 - 01 - 01), Some("111222333"));
    let found = w.check(second.clone()).await;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].certainty, Certainty::Conflict);
    assert_eq!(
        found[0].found.assessment.summary(),
        "BSN gelijk, naam anders, geboortedatum anders"
    );
    refused_at(
        w.register(RegisterIntake::new(second.clone())).await,
        "bekend[0]",
    );
    // "Zelfde persoon" is the worker's call: the melding joins the open casus.
    let same = w
        .register(RegisterIntake {
            confirmed: vec![found[0].key.clone()],
            ..RegisterIntake::new(second)
        })
        .await
        .unwrap();
    assert_eq!(same.case_id, first.case_id);
    assert!(same.joined_open_casus);
}

#[tokio::test]
async fn a_birth_date_a_day_off_or_an_estimated_age_is_a_possible_match() {
    let w = world().await;
    w.register(RegisterIntake::new(child("Lotte Bedacht", BORN, None)))
        .await
        .unwrap();
    let day_off = w
        .check(child("Lote Bedacht", date!(2016 - 04 - 13), None))
        .await;
    assert_eq!(day_off.len(), 1);
    assert_eq!(day_off[0].certainty, Certainty::Possible);
    let mut estimated = child("Lotte Bedacht", BORN, None);
    estimated.betrokkenen[0].birth_date = None;
    estimated.betrokkenen[0].estimated_age =
        Some(schakel_domain::intake::age_on(BORN, OffsetDateTime::now_utc().date()) + 1);
    let by_age = w.check(estimated).await;
    assert_eq!(by_age.len(), 1);
    assert_eq!(by_age[0].certainty, Certainty::Possible);
}

#[tokio::test]
async fn in_two_open_casussen_the_worker_chooses_which_one_the_melding_joins() {
    let w = world().await;
    let a = w
        .register(RegisterIntake::new(child("Noor Verzonnen", BORN, None)))
        .await
        .unwrap();
    // A second child with a similar name, told apart by the worker: a casus of its own.
    let typo = child("Noor Verzonen", BORN, None);
    let found = w.check(typo.clone()).await;
    let b = w
        .register(RegisterIntake {
            rejected: found.iter().map(|m| m.key.clone()).collect(),
            ..RegisterIntake::new(typo)
        })
        .await
        .unwrap();
    assert_ne!(a.case_id, b.case_id);

    // A third melding matches both; the worker says both are the same person.
    let third = child("Noor Verzonnen", BORN, None);
    let found = w.check(third.clone()).await;
    assert_eq!(found.len(), 2, "{found:?}");
    let decided = |join: Option<&str>| RegisterIntake {
        confirmed: found
            .iter()
            .filter(|m| !m.certain)
            .map(|m| m.key.clone())
            .collect(),
        join_case: join.map(str::to_string),
        ..RegisterIntake::new(third.clone())
    };
    refused_at(w.register(decided(None)).await, "casus");
    refused_at(w.register(decided(Some("een-andere-casus"))).await, "casus");
    let joined = w.register(decided(Some(&b.case_id))).await.unwrap();
    assert_eq!(joined.case_id, b.case_id);
    assert!(joined.joined_open_casus);
}

#[tokio::test]
async fn an_advies_converted_into_a_melding_gets_the_known_before_check() {
    let w = world().await;
    let first = w
        .register(RegisterIntake::new(child("Lotte Bedacht", BORN, None)))
        .await
        .unwrap();
    let mut advies = child("Lotte Bedacht", BORN, None);
    advies.case_kind = CaseKind::Advies;
    let registered = w.register(RegisterIntake::new(advies)).await.unwrap();
    assert_eq!(registered.classification, None);
    w.kit
        .execute(
            &w.vt,
            &registered.case_id,
            registered.seq,
            CaseCommand::ConvertToMelding {
                reason: "Melder geeft naam".into(),
            },
        )
        .await;
    let (_, state) = casework::load_state(&w.store, &registered.case_id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        matches!(
            state.intakes[0].classification,
            Some(MeldingClass::Vervolgmelding(_))
        ),
        "{:?}",
        state.intakes[0].classification
    );
    // Linked to the person already known: the same person id in both casussen.
    let known = w.store.case_persons(&first.case_id).await.unwrap();
    let converted = w.store.case_persons(&registered.case_id).await.unwrap();
    assert_eq!(converted.len(), 1);
    assert_eq!(converted[0].0.id, known[0].0.id);
}
