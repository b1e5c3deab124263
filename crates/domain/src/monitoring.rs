//! Monitoring, the stage after a handover with veiligheidsvoorwaarden (RULES.md 2.5): its events
//! and rules (`events.rs`) and its schedule of moments (here). Not the regional monitor of figures,
//! which is reserved as `monitor`.
//!
//! RULES.md 2.5 marks the exact monitoring moments [NC] (the protocol text was not seen; sources
//! mention 3/6/12 months as examples), so the schedule is configuration. The default of 6 weeks,
//! 3 months and 6 months after acceptance is a Schakel default, not a rule.

use crate::{msg, msg_args};
use serde::{Deserialize, Serialize};
use time::{Date, Month};

use crate::FieldError;
use crate::calendar::{HolidayCalendar, add_days};

mod events;

pub use events::{Event, FormerRegie, InvolvementEndGround, MomentReport, Monitoring};
pub(crate) use events::{apply, deadlines, follow_up, involvement_end};

/// How long after the start of monitoring a moment falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unit", content = "count", rename_all = "snake_case")]
pub enum Interval {
    Weeks(u32),
    /// Calendar months; a day that does not exist in the target month becomes its last day
    /// (31 January + 1 month = 28 or 29 February).
    Months(u32),
}

impl Interval {
    pub fn after(self, start: Date) -> Date {
        match self {
            Interval::Weeks(w) => add_days(start, i64::from(w) * 7),
            Interval::Months(m) => add_months(start, m),
        }
    }
}

/// Upper bounds for a configured interval: five years either way. No source sets them (RULES.md
/// 2.3 reports monitoring of about 1.5 years on average); they only catch typos such as `600 weken`.
const MAX_WEEKS: u32 = 260;
const MAX_MONTHS: u32 = 60;

impl Interval {
    /// Parses the form regional staff write: `6 weken`, `1 week`, `3 maanden`, `1 maand`.
    pub fn parse(field: &str, text: &str) -> Result<Self, FieldError> {
        let wrong = || {
            FieldError::new(
                field,
                msg_args("error-period-invalid", [("text", text.to_string())]),
            )
        };
        let mut parts = text.split_whitespace();
        let (Some(count), Some(unit), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(wrong());
        };
        let count: u32 = count.parse().map_err(|_| wrong())?;
        let (interval, max) = match unit.to_lowercase().as_str() {
            "week" | "weken" => (Interval::Weeks(count), MAX_WEEKS),
            "maand" | "maanden" => (Interval::Months(count), MAX_MONTHS),
            _ => return Err(wrong()),
        };
        if count == 0 || count > max {
            return Err(FieldError::new(
                field,
                msg_args(
                    "error-period-count-out-of-range",
                    [("text", text.to_string()), ("max", max.to_string())],
                ),
            ));
        }
        Ok(interval)
    }

    /// The canonical Dutch text: `6 weken`, `1 week`, `3 maanden`, `1 maand`.
    pub fn text(self) -> String {
        match self {
            Interval::Weeks(1) => "1 week".into(),
            Interval::Weeks(n) => format!("{n} weken"),
            Interval::Months(1) => "1 maand".into(),
            Interval::Months(n) => format!("{n} maanden"),
        }
    }
}

fn add_months(start: Date, months: u32) -> Date {
    let index =
        i64::from(start.year()) * 12 + i64::from(u8::from(start.month())) - 1 + i64::from(months);
    let (Ok(year), Ok(month_no)) = (
        i32::try_from(index.div_euclid(12)),
        u8::try_from(index.rem_euclid(12) + 1),
    ) else {
        return Date::MAX;
    };
    let Ok(month) = Month::try_from(month_no) else {
        return Date::MAX;
    };
    let day = start.day().min(time::util::days_in_month(month, year));
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MAX)
}

/// One planned monitoring moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonitoringMoment {
    /// Stable code, recorded with `MonitoringRecorded { moment }`.
    pub code: String,
    pub label_nl: String,
    pub after: Interval,
}

/// The planned moments, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonitoringSchedule {
    pub moments: Vec<MonitoringMoment>,
}

impl Default for MonitoringSchedule {
    /// Schakel default [NC] (RULES.md 2.5): 6 weeks, 3 months and 6 months after acceptance.
    fn default() -> Self {
        Self {
            moments: vec![
                MonitoringMoment::after(Interval::Weeks(6)),
                MonitoringMoment::after(Interval::Months(3)),
                MonitoringMoment::after(Interval::Months(6)),
            ],
        }
    }
}

