//! How a deadline stands today, and moments as Dutch readers see them. Used by every page that shows
//! a deadline, so "on time", "due soon" and "overdue" mean the same everywhere.

use time::{Date, OffsetDateTime};

use super::HolidayCalendar;
use super::deadlines::{dutch_local_date, to_dutch_local};

/// Where a deadline stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DueState {
    /// More than one working day left.
    OnTime,
    /// Due today or on the next working day: whoever owns it should act now.
    DueSoon,
    /// Passed.
    Overdue,
}

impl DueState {
    /// The state of a deadline on Dutch calendar day `due` (with the exact moment `due_at` for the
    /// 24-hour term) at `now`. [NC] Schakel's own choice (issue 7): "due soon" is due today or on
    /// the next working day, so a deadline on Monday warns on the Friday before; a 24-hour term
    /// warns once it has less than 24 hours left.
    pub fn of(
        calendar: &HolidayCalendar,
        due: Date,
        due_at: Option<OffsetDateTime>,
        now: OffsetDateTime,
    ) -> Self {
        let today = dutch_local_date(now);
        if let Some(at) = due_at {
            return if at < now {
                DueState::Overdue
            } else if at - now <= time::Duration::hours(24) {
                DueState::DueSoon
            } else {
                DueState::OnTime
            };
        }
        if due < today {
            DueState::Overdue
        } else if due <= calendar.add_working_days(today, 1) {
            DueState::DueSoon
        } else {
            DueState::OnTime
        }
    }

    /// The words shown beside the deadline: never colour alone (WCAG 1.4.1).
    pub fn label(self) -> String {
        match self {
            DueState::OnTime => schakel_i18n::t("look-due-on-time"),
            DueState::DueSoon => schakel_i18n::t("look-due-soon"),
            DueState::Overdue => schakel_i18n::t("look-due-overdue"),
        }
    }

    /// A stable name for styling (`badge--due-soon`).
    pub fn css(self) -> &'static str {
        match self {
            DueState::OnTime => "on-time",
            DueState::DueSoon => "due-soon",
            DueState::Overdue => "overdue",
        }
    }
}

/// A moment as Dutch readers see it, in Dutch time (CET/CEST): 29-11-2026 14:05. Every time a
/// page shows goes through here, so no page shows UTC beside Dutch time.
pub fn dutch_moment(at: OffsetDateTime) -> String {
    let local = to_dutch_local(at);
    format!(
        "{} {:02}:{:02}",
        super::dutch_date(local.date()),
        local.hour(),
        local.minute()
    )
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;

    #[test]
    fn moments_are_shown_in_dutch_time_winter_and_summer() {
        assert_eq!(
            dutch_moment(datetime!(2026-11-29 09:30 UTC)),
            "29-11-2026 10:30"
        );
        assert_eq!(
            dutch_moment(datetime!(2026-07-01 09:30 UTC)),
            "01-07-2026 11:30"
        );
        assert_eq!(
            dutch_moment(datetime!(2026-12-31 23:30 UTC)),
            "01-01-2027 00:30"
        );
    }

    #[test]
    fn a_deadline_is_on_time_due_soon_or_overdue() {
        let cal = HolidayCalendar::default();
        // Friday 27 November 2026, 10:00 Dutch time.
        let now = datetime!(2026-11-27 09:00 UTC);
        assert_eq!(
            DueState::of(&cal, date!(2026 - 11 - 26), None, now),
            DueState::Overdue
        );
        assert_eq!(
            DueState::of(&cal, date!(2026 - 11 - 27), None, now),
            DueState::DueSoon
        );
        // Monday is the next working day: already due soon on Friday.
        assert_eq!(
            DueState::of(&cal, date!(2026 - 11 - 30), None, now),
            DueState::DueSoon
        );
        assert_eq!(
            DueState::of(&cal, date!(2026 - 12 - 01), None, now),
            DueState::OnTime
        );
    }

    #[test]
    fn a_24_hour_term_is_judged_on_its_moment() {
        let cal = HolidayCalendar::default();
        let now = datetime!(2026-11-27 09:00 UTC);
        let due = date!(2026 - 11 - 28);
        let soon = Some(datetime!(2026-11-27 20:00 UTC));
        let passed = Some(datetime!(2026-11-27 08:59 UTC));
        assert_eq!(DueState::of(&cal, due, soon, now), DueState::DueSoon);
        assert_eq!(DueState::of(&cal, due, passed, now), DueState::Overdue);
    }
}
