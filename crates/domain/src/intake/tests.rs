use time::macros::{date, datetime};

use super::*;

fn gemeenten() -> Vec<String> {
    vec!["Venlo".into(), "Weert".into()]
}

pub(crate) fn betrokkene(id: &str, role: &str, name: &str, born: Date) -> Betrokkene {
    Betrokkene {
        person_id: id.into(),
        role: role.into(),
        name: Some(name.into()),
        birth_date: Some(born),
        estimated_age: None,
        gender: Gender::Onbekend,
        bsn: None,
        address: None,
        gemeente: "Venlo".into(),
    }
}

/// A valid melding with three betrokkenen and two kinds of violence.
pub(crate) fn melding() -> Intake {
    Intake {
        case_kind: CaseKind::Melding,
        received_at: datetime!(2026-03-12 10:00 +1),
        channel: "telefoon".into(),
        melder: Melder {
            melder_type: "onderwijs".into(),
            name: Some("  Mw. Voorbeeld ".into()),
            organisation: Some("Basisschool De Fictie".into()),
            org_id: None,
            contact: Some("".into()),
            anonymous_to_family: true,
            has_role: false,
            informant_doctor: false,
        },
        betrokkenen: vec![
            betrokkene(
                "p1",
                "kind_in_gezin",
                "Fenna Verzonnen",
                date!(2017 - 05 - 01),
            ),
            betrokkene("p2", "slachtoffer", "Anna Verzonnen", date!(1990 - 01 - 31)),
            betrokkene("p3", "pleger", "Bram Verzonnen", date!(1988 - 02 - 29)),
        ],
        violence_version: "regio-2018".into(),
        violence: vec![
            "psychisch_geweld".into(),
            "getuige_van_geweld_in_gezin".into(),
        ],
        specific_groups: vec!["complexe_scheiding".into()],
        description: "Kind vertelt over ruzies thuis.".into(),
    }
}

fn err_field(intake: &Intake) -> String {
    intake.normalised(Some(&gemeenten())).unwrap_err().field
}

#[test]
fn a_valid_melding_is_normalised() {
    let n = melding().normalised(Some(&gemeenten())).unwrap();
    assert_eq!(n.melder.name.as_deref(), Some("Mw. Voorbeeld"));
    assert_eq!(n.melder.contact, None);
    assert_eq!(n.gemeente(), Some("Venlo"));
    assert_eq!(n.received_on(), date!(2026 - 03 - 12));
}

#[test]
fn bad_input_names_the_field() {
    let mut i = melding();
    i.betrokkenen[2].birth_date = Some(date!(2027 - 01 - 01));
    assert_eq!(err_field(&i), "betrokkenen[2].geboortedatum");

    let mut i = melding();
    i.betrokkenen[1].bsn = Some("123456789".into());
    assert_eq!(err_field(&i), "betrokkenen[1].bsn");

    let mut i = melding();
    i.betrokkenen[0].gemeente = "Maastricht".into();
    assert_eq!(err_field(&i), "betrokkenen[0].gemeente");

    let mut i = melding();
    i.betrokkenen[0].role = "buurman".into();
    assert_eq!(err_field(&i), "betrokkenen[0].rol");

    let mut i = melding();
    i.betrokkenen[1].name = None;
    assert_eq!(err_field(&i), "betrokkenen[1].naam");

    let mut i = melding();
    i.betrokkenen[1].estimated_age = Some(30);
    assert_eq!(err_field(&i), "betrokkenen[1].geschatte_leeftijd");

    let mut i = melding();
    i.betrokkenen[1].birth_date = None;
    assert_eq!(err_field(&i), "betrokkenen[1].geboortedatum");

    let mut i = melding();
    i.betrokkenen[2].person_id = "p1".into();
    assert_eq!(err_field(&i), "betrokkenen[2].persoon_id");

    let mut i = melding();
    i.violence.push("psychisch_geweld".into());
    assert_eq!(err_field(&i), "aard_geweld[2]");

    let mut i = melding();
    i.violence = vec!["kindermishandeling".into()];
    assert_eq!(err_field(&i), "aard_geweld[0]");

    let mut i = melding();
    i.violence.clear();
    assert_eq!(err_field(&i), "aard_geweld");

    let mut i = melding();
    i.violence_version = "regio-1999".into();
    assert_eq!(err_field(&i), "aard_geweld_versie");

    let mut i = melding();
    i.specific_groups = vec!["onbekend".into()];
    assert_eq!(err_field(&i), "specifieke_groepen[0]");

    let mut i = melding();
    i.channel = "fax".into();
    assert_eq!(err_field(&i), "kanaal");

    let mut i = melding();
    i.melder.melder_type = "buurvrouw".into();
    assert_eq!(err_field(&i), "melder.type");

    let mut i = melding();
    i.betrokkenen.clear();
    assert_eq!(err_field(&i), "betrokkenen");

    let mut i = melding();
    i.description = "  ".into();
    assert_eq!(err_field(&i), "omschrijving");

    let i = melding();
    let err = i
        .validated(&gemeenten(), datetime!(2026-03-01 10:00 +1))
        .unwrap_err();
    assert_eq!(err.field, "ontvangen_op");
}