impl MonitoringMoment {
    /// The moment `after` an interval, with the code and label the default schedule uses
    /// (`6_weken`, "Na 6 weken"), so recorded moments keep their meaning when a region writes the
    /// default schedule out.
    pub fn after(after: Interval) -> Self {
        let text = after.text();
        Self {
            code: text.replace(' ', "_"),
            label_nl: format!("Na {text}"),
            after,
        }
    }

    /// The words of a moment's code (`6_weken` reads "6 weken"), for a label where only the
    /// recorded code is at hand; a code is its interval's words with underscores (see `after`).
    pub fn words_of(code: &str) -> String {
        code.replace('_', " ")
    }
}

/// A moment that has not been recorded yet, with its due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueMoment {
    pub code: String,
    pub label_nl: String,
    pub due: Date,
}

impl MonitoringSchedule {
    /// Checks a configured schedule: at least one moment, unique non-empty codes, strictly later
    /// each time (judged from a fixed reference date).
    pub fn validate(&self, field: &str) -> Result<(), FieldError> {
        if self.moments.is_empty() {
            return Err(FieldError::new(
                field,
                msg("error-monitoring-moment-required"),
            ));
        }
        let reference = time::macros::date!(2024 - 01 - 31);
        let mut previous: Option<Date> = None;
        for (i, m) in self.moments.iter().enumerate() {
            let f = format!("{field}[{i}]");
            if m.code.trim().is_empty() || m.label_nl.trim().is_empty() {
                return Err(FieldError::new(
                    f,
                    msg("error-monitoring-moment-code-and-description-required"),
                ));
            }
            if self.moments[..i].iter().any(|p| p.code == m.code) {
                return Err(FieldError::new(
                    f,
                    msg_args(
                        "error-monitoring-moment-code-duplicate",
                        [("code", m.code.to_string())],
                    ),
                ));
            }
            let due = m.after.after(reference);
            if due <= reference || previous.is_some_and(|p| due <= p) {
                return Err(FieldError::new(f, msg("error-monitoring-moment-not-later")));
            }
            previous = Some(due);
        }
        Ok(())
    }

    /// The moment with this code, or an error naming `field`.
    pub fn parse_moment(&self, field: &str, code: &str) -> Result<&MonitoringMoment, FieldError> {
        self.moments.iter().find(|m| m.code == code).ok_or_else(|| {
            FieldError::new(
                field,
                msg_args(
                    "error-monitoring-moment-unknown",
                    [("code", code.to_string())],
                ),
            )
        })
    }

    /// The moments not yet recorded, with their due dates counted from `accepted_on`, in order.
    pub fn moments_due<'a>(
        &self,
        accepted_on: Date,
        recorded: impl IntoIterator<Item = &'a str>,
    ) -> Vec<DueMoment> {
        let recorded: Vec<&str> = recorded.into_iter().collect();
        self.moments
            .iter()
            .filter(|m| !recorded.contains(&m.code.as_str()))
            .map(|m| DueMoment {
                code: m.code.clone(),
                label_nl: m.label_nl.clone(),
                due: m.after.after(accepted_on),
            })
            .collect()
    }
}

/// The first working day on or after `date`: a moment that falls on a weekend or holiday is due
/// on the next working day (issue 7 item 7: moments due on working days).
pub fn on_working_day(calendar: &HolidayCalendar, date: Date) -> Date {
    let mut d = date;
    // A year holds far fewer than 30 closed days in a row; the bound only keeps the loop finite.
    for _ in 0..30 {
        if calendar.is_working_day(d) {
            return d;
        }
        d = d.next_day().unwrap_or(d);
    }
    d
}

