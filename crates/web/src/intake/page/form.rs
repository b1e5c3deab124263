//! The intake form (issue 3 items 1-3): its fields become a domain [`Intake`]. Registering it (the
//! known-before check, classification, joining an open casus) is the use case
//! [`schakel_app::register_intake`]; this module only parses the form.

use schakel_domain::FieldError;
use schakel_domain::case::CaseKind;
use schakel_domain::intake::{Betrokkene, Gender, Intake, MAX_BETROKKENEN, Melder};
use schakel_domain::{msg, msg_args};
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

/// How many betrokkene rows the form shows at first; "meer betrokkenen" adds rows.
pub const DEFAULT_ROWS: usize = 4;

/// The posted form as name/value pairs (names like `betrokkenen[2].naam`, as the domain names
/// fields in its errors).
pub struct Posted(pub Vec<(String, String)>);

impl Posted {
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .unwrap_or("")
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }

    /// The row indexes posted in field names like `betrokkenen[2].naam`.
    fn row_indexes(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().filter_map(|(k, _)| {
            k.strip_prefix("betrokkenen[")?
                .split(']')
                .next()?
                .parse::<usize>()
                .ok()
        })
    }

    /// The highest betrokkene row index present, plus one. Rows past the domain's limit are not
    /// counted ([`intake_from`] refuses them): a posted `betrokkenen[999999999]` must not make the
    /// form render or walk a billion rows.
    pub fn rows(&self) -> usize {
        self.row_indexes()
            .filter(|i| *i < MAX_BETROKKENEN)
            .max()
            .map_or(0, |m| m + 1)
    }
}

/// `datetime-local` input in Dutch local time; empty means now.
fn parse_received(value: &str, now: OffsetDateTime) -> Result<OffsetDateTime, FieldError> {
    if value.is_empty() {
        return Ok(now);
    }
    // A signed year (`-9999-01-01T00:00`) parses, but lies outside what converts to UTC: refused
    // here rather than panicking in the conversion.
    if value.starts_with(['+', '-']) {
        return Err(FieldError::new(
            "ontvangen_op",
            msg("intake-received-invalid"),
        ));
    }
    let local = PrimitiveDateTime::parse(
        value,
        format_description!("[year]-[month]-[day]T[hour]:[minute]"),
    )
    .map_err(|_| FieldError::new("ontvangen_op", msg("intake-received-invalid")))?;
    Ok(schakel_domain::calendar::from_dutch_local(local))
}

/// Builds the intake from the posted form, its kinds of violence in the list version the region
/// has in force. Rows without role and name are ignored, so the form can offer empty rows.
pub fn intake_from(
    p: &Posted,
    now: OffsetDateTime,
    violence_version: &str,
) -> Result<Intake, FieldError> {
    let case_kind = match p.get("soort") {
        "advies" => CaseKind::Advies,
        "melding" => CaseKind::Melding,
        _ => return Err(FieldError::new("soort", msg("intake-choose-kind"))),
    };
    if p.row_indexes().any(|i| i >= MAX_BETROKKENEN) {
        return Err(FieldError::new(
            "betrokkenen",
            msg_args(
                "error-intake-too-many-persons",
                [("max_betrokkenen", MAX_BETROKKENEN.to_string())],
            ),
        ));
    }
    let mut betrokkenen = Vec::new();
    for i in 0..p.rows() {
        let f = |name: &str| p.get(&format!("betrokkenen[{i}].{name}")).to_string();
        if f("rol").is_empty() && f("naam").is_empty() {
            continue;
        }
        let estimated_age = match f("geschatte_leeftijd").as_str() {
            "" => None,
            v => Some(v.parse::<u32>().map_err(|_| {
                FieldError::new(
                    format!("betrokkenen[{i}].geschatte_leeftijd"),
                    msg("intake-age-whole-years"),
                )
            })?),
        };
        let gender = match f("geslacht").as_str() {
            "man" => Gender::Man,
            "vrouw" => Gender::Vrouw,
            "anders" => Gender::Anders,
            "" | "onbekend" => Gender::Onbekend,
            _ => {
                return Err(FieldError::new(
                    format!("betrokkenen[{i}].geslacht"),
                    msg("intake-choose-from-list"),
                ));
            }
        };
        betrokkenen.push(Betrokkene {
            // The server links persons from the known-before check; a posted id counts for nothing.
            person_id: String::new(),
            role: f("rol"),
            name: Some(f("naam")).filter(|s| !s.is_empty()),
            birth_date: schakel_domain::validate::optional_date(
                &format!("betrokkenen[{i}].geboortedatum"),
                &f("geboortedatum"),
            )?,
            estimated_age,
            gender,
            bsn: Some(f("bsn")).filter(|s| !s.is_empty()),
            address: Some(f("adres")).filter(|s| !s.is_empty()),
            gemeente: f("gemeente"),
        });
    }
    Ok(Intake {
        case_kind,
        received_at: parse_received(p.get("ontvangen_op"), now)?,
        channel: p.get("kanaal").to_string(),
        melder: Melder {
            melder_type: p.get("melder.type").to_string(),
            name: Some(p.get("melder.naam").to_string()).filter(|s| !s.is_empty()),
            organisation: Some(p.get("melder.organisatie").to_string()).filter(|s| !s.is_empty()),
            org_id: Some(p.get("melder.organisatie_id").to_string()).filter(|s| !s.is_empty()),
            contact: Some(p.get("melder.contact").to_string()).filter(|s| !s.is_empty()),
            anonymous_to_family: !p.get("melder.anoniem_naar_gezin").is_empty(),
            has_role: !p.get("melder.rol_in_vervolg").is_empty(),
            informant_doctor: !p.get("melder.arts_informant").is_empty(),
        },
        betrokkenen,
        violence_version: violence_version.to_string(),
        violence: p.all("aard_geweld"),
        specific_groups: p.all("specifieke_groepen"),
        description: p.get("omschrijving").to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn posted(pairs: &[(&str, &str)]) -> Posted {
        Posted(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_received_moment_with_a_signed_year_is_refused_not_a_panic() {
        let now = datetime!(2026-11-29 12:00 UTC);
        for typed in ["-9999-01-01T00:00", "+2026-11-28T09:30"] {
            let p = posted(&[("soort", "melding"), ("ontvangen_op", typed)]);
            let e = intake_from(&p, now, "regio-2018").unwrap_err();
            assert_eq!(e.field, "ontvangen_op", "{typed}");
        }
    }

    #[test]
    fn a_row_index_past_the_limit_is_refused_and_not_counted() {
        let now = datetime!(2026-11-29 12:00 UTC);
        let p = posted(&[
            ("soort", "melding"),
            ("betrokkenen[0].rol", "kind_in_gezin"),
            ("betrokkenen[18446744073709551615].rol", "pleger"),
        ]);
        assert_eq!(p.rows(), 1);
        let e = intake_from(&p, now, "regio-2018").unwrap_err();
        assert_eq!(e.field, "betrokkenen");
    }
}
