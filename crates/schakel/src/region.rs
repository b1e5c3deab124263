//! Region files and organisation imports.
//!
//! A region file (TOML, see `regions/noord-midden-limburg.toml` for the documented format) names the
//! region, its centrumgemeente, its gemeenten and the organisations of the chain. The same
//! `[[organisation]]` tables, or a CSV file with the header `name,kind,gemeenten`, can be imported
//! into a database. Every entry is checked before anything is written, and a wrong entry is reported
//! as `regel N: veld: wat er mis is`.
//!
//! The optional `[regels]` table sets the region's rules (holiday calendar, terms, code-list
//! versions; [`RegionRules`]). Missing keys keep the defaults. The rules are read at every start
//! of `serve`, `demo` and `bench`, not stored in the database.

use schakel_domain::{msg, msg_args};
use std::collections::HashMap;
use std::path::Path;

use schakel_domain::FieldError;
use schakel_domain::calendar::LiberationDayRule;
use schakel_domain::monitoring::{Interval, MonitoringMoment, MonitoringSchedule};
use schakel_domain::org::OrgKind;
use schakel_domain::rules::{RegionRules, keys};
use schakel_domain::validate::required_text;
use schakel_store::Store;
use schakel_store::orgs::Gemeente;
use serde::Deserialize;
use toml::Spanned;

use crate::config::line_of;
use crate::error::{CliError, CliResult};

/// The region that ships with Schakel: Noord- en Midden-Limburg.
pub const DEFAULT_REGION_TOML: &str = include_str!("../../../regions/noord-midden-limburg.toml");

/// Stands for "every gemeente of the region" in an organisation's list of gemeenten.
pub const ALL_GEMEENTEN: &str = "*";

const MAX_NAME_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub name: String,
    pub centrumgemeente: String,
    pub gemeenten: Vec<String>,
    pub organisations: Vec<OrgSpec>,
    /// The `[regels]` table, defaults for what it leaves out.
    pub rules: RegionRules,
}

/// One checked organisation, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgSpec {
    pub name: String,
    pub kind: OrgKind,
    pub gemeenten: Vec<String>,
}

/// A bad entry in a file: the line, the field and what is wrong.
fn at_line(line: usize, e: FieldError) -> CliError {
    CliError::Input(format!("regel {line}: {}: {}", e.field, e.message))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    region: Option<RawRegion>,
    #[serde(default)]
    organisation: Vec<RawOrg>,
    regels: Option<RawRules>,
}

/// The `[regels]` table as written. Values stay untyped here so that a wrong type is reported with
/// the key's name and line rather than as a bare type error.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    goede_vrijdag: Option<Spanned<toml::Value>>,
    bevrijdingsdag: Option<Spanned<toml::Value>>,
    extra_sluitingsdagen: Option<Spanned<toml::Value>>,
    beoordeling_werkdagen: Option<Spanned<toml::Value>>,
    acuut_uren: Option<Spanned<toml::Value>>,
    onderzoek_weken: Option<Spanned<toml::Value>>,
    terugkoppeling_werkdagen: Option<Spanned<toml::Value>>,
    overdracht_antwoord_werkdagen: Option<Spanned<toml::Value>>,
    overdracht_nieuwe_ontvanger_werkdagen: Option<Spanned<toml::Value>>,
    monitoring_momenten: Option<Spanned<toml::Value>>,
    codelijst_aard_geweld: Option<Spanned<toml::Value>>,
    noodtoegang_organisaties: Option<Spanned<toml::Value>>,
    noodtoegang_per_dag: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegion {
    name: Spanned<String>,
    centrumgemeente: Spanned<String>,
    gemeenten: Spanned<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrg {
    name: Spanned<String>,
    kind: Spanned<String>,
    gemeenten: Spanned<Vec<String>>,
}

fn parse_toml(text: &str) -> CliResult<RawFile> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        CliError::Input(format!("regel {line}: {}", e.message().trim()))
    })
}

