//! Follow-up tracks (vervolgtrajecten) after the veiligheidsbeoordeling and the CBS decision codes
//! they are counted under (RULES.md 2.2).

use serde::{Deserialize, Serialize};
use time::macros::date;

use super::ids::{BESLUIT, CBS_2019, PROTOCOL_2019, VERVOLGTRAJECT};
use super::{CodeList, Mapping, MappingRule, code, fixed, list_ref, registry};

/// The tracks of RULES.md 2.2 (Handelingsprotocol 2019, as summarised by meldcode.nu/triage and
/// veiligthuismiddenbrabant.nl).
pub(super) fn follow_up_tracks() -> CodeList {
    CodeList {
        id: VERVOLGTRAJECT.into(),
        version: PROTOCOL_2019.into(),
        valid_from: date!(2019 - 01 - 01),
        entries: vec![
            code(
                "overdracht_lokaal_veld",
                "Overdracht aan het lokale veld",
                "Handover to the local team",
            ),
            code(
                "overdracht_betrokken_professional",
                "Overdracht aan een al betrokken professional",
                "Handover to a professional already involved",
            ),
            code(
                "overdracht_multidisciplinair_team",
                "Overdracht aan een multidisciplinair team",
                "Handover to a multidisciplinary team",
            ),
            code(
                "omzetten_naar_advies",
                "Omzetten naar advies",
                "Convert to advice",
            ),
            code(
                "beeindigen_betrokkenheid",
                "Beëindigen betrokkenheid Veilig Thuis",
                "End Veilig Thuis involvement",
            ),
            code(
                "voorwaarden_en_vervolg",
                "Voorwaarden en vervolg",
                "Safety conditions and follow-up",
            ),
            code("onderzoek", "Onderzoek", "Investigation"),
            code(
                "verzoek_onderzoek_raad",
                "Verzoek tot onderzoek door de Raad voor de Kinderbescherming",
                "Request an investigation by the Child Protection Board",
            ),
            code(
                "regionaal_maatwerk",
                "Inzet regionaal maatwerk Veilig Thuis",
                "Regional custom service of Veilig Thuis",
            ),
        ],
    }
}

/// The CBS decision codes (RULES.md 2.2: cbs.nl 84852NED).
pub(super) fn cbs_decisions() -> CodeList {
    CodeList {
        id: BESLUIT.into(),
        version: CBS_2019.into(),
        valid_from: date!(2019 - 01 - 01),
        entries: vec![
            code(
                "vervolgstappen_vt",
                "Vervolgstappen beleggen bij VT",
                "Follow-up steps with Veilig Thuis",
            ),
            code("overdracht", "Overdracht", "Handover"),
            code(
                "geen_vervolgstappen",
                "Geen vervolgstappen nodig",
                "No follow-up needed",
            ),
            code(
                "regionaal_maatwerk",
                "Inzet regionaal maatwerk VT",
                "Regional custom service of Veilig Thuis",
            ),
            code(
                "nog_niet_beoordeeld",
                "Nog niet beoordeeld",
                "Not yet assessed",
            ),
        ],
    }
}

pub(super) fn tracks_to_decisions() -> Mapping {
    Mapping {
        from: list_ref(VERVOLGTRAJECT, PROTOCOL_2019),
        to: list_ref(BESLUIT, CBS_2019),
        entries: vec![
            fixed(
                "overdracht_lokaal_veld",
                "overdracht",
                "RULES.md 2.2 track 1.",
            ),
            fixed(
                "overdracht_betrokken_professional",
                "overdracht",
                "RULES.md 2.2 track 1.",
            ),
            fixed(
                "overdracht_multidisciplinair_team",
                "overdracht",
                "RULES.md 2.2 track 1.",
            ),
            fixed(
                "omzetten_naar_advies",
                "geen_vervolgstappen",
                "RULES.md 2.2 track 2.",
            ),
            fixed(
                "beeindigen_betrokkenheid",
                "geen_vervolgstappen",
                "RULES.md 2.2 track 2.",
            ),
            fixed(
                "voorwaarden_en_vervolg",
                "vervolgstappen_vt",
                "RULES.md 2.2 track 3: VT keeps the case.",
            ),
            fixed(
                "onderzoek",
                "vervolgstappen_vt",
                "RULES.md 2.2 track 3: VT keeps the case.",
            ),
            fixed(
                "verzoek_onderzoek_raad",
                "vervolgstappen_vt",
                "RULES.md 2.2 track 4. VT makes the request and keeps the case until the Raad acts; \
                 how CBS counts it was not seen. [NC]",
            ),
            fixed(
                "regionaal_maatwerk",
                "regionaal_maatwerk",
                "CBS code for regional custom work (RULES.md 2.2).",
            ),
        ],
    }
}

/// What a decision means for the case: the CBS decision category of a track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionCategory {
    /// VT keeps the case (voorwaarden en vervolg, onderzoek, request to the Raad).
    VervolgstappenVt,
    /// The case is handed over; VT stays accountable until the receiver accepts (RULES.md 0).
    Overdracht,
    /// No further steps: VT ends its involvement or converts to an advies.
    GeenVervolgstappen,
    /// Regional custom work by VT; VT keeps the case.
    RegionaalMaatwerk,
}

impl DecisionCategory {
    fn from_code(code: &str) -> Option<Self> {
        match code {
            "vervolgstappen_vt" => Some(Self::VervolgstappenVt),
            "overdracht" => Some(Self::Overdracht),
            "geen_vervolgstappen" => Some(Self::GeenVervolgstappen),
            "regionaal_maatwerk" => Some(Self::RegionaalMaatwerk),
            _ => None,
        }
    }
}

/// The decision category of a follow-up track in the built-in lists, or `None` for an unknown track.
pub fn decision_category(track: &str) -> Option<DecisionCategory> {
    let reg = registry();
    let mapping = reg.mapping(
        &list_ref(VERVOLGTRAJECT, PROTOCOL_2019),
        &list_ref(BESLUIT, CBS_2019),
    )?;
    match &mapping.entry(track)?.rule {
        MappingRule::Fixed { to } => DecisionCategory::from_code(to),
        MappingRule::ByVictim { .. } => None,
    }
}
