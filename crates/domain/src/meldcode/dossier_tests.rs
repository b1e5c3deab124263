//! The dossier: step order, no suspicion, resuming, the decision and the melding, who may read,
//! the prefill, and every event's stored form.

use super::*;
use crate::FieldError;
use crate::case::CaseKind;
use time::macros::{date, datetime};

fn teacher() -> Professional {
    Professional {
        user_id: "u-leraar".into(),
        name: "Els Leerkracht".into(),
    }
}

/// A dossier's log being written the way the app writes it: decide against the fold, append.
struct Log(Vec<Recorded>);

impl Log {
    fn open() -> Log {
        let event = MeldcodeDossier::open(
            "school-venlo",
            "Sanne de Vries",
            "1994-03-02",
            "Sanne vertelde dat haar partner haar slaat.",
            date!(2026 - 11 - 29),
        )
        .unwrap();
        Log(vec![Recorded {
            seq: 1,
            at: datetime!(2026-11-29 09:00 UTC),
            by: teacher(),
            event,
        }])
    }

    fn dossier(&self) -> MeldcodeDossier {
        MeldcodeDossier::fold(&self.0).unwrap()
    }

    fn try_do(&mut self, command: MeldcodeCommand) -> Result<(), FieldError> {
        let event = self.dossier().decide(command)?;
        let seq = self.0.len() as u64 + 1;
        self.0.push(Recorded {
            seq,
            at: datetime!(2026-11-29 09:00 UTC) + time::Duration::hours(seq as i64),
            by: teacher(),
            event,
        });
        Ok(())
    }

    fn run(&mut self, command: MeldcodeCommand) -> &mut Self {
        if let Err(e) = self.try_do(command.clone()) {
            panic!("{command:?}: {e}");
        }
        self
    }

    fn refused(&mut self, command: MeldcodeCommand) -> FieldError {
        let before = self.0.len();
        let e = self.try_do(command).unwrap_err();
        assert_eq!(self.0.len(), before);
        e
    }
}

fn signals() -> MeldcodeCommand {
    MeldcodeCommand::RecordSignals {
        signals: "Sanne de Vries had een blauwe plek; haar dochter is stil in de klas.".into(),
        kindcheck: KindcheckInput {
            parental_problems: true,
            cares_for_children: true,
            number_of_children: "2".into(),
            ages: vec!["6".into(), "9".into()],
            shared_care: true,
            shared_with: "Kees de Vries (vader)".into(),
            ..KindcheckInput::default()
        },
    }
}

fn consultation(vt_advice: Option<&str>) -> MeldcodeCommand {
    MeldcodeCommand::RecordConsultation {
        colleague: "Intern begeleider".into(),
        summary: "Besproken met de intern begeleider.".into(),
        vt_asked: vt_advice.is_some(),
        vt_advice: vt_advice.unwrap_or_default().into(),
    }
}

fn conversation() -> MeldcodeCommand {
    MeldcodeCommand::RecordConversation {
        held: true,
        summary: "Gesprek met Sanne; zij wil hulp.".into(),
        skip_ground: String::new(),
        skip_explanation: String::new(),
    }
}

fn weighing(q: [Option<bool>; 5]) -> MeldcodeCommand {
    MeldcodeCommand::RecordWeighing {
        assessment: "Herhaald geweld door de partner; kinderen zijn getuige.".into(),
        in_doubt: false,
        answers: AnswerSheet {
            q1: q[0],
            q2: q[1],
            q3: q[2],
            q4: q[3],
            q5: q[4],
        },
    }
}

fn decide() -> MeldcodeCommand {
    MeldcodeCommand::Decide {
        note: "Zo besloten met de aandachtsfunctionaris.".into(),
    }
}

fn melding_made() -> MeldcodeCommand {
    MeldcodeCommand::RecordMeldingMade {
        vt_org: "vt-nml".into(),
        case_id: "case-42".into(),
    }
}