fn kinds_hint() -> String {
    OrgKind::ALL
        .iter()
        .map(|k| k.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks one organisation entry against the gemeenten it may name. `*` stands for all of them.
pub fn check_org(
    name: &str,
    kind: &str,
    gemeenten: &[String],
    known: &[String],
) -> Result<OrgSpec, FieldError> {
    let name = required_text("name", name, MAX_NAME_CHARS)?;
    let kind = OrgKind::parse("kind", kind.trim()).map_err(|e| {
        FieldError::new(
            "kind",
            msg_args(
                "error-choose-from",
                [
                    ("problem", e.message.to_string()),
                    ("choices", kinds_hint()),
                ],
            ),
        )
    })?;
    let mut list: Vec<String> = Vec::new();
    for g in gemeenten.iter().map(|g| g.trim()).filter(|g| !g.is_empty()) {
        if g == ALL_GEMEENTEN {
            for k in known {
                if !list.contains(k) {
                    list.push(k.clone());
                }
            }
        } else if known.iter().any(|k| k == g) {
            if !list.iter().any(|l| l == g) {
                list.push(g.to_string());
            }
        } else {
            return Err(FieldError::new(
                "gemeenten",
                msg_args("error-region-gemeente-unknown", [("g", g.to_string())]),
            ));
        }
    }
    if list.is_empty() {
        return Err(FieldError::new(
            "gemeenten",
            msg("error-region-gemeente-required"),
        ));
    }
    Ok(OrgSpec {
        name,
        kind,
        gemeenten: list,
    })
}

/// Refuses the second entry with a name already used earlier in the same file.
fn check_unique(seen: &mut HashMap<String, usize>, spec: &OrgSpec, line: usize) -> CliResult<()> {
    if let Some(first) = seen.insert(spec.name.clone(), line) {
        return Err(at_line(
            line,
            FieldError::new(
                "name",
                msg_args(
                    "error-region-duplicate-line",
                    [
                        ("name", spec.name.to_string()),
                        ("first", first.to_string()),
                    ],
                ),
            ),
        ));
    }
    Ok(())
}

fn check_region(raw: &RawRegion, text: &str) -> CliResult<(String, String, Vec<String>)> {
    let line = |span: std::ops::Range<usize>| line_of(text, span.start);
    let name = required_text("name", raw.name.get_ref(), MAX_NAME_CHARS)
        .map_err(|e| at_line(line(raw.name.span()), e))?;
    let mut gemeenten: Vec<String> = Vec::new();
    for g in raw.gemeenten.get_ref() {
        let g = required_text("gemeenten", g, MAX_NAME_CHARS)
            .map_err(|e| at_line(line(raw.gemeenten.span()), e))?;
        if g == ALL_GEMEENTEN || gemeenten.contains(&g) {
            return Err(at_line(
                line(raw.gemeenten.span()),
                FieldError::new(
                    "gemeenten",
                    msg_args("error-region-gemeente-not-new", [("g", g.to_string())]),
                ),
            ));
        }
        gemeenten.push(g);
    }
    if gemeenten.is_empty() {
        return Err(at_line(
            line(raw.gemeenten.span()),
            FieldError::new("gemeenten", msg("error-region-needs-gemeente")),
        ));
    }
    let centrum = raw.centrumgemeente.get_ref().trim().to_string();
    if !gemeenten.contains(&centrum) {
        return Err(at_line(
            line(raw.centrumgemeente.span()),
            FieldError::new(
                "centrumgemeente",
                msg_args(
                    "error-region-centre-not-in-region",
                    [("centrum", centrum.to_string())],
                ),
            ),
        ));
    }
    Ok((name, centrum, gemeenten))
}

fn check_orgs(raw: &[RawOrg], text: &str, known: &[String]) -> CliResult<Vec<OrgSpec>> {
    let mut seen = HashMap::new();
    let mut out = Vec::with_capacity(raw.len());
    for o in raw {
        let line = line_of(text, o.name.span().start);
        let spec = check_org(
            o.name.get_ref(),
            o.kind.get_ref(),
            o.gemeenten.get_ref(),
            known,
        )
        .map_err(|e| {
            // Point at the line of the field that is wrong.
            let l = match e.field.as_str() {
                "kind" => line_of(text, o.kind.span().start),
                "gemeenten" => line_of(text, o.gemeenten.span().start),
                _ => line,
            };
            at_line(l, e)
        })?;
        check_unique(&mut seen, &spec, line)?;
        out.push(spec);
    }
    Ok(out)
}

fn want_bool(key: &str, v: &toml::Value) -> Result<bool, FieldError> {
    v.as_bool().ok_or_else(|| {
        FieldError::new(
            key,
            msg_args("error-config-expected-bool", [("v", v.to_string())]),
        )
    })
}

fn want_str<'a>(key: &str, v: &'a toml::Value) -> Result<&'a str, FieldError> {
    v.as_str().ok_or_else(|| {
        FieldError::new(
            key,
            msg_args("error-config-expected-string", [("v", v.to_string())]),
        )
    })
}

