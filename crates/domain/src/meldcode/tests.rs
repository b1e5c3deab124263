//! The afwegingskader question by question and the kindcheck (RULES.md 1.2, 1.4). The dossier's
//! steps, the prefill and the stored events are in `dossier_tests.rs`.

use super::*;

const J: Option<bool> = Some(true);
const N: Option<bool> = Some(false);
const O: Option<bool> = None;

fn sheet(q: [Option<bool>; 5]) -> AnswerSheet {
    AnswerSheet {
        q1: q[0],
        q2: q[1],
        q3: q[2],
        q4: q[3],
        q5: q[4],
    }
}

/// Every combination the afwegingskader can reach, with its outcome and the row of RULES.md 1.2
/// it follows. Anything else is refused (next test).
const REACHABLE: [([Option<bool>; 5], Outcome, &str); 12] = [
    (
        [N, O, O, O, O],
        Outcome::NoSuspicion,
        "1 nee: close + record in file",
    ),
    (
        [J, J, O, O, O],
        Outcome::ReportUnsafety,
        "2 ja: melden bij VT; 3-5 not yet answered with VT",
    ),
    (
        [J, J, N, O, O],
        Outcome::ReportUnsafety,
        "2 ja: melden, whatever 3 says with VT",
    ),
    (
        [J, J, J, N, O],
        Outcome::ReportUnsafety,
        "2 ja: melden, whatever 4 says with VT",
    ),
    (
        [J, J, J, J, O],
        Outcome::ReportUnsafety,
        "2 ja: melden, even when help is accepted",
    ),
    (
        [J, J, J, J, N],
        Outcome::ReportUnsafety,
        "2 ja: melden, whatever 5 says with VT",
    ),
    (
        [J, J, J, J, J],
        Outcome::ReportUnsafety,
        "2 ja: always report acute/structural unsafety",
    ),
    (
        [J, N, N, O, O],
        Outcome::ReportCannotHelp,
        "3 nee: melden (cannot offer or organise help)",
    ),
    (
        [J, N, J, N, O],
        Outcome::ReportHelpNotAccepted,
        "4 nee: melden (help not accepted)",
    ),
    (
        [J, N, J, J, O],
        Outcome::OfferHelp,
        "4 ja: offer/organise help, then 5",
    ),
    (
        [J, N, J, J, N],
        Outcome::ReportAgain,
        "5 nee: (opnieuw) melden",
    ),
    (
        [J, N, J, J, J],
        Outcome::CloseHelp,
        "5 ja: close help, with agreements on following (on)veiligheid",
    ),
];

#[test]
fn every_reachable_combination_leads_to_the_outcome_of_its_row() {
    for (answers, outcome, rule) in REACHABLE {
        let s = sheet(answers);
        let checked = s.check().unwrap_or_else(|e| panic!("{rule}: refused: {e}"));
        assert_eq!(checked.outcome(), outcome, "{rule}");
        assert_eq!(weigh(s), Ok(outcome), "{rule}");
        // The checked answers give back exactly the sheet they came from.
        assert_eq!(checked.sheet(), s, "{rule}");
    }
}

