//! A clearly fictional sociale kaart for the demo (issue 11 item 3): about forty services spread
//! over the region's gemeenten, every name marked "(fictief)", phone numbers 088-555xxxx and
//! addresses at example.nl, a domain reserved for examples. Several treat trauma in children in
//! Venlo; some help labour migrants in Polish, Romanian and Bulgarian; a few were last reviewed
//! more than a year ago (so they show as stale) and a few have no public consent.

use schakel_domain::calendar::dutch_local_date;
use schakel_domain::directory::{ServiceInput, WHOLE_REGION};
use schakel_store::Store;
use schakel_store::directory::Editor;
use time::{Duration, OffsetDateTime};

use crate::error::{CliError, CliResult};

/// One demo service: name, provider, description, target groups, kinds of help, gemeenten
/// (`*` for the whole region), languages, referral route, public consent, days since review.
struct Demo {
    name: &'static str,
    provider: &'static str,
    description: &'static str,
    groups: &'static [&'static str],
    kinds: &'static [&'static str],
    gemeenten: &'static [&'static str],
    languages: &'static [&'static str],
    referral: &'static str,
    public: bool,
    reviewed_days_ago: i64,
}

// One row of the table below, positional so the table stays readable one service per block.
#[allow(clippy::too_many_arguments)]
const fn demo(
    name: &'static str,
    provider: &'static str,
    description: &'static str,
    groups: &'static [&'static str],
    kinds: &'static [&'static str],
    gemeenten: &'static [&'static str],
    languages: &'static [&'static str],
    referral: &'static str,
    public: bool,
    reviewed_days_ago: i64,
) -> Demo {
    Demo {
        name,
        provider,
        description,
        groups,
        kinds,
        gemeenten,
        languages,
        referral,
        public,
        reviewed_days_ago,
    }
}

const NL: &[&str] = &["nl"];
const NL_EN: &[&str] = &["nl", "en"];
const MIGRANTS: &[&str] = &["nl", "en", "pl", "ro", "bg"];
const ALL: &[&str] = &[WHOLE_REGION];
const NOORD: &[&str] = &["Venlo", "Beesel", "Peel en Maas", "Horst aan de Maas"];
const MIDDEN: &[&str] = &[
    "Roermond",
    "Roerdalen",
    "Leudal",
    "Maasgouw",
    "Echt-Susteren",
];
const WEST: &[&str] = &["Weert", "Nederweert"];
const NOORDOOST: &[&str] = &["Venray", "Gennep", "Bergen (L.)"];
const HUISARTS: &str = "Verwijzing door de huisarts, de jeugdarts of het wijkteam; aanmelden via het aanmeldformulier of telefonisch. Een intakegesprek volgt binnen twee weken.";
const WIJKTEAM: &str = "Aanmelden door het wijkteam van de gemeente (beschikking Jeugdwet of Wmo nodig); bij spoed telefonisch overleggen met de dienstdoende coördinator.";
const VRIJ: &str = "Vrij toegankelijk: cliënten en professionals kunnen zelf bellen of mailen. Geen verwijzing nodig.";