fn close() -> MeldcodeCommand {
    MeldcodeCommand::Close {
        reason: "Melding gedaan; Veilig Thuis heeft het overgenomen.".into(),
    }
}

const J: Option<bool> = Some(true);
const N: Option<bool> = Some(false);
const O: Option<bool> = None;

/// A log through step 3.
fn up_to_weighing() -> Log {
    let mut log = Log::open();
    log.run(signals())
        .run(consultation(None))
        .run(conversation());
    log
}

#[test]
fn opening_checks_organisation_client_and_concern() {
    let today = date!(2026 - 11 - 29);
    let field = |org: &str, name: &str, born: &str, concern: &str| {
        MeldcodeDossier::open(org, name, born, concern, today)
            .unwrap_err()
            .field
    };
    assert_eq!(field("school venlo", "A", "", "zorg"), "organisatie");
    assert_eq!(field("school", " ", "", "zorg"), "client_naam");
    assert_eq!(
        field("school", "A", "2-3-1994", "zorg"),
        "client_geboortedatum"
    );
    assert_eq!(
        field("school", "A", "2026-11-30", "zorg"),
        "client_geboortedatum"
    );
    assert_eq!(field("school", "A", "", "  "), "zorg");
    let log = Log::open();
    let d = log.dossier();
    assert_eq!(d.owner_org, "school-venlo");
    assert_eq!(d.client.birth_date, Some(date!(1994 - 03 - 02)));
    assert_eq!(d.opened_by, teacher());
    assert_eq!(d.phase(), Phase::AtStep(Step::Signals));
}

#[test]
fn a_log_that_does_not_start_with_opened_folds_to_nothing() {
    let mut log = up_to_weighing();
    assert!(MeldcodeDossier::fold(&log.0[1..]).is_none());
    log.0.clear();
    assert!(MeldcodeDossier::fold(&log.0).is_none());
}

#[test]
fn steps_come_in_order_and_the_error_names_the_step_that_comes_first() {
    let mut log = Log::open();
    // Weighing before signals: step 1 comes first.
    let e = log.refused(weighing([J, J, O, O, O]));
    assert_eq!(e.field, "stap");
    assert_eq!(
        e.text(),
        "Leg eerst stap 1 vast: Signalen in kaart brengen."
    );
    assert_eq!(log.refused(consultation(None)).field, "stap");
    assert_eq!(log.refused(decide()).field, "stap");
    log.run(signals());
    let e = log.refused(conversation());
    assert!(
        e.text().starts_with("Leg eerst stap 2 vast"),
        "{}",
        e.text()
    );
    log.run(consultation(None));
    let e = log.refused(weighing([J, J, O, O, O]));
    assert!(
        e.text().starts_with("Leg eerst stap 3 vast"),
        "{}",
        e.text()
    );
    log.run(conversation());
    let e = log.refused(decide());
    assert!(
        e.text().starts_with("Leg eerst stap 4 vast"),
        "{}",
        e.text()
    );
    log.run(weighing([J, J, O, O, O])).run(decide());
    // An earlier step can be recorded again before the decision: more signals, another consultation.
    let mut log = up_to_weighing();
    log.run(signals())
        .run(consultation(Some("Veilig Thuis: melden.")));
    assert_eq!(log.dossier().consultations.len(), 2);
}

