//! The stored form of every event kind is the one written before the case was split into stages:
//! existing databases and the hash chain's payload digests depend on it. Each line below was taken
//! from the flat `CaseEvent` (commit cfc4821) and must read and write back byte for byte.

use std::collections::BTreeSet;

use super::*;

const STORED: &[&str] = &[
    r#"{"kind":"opened","case_kind":"melding","received_at":"2026-03-02T09:00:00.123456+01:00","accountable_org":"vt-nml"}"#,
    r#"{"kind":"intake_recorded","intake":{"soort":"melding","ontvangen_op":"2026-03-12T10:00:00+01:00","kanaal":"telefoon","melder":{"type":"onderwijs","naam":"  Mw. Voorbeeld ","organisatie":"Basisschool De Fictie","organisatie_id":null,"contact":"","anoniem_naar_gezin":true},"betrokkenen":[{"persoon_id":"p1","rol":"kind_in_gezin","naam":"Fenna Verzonnen","geboortedatum":"2017-05-01","geschatte_leeftijd":null,"geslacht":"onbekend","bsn":null,"adres":null,"gemeente":"Venlo"}],"aard_geweld_versie":"regio-2018","aard_geweld":["psychisch_geweld","getuige_van_geweld_in_gezin"],"specifieke_groepen":["complexe_scheiding"],"omschrijving":"Kind vertelt over ruzies thuis."},"classification":{"class":"vervolgmelding","moment":"tijdens_monitoring"}}"#,
    r#"{"kind":"intake_recorded","intake":{"soort":"melding","ontvangen_op":"2026-03-12T10:00:00+01:00","kanaal":"telefoon","melder":{"type":"onderwijs","naam":"  Mw. Voorbeeld ","organisatie":"Basisschool De Fictie","organisatie_id":null,"contact":"","anoniem_naar_gezin":true},"betrokkenen":[{"persoon_id":"p1","rol":"kind_in_gezin","naam":"Fenna Verzonnen","geboortedatum":"2017-05-01","geschatte_leeftijd":null,"geslacht":"onbekend","bsn":null,"adres":null,"gemeente":"Venlo"}],"aard_geweld_versie":"regio-2018","aard_geweld":["psychisch_geweld","getuige_van_geweld_in_gezin"],"specifieke_groepen":["complexe_scheiding"],"omschrijving":"Kind vertelt over ruzies thuis."},"classification":null}"#,
    r#"{"kind":"converted_to_melding","reason":"r"}"#,
    r#"{"kind":"converted_to_advies","reason":"r"}"#,
    r#"{"kind":"person_merged","kept":{"id":"p1","naam":"Fenna Verzonnen","geboortedatum":"2017-05-01","bsn":"111222333"},"merged":{"id":"p9","naam":"Fenna Verzonen","geboortedatum":null,"bsn":null},"reason":"r","by":"mw-1","confirm_different_bsn":true}"#,
    r#"{"kind":"urgency_assessed","acute":true}"#,
    r#"{"kind":"safety_assessed","acute_unsafety":false,"structural_unsafety":true,"multi_problem":null,"instrument":"triage_vt","instrument_version":"0.6","assessor":"mw-1"}"#,
    r#"{"kind":"safety_assessed","acute_unsafety":true,"structural_unsafety":false,"multi_problem":false,"instrument":"triage_vt","instrument_version":"0.6","assessor":"mw-1"}"#,
    r#"{"kind":"follow_up_decided","track":"voorwaarden_en_vervolg","veiligheidsvoorwaarden":["Geen geweld","School"]}"#,
    r#"{"kind":"handover_offered","handover_id":"h1","to_org":"lt-venlo","veiligheidsvoorwaarden":["Geen geweld"],"monitoring_agreements":["Elke week"]}"#,
    r#"{"kind":"handover_accepted","handover_id":"h1","regiehouder_user":"lt.rh"}"#,
    r#"{"kind":"handover_refused","handover_id":"h1","reason":"r"}"#,
    r#"{"kind":"handover_withdrawn","handover_id":"h1","reason":"r"}"#,
    r#"{"kind":"handover_question_asked","handover_id":"h1","question":"Wie is de huisarts?"}"#,
    r#"{"kind":"monitoring_recorded","moment":"6w","conditions_met":[["Geen geweld",true],["School",false]]}"#,
    r#"{"kind":"re_escalated","reason":"r"}"#,
    r#"{"kind":"monitoring_ended","reason":"r"}"#,
    r#"{"kind":"vt_involvement_ended","ground":"handover_without_monitoring"}"#,
    r#"{"kind":"vt_involvement_ended","ground":"monitoring_ended"}"#,
    r#"{"kind":"onderzoek_completed","outcome":"niet_bevestigd"}"#,
    r#"{"kind":"feedback_given","moment":"na_beoordeling"}"#,
    r#"{"kind":"feedback_waived","moment":"na_onderzoek","reason":"arts"}"#,
    r#"{"kind":"feedback_sent","moment":"na_beoordeling","to":"Mw. Voorbeeld (Basisschool De Fictie)","to_org":"school-1","text":["Veilig Thuis heeft uw melding beoordeeld."],"sent_at":"2026-03-12T10:00:00Z"}"#,
    r#"{"kind":"family_informed","moment":"na_beoordeling","how":"Telefonisch met moeder"}"#,
    r#"{"kind":"closed","reason":"r"}"#,
    r#"{"kind":"reopened"}"#,
    r#"{"kind":"note_added","text":"n"}"#,
    // Issue 7 (items 1 and 2): the new kind and the new optional fields; older lines above keep
    // their form because the fields are left out when absent.
    r#"{"kind":"follow_up_revised","track":"onderzoek","veiligheidsvoorwaarden":["Geen geweld"],"reason":"r"}"#,
    r#"{"kind":"urgency_assessed","acute":false,"melding":1}"#,
    r#"{"kind":"safety_assessed","acute_unsafety":false,"structural_unsafety":true,"multi_problem":null,"instrument":"triage_vt","instrument_version":"0.6","assessor":"mw-1","melding":2}"#,
    r#"{"kind":"handover_offered","handover_id":"h2","to_org":"lt-venlo","veiligheidsvoorwaarden":[],"monitoring_agreements":[],"conditions_dropped_reason":"r"}"#,
    r#"{"kind":"assigned","user":"vt.mw"}"#,
    r#"{"kind":"assigned","user":null}"#,
    r#"{"kind":"instrument_scored","record":{"kind":"dash","version":"2009","item_scores":["ja","nee"],"overall_judgement":"hoog"},"assessor":"vt.mw"}"#,
];