impl MonitoringSchedule {
    /// The moments not yet recorded, each due on a working day (see [`on_working_day`]).
    pub fn moments_due_on_working_days<'a>(
        &self,
        calendar: &HolidayCalendar,
        accepted_on: Date,
        recorded: impl IntoIterator<Item = &'a str>,
    ) -> Vec<DueMoment> {
        self.moments_due(accepted_on, recorded)
            .into_iter()
            .map(|d| DueMoment {
                due: on_working_day(calendar, d.due),
                ..d
            })
            .collect()
    }

    /// Whether `moment` may be recorded for `monitoring` on `today` (issue 7 item 7): a moment of
    /// the region's schedule, not recorded before, and due, or earlier with a reason. Returns the
    /// moment's due date.
    pub fn check_recordable(
        &self,
        calendar: &HolidayCalendar,
        monitoring: &Monitoring,
        moment: &str,
        today: Date,
        early_reason: Option<&str>,
    ) -> Result<Date, FieldError> {
        let m = self.parse_moment("moment", moment)?;
        if monitoring.recorded_moments.iter().any(|r| r == &m.code) {
            return Err(FieldError::new(
                "moment",
                msg_args(
                    "error-monitoring-moment-already-recorded",
                    [("moment", m.label_nl.clone())],
                ),
            ));
        }
        let due = on_working_day(
            calendar,
            m.after
                .after(crate::calendar::dutch_local_date(monitoring.started_at)),
        );
        let has_reason = early_reason.is_some_and(|r| !r.trim().is_empty());
        if today < due && !has_reason {
            return Err(FieldError::new(
                "early_reason",
                msg_args(
                    "error-monitoring-moment-not-due",
                    [("moment", m.label_nl.clone()), ("due", dutch_date(due))],
                ),
            ));
        }
        Ok(due)
    }
}

