//! Intake, the first stage of the chain: the data of an adviesvraag or melding as Veilig Thuis
//! takes it in (RULES.md 0 and 1.3; issue 3) and its validation, and the stage's events (opened,
//! recorded, converted; `events.rs`). The CBS class of a melding is [`crate::classification`].
//!
//! Every error names the field the way forms and the JSON API name it, e.g.
//! `betrokkenen[2].geboortedatum`: the serde names of these types are those field names.

use crate::{msg, msg_args};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::bsn::Bsn;
use crate::calendar::dutch_local_date;
use crate::case::CaseKind;
use crate::codes::{ids, registry};
use crate::validate::required_text;
use crate::{Collector, FieldError, FieldErrors};

mod ages;
mod events;
pub mod known;
pub mod merge;
#[cfg(test)]
pub(crate) mod tests;

pub use ages::{AGE_BANDS, age_band, age_on};
pub use events::{Event, RecordedIntake};
pub(crate) use events::{apply, merge_into, open};

/// Longest name, organisation, contact or person id.
const MAX_SHORT: usize = 200;
/// Longest address.
const MAX_ADDRESS: usize = 300;
/// Longest free-text description.
const MAX_DESCRIPTION: usize = 10_000;
/// More betrokkenen than this in one melding is a typing error, not a household.
pub const MAX_BETROKKENEN: usize = 40;
/// The oldest age Schakel accepts, as birth date or estimate.
pub const MAX_AGE: u32 = 120;

/// Gender as registered; `onbekend` when not known (e.g. an anonymous advies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Man,
    Vrouw,
    Anders,
    Onbekend,
}

/// Who reports or asks advice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Melder {
    /// A code of the `melder` list (CBS categories, RULES.md 3).
    #[serde(rename = "type")]
    pub melder_type: String,
    #[serde(rename = "naam", default)]
    pub name: Option<String>,
    #[serde(rename = "organisatie", default)]
    pub organisation: Option<String>,
    /// The reporter's organisation in Schakel, if it is one: it then takes part in the case as
    /// reporter and gets feedback (RULES.md 2.4).
    #[serde(rename = "organisatie_id", default)]
    pub org_id: Option<String>,
    #[serde(rename = "contact", default)]
    pub contact: Option<String>,
    /// The reporter wants to stay anonymous towards the family (RULES.md 8.1: VT may register
    /// reporters anonymised).
    #[serde(rename = "anoniem_naar_gezin", default)]
    pub anonymous_to_family: bool,
    /// The reporter has a role in the follow-up (e.g. the school that watches a condition): then
    /// the feedback also carries the veiligheidsvoorwaarden and monitoring agreements (RULES.md
    /// 2.4). Asked at intake (issue 7 item 9).
    #[serde(rename = "rol_in_vervolg", default, skip_serializing_if = "is_false")]
    pub has_role: bool,
    /// The reporter is a doctor who acted only as informant: no standard feedback (RULES.md 2.4).
    #[serde(rename = "arts_informant", default, skip_serializing_if = "is_false")]
    pub informant_doctor: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One direct betrokkene (RULES.md 0: the persons who commit or undergo the violence and the members
/// of the household).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Betrokkene {
    /// Stable across cases: the id of a person found by the known-before check, or a new one.
    #[serde(rename = "persoon_id", default)]
    pub person_id: String,
    /// A code of the `rol_betrokkene` list.
    #[serde(rename = "rol")]
    pub role: String,
    #[serde(rename = "naam", default)]
    pub name: Option<String>,
    #[serde(
        rename = "geboortedatum",
        default,
        with = "crate::calendar::iso_date::option"
    )]
    pub birth_date: Option<Date>,
    /// When the date of birth is not known.
    #[serde(rename = "geschatte_leeftijd", default)]
    pub estimated_age: Option<u32>,
    #[serde(rename = "geslacht")]
    pub gender: Gender,
    /// Nine digits after the elfproef, when given.
    #[serde(default)]
    pub bsn: Option<String>,
    #[serde(rename = "adres", default)]
    pub address: Option<String>,
    /// The gemeente the betrokkene lives in: one of the region's gemeenten.
    pub gemeente: String,
}

