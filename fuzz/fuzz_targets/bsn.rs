//! The BSN: an accepted number is nine digits that pass the elfproef, written as typed (without
//! spaces, dots and hyphens, with a leading zero for eight digits), and parses again to itself.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use schakel_domain::bsn::Bsn;

fuzz_target!(|text: &str| {
    match Bsn::parse("bsn", text) {
        Ok(bsn) => {
            let digits = bsn.as_str();
            let typed: String = text
                .chars()
                .filter(|c| !matches!(c, ' ' | '.' | '-'))
                .collect();
            assert_eq!(digits.len(), 9);
            assert!(
                digits == typed || digits == format!("0{typed}"),
                "{digits} from {text:?}"
            );
            let sum: i32 = digits
                .bytes()
                .zip([9, 8, 7, 6, 5, 4, 3, 2, -1])
                .map(|(d, w)| i32::from(d - b'0') * w)
                .sum();
            assert_eq!(sum.rem_euclid(11), 0, "{digits} fails the elfproef");
            assert_eq!(Bsn::parse("bsn", &digits).as_ref(), Ok(&bsn));
            assert!(bsn.masked().ends_with(&digits[6..]));
            assert!(!format!("{bsn:?}").contains(&digits));
        }
        Err(e) => {
            assert_eq!(e.field, "bsn");
            common::check_field_error(&e);
        }
    }
});