#[test]
fn every_other_combination_is_refused_naming_a_question() {
    let values = [J, N, O];
    let mut reachable = 0;
    let mut refused = 0;
    for a in values {
        for b in values {
            for c in values {
                for d in values {
                    for e in values {
                        let q = [a, b, c, d, e];
                        let in_table = REACHABLE.iter().any(|(r, ..)| *r == q);
                        match sheet(q).check() {
                            Ok(_) => {
                                assert!(in_table, "{q:?} accepted but not in the table");
                                reachable += 1;
                            }
                            Err(err) => {
                                assert!(!in_table, "{q:?} refused: {err}");
                                assert!(
                                    ["vraag_1", "vraag_2", "vraag_3", "vraag_4", "vraag_5"]
                                        .contains(&err.field.as_str()),
                                    "{q:?}: {}",
                                    err.field
                                );
                                refused += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!((reachable, refused), (12, 243 - 12));
}

fn refused(q: [Option<bool>; 5]) -> (String, String) {
    let e = sheet(q).check().unwrap_err();
    (e.field.clone(), e.text())
}

#[test]
fn question_1_must_be_answered_and_nee_ends_the_questions() {
    assert_eq!(refused([O, O, O, O, O]).0, "vraag_1");
    assert_eq!(refused([O, J, O, O, O]).0, "vraag_1");
    // 1 nee: "close + record in file"; question 2 does not come up.
    assert_eq!(weigh(sheet([N, O, O, O, O])), Ok(Outcome::NoSuspicion));
    let (field, text) = refused([N, N, O, O, O]);
    assert_eq!(field, "vraag_2");
    assert!(text.contains("vraag 1"), "{text}");
    assert_eq!(refused([N, O, O, O, J]).0, "vraag_5");
    assert_eq!(Outcome::NoSuspicion.leads_to(), LeadsTo::Close);
}

#[test]
fn question_2_ja_is_always_a_melding_and_3_to_5_may_wait_for_veilig_thuis() {
    assert_eq!(refused([J, O, O, O, O]).0, "vraag_2");
    for (q, outcome, _) in REACHABLE.iter().filter(|(q, ..)| q[1] == J) {
        assert_eq!(*outcome, Outcome::ReportUnsafety, "{q:?}");
    }
    assert_eq!(Outcome::ReportUnsafety.leads_to(), LeadsTo::Melding);
    // Answered together with VT, 3-5 still follow their order.
    let (field, _) = refused([J, J, O, J, O]);
    assert_eq!(field, "vraag_3");
    assert_eq!(refused([J, J, J, O, O]).0, "vraag_4");
    assert_eq!(refused([J, J, N, J, O]).0, "vraag_4");
}

#[test]
fn question_3_nee_is_a_melding() {
    // 2 nee: question 3 must be answered.
    assert_eq!(refused([J, N, O, O, O]).0, "vraag_3");
    assert_eq!(weigh(sheet([J, N, N, O, O])), Ok(Outcome::ReportCannotHelp));
    assert_eq!(Outcome::ReportCannotHelp.leads_to(), LeadsTo::Melding);
    let (field, text) = refused([J, N, N, J, O]);
    assert_eq!(field, "vraag_4");
    assert!(text.contains("vraag 3"), "{text}");
}

#[test]
fn question_4_nee_is_a_melding_and_ja_offers_help() {
    assert_eq!(refused([J, N, J, O, O]).0, "vraag_4");
    assert_eq!(refused([J, N, J, O, J]).0, "vraag_4");
    assert_eq!(
        weigh(sheet([J, N, J, N, O])),
        Ok(Outcome::ReportHelpNotAccepted)
    );
    assert_eq!(Outcome::ReportHelpNotAccepted.leads_to(), LeadsTo::Melding);
    assert_eq!(refused([J, N, J, N, N]).0, "vraag_5");
    // 4 ja: help is offered; question 5 waits until its effect shows.
    assert_eq!(weigh(sheet([J, N, J, J, O])), Ok(Outcome::OfferHelp));
    assert_eq!(Outcome::OfferHelp.leads_to(), LeadsTo::Help);
    assert!(LeadsTo::Help.advies_fits());
}

#[test]
fn question_5_nee_reports_again_and_ja_closes_the_help() {
    assert_eq!(weigh(sheet([J, N, J, J, N])), Ok(Outcome::ReportAgain));
    assert_eq!(Outcome::ReportAgain.leads_to(), LeadsTo::Melding);
    assert_eq!(weigh(sheet([J, N, J, J, J])), Ok(Outcome::CloseHelp));
    assert_eq!(Outcome::CloseHelp.leads_to(), LeadsTo::Close);
}

#[test]
fn only_the_help_outcome_fits_an_advies_and_every_melding_outcome_is_a_melding() {
    for outcome in Outcome::ALL {
        let melding = matches!(
            outcome,
            Outcome::ReportUnsafety
                | Outcome::ReportCannotHelp
                | Outcome::ReportHelpNotAccepted
                | Outcome::ReportAgain
        );
        assert_eq!(
            outcome.leads_to() == LeadsTo::Melding,
            melding,
            "{outcome:?}"
        );
        assert_eq!(
            outcome.leads_to().advies_fits(),
            outcome == Outcome::OfferHelp,
            "{outcome:?}"
        );
    }
}

#[test]
fn outcomes_have_distinct_dutch_labels_and_stored_codes() {
    let labels: Vec<String> = Outcome::ALL.iter().map(|o| o.label()).collect();
    for (o, label) in Outcome::ALL.iter().zip(&labels) {
        assert!(!label.starts_with("meldcode-"), "no text for {o:?}");
        assert_eq!(labels.iter().filter(|l| *l == label).count(), 1, "{label}");
        assert_eq!(
            serde_json::to_string(o).unwrap(),
            format!("\"{}\"", o.code())
        );
    }
    assert!(
        Outcome::ReportUnsafety
            .label()
            .contains("Melden bij Veilig Thuis")
    );
    assert!(Outcome::ReportAgain.label().starts_with("(Opnieuw) melden"));
    for n in 1..=5 {
        assert!(afweging::question_text(n).ends_with('?'), "vraag {n}");
    }
}

#[test]
fn answers_are_stored_as_the_sheet_and_a_stored_illegal_sheet_is_not_read() {
    let answers = sheet([J, N, J, J, O]).check().unwrap();
    let json = serde_json::to_value(answers).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"vraag_1": true, "vraag_2": false, "vraag_3": true, "vraag_4": true, "vraag_5": null})
    );
    assert_eq!(serde_json::from_value::<Answers>(json).unwrap(), answers);
    let illegal = serde_json::json!({"vraag_1": false, "vraag_2": true});
    let err = serde_json::from_value::<Answers>(illegal).unwrap_err();
    assert!(err.to_string().contains("vraag_2"), "{err}");
}

// The kindcheck (RULES.md 1.4).

fn input() -> KindcheckInput {
    KindcheckInput {
        parental_problems: true,
        ..KindcheckInput::default()
    }
}

fn with_children(number: &str, ages: &[&str]) -> KindcheckInput {
    KindcheckInput {
        cares_for_children: true,
        number_of_children: number.into(),
        ages: ages.iter().map(|a| a.to_string()).collect(),
        ..input()
    }
}

fn kc_field(i: KindcheckInput) -> String {
    i.check().unwrap_err().field
}

#[test]
fn kindcheck_without_parental_problems_ends_and_asks_nothing_more() {
    assert_eq!(
        KindcheckInput::default().check(),
        Ok(Kindcheck::NoParentalProblems)
    );
    let i = KindcheckInput {
        pregnant: true,
        ..KindcheckInput::default()
    };
    assert_eq!(kc_field(i), "kindcheck.zwanger");
    let i = KindcheckInput {
        number_of_children: "2".into(),
        ..KindcheckInput::default()
    };
    assert_eq!(kc_field(i), "kindcheck.aantal_kinderen");
}

#[test]
fn kindcheck_no_children_and_not_pregnant_ends() {
    assert_eq!(input().check(), Ok(Kindcheck::NoChildren));
    assert!(!Kindcheck::NoChildren.has_children());
    let i = KindcheckInput {
        ages: vec!["4".into()],
        ..input()
    };
    assert_eq!(kc_field(i), "kindcheck.leeftijden");
    let i = KindcheckInput {
        shared_care: true,
        ..input()
    };
    assert_eq!(kc_field(i), "kindcheck.gedeelde_zorg");
}

#[test]
fn kindcheck_pregnant_without_children_is_recorded() {
    let i = KindcheckInput {
        pregnant: true,
        ..input()
    };
    let k = i.check().unwrap();
    assert_eq!(
        k,
        Kindcheck::Children {
            pregnant: true,
            ages: vec![],
            shared_care: SharedCare::No
        }
    );
    assert!(k.has_children());
    assert_eq!(k.summary(false), "zwanger");
}

#[test]
fn kindcheck_records_number_and_ages_of_the_children() {
    let k = with_children("3", &["0", "7", "17"]).check().unwrap();
    assert_eq!(
        k,
        Kindcheck::Children {
            pregnant: false,
            ages: vec![0, 7, 17],
            shared_care: SharedCare::No
        }
    );
    assert_eq!(
        k.summary(false),
        "3 kinderen (0, 7, 17 jaar); zorg niet gedeeld"
    );
    // Pregnant and caring for a child.
    let i = KindcheckInput {
        pregnant: true,
        ..with_children("1", &["2"])
    };
    assert_eq!(
        i.check().unwrap().summary(false),
        "1 kind (2 jaar); zwanger; zorg niet gedeeld"
    );
    // Empty age fields after the last child are not children.
    assert!(with_children("1", &["5", " ", ""]).check().is_ok());
}

#[test]
fn kindcheck_validates_number_and_ages() {
    assert_eq!(
        kc_field(with_children("", &[])),
        "kindcheck.aantal_kinderen"
    );
    assert_eq!(
        kc_field(with_children("0", &[])),
        "kindcheck.aantal_kinderen"
    );
    assert_eq!(
        kc_field(with_children("21", &[])),
        "kindcheck.aantal_kinderen"
    );
    assert_eq!(
        kc_field(with_children("twee", &[])),
        "kindcheck.aantal_kinderen"
    );
    // Ages 0 to 17: an 18-year-old is no minor.
    let e = with_children("2", &["4", "18"]).check().unwrap_err();
    assert_eq!(e.field, "kindcheck.leeftijden[1]");
    assert_eq!(e.text(), "Vul een leeftijd in van 0 tot en met 17 jaar.");
    assert_eq!(
        kc_field(with_children("1", &["-1"])),
        "kindcheck.leeftijden[0]"
    );
    assert_eq!(
        kc_field(with_children("2", &["", "4"])),
        "kindcheck.leeftijden[0]"
    );
    // The count matches.
    let e = with_children("3", &["4", "7"]).check().unwrap_err();
    assert_eq!(e.field, "kindcheck.leeftijden");
    assert_eq!(
        e.text(),
        "U vulde 3 kinderen in, maar 2 leeftijden. Vul voor elk kind een leeftijd in."
    );
    assert_eq!(
        kc_field(with_children("1", &["4", "7"])),
        "kindcheck.leeftijden"
    );
}

#[test]
fn kindcheck_shared_care_names_who_else_cares() {
    let i = KindcheckInput {
        shared_care: true,
        shared_with: " de vader, Piet Jansen ".into(),
        ..with_children("1", &["6"])
    };
    let k = i.check().unwrap();
    assert_eq!(
        k,
        Kindcheck::Children {
            pregnant: false,
            ages: vec![6],
            shared_care: SharedCare::Yes {
                with_whom: "de vader, Piet Jansen".into()
            }
        }
    );
    assert_eq!(
        k.summary(false),
        "1 kind (6 jaar); zorg gedeeld met de vader, Piet Jansen"
    );
    assert_eq!(k.summary(true), "1 kind (6 jaar); zorg gedeeld");
    let i = KindcheckInput {
        shared_care: true,
        ..with_children("1", &["6"])
    };
    assert_eq!(kc_field(i), "kindcheck.met_wie");
    let i = KindcheckInput {
        shared_with: "oma".into(),
        ..with_children("1", &["6"])
    };
    assert_eq!(kc_field(i), "kindcheck.met_wie");
}

#[test]
fn steps_are_numbered_in_order_and_labelled() {
    for (i, step) in Step::ALL.iter().enumerate() {
        assert_eq!(usize::from(step.number()), i + 1);
        assert!(!step.label().starts_with("meldcode-"));
        assert_eq!(step.previous(), i.checked_sub(1).map(|p| Step::ALL[p]));
    }
}

#[test]
fn every_phase_reads_back_from_its_stored_code() {
    let mut phases: Vec<Phase> = Step::ALL.into_iter().map(Phase::AtStep).collect();
    phases.extend([
        Phase::FollowingHelp,
        Phase::MeldingDue,
        Phase::Reported,
        Phase::Closed,
    ]);
    let mut codes = Vec::new();
    for phase in phases {
        assert_eq!(Phase::from_code(&phase.code()), Some(phase), "{phase:?}");
        codes.push(phase.code());
    }
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 9, "every phase has its own code");
    assert_eq!(Phase::from_code("step_6"), None);
    assert_eq!(Phase::from_code("onbekend"), None);
}

#[test]
fn a_reporter_type_of_the_cbs_list_for_every_kind_of_organisation() {
    let list = crate::codes::registry()
        .list(crate::codes::ids::MELDER, crate::codes::ids::CBS_2019)
        .expect("the CBS reporter list");
    for kind in crate::org::OrgKind::ALL {
        let code = super::melder_type(kind);
        assert!(
            list.entries.iter().any(|e| e.code == code),
            "{kind:?}: {code} is not in the CBS list"
        );
    }
    assert_eq!(super::melder_type(crate::org::OrgKind::School), "onderwijs");
    assert_eq!(
        super::melder_type(crate::org::OrgKind::Politie),
        "justitie_en_veiligheid"
    );
}