#[test]
fn bsn_is_stored_as_nine_digits() {
    let mut i = melding();
    i.betrokkenen[1].bsn = Some("1112.22.333".into());
    let n = i.normalised(None).unwrap();
    assert_eq!(n.betrokkenen[1].bsn.as_deref(), Some("111222333"));
}

#[test]
fn an_advies_may_leave_the_family_anonymous() {
    let mut i = melding();
    i.case_kind = CaseKind::Advies;
    i.violence.clear();
    for b in &mut i.betrokkenen {
        b.name = None;
        b.birth_date = None;
    }
    assert!(i.normalised(Some(&gemeenten())).is_ok());
    // The same without names is no melding.
    i.case_kind = CaseKind::Melding;
    assert_eq!(err_field(&i), "betrokkenen[0].naam");
}

#[test]
fn gemeente_is_where_the_first_victim_or_child_lives() {
    let mut i = melding();
    i.betrokkenen[0].role = "pleger".into();
    i.betrokkenen[1].gemeente = "Weert".into();
    assert_eq!(i.gemeente(), Some("Weert"));
}

#[test]
fn serde_names_are_the_field_names() {
    let json = serde_json::to_value(melding()).unwrap();
    assert_eq!(json["betrokkenen"][2]["geboortedatum"], "1988-02-29");
    assert_eq!(json["melder"]["type"], "onderwijs");
    assert_eq!(json["aard_geweld"][0], "psychisch_geweld");
    let back: Intake = serde_json::from_value(json).unwrap();
    assert_eq!(back, melding());
}

#[test]
fn ages_and_bands() {
    assert_eq!(age_on(date!(1988 - 02 - 29), date!(2026 - 02 - 28)), 37);
    assert_eq!(age_on(date!(1988 - 02 - 29), date!(2026 - 03 - 01)), 38);
    assert_eq!(age_on(date!(2017 - 05 - 01), date!(2017 - 04 - 30)), 0);
    assert_eq!(age_band(0), "0-20");
    assert_eq!(age_band(19), "0-20");
    assert_eq!(age_band(20), "20-30");
    assert_eq!(age_band(89), "80-90");
    assert_eq!(age_band(90), "90+");
    assert_eq!(age_band(120), "90+");
    let i = melding();
    assert_eq!(i.betrokkenen[0].age_on(i.received_on()), Some(8));
}

/// Issue 7: every wrong field is reported at once, in the order of the form, each once.
#[test]
fn every_field_error_is_reported_at_once() {
    let mut i = melding();
    i.description = "  ".into();
    i.betrokkenen[0].bsn = Some("123456789".into());
    i.betrokkenen[1].birth_date = Some(date!(2027 - 01 - 01));
    i.betrokkenen[2].gemeente = "Maastricht".into();
    i.received_at = datetime!(2026-03-12 10:00 +1);
    let all = i
        .validated_all(&gemeenten(), datetime!(2026-03-01 10:00 +1))
        .unwrap_err();
    let fields: Vec<&str> = all.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "ontvangen_op",
            "betrokkenen[0].bsn",
            "betrokkenen[1].geboortedatum",
            "betrokkenen[2].gemeente",
            "omschrijving",
        ]
    );
    // The one-error form names the first of them.
    assert_eq!(
        i.validated(&gemeenten(), datetime!(2026-03-01 10:00 +1))
            .unwrap_err()
            .field,
        "ontvangen_op"
    );
}

#[test]
fn a_wrong_field_is_reported_once() {
    let mut i = melding();
    i.betrokkenen[0].birth_date = None;
    i.betrokkenen[0].estimated_age = None;
    i.betrokkenen[0].name = None;
    let all = i.normalised_all(Some(&gemeenten())).unwrap_err();
    let fields: Vec<&str> = all.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["betrokkenen[0].naam", "betrokkenen[0].geboortedatum"]
    );
}