#[rustfmt::skip]
const SERVICES: &[Demo] = &[
    demo("Traumabehandeling voor kinderen Venlo (fictief)", "Traumacentrum Maasdal (fictief)",
        "Traumabehandeling voor kinderen en jongeren van 4 tot 18 jaar na huiselijk geweld of kindermishandeling: EMDR, traumagerichte cognitieve gedragstherapie en ouderbegeleiding.",
        &["kinderen", "jongeren", "slachtoffers"], &["traumabehandeling", "ggz"], &["Venlo", "Beesel"], NL_EN, HUISARTS, true, 40),
    demo("Kindertraumapoli De Wilg (fictief)", "Jeugd-ggz Noorderkwartier (fictief)",
        "Screening en behandeling van trauma bij jonge kinderen (0-12 jaar), met speltherapie en betrokkenheid van de ouders.",
        &["kinderen", "ouders"], &["traumascreening", "traumabehandeling"], &["Venlo", "Venray", "Horst aan de Maas"], NL, HUISARTS, true, 95),
    demo("Kinderen en scheiding na geweld (fictief)", "Praktijk Lindehof (fictief)",
        "Groepstraining en individuele traumabehandeling voor kinderen die geweld tussen hun ouders meemaakten.",
        &["kinderen", "slachtoffers"], &["traumabehandeling", "opvoedondersteuning"], &["Venlo"], NL, WIJKTEAM, false, 420),
    demo("Traumascreening Noord (fictief)", "Traumacentrum Maasdal (fictief)",
        "Traumascreening voor slachtoffers en plegers binnen vier weken na een melding, met advies over passende behandeling.",
        &["slachtoffers", "plegers", "kinderen"], &["traumascreening"], NOORD, NL_EN, HUISARTS, true, 60),
    demo("Jeugdtraumateam Midden (fictief)", "Jeugd-ggz Roerstreek (fictief)",
        "Behandeling van kinderen en jongeren met traumaklachten, ook thuis of op school.",
        &["kinderen", "jongeren"], &["traumabehandeling", "ambulante_begeleiding"], MIDDEN, NL, HUISARTS, true, 120),
    demo("Traumabehandeling volwassenen Weert (fictief)", "GGZ Kempenland (fictief)",
        "Behandeling van posttraumatische stress bij volwassen slachtoffers van huiselijk geweld.",
        &["slachtoffers"], &["traumabehandeling", "ggz"], WEST, NL, HUISARTS, true, 200),
    demo("Plegerhulp Huiselijk Geweld Noord (fictief)", "Forensische Poli De Maasoever (fictief)",
        "Ambulante behandeling voor plegers van huiselijk geweld: agressieregulatie, groepstraining en systeemgesprekken.",
        &["plegers"], &["plegerhulp", "systeemtherapie"], NOORD, NL_EN, "Aanmelden door Veilig Thuis, de reclassering, het wijkteam of de huisarts; ook vrijwillig aanmelden kan.", true, 30),
    demo("Plegerhulp Midden-Limburg (fictief)", "Forensische Poli Roerdal (fictief)",
        "Training 'Stop huiselijk geweld' voor mannen en vrouwen die geweld gebruiken in hun relatie.",
        &["plegers"], &["plegerhulp"], MIDDEN, NL, "Aanmelden door Veilig Thuis, de reclassering of het wijkteam.", true, 75),
    demo("Plegerhulp jongeren (fictief)", "Jeugdhulp Peel en Maas (fictief)",
        "Begeleiding voor jongeren die geweld gebruiken tegen ouders of partner.",
        &["jongeren", "plegers"], &["plegerhulp", "ambulante_begeleiding"], &["Peel en Maas", "Venlo", "Venray"], NL, WIJKTEAM, false, 150),
    demo("Vrouwenopvang De Brug (fictief)", "Stichting Veilig Onderdak (fictief)",
        "Opvang voor vrouwen en hun kinderen die thuis niet veilig zijn; kinderen krijgen een eigen begeleider.",
        &["slachtoffers", "kinderen"], &["vrouwenopvang", "ambulante_begeleiding"], ALL, MIGRANTS, "Aanmelden via Veilig Thuis of het centrale aanmeldpunt opvang; 24 uur per dag bereikbaar.", false, 20),
    demo("Crisisopvang Regio (fictief)", "Stichting Veilig Onderdak (fictief)",
        "Crisisopvang bij acute onveiligheid, voor volwassenen met of zonder kinderen.",
        &["slachtoffers", "kinderen"], &["crisisopvang"], ALL, NL_EN, "Alleen via Veilig Thuis, de politie of de crisisdienst; dag en nacht.", false, 45),
    demo("Ambulante hulp na opvang (fictief)", "Stichting Veilig Onderdak (fictief)",
        "Begeleiding thuis na een verblijf in de opvang, gericht op veiligheid en een eigen woning.",
        &["slachtoffers", "ouders"], &["ambulante_begeleiding"], ALL, NL, WIJKTEAM, true, 110),
    demo("Schuldhulp Venlo (fictief)", "Gemeentelijke Kredietbank Maas (fictief)",
        "Schuldhulpverlening en budgetbeheer, ook als schulden ontstonden door financieel geweld van een (ex-)partner.",
        &["slachtoffers", "ouders"], &["schuldhulp"], &["Venlo"], NL, VRIJ, true, 80),
    demo("Schuldhulp Roermond en omstreken (fictief)", "Budgetpunt Roer (fictief)",
        "Hulp bij geldzaken en schulden; spreekuur zonder afspraak op dinsdag.",
        &["ouders", "ouderen"], &["schuldhulp"], &["Roermond", "Roerdalen", "Leudal"], NL, VRIJ, true, 130),
    demo("Schuldhulp voor arbeidsmigranten (fictief)", "Welkom Werkers Limburg (fictief)",
        "Hulp bij schulden, huur en loonstroken voor arbeidsmigranten uit Midden- en Oost-Europa, in hun eigen taal.",
        &["arbeidsmigranten"], &["schuldhulp", "taalhulp"], &["Venlo", "Horst aan de Maas", "Venray", "Peel en Maas"], MIGRANTS, VRIJ, true, 55),
    demo("Steunpunt Arbeidsmigranten Horst (fictief)", "Welkom Werkers Limburg (fictief)",
        "Informatie en begeleiding bij huiselijk geweld, uitbuiting en woonproblemen voor Poolse, Roemeense en Bulgaarse werknemers.",
        &["arbeidsmigranten", "slachtoffers"], &["ambulante_begeleiding", "juridisch_advies", "taalhulp"], &["Horst aan de Maas", "Venray"], MIGRANTS, VRIJ, true, 25),
    demo("Poolse hulplijn huiselijk geweld (fictief)", "Stichting Most (fictief)",
        "Telefonische hulplijn in het Pools voor slachtoffers van huiselijk geweld; doorverwijzing naar hulp in de regio.",
        &["arbeidsmigranten", "slachtoffers"], &["slachtofferhulp", "taalhulp"], ALL, &["pl", "nl"], VRIJ, true, 70),
    demo("Roemeens en Bulgaars spreekuur (fictief)", "Welkom Werkers Limburg (fictief)",
        "Inloopspreekuur met tolk voor Roemeense en Bulgaarse arbeidsmigranten met vragen over geweld, werk of wonen.",
        &["arbeidsmigranten"], &["hg_spreekuur", "taalhulp"], &["Venlo", "Roermond"], &["ro", "bg", "nl"], VRIJ, false, 500),
    demo("Financiële uitbuiting ouderen (fictief)", "Seniorensteunpunt Maas en Roer (fictief)",
        "Advies en begeleiding bij financiële uitbuiting van ouderen door familie of bekenden; samenwerking met bewindvoerders en notarissen.",
        &["ouderen", "mantelzorgers"], &["financiele_uitbuiting_ouderen", "juridisch_advies"], ALL, NL, "Aanmelden door ouderen zelf, familie, de huisarts, de thuiszorg of het wijkteam.", true, 35),
    demo("Ouderenmishandeling aanpak Noord (fictief)", "Seniorensteunpunt Maas en Roer (fictief)",
        "Huisbezoek en begeleiding bij vermoedens van ouderenmishandeling, ook bij overbelaste mantelzorgers.",
        &["ouderen", "mantelzorgers"], &["ambulante_begeleiding", "financiele_uitbuiting_ouderen"], NOORD, NL, WIJKTEAM, true, 160),
    demo("Mantelzorgondersteuning Weert (fictief)", "Mantelzorgpunt Weert (fictief)",
        "Steun voor overbelaste mantelzorgers, om ontsporing van zorg te voorkomen.",
        &["mantelzorgers"], &["ambulante_begeleiding"], WEST, NL, VRIJ, true, 450),
    demo("Systeemtherapie gezinnen (fictief)", "Praktijk De Samenloop (fictief)",
        "Relatietherapie en systeemtherapie voor gezinnen waar geweld speelde, zodra de directe veiligheid er is.",
        &["ouders", "kinderen", "plegers"], &["systeemtherapie"], &["Venlo", "Venray", "Roermond"], NL_EN, HUISARTS, true, 90),
    demo("Opvoedondersteuning Gennep (fictief)", "Centrum Jeugd en Gezin Gennep (fictief)",
        "Opvoedadvies, oudercursussen en huisbezoeken voor ouders met jonge kinderen.",
        &["ouders", "kinderen"], &["opvoedondersteuning"], &["Gennep", "Bergen (L.)"], NL, VRIJ, true, 140),
    demo("Opvoedondersteuning Maasgouw (fictief)", "Centrum Jeugd en Gezin Maasgouw (fictief)",
        "Opvoedspreekuur en cursus 'Positief opvoeden' voor ouders in Maasgouw en Echt-Susteren.",
        &["ouders"], &["opvoedondersteuning"], &["Maasgouw", "Echt-Susteren"], NL, VRIJ, true, 210),
    demo("Juridisch spreekuur huiselijk geweld (fictief)", "Rechtswinkel Noord-Limburg (fictief)",
        "Gratis juridisch advies over scheiding, omgang, huisverbod en aangifte.",
        &["slachtoffers", "ouders"], &["juridisch_advies"], ALL, NL_EN, VRIJ, true, 65),
    demo("Slachtofferhulp Regio (fictief)", "Slachtofferloket Limburg (fictief)",
        "Praktische en emotionele steun voor slachtoffers, ook bij aangifte en tijdens een strafzaak.",
        &["slachtoffers"], &["slachtofferhulp", "juridisch_advies"], ALL, &["nl", "en", "ar", "tr"], VRIJ, true, 50),
    demo("Slachtoffers van mensenhandel (fictief)", "Zorgcoördinatie Mensenhandel Limburg (fictief)",
        "Coördinatie van opvang, zorg en juridische hulp voor slachtoffers van mensenhandel en arbeidsuitbuiting.",
        &["mensenhandel", "arbeidsmigranten"], &["opvang", "juridisch_advies", "taalhulp"], ALL, MIGRANTS, "Aanmelden door politie, Veilig Thuis, de arbeidsinspectie of hulpverleners; bel de zorgcoördinator.", false, 100),
    demo("Verslavingszorg en geweld (fictief)", "Verslavingszorg Maasvallei (fictief)",
        "Behandeling van verslaving met aandacht voor geweld in het gezin; gecombineerd met plegerhulp waar nodig.",
        &["plegers", "slachtoffers"], &["verslavingszorg", "plegerhulp"], ALL, NL, HUISARTS, true, 115),
    demo("Ggz-wijkteam Venray (fictief)", "GGZ Noordoost (fictief)",
        "Kortdurende psychische hulp dichtbij huis, ook voor ouders met psychische problemen (KOPP).",
        &["ouders", "kinderen"], &["ggz", "ambulante_begeleiding"], NOORDOOST, NL, HUISARTS, true, 170),
    demo("Huiselijk-geweldspreekuur Roermond (fictief)", "Wijkteam Roermond Centrum (fictief)",
        "Anoniem spreekuur voor iedereen die zich zorgen maakt over geweld thuis; ook voor buren en familie.",
        &["slachtoffers", "ouders", "jongeren"], &["hg_spreekuur"], &["Roermond"], NL_EN, VRIJ, true, 85),
    demo("Huiselijk-geweldspreekuur Venlo (fictief)", "Wijkteam Venlo-Oost (fictief)",
        "Inloopspreekuur op woensdagmiddag in het wijkcentrum, zonder afspraak.",
        &["slachtoffers", "ouders"], &["hg_spreekuur"], &["Venlo"], NL, VRIJ, true, 390),
    demo("Jongerenpunt Relaties (fictief)", "Jongerenwerk Leudal (fictief)",
        "Steun voor jongeren bij geweld in de eerste relaties, loverboys en sexting.",
        &["jongeren", "slachtoffers"], &["ambulante_begeleiding", "slachtofferhulp"], &["Leudal", "Nederweert", "Weert"], NL, VRIJ, true, 190),
    demo("LHBTI+ steunpunt (fictief)", "Stichting Regenboog Maas (fictief)",
        "Steun voor LHBTI+ jongeren en volwassenen die thuis niet veilig zijn of met eergerelateerd geweld te maken krijgen.",
        &["lhbti", "jongeren", "eergerelateerd"], &["ambulante_begeleiding", "slachtofferhulp"], ALL, NL_EN, VRIJ, true, 105),
    demo("Aandachtsfunctionaris eergerelateerd geweld (fictief)", "Veiligheidshuis Noord-Limburg (fictief)",
        "Advies voor professionals bij signalen van eergerelateerd geweld, huwelijksdwang en achterlating.",
        &["eergerelateerd", "professionals"], &["juridisch_advies"], ALL, &["nl", "ar", "tr", "fa"], "Alleen voor professionals: bel de aandachtsfunctionaris voor overleg.", false, 600),
    demo("Begeleiding statushouders (fictief)", "Vluchtelingenwerk Maasregio (fictief)",
        "Begeleiding van statushouders en hun gezinnen, met aandacht voor geweld en trauma, in hun eigen taal.",
        &["vluchtelingen", "ouders", "kinderen"], &["ambulante_begeleiding", "traumascreening", "taalhulp"], &["Venlo", "Roermond", "Weert"], &["nl", "ar", "ti", "so", "fa", "uk"], WIJKTEAM, true, 145),
    demo("LVB-gezinsbegeleiding (fictief)", "Zorggroep Helder (fictief)",
        "Gezinsbegeleiding voor ouders met een licht verstandelijke beperking: eenvoudige taal, veel herhaling.",
        &["lvb", "ouders", "kinderen"], &["opvoedondersteuning", "ambulante_begeleiding"], ALL, NL, WIJKTEAM, true, 125),
    demo("Traumatherapie LVB (fictief)", "Zorggroep Helder (fictief)",
        "Traumabehandeling aangepast aan mensen met een licht verstandelijke beperking, voor kinderen en volwassenen.",
        &["lvb", "kinderen", "slachtoffers"], &["traumabehandeling"], &["Venlo", "Venray", "Roermond", "Weert"], NL, HUISARTS, true, 175),
    demo("Doven en slechthorenden hulplijn (fictief)", "Stichting Gebaar (fictief)",
        "Hulp bij geweld thuis in Nederlandse Gebarentaal, via beeldbellen.",
        &["slachtoffers"], &["slachtofferhulp"], ALL, &["dse", "nl"], VRIJ, true, 230),
    demo("Gezinscoaching Nederweert (fictief)", "Wijkteam Nederweert (fictief)",
        "Praktische gezinscoaching thuis bij spanningen en opvoedvragen.",
        &["ouders", "kinderen"], &["opvoedondersteuning", "ambulante_begeleiding"], &["Nederweert"], NL, WIJKTEAM, true, 95),
    demo("Kind en trauma Echt-Susteren (fictief)", "Praktijk De Kastanje (fictief)",
        "Traumabehandeling voor kinderen in de eigen omgeving, samen met school en ouders.",
        &["kinderen"], &["traumabehandeling"], &["Echt-Susteren", "Maasgouw", "Roerdalen"], NL, HUISARTS, true, 60),
];

