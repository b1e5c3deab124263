//! Programme files: a region's action programme as TOML (issue 12 item 2). The format is documented
//! at the top of `regions/noord-midden-limburg-programma.toml`, the region's own programme written
//! by hand from Bijlage 1 of its policy. A file is read whole and checked before anything uses it;
//! a wrong entry is reported as `regel N: wat er mis is` (the file's shape) or `veld: wat er mis is`
//! (the programme's rules, [`Programme::check`]).

use schakel_domain::programme::{
    ActionLine, Body, BodyKind, Indicator, PlannedAction, PlannedTiming, Programme, Theme,
    WorkingGroup,
};
use serde::Deserialize;

use crate::config::line_of;
use crate::error::{CliError, CliResult};

/// The programme of Noord- en Midden-Limburg that ships with Schakel.
pub const DEFAULT_PROGRAMME_TOML: &str =
    include_str!("../../../../regions/noord-midden-limburg-programma.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    programma: RawProgramme,
    #[serde(default)]
    orgaan: Vec<RawBody>,
    #[serde(default)]
    werkgroep: Vec<RawGroup>,
    #[serde(default)]
    actielijn: Vec<RawLine>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgramme {
    naam: String,
    van: i32,
    tot_en_met: i32,
    opdrachtgever: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBody {
    naam: String,
    soort: String,
    #[serde(default)]
    leden: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    code: String,
    naam: String,
    #[serde(default)]
    trekkers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLine {
    nummer: u8,
    naam: String,
    #[serde(default)]
    thema: Vec<RawTheme>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    wat: String,
    werkgroep: Option<String>,
    #[serde(default)]
    actie: Vec<RawAction>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAction {
    hoe: String,
    wanneer: Option<String>,
    kop: Option<String>,
    werkgroep: Option<String>,
    /// Monitor figures that show the action's effect (codes of [`Indicator`], read by
    /// [`Indicator::parse`] so a wrong one is named in Dutch with its path).
    #[serde(default)]
    indicatoren: Vec<String>,
}

/// Reads and checks a programme file.
pub fn parse(text: &str) -> CliResult<Programme> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        CliError::Input(format!("regel {line}: {}", e.message().trim()))
    })?;
    let bodies = raw
        .orgaan
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            Ok(Body {
                kind: BodyKind::parse(&format!("orgaan[{i}].soort"), &b.soort)?,
                name: b.naam,
                members: b.leden,
            })
        })
        .collect::<Result<Vec<_>, schakel_domain::FieldError>>()
        .map_err(field_error)?;
    let programme = Programme {
        name: raw.programma.naam,
        from_year: raw.programma.van,
        to_year: raw.programma.tot_en_met,
        client: raw.programma.opdrachtgever,
        bodies,
        working_groups: raw
            .werkgroep
            .into_iter()
            .map(|g| WorkingGroup {
                code: g.code,
                name: g.naam,
                trekkers: g.trekkers,
            })
            .collect(),
        action_lines: raw
            .actielijn
            .into_iter()
            .enumerate()
            .map(|(i, l)| line(i, l))
            .collect::<Result<_, _>>()
            .map_err(field_error)?,
    };
    programme.check().map_err(field_error)?;
    Ok(programme)
}

fn line(l: usize, raw: RawLine) -> Result<ActionLine, schakel_domain::FieldError> {
    let mut themes = Vec::with_capacity(raw.thema.len());
    for (t, theme) in raw.thema.into_iter().enumerate() {
        let mut actions = Vec::with_capacity(theme.actie.len());
        for (a, action) in theme.actie.into_iter().enumerate() {
            let at = format!("actielijn[{l}].thema[{t}].actie[{a}].indicatoren");
            actions.push(PlannedAction {
                how: action.hoe,
                heading: action.kop,
                timing: action.wanneer.as_deref().map(PlannedTiming::parse),
                working_group: action.werkgroep,
                indicators: action
                    .indicatoren
                    .iter()
                    .map(|code| Indicator::parse(&at, code))
                    .collect::<Result<_, _>>()?,
            });
        }
        themes.push(Theme {
            what: theme.wat,
            working_group: theme.werkgroep,
            actions,
        });
    }
    Ok(ActionLine {
        number: raw.nummer,
        name: raw.naam,
        themes,
    })
}

