//! Triage's rules (RULES.md 2.1-2.3, 9), through the case aggregate.

use crate::case::tests::*;
use crate::case::*;

#[test]
fn a_scored_instrument_is_kept_as_a_validated_record() {
    use crate::instruments::{InstrumentKind, InstrumentRecord};
    let dash = |n: usize| InstrumentRecord {
        kind: InstrumentKind::Dash,
        version: "2009".into(),
        item_scores: vec!["ja".to_string(); n],
        overall_judgement: Some("hoog".into()),
    };
    let mut steps = up_to_decision("voorwaarden_en_vervolg", &["Geen geweld"]);
    steps.push((
        VT,
        CaseEvent::Triage(TriageEvent::InstrumentScored {
            record: dash(27),
            assessor: "vt.mw".into(),
        }),
    ));
    let s = run(&steps).unwrap();
    assert_eq!(s.instruments, vec![dash(27)]);
    steps.pop();
    steps.push((
        VT,
        CaseEvent::Triage(TriageEvent::InstrumentScored {
            record: dash(26),
            assessor: "vt.mw".into(),
        }),
    ));
    let (_, err) = run(&steps).unwrap_err();
    assert!(
        matches!(err, TransitionError::Field(ref f) if f.field == "items"),
        "{err:?}"
    );
}
