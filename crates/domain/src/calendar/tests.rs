use proptest::prelude::*;
use time::macros::{date, datetime};

use super::*;

fn default_calendar() -> HolidayCalendar {
    HolidayCalendar::default()
}

#[test]
fn easter_matches_known_years() {
    assert_eq!(easter_sunday(2024), Some(date!(2024 - 03 - 31)));
    assert_eq!(easter_sunday(2025), Some(date!(2025 - 04 - 20)));
    assert_eq!(easter_sunday(2026), Some(date!(2026 - 04 - 05)));
    assert_eq!(easter_sunday(2027), Some(date!(2027 - 03 - 28)));
    // The extremes of the Gregorian range: 22 March (1818, 2285) and 25 April (1943, 2038).
    assert_eq!(easter_sunday(1818), Some(date!(1818 - 03 - 22)));
    assert_eq!(easter_sunday(2038), Some(date!(2038 - 04 - 25)));
}

#[test]
fn moveable_holidays_follow_easter() {
    let cal = default_calendar();
    assert_eq!(
        cal.holiday(date!(2026 - 04 - 06)),
        Some(Holiday::TweedePaasdag)
    );
    assert_eq!(
        cal.holiday(date!(2026 - 05 - 14)),
        Some(Holiday::Hemelvaartsdag)
    );
    assert_eq!(
        cal.holiday(date!(2026 - 05 - 25)),
        Some(Holiday::TweedePinksterdag)
    );
    assert!(!cal.is_working_day(date!(2026 - 05 - 14)));
    assert!(cal.is_working_day(date!(2026 - 05 - 13)));
}

#[test]
fn good_friday_counts_only_when_configured() {
    let good_friday = date!(2026 - 04 - 03);
    assert!(default_calendar().is_working_day(good_friday));
    let with = HolidayCalendar {
        good_friday: true,
        ..HolidayCalendar::default()
    };
    assert_eq!(with.holiday(good_friday), Some(Holiday::GoedeVrijdag));
    assert!(!with.is_working_day(good_friday));
}

#[test]
fn melding_on_thursday_before_easter_2026() {
    let terms = Terms::default();
    // 2 April 2026, 10:00 Dutch summer time. Easter Monday 6 April is off.
    let received = datetime!(2026-04-02 10:00 +2);
    // Fri 3, Tue 7, Wed 8, Thu 9, Fri 10.
    assert_eq!(
        assessment_deadline(&default_calendar(), &terms, received),
        date!(2026 - 04 - 10)
    );
    // With Goede Vrijdag off as well: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
    let with_good_friday = HolidayCalendar {
        good_friday: true,
        ..HolidayCalendar::default()
    };
    assert_eq!(
        assessment_deadline(&with_good_friday, &terms, received),
        date!(2026 - 04 - 13)
    );
}

#[test]
fn melding_on_new_years_eve_skips_nieuwjaarsdag() {
    let terms = Terms::default();
    // Wed 31 Dec 2025; Thu 1 Jan is Nieuwjaarsdag: Fri 2, Mon 5, Tue 6, Wed 7, Thu 8.
    let received = datetime!(2025-12-31 15:00 +1);
    assert_eq!(
        assessment_deadline(&default_calendar(), &terms, received),
        date!(2026 - 01 - 08)
    );
}

#[test]
fn receipt_day_is_the_dutch_date_not_the_utc_date() {
    // 23:30 UTC on 31 Dec is 00:30 on 1 Jan in the Netherlands.
    assert_eq!(
        dutch_local_date(datetime!(2025-12-31 23:30 UTC)),
        date!(2026 - 01 - 01)
    );
    // Summer time: 22:30 UTC on 30 June is 00:30 on 1 July.
    assert_eq!(
        dutch_local_date(datetime!(2026-06-30 22:30 UTC)),
        date!(2026 - 07 - 01)
    );
    // Winter time: 22:30 UTC on 30 November is still 30 November (23:30 CET).
    assert_eq!(
        dutch_local_date(datetime!(2026-11-30 22:30 UTC)),
        date!(2026 - 11 - 30)
    );
    // Received on Nieuwjaarsdag itself (Thu): Fri 2, Mon 5, Tue 6, Wed 7, Thu 8.
    let terms = Terms::default();
    assert_eq!(
        assessment_deadline(&default_calendar(), &terms, datetime!(2025-12-31 23:30 UTC)),
        date!(2026 - 01 - 08)
    );
}

