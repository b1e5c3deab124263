//! The rules a region sets, in one value: which days are working days, the terms of the Veilig Thuis
//! process and the code-list versions in force.
//!
//! RULES.md (heading) asks that every rule marked [P] or [NC] be configurable data, not a constant,
//! and section 0 lets the region's own policy win for its configuration. The binary reads this value
//! once from the region file (`[regels]`, see `regions/noord-midden-limburg.toml`); the deadlines of
//! the domain, the pages, the API and the store's group committer all compute with that one value.
//! The defaults are today's values, each with its source below.

use crate::msg_args;
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::calendar::{HolidayCalendar, Terms};
use crate::codes::{self, ids};

/// The region-file keys of the `[regels]` table. Validation errors name these keys, so that the
/// person editing the file finds the line to change.
pub mod keys {
    pub const GOEDE_VRIJDAG: &str = "goede_vrijdag";
    pub const BEVRIJDINGSDAG: &str = "bevrijdingsdag";
    pub const EXTRA_SLUITINGSDAGEN: &str = "extra_sluitingsdagen";
    pub const BEOORDELING_WERKDAGEN: &str = "beoordeling_werkdagen";
    pub const ACUUT_UREN: &str = "acuut_uren";
    pub const ONDERZOEK_WEKEN: &str = "onderzoek_weken";
    pub const TERUGKOPPELING_WERKDAGEN: &str = "terugkoppeling_werkdagen";
    pub const OVERDRACHT_ANTWOORD_WERKDAGEN: &str = "overdracht_antwoord_werkdagen";
    pub const OVERDRACHT_NIEUWE_ONTVANGER_WERKDAGEN: &str = "overdracht_nieuwe_ontvanger_werkdagen";
    pub const MONITORING_MOMENTEN: &str = "monitoring_momenten";
    pub const CODELIJST_AARD_GEWELD: &str = "codelijst_aard_geweld";
    pub const NOODTOEGANG_ORGANISATIES: &str = "noodtoegang_organisaties";
    pub const NOODTOEGANG_PER_DAG: &str = "noodtoegang_per_dag";
}

/// Everything a region configures about deadlines and code lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionRules {
    /// Which days count as working days. Defaults and their marks: see [`HolidayCalendar`]
    /// (Goede Vrijdag a working day [NC], Bevrijdingsdag off in lustrum years only [NC]).
    pub calendar: HolidayCalendar,
    /// The terms deadlines are computed with. Defaults and their sources: see [`Terms`]
    /// (assessment 5 working days and acute 24 hours [C], RULES.md 2.1/2.3; onderzoek 10 weeks
    /// [C as norm]; feedback and handover answer 5 working days [NC]; monitoring 6 weeks, 3 and
    /// 6 months [NC], RULES.md 2.5).
    pub terms: Terms,
    /// The versions of the code lists new records use.
    pub codes: CodeVersions,
    /// Who may break the glass, and how often (issue 8 finding 6; see [`BreakGlassRules`]).
    #[serde(default)]
    pub break_glass: crate::access::break_glass::BreakGlassRules,
}

/// The version in force of each code list that exists in more than one version. The other lists
/// (reporter types, tracks, channels, roles, specific groups) have one built-in version each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeVersions {
    /// The `aard_geweld` list an intake records kinds of violence in. Default `regio-2018`: the
    /// 13 kinds the region registered in 2018 (RULES.md 0), mapped to CBS 2019 for reporting
    /// (RULES.md 3).
    pub aard_geweld: String,
}

impl Default for CodeVersions {
    fn default() -> Self {
        Self {
            aard_geweld: ids::REGIO_2018.to_string(),
        }
    }
}

/// The law and the protocol set the longest terms; a region may be stricter, never looser.
/// RULES.md 2.1 / 2.3 [C]: Uitvoeringsbesluit Wmo 2015 art. 4.1.7 lid 1, at most 5 working days.
pub const MAX_ASSESSMENT_WORKING_DAYS: u32 = 5;
/// RULES.md 2.1 / 2.3 [C]: an acute melding needs action within 24 hours.
pub const MAX_ACUTE_HOURS: u32 = 24;
/// RULES.md 2.3 [C as norm]: an onderzoek is finished within 10 weeks.
pub const MAX_ONDERZOEK_WEEKS: u32 = 10;
/// No source sets the feedback and handover answer terms ([NC], RULES.md 2.4 / 2.5); four working
/// weeks is only a bound against typos.
pub const MAX_NC_WORKING_DAYS: u32 = 20;