/// An adviesvraag or melding as registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intake {
    #[serde(rename = "soort")]
    pub case_kind: CaseKind,
    #[serde(rename = "ontvangen_op", with = "time::serde::rfc3339")]
    pub received_at: OffsetDateTime,
    /// A code of the `kanaal` list.
    #[serde(rename = "kanaal")]
    pub channel: String,
    pub melder: Melder,
    pub betrokkenen: Vec<Betrokkene>,
    /// The version of the `aard_geweld` list the kinds come from (e.g. `regio-2018`, `cbs-2019`).
    #[serde(rename = "aard_geweld_versie")]
    pub violence_version: String,
    #[serde(rename = "aard_geweld", default)]
    pub violence: Vec<String>,
    /// Codes of the `specifieke_groep` list (RULES.md 0: the region's specific groups).
    #[serde(rename = "specifieke_groepen", default)]
    pub specific_groups: Vec<String>,
    #[serde(rename = "omschrijving")]
    pub description: String,
}

impl Intake {
    /// Checks and normalises an intake. `gemeenten` is the region's list; `None` skips only that
    /// check (the state machine does not know the region; the boundary that does must pass it).
    /// Returns the intake trimmed, with empty optional texts as `None` and BSNs as nine digits.
    pub fn normalised(&self, gemeenten: Option<&[String]>) -> Result<Intake, FieldError> {
        self.normalised_all(gemeenten)
            .map_err(|all| all.first().clone())
    }

    /// As [`Intake::normalised`], with every field error at once (issue 7: a form shows them all).
    pub fn normalised_all(&self, gemeenten: Option<&[String]>) -> Result<Intake, FieldErrors> {
        let mut c = Collector::new();
        let intake = self.checked(gemeenten, &mut c);
        c.finish(intake)
    }

