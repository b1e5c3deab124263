use time::macros::date;

use super::input::{email, phone, website};
use super::*;

fn gemeenten() -> Vec<String> {
    ["Venlo", "Venray", "Roermond", "Weert"]
        .map(String::from)
        .to_vec()
}

fn input() -> ServiceInput {
    ServiceInput {
        name: "Traumabehandeling voor kinderen".into(),
        provider: "Traumacentrum Maasdal (fictief)".into(),
        description: "EMDR en traumagerichte therapie voor kinderen van 4 tot 18 jaar.".into(),
        target_groups: vec!["kinderen".into(), "jongeren".into()],
        help_kinds: vec!["traumabehandeling".into()],
        gemeenten: vec!["Venlo".into(), "Venray".into()],
        languages: vec!["nl".into(), "en".into()],
        phone: "088-5550101".into(),
        email: "aanmelden@example.nl".into(),
        website: "https://maasdal.example.nl".into(),
        address: String::new(),
        referral: "Verwijzing door huisarts of wijkteam; aanmelden per telefoon.".into(),
        public_listing: true,
        internal_note: String::new(),
    }
}

fn fields_of(e: &FieldErrors) -> Vec<String> {
    e.iter().map(|f| f.field.clone()).collect()
}

#[test]
fn the_stemmer_folds_dutch_word_forms_onto_one() {
    let same = [
        ("kinderen", "kind"),
        ("kindje", "kind"),
        ("kindjes", "kind"),
        ("behandelingen", "behandel"),
        ("behandeling", "behandel"),
        ("vrouwen", "vrouw"),
        ("vrouwtje", "vrouw"),
        ("plegers", "pleger"),
        ("groepen", "groep"),
        ("mannen", "man"),
        ("talen", "taal"),
        ("huizen", "huis"),
        ("brieven", "brief"),
        ("mogelijkheden", "mogelijkheid"),
        ("financiele", "financieel"),
        ("oudere", "ouderen"),
        ("poolse", "pools"),
    ];
    for (a, b) in same {
        assert_eq!(stem(a), stem(b), "{a} and {b}");
    }
    assert_eq!(stem("kinderen"), "kind");
    assert_eq!(stem("behandelingen"), "behandel");
    // Short words and words without a known ending stay as they are.
    assert_eq!(stem("ggz"), "ggz");
    assert_eq!(stem("hulp"), "hulp");
    assert_eq!(stem("trauma"), "trauma");
}

#[test]
fn normalising_removes_case_and_diacritics() {
    assert_eq!(normalise("Financiële Uitbuiting"), "financiele uitbuiting");
    assert_eq!(
        words("LHBTI+ & Oekraïens, 0800-2000"),
        ["lhbti", "oekraiens", "0800", "2000"]
    );
    assert_eq!(stem(&normalise("Financiële")), stem("financieel"));
}

#[test]
fn a_query_word_finds_its_forms_and_the_compounds_it_is_part_of() {
    let text = SearchText::new(["Traumabehandeling voor kinderen"]);
    for q in [
        "trauma kind",
        "trauma kinderen",
        "Trauma",
        "behandelingen",
        "kindje",
        "traumabehandeling",
        "TRAUMA voor kind",
    ] {
        assert!(text.matches(&Query::new(q)), "{q}");
    }
    // Every word must match.
    assert!(!text.matches(&Query::new("trauma ouderen")));
    // Two words in the text written together as one in the query.
    assert!(
        SearchText::new(["behandeling van trauma", "trauma behandeling"])
            .matches(&Query::new("traumabehandeling"))
    );
    // Later parts of compounds.
    assert!(SearchText::new(["Schuldhulpverlening"]).matches(&Query::new("hulp")));
    assert!(SearchText::new(["Plegerhulp"]).matches(&Query::new("plegers")));
    assert!(SearchText::new(["Verslavingszorg"]).matches(&Query::new("zorg")));
}