#[test]
fn the_step_texts_are_checked_naming_their_fields() {
    let mut log = Log::open();
    let e = log.refused(MeldcodeCommand::RecordSignals {
        signals: "".into(),
        kindcheck: KindcheckInput::default(),
    });
    assert_eq!(e.field, "signalen");
    let e = log.refused(MeldcodeCommand::RecordSignals {
        signals: "Signalen".into(),
        kindcheck: KindcheckInput {
            parental_problems: true,
            cares_for_children: true,
            number_of_children: "1".into(),
            ages: vec!["19".into()],
            ..KindcheckInput::default()
        },
    });
    assert_eq!(e.field, "kindcheck.leeftijden[0]");
    log.run(signals());
    let e = log.refused(MeldcodeCommand::RecordConsultation {
        colleague: "Collega".into(),
        summary: "Overleg".into(),
        vt_asked: true,
        vt_advice: " ".into(),
    });
    assert_eq!(e.field, "advies_veilig_thuis");
    let e = log.refused(MeldcodeCommand::RecordConsultation {
        colleague: "Collega".into(),
        summary: "Overleg".into(),
        vt_asked: false,
        vt_advice: "Wel iets".into(),
    });
    assert_eq!(e.field, "advies_veilig_thuis");
    let e = log.refused(MeldcodeCommand::RecordConsultation {
        colleague: "x".repeat(201),
        summary: "Overleg".into(),
        vt_asked: false,
        vt_advice: "".into(),
    });
    assert_eq!(e.field, "collega");
}

#[test]
fn the_conversation_may_be_skipped_only_with_a_ground_and_an_explanation() {
    let mut log = Log::open();
    log.run(signals()).run(consultation(None));
    let skip =
        |ground: &str, explanation: &str, summary: &str| MeldcodeCommand::RecordConversation {
            held: false,
            summary: summary.into(),
            skip_ground: ground.into(),
            skip_explanation: explanation.into(),
        };
    assert_eq!(
        log.refused(skip("", "Gevaar", "")).field,
        "grond_geen_gesprek"
    );
    assert_eq!(
        log.refused(skip("geen_zin", "Gevaar", "")).field,
        "grond_geen_gesprek"
    );
    assert_eq!(
        log.refused(skip("safety", "", "")).field,
        "toelichting_geen_gesprek"
    );
    assert_eq!(
        log.refused(skip("safety", "Gevaar", "Toch gesproken"))
            .field,
        "gesprek"
    );
    let held_with_ground = MeldcodeCommand::RecordConversation {
        held: true,
        summary: "Gesproken".into(),
        skip_ground: "safety".into(),
        skip_explanation: "".into(),
    };
    assert_eq!(log.refused(held_with_ground).field, "grond_geen_gesprek");
    log.run(skip(
        "safety",
        "De partner is gewelddadig als hij het hoort.",
        "",
    ));
    assert_eq!(
        log.dossier().conversation.unwrap().what,
        Conversation::NotHeld {
            ground: SkipGround::Safety,
            explanation: "De partner is gewelddadig als hij het hoort.".into()
        }
    );
    assert_eq!(log.dossier().phase(), Phase::AtStep(Step::Weighing));
}

#[test]
fn no_suspicion_is_recorded_and_closes_the_dossier_which_then_takes_nothing() {
    let mut log = Log::open();
    let no = MeldcodeCommand::RecordNoSuspicion {
        reason: "De blauwe plek kwam van een val bij het sporten.".into(),
    };
    // No suspicion says which signals were weighed: step 1 first.
    assert_eq!(log.refused(no.clone()).field, "stap");
    log.run(signals());
    assert_eq!(
        log.refused(MeldcodeCommand::RecordNoSuspicion { reason: " ".into() })
            .field,
        "reden"
    );
    log.run(no);
    let d = log.dossier();
    assert_eq!(d.phase(), Phase::Closed);
    assert!(matches!(
        d.closed.as_ref().map(|c| &c.what),
        Some(Closure::NoSuspicion { reason }) if reason.contains("sporten")
    ));
    for command in [
        signals(),
        consultation(None),
        conversation(),
        weighing([N, O, O, O, O]),
        decide(),
        melding_made(),
        close(),
    ] {
        let e = log.refused(command);
        assert_eq!(e.field, "dossier");
        assert_eq!(e.text(), "Dit meldcodedossier is afgesloten.");
    }
}

#[test]
fn question_1_nee_in_the_weighing_decides_no_suspicion_and_closes() {
    let mut log = up_to_weighing();
    log.run(weighing([N, O, O, O, O])).run(decide());
    let d = log.dossier();
    assert_eq!(
        d.decision.as_ref().unwrap().what.outcome,
        Outcome::NoSuspicion
    );
    assert_eq!(
        d.closed.unwrap().what,
        Closure::Decided(Outcome::NoSuspicion)
    );
}

