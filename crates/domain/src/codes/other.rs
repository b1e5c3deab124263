//! Reporter types, specific groups, betrokkene roles and channels.

use time::macros::date;

use super::ids::{
    CBS_2019, KANAAL, MELDER, REGIOVISIE_2019, ROL_BETROKKENE, SCHAKEL_1, SPECIFIEKE_GROEP,
};
use super::{CodeList, child, code};

/// Who reports or asks advice, as CBS counts it (RULES.md 3: 84849NED/84848NED). The police fall
/// under "Justitie en veiligheid", the source of about 70% of meldingen.
pub(super) fn reporter_types() -> CodeList {
    let b = "beroepsmatig";
    CodeList {
        id: MELDER.into(),
        version: CBS_2019.into(),
        valid_from: date!(2019 - 01 - 01),
        entries: vec![
            code("niet_beroepsmatig", "Niet beroepsmatig", "Non-professional"),
            code(b, "Beroepsmatig", "Professional"),
            child(
                b,
                "gezondheidszorg",
                "Gezondheidszorg (incl. GGZ, verpleegkundige)",
                "Health care (incl. mental health, nursing)",
            ),
            child(b, "kinderopvang", "Kinderopvang", "Childcare"),
            child(b, "onderwijs", "Onderwijs", "Education"),
            child(
                b,
                "bureau_leerplicht",
                "Bureau Leerplicht",
                "School attendance office",
            ),
            child(b, "jeugdzorg", "Jeugdzorg", "Youth care"),
            child(
                b,
                "justitie_en_veiligheid",
                "Justitie en veiligheid (o.a. politie)",
                "Justice and security (incl. police)",
            ),
            child(
                b,
                "vt_andere_regio",
                "Veilig Thuis andere regio",
                "Veilig Thuis of another region",
            ),
            child(
                b,
                "andere_organisatie",
                "Andere organisatie",
                "Other organisation",
            ),
        ],
    }
}

/// The specific groups the regional policy gives their own attention (RULES.md 0). Flags on a
/// casus, any number of them.
pub(super) fn specific_groups() -> CodeList {
    CodeList {
        id: SPECIFIEKE_GROEP.into(),
        version: REGIOVISIE_2019.into(),
        valid_from: date!(2019 - 01 - 01),
        entries: vec![
            code("seksueel_geweld", "Seksueel geweld", "Sexual violence"),
            code(
                "loverboys_mensenhandel",
                "Loverboys en mensenhandel",
                "Loverboys and human trafficking",
            ),
            code(
                "eergerelateerd_schadelijke_praktijken",
                "Eergerelateerd geweld en schadelijke traditionele praktijken",
                "Honour-related violence and harmful traditional practices",
            ),
            code(
                "kopp_lvb",
                "Kinderen van ouders met psychische of verslavingsproblemen (KOPP) of een licht verstandelijke beperking (LVB)",
                "Children of parents with mental illness or addiction, or with a mild intellectual disability",
            ),
            code(
                "migranten_statushouders",
                "Migrantengezinnen en statushouders",
                "Migrant families and status holders",
            ),
            code(
                "complexe_scheiding",
                "Complexe scheiding",
                "Complex divorce",
            ),
            code(
                "ouderenmishandeling",
                "Ouderenmishandeling (inclusief financiële uitbuiting)",
                "Elder abuse (including financial exploitation)",
            ),
            code(
                "arbeidsmigranten",
                "Arbeidsmigranten uit Midden- en Oost-Europa",
                "Labour migrants from Central and Eastern Europe",
            ),
        ],
    }
}

/// The roles of direct betrokkenen (RULES.md 0: persons who commit or undergo the violence and the
/// members of the household).
pub(super) fn betrokkene_roles() -> CodeList {
    CodeList {
        id: ROL_BETROKKENE.into(),
        version: SCHAKEL_1.into(),
        valid_from: date!(2019 - 01 - 01),
        entries: vec![
            code("slachtoffer", "Slachtoffer", "Victim"),
            code("pleger", "Pleger", "Perpetrator"),
            code(
                "kind_in_gezin",
                "Kind in het gezin",
                "Child in the household",
            ),
            code(
                "ander_gezinslid",
                "Ander gezinslid",
                "Other household member",
            ),
        ],
    }
}

/// How a melding or adviesvraag reached Veilig Thuis.
pub(super) fn channels() -> CodeList {
    CodeList {
        id: KANAAL.into(),
        version: SCHAKEL_1.into(),
        valid_from: date!(2019 - 01 - 01),
        entries: vec![
            code("telefoon", "Telefoon", "Telephone"),
            code("web", "Webformulier", "Web form"),
            code("mail", "E-mail", "Email"),
            code("politiemelding", "Politiemelding", "Police report"),
        ],
    }
}
