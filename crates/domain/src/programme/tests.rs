use super::*;
use time::macros::date;

fn small() -> Programme {
    Programme {
        name: "Programma".into(),
        from_year: 2019,
        to_year: 2021,
        client: "Bestuurscommissie".into(),
        bodies: vec![Body {
            name: "Bestuurscommissie".into(),
            kind: BodyKind::Bestuurscommissie,
            members: vec![],
        }],
        working_groups: vec![WorkingGroup {
            code: "ouderen".into(),
            name: "Aanpak ouderenmishandeling".into(),
            trekkers: vec![],
        }],
        action_lines: vec![ActionLine {
            number: 3,
            name: "Aandacht voor specifieke groepen".into(),
            themes: vec![Theme {
                what: "Aanpak ouderenmishandeling".into(),
                working_group: Some("ouderen".into()),
                actions: vec![PlannedAction {
                    how: "Plan van aanpak opstellen".into(),
                    heading: None,
                    timing: Some(PlannedTiming::parse("2019/2020")),
                    working_group: None,
                    indicators: vec![],
                }],
            }],
        }],
    }
}

#[test]
fn a_well_formed_programme_passes_and_owners_come_from_the_theme() {
    let p = small();
    assert_eq!(p.check(), Ok(()));
    let (_, theme, action) = p.actions().next().unwrap();
    assert_eq!(action.owner(theme), Some("ouderen"));
}

#[test]
fn each_broken_rule_names_its_field() {
    let field = |p: Programme| p.check().unwrap_err().field;
    let mut p = small();
    p.to_year = 2018;
    assert_eq!(field(p), "programma.tot_en_met");
    let mut p = small();
    p.client = "Niemand".into();
    assert_eq!(field(p), "programma.opdrachtgever");
    let mut p = small();
    p.action_lines[0].themes[0].working_group = Some("spook".into());
    assert_eq!(field(p), "actielijn[0].thema[0].werkgroep");
    let mut p = small();
    p.action_lines[0].themes[0].actions[0].working_group = Some("spook".into());
    assert_eq!(field(p), "actielijn[0].thema[0].actie[0].werkgroep");
    let mut p = small();
    p.action_lines[0].themes[0].actions[0].how = "  ".into();
    assert_eq!(field(p), "actielijn[0].thema[0].actie[0].hoe");
    let mut p = small();
    p.working_groups.push(p.working_groups[0].clone());
    assert_eq!(field(p), "werkgroep[1].code");
    let mut p = small();
    p.action_lines.push(p.action_lines[0].clone());
    assert_eq!(field(p), "actielijn[1].nummer");
}

#[test]
fn an_unfinished_action_past_its_planned_end_signals_and_a_finished_one_does_not() {
    let planned = PlannedTiming::parse("2019/2020");
    let after = date!(2021 - 01 - 01);
    let last_day = date!(2020 - 12 - 31);
    assert!(is_past_planned(Some(&planned), ActionStatus::Loopt, after));
    assert!(is_past_planned(
        Some(&planned),
        ActionStatus::NietGestart,
        after
    ));
    assert!(is_past_planned(
        Some(&planned),
        ActionStatus::Vertraagd,
        after
    ));
    assert!(!is_past_planned(
        Some(&planned),
        ActionStatus::Loopt,
        last_day
    ));
    assert!(!is_past_planned(
        Some(&planned),
        ActionStatus::Afgerond,
        after
    ));
    assert!(!is_past_planned(
        Some(&planned),
        ActionStatus::Vervallen,
        after
    ));
    assert!(!is_past_planned(
        Some(&PlannedTiming::parse("Doorlopend")),
        ActionStatus::Loopt,
        after
    ));
    assert!(!is_past_planned(None, ActionStatus::Loopt, after));
}

#[test]
fn statuses_and_body_kinds_read_their_codes_and_have_dutch_labels() {
    for s in ActionStatus::ALL {
        assert_eq!(ActionStatus::parse("status", s.code()), Ok(s));
        assert!(!s.label().is_empty() && !s.label().contains('-'), "{:?}", s);
    }
    assert_eq!(ActionStatus::NietGestart.label(), "Niet gestart");
    assert_eq!(
        ActionStatus::parse("status", "klaar").unwrap_err().field,
        "status"
    );
    for k in BodyKind::ALL {
        assert_eq!(BodyKind::parse("soort", k.code()), Ok(k));
    }
    assert_eq!(
        BodyKind::parse("orgaan[0].soort", "raad")
            .unwrap_err()
            .field,
        "orgaan[0].soort"
    );
}