#[test]
fn coming_back_to_an_open_dossier_resumes_at_its_step() {
    let mut log = Log::open();
    let mut seen = vec![log.dossier().phase()];
    for command in [
        signals(),
        consultation(None),
        conversation(),
        weighing([J, N, J, J, O]),
    ] {
        log.run(command);
        // A professional who comes back later folds the log again.
        seen.push(MeldcodeDossier::fold(&log.0).unwrap().phase());
    }
    assert_eq!(
        seen,
        vec![
            Phase::AtStep(Step::Signals),
            Phase::AtStep(Step::Consultation),
            Phase::AtStep(Step::Conversation),
            Phase::AtStep(Step::Weighing),
            Phase::AtStep(Step::Decision),
        ]
    );
    assert_eq!(log.dossier().seq, 5);
    assert_eq!(log.dossier().next_step(), Step::Decision);
}

#[test]
fn a_melding_outcome_is_due_until_made_and_the_dossier_does_not_close_around_it() {
    let mut log = up_to_weighing();
    log.run(weighing([J, J, O, O, O])).run(decide());
    let d = log.dossier();
    assert_eq!(
        d.decision.as_ref().unwrap().what.outcome,
        Outcome::ReportUnsafety
    );
    assert_eq!(d.phase(), Phase::MeldingDue);
    // Always report acute or structural unsafety: no closing first, no going back to the steps.
    let e = log.refused(close());
    assert_eq!(e.field, "reden");
    assert_eq!(log.refused(weighing([J, N, J, J, O])).field, "stap");
    assert_eq!(log.refused(signals()).field, "stap");
    assert_eq!(
        log.refused(MeldcodeCommand::RecordNoSuspicion { reason: "x".into() })
            .field,
        "reden"
    );
    let e = log.refused(MeldcodeCommand::RecordMeldingMade {
        vt_org: "vt nml".into(),
        case_id: "".into(),
    });
    assert_eq!(e.field, "veilig_thuis");
    log.run(melding_made());
    let d = log.dossier();
    assert_eq!(d.phase(), Phase::Reported);
    assert_eq!(
        d.melding.as_ref().unwrap().what.case_id.as_deref(),
        Some("case-42")
    );
    assert_eq!(log.refused(melding_made()).field, "stap");
    log.run(close());
    assert_eq!(log.dossier().phase(), Phase::Closed);
}

#[test]
fn help_is_followed_then_question_5_decides_again() {
    let mut log = up_to_weighing();
    log.run(weighing([J, N, J, J, O])).run(decide());
    let d = log.dossier();
    assert_eq!(
        d.decision.as_ref().unwrap().what.outcome,
        Outcome::OfferHelp
    );
    assert_eq!(d.phase(), Phase::FollowingHelp);
    assert_eq!(log.refused(melding_made()).field, "stap");
    // A new decision needs a new weighing.
    let e = log.refused(decide());
    assert_eq!(e.field, "stap");
    assert_eq!(
        e.text(),
        "Weeg eerst opnieuw (stap 4) voordat u weer beslist."
    );
    // The help does not bring safety in time: (opnieuw) melden.
    let mut failing = Log(log.0.clone());
    failing.run(weighing([J, N, J, J, N]));
    assert_eq!(failing.dossier().phase(), Phase::AtStep(Step::Decision));
    failing.run(decide());
    assert_eq!(
        failing.dossier().decision.unwrap().what.outcome,
        Outcome::ReportAgain
    );
    assert_eq!(failing.dossier().phase(), Phase::MeldingDue);
    // It does: the help is closed, with agreements, and so is the dossier.
    log.run(weighing([J, N, J, J, J])).run(decide());
    assert_eq!(
        log.dossier().closed.unwrap().what,
        Closure::Decided(Outcome::CloseHelp)
    );
}

