//! The warm handover's rules (RULES.md 0, 2.5), through the case aggregate.

use crate::case::tests::*;
use crate::case::*;

#[test]
fn only_the_receiver_can_accept_or_refuse() {
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    for org in [VT, GGZ] {
        let mut attempt = steps.clone();
        attempt.push((org, accepted("h1")));
        let (i, err) = run(&attempt).unwrap_err();
        assert_eq!(i, attempt.len() - 1);
        assert!(message(&err).contains("ontvangende organisatie"), "{err}");
        let mut refuse = steps.clone();
        refuse.push((
            org,
            CaseEvent::Handover(HandoverEvent::Refused {
                handover_id: "h1".into(),
                reason: "Geen capaciteit".into(),
            }),
        ));
        assert!(run(&refuse).is_err());
    }
    // The wrong handover id names the field.
    let mut wrong = steps.clone();
    wrong.push((LT, accepted("h9")));
    match run(&wrong).unwrap_err().1 {
        TransitionError::Field(f) => assert_eq!(f.field, "handover_id"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn handover_without_conditions_leaves_no_monitoring() {
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    steps.push((LT, accepted("h1")));
    let s = run(&steps).unwrap();
    assert_eq!(s.phase, Phase::Overgedragen);
    assert!(s.monitoring.is_none());
    // Only the accountable receiver closes it now.
    let mut by_vt = steps.clone();
    by_vt.push((VT, closed()));
    assert!(message(&run(&by_vt).unwrap_err().1).contains("verantwoordelijke organisatie"));
    steps.push((LT, closed()));
    assert_eq!(run(&steps).unwrap().phase, Phase::Gesloten);
}

#[test]
fn only_one_open_handover_at_a_time() {
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    steps.push((VT, offered("h2", GGZ, &[])));
    assert!(message(&run(&steps).unwrap_err().1).contains("al een overdracht open"));
}

#[test]
fn refusal_returns_the_case_to_vt_which_cannot_simply_close_it() {
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    steps.push((
        LT,
        CaseEvent::Handover(HandoverEvent::Refused {
            handover_id: "h1".into(),
            reason: "Niet ons gebied".into(),
        }),
    ));
    let s = run(&steps).unwrap();
    assert_eq!(s.phase, Phase::Besloten);
    assert_eq!(s.accountable(), Some(VT));
    let mut close = steps.clone();
    close.push((VT, closed()));
    assert!(
        message(&run(&close).unwrap_err().1)
            .contains("geen organisatie heeft de casus geaccepteerd")
    );
    // The id of the refused handover cannot be reused; a new offer to another party can be made.
    let mut reuse = steps.clone();
    reuse.push((VT, offered("h1", GGZ, &[])));
    assert!(run(&reuse).is_err());
    steps.push((VT, offered("h2", GGZ, &[])));
    steps.push((GGZ, accepted("h2")));
    assert_eq!(run(&steps).unwrap().accountable(), Some(GGZ));
}

#[test]
fn withdrawal_is_for_vt_only() {
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    steps.push((VT, offered("h1", LT, &[])));
    let mut by_lt = steps.clone();
    by_lt.push((
        LT,
        CaseEvent::Handover(HandoverEvent::Withdrawn {
            handover_id: "h1".into(),
            reason: "x".into(),
        }),
    ));
    assert!(run(&by_lt).is_err());
    steps.push((
        VT,
        CaseEvent::Handover(HandoverEvent::Withdrawn {
            handover_id: "h1".into(),
            reason: "Gezin verhuisd".into(),
        }),
    ));
    let s = run(&steps).unwrap();
    assert!(s.open_handover.is_none());
    assert_eq!(s.phase, Phase::Besloten);
}

#[test]
fn the_regiehouder_comes_from_the_accepting_organisation() {
    let members = vec!["u-team-1".to_string(), "u-team-2".to_string()];
    assert!(super::check_regiehouder("u-team-2", &members).is_ok());
    let err = super::check_regiehouder("u-vt-1", &members).unwrap_err();
    assert_eq!(err.field, "regiehouder");
    assert!(super::check_regiehouder("u-team-1", &[]).is_err());
}

fn question(id: &str, text: &str) -> CaseEvent {
    CaseEvent::Handover(HandoverEvent::QuestionAsked {
        handover_id: id.into(),
        question: text.into(),
    })
}

#[test]
fn only_the_receiver_asks_about_an_open_offer_and_the_offer_stays_open() {
    let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
    // No offer yet: nothing to ask about.
    let mut early = steps.clone();
    early.push((LT, question("h1", "Wie is de huisarts?")));
    assert!(run(&early).is_err());
    steps.push((VT, offered("h1", LT, &[])));
    for who in [VT, GGZ] {
        let mut other = steps.clone();
        other.push((who, question("h1", "Wie is de huisarts?")));
        assert!(run(&other).is_err(), "{who} is not the receiver");
    }
    let mut empty = steps.clone();
    empty.push((LT, question("h1", "   ")));
    assert!(run(&empty).is_err(), "a question must say something");
    let before = run(&steps).unwrap();
    steps.push((LT, question("h1", "Wie is de huisarts?")));
    let after = run(&steps).unwrap();
    assert_eq!(after.open_handover, before.open_handover);
    assert_eq!(after.phase, Phase::Overdracht);
    assert_eq!(after.accountable(), before.accountable());
    // After the answer, the receiver can still accept.
    steps.push((LT, accepted("h1")));
    assert_eq!(run(&steps).unwrap().accountable(), Some(LT));
}
