//! Dates and periods as users type them: a date field (`jjjj-mm-dd`), a date in a search text
//! (29-11-2026 or 2026-11-29), a monitoring interval (`6 weken`, `3 maanden`), a case number. The
//! first byte picks the parser. What is accepted round-trips through the text Schakel shows.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use schakel_app::search::parse_date;
use schakel_domain::calendar::dutch_date;
use schakel_domain::casenumber;
use schakel_domain::monitoring::Interval;
use schakel_domain::validate::optional_date;
use time::macros::{date, format_description};

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match first % 4 {
        0 => match optional_date("geboortedatum", text) {
            Ok(Some(d)) => {
                let iso = d
                    .format(format_description!("[year]-[month]-[day]"))
                    .expect("a date formats");
                assert_eq!(optional_date("geboortedatum", &iso), Ok(Some(d)));
                assert_eq!(parse_date(&dutch_date(d)), Some(d), "{}", dutch_date(d));
            }
            Ok(None) => assert!(text.trim().is_empty()),
            Err(e) => common::check_field_error(&e),
        },
        1 => {
            if let Some(d) = parse_date(text) {
                assert_eq!(parse_date(&dutch_date(d)), Some(d), "{}", dutch_date(d));
            }
        }
        2 => match Interval::parse("interval", text) {
            Ok(i) => {
                assert_eq!(Interval::parse("interval", &i.text()), Ok(i));
                let start = date!(2026 - 11 - 29);
                assert!(i.after(start) > start);
            }
            Err(e) => common::check_field_error(&e),
        },
        _ => {
            if let Some(n) = casenumber::parse(text) {
                assert_eq!(casenumber::parse(&n).as_deref(), Some(n.as_str()));
            }
        }
    }
});