#[test]
fn kings_day_moves_to_saturday_when_27_april_is_a_sunday() {
    let cal = default_calendar();
    // 27 April 2025 was a Sunday, so Koningsdag was Saturday 26 April 2025.
    assert_eq!(
        cal.holiday(date!(2025 - 04 - 26)),
        Some(Holiday::Koningsdag)
    );
    assert_eq!(cal.holiday(date!(2025 - 04 - 27)), None);
    // 27 April 2026 is a Monday: a holiday and not a working day.
    assert_eq!(
        cal.holiday(date!(2026 - 04 - 27)),
        Some(Holiday::Koningsdag)
    );
    assert!(!cal.is_working_day(date!(2026 - 04 - 27)));
    assert!(cal.is_working_day(date!(2026 - 04 - 28)));
}

#[test]
fn liberation_day_follows_the_configured_rule() {
    let lustrum = default_calendar();
    // 2025 is a lustrum year (Monday 5 May 2025 off); 2026 is not (Tuesday 5 May 2026 worked).
    assert!(lustrum.is_working_day(date!(2026 - 05 - 05)));
    assert!(!lustrum.is_working_day(date!(2025 - 05 - 05)));
    let every_year = HolidayCalendar {
        liberation_day: LiberationDayRule::EveryYear,
        ..HolidayCalendar::default()
    };
    assert!(!every_year.is_working_day(date!(2026 - 05 - 05)));
    let never = HolidayCalendar {
        liberation_day: LiberationDayRule::Never,
        ..HolidayCalendar::default()
    };
    assert!(never.is_working_day(date!(2025 - 05 - 05)));
}

#[test]
fn liberation_day_rules_have_dutch_codes_for_the_region_file() {
    for rule in LiberationDayRule::ALL {
        assert_eq!(
            LiberationDayRule::parse("bevrijdingsdag", rule.code()),
            Ok(rule)
        );
    }
    let err = LiberationDayRule::parse("bevrijdingsdag", "soms").unwrap_err();
    assert_eq!(err.field, "bevrijdingsdag");
    assert!(err.text().contains("elk_jaar, lustrum, nooit"), "{err}");
}

#[test]
fn christmas_and_extra_closed_days() {
    let mut cal = default_calendar();
    // Fri 25 and Sat 26 Dec 2026: Thursday 24th + 1 working day = Monday 28th.
    assert_eq!(
        cal.add_working_days(date!(2026 - 12 - 24), 1),
        date!(2026 - 12 - 28)
    );
    cal.extra_closed_days.push(date!(2026 - 12 - 28));
    assert_eq!(
        cal.add_working_days(date!(2026 - 12 - 24), 1),
        date!(2026 - 12 - 29)
    );
}

#[test]
fn christmas_and_new_year_take_twelve_days() {
    // Thu 21 Dec 2006: Fri 22, (Mon 25, Tue 26 off) Wed 27, Thu 28, Fri 29, (Mon 1 Jan off) Tue 2.
    assert_eq!(
        default_calendar().add_working_days(date!(2006 - 12 - 21), 5),
        date!(2007 - 01 - 02)
    );
}

