//! Organisations in the chain and the roles people hold in them.
//!
//! The kinds follow the partners the regional policy names (seed: regiovisie HG/KM Noord- en
//! Midden-Limburg 2019, "ketenpartners") and the data-sharing framework of RULES.md 8.1.

use crate::msg_args;
use schakel_i18n::t;
use serde::{Deserialize, Serialize};

use crate::FieldError;

/// What kind of organisation takes part in the chain. The kind bounds what its people may ever do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    VeiligThuis,
    LokaalTeam,
    Politie,
    OpenbaarMinisterie,
    RaadKinderbescherming,
    Gemeente,
    School,
    Kinderopvang,
    Opvang,
    Ggd,
    Zorg,
    Reclassering,
    MdaTeam,
    Programmabureau,
}

impl OrgKind {
    pub const ALL: [OrgKind; 14] = [
        OrgKind::VeiligThuis,
        OrgKind::LokaalTeam,
        OrgKind::Politie,
        OrgKind::OpenbaarMinisterie,
        OrgKind::RaadKinderbescherming,
        OrgKind::Gemeente,
        OrgKind::School,
        OrgKind::Kinderopvang,
        OrgKind::Opvang,
        OrgKind::Ggd,
        OrgKind::Zorg,
        OrgKind::Reclassering,
        OrgKind::MdaTeam,
        OrgKind::Programmabureau,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::VeiligThuis => "veilig_thuis",
            OrgKind::LokaalTeam => "lokaal_team",
            OrgKind::Politie => "politie",
            OrgKind::OpenbaarMinisterie => "openbaar_ministerie",
            OrgKind::RaadKinderbescherming => "raad_kinderbescherming",
            OrgKind::Gemeente => "gemeente",
            OrgKind::School => "school",
            OrgKind::Kinderopvang => "kinderopvang",
            OrgKind::Opvang => "opvang",
            OrgKind::Ggd => "ggd",
            OrgKind::Zorg => "zorg",
            OrgKind::Reclassering => "reclassering",
            OrgKind::MdaTeam => "mda_team",
            OrgKind::Programmabureau => "programmabureau",
        }
    }

    /// The Dutch name users read.
    pub fn label(self) -> String {
        match self {
            OrgKind::VeiligThuis => t("org-kind-veilig-thuis"),
            OrgKind::LokaalTeam => t("org-kind-lokaal-team"),
            OrgKind::Politie => t("org-kind-politie"),
            OrgKind::OpenbaarMinisterie => t("org-kind-openbaar-ministerie"),
            OrgKind::RaadKinderbescherming => t("org-kind-raad-kinderbescherming"),
            OrgKind::Gemeente => t("org-kind-gemeente"),
            OrgKind::School => t("org-kind-school"),
            OrgKind::Kinderopvang => t("org-kind-kinderopvang"),
            OrgKind::Opvang => t("org-kind-opvang"),
            OrgKind::Ggd => t("org-kind-ggd"),
            OrgKind::Zorg => t("org-kind-zorg"),
            OrgKind::Reclassering => t("org-kind-reclassering"),
            OrgKind::MdaTeam => t("org-kind-mda-team"),
            OrgKind::Programmabureau => t("org-kind-programmabureau"),
        }
    }

    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|k| k.code() == value)
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    msg_args("error-org-kind-unknown", [("value", value.to_string())]),
                )
            })
    }

    /// Organisations that give care or protection and so may hold case data at all.
    /// Schools and childcare only receive Handle with Care signals (RULES.md 5); policy
    /// organisations only see aggregated figures (RULES.md 3, minimal disclosure).
    pub fn handles_cases(self) -> bool {
        !matches!(
            self,
            OrgKind::School | OrgKind::Kinderopvang | OrgKind::Gemeente | OrgKind::Programmabureau
        )
    }

    /// Organisations that may take regie over a case handed over by Veilig Thuis. RULES.md 2.2:
    /// a handover goes to the local team, to a professional already involved (care, youth health
    /// care, shelter, probation) or to a multidisciplinary team that is legally able to take over.
    /// Police, the public prosecutor and the Raad voor de Kinderbescherming act in the chain but do
    /// not take over the care of a family; schools, childcare, a gemeente office and the programme
    /// office hold no case data at all (see [`OrgKind::handles_cases`]).
    pub fn may_take_regie(self) -> bool {
        matches!(
            self,
            OrgKind::LokaalTeam
                | OrgKind::Zorg
                | OrgKind::Ggd
                | OrgKind::Opvang
                | OrgKind::Reclassering
                | OrgKind::MdaTeam
        )
    }
}

