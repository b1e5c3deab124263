//! The code lists of the directory (issue 11 item 3): target groups, kinds of help and languages,
//! as versioned data like the case's lists ([`crate::codes`], DESIGN.md principle 6). The lists
//! are Schakel's own choice \[NC\]; the specific groups follow the regional policy's own list
//! (RULES.md 0: "Specific groups get their own attention") and the examples.

use std::sync::OnceLock;

use time::macros::date;

use crate::codes::{Code, CodeList};

/// List ids and the version of the built-in lists.
pub mod ids {
    pub const DOELGROEP: &str = "sociale_kaart_doelgroep";
    pub const SOORT_HULP: &str = "sociale_kaart_soort_hulp";
    pub const TAAL: &str = "sociale_kaart_taal";
    pub const SCHAKEL_1: &str = "schakel-1";
}

fn code(code: &str, nl: &str, en: &str) -> Code {
    Code {
        code: code.into(),
        label_nl: nl.into(),
        label_en: en.into(),
        parent: None,
    }
}

fn child(parent: &str, c: &str, nl: &str, en: &str) -> Code {
    Code {
        parent: Some(parent.into()),
        ..code(c, nl, en)
    }
}

fn list(id: &str, entries: Vec<Code>) -> CodeList {
    CodeList {
        id: id.into(),
        version: ids::SCHAKEL_1.into(),
        valid_from: date!(2026 - 01 - 01),
        entries,
    }
}

/// Who a service is for. The specific groups are the regional policy's (RULES.md 0).
pub fn target_groups() -> &'static CodeList {
    static LIST: OnceLock<CodeList> = OnceLock::new();
    LIST.get_or_init(|| {
        list(
            ids::DOELGROEP,
            vec![
                code("slachtoffers", "Slachtoffers", "Victims"),
                code("plegers", "Plegers", "Perpetrators"),
                code("kinderen", "Kinderen", "Children"),
                code("jongeren", "Jongeren", "Young people"),
                code("ouders", "Ouders en gezinnen", "Parents and families"),
                code("ouderen", "Ouderen", "Elderly people"),
                code("arbeidsmigranten", "Arbeidsmigranten", "Labour migrants"),
                code(
                    "lvb",
                    "Mensen met een licht verstandelijke beperking",
                    "People with a mild intellectual disability",
                ),
                code("lhbti", "LHBTI+", "LGBTI+"),
                code(
                    "vluchtelingen",
                    "Vluchtelingen en statushouders",
                    "Refugees and status holders",
                ),
                code(
                    "mensenhandel",
                    "Slachtoffers van mensenhandel",
                    "Victims of human trafficking",
                ),
                code(
                    "eergerelateerd",
                    "Betrokkenen bij eergerelateerd geweld",
                    "People involved in honour-related violence",
                ),
                code("mantelzorgers", "Mantelzorgers", "Informal carers"),
                code("professionals", "Professionals", "Professionals"),
            ],
        )
    })
}

/// What kind of help a service gives. Shelter has its forms as children, so a filter on
/// "opvang" finds women's shelter and crisis shelter too.
pub fn help_kinds() -> &'static CodeList {
    static LIST: OnceLock<CodeList> = OnceLock::new();
    LIST.get_or_init(|| {
        list(
            ids::SOORT_HULP,
            vec![
                code("traumabehandeling", "Traumabehandeling", "Trauma treatment"),
                code("traumascreening", "Traumascreening", "Trauma screening"),
                code("plegerhulp", "Plegerhulp", "Help for perpetrators"),
                code("opvang", "Opvang", "Shelter"),
                child(
                    "opvang",
                    "vrouwenopvang",
                    "Vrouwenopvang",
                    "Women's shelter",
                ),
                child("opvang", "crisisopvang", "Crisisopvang", "Crisis shelter"),
                code("schuldhulp", "Schuldhulpverlening", "Debt counselling"),
                code(
                    "ambulante_begeleiding",
                    "Ambulante begeleiding",
                    "Outpatient support",
                ),
                code(
                    "financiele_uitbuiting_ouderen",
                    "Financiële uitbuiting ouderen",
                    "Financial exploitation of elderly people",
                ),
                code(
                    "systeemtherapie",
                    "Relatietherapie en systeemtherapie",
                    "Couples and family therapy",
                ),
                code(
                    "opvoedondersteuning",
                    "Opvoedondersteuning",
                    "Parenting support",
                ),
                code("juridisch_advies", "Juridisch advies", "Legal advice"),
                code("slachtofferhulp", "Slachtofferhulp", "Victim support"),
                code("verslavingszorg", "Verslavingszorg", "Addiction care"),
                code(
                    "ggz",
                    "Geestelijke gezondheidszorg (ggz)",
                    "Mental health care",
                ),
                code(
                    "hg_spreekuur",
                    "Huiselijk-geweldspreekuur",
                    "Domestic violence consultation hour",
                ),
                code(
                    "taalhulp",
                    "Tolk en taalhulp",
                    "Interpreting and language help",
                ),
            ],
        )
    })
}

/// The languages a service is offered in, by ISO 639 code, shown by their Dutch names. Polish,
/// Romanian and Bulgarian are the regional policy's languages of labour migrants (RULES.md 0);
/// Nederlandse Gebarentaal has no two-letter code and carries its ISO 639-3 code.
pub fn languages() -> &'static CodeList {
    static LIST: OnceLock<CodeList> = OnceLock::new();
    LIST.get_or_init(|| {
        list(
            ids::TAAL,
            vec![
                code("nl", "Nederlands", "Dutch"),
                code("en", "Engels", "English"),
                code("de", "Duits", "German"),
                code("fr", "Frans", "French"),
                code("pl", "Pools", "Polish"),
                code("ro", "Roemeens", "Romanian"),
                code("bg", "Bulgaars", "Bulgarian"),
                code("ar", "Arabisch", "Arabic"),
                code("tr", "Turks", "Turkish"),
                code("ti", "Tigrinya", "Tigrinya"),
                code("so", "Somalisch", "Somali"),
                code("fa", "Perzisch (Farsi)", "Persian (Farsi)"),
                code("uk", "Oekraïens", "Ukrainian"),
                code("ru", "Russisch", "Russian"),
                code("es", "Spaans", "Spanish"),
                code("pt", "Portugees", "Portuguese"),
                code(
                    "dse",
                    "Nederlandse Gebarentaal",
                    "Sign Language of the Netherlands",
                ),
            ],
        )
    })
}

/// The Dutch label of `code` in `list`, or the code itself when the list does not hold it (a
/// stored code of an older list version: shown rather than hidden).
pub fn label(list: &CodeList, code: &str) -> String {
    list.get(code)
        .map_or_else(|| code.to_string(), |c| c.label_nl.clone())
}

/// Whether a service's `code` is found by a filter on `wanted`: the same code, or a child of it.
pub fn covers(list: &CodeList, wanted: &str, code: &str) -> bool {
    code == wanted || list.get(code).and_then(|c| c.parent.as_deref()) == Some(wanted)
}