fn want_count(key: &str, v: &toml::Value) -> Result<u32, FieldError> {
    v.as_integer()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| {
            FieldError::new(
                key,
                msg_args("error-config-expected-integer", [("v", v.to_string())]),
            )
        })
}

fn want_list<'a>(key: &str, v: &'a toml::Value) -> Result<&'a [toml::Value], FieldError> {
    v.as_array().map(Vec::as_slice).ok_or_else(|| {
        FieldError::new(
            key,
            msg_args("error-config-expected-list", [("v", v.to_string())]),
        )
    })
}

/// A closed day as a TOML date (`2026-02-16`) or as text (`"2026-02-16"`).
fn want_date(key: &str, v: &toml::Value) -> Result<time::Date, FieldError> {
    let wrong = || {
        FieldError::new(
            key,
            msg_args("error-config-expected-date", [("v", v.to_string())]),
        )
    };
    match v {
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let d = dt.date.ok_or_else(wrong)?;
            let month = time::Month::try_from(d.month).map_err(|_| wrong())?;
            time::Date::from_calendar_date(i32::from(d.year), month, d.day).map_err(|_| wrong())
        }
        toml::Value::String(text) => time::Date::parse(
            text.trim(),
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .map_err(|_| wrong()),
        _ => Err(wrong()),
    }
}

