//! The region at a glance, for policy and programme staff's start page: counts per gemeente for
//! this half year and the last (RULES.md 3: CBS counts per half year and per gemeente), with small
//! counts hidden so no family can be recognised (DESIGN.md principle 5).

use time::{Date, Month};

/// One half year: 1 January to 1 July, or 1 July to 1 January (the end not included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HalfYear {
    pub year: i32,
    /// 1 or 2.
    pub half: u8,
}

impl HalfYear {
    /// The half year a Dutch calendar day falls in.
    pub fn of(day: Date) -> Self {
        let half = if (day.month() as u8) < 7 { 1 } else { 2 };
        Self {
            year: day.year(),
            half,
        }
    }

    pub fn previous(self) -> Self {
        match self.half {
            1 => Self {
                year: self.year - 1,
                half: 2,
            },
            _ => Self {
                year: self.year,
                half: 1,
            },
        }
    }

    /// The first day, and the first day after it.
    pub fn days(self) -> Option<(Date, Date)> {
        let start = |year: i32, month: Month| Date::from_calendar_date(year, month, 1).ok();
        Some(match self.half {
            1 => (
                start(self.year, Month::January)?,
                start(self.year, Month::July)?,
            ),
            _ => (
                start(self.year, Month::July)?,
                start(self.year + 1, Month::January)?,
            ),
        })
    }

    /// "1e halfjaar 2026", as CBS names the period (RULES.md 3).
    pub fn label(self) -> String {
        schakel_i18n::t_args(
            "look-half-year",
            &[
                ("half", &self.half.to_string()),
                ("year", &self.year.to_string()),
            ],
        )
    }
}

/// Counts below this are not shown as a number. [NC] Schakel's own choice for the start page (issue
/// 7): a count of one to four in a small gemeente can point at a family. CBS suppresses more
/// (RULES.md 3: cells below 10, rounding to 5); the published monitor applies that, this page
/// is for the region's own staff.
pub const SMALLEST_SHOWN: u64 = 5;

/// A count as the start page shows it: "0", "< 5" or the number.
pub fn shown_count(n: u64) -> String {
    if n > 0 && n < SMALLEST_SHOWN {
        format!("< {SMALLEST_SHOWN}")
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn half_years_split_on_1_july() {
        assert_eq!(
            HalfYear::of(date!(2026 - 06 - 30)),
            HalfYear {
                year: 2026,
                half: 1
            }
        );
        let second = HalfYear::of(date!(2026 - 07 - 01));
        assert_eq!(second.half, 2);
        assert_eq!(
            second.days(),
            Some((date!(2026 - 07 - 01), date!(2027 - 01 - 01)))
        );
        assert_eq!(
            HalfYear::of(date!(2026 - 03 - 01)).previous().days(),
            Some((date!(2025 - 07 - 01), date!(2026 - 01 - 01)))
        );
        assert_eq!(second.label(), "2e halfjaar 2026");
    }

    #[test]
    fn small_counts_are_not_shown_as_numbers() {
        assert_eq!(shown_count(0), "0");
        assert_eq!(shown_count(1), "< 5");
        assert_eq!(shown_count(4), "< 5");
        assert_eq!(shown_count(5), "5");
        assert_eq!(shown_count(123), "123");
    }
}
