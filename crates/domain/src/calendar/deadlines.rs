//! Deadlines of the Veilig Thuis flow. The terms are data ([`Terms`]) so that a term marked [NC] in
//! RULES.md, or another region's practice, is configuration rather than a constant.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month, OffsetDateTime, Time, UtcOffset, Weekday};

use super::{HolidayCalendar, add_days};
use crate::monitoring::MonitoringSchedule;

/// The terms Schakel computes deadlines with. Each field names its source and mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    /// RULES.md 2.1 / 2.3 [C]: Uitvoeringsbesluit Wmo 2015 art. 4.1.7 lid 1: the veiligheidsbeoordeling
    /// no later than 5 working days after receipt.
    pub assessment_working_days: u32,
    /// RULES.md 2.1 / 2.3 [C, regional practice]: an acute melding needs action within 24 hours.
    pub acute_hours: u32,
    /// RULES.md 2.3: onderzoek finished within 10 weeks; [C] as norm, statutory article [NC].
    pub onderzoek_weeks: u32,
    /// No source sets when the reporter must hear the outcome (RULES.md 2.4 only says after the
    /// beoordeling and after an onderzoek). Schakel default: 5 working days after the decision, so
    /// the task shows up in a work queue. [NC]
    pub feedback_working_days: u32,
    /// No source sets how long a receiver may take to accept or refuse a handover (RULES.md 2.5,
    /// handover checklist [NC]). Schakel default: 5 working days after the offer. [NC]
    pub handover_accept_working_days: u32,
    /// No source sets how soon Veilig Thuis must offer a refused handover to a new receiver
    /// (RULES.md 2.5 [NC]; issue 7 item 8). Schakel default: 5 working days after the refusal. [NC]
    #[serde(default = "default_reoffer_working_days")]
    pub handover_reoffer_working_days: u32,
    /// RULES.md 2.5: monitoring moments [NC]; see [`MonitoringSchedule`] for the default.
    pub monitoring: MonitoringSchedule,
}

impl Default for Terms {
    fn default() -> Self {
        Self {
            assessment_working_days: 5,
            acute_hours: 24,
            onderzoek_weeks: 10,
            feedback_working_days: 5,
            handover_accept_working_days: 5,
            handover_reoffer_working_days: default_reoffer_working_days(),
            monitoring: MonitoringSchedule::default(),
        }
    }
}

fn default_reoffer_working_days() -> u32 {
    5
}

/// The calendar date in the Netherlands (CET, CEST in summer) of a moment. Summer time runs from
/// the last Sunday of March to the last Sunday of October, 01:00 UTC both (Directive 2000/84/EC
/// art. 2 and 3). A melding received at 23:30 UTC on 31 December arrives on 1 January in Venlo.
pub fn dutch_local_date(at: OffsetDateTime) -> Date {
    to_dutch_local(at).date()
}

/// A date as Dutch readers write it: 29-11-2026.
pub fn dutch_date(d: Date) -> String {
    format!("{:02}-{:02}-{:04}", d.day(), u8::from(d.month()), d.year())
}

/// The Dutch offset from UTC at a moment: +2 in summer time, +1 otherwise (see above).
pub fn dutch_offset(at: OffsetDateTime) -> UtcOffset {
    let utc = at.to_offset(UtcOffset::UTC);
    let year = utc.year();
    let summer = match (
        last_sunday(year, Month::March),
        last_sunday(year, Month::October),
    ) {
        (Some(start), Some(end)) => {
            let one_am = Time::from_hms(1, 0, 0).unwrap_or(Time::MIDNIGHT);
            let start = start.with_time(one_am).assume_utc();
            let end = end.with_time(one_am).assume_utc();
            utc >= start && utc < end
        }
        _ => false,
    };
    let hours = if summer { 2 } else { 1 };
    UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC)
}

/// A moment as Dutch wall-clock time.
pub fn to_dutch_local(at: OffsetDateTime) -> time::PrimitiveDateTime {
    let local = at.to_offset(dutch_offset(at));
    time::PrimitiveDateTime::new(local.date(), local.time())
}

/// Dutch wall-clock time (as typed in a form) as a moment. In the hour that occurs twice when
/// summer time ends, the earlier (summer) reading is taken.
pub fn from_dutch_local(local: time::PrimitiveDateTime) -> OffsetDateTime {
    let summer = UtcOffset::from_hms(2, 0, 0).unwrap_or(UtcOffset::UTC);
    let winter = UtcOffset::from_hms(1, 0, 0).unwrap_or(UtcOffset::UTC);
    let as_summer = local.assume_offset(summer);
    if dutch_offset(as_summer) == summer {
        as_summer
    } else {
        local.assume_offset(winter)
    }
}

fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let first_of_next = match month {
        Month::December => Date::from_calendar_date(year + 1, Month::January, 1).ok()?,
        _ => Date::from_calendar_date(year, month.next(), 1).ok()?,
    };
    let mut day = first_of_next.previous_day()?;
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day()?;
    }
    Some(day)
}

/// The last day for the veiligheidsbeoordeling: the configured number of working days after the
/// (Dutch) day of receipt, which itself does not count.
/// RULES.md 2.1: Uitvoeringsbesluit Wmo 2015 art. 4.1.7 lid 1.
pub fn assessment_deadline(
    calendar: &HolidayCalendar,
    terms: &Terms,
    received: OffsetDateTime,
) -> Date {
    calendar.add_working_days(dutch_local_date(received), terms.assessment_working_days)
}

/// The moment by which an acute melding must have been acted on.
/// RULES.md 2.1 / 2.3: urgency first, action within 24 h.
pub fn acute_deadline(terms: &Terms, received: OffsetDateTime) -> OffsetDateTime {
    received
        .checked_add(Duration::hours(i64::from(terms.acute_hours)))
        .unwrap_or(received)
}

/// The last day of an onderzoek started on `start`.
/// RULES.md 2.3: 10 weeks as norm (LNVT: 80% within 10 weeks); statutory article [NC].
pub fn onderzoek_deadline(terms: &Terms, start: Date) -> Date {
    add_days(start, i64::from(terms.onderzoek_weeks) * 7)
}