/// Checks the `[regels]` table into [`RegionRules`]: defaults for missing keys, then the domain's
/// bounds. An error names the line and the key.
fn check_rules(raw: &RawRules, text: &str) -> CliResult<RegionRules> {
    let written = [
        (keys::GOEDE_VRIJDAG, &raw.goede_vrijdag),
        (keys::BEVRIJDINGSDAG, &raw.bevrijdingsdag),
        (keys::EXTRA_SLUITINGSDAGEN, &raw.extra_sluitingsdagen),
        (keys::BEOORDELING_WERKDAGEN, &raw.beoordeling_werkdagen),
        (keys::ACUUT_UREN, &raw.acuut_uren),
        (keys::ONDERZOEK_WEKEN, &raw.onderzoek_weken),
        (
            keys::TERUGKOPPELING_WERKDAGEN,
            &raw.terugkoppeling_werkdagen,
        ),
        (
            keys::OVERDRACHT_ANTWOORD_WERKDAGEN,
            &raw.overdracht_antwoord_werkdagen,
        ),
        (
            keys::OVERDRACHT_NIEUWE_ONTVANGER_WERKDAGEN,
            &raw.overdracht_nieuwe_ontvanger_werkdagen,
        ),
        (keys::MONITORING_MOMENTEN, &raw.monitoring_momenten),
        (keys::CODELIJST_AARD_GEWELD, &raw.codelijst_aard_geweld),
        (
            keys::NOODTOEGANG_ORGANISATIES,
            &raw.noodtoegang_organisaties,
        ),
        (keys::NOODTOEGANG_PER_DAG, &raw.noodtoegang_per_dag),
    ];
    let fields: Vec<(&str, &toml::Value, usize)> = written
        .iter()
        .filter_map(|(key, v)| {
            v.as_ref()
                .map(|v| (*key, v.get_ref(), line_of(text, v.span().start)))
        })
        .collect();
    let lines: HashMap<&str, usize> = fields.iter().map(|(k, _, l)| (*k, *l)).collect();
    let mut rules = RegionRules::default();
    for (key, v, line) in fields {
        let cal = &mut rules.calendar;
        let terms = &mut rules.terms;
        let set = match key {
            keys::GOEDE_VRIJDAG => want_bool(key, v).map(|b| cal.good_friday = b),
            keys::BEVRIJDINGSDAG => want_str(key, v)
                .and_then(|c| LiberationDayRule::parse(key, c))
                .map(|r| cal.liberation_day = r),
            keys::EXTRA_SLUITINGSDAGEN => want_list(key, v)
                .and_then(|l| l.iter().map(|d| want_date(key, d)).collect())
                .map(|days| cal.extra_closed_days = days),
            keys::BEOORDELING_WERKDAGEN => {
                want_count(key, v).map(|n| terms.assessment_working_days = n)
            }
            keys::ACUUT_UREN => want_count(key, v).map(|n| terms.acute_hours = n),
            keys::ONDERZOEK_WEKEN => want_count(key, v).map(|n| terms.onderzoek_weeks = n),
            keys::TERUGKOPPELING_WERKDAGEN => {
                want_count(key, v).map(|n| terms.feedback_working_days = n)
            }
            keys::OVERDRACHT_ANTWOORD_WERKDAGEN => {
                want_count(key, v).map(|n| terms.handover_accept_working_days = n)
            }
            keys::OVERDRACHT_NIEUWE_ONTVANGER_WERKDAGEN => {
                want_count(key, v).map(|n| terms.handover_reoffer_working_days = n)
            }
            keys::MONITORING_MOMENTEN => want_list(key, v)
                .and_then(|l| {
                    l.iter()
                        .enumerate()
                        .map(|(i, m)| {
                            let f = format!("{key}[{i}]");
                            want_str(&f, m)
                                .and_then(|t| Interval::parse(&f, t))
                                .map(MonitoringMoment::after)
                        })
                        .collect()
                })
                .map(|moments| terms.monitoring = MonitoringSchedule { moments }),
            keys::CODELIJST_AARD_GEWELD => {
                want_str(key, v).map(|c| rules.codes.aard_geweld = c.trim().to_string())
            }
            keys::NOODTOEGANG_ORGANISATIES => want_list(key, v)
                .and_then(|l| {
                    l.iter()
                        .enumerate()
                        .map(|(i, k)| {
                            let f = format!("{key}[{i}]");
                            want_str(&f, k).and_then(|c| OrgKind::parse(&f, c.trim()))
                        })
                        .collect()
                })
                .map(|kinds| rules.break_glass.org_kinds = kinds),
            keys::NOODTOEGANG_PER_DAG => want_count(key, v).map(|n| rules.break_glass.per_day = n),
            _ => Ok(()),
        };
        set.map_err(|e| at_line(line, e))?;
    }
    rules.validate().map_err(|e| {
        // `monitoring_momenten[2]` is on the line of `monitoring_momenten`.
        let key = e.field.split('[').next().unwrap_or_default();
        at_line(lines.get(key).copied().unwrap_or(1), e)
    })?;
    Ok(rules)
}

fn check_optional_rules(raw: &RawFile, text: &str) -> CliResult<RegionRules> {
    raw.regels
        .as_ref()
        .map_or_else(|| Ok(RegionRules::default()), |r| check_rules(r, text))
}