/// Adds the demo directory when the database has no services yet. Idempotent: a directory
/// already there (the demo's or a beheerder's) is left alone. Gemeenten the region file does not
/// know are left out; a service left without any covers the whole region.
pub async fn seed(store: &Store) -> CliResult<()> {
    if !store.directory_services(true).await?.is_empty() {
        return Ok(());
    }
    let known: Vec<String> = store
        .gemeenten()
        .await?
        .into_iter()
        .map(|g| g.name)
        .collect();
    let by = Editor {
        user_id: "systeem".into(),
        name: "Sociale kaart (demo)".into(),
    };
    let now = OffsetDateTime::now_utc();
    let today = dutch_local_date(now);
    for (n, d) in SERVICES.iter().enumerate() {
        let mut gemeenten: Vec<String> = d
            .gemeenten
            .iter()
            .filter(|g| **g == WHOLE_REGION || known.iter().any(|k| k == *g))
            .map(|g| g.to_string())
            .collect();
        if gemeenten.is_empty() {
            gemeenten.push(WHOLE_REGION.to_string());
        }
        let slug = crate::demo::slug(d.provider);
        let input = ServiceInput {
            name: d.name.into(),
            provider: d.provider.into(),
            description: d.description.into(),
            target_groups: d.groups.iter().map(|s| s.to_string()).collect(),
            help_kinds: d.kinds.iter().map(|s| s.to_string()).collect(),
            gemeenten,
            languages: d.languages.iter().map(|s| s.to_string()).collect(),
            phone: format!("088-555{:04}", 2000 + n),
            email: format!("aanmelden@{slug}.example.nl"),
            website: format!("https://{slug}.example.nl"),
            address: String::new(),
            referral: d.referral.into(),
            public_listing: d.public,
            internal_note: String::new(),
        };
        let service = input
            .check(&known)
            .map_err(|e| CliError::failure(format!("demo sociale kaart, {}: {e}", d.name)))?;
        let reviewed = today - Duration::days(d.reviewed_days_ago);
        store
            .insert_directory_service(
                &format!("demo-dienst-{:02}", n + 1),
                &service,
                reviewed,
                now,
                &by,
            )
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_directory_is_plainly_fictional_and_varied() {
        assert!(SERVICES.len() >= 40, "{}", SERVICES.len());
        for d in SERVICES {
            assert!(
                d.name.contains("(fictief)") && d.provider.contains("(fictief)"),
                "{}",
                d.name
            );
        }
        let stale = SERVICES
            .iter()
            .filter(|d| d.reviewed_days_ago > 366)
            .count();
        assert!((3..=8).contains(&stale), "{stale} stale");
        assert!(SERVICES.iter().filter(|d| !d.public).count() >= 3);
        let child_trauma_venlo = SERVICES
            .iter()
            .filter(|d| {
                d.groups.contains(&"kinderen")
                    && d.kinds.contains(&"traumabehandeling")
                    && (d.gemeenten.contains(&"Venlo") || d.gemeenten.contains(&WHOLE_REGION))
            })
            .count();
        assert!(child_trauma_venlo >= 3, "{child_trauma_venlo}");
        for lang in ["pl", "ro", "bg"] {
            assert!(
                SERVICES
                    .iter()
                    .any(|d| d.groups.contains(&"arbeidsmigranten") && d.languages.contains(&lang))
            );
        }
    }
}
