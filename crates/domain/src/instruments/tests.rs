use super::*;

fn record(kind: InstrumentKind, scores: &[&str], judgement: Option<&str>) -> InstrumentRecord {
    InstrumentRecord {
        kind,
        version: InstrumentSpec::default_for(kind).version,
        item_scores: strings(scores),
        overall_judgement: judgement.map(String::from),
    }
}

fn outcome(r: &InstrumentRecord) -> Option<Indication> {
    r.indicative_outcome(&InstrumentSpec::default_for(r.kind))
        .unwrap()
}

#[test]
fn built_in_specs_are_consistent() {
    for kind in InstrumentKind::ALL {
        let spec = InstrumentSpec::default_for(kind);
        assert_eq!(spec.kind, kind);
        if !spec.parts.is_empty() {
            assert_eq!(
                spec.parts.iter().map(|p| p.items).sum::<usize>(),
                spec.item_count,
                "{kind:?}"
            );
        }
        assert_eq!(InstrumentKind::parse("instrument", kind.code()), Ok(kind));
    }
    assert_eq!(
        InstrumentSpec::default_for(InstrumentKind::Rihg).item_count,
        20
    );
    assert_eq!(
        InstrumentSpec::default_for(InstrumentKind::Dash).item_count,
        27
    );
    assert_eq!(
        InstrumentSpec::default_for(InstrumentKind::CareNl).item_count,
        18
    );
    assert_eq!(
        InstrumentSpec::default_for(InstrumentKind::BSafer).item_count,
        10
    );
    assert_eq!(
        InstrumentKind::parse("instrument", "lirik")
            .unwrap_err()
            .field,
        "instrument"
    );
}

#[test]
fn wrong_scores_name_the_item() {
    let mut scores = vec!["geel"; 20];
    scores[3] = "groen";
    let err = record(InstrumentKind::Rihg, &scores, None)
        .validate(&InstrumentSpec::default_for(InstrumentKind::Rihg))
        .unwrap_err();
    assert_eq!(err.field, "items[3]");
    let short = record(InstrumentKind::Dash, &["ja"; 24], None);
    assert_eq!(
        short
            .validate(&InstrumentSpec::default_for(InstrumentKind::Dash))
            .unwrap_err()
            .field,
        "items"
    );
    let mut old = record(InstrumentKind::Dash, &["nee"; 27], None);
    old.version = "2005".into();
    assert_eq!(
        old.validate(&InstrumentSpec::default_for(InstrumentKind::Dash))
            .unwrap_err()
            .field,
        "version"
    );
    let judged = record(InstrumentKind::CareNl, &["n"; 18], Some("zeer hoog"));
    assert_eq!(
        judged
            .validate(&InstrumentSpec::default_for(InstrumentKind::CareNl))
            .unwrap_err()
            .field,
        "overall_judgement"
    );
    // A DASH answer is not a CARE-NL score.
    let mixed = record(InstrumentKind::CareNl, &["ja"; 18], None);
    assert_eq!(
        mixed
            .validate(&InstrumentSpec::default_for(InstrumentKind::CareNl))
            .unwrap_err()
            .field,
        "items[0]"
    );
}

#[test]
fn rihg_two_red_in_one_part_indicates_a_huisverbod() {
    // Two red signals, but in different parts: no indication.
    let mut scores = vec!["geel"; 20];
    scores[0] = "rood";
    scores[19] = "rood";
    assert_eq!(
        outcome(&record(InstrumentKind::Rihg, &scores, None)),
        Some(Indication::RihgGeenIndicatie)
    );
    // Two red in the last part.
    scores[18] = "rood";
    assert_eq!(
        outcome(&record(InstrumentKind::Rihg, &scores, None)),
        Some(Indication::RihgHuisverbodInBeginsel {
            parts: vec!["gezinsachtergronden".into()]
        })
    );
    // Blue never counts.
    assert_eq!(
        outcome(&record(InstrumentKind::Rihg, &["blauw"; 20], None)),
        Some(Indication::RihgGeenIndicatie)
    );
}

#[test]
fn dash_thresholds() {
    let with_yes = |n: usize| {
        let mut s = vec!["nee"; 27];
        s.iter_mut().take(n).for_each(|x| *x = "ja");
        s[26] = "onbekend";
        outcome(&record(InstrumentKind::Dash, &s, None))
    };
    assert_eq!(
        with_yes(9),
        Some(Indication::DashRisico {
            level: DashLevel::Standaard,
            yes_count: 9
        })
    );
    assert_eq!(
        with_yes(10),
        Some(Indication::DashRisico {
            level: DashLevel::Medium,
            yes_count: 10
        })
    );
    assert_eq!(
        with_yes(13),
        Some(Indication::DashRisico {
            level: DashLevel::Medium,
            yes_count: 13
        })
    );
    assert_eq!(
        with_yes(14),
        Some(Indication::DashRisico {
            level: DashLevel::Hoog,
            yes_count: 14
        })
    );
}

#[test]
fn triage_part_c_may_be_skipped_only_when_b_is_positive() {
    let spec = InstrumentSpec::default_for(InstrumentKind::TriageVt);
    let skipped = record(
        InstrumentKind::TriageVt,
        &["nee", "ja", "niet_beoordeeld"],
        None,
    );
    assert_eq!(
        outcome(&skipped),
        Some(Indication::Triage {
            acute_unsafety: false,
            structural_unsafety: true,
            multi_problem: None
        })
    );
    let bad = record(
        InstrumentKind::TriageVt,
        &["nee", "nee", "niet_beoordeeld"],
        None,
    );
    assert_eq!(bad.validate(&spec).unwrap_err().field, "items[2]");
    let no_a = record(
        InstrumentKind::TriageVt,
        &["niet_beoordeeld", "ja", "ja"],
        None,
    );
    assert_eq!(no_a.validate(&spec).unwrap_err().field, "items[0]");
}

#[test]
fn b_safer_scores_two_time_frames_and_spj_gives_no_rule() {
    let spec = InstrumentSpec::default_for(InstrumentKind::BSafer);
    assert!(
        record(InstrumentKind::BSafer, &["n"; 10], None)
            .validate(&spec)
            .is_err()
    );
    let full = record(InstrumentKind::BSafer, &["?"; 20], Some("matig"));
    assert_eq!(full.indicative_outcome(&spec), Ok(None));
    let care = record(InstrumentKind::CareNl, &["j"; 18], Some("hoog"));
    assert_eq!(outcome(&care), None);
}

/// Issue 7: a veiligheidsbeoordeling names an instrument and version from the list, never typed.
#[test]
fn the_safety_instrument_is_chosen_from_the_list() {
    let choices = super::safety_assessment_instruments();
    assert_eq!(choices.len(), 1);
    let (kind, version) = &choices[0];
    assert_eq!(
        super::parse_safety_instrument("instrument", &super::instrument_choice(*kind, version)),
        Ok(("triage_vt".to_string(), "0.6".to_string()))
    );
    for typed in [
        "Triage-instrument Veilig Thuis",
        "triage_vt",
        "triage_vt:0.5",
        "",
    ] {
        assert_eq!(
            super::parse_safety_instrument("instrument", typed)
                .unwrap_err()
                .field,
            "instrument"
        );
    }
}