fn within(field: &str, value: u32, max: u32, why: &str) -> Result<(), FieldError> {
    if (1..=max).contains(&value) {
        Ok(())
    } else {
        Err(FieldError::new(
            field,
            msg_args(
                "error-rule-out-of-range",
                [
                    ("max", max.to_string()),
                    ("why", why.to_string()),
                    ("value", value.to_string()),
                ],
            ),
        ))
    }
}

impl RegionRules {
    /// Checks every value against its bounds and the built-in code lists. The error names the
    /// region-file key (see [`keys`]); the monitoring moments also name the position in the list.
    pub fn validate(&self) -> Result<(), FieldError> {
        let t = &self.terms;
        within(
            keys::BEOORDELING_WERKDAGEN,
            t.assessment_working_days,
            MAX_ASSESSMENT_WORKING_DAYS,
            "wettelijk uiterlijk 5 werkdagen",
        )?;
        within(
            keys::ACUUT_UREN,
            t.acute_hours,
            MAX_ACUTE_HOURS,
            "acuut is binnen 24 uur",
        )?;
        within(
            keys::ONDERZOEK_WEKEN,
            t.onderzoek_weeks,
            MAX_ONDERZOEK_WEEKS,
            "de norm is 10 weken",
        )?;
        within(
            keys::TERUGKOPPELING_WERKDAGEN,
            t.feedback_working_days,
            MAX_NC_WORKING_DAYS,
            "hoogstens vier werkweken",
        )?;
        within(
            keys::OVERDRACHT_ANTWOORD_WERKDAGEN,
            t.handover_accept_working_days,
            MAX_NC_WORKING_DAYS,
            "hoogstens vier werkweken",
        )?;
        within(
            keys::OVERDRACHT_NIEUWE_ONTVANGER_WERKDAGEN,
            t.handover_reoffer_working_days,
            MAX_NC_WORKING_DAYS,
            "hoogstens vier werkweken",
        )?;
        t.monitoring.validate(keys::MONITORING_MOMENTEN)?;
        codes::registry().require(
            keys::CODELIJST_AARD_GEWELD,
            ids::AARD_GEWELD,
            &self.codes.aard_geweld,
        )?;
        self.break_glass.validate()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::calendar::{LiberationDayRule, assessment_deadline};

    #[test]
    fn the_defaults_are_todays_values_and_valid() {
        let r = RegionRules::default();
        assert_eq!(r.validate(), Ok(()));
        assert!(!r.calendar.good_friday);
        assert_eq!(r.calendar.liberation_day, LiberationDayRule::LustrumOnly);
        assert_eq!(r.terms.assessment_working_days, 5);
        assert_eq!(r.terms.acute_hours, 24);
        assert_eq!(r.terms.onderzoek_weeks, 10);
        assert_eq!(r.terms.handover_accept_working_days, 5);
        assert_eq!(r.terms.monitoring.moments.len(), 3);
        assert_eq!(r.codes.aard_geweld, "regio-2018");
    }

    #[test]
    fn looser_than_the_law_or_unknown_lists_are_refused_naming_the_key() {
        let mut r = RegionRules::default();
        r.terms.assessment_working_days = 6;
        assert_eq!(r.validate().unwrap_err().field, keys::BEOORDELING_WERKDAGEN);
        r.terms.assessment_working_days = 3;
        assert_eq!(r.validate(), Ok(()), "a region may be stricter");
        r.terms.acute_hours = 0;
        assert_eq!(r.validate().unwrap_err().field, keys::ACUUT_UREN);
        r.terms.acute_hours = 12;
        r.terms.handover_accept_working_days = 21;
        assert_eq!(
            r.validate().unwrap_err().field,
            keys::OVERDRACHT_ANTWOORD_WERKDAGEN
        );
        r.terms.handover_accept_working_days = 10;
        r.codes.aard_geweld = "regio-2030".into();
        assert_eq!(r.validate().unwrap_err().field, keys::CODELIJST_AARD_GEWELD);
        r.codes.aard_geweld = ids::CBS_2019.into();
        assert_eq!(r.validate(), Ok(()));
        r.terms.monitoring.moments.clear();
        assert_eq!(r.validate().unwrap_err().field, keys::MONITORING_MOMENTEN);
    }

    #[test]
    fn the_assessment_deadline_follows_the_configured_rules() {
        // Thursday before Easter 2026 (RULES.md 2.1; see calendar tests for the day count).
        let received = datetime!(2026-04-02 10:00 +2);
        let mut r = RegionRules::default();
        let due = |r: &RegionRules| assessment_deadline(&r.calendar, &r.terms, received);
        assert_eq!(due(&r).to_string(), "2026-04-10");
        r.calendar.good_friday = true;
        assert_eq!(due(&r).to_string(), "2026-04-13");
        r.terms.assessment_working_days = 3;
        assert_eq!(due(&r).to_string(), "2026-04-09");
    }
}