/// The role a person holds within one organisation. A person may hold roles in several organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Works cases of their organisation.
    Medewerker,
    /// Leads a team; holds regie for the organisation's cases and sees the team queue.
    Teamleider,
    /// Manages users and organisations; sees no case data by virtue of this role.
    Beheerder,
    /// Privacy officer and logbeheerder (NEN 7513 ch. 8): reviews the access log.
    PrivacyOfficer,
    /// Read-only access to aggregated figures for policy.
    Beleidsmedewerker,
    /// Designated Handle with Care contact at a school or childcare (RULES.md 5).
    SchoolContact,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Medewerker,
        Role::Teamleider,
        Role::Beheerder,
        Role::PrivacyOfficer,
        Role::Beleidsmedewerker,
        Role::SchoolContact,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Medewerker => "medewerker",
            Role::Teamleider => "teamleider",
            Role::Beheerder => "beheerder",
            Role::PrivacyOfficer => "privacy_officer",
            Role::Beleidsmedewerker => "beleidsmedewerker",
            Role::SchoolContact => "school_contact",
        }
    }

    pub fn label(self) -> String {
        match self {
            Role::Medewerker => t("role-medewerker"),
            Role::Teamleider => t("role-teamleider"),
            Role::Beheerder => t("role-beheerder"),
            Role::PrivacyOfficer => t("role-privacy-officer"),
            Role::Beleidsmedewerker => t("role-beleidsmedewerker"),
            Role::SchoolContact => t("role-school-contact"),
        }
    }

    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|r| r.code() == value)
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    msg_args("error-role-unknown", [("value", value.to_string())]),
                )
            })
    }

    /// Whether someone can hold this role in an organisation of `kind`. RULES.md 5: only designated
    /// contact persons at a school or childcare receive Handle with Care signals, so that role exists
    /// only there.
    pub fn fits(self, kind: OrgKind) -> bool {
        match self {
            Role::SchoolContact => matches!(kind, OrgKind::School | OrgKind::Kinderopvang),
            _ => true,
        }
    }

    /// Checks [`Role::fits`], naming the field.
    pub fn check_fits(self, field: &str, kind: OrgKind) -> Result<(), FieldError> {
        if self.fits(kind) {
            Ok(())
        } else {
            Err(FieldError::new(
                field,
                msg_args(
                    "error-role-does-not-fit-kind",
                    [
                        ("role", self.label().to_string()),
                        ("kind", kind.label().to_string()),
                    ],
                ),
            ))
        }
    }

    /// Roles that can see personal data and so must use a second factor (NEN 7513 ch. 8: access to
    /// the log needs two factors; we hold case data and user accounts to the same standard). Only
    /// the beleidsmedewerker, who sees nothing but aggregated figures, signs in with a password alone.
    pub fn sees_personal_data(self) -> bool {
        !matches!(self, Role::Beleidsmedewerker)
    }
}

pub mod contact;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::parse("soort", k.code()), Ok(k));
        }
        for r in Role::ALL {
            assert_eq!(Role::parse("rol", r.code()), Ok(r));
        }
    }

    #[test]
    fn unknown_codes_name_the_field() {
        let err = OrgKind::parse("soort", "bakkerij").unwrap_err();
        assert_eq!(err.field, "soort");
        let err = Role::parse("rol", "admin").unwrap_err();
        assert_eq!(err.field, "rol");
    }

    #[test]
    fn the_handle_with_care_contact_exists_only_at_schools_and_childcare() {
        for kind in OrgKind::ALL {
            let expected = matches!(kind, OrgKind::School | OrgKind::Kinderopvang);
            assert_eq!(Role::SchoolContact.fits(kind), expected, "{kind:?}");
            assert!(Role::Medewerker.fits(kind));
        }
        assert_eq!(
            Role::SchoolContact
                .check_fits("rol", OrgKind::VeiligThuis)
                .unwrap_err()
                .field,
            "rol"
        );
    }

    #[test]
    fn only_care_and_protection_organisations_handle_cases() {
        assert!(OrgKind::VeiligThuis.handles_cases());
        assert!(OrgKind::LokaalTeam.handles_cases());
        assert!(!OrgKind::School.handles_cases());
        assert!(!OrgKind::Gemeente.handles_cases());
    }
}