fn field_error(e: schakel_domain::FieldError) -> CliError {
    CliError::Input(format!("{}: {}", e.field, e.message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    /// Bijlage 1 of the regional policy, counted by hand from the policy text: action line 1 has
    /// 7 themes and 27 actions, line 2 has 6 and 21, line 3 has 4 and 10.
    #[test]
    fn the_regions_programme_matches_bijlage_1_row_for_row() {
        let p = parse(DEFAULT_PROGRAMME_TOML).unwrap();
        assert_eq!((p.from_year, p.to_year), (2019, 2021));
        assert_eq!(p.client, "Bestuurscommissie WMO regionale taken");
        let counts: Vec<(u8, usize, usize)> = p
            .action_lines
            .iter()
            .map(|l| {
                let actions = l.themes.iter().map(|t| t.actions.len()).sum();
                (l.number, l.themes.len(), actions)
            })
            .collect();
        assert_eq!(counts, vec![(1, 7, 27), (2, 6, 21), (3, 4, 10)]);
        assert_eq!(p.actions().count(), 58);
        let names: Vec<&str> = p.action_lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Eerder en beter in beeld",
                "Stoppen en duurzaam oplossen",
                "Aandacht voor specifieke groepen"
            ]
        );
        let groups: Vec<&str> = p.working_groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(
            groups,
            [
                "Kinderen in kwetsbare opvoedsituaties",
                "Slachtoffers van seksueel geweld",
                "Aanpak ouderenmishandeling",
                "Problematiek bij arbeidsmigranten"
            ]
        );
        assert_eq!(p.bodies.len(), 2);
        assert_eq!(p.bodies[1].members.len(), 8);
    }

    #[test]
    fn spot_checks_of_texts_timings_and_owners() {
        let p = parse(DEFAULT_PROGRAMME_TOML).unwrap();
        let find = |start: &str| {
            p.actions()
                .find(|(_, _, a)| a.how.starts_with(start))
                .unwrap_or_else(|| panic!("no action starting with {start}"))
        };
        let (line, theme, campaign) = find("Een publiekscampagne");
        assert_eq!(
            (line.number, theme.what.as_str()),
            (1, "HG+KM bespreekbaar maken")
        );
        assert_eq!(
            campaign.indicators,
            [Indicator::Adviezen, Indicator::Meldingen]
        );
        let timing = campaign.timing.as_ref().unwrap();
        assert!(timing.postponed);
        assert_eq!(timing.until, Some(date!(2020 - 03 - 31)));
        let (_, _, session) = find("Iedere Veilig Thuis organisatie organiseert");
        assert_eq!(session.timing.as_ref().unwrap().text, "Dec. '18");
        assert_eq!(
            session.timing.as_ref().unwrap().from,
            Some(date!(2018 - 12 - 01))
        );
        let (line, theme, hwc) = find("Implementeren \"handle with care\"");
        assert_eq!(
            (line.number, theme.what.as_str()),
            (2, "Scholen sneller informeren na geweldsincidenten thuis")
        );
        assert_eq!(
            hwc.timing.as_ref().unwrap().until,
            Some(date!(2020 - 12 - 31))
        );
        let (_, theme, perpetrators) =
            find("In elke gemeente/regio komt een aanbod van hulp aan plegers");
        assert!(perpetrators.timing.as_ref().unwrap().ongoing);
        assert_eq!(
            perpetrators.heading.as_deref(),
            Some("Intensiveren van plegersaanpak door:")
        );
        assert_eq!(theme.what, "Plegers strenger aanpakken");
        let (_, theme, migrants) = find(
            "Afronden uitvoeringsprogramma's en samen met de werkgroepen plan van aanpak opstellen.",
        );
        assert_eq!(migrants.owner(theme), Some("arbeidsmigranten"));
        let (_, _, zorgcoordinatie) =
            find("Gemeenten borgen de functie zorgcoördinatie mensenhandel");
        assert_eq!(
            zorgcoordinatie.timing.as_ref().unwrap().from,
            Some(date!(2022 - 01 - 01))
        );
    }

    #[test]
    fn a_bad_file_is_refused_naming_the_line_or_the_field() {
        let err = |text: &str| match parse(text) {
            Err(CliError::Input(m)) => m,
            other => panic!("expected an input error, got {other:?}"),
        };
        let head = "[programma]\nnaam = \"P\"\nvan = 2019\ntot_en_met = 2021\nopdrachtgever = \"B\"\n[[orgaan]]\nnaam = \"B\"\nsoort = \"bestuurscommissie\"\n";
        assert!(parse(head).is_ok());
        let unknown_key = err(&format!(
            "{head}[[actielijn]]\nnummer = 1\nnaam = \"L\"\nkleur = \"rood\"\n"
        ));
        assert!(
            unknown_key.starts_with("regel 12: ") && unknown_key.contains("kleur"),
            "{unknown_key}"
        );
        assert!(err(&head.replace("bestuurscommissie", "raad")).starts_with("orgaan[0].soort: "));
        assert!(
            err(&head.replace("tot_en_met = 2021", "tot_en_met = 2018"))
                .starts_with("programma.tot_en_met: ")
        );
        let unknown_group = format!(
            "{head}[[actielijn]]\nnummer = 1\nnaam = \"L\"\n[[actielijn.thema]]\nwat = \"W\"\nwerkgroep = \"spook\"\n"
        );
        assert!(err(&unknown_group).starts_with("actielijn[0].thema[0].werkgroep: "));
        let unknown_indicator = err(&format!(
            "{head}[[actielijn]]\nnummer = 1\nnaam = \"L\"\n[[actielijn.thema]]\nwat = \"W\"\n[[actielijn.thema.actie]]\nhoe = \"H\"\nindicatoren = [\"geluk\"]\n"
        ));
        assert!(
            unknown_indicator
                .starts_with("actielijn[0].thema[0].actie[0].indicatoren: Onbekende indicator"),
            "{unknown_indicator}"
        );
    }
}