#[test]
fn working_days_between_counts_end_but_not_start_and_is_signed() {
    let cal = default_calendar();
    // Mon 13 to Fri 17 July 2026: Tue, Wed, Thu, Fri.
    assert_eq!(
        cal.working_days_between(date!(2026 - 07 - 13), date!(2026 - 07 - 17)),
        4
    );
    assert_eq!(
        cal.working_days_between(date!(2026 - 07 - 17), date!(2026 - 07 - 13)),
        -4
    );
    assert_eq!(
        cal.working_days_between(date!(2026 - 07 - 13), date!(2026 - 07 - 13)),
        0
    );
}

#[test]
fn acute_and_onderzoek_deadlines() {
    let terms = Terms::default();
    assert_eq!(
        acute_deadline(&terms, datetime!(2026-04-02 22:15 +2)),
        datetime!(2026-04-03 22:15 +2)
    );
    assert_eq!(
        onderzoek_deadline(&terms, date!(2026 - 01 - 05)),
        date!(2026 - 03 - 16)
    );
    let twelve = Terms {
        onderzoek_weeks: 12,
        ..Terms::default()
    };
    assert_eq!(
        onderzoek_deadline(&twelve, date!(2026 - 01 - 05)),
        date!(2026 - 03 - 30)
    );
}

fn any_date() -> impl Strategy<Value = Date> {
    // 2000-01-01 .. roughly 2060.
    (0_i64..22_000).prop_map(|d| add_days(date!(2000 - 01 - 01), d))
}

fn any_calendar() -> impl Strategy<Value = HolidayCalendar> {
    (any::<bool>(), 0_u8..3).prop_map(|(good_friday, rule)| HolidayCalendar {
        good_friday,
        liberation_day: match rule {
            0 => LiberationDayRule::EveryYear,
            1 => LiberationDayRule::LustrumOnly,
            _ => LiberationDayRule::Never,
        },
        extra_closed_days: Vec::new(),
    })
}

proptest! {
    #[test]
    fn add_working_days_lands_on_a_working_day_and_between_inverts_it(
        cal in any_calendar(),
        start in any_date(),
        n in 1_u32..400,
    ) {
        let end = cal.add_working_days(start, n);
        prop_assert!(cal.is_working_day(end));
        prop_assert!(end > start);
        prop_assert_eq!(cal.working_days_between(start, end), i64::from(n));
        prop_assert_eq!(cal.working_days_between(end, start), -i64::from(n));
        // Every day strictly between the last working day before `end` and `end` is off.
        let before = add_days(end, -1);
        prop_assert_eq!(cal.working_days_between(start, before), i64::from(n) - 1);
    }

    #[test]
    fn five_working_days_never_take_more_than_twelve_calendar_days(
        cal in any_calendar(),
        start in any_date(),
    ) {
        // Bound on the holiday list: the worst case is Christmas on a Monday followed by
        // Nieuwjaarsdag on the next Monday (see `christmas_and_new_year_take_twelve_days`).
        let end = cal.add_working_days(start, 5);
        prop_assert!((end - start).whole_days() <= 12);
    }
}

#[test]
fn dutch_wall_clock_time_round_trips_in_winter_and_summer() {
    use super::{from_dutch_local, to_dutch_local};
    use time::macros::{datetime, offset};
    let winter = datetime!(2026-01-15 09:30);
    let summer = datetime!(2026-07-15 09:30);
    assert_eq!(from_dutch_local(winter), datetime!(2026-01-15 08:30 UTC));
    assert_eq!(from_dutch_local(summer), datetime!(2026-07-15 07:30 UTC));
    assert_eq!(to_dutch_local(datetime!(2026-07-15 07:30 UTC)), summer);
    assert_eq!(
        to_dutch_local(datetime!(2026-12-31 23:30 UTC).to_offset(offset!(+5))),
        datetime!(2027-01-01 00:30)
    );
}

#[test]
fn dates_read_day_month_year_with_leading_zeros() {
    assert_eq!(dutch_date(date!(2026 - 11 - 29)), "29-11-2026");
    assert_eq!(dutch_date(date!(2027 - 01 - 05)), "05-01-2027");
}
