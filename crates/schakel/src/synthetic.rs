//! The synthetic year of `schakel demo` (and the background population of `schakel bench`): the
//! options, how the region maps onto the generator's configuration, and generating only when the
//! database has no cases yet, so restarting the demo keeps what is there.
//!
//! The work itself comes from [`schakel_app::synthetic`]: fictional, deterministic from the seed,
//! calibrated to the region's 2018 figures, and made through the same use cases as real work.

use std::time::{Duration, Instant};

use schakel_app::synthetic::{self as app_synthetic, GEMEENTE_WEIGHTS, Period, SyntheticConfig};
use schakel_domain::access::Participation;
use schakel_domain::org::OrgKind;
use schakel_store::Store;
use schakel_store::orgs::Organisation;
use schakel_store::year_totals::{YearTotals, reference};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::args::in_range;
use crate::cli::DemoArgs;
use crate::demo::pick_organisation;
use crate::error::{CliError, CliResult};
use crate::region::Region;

pub const DEFAULT_SCALE: f64 = 1.0;
pub const MAX_SCALE: f64 = 100.0;
pub const DEFAULT_SEED: u64 = 2018;
pub const SCALE_ENV: &str = "SCHAKEL_DEMO_SCALE";
/// The setting in which the demo records the year it generated, for `schakel monitor totals`.
pub const SETTING: &str = "demo_synthetic";

/// What to generate: a calendar year, or (no year) the 365 days ending today.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct YearOptions {
    pub year: Option<i32>,
    pub scale: f64,
    pub seed: u64,
}

impl YearOptions {
    /// The period these options cover at `now`.
    pub fn period(&self, now: OffsetDateTime) -> Period {
        match self.year {
            Some(y) => Period::year(y),
            None => Period::ending(now),
        }
    }
}

/// What the demo recorded about the period it generated, for `schakel monitor totals`. A database
/// of an earlier version recorded only a calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RecordedPeriod {
    pub scale: f64,
    pub seed: u64,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub first_day: Option<Date>,
    #[serde(default)]
    pub days: Option<u32>,
}

impl RecordedPeriod {
    /// The first day and the day after the last.
    pub fn range(&self) -> Option<(Date, Date)> {
        match (self.first_day, self.days, self.year) {
            (Some(first), Some(days), _) => {
                Some((first, first + time::Duration::days(i64::from(days))))
            }
            (_, _, Some(y)) => {
                let p = Period::year(y);
                Some((p.first_day, p.end()))
            }
            _ => None,
        }
    }
}

impl YearOptions {
    /// Resolves the demo's options: `--scale` beats `SCHAKEL_DEMO_SCALE` beats 1; without `--year`
    /// the period is the 365 days ending today.
    pub fn resolve(args: &DemoArgs, env: &dyn Fn(&str) -> Option<String>) -> CliResult<Self> {
        let scale = match (&args.scale, env(SCALE_ENV)) {
            (Some(v), _) => in_range("scale", v, 0.0, MAX_SCALE, None)?,
            (None, Some(v)) => in_range("scale", &v, 0.0, MAX_SCALE, Some(SCALE_ENV))?,
            (None, None) => DEFAULT_SCALE,
        };
        let seed = match &args.seed {
            Some(v) => in_range("seed", v, 0, u64::MAX, None)?,
            None => DEFAULT_SEED,
        };
        let year = match &args.year {
            Some(v) => Some(parse_year("year", v)?),
            None => None,
        };
        Ok(Self { year, scale, seed })
    }
}

/// A year for synthetic cases or totals.
pub fn parse_year(field: &str, value: &str) -> CliResult<i32> {
    in_range(field, value, 2000, 2100, None)
}

/// The current year (UTC; a day's difference around new year does not matter here).
pub fn this_year() -> i32 {
    time::OffsetDateTime::now_utc().year()
}

/// The region's gemeenten, each with the lokaal team that serves it (the team serving the fewest
/// gemeenten, then by name), ordered as the generator's population weights list them (the 14
/// gemeenten of Noord- en Midden-Limburg) and then in the region's order. A gemeente without a
/// lokaal team is left out: the generator hands cases over to the team of the case's gemeente.
pub fn local_teams(gemeenten: &[String], orgs: &[Organisation]) -> Vec<(String, String)> {
    let mut ordered: Vec<&String> = GEMEENTE_WEIGHTS
        .iter()
        .filter_map(|(name, _)| gemeenten.iter().find(|g| g.as_str() == *name))
        .collect();
    for g in gemeenten {
        if !ordered.contains(&g) {
            ordered.push(g);
        }
    }
    ordered
        .into_iter()
        .filter_map(|g| {
            let team = orgs
                .iter()
                .filter(|o| o.kind == OrgKind::LokaalTeam && o.gemeenten.contains(g))
                .min_by_key(|o| (o.gemeenten.len(), o.name.clone()));
            if team.is_none() {
                tracing::warn!(gemeente = %g, "no lokaal team serves this gemeente; no synthetic cases there");
            }
            team.map(|t| (g.clone(), t.id.clone()))
        })
        .collect()
}

