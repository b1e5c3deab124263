//! The intake's wire types: what a client may send (an intake without person ids) and what it gets
//! back, each with its derived OpenAPI schema. Mapping to and from the domain and the use cases
//! happens here, so a change of a domain type does not silently change the API.

use schakel_domain::FieldError;
use schakel_domain::case::CaseKind;
use schakel_domain::intake::{Betrokkene, Gender, Intake, Melder};
use schakel_domain::msg;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Soort {
    Advies,
    Melding,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Geslacht {
    Man,
    Vrouw,
    Anders,
    Onbekend,
}

/// Who reports or asks advice.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MelderDto {
    /// A code of the `melder` list (CBS categories).
    #[serde(rename = "type")]
    pub melder_type: String,
    #[serde(default)]
    pub naam: Option<String>,
    #[serde(default)]
    pub organisatie: Option<String>,
    /// The reporter's organisation in Schakel, if it is one.
    #[serde(default)]
    pub organisatie_id: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub anoniem_naar_gezin: bool,
    /// The reporter has a role in the follow-up: the feedback then carries the conditions.
    #[serde(default)]
    pub rol_in_vervolg: bool,
    /// The reporter is a doctor who acted only as informant: no standard feedback.
    #[serde(default)]
    pub arts_informant: bool,
}

/// One betrokkene. There is no person id: the server links persons from the known-before check.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BetrokkeneDto {
    /// A code of the `rol_betrokkene` list.
    pub rol: String,
    #[serde(default)]
    pub naam: Option<String>,
    /// jjjj-mm-dd
    #[serde(default)]
    #[schema(format = Date)]
    pub geboortedatum: Option<String>,
    #[serde(default)]
    pub geschatte_leeftijd: Option<u32>,
    pub geslacht: Geslacht,
    #[serde(default)]
    pub bsn: Option<String>,
    #[serde(default)]
    pub adres: Option<String>,
    /// One of the region's gemeenten.
    pub gemeente: String,
}

/// An adviesvraag or melding as taken in.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IntakeDto {
    pub soort: Soort,
    /// RFC 3339
    #[schema(format = DateTime)]
    pub ontvangen_op: String,
    /// A code of the `kanaal` list.
    pub kanaal: String,
    pub melder: MelderDto,
    pub betrokkenen: Vec<BetrokkeneDto>,
    /// The version of the `aard_geweld` list, e.g. `regio-2018`.
    pub aard_geweld_versie: String,
    #[serde(default)]
    pub aard_geweld: Vec<String>,
    #[serde(default)]
    pub specifieke_groepen: Vec<String>,
    pub omschrijving: String,
}

impl IntakeDto {
    /// The domain intake (validated further by the use case). Person ids are left empty: the
    /// server assigns them.
    pub fn into_domain(self) -> Result<Intake, FieldError> {
        let received_at = OffsetDateTime::parse(&self.ontvangen_op, &Rfc3339)
            .map_err(|_| FieldError::new("ontvangen_op", msg("intake-received-invalid-rfc3339")))?;
        let mut betrokkenen = Vec::with_capacity(self.betrokkenen.len());
        for (i, b) in self.betrokkenen.into_iter().enumerate() {
            betrokkenen.push(Betrokkene {
                person_id: String::new(),
                role: b.rol,
                name: b.naam,
                birth_date: schakel_domain::validate::optional_date(
                    &format!("betrokkenen[{i}].geboortedatum"),
                    b.geboortedatum.as_deref().unwrap_or(""),
                )?,
                estimated_age: b.geschatte_leeftijd,
                gender: match b.geslacht {
                    Geslacht::Man => Gender::Man,
                    Geslacht::Vrouw => Gender::Vrouw,
                    Geslacht::Anders => Gender::Anders,
                    Geslacht::Onbekend => Gender::Onbekend,
                },
                bsn: b.bsn,
                address: b.adres,
                gemeente: b.gemeente,
            });
        }
        Ok(Intake {
            case_kind: match self.soort {
                Soort::Advies => CaseKind::Advies,
                Soort::Melding => CaseKind::Melding,
            },
            received_at,
            channel: self.kanaal,
            melder: Melder {
                melder_type: self.melder.melder_type,
                name: self.melder.naam,
                organisation: self.melder.organisatie,
                org_id: self.melder.organisatie_id,
                contact: self.melder.contact,
                anonymous_to_family: self.melder.anoniem_naar_gezin,
                has_role: self.melder.rol_in_vervolg,
                informant_doctor: self.melder.arts_informant,
            },
            betrokkenen,
            violence_version: self.aard_geweld_versie,
            violence: self.aard_geweld,
            specific_groups: self.specifieke_groepen,
            description: self.omschrijving,
        })
    }
}