    /// Checks every field into `c`; where a check failed the result holds a stand-in, so it is
    /// only meaningful when `c` stays empty.
    fn checked(&self, gemeenten: Option<&[String]>, c: &mut Collector) -> Intake {
        let codes = registry();
        let melding = self.case_kind == CaseKind::Melding;
        let code = |c: &mut Collector, field: &str, list: &str, version: &str, value: &str| {
            c.check(
                codes
                    .require(field, list, version)
                    .and_then(|l| l.parse(field, value.trim()).map(|v| v.code.clone())),
            )
            .unwrap_or_default()
        };
        let channel = code(c, "kanaal", ids::KANAAL, ids::SCHAKEL_1, &self.channel);
        let melder_type = code(
            c,
            "melder.type",
            ids::MELDER,
            ids::CBS_2019,
            &self.melder.melder_type,
        );
        let text = |c: &mut Collector, field: &str, value: &Option<String>, max: usize| {
            c.check(optional_text(field, value, max)).flatten()
        };
        let melder = Melder {
            melder_type,
            name: text(c, "melder.naam", &self.melder.name, MAX_SHORT),
            organisation: text(
                c,
                "melder.organisatie",
                &self.melder.organisation,
                MAX_SHORT,
            ),
            org_id: text(c, "melder.organisatie_id", &self.melder.org_id, MAX_SHORT),
            contact: text(c, "melder.contact", &self.melder.contact, MAX_SHORT),
            anonymous_to_family: self.melder.anonymous_to_family,
            has_role: self.melder.has_role,
            informant_doctor: self.melder.informant_doctor,
        };
        // RULES.md 0: VT registers all direct betrokkenen of a melding; an advies may leave the
        // family anonymous but still says where it lives, for the regional monitor.
        if self.betrokkenen.is_empty() {
            c.push(FieldError::new(
                "betrokkenen",
                msg("error-intake-person-required"),
            ));
        }
        if self.betrokkenen.len() > MAX_BETROKKENEN {
            c.push(FieldError::new(
                "betrokkenen",
                msg_args(
                    "error-intake-too-many-persons",
                    [("max_betrokkenen", MAX_BETROKKENEN.to_string())],
                ),
            ));
        }
        let received_on = dutch_local_date(self.received_at);
        let mut betrokkenen: Vec<Betrokkene> = Vec::with_capacity(self.betrokkenen.len());
        for (i, b) in self.betrokkenen.iter().enumerate() {
            let b = b.checked(i, melding, received_on, gemeenten, c);
            if !b.person_id.is_empty() && betrokkenen.iter().any(|o| o.person_id == b.person_id) {
                c.push(FieldError::new(
                    format!("betrokkenen[{i}].persoon_id"),
                    msg("error-intake-person-duplicate"),
                ));
            }
            betrokkenen.push(b);
        }
        let violence_list = c.check(codes.require(
            "aard_geweld_versie",
            ids::AARD_GEWELD,
            self.violence_version.trim(),
        ));
        let violence = match violence_list {
            Some(list) => c
                .check(unique_codes("aard_geweld", &self.violence, |f, v| {
                    list.parse(f, v).map(|v| v.code.clone())
                }))
                .unwrap_or_default(),
            None => Vec::new(),
        };
        // RULES.md 0: VT registers one or more kinds of violence per melding.
        if melding && violence_list.is_some() && self.violence.is_empty() {
            c.push(FieldError::new(
                "aard_geweld",
                msg("error-intake-violence-kind-required"),
            ));
        }
        let specific_groups = c
            .check(
                codes
                    .require(
                        "specifieke_groepen",
                        ids::SPECIFIEKE_GROEP,
                        ids::REGIOVISIE_2019,
                    )
                    .and_then(|list| {
                        unique_codes("specifieke_groepen", &self.specific_groups, |f, v| {
                            list.parse(f, v).map(|v| v.code.clone())
                        })
                    }),
            )
            .unwrap_or_default();
        let description = c
            .check(required_text(
                "omschrijving",
                &self.description,
                MAX_DESCRIPTION,
            ))
            .unwrap_or_default();
        Intake {
            case_kind: self.case_kind,
            received_at: self.received_at,
            channel,
            melder,
            betrokkenen,
            violence_version: violence_list.map(|l| l.version.clone()).unwrap_or_default(),
            violence,
            specific_groups,
            description,
        }
    }

    /// Also checks that the intake was not received after `now`.
    pub fn validated(
        &self,
        gemeenten: &[String],
        now: OffsetDateTime,
    ) -> Result<Intake, FieldError> {
        self.validated_all(gemeenten, now)
            .map_err(|all| all.first().clone())
    }

    /// As [`Intake::validated`], with every field error at once.
    pub fn validated_all(
        &self,
        gemeenten: &[String],
        now: OffsetDateTime,
    ) -> Result<Intake, FieldErrors> {
        let mut c = Collector::new();
        if self.received_at > now {
            c.push(FieldError::new("ontvangen_op", msg("error-date-in-future")));
        }
        let intake = self.checked(Some(gemeenten), &mut c);
        c.finish(intake)
    }

    /// The Dutch calendar day of receipt.
    pub fn received_on(&self) -> Date {
        dutch_local_date(self.received_at)
    }

    /// The gemeente a melding counts under: where the first victim or child lives, else the first
    /// betrokkene. CBS's rule for households across gemeenten was not seen; Schakel's choice [NC].
    pub fn gemeente(&self) -> Option<&str> {
        self.betrokkenen
            .iter()
            .find(|b| matches!(b.role.as_str(), "slachtoffer" | "kind_in_gezin"))
            .or_else(|| self.betrokkenen.first())
            .map(|b| b.gemeente.as_str())
    }
}

