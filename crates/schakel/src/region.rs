//! Region files and organisation imports.
//!
//! A region file (TOML, see `regions/noord-midden-limburg.toml` for the documented format) names the
//! region, its centrumgemeente, its gemeenten and the organisations of the chain. The same
//! `[[organisation]]` tables, or a CSV file with the header `name,kind,gemeenten`, can be imported
//! into a database. Every entry is checked before anything is written, and a wrong entry is reported
//! as `regel N: veld: wat er mis is`.

use std::collections::HashMap;
use std::path::Path;

use schakel_domain::FieldError;
use schakel_domain::org::OrgKind;
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
            format!("{} (kies uit: {})", e.message, kinds_hint()),
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
                format!("onbekende gemeente '{g}' (niet in de regio)"),
            ));
        }
    }
    if list.is_empty() {
        return Err(FieldError::new(
            "gemeenten",
            "noem minstens één gemeente, of * voor alle gemeenten van de regio",
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
                format!("'{}' staat ook al op regel {first}", spec.name),
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
                FieldError::new("gemeenten", format!("'{g}' is geen nieuwe gemeente")),
            ));
        }
        gemeenten.push(g);
    }
    if gemeenten.is_empty() {
        return Err(at_line(
            line(raw.gemeenten.span()),
            FieldError::new("gemeenten", "een regio heeft minstens één gemeente"),
        ));
    }
    let centrum = raw.centrumgemeente.get_ref().trim().to_string();
    if !gemeenten.contains(&centrum) {
        return Err(at_line(
            line(raw.centrumgemeente.span()),
            FieldError::new(
                "centrumgemeente",
                format!("'{centrum}' staat niet in de gemeenten van de regio"),
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
        Ok(Region {
            name,
            centrumgemeente,
            gemeenten,
            organisations,
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