impl Region {
    /// Parses and checks a region file. Nothing is written.
    pub fn parse(text: &str) -> CliResult<Self> {
        let raw = parse_toml(text)?;
        let Some(region) = &raw.region else {
            return Err(CliError::Input(
                "regel 1: region: de tabel [region] ontbreekt".into(),
            ));
        };
        let (name, centrumgemeente, gemeenten) = check_region(region, text)?;
        let organisations = check_orgs(&raw.organisation, text, &gemeenten)?;
        let rules = check_optional_rules(&raw, text)?;
        Ok(Region {
            name,
            centrumgemeente,
            gemeenten,
            organisations,
            rules,
        })
    }

    /// The built-in region (Noord- en Midden-Limburg).
    pub fn builtin() -> CliResult<Self> {
        Self::parse(DEFAULT_REGION_TOML)
            .map_err(|e| CliError::failure(format!("ingebouwd regiobestand: {e}")))
    }

    /// The region file at `path`, or the built-in one. Errors name the file.
    pub fn load(path: Option<&Path>) -> CliResult<Self> {
        let Some(path) = path else {
            return Self::builtin();
        };
        let text = std::fs::read_to_string(path).map_err(|e| {
            CliError::input("region", format!("{} niet te lezen: {e}", path.display()))
        })?;
        Self::parse(&text).map_err(|e| {
            let (CliError::Input(m) | CliError::Failure(m)) = e;
            CliError::Input(format!("{}: {m}", path.display()))
        })
    }

    /// Writes the region's gemeenten and organisations (upserts by name: loading again changes
    /// nothing) and records the region's name in the settings.
    pub async fn apply(&self, store: &Store) -> CliResult<()> {
        for g in &self.gemeenten {
            store
                .upsert_gemeente(&Gemeente {
                    name: g.clone(),
                    region: self.name.clone(),
                    centrumgemeente: *g == self.centrumgemeente,
                })
                .await?;
        }
        write_organisations(store, &self.organisations).await?;
        store.set_setting("region", &self.name).await?;
        tracing::info!(
            region = %self.name,
            gemeenten = self.gemeenten.len(),
            organisations = self.organisations.len(),
            "region loaded"
        );
        Ok(())
    }
}

/// Loads the region into a database that has no gemeenten yet; does nothing otherwise.
pub async fn ensure_region(store: &Store, path: Option<&Path>) -> CliResult<()> {
    if store.gemeenten().await?.is_empty() {
        Region::load(path)?.apply(store).await?;
    }
    Ok(())
}

/// [`ensure_region`] with a region already read (its rules are needed at every start anyway).
pub async fn ensure_applied(store: &Store, region: &Region) -> CliResult<()> {
    if store.gemeenten().await?.is_empty() {
        region.apply(store).await?;
    }
    Ok(())
}

pub async fn write_organisations(store: &Store, orgs: &[OrgSpec]) -> CliResult<()> {
    for o in orgs {
        store
            .upsert_organisation(&o.name, o.kind, &o.gemeenten)
            .await?;
    }
    Ok(())
}

/// What an import file holds once checked: optionally a region (its gemeenten are written first),
/// and the organisations.
#[derive(Debug)]
pub struct Import {
    pub region: Option<Region>,
    pub organisations: Vec<OrgSpec>,
}

/// Parses and checks an import file against the gemeenten already in the database (`known`).
/// `.toml` takes `[[organisation]]` tables, optionally with `[region]`; `.csv` takes the header
/// `name,kind,gemeenten` with gemeenten separated by `;`.
pub fn parse_import(path: &Path, text: &str, known: &[String]) -> CliResult<Import> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "toml" => parse_import_toml(text, known),
        "csv" => Ok(Import {
            region: None,
            organisations: parse_import_csv(text, known)?,
        }),
        _ => Err(CliError::input(
            "bestand",
            format!(
                "{} moet eindigen op .toml of .csv",
                path.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            ),
        )),
    }
}

