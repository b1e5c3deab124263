//! The intake form (issue 3 items 1-3): its fields become a domain [`Intake`]. Registering it (the
//! known-before check, classification, joining an open casus) is the use case
//! [`schakel_app::register_intake`]; this module only parses the form.

use schakel_domain::FieldError;
use schakel_domain::case::CaseKind;
use schakel_domain::intake::{Betrokkene, Gender, Intake, MAX_BETROKKENEN, Melder};
use schakel_domain::{msg, msg_args};
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

use crate::i18n::{t, t_args};

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
/// has in force. Rows without role and name are ignored, so the form can offer empty rows. Input
/// that does not even parse (a date, a whole number) is returned as errors beside the intake, which
/// then holds a stand-in for it, so the domain can still check all other fields (issue 7).
pub fn intake_from(
    p: &Posted,
    now: OffsetDateTime,
    violence_version: &str,
) -> (Intake, Vec<FieldError>) {
    let mut errors = Vec::new();
    let case_kind = match p.get("soort") {
        "advies" => CaseKind::Advies,
        "melding" => CaseKind::Melding,
        _ => {
            errors.push(FieldError::new("soort", msg("intake-choose-kind")));
            CaseKind::Melding
        }
    };
    // Rows past the limit are never walked (`Posted::rows`); that they were sent is an error.
    if p.row_indexes().any(|i| i >= MAX_BETROKKENEN) {
        errors.push(FieldError::new(
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
            v => v.parse::<u32>().map_or_else(
                |_| {
                    errors.push(FieldError::new(
                        format!("betrokkenen[{i}].geschatte_leeftijd"),
                        msg("intake-age-whole-years"),
                    ));
                    None
                },
                Some,
            ),
        };
        let gender = match f("geslacht").as_str() {
            "man" => Gender::Man,
            "vrouw" => Gender::Vrouw,
            "anders" => Gender::Anders,
            "" | "onbekend" => Gender::Onbekend,
            _ => {
                errors.push(FieldError::new(
                    format!("betrokkenen[{i}].geslacht"),
                    msg("intake-choose-from-list"),
                ));
                Gender::Onbekend
            }
        };
        let birth_date = schakel_domain::validate::optional_date(
            &format!("betrokkenen[{i}].geboortedatum"),
            &f("geboortedatum"),
        )
        .unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        betrokkenen.push(Betrokkene {
            // The server links persons from the known-before check; a posted id counts for nothing.
            person_id: String::new(),
            role: f("rol"),
            name: Some(f("naam")).filter(|s| !s.is_empty()),
            birth_date,
            estimated_age,
            gender,
            bsn: Some(f("bsn")).filter(|s| !s.is_empty()),
            address: Some(f("adres")).filter(|s| !s.is_empty()),
            gemeente: f("gemeente"),
        });
    }
    let received_at = parse_received(p.get("ontvangen_op"), now).unwrap_or_else(|e| {
        errors.push(e);
        now
    });
    let intake = Intake {
        case_kind,
        received_at,
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
    };
    (intake, errors)
}

/// The fields of a betrokkene row in form order, with their element id suffix and label key.
const ROW_FIELDS: [(&str, &str, &str); 9] = [
    ("rol", "rol", "word-role"),
    ("naam", "naam", "word-name"),
    ("persoon_id", "naam", "word-name"),
    ("geboortedatum", "gd", "intake-birth-date"),
    ("geschatte_leeftijd", "lft", "intake-estimated-age"),
    ("geslacht", "gs", "intake-gender"),
    ("bsn", "bsn", "intake-bsn"),
    ("adres", "adres", "intake-address"),
    ("gemeente", "gem", "word-gemeente"),
];

/// The fields above the betrokkenen in form order: (field, element id, label key).
const HEAD_FIELDS: [(&str, &str, &str); 8] = [
    ("soort", "soort-melding", "word-kind"),
    ("ontvangen_op", "ontvangen_op", "intake-received"),
    ("kanaal", "kanaal", "intake-channel"),
    ("melder.type", "melder.type", "intake-reporter-kind"),
    ("melder.naam", "melder.naam", "intake-reporter-name"),
    (
        "melder.organisatie",
        "melder.organisatie",
        "intake-reporter-organisation",
    ),
    // The form has no input for the organisation id; its error belongs with the organisation.
    (
        "melder.organisatie_id",
        "melder.organisatie",
        "intake-reporter-organisation",
    ),
    (
        "melder.contact",
        "melder.contact",
        "intake-reporter-contact",
    ),
];

/// Where an error of `field` shows on the intake form: its position in form order, the element it
/// links to, and the label the user reads there. `first_violence` and `first_group` are the codes of
/// the first checkbox of those groups.
pub fn place(
    field: &str,
    first_violence: &str,
    first_group: &str,
) -> ((usize, usize, usize), String, String) {
    if let Some(n) = HEAD_FIELDS.iter().position(|(f, _, _)| *f == field) {
        let (_, id, key) = HEAD_FIELDS[n];
        return ((0, 0, n), id.to_string(), t(key));
    }
    if let Some(rest) = field.strip_prefix("betrokkenen[")
        && let Some((row, name)) = rest.split_once("].")
        && let Ok(row) = row.parse::<usize>()
        && let Some(n) = ROW_FIELDS.iter().position(|(f, _, _)| *f == name)
    {
        let (_, suffix, key) = ROW_FIELDS[n];
        return (
            (1, row, n),
            format!("b{row}-{suffix}"),
            t_args(
                "forms-person-field",
                &[("n", &(row + 1).to_string()), ("label", &t(key))],
            ),
        );
    }
    if field.starts_with("betrokkenen") {
        return ((1, 0, 0), "b0-rol".into(), t("intake-persons"));
    }
    if field.starts_with("aard_geweld") {
        return (
            (2, 0, 0),
            format!("ag-{first_violence}"),
            t("intake-violence"),
        );
    }
    if field.starts_with("specifieke_groepen") {
        return ((3, 0, 0), format!("sg-{first_group}"), t("intake-groups"));
    }
    if field == "omschrijving" {
        return ((4, 0, 0), "omschrijving".into(), t("intake-description"));
    }
    ((5, 0, 0), "intake-formulier".into(), t("forms-the-form"))
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
            let (_, errors) = intake_from(&p, now, "regio-2018");
            assert!(errors.iter().any(|e| e.field == "ontvangen_op"), "{typed}");
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
        let (intake, errors) = intake_from(&p, now, "regio-2018");
        assert!(errors.iter().any(|e| e.field == "betrokkenen"));
        assert_eq!(intake.betrokkenen.len(), 1);
    }
}
