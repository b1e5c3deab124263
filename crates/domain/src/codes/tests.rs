use std::collections::HashSet;

use super::ids::*;
use super::*;

const REFERENCE_2018: &str =
    include_str!("../../../../reference/vt-noord-midden-limburg-2018.json");

fn aard(version: &str) -> &'static CodeList {
    registry().list(AARD_GEWELD, version).unwrap()
}

fn regio_to_cbs() -> &'static Mapping {
    registry()
        .mapping(
            &list_ref(AARD_GEWELD, REGIO_2018),
            &list_ref(AARD_GEWELD, CBS_2019),
        )
        .unwrap()
}

#[test]
fn regio_2018_labels_are_exactly_the_reference_kinds() {
    let reference: serde_json::Value = serde_json::from_str(REFERENCE_2018).unwrap();
    let kinds: HashSet<String> = reference["aard_van_het_geweld"]
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| *k != "note")
        .cloned()
        .collect();
    // The 2018 table spells two kinds otherwise than users read them (issue 7: correct diacritics,
    // no English names); every other label is the table's own.
    let as_in_table = |label: &str| match label {
        "Financiële uitbuiting" => "Financiele uitbuiting".to_string(),
        "Verzonnen of veroorzaakte ziekte bij een kind (PCF)" => {
            "Pediatric Condition Falsification".to_string()
        }
        other => other.to_string(),
    };
    let labels: HashSet<String> = aard(REGIO_2018)
        .entries
        .iter()
        .map(|c| as_in_table(&c.label_nl))
        .collect();
    assert_eq!(kinds.len(), 13);
    assert_eq!(labels, kinds);
}

#[test]
fn codes_are_unique_snake_case_in_every_list() {
    let reg = registry();
    let mut seen_lists = HashSet::new();
    for list in &reg.lists {
        assert!(seen_lists.insert((list.id.clone(), list.version.clone())));
        let mut seen = HashSet::new();
        for c in &list.entries {
            assert!(
                seen.insert(c.code.clone()),
                "{} twice in {}",
                c.code,
                list.id
            );
            assert!(
                c.code
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_'),
                "{}",
                c.code
            );
            assert!(!c.label_nl.is_empty() && !c.label_en.is_empty());
            if let Some(parent) = &c.parent {
                assert!(list.get(parent).is_some(), "parent {parent} missing");
            }
        }
    }
}

#[test]
fn mappings_cover_every_source_code_and_point_into_the_target() {
    let reg = registry();
    for mapping in &reg.mappings {
        let from = reg.list(&mapping.from.id, &mapping.from.version).unwrap();
        let to = reg.list(&mapping.to.id, &mapping.to.version).unwrap();
        for c in &from.entries {
            let entry = mapping
                .entry(&c.code)
                .unwrap_or_else(|| panic!("{} not mapped", c.code));
            assert!(!entry.rationale.is_empty());
            let target = match &entry.rule {
                MappingRule::Fixed { to } => to,
                MappingRule::ByVictim { when_unknown } => when_unknown,
            };
            assert!(to.get(target).is_some(), "{target} not in {}", to.version);
        }
        // No mapping line for a code the source list does not have.
        for e in &mapping.entries {
            assert!(
                from.get(&e.from).is_some(),
                "{} is not a source code",
                e.from
            );
        }
    }
}

#[test]
fn fixed_mapping_choices() {
    let m = regio_to_cbs();
    let rules = VictimRules::default();
    let t = |code: &str| m.target("aard", code, None, &rules).unwrap();
    assert_eq!(t("ouderenmishandeling"), "ouderenmishandeling");
    assert_eq!(t("financiele_uitbuiting"), "ouderenmishandeling");
    assert_eq!(t("pedagogische_verwaarlozing"), "kindermishandeling");
    assert_eq!(t("affectieve_verwaarlozing"), "kindermishandeling");
    assert_eq!(t("getuige_van_geweld_in_gezin"), "kindermishandeling");
    assert_eq!(t("anders_niet_onveilig"), "geen_km_hg");
    // A form of violence without a victim is honestly unknown.
    assert_eq!(t("lichamelijke_mishandeling"), "onbekend");
}

