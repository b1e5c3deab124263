//! Kinds of violence: the region's 2018 registration, the CBS categories since 2019, and the
//! mapping between them (RULES.md 0 and 3).

use serde::{Deserialize, Serialize};
use time::macros::date;

use super::ids::{AARD_GEWELD, CBS_2019, EXTRA_KENMERK, REGIO_2018};
use super::{CodeList, Mapping, by_victim, code, fixed, list_ref};

/// The 13 kinds the region registered in 2018, labels exactly as in
/// reference/vt-noord-midden-limburg-2018.json (RULES.md 0).
pub(super) fn regio_2018() -> CodeList {
    CodeList {
        id: AARD_GEWELD.into(),
        version: REGIO_2018.into(),
        valid_from: date!(2018 - 01 - 01),
        entries: vec![
            code(
                "affectieve_verwaarlozing",
                "Affectieve verwaarlozing",
                "Emotional neglect",
            ),
            code(
                "eergerelateerd_geweld",
                "Eergerelateerd geweld",
                "Honour-related violence",
            ),
            code(
                "financiele_uitbuiting",
                "Financiële uitbuiting",
                "Financial exploitation",
            ),
            code(
                "getuige_van_geweld_in_gezin",
                "Getuige van geweld in gezin",
                "Witness of violence in the family",
            ),
            code(
                "lichamelijke_mishandeling",
                "Lichamelijke mishandeling",
                "Physical abuse",
            ),
            code(
                "lichamelijke_verwaarlozing",
                "Lichamelijke verwaarlozing",
                "Physical neglect",
            ),
            code("ouderenmishandeling", "Ouderenmishandeling", "Elder abuse"),
            code(
                "pediatric_condition_falsification",
                "Verzonnen of veroorzaakte ziekte bij een kind (PCF)",
                "Pediatric condition falsification",
            ),
            code(
                "pedagogische_verwaarlozing",
                "Pedagogische verwaarlozing",
                "Educational neglect",
            ),
            code(
                "psychisch_geweld",
                "Psychisch geweld",
                "Psychological violence",
            ),
            code("seksueel_misbruik", "Seksueel misbruik", "Sexual abuse"),
            code("anders_onveilig", "Anders (onveilig)", "Other (unsafe)"),
            code(
                "anders_niet_onveilig",
                "Anders (niet onveilig)",
                "Other (not unsafe)",
            ),
        ],
    }
}

/// The CBS "aard van het geweld" categories (RULES.md 3: 84851NED, 84850NED).
pub(super) fn cbs_2019() -> CodeList {
    CodeList {
        id: AARD_GEWELD.into(),
        version: CBS_2019.into(),
        valid_from: date!(2019 - 01 - 01),
        entries: vec![
            code("kindermishandeling", "Kindermishandeling", "Child abuse"),
            code(
                "geweld_tegen_ouders",
                "Geweld tegen ouders",
                "Violence against parents",
            ),
            code(
                "ex_partnergeweld",
                "(Ex-)partnergeweld",
                "(Ex-)partner violence",
            ),
            code(
                "ouderenmishandeling",
                "Ouderenmishandeling (>65)",
                "Elder abuse (>65)",
            ),
            code(
                "huiselijk_geweld_overig",
                "Huiselijk geweld overig",
                "Other domestic violence",
            ),
            code(
                "andere_problematiek",
                "Andere problematiek",
                "Other problems",
            ),
            code(
                "geen_km_hg",
                "Geen KM/HG",
                "No child abuse or domestic violence",
            ),
            code("onbekend", "Onbekend", "Unknown"),
        ],
    }
}

/// Flags CBS counts beside the kind (RULES.md 3: extra flag Mensenhandel). A flag, not a kind:
/// a melding can carry it together with any kind.
pub(super) fn extra_flags_cbs_2019() -> CodeList {
    CodeList {
        id: EXTRA_KENMERK.into(),
        version: CBS_2019.into(),
        valid_from: date!(2019 - 01 - 01),
        entries: vec![code("mensenhandel", "Mensenhandel", "Human trafficking")],
    }
}

/// What is known about the victim, for the kinds whose CBS category depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VictimProfile {
    pub age: Option<u32>,
    pub relation: Option<VictimRelation>,
}

/// The victim's relation to the person who commits the violence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VictimRelation {
    /// A child in the household.
    KindInGezin,
    /// Partner or ex-partner.
    Partner,
    /// Parent of the person committing the violence.
    Ouder,
    /// Any other member of the household or family.
    AnderGezinslid,
}