/// A date as Dutch readers write it: 29-11-2026.
pub fn dutch_date(d: Date) -> String {
    format!("{:02}-{:02}-{}", d.day(), u8::from(d.month()), d.year())
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn monitoring_from(started: time::OffsetDateTime) -> Monitoring {
        Monitoring {
            started_at: started,
            monitored_by: "vt".into(),
            veiligheidsvoorwaarden: vec!["c1".into()],
            agreements: vec![],
            recorded_moments: vec![],
            unmet: vec![],
        }
    }

    #[test]
    fn a_moment_on_a_weekend_is_due_on_the_next_working_day() {
        let cal = HolidayCalendar::default();
        // Accepted on Saturday 3 January 2026: 6 weeks later is Saturday 14 February, due Monday.
        let due = MonitoringSchedule::default().moments_due_on_working_days(
            &cal,
            date!(2026 - 01 - 03),
            [],
        );
        assert_eq!(due[0].due, date!(2026 - 02 - 16));
        // 27 April (Koningsdag) 2026 is a Monday: due Tuesday.
        assert_eq!(
            on_working_day(&cal, date!(2026 - 04 - 27)),
            date!(2026 - 04 - 28)
        );
    }

    #[test]
    fn a_moment_is_recordable_when_due_or_earlier_with_a_reason_and_only_once() {
        let cal = HolidayCalendar::default();
        let schedule = MonitoringSchedule::default();
        let mut m = monitoring_from(time::macros::datetime!(2026-01-15 10:00 +1));
        // 6 weeks after 15 January 2026 is Thursday 26 February.
        let early = schedule.check_recordable(&cal, &m, "6_weken", date!(2026 - 02 - 25), None);
        assert_eq!(early.unwrap_err().field, "early_reason");
        assert_eq!(
            schedule.check_recordable(&cal, &m, "6_weken", date!(2026 - 02 - 25), Some("  ")),
            Err(FieldError::new(
                "early_reason",
                msg_args(
                    "error-monitoring-moment-not-due",
                    [
                        ("moment", "Na 6 weken".to_string()),
                        ("due", "26-02-2026".to_string())
                    ]
                )
            ))
        );
        assert_eq!(
            schedule.check_recordable(
                &cal,
                &m,
                "6_weken",
                date!(2026 - 02 - 25),
                Some("Gezin verhuist")
            ),
            Ok(date!(2026 - 02 - 26))
        );
        assert_eq!(
            schedule.check_recordable(&cal, &m, "6_weken", date!(2026 - 02 - 26), None),
            Ok(date!(2026 - 02 - 26))
        );
        assert_eq!(
            schedule
                .check_recordable(&cal, &m, "6 weken", date!(2026 - 03 - 26), None)
                .unwrap_err()
                .field,
            "moment"
        );
        m.recorded_moments.push("6_weken".into());
        assert_eq!(
            schedule
                .check_recordable(&cal, &m, "6_weken", date!(2026 - 03 - 26), None)
                .unwrap_err()
                .field,
            "moment"
        );
    }

    #[test]
    fn default_moments_fall_6_weeks_3_and_6_months_after_acceptance() {
        let due = MonitoringSchedule::default().moments_due(date!(2026 - 01 - 15), []);
        let dates: Vec<Date> = due.iter().map(|d| d.due).collect();
        assert_eq!(
            dates,
            vec![
                date!(2026 - 02 - 26),
                date!(2026 - 04 - 15),
                date!(2026 - 07 - 15)
            ]
        );
    }

    #[test]
    fn recorded_moments_are_no_longer_due() {
        let due = MonitoringSchedule::default().moments_due(date!(2026 - 01 - 15), ["6_weken"]);
        let codes: Vec<&str> = due.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, vec!["3_maanden", "6_maanden"]);
        let none = MonitoringSchedule::default()
            .moments_due(date!(2026 - 01 - 15), ["6_weken", "3_maanden", "6_maanden"]);
        assert!(none.is_empty());
    }

    #[test]
    fn months_clamp_to_the_end_of_short_months() {
        assert_eq!(
            Interval::Months(1).after(date!(2026 - 01 - 31)),
            date!(2026 - 02 - 28)
        );
        assert_eq!(
            Interval::Months(1).after(date!(2028 - 01 - 31)),
            date!(2028 - 02 - 29)
        );
        assert_eq!(
            Interval::Months(12).after(date!(2026 - 11 - 30)),
            date!(2027 - 11 - 30)
        );
        assert_eq!(
            Interval::Months(3).after(date!(2026 - 11 - 30)),
            date!(2027 - 02 - 28)
        );
    }

    #[test]
    fn default_codes_and_labels_stay_as_recorded_in_existing_cases() {
        let codes: Vec<(String, String)> = MonitoringSchedule::default()
            .moments
            .into_iter()
            .map(|m| (m.code, m.label_nl))
            .collect();
        let expected = [
            ("6_weken", "Na 6 weken"),
            ("3_maanden", "Na 3 maanden"),
            ("6_maanden", "Na 6 maanden"),
        ]
        .map(|(c, l)| (c.to_string(), l.to_string()));
        assert_eq!(codes, expected);
    }

    #[test]
    fn intervals_parse_from_dutch_text_and_back() {
        for (text, interval) in [
            ("6 weken", Interval::Weeks(6)),
            ("1 week", Interval::Weeks(1)),
            ("  3   Maanden ", Interval::Months(3)),
            ("1 maand", Interval::Months(1)),
        ] {
            assert_eq!(Interval::parse("m", text), Ok(interval), "{text}");
        }
        assert_eq!(Interval::Months(1).text(), "1 maand");
        assert_eq!(Interval::Weeks(12).text(), "12 weken");
        for bad in [
            "",
            "6",
            "zes weken",
            "6 dagen",
            "0 weken",
            "61 maanden",
            "6 weken later",
            "-1 week",
        ] {
            assert_eq!(Interval::parse("m", bad).unwrap_err().field, "m", "{bad}");
        }
    }

    #[test]
    fn a_region_can_configure_3_6_12_months() {
        let schedule = MonitoringSchedule {
            moments: [3, 6, 12]
                .map(|m| MonitoringMoment {
                    code: format!("{m}_maanden"),
                    label_nl: format!("Na {m} maanden"),
                    after: Interval::Months(m),
                })
                .to_vec(),
        };
        assert_eq!(schedule.validate("monitoring"), Ok(()));
        let last = schedule
            .moments_due(date!(2026 - 03 - 01), [])
            .pop()
            .map(|d| d.due);
        assert_eq!(last, Some(date!(2027 - 03 - 01)));
    }

    #[test]
    fn invalid_schedules_name_the_moment() {
        let mut schedule = MonitoringSchedule::default();
        schedule.moments.swap(1, 2);
        assert_eq!(
            schedule.validate("monitoring").unwrap_err().field,
            "monitoring[2]"
        );
        let mut dup = MonitoringSchedule::default();
        dup.moments[2].code = "6_weken".into();
        assert_eq!(
            dup.validate("monitoring").unwrap_err().field,
            "monitoring[2]"
        );
        let empty = MonitoringSchedule { moments: vec![] };
        assert_eq!(
            empty.validate("monitoring").unwrap_err().field,
            "monitoring"
        );
        assert_eq!(
            MonitoringSchedule::default()
                .parse_moment("moment", "1_jaar")
                .unwrap_err()
                .field,
            "moment"
        );
    }
}