/// Registering: the intake and the worker's decision on every match of the known-before check that
/// is not certain (possible or conflict). A match left undecided is refused with field
/// `intake.bekend[i]` (its position in the check's list).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterBody {
    pub intake: IntakeDto,
    /// `key`s of matches that are the same person.
    #[serde(default)]
    pub bevestigd: Vec<String>,
    /// `key`s of matches that are another person.
    #[serde(default)]
    pub afgewezen: Vec<String>,
    /// When the betrokkenen are in more than one open casus: the `case_id` of the one the melding
    /// joins (one offered by the check).
    #[serde(default)]
    pub casus: Option<String>,
}

/// The CBS class of a melding (85361NED): `eerste_melding`, `hermelding`, `vervolgmelding` (with
/// its moment) or `niet_ingedeeld`.
#[derive(Serialize, ToSchema)]
pub struct ClassificationDto {
    pub class: String,
    pub moment: Option<String>,
}

impl ClassificationDto {
    pub fn from_domain(c: schakel_domain::classification::MeldingClass) -> Self {
        use schakel_domain::classification::{MeldingClass, VervolgMoment};
        let (class, moment) = match c {
            MeldingClass::EersteMelding => ("eerste_melding", None),
            MeldingClass::Hermelding => ("hermelding", None),
            MeldingClass::Vervolgmelding(m) => (
                "vervolgmelding",
                Some(match m {
                    VervolgMoment::TijdensBeoordeling => "tijdens_beoordeling",
                    VervolgMoment::NaBeoordeling => "na_beoordeling",
                    VervolgMoment::TijdensMonitoring => "tijdens_monitoring",
                }),
            ),
            MeldingClass::NietIngedeeld => ("niet_ingedeeld", None),
        };
        Self {
            class: class.into(),
            moment: moment.map(str::to_string),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RegisteredDto {
    pub case_id: String,
    /// The case's last sequence number; the next command expects it.
    pub seq: i64,
    /// The melding joined an open casus about the same betrokkenen.
    pub joined_open_casus: bool,
    /// Decided by the server from the known-before check; none for an advies.
    pub classification: Option<ClassificationDto>,
}

impl From<schakel_app::Registered> for RegisteredDto {
    fn from(r: schakel_app::Registered) -> Self {
        Self {
            case_id: r.case_id,
            seq: r.seq,
            joined_open_casus: r.joined_open_casus,
            classification: r.classification.map(ClassificationDto::from_domain),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct KnownPersonDto {
    pub id: String,
    pub display_name: String,
    pub birth_date: Option<String>,
    pub gemeente: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct FoundDto {
    pub person: KnownPersonDto,
    pub role: String,
    pub case_id: String,
    /// `advies` or `melding`.
    pub case_kind: String,
    /// `VT-YYYY-NNNNN`.
    pub case_number: Option<String>,
    pub phase: String,
    pub open: bool,
    /// `certain` (linked without asking), `possible` or `conflict` (the worker decides).
    pub certainty: String,
    /// What agrees and differs, e.g. `bsn_gelijk`, `naam_anders`.
    pub reasons: Vec<String>,
    /// The same in Dutch: "BSN gelijk, naam anders".
    pub summary: String,
    /// Similarity of the names, 0 to 1.
    pub score: f64,
}

/// A match of the known-before check.
#[derive(Serialize, ToSchema)]
pub struct MatchDto {
    /// The betrokkene it concerns (from 0).
    pub row: usize,
    /// Counts without a decision (same BSN with agreeing facts, or same name and date of birth).
    pub certain: bool,
    /// Send it in `bevestigd` (same person) or `afgewezen` (another person) when not certain.
    pub key: String,
    pub found: FoundDto,
}

impl From<schakel_app::RowMatch> for MatchDto {
    fn from(m: schakel_app::RowMatch) -> Self {
        use schakel_domain::intake::known::Certainty;
        let a = &m.found.assessment;
        let certainty = match a.certainty {
            Certainty::Certain => "certain",
            Certainty::Possible => "possible",
            Certainty::Conflict => "conflict",
        };
        let reasons = a.reasons.iter().map(|r| r.code().to_string()).collect();
        let summary = a.summary();
        let score = a.name_score;
        Self {
            row: m.row,
            certain: m.certain,
            key: m.key,
            found: FoundDto {
                person: KnownPersonDto {
                    id: m.found.person.id,
                    display_name: m.found.person.display_name,
                    birth_date: m.found.person.birth_date,
                    gemeente: m.found.person.gemeente,
                },
                role: m.found.role,
                case_id: m.found.case_id,
                case_kind: m.found.case_kind,
                case_number: m.found.case_number,
                phase: m.found.phase.code().to_string(),
                open: m.found.open,
                certainty: certainty.into(),
                reasons,
                summary,
                score,
            },
        }
    }
}