#[test]
fn when_in_doubt_veilig_thuis_is_consulted_before_the_weighing() {
    let mut log = up_to_weighing();
    let in_doubt = MeldcodeCommand::RecordWeighing {
        assessment: "Ik twijfel of dit structureel is.".into(),
        in_doubt: true,
        answers: AnswerSheet {
            q1: J,
            q2: N,
            q3: J,
            q4: J,
            q5: O,
        },
    };
    let e = log.refused(in_doubt.clone());
    assert_eq!(e.field, "twijfel");
    log.run(consultation(Some(
        "Veilig Thuis: hulp bieden en volgen kan.",
    )));
    log.run(in_doubt);
    assert!(log.dossier().weighing.unwrap().what.in_doubt);
}

#[test]
fn a_weighing_with_illegal_answers_is_refused_naming_the_question() {
    let mut log = up_to_weighing();
    let e = log.refused(weighing([J, N, N, J, O]));
    assert_eq!(e.field, "vraag_4");
    let e = log.refused(weighing([J, O, O, O, O]));
    assert_eq!(e.field, "vraag_2");
}

#[test]
fn only_the_own_organisation_reads_until_a_melding_is_made() {
    let mut log = up_to_weighing();
    let d = log.dossier();
    assert!(d.may_read("school-venlo"));
    assert!(!d.may_read("vt-nml"));
    assert!(!d.may_read("wijkteam-venlo"));
    // Asking an advies gives Veilig Thuis no access.
    log.run(consultation(Some("Veilig Thuis adviseert melden.")));
    assert!(!log.dossier().may_read("vt-nml"));
    log.run(weighing([J, N, N, O, O])).run(decide());
    assert!(!log.dossier().may_read("vt-nml"));
    log.run(melding_made());
    let d = log.dossier();
    assert!(d.may_read("vt-nml"));
    assert!(d.may_read("school-venlo"));
    assert!(!d.may_read("wijkteam-venlo"));
}

#[test]
fn the_prefill_for_an_advies_carries_no_names() {
    let mut log = up_to_weighing();
    let d = log.dossier();
    let advies = d.prefill(CaseKind::Advies, &teacher()).unwrap();
    assert_eq!(advies.kind, CaseKind::Advies);
    assert_eq!(advies.family, None);
    for name in ["Sanne", "Vries", "Kees", "1994"] {
        assert!(
            !advies
                .description
                .to_lowercase()
                .contains(&name.to_lowercase()),
            "{name} in: {}",
            advies.description
        );
    }
    assert!(
        advies.description.contains("[naam] had een blauwe plek"),
        "{}",
        advies.description
    );
    assert!(
        advies.description.contains("zorg gedeeld"),
        "{}",
        advies.description
    );
    // What helps the advice stays: the ages, the reporter.
    assert_eq!(advies.children_ages, vec![6, 9]);
    assert_eq!(advies.reporter, teacher());
    assert_eq!(advies.reporter_org, "school-venlo");
    // No melding before a decision to report.
    assert_eq!(
        d.prefill(CaseKind::Melding, &teacher()).unwrap_err().field,
        "soort"
    );
    // In the help path an advies still fits; after a decision to report it does not.
    let mut help = Log(log.0.clone());
    help.run(weighing([J, N, J, J, O])).run(decide());
    let advies = help
        .dossier()
        .prefill(CaseKind::Advies, &teacher())
        .unwrap();
    assert!(!advies.description.contains("Sanne"));
    log.run(weighing([J, J, O, O, O])).run(decide());
    assert_eq!(
        log.dossier()
            .prefill(CaseKind::Advies, &teacher())
            .unwrap_err()
            .field,
        "soort"
    );
}