#[test]
fn unrelated_words_do_not_match() {
    let text = SearchText::new(["Warme maaltijd en schuldhulp voor gezinnen"]);
    for q in ["arm", "trauma", "kind", "pleger", "opvang", "ouderen"] {
        assert!(!text.matches(&Query::new(q)), "{q}");
    }
    // A short query word only begins a word, it is not looked for inside one.
    assert!(!word_matches("arm", "warm"));
    assert!(!word_matches("kind", "onkind"));
    assert!(word_matches("ggz", "ggzhulp"));
    // A query of stop words only narrows nothing.
    assert!(Query::new("voor de").is_empty());
    assert!(text.matches(&Query::new("voor de")));
}

#[test]
fn a_complete_service_is_accepted_and_gemeenten_keep_the_region_s_order() {
    let mut i = input();
    i.gemeenten = vec!["Venray".into(), "Venlo".into(), "Venlo".into()];
    let s = i.check(&gemeenten()).unwrap();
    assert_eq!(s.gemeenten, ["Venlo", "Venray"]);
    assert!(s.serves("Venlo") && !s.serves("Weert"));
    let mut whole = input();
    whole.gemeenten = vec!["Venlo".into(), WHOLE_REGION.into()];
    let s = whole.check(&gemeenten()).unwrap();
    assert_eq!(s.gemeenten, [WHOLE_REGION]);
    assert!(s.serves("Weert"));
    assert_eq!(
        ServiceInput::from_service(&s).check(&gemeenten()).unwrap(),
        s
    );
}

#[test]
fn every_wrong_field_is_named_at_once() {
    let bad = ServiceInput {
        name: " ".into(),
        target_groups: vec!["marsmannetjes".into()],
        help_kinds: vec![],
        gemeenten: vec!["Nergenshuizen".into()],
        languages: vec!["xx".into()],
        phone: "12".into(),
        email: "geen-adres".into(),
        website: "javascript:alert(1)".into(),
        ..Default::default()
    };
    let e = bad.check(&gemeenten()).unwrap_err();
    assert_eq!(
        fields_of(&e),
        [
            "naam",
            "aanbieder",
            "omschrijving",
            "doelgroepen",
            "soorten_hulp",
            "gemeenten",
            "talen",
            "telefoon",
            "email",
            "website",
            "verwijsroute",
        ]
    );
    assert_eq!(e.first().text(), "is verplicht");
}

#[test]
fn a_service_needs_a_way_to_reach_it_and_a_public_one_a_phone_or_website() {
    let mut none = input();
    none.phone.clear();
    none.email.clear();
    none.website.clear();
    none.public_listing = false;
    assert_eq!(
        fields_of(&none.check(&gemeenten()).unwrap_err()),
        ["telefoon"]
    );
    none.email = "info@example.nl".into();
    assert!(none.check(&gemeenten()).is_ok());
    none.public_listing = true;
    assert_eq!(
        fields_of(&none.check(&gemeenten()).unwrap_err()),
        ["openbaar"]
    );
    none.website = "https://example.nl/hulp".into();
    assert!(none.check(&gemeenten()).is_ok());
}

#[test]
fn contact_values_are_checked_by_their_form() {
    for ok in ["088-5550101", "+31 88 555 0101", "(088) 555 01 01"] {
        assert!(phone("telefoon", ok).is_ok(), "{ok}");
    }
    for bad in ["088-555", "088 555 0101 ext 5", "+31+885550101"] {
        assert!(phone("telefoon", bad).is_err(), "{bad}");
    }
    assert!(website("website", "https://hulp.example.nl/kind?x=1").is_ok());
    for bad in [
        "www.example.nl",
        "ftp://example.nl",
        "https://localhost",
        "https://a b.nl",
    ] {
        assert!(website("website", bad).is_err(), "{bad}");
    }
    assert!(email("email", "a@b.nl").is_ok());
    for bad in ["a@b", "@b.nl", "a b@c.nl", "a@b@c.nl"] {
        assert!(email("email", bad).is_err(), "{bad}");
    }
}

#[test]
fn an_entry_is_stale_after_twelve_months_without_review() {
    let reviewed = date!(2025 - 11 - 29);
    assert_eq!(stale_from(reviewed), date!(2026 - 11 - 29));
    assert!(!is_stale(reviewed, date!(2026 - 11 - 29)));
    assert!(is_stale(reviewed, date!(2026 - 11 - 30)));
    assert!(!is_stale(reviewed, reviewed));
    // A day that the month a year later lacks: its last day.
    assert_eq!(stale_from(date!(2024 - 02 - 29)), date!(2025 - 02 - 28));
}