impl Betrokkene {
    /// Checks one betrokkene into `c` (see [`Intake::checked`] for the stand-ins).
    fn checked(
        &self,
        i: usize,
        melding: bool,
        received_on: Date,
        gemeenten: Option<&[String]>,
        c: &mut Collector,
    ) -> Betrokkene {
        let f = |name: &str| format!("betrokkenen[{i}].{name}");
        let role = c
            .check(
                registry()
                    .require(&f("rol"), ids::ROL_BETROKKENE, ids::SCHAKEL_1)
                    .and_then(|l| l.parse(&f("rol"), self.role.trim()).map(|v| v.code.clone())),
            )
            .unwrap_or_default();
        let name = c
            .check(optional_text(&f("naam"), &self.name, MAX_SHORT))
            .flatten();
        // RULES.md 1.3: a melding identifies the persons; an advies may keep them anonymous.
        if melding && name.is_none() {
            c.push(FieldError::new(
                f("naam"),
                msg("error-required-for-melding"),
            ));
        }
        if self.birth_date.is_some() && self.estimated_age.is_some() {
            c.push(FieldError::new(
                f("geschatte_leeftijd"),
                msg("error-birth-date-or-age-not-both"),
            ));
        }
        if melding && self.birth_date.is_none() && self.estimated_age.is_none() {
            c.push(FieldError::new(
                f("geboortedatum"),
                msg("error-birth-date-or-age-required"),
            ));
        }
        if let Some(d) = self.birth_date {
            if d > received_on {
                c.push(FieldError::new(
                    f("geboortedatum"),
                    msg("error-birth-date-after-receipt"),
                ));
            } else if age_on(d, received_on) > MAX_AGE {
                c.push(FieldError::new(
                    f("geboortedatum"),
                    msg_args(
                        "error-birth-date-age-too-high",
                        [("max_age", MAX_AGE.to_string())],
                    ),
                ));
            }
        }
        if self.estimated_age.is_some_and(|a| a > MAX_AGE) {
            c.push(FieldError::new(
                f("geschatte_leeftijd"),
                msg_args("error-age-out-of-range", [("max_age", MAX_AGE.to_string())]),
            ));
        }
        let bsn = match self.bsn.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => c.check(Bsn::parse(&f("bsn"), raw)).map(|b| b.as_str()),
        };
        let gemeente = c
            .check(required_text(&f("gemeente"), &self.gemeente, MAX_SHORT))
            .unwrap_or_default();
        if let Some(list) = gemeenten
            && !gemeente.is_empty()
            && !list.contains(&gemeente)
        {
            c.push(FieldError::new(
                f("gemeente"),
                msg_args(
                    "error-gemeente-not-in-region",
                    [("gemeente", gemeente.to_string())],
                ),
            ));
        }
        Betrokkene {
            person_id: c
                .check(required_text(&f("persoon_id"), &self.person_id, MAX_SHORT))
                .unwrap_or_default(),
            role,
            name,
            birth_date: self.birth_date,
            estimated_age: self.estimated_age,
            gender: self.gender,
            bsn,
            address: c
                .check(optional_text(&f("adres"), &self.address, MAX_ADDRESS))
                .flatten(),
            gemeente,
        }
    }

    /// Age in whole years on `date`: from the date of birth, else the estimate.
    pub fn age_on(&self, date: Date) -> Option<u32> {
        match self.birth_date {
            Some(b) => Some(age_on(b, date)),
            None => self.estimated_age,
        }
    }
}

fn optional_text(
    field: &str,
    value: &Option<String>,
    max: usize,
) -> Result<Option<String>, FieldError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => required_text(field, v, max).map(Some),
    }
}

fn unique_codes(
    field: &str,
    values: &[String],
    parse: impl Fn(&str, &str) -> Result<String, FieldError>,
) -> Result<Vec<String>, FieldError> {
    let mut out: Vec<String> = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let f = format!("{field}[{i}]");
        let code = parse(&f, v.trim())?;
        if out.contains(&code) {
            return Err(FieldError::new(f, msg("error-duplicate")));
        }
        out.push(code);
    }
    Ok(out)
}