/// The generator's configuration for `region` as it is loaded in `store`, for the period the
/// options give at `now`.
pub async fn config_for(
    store: &Store,
    region: &Region,
    options: &YearOptions,
    now: OffsetDateTime,
) -> CliResult<SyntheticConfig> {
    let orgs = store.organisations().await?;
    let vt = pick_organisation(&orgs, OrgKind::VeiligThuis, &region.centrumgemeente)
        .ok_or_else(|| {
            CliError::failure(
                "de regio heeft geen organisatie van soort veilig_thuis; nodig voor synthetische casussen",
            )
        })?;
    let local_teams = local_teams(&region.gemeenten, &orgs);
    if local_teams.is_empty() {
        return Err(CliError::failure(
            "de regio heeft geen lokaal team; nodig voor synthetische casussen",
        ));
    }
    Ok(SyntheticConfig {
        period: options.period(now),
        scale: options.scale,
        seed: options.seed,
        vt_org_id: vt.id.clone(),
        local_teams,
    })
}

/// Whether any case exists. Every case has an accountable organisation among its participants
/// (the domain's invariant), so asking each organisation for one case finds any.
pub async fn has_cases(store: &Store) -> CliResult<bool> {
    for org in store.organisations().await? {
        if !store
            .cases_for_org(&org.id, &Participation::ALL, 1, 0)
            .await?
            .is_empty()
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// About how many cases a scale gives (adviezen plus meldingen of the reference, scaled).
pub fn expected_cases(scale: f64) -> u64 {
    let scaled = |n: u64| (n as f64 * scale).round() as u64;
    scaled(reference::ADVIEZEN) + scaled(reference::MELDINGEN)
}

/// A generated year.
#[derive(Debug, Clone)]
pub struct Generated {
    pub period: Period,
    pub totals: YearTotals,
    pub run: app_synthetic::RunReport,
    pub elapsed: Duration,
}

impl Generated {
    pub fn cases(&self) -> u64 {
        self.totals.adviezen + self.totals.meldingen
    }
}

/// Generates the year into `store` (whatever is there already) and times it.
pub async fn generate(
    store: &Store,
    region: &Region,
    options: &YearOptions,
) -> CliResult<Generated> {
    let config = config_for(store, region, options, OffsetDateTime::now_utc()).await?;
    let start = Instant::now();
    let g = app_synthetic::generate(store, &config)
        .await
        .map_err(|e| CliError::failure(format!("synthetische casussen: {e}")))?;
    Ok(Generated {
        period: config.period,
        totals: g.totals,
        run: g.run,
        elapsed: start.elapsed(),
    })
}

/// Generates the year and records the options in the database, for `schakel monitor totals`.
pub async fn generate_and_record(
    store: &Store,
    region: &Region,
    options: &YearOptions,
) -> CliResult<Generated> {
    let generated = generate(store, region, options).await?;
    let period = RecordedPeriod {
        scale: options.scale,
        seed: options.seed,
        year: options.year,
        first_day: Some(generated.period.first_day),
        days: Some(generated.period.days),
    };
    let recorded = serde_json::to_string(&period)
        .map_err(|e| CliError::failure(format!("instelling niet te schrijven: {e}")))?;
    store.set_setting(SETTING, &recorded).await?;
    Ok(generated)
}

/// What the demo recorded about its synthetic period, if anything.
pub async fn recorded(store: &Store) -> CliResult<Option<RecordedPeriod>> {
    Ok(store
        .setting(SETTING)
        .await?
        .and_then(|v| serde_json::from_str(&v).ok()))
}

/// Seconds with one decimal, for messages.
pub fn seconds(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn options_default_to_the_year_ending_today_at_scale_one() {
        let o = YearOptions::resolve(&DemoArgs::default(), &env_of(&[])).unwrap();
        assert_eq!(
            o,
            YearOptions {
                year: None,
                scale: 1.0,
                seed: DEFAULT_SEED
            }
        );
        let now = time::macros::datetime!(2026-11-29 09:00 UTC);
        assert_eq!(o.period(now).end(), time::macros::date!(2026 - 11 - 30));
        assert_eq!(o.period(now).until, now);
    }

    #[test]
    fn a_recorded_calendar_year_of_an_earlier_version_still_gives_its_range() {
        let old: RecordedPeriod =
            serde_json::from_str(r#"{"year":2025,"scale":0.5,"seed":7}"#).unwrap();
        assert_eq!(
            old.range(),
            Some((
                time::macros::date!(2025 - 01 - 01),
                time::macros::date!(2026 - 01 - 01)
            ))
        );
    }

    #[test]
    fn the_flag_beats_the_environment_and_bad_values_name_the_field() {
        let env = env_of(&[(SCALE_ENV, "0.25")]);
        let o = YearOptions::resolve(&DemoArgs::default(), &env).unwrap();
        assert_eq!(o.scale, 0.25);
        let args = DemoArgs {
            scale: Some("0".into()),
            seed: Some("7".into()),
            year: Some("2024".into()),
        };
        let o = YearOptions::resolve(&args, &env).unwrap();
        assert_eq!((o.scale, o.seed, o.year), (0.0, 7, Some(2024)));

        let bad_env = env_of(&[(SCALE_ENV, "101")]);
        let e = YearOptions::resolve(&DemoArgs::default(), &bad_env).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().starts_with("scale: "), "{e}");
        assert!(e.to_string().contains(SCALE_ENV), "{e}");
        for (args, field) in [
            (
                DemoArgs {
                    seed: Some("-1".into()),
                    ..DemoArgs::default()
                },
                "seed: ",
            ),
            (
                DemoArgs {
                    year: Some("1850".into()),
                    ..DemoArgs::default()
                },
                "year: ",
            ),
        ] {
            let e = YearOptions::resolve(&args, &env_of(&[])).unwrap_err();
            assert!(e.to_string().starts_with(field), "{e}");
        }
    }

    fn org(id: &str, kind: OrgKind, gemeenten: &[&str]) -> Organisation {
        Organisation {
            id: id.into(),
            name: id.into(),
            kind,
            gemeenten: gemeenten.iter().map(|g| g.to_string()).collect(),
            phone: None,
            email: None,
        }
    }

    #[test]
    fn local_teams_follow_the_weights_order_and_the_gemeente_served() {
        let gemeenten: Vec<String> = ["Venlo", "Beesel", "Nergenshuizen", "Zonderteam"]
            .iter()
            .map(|g| g.to_string())
            .collect();
        let orgs = vec![
            org(
                "regio",
                OrgKind::LokaalTeam,
                &["Venlo", "Beesel", "Nergenshuizen"],
            ),
            org("wt-venlo", OrgKind::LokaalTeam, &["Venlo"]),
            org("wt-beesel", OrgKind::LokaalTeam, &["Beesel"]),
            org("politie", OrgKind::Politie, &["Zonderteam"]),
        ];
        assert_eq!(
            local_teams(&gemeenten, &orgs),
            vec![
                // Beesel comes first in the weights list; own teams beat the regional one.
                ("Beesel".to_string(), "wt-beesel".to_string()),
                ("Venlo".to_string(), "wt-venlo".to_string()),
                ("Nergenshuizen".to_string(), "regio".to_string()),
            ]
        );
    }

    #[test]
    fn the_builtin_region_gives_every_gemeente_its_own_team_in_weights_order() {
        let region = Region::builtin().unwrap();
        let orgs: Vec<Organisation> = region
            .organisations
            .iter()
            .map(|o| Organisation {
                id: o.name.clone(),
                name: o.name.clone(),
                kind: o.kind,
                gemeenten: o.gemeenten.clone(),
                phone: None,
                email: None,
            })
            .collect();
        let teams = local_teams(&region.gemeenten, &orgs);
        let names: Vec<&str> = teams.iter().map(|(g, _)| g.as_str()).collect();
        let weights: Vec<&str> = GEMEENTE_WEIGHTS.iter().map(|(g, _)| *g).collect();
        assert_eq!(names, weights);
        for (g, team) in &teams {
            assert_eq!(team, &format!("Wijkteam {g}"));
        }
    }

    #[test]
    fn scale_one_is_about_the_reference_year() {
        assert_eq!(expected_cases(1.0), 1752 + 3634);
        assert_eq!(expected_cases(0.0), 0);
    }
}