fn parse_import_toml(text: &str, known: &[String]) -> CliResult<Import> {
    let raw = parse_toml(text)?;
    match &raw.region {
        Some(r) => {
            let (name, centrumgemeente, gemeenten) = check_region(r, text)?;
            let organisations = check_orgs(&raw.organisation, text, &gemeenten)?;
            Ok(Import {
                region: Some(Region {
                    name,
                    centrumgemeente,
                    gemeenten,
                    organisations: organisations.clone(),
                    // Checked so a broken table is found early; an import writes no rules.
                    rules: check_optional_rules(&raw, text)?,
                }),
                organisations,
            })
        }
        None => Ok(Import {
            region: None,
            organisations: check_orgs(&raw.organisation, text, known)?,
        }),
    }
}

fn parse_import_csv(text: &str, known: &[String]) -> CliResult<Vec<OrgSpec>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let csv_error = |e: csv::Error| {
        let line = e.position().map_or(1, |p| p.line());
        let message = match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => format!("verwacht {expected_len} kolommen, gevonden {len}"),
            csv::ErrorKind::Utf8 { .. } => "geen geldige UTF-8-tekst".to_string(),
            _ => e.to_string(),
        };
        CliError::Input(format!("regel {line}: {message}"))
    };
    let headers = reader.headers().map_err(csv_error)?.clone();
    let names: Vec<String> = headers.iter().map(|h| h.to_ascii_lowercase()).collect();
    if names != ["name", "kind", "gemeenten"] {
        return Err(CliError::Input(
            "regel 1: kop: de eerste regel moet zijn: name,kind,gemeenten".into(),
        ));
    }
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let line = record
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        let field = |i: usize| record.get(i).unwrap_or("");
        let gemeenten: Vec<String> = field(2).split(';').map(str::to_string).collect();
        let spec =
            check_org(field(0), field(1), &gemeenten, known).map_err(|e| at_line(line, e))?;
        check_unique(&mut seen, &spec, line)?;
        out.push(spec);
    }
    if out.is_empty() {
        return Err(CliError::Input(
            "regel 2: name: het bestand bevat geen organisaties".into(),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        vec!["Venlo".into(), "Venray".into(), "Weert".into()]
    }

    #[test]
    fn the_builtin_region_is_noord_en_midden_limburg() {
        let r = Region::builtin().unwrap();
        assert_eq!(r.name, "Noord- en Midden-Limburg");
        assert_eq!(r.centrumgemeente, "Venlo");
        assert_eq!(r.gemeenten.len(), 14);
        for g in [
            "Beesel",
            "Bergen (L.)",
            "Echt-Susteren",
            "Gennep",
            "Horst aan de Maas",
            "Leudal",
            "Maasgouw",
            "Nederweert",
            "Peel en Maas",
            "Roerdalen",
            "Roermond",
            "Venlo",
            "Venray",
            "Weert",
        ] {
            assert!(r.gemeenten.iter().any(|x| x == g), "{g}");
            // every gemeente has its own lokaal team
            assert!(
                r.organisations
                    .iter()
                    .any(|o| o.kind == OrgKind::LokaalTeam && o.gemeenten == [g.to_string()]),
                "lokaal team {g}"
            );
        }
        let vt = r
            .organisations
            .iter()
            .find(|o| o.kind == OrgKind::VeiligThuis)
            .unwrap();
        assert_eq!(vt.name, "Veilig Thuis Noord- en Midden-Limburg");
        assert_eq!(vt.gemeenten.len(), 14);
        for kind in OrgKind::ALL {
            assert!(
                r.organisations.iter().any(|o| o.kind == kind),
                "no organisation of kind {}",
                kind.code()
            );
        }
    }

    const SMALL: &str = "[region]\nname = \"X\"\ncentrumgemeente = \"A\"\ngemeenten = [\"A\"]\n";

    #[test]
    fn the_builtin_region_writes_out_the_default_rules() {
        assert_eq!(Region::builtin().unwrap().rules, RegionRules::default());
        assert_eq!(Region::parse(SMALL).unwrap().rules, RegionRules::default());
    }

    /// Issue 8 finding 6: who may break the glass, and how often, is the region's to set.
    #[test]
    fn the_region_file_sets_who_may_break_the_glass_and_how_often() {
        let text = format!(
            "{SMALL}[regels]\nnoodtoegang_organisaties = [\"veilig_thuis\", \"zorg\"]\nnoodtoegang_per_dag = 1\n"
        );
        let r = Region::parse(&text).unwrap().rules.break_glass;
        assert_eq!(r.org_kinds, [OrgKind::VeiligThuis, OrgKind::Zorg]);
        assert_eq!(r.per_day, 1);
        let bad = format!("{SMALL}[regels]\nnoodtoegang_organisaties = [\"school\"]\n");
        let err = Region::parse(&bad).unwrap_err().to_string();
        assert!(err.contains("noodtoegang_organisaties"), "{err}");
        let bad = format!("{SMALL}[regels]\nnoodtoegang_organisaties = [\"bakkerij\"]\n");
        let err = Region::parse(&bad).unwrap_err().to_string();
        assert!(err.contains("noodtoegang_organisaties[0]"), "{err}");
    }

    #[test]
    fn the_rules_table_maps_every_key_and_keeps_defaults_for_the_rest() {
        let text = format!(
            "{SMALL}[regels]\ngoede_vrijdag = true\nbevrijdingsdag = \"elk_jaar\"\n\
             extra_sluitingsdagen = [2027-02-08, \"2027-02-09\"]\nbeoordeling_werkdagen = 4\n\
             acuut_uren = 12\nonderzoek_weken = 8\nterugkoppeling_werkdagen = 3\n\
             overdracht_antwoord_werkdagen = 10\nmonitoring_momenten = [\"1 maand\", \"3 maanden\", \"12 maanden\"]\n\
             codelijst_aard_geweld = \"cbs-2019\"\n"
        );
        let r = Region::parse(&text).unwrap().rules;
        assert!(r.calendar.good_friday);
        assert_eq!(r.calendar.liberation_day, LiberationDayRule::EveryYear);
        assert_eq!(
            r.calendar.extra_closed_days,
            [
                time::macros::date!(2027 - 02 - 08),
                time::macros::date!(2027 - 02 - 09)
            ]
        );
        assert_eq!(r.terms.assessment_working_days, 4);
        assert_eq!(r.terms.acute_hours, 12);
        assert_eq!(r.terms.onderzoek_weeks, 8);
        assert_eq!(r.terms.feedback_working_days, 3);
        assert_eq!(r.terms.handover_accept_working_days, 10);
        let moments: Vec<(&str, Interval)> = r
            .terms
            .monitoring
            .moments
            .iter()
            .map(|m| (m.code.as_str(), m.after))
            .collect();
        assert_eq!(
            moments,
            [
                ("1_maand", Interval::Months(1)),
                ("3_maanden", Interval::Months(3)),
                ("12_maanden", Interval::Months(12))
            ]
        );
        assert_eq!(r.codes.aard_geweld, "cbs-2019");
        assert_eq!(r.break_glass, Default::default());

        let only = Region::parse(&format!("{SMALL}[regels]\ngoede_vrijdag = true\n"))
            .unwrap()
            .rules;
        assert_eq!(
            only,
            RegionRules {
                calendar: schakel_domain::calendar::HolidayCalendar {
                    good_friday: true,
                    ..Default::default()
                },
                ..RegionRules::default()
            }
        );
    }

    #[test]
    fn a_bad_rule_exits_2_naming_line_and_key() {
        // [regels] starts on line 5; the key is on line 6.
        for (rule, expected) in [
            (
                "goede_vrijdag = \"ja\"",
                "regel 6: goede_vrijdag: schrijf true of false",
            ),
            (
                "bevrijdingsdag = \"soms\"",
                "regel 6: bevrijdingsdag: onbekende waarde 'soms'",
            ),
            (
                "beoordeling_werkdagen = 6",
                "regel 6: beoordeling_werkdagen: moet tussen 1 en 5",
            ),
            (
                "acuut_uren = -1",
                "regel 6: acuut_uren: schrijf een heel getal",
            ),
            (
                "extra_sluitingsdagen = [\"8 feb\"]",
                "regel 6: extra_sluitingsdagen: ",
            ),
            (
                "monitoring_momenten = [\"6 weken\", \"6 dagen\"]",
                "regel 6: monitoring_momenten[1]: '6 dagen' is geen termijn",
            ),
            (
                "monitoring_momenten = [\"3 maanden\", \"6 weken\"]",
                "regel 6: monitoring_momenten[1]: moet later vallen",
            ),
            (
                "codelijst_aard_geweld = \"regio-2030\"",
                "regel 6: codelijst_aard_geweld: onbekende codelijst",
            ),
        ] {
            let err = Region::parse(&format!("{SMALL}[regels]\n{rule}\n")).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{rule}");
            assert!(err.to_string().starts_with(expected), "{rule}: {err}");
            assert!(!err.to_string().contains('\n'), "one line: {err}");
        }
        let err = Region::parse(&format!("{SMALL}[regels]\ngoede_vrijdg = true\n")).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().starts_with("regel 6: "), "{err}");
        assert!(err.to_string().contains("goede_vrijdg"), "{err}");
    }

    #[test]
    fn region_errors_name_line_and_field() {
        let text = "[region]\nname = \"X\"\ncentrumgemeente = \"A\"\ngemeenten = [\"A\"]\n\n[[organisation]]\nname = \"Org\"\nkind = \"bakkerij\"\ngemeenten = [\"A\"]\n";
        let err = Region::parse(text).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(
            err.to_string()
                .starts_with("regel 8: kind: onbekende soort organisatie 'bakkerij'"),
            "{err}"
        );

        let text = "[region]\nname = \"X\"\ncentrumgemeente = \"B\"\ngemeenten = [\"A\"]\n";
        let err = Region::parse(text).unwrap_err();
        assert!(
            err.to_string().starts_with("regel 3: centrumgemeente:"),
            "{err}"
        );

        let err = Region::parse("[region\n").unwrap_err();
        assert!(err.to_string().starts_with("regel 1: "), "{err}");
    }

    #[test]
    fn star_means_every_gemeente_and_duplicates_are_refused() {
        let spec = check_org("Org", "ggd", &["*".into()], &known()).unwrap();
        assert_eq!(spec.gemeenten, known());
        let text = "[[organisation]]\nname = \"A\"\nkind = \"ggd\"\ngemeenten = [\"Venlo\"]\n[[organisation]]\nname = \"A\"\nkind = \"ggd\"\ngemeenten = [\"Venlo\"]\n";
        let err = parse_import(Path::new("x.toml"), text, &known()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("regel 6: name: 'A' staat ook al op regel 2"),
            "{err}"
        );
    }

    #[test]
    fn csv_rows_are_checked_with_their_line_number() {
        let good = "name,kind,gemeenten\nSchool A,school,Venlo;Venray\nGGD,ggd,*\n";
        let orgs = parse_import_csv(good, &known()).unwrap();
        assert_eq!(orgs.len(), 2);
        assert_eq!(orgs[0].gemeenten, ["Venlo", "Venray"]);
        assert_eq!(orgs[1].gemeenten.len(), 3);

        let bad = "name,kind,gemeenten\nSchool A,school,Venlo\nSchool B,school,Maastricht\n";
        let err = parse_import_csv(bad, &known()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "regel 3: gemeenten: onbekende gemeente 'Maastricht' (niet in de regio)"
        );

        let err = parse_import_csv("name,kind,gemeenten\nA,school\n", &known()).unwrap_err();
        assert!(err.to_string().starts_with("regel 2: "), "{err}");

        let err = parse_import_csv("naam,soort\nA,school\n", &known()).unwrap_err();
        assert!(err.to_string().starts_with("regel 1: kop:"), "{err}");

        let err = parse_import_csv("name,kind,gemeenten\n,school,Venlo\n", &known()).unwrap_err();
        assert_eq!(err.to_string(), "regel 2: name: is verplicht");
    }
}