/// Age limits for the CBS categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VictimRules {
    /// Kindermishandeling concerns minors: under 18.
    pub adult_from_age: u32,
    /// CBS labels the category "Ouderenmishandeling (>65)" (RULES.md 3). Whether 65 itself counts
    /// is not confirmed; Schakel default: 65 and older. [P]
    pub elder_from_age: u32,
}

impl Default for VictimRules {
    fn default() -> Self {
        Self {
            adult_from_age: 18,
            elder_from_age: 65,
        }
    }
}

/// The CBS 2019 category for violence against this victim, or `None` when too little is known.
///
/// Order of the tests, a Schakel choice where CBS's own decision rules were not seen [NC]:
/// a minor (or a child in the household with unknown age) -> kindermishandeling; a partner ->
/// (ex-)partnergeweld, also when old; an elder -> ouderenmishandeling; a parent of the pleger ->
/// geweld tegen ouders; any other known relation -> huiselijk geweld overig.
pub fn cbs_2019_kind_for_victim(
    victim: &VictimProfile,
    rules: &VictimRules,
) -> Option<&'static str> {
    let minor = victim.age.map(|a| a < rules.adult_from_age);
    let elder = victim.age.map(|a| a >= rules.elder_from_age);
    match (minor, victim.relation) {
        (Some(true), _) => Some("kindermishandeling"),
        (None, Some(VictimRelation::KindInGezin)) => Some("kindermishandeling"),
        (_, Some(VictimRelation::Partner)) => Some("ex_partnergeweld"),
        _ if elder == Some(true) => Some("ouderenmishandeling"),
        (_, Some(VictimRelation::Ouder)) => Some("geweld_tegen_ouders"),
        (_, Some(_)) => Some("huiselijk_geweld_overig"),
        (Some(false), None) => None,
        (None, None) => None,
    }
}

/// regio-2018 -> cbs-2019. The 2018 list names forms of violence; the CBS list names who suffers
/// it from whom. Where the form alone decides the category the rule is fixed; where it does not,
/// the rule depends on the victim and says what to use when nothing is known about them.
pub(super) fn regio_2018_to_cbs_2019() -> Mapping {
    Mapping {
        from: list_ref(AARD_GEWELD, REGIO_2018),
        to: list_ref(AARD_GEWELD, CBS_2019),
        entries: vec![
            fixed(
                "affectieve_verwaarlozing",
                "kindermishandeling",
                "Neglect of a child's emotional needs: a form of child abuse only.",
            ),
            by_victim(
                "eergerelateerd_geweld",
                "huiselijk_geweld_overig",
                "Can target a child, a partner or another family member; without the victim it is \
                 other domestic violence.",
            ),
            by_victim(
                "financiele_uitbuiting",
                "ouderenmishandeling",
                "The regional policy files financial exploitation under elder abuse (RULES.md 0); \
                 with a younger victim known, the victim decides (e.g. a partner).",
            ),
            fixed(
                "getuige_van_geweld_in_gezin",
                "kindermishandeling",
                "A child witnessing violence at home counts as child abuse (the Jeugdwet definition \
                 of kindermishandeling includes it; not in RULES.md, to verify).",
            ),
            by_victim(
                "lichamelijke_mishandeling",
                "onbekend",
                "A form that occurs against children, partners, parents and elders alike.",
            ),
            fixed(
                "lichamelijke_verwaarlozing",
                "kindermishandeling",
                "Physical neglect was registered for children in 2018. Neglect of a dependent \
                 elder would be ouderenmishandeling, which the 2018 list registered separately.",
            ),
            fixed(
                "ouderenmishandeling",
                "ouderenmishandeling",
                "Same category. The 2018 list sets no age limit; CBS uses >65, so a younger victim \
                 registered here in 2018 is counted as elder abuse all the same.",
            ),
            fixed(
                "pediatric_condition_falsification",
                "kindermishandeling",
                "By definition a form of child abuse (a carer fabricating a child's illness).",
            ),
            fixed(
                "pedagogische_verwaarlozing",
                "kindermishandeling",
                "Neglect of upbringing: a form of child abuse only.",
            ),
            by_victim(
                "psychisch_geweld",
                "onbekend",
                "A form that occurs against children, partners, parents and elders alike.",
            ),
            by_victim(
                "seksueel_misbruik",
                "onbekend",
                "Against a minor it is child abuse; against a partner, partner violence.",
            ),
            by_victim(
                "anders_onveilig",
                "onbekend",
                "Unsafe, but the form was not registered; the victim decides the category.",
            ),
            fixed(
                "anders_niet_onveilig",
                "geen_km_hg",
                "VT found no unsafety. 'Andere problematiek' would also fit when another problem \
                 was found; the 2018 registration does not tell the two apart.",
            ),
        ],
    }
}