#[test]
fn every_event_kind_round_trips_to_the_json_stored_before() {
    for stored in STORED {
        let event: CaseEvent = serde_json::from_str(stored).unwrap();
        assert_eq!(serde_json::to_string(&event).unwrap(), *stored);
        // The store digests `to_value`; it must hold the same document.
        let value: serde_json::Value = serde_json::from_str(stored).unwrap();
        assert_eq!(serde_json::to_value(&event).unwrap(), value);
        assert_eq!(Some(event.name()), value["kind"].as_str(), "{stored}");
    }
}

#[test]
fn every_kind_of_every_stage_has_a_stored_example_and_belongs_to_one_stage() {
    let kinds: Vec<&str> = CaseEvent::kinds().collect();
    let distinct: BTreeSet<&str> = kinds.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        kinds.len(),
        "a kind is claimed by two stages"
    );
    let examples: BTreeSet<&str> = STORED
        .iter()
        .map(|s| {
            let v: serde_json::Value = serde_json::from_str(s).unwrap();
            CaseEvent::kinds()
                .find(|k| Some(*k) == v["kind"].as_str())
                .unwrap()
        })
        .collect();
    assert_eq!(examples, distinct, "add a stored example for a new kind");
}

#[test]
fn an_unknown_kind_or_a_bad_field_names_the_problem() {
    let err = serde_json::from_str::<CaseEvent>(r#"{"kind":"no_such_kind"}"#).unwrap_err();
    assert!(err.to_string().contains("no_such_kind"), "{err}");
    let err = serde_json::from_str::<CaseEvent>(r#"{"kind":"urgency_assessed"}"#).unwrap_err();
    assert!(err.to_string().contains("acute"), "{err}");
    // The store keeps the acting organisation's kind beside the event; reading ignores it.
    let event: CaseEvent =
        serde_json::from_str(r#"{"kind":"reopened","org_kind":"veilig_thuis"}"#).unwrap();
    assert_eq!(event, CaseEvent::Case(CaseWide::Reopened));
}

#[test]
fn every_event_kind_has_a_label_that_is_not_its_code() {
    for kind in CaseEvent::kinds() {
        let label = CaseEvent::label_for_kind(kind);
        assert!(!label.trim().is_empty(), "{kind}");
        assert_ne!(label, kind);
    }
    // The Dutch text as the case page has always shown it.
    assert_eq!(
        CaseEvent::label_for_kind("urgency_assessed"),
        "Urgentie beoordeeld"
    );
    assert_eq!(
        CaseEvent::label_for_kind("monitoring_ended"),
        "Monitoring beëindigd"
    );
    assert_eq!(
        CaseEvent::label_for_kind("something_newer"),
        "something_newer"
    );
}