#[test]
fn victim_dependent_mapping_follows_age_and_relation() {
    let m = regio_to_cbs();
    let rules = VictimRules::default();
    let with = |age: Option<u32>, relation: Option<VictimRelation>| {
        m.target(
            "aard",
            "lichamelijke_mishandeling",
            Some(&VictimProfile { age, relation }),
            &rules,
        )
        .unwrap()
    };
    assert_eq!(with(Some(7), None), "kindermishandeling");
    assert_eq!(
        with(Some(17), Some(VictimRelation::Partner)),
        "kindermishandeling"
    );
    assert_eq!(
        with(None, Some(VictimRelation::KindInGezin)),
        "kindermishandeling"
    );
    assert_eq!(
        with(Some(34), Some(VictimRelation::Partner)),
        "ex_partnergeweld"
    );
    assert_eq!(
        with(Some(72), Some(VictimRelation::Partner)),
        "ex_partnergeweld"
    );
    assert_eq!(with(Some(72), None), "ouderenmishandeling");
    assert_eq!(
        with(Some(65), Some(VictimRelation::Ouder)),
        "ouderenmishandeling"
    );
    assert_eq!(
        with(Some(50), Some(VictimRelation::Ouder)),
        "geweld_tegen_ouders"
    );
    assert_eq!(
        with(Some(40), Some(VictimRelation::AnderGezinslid)),
        "huiselijk_geweld_overig"
    );
    // An adult with no relation known: the rule's fallback.
    assert_eq!(with(Some(40), None), "onbekend");
    // Fixed rules ignore the victim: a witnessing child stays kindermishandeling, and elder abuse
    // registered in 2018 stays elder abuse whatever the age.
    let adult = VictimProfile {
        age: Some(40),
        relation: Some(VictimRelation::Partner),
    };
    assert_eq!(
        m.target("aard", "ouderenmishandeling", Some(&adult), &rules)
            .unwrap(),
        "ouderenmishandeling"
    );
    // Financial exploitation of a younger partner is partner violence.
    assert_eq!(
        m.target("aard", "financiele_uitbuiting", Some(&adult), &rules)
            .unwrap(),
        "ex_partnergeweld"
    );
    // The elder age limit is configuration.
    let seventy = VictimRules {
        elder_from_age: 70,
        ..VictimRules::default()
    };
    let at_68 = VictimProfile {
        age: Some(68),
        relation: None,
    };
    assert_eq!(
        m.target("aard", "psychisch_geweld", Some(&at_68), &seventy)
            .unwrap(),
        "onbekend"
    );
}

#[test]
fn unknown_codes_name_the_field() {
    let err = aard(CBS_2019)
        .parse("melding.aard[2]", "stalking")
        .unwrap_err();
    assert_eq!(err.field, "melding.aard[2]");
    assert!(err.text().contains("stalking"));
    let err = regio_to_cbs()
        .target("aard", "kindermishandeling", None, &VictimRules::default())
        .unwrap_err();
    assert_eq!(err.field, "aard");
    let err = registry()
        .require("config.lijst", MELDER, "cbs-2031")
        .unwrap_err();
    assert_eq!(err.field, "config.lijst");
    assert_eq!(
        aard(REGIO_2018)
            .parse("aard", "psychisch_geweld")
            .map(|c| c.label_nl.as_str()),
        Ok("Psychisch geweld")
    );
}

#[test]
fn every_track_has_a_decision_category() {
    let tracks = registry().list(VERVOLGTRAJECT, PROTOCOL_2019).unwrap();
    for t in &tracks.entries {
        assert!(decision_category(&t.code).is_some(), "{}", t.code);
    }
    assert_eq!(
        decision_category("overdracht_lokaal_veld"),
        Some(DecisionCategory::Overdracht)
    );
    assert_eq!(
        decision_category("omzetten_naar_advies"),
        Some(DecisionCategory::GeenVervolgstappen)
    );
    assert_eq!(
        decision_category("voorwaarden_en_vervolg"),
        Some(DecisionCategory::VervolgstappenVt)
    );
    assert_eq!(
        decision_category("regionaal_maatwerk"),
        Some(DecisionCategory::RegionaalMaatwerk)
    );
    assert_eq!(decision_category("niets"), None);
}

#[test]
fn reporter_groups_and_other_lists() {
    let melder = registry().list(MELDER, CBS_2019).unwrap();
    assert_eq!(melder.children("beroepsmatig").count(), 8);
    assert!(melder.get("justitie_en_veiligheid").is_some());
    assert_eq!(
        registry()
            .list(SPECIFIEKE_GROEP, REGIOVISIE_2019)
            .unwrap()
            .entries
            .len(),
        8
    );
    assert_eq!(
        registry()
            .list(ROL_BETROKKENE, SCHAKEL_1)
            .unwrap()
            .entries
            .len(),
        4
    );
    assert!(
        registry()
            .list(KANAAL, SCHAKEL_1)
            .unwrap()
            .get("politiemelding")
            .is_some()
    );
    assert!(
        registry()
            .list(EXTRA_KENMERK, CBS_2019)
            .unwrap()
            .get("mensenhandel")
            .is_some()
    );
}

#[test]
fn lists_round_trip_through_json() {
    let reg = registry();
    let json = serde_json::to_string(reg).unwrap();
    let back: Registry = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, reg);
}
