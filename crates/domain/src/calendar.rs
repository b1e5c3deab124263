//! Working days with Dutch public holidays, and the statutory and protocol deadlines built on them.
//!
//! Which days count as holidays is configuration ([`HolidayCalendar`]): RULES.md sets the 5-working-day
//! term (2.1) but names no holiday list, so the days that are in doubt (Goede Vrijdag, 5 May) are
//! switches with a default named as such.

use crate::msg_args;
use schakel_i18n::t;
use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month, Weekday};

mod deadlines;
mod due;
#[cfg(test)]
mod tests;

pub use deadlines::{
    Terms, acute_deadline, assessment_deadline, dutch_date, dutch_local_date, dutch_offset,
    from_dutch_local, onderzoek_deadline, to_dutch_local,
};
pub use due::{DueState, dutch_moment};

/// A public holiday the calendar may recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    Nieuwjaarsdag,
    GoedeVrijdag,
    EerstePaasdag,
    TweedePaasdag,
    Koningsdag,
    Bevrijdingsdag,
    Hemelvaartsdag,
    EerstePinksterdag,
    TweedePinksterdag,
    EersteKerstdag,
    TweedeKerstdag,
}

impl Holiday {
    /// The Dutch name users read.
    pub fn label(self) -> String {
        match self {
            Holiday::Nieuwjaarsdag => t("holiday-nieuwjaarsdag"),
            Holiday::GoedeVrijdag => t("holiday-goede-vrijdag"),
            Holiday::EerstePaasdag => t("holiday-eerste-paasdag"),
            Holiday::TweedePaasdag => t("holiday-tweede-paasdag"),
            Holiday::Koningsdag => t("holiday-koningsdag"),
            Holiday::Bevrijdingsdag => t("holiday-bevrijdingsdag"),
            Holiday::Hemelvaartsdag => t("holiday-hemelvaartsdag"),
            Holiday::EerstePinksterdag => t("holiday-eerste-pinksterdag"),
            Holiday::TweedePinksterdag => t("holiday-tweede-pinksterdag"),
            Holiday::EersteKerstdag => t("holiday-eerste-kerstdag"),
            Holiday::TweedeKerstdag => t("holiday-tweede-kerstdag"),
        }
    }
}

/// When 5 May (Bevrijdingsdag) is a day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LiberationDayRule {
    /// Every year. The Algemene termijnenwet art. 3 lists "de vijfde mei" among the recognised
    /// holidays for statutory terms (not in RULES.md; to verify before choosing this for a region).
    EveryYear,
    /// Only in lustrum years (2020, 2025, 2030, ...), as many collective agreements in care do.
    LustrumOnly,
    /// Never a day off.
    Never,
}

impl LiberationDayRule {
    pub const ALL: [LiberationDayRule; 3] = [
        LiberationDayRule::EveryYear,
        LiberationDayRule::LustrumOnly,
        LiberationDayRule::Never,
    ];

    /// The Dutch code a region file uses.
    pub fn code(self) -> &'static str {
        match self {
            LiberationDayRule::EveryYear => "elk_jaar",
            LiberationDayRule::LustrumOnly => "lustrum",
            LiberationDayRule::Never => "nooit",
        }
    }

    /// The rule with this Dutch code, or an error naming `field` and the codes to choose from.
    pub fn parse(field: &str, code: &str) -> Result<Self, crate::FieldError> {
        Self::ALL
            .into_iter()
            .find(|r| r.code() == code.trim())
            .ok_or_else(|| {
                crate::FieldError::new(
                    field,
                    msg_args(
                        "error-calendar-repeat-unknown",
                        [("code", code.to_string())],
                    ),
                )
            })
    }
}

/// Which holidays make a day a non-working day. Saturdays and Sundays never are working days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayCalendar {
    /// Goede Vrijdag is not in the Algemene termijnenwet art. 3 list and is a day off only at some
    /// employers. Schakel default: off (a working day). [NC] for Veilig Thuis organisations.
    pub good_friday: bool,
    /// Schakel default: lustrum years only. [NC]: see [`LiberationDayRule::EveryYear`].
    pub liberation_day: LiberationDayRule,
    /// Extra days a region closes (e.g. a regional carnival Monday); empty by default.
    #[serde(default)]
    pub extra_closed_days: Vec<Date>,
}

impl Default for HolidayCalendar {
    fn default() -> Self {
        Self {
            good_friday: false,
            liberation_day: LiberationDayRule::LustrumOnly,
            extra_closed_days: Vec::new(),
        }
    }
}