#[test]
fn filters_narrow_by_gemeente_group_kind_language_and_text() {
    let child = input().check(&gemeenten()).unwrap();
    let mut shelter_input = input();
    shelter_input.name = "Vrouwenopvang De Brug (fictief)".into();
    shelter_input.description = "Opvang voor vrouwen en hun kinderen.".into();
    shelter_input.help_kinds = vec!["vrouwenopvang".into()];
    shelter_input.target_groups = vec!["slachtoffers".into()];
    shelter_input.gemeenten = vec![WHOLE_REGION.into()];
    shelter_input.languages = vec!["nl".into(), "pl".into()];
    let shelter = shelter_input.check(&gemeenten()).unwrap();
    let f = |g: &str, d: &str, s: &str, l: &str, q: &str| {
        Filter::parse(g, d, s, l, q, &gemeenten()).unwrap()
    };
    let venlo_child_trauma = f("Venlo", "kinderen", "traumabehandeling", "", "trauma kind");
    assert!(venlo_child_trauma.matches(&child));
    assert!(!venlo_child_trauma.matches(&shelter));
    // A filter on "opvang" finds its forms; the whole region serves every gemeente.
    let opvang = f("Weert", "", "opvang", "pl", "");
    assert!(opvang.matches(&shelter) && !opvang.matches(&child));
    assert!(!f("Weert", "", "", "", "").matches(&child));
    // The labels of the codes are searched too: Pools finds a service in Polish.
    assert!(!f("", "", "", "", "poolse hulp").matches(&shelter));
    assert!(f("", "", "", "", "pools").matches(&shelter));
    // Unknown values are refused naming the parameter.
    let err = |g: &str, d: &str, s: &str, l: &str| {
        Filter::parse(g, d, s, l, "", &gemeenten())
            .unwrap_err()
            .field
    };
    assert_eq!(err("Atlantis", "", "", ""), "gemeente");
    assert_eq!(err("", "aliens", "", ""), "doelgroep");
    assert_eq!(err("", "", "toveren", ""), "soort");
    assert_eq!(err("", "", "", "kl"), "taal");
}

#[test]
fn changes_name_the_fields_that_differ() {
    let before = input().check(&gemeenten()).unwrap();
    let mut after = before.clone();
    after.contact.phone = Some("088-5550199".into());
    after.languages.push("pl".into());
    let changes = after.changes_from(&before);
    assert_eq!(
        changes.iter().map(|c| c.field.as_str()).collect::<Vec<_>>(),
        ["talen", "telefoon"]
    );
    assert_eq!(changes[1].before, "088-5550101");
    assert!(before.changes_from(&before).is_empty());
}

#[test]
fn every_code_has_a_dutch_label_and_the_required_codes_exist() {
    for code in [
        "slachtoffers",
        "plegers",
        "kinderen",
        "jongeren",
        "ouderen",
        "arbeidsmigranten",
        "lvb",
        "lhbti",
        "vluchtelingen",
        "mensenhandel",
        "mantelzorgers",
    ] {
        assert!(target_groups().get(code).is_some(), "{code}");
    }
    for code in [
        "traumabehandeling",
        "traumascreening",
        "plegerhulp",
        "opvang",
        "vrouwenopvang",
        "crisisopvang",
        "schuldhulp",
        "ambulante_begeleiding",
        "financiele_uitbuiting_ouderen",
        "systeemtherapie",
        "opvoedondersteuning",
        "juridisch_advies",
        "slachtofferhulp",
        "verslavingszorg",
        "ggz",
        "hg_spreekuur",
    ] {
        assert!(help_kinds().get(code).is_some(), "{code}");
    }
    for list in [target_groups(), help_kinds(), languages()] {
        for c in &list.entries {
            assert!(!c.label_nl.is_empty() && c.label_nl != c.code, "{}", c.code);
        }
    }
    assert_eq!(label(languages(), "ti"), "Tigrinya");
    assert_eq!(label(languages(), "pl"), "Pools");
}