#[test]
fn the_prefill_for_a_melding_carries_the_family() {
    let mut log = up_to_weighing();
    log.run(weighing([J, N, J, N, O])).run(decide());
    let melding = log
        .dossier()
        .prefill(CaseKind::Melding, &teacher())
        .unwrap();
    let family = melding.family.unwrap();
    assert_eq!(family.client.name, "Sanne de Vries");
    assert_eq!(family.client.birth_date, Some(date!(1994 - 03 - 02)));
    assert_eq!(family.co_carer.as_deref(), Some("Kees de Vries (vader)"));
    assert!(
        melding
            .description
            .contains("Sanne de Vries had een blauwe plek")
    );
    assert!(
        melding
            .description
            .contains("Melden bij Veilig Thuis: de betrokkenen aanvaarden de hulp niet")
    );
    log.run(melding_made());
    assert!(
        log.dossier()
            .prefill(CaseKind::Melding, &teacher())
            .is_err()
    );
}

#[test]
fn names_are_taken_out_word_by_word_whatever_their_case() {
    let text = "SANNE en Kees de Vries-Jansen; sanne's dochter. Vriesland blijft.";
    assert_eq!(
        without_names(text, &["Sanne de Vries", "Kees Jansen"]),
        "[naam] en [naam] de [naam]-[naam]; [naam]'s dochter. Vriesland blijft."
    );
    assert_eq!(without_names("niets", &[]), "niets");
}

#[test]
fn every_event_survives_a_round_trip_and_keeps_its_stored_form() {
    let mut log = up_to_weighing();
    log.run(weighing([J, N, J, N, O]))
        .run(decide())
        .run(melding_made())
        .run(close());
    let mut other = Log::open();
    other
        .run(signals())
        .run(MeldcodeCommand::RecordNoSuspicion {
            reason: "Geen vermoeden.".into(),
        });
    let events: Vec<&Recorded> = log.0.iter().chain(other.0.iter()).collect();
    let mut kinds = Vec::new();
    for r in events {
        let json = serde_json::to_value(r).unwrap();
        let back: Recorded = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(&back, r);
        kinds.push(json["event"]["type"].as_str().unwrap().to_string());
        assert!(json["at"].as_str().unwrap().starts_with("2026-11-29T"));
        assert_eq!(json["by"]["user_id"], "u-leraar");
    }
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            "closed",
            "consultation_recorded",
            "conversation_recorded",
            "decision_recorded",
            "melding_made",
            "no_suspicion",
            "opened",
            "signals_recorded",
            "weighing_recorded"
        ]
    );
    // Stored forms an app and a store will rely on.
    let decision = serde_json::to_value(&log.0[5].event).unwrap();
    assert_eq!(
        decision,
        serde_json::json!({
            "type": "decision_recorded",
            "outcome": "report_help_not_accepted",
            "note": "Zo besloten met de aandachtsfunctionaris."
        })
    );
    let signals = serde_json::to_value(&log.0[1].event).unwrap();
    assert_eq!(
        signals["kindcheck"],
        serde_json::json!({
            "uitkomst": "children",
            "zwanger": false,
            "leeftijden": [6, 9],
            "gedeelde_zorg": {"gedeeld": "yes", "met_wie": "Kees de Vries (vader)"}
        })
    );
    let opened = serde_json::to_value(&log.0[0]).unwrap();
    assert_eq!(opened["at"], "2026-11-29T09:00:00Z");
    assert_eq!(opened["event"]["client"]["geboortedatum"], "1994-03-02");
}

#[test]
fn phases_have_dutch_labels() {
    assert_eq!(
        Phase::AtStep(Step::Conversation).label(),
        "Stap 3: Gesprek met de cliënt"
    );
    for p in [
        Phase::FollowingHelp,
        Phase::MeldingDue,
        Phase::Reported,
        Phase::Closed,
    ] {
        assert!(!p.label().starts_with("meldcode-"), "{p:?}");
    }
    for g in SkipGround::ALL {
        assert_eq!(SkipGround::parse("grond", g.code()), Ok(g));
        assert!(!g.label().starts_with("meldcode-"));
    }
}