/// Easter Sunday in the Gregorian calendar, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
/// Defined for every year `time` can represent; returns `None` only if the date is out of range.
pub fn easter_sunday(year: i32) -> Option<Date> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = ((h + l - 7 * m + 114) % 31) + 1;
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

impl HolidayCalendar {
    /// The holiday that falls on `date` under this configuration, if any.
    pub fn holiday(&self, date: Date) -> Option<Holiday> {
        let (year, month, day) = (date.year(), date.month(), date.day());
        match (month, day) {
            (Month::January, 1) => return Some(Holiday::Nieuwjaarsdag),
            (Month::December, 25) => return Some(Holiday::EersteKerstdag),
            (Month::December, 26) => return Some(Holiday::TweedeKerstdag),
            (Month::May, 5) => {
                let off = match self.liberation_day {
                    LiberationDayRule::EveryYear => true,
                    LiberationDayRule::LustrumOnly => year.rem_euclid(5) == 0,
                    LiberationDayRule::Never => false,
                };
                if off {
                    return Some(Holiday::Bevrijdingsdag);
                }
            }
            _ => {}
        }
        if Some(date) == kings_day(year) {
            return Some(Holiday::Koningsdag);
        }
        let easter = easter_sunday(year)?;
        let offset = (date - easter).whole_days();
        match offset {
            -2 if self.good_friday => Some(Holiday::GoedeVrijdag),
            0 => Some(Holiday::EerstePaasdag),
            1 => Some(Holiday::TweedePaasdag),
            39 => Some(Holiday::Hemelvaartsdag),
            49 => Some(Holiday::EerstePinksterdag),
            50 => Some(Holiday::TweedePinksterdag),
            _ => None,
        }
    }

    /// A working day is a Monday to Friday that is no holiday and no extra closed day.
    pub fn is_working_day(&self, date: Date) -> bool {
        !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
            && self.holiday(date).is_none()
            && !self.extra_closed_days.contains(&date)
    }

    /// The `n`th working day after `date`; `date` itself never counts (RULES.md 2.1: the day of
    /// receipt does not count). `n == 0` returns `date` unchanged. Saturates at `Date::MAX`.
    pub fn add_working_days(&self, date: Date, n: u32) -> Date {
        let mut current = date;
        let mut left = n;
        while left > 0 {
            match current.next_day() {
                Some(next) => current = next,
                None => return current,
            }
            if self.is_working_day(current) {
                left -= 1;
            }
        }
        current
    }

    /// The number of working days `d` with `from < d <= to`; negative when `to` is before `from`.
    /// For every `n`: `working_days_between(d, add_working_days(d, n)) == n`.
    pub fn working_days_between(&self, from: Date, to: Date) -> i64 {
        let (start, end, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut count = 0_i64;
        let mut current = start;
        while current < end {
            match current.next_day() {
                Some(next) => current = next,
                None => break,
            }
            if self.is_working_day(current) {
                count += 1;
            }
        }
        sign * count
    }
}

/// Koningsdag: 27 April, or 26 April when the 27th is a Sunday (Koningsdag since 2014). Before
/// 2014, Koninginnedag: 30 April, or 29 April when the 30th is a Sunday.
fn kings_day(year: i32) -> Option<Date> {
    let (day, fallback) = if year >= 2014 { (27, 26) } else { (30, 29) };
    let date = Date::from_calendar_date(year, Month::April, day).ok()?;
    if date.weekday() == Weekday::Sunday {
        Date::from_calendar_date(year, Month::April, fallback).ok()
    } else {
        Some(date)
    }
}

/// Adds whole days, saturating at the ends of the representable range.
pub(crate) fn add_days(date: Date, days: i64) -> Date {
    date.checked_add(Duration::days(days))
        .unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// Serde for a [`Date`] as `YYYY-MM-DD`, for use with `#[serde(with = "crate::calendar::iso_date")]`.
pub mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;
    use time::macros::format_description;

    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        let text = date.format(FORMAT).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text, FORMAT).map_err(serde::de::Error::custom)
    }

    /// The same for an optional date (`null` when absent).
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};
        use time::Date;

        pub fn serialize<S: Serializer>(
            date: &Option<Date>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match date {
                Some(d) => super::serialize(d, serializer),
                None => serializer.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Date>, D::Error> {
            let text = Option::<String>::deserialize(deserializer)?;
            text.map(|t| Date::parse(&t, super::FORMAT).map_err(serde::de::Error::custom))
                .transpose()
        }
    }
}
