//! Who may break the glass, and how often (issue 8 finding 6).
//!
//! Break-the-glass lets a professional read a case their organisation has no part in, in an
//! emergency, stating why (DESIGN.md principle 4; NEN 7513 ch. 6 names emergency access as an event
//! to log and report, RULES.md 8). It is an exception, so the region decides which organisations
//! may use it at all (the region file's `[regels]` table, keys `noodtoegang_organisaties` and
//! `noodtoegang_per_dag`) and how often one user may use it in 24 hours. The default follows who acts
//! on acute unsafety in the regional policy (RULES.md 2.1, 2.3, 4: Veilig Thuis triage, the police
//! and the MDA++ team, [P]); a GP or another care organisation asks Veilig Thuis instead.

use serde::{Deserialize, Serialize};

use super::DenyReason;
use crate::FieldError;
use crate::msg_args;
use crate::org::OrgKind;
use crate::rules::keys;

/// The most uses per user per 24 hours a region may allow: break-the-glass is an exception.
pub const MAX_PER_DAY: u32 = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakGlassRules {
    /// The kinds of organisation whose case workers may break the glass.
    pub org_kinds: Vec<OrgKind>,
    /// How often one user may break the glass in 24 hours.
    pub per_day: u32,
}

impl Default for BreakGlassRules {
    fn default() -> Self {
        Self {
            org_kinds: vec![OrgKind::VeiligThuis, OrgKind::Politie, OrgKind::MdaTeam],
            per_day: 3,
        }
    }
}

impl BreakGlassRules {
    /// Checks the values, naming the region-file key.
    pub fn validate(&self) -> Result<(), FieldError> {
        if !(1..=MAX_PER_DAY).contains(&self.per_day) {
            return Err(FieldError::new(
                keys::NOODTOEGANG_PER_DAG,
                msg_args(
                    "error-rule-out-of-range",
                    [
                        ("max", MAX_PER_DAY.to_string()),
                        ("why", "noodtoegang is een uitzondering".to_string()),
                        ("value", self.per_day.to_string()),
                    ],
                ),
            ));
        }
        if let Some(kind) = self.org_kinds.iter().find(|k| !k.handles_cases()) {
            return Err(FieldError::new(
                keys::NOODTOEGANG_ORGANISATIES,
                msg_args(
                    "error-break-glass-kind-without-cases",
                    [("kind", kind.label())],
                ),
            ));
        }
        Ok(())
    }

    /// Whether a user of an organisation of `org_kind`, who broke the glass `uses_last_day` times
    /// in the last 24 hours, may do so once more.
    pub fn allows(&self, org_kind: OrgKind, uses_last_day: u32) -> Result<(), DenyReason> {
        if !self.org_kinds.contains(&org_kind) {
            return Err(DenyReason::BreakGlassNotForOrganisation);
        }
        if uses_last_day >= self.per_day {
            return Err(DenyReason::BreakGlassLimitReached);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_default_veilig_thuis_police_and_mda_may_and_a_gp_may_not() {
        let r = BreakGlassRules::default();
        assert_eq!(r.validate(), Ok(()));
        for kind in [OrgKind::VeiligThuis, OrgKind::Politie, OrgKind::MdaTeam] {
            assert_eq!(r.allows(kind, 0), Ok(()), "{kind:?}");
        }
        for kind in [
            OrgKind::Zorg,
            OrgKind::LokaalTeam,
            OrgKind::Ggd,
            OrgKind::School,
        ] {
            assert_eq!(
                r.allows(kind, 0),
                Err(DenyReason::BreakGlassNotForOrganisation),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn the_limit_counts_the_last_day() {
        let r = BreakGlassRules {
            per_day: 2,
            ..BreakGlassRules::default()
        };
        assert_eq!(r.allows(OrgKind::VeiligThuis, 1), Ok(()));
        assert_eq!(
            r.allows(OrgKind::VeiligThuis, 2),
            Err(DenyReason::BreakGlassLimitReached)
        );
    }

    #[test]
    fn a_region_cannot_open_it_wide_or_to_organisations_without_cases() {
        let mut r = BreakGlassRules {
            per_day: 0,
            ..BreakGlassRules::default()
        };
        assert_eq!(r.validate().unwrap_err().field, keys::NOODTOEGANG_PER_DAG);
        r.per_day = MAX_PER_DAY + 1;
        assert_eq!(r.validate().unwrap_err().field, keys::NOODTOEGANG_PER_DAG);
        r.per_day = 5;
        r.org_kinds.push(OrgKind::School);
        assert_eq!(
            r.validate().unwrap_err().field,
            keys::NOODTOEGANG_ORGANISATIES
        );
    }
}
