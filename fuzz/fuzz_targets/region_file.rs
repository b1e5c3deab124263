//! The region file (`schakel --region FILE`, TOML): a file that is accepted is a consistent region
//! (its centrumgemeente one of its gemeenten, every organisation within them, rules that pass their
//! own check); a file that is refused says which line, and is bad input, not a failure.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use schakel::error::CliError;
use schakel::region::Region;

pub fn check_refusal(e: &CliError, text: &str) {
    let CliError::Input(message) = e else {
        panic!("a bad file is bad input, not a failure: {e:?}");
    };
    let line: usize = message
        .strip_prefix("regel ")
        .and_then(|m| m.split(':').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("refusal names no line: {message}"));
    assert!(
        line >= 1 && line <= text.lines().count().max(1) + 1,
        "{message}"
    );
}

fuzz_target!(|text: &str| {
    match Region::parse(text) {
        Ok(region) => {
            assert!(region.gemeenten.contains(&region.centrumgemeente));
            for org in &region.organisations {
                assert!(org.gemeenten.iter().all(|g| region.gemeenten.contains(g)));
            }
            assert_eq!(region.rules.validate(), Ok(()));
        }
        Err(e) => {
            // `[region]` missing altogether is refused at line 1 as well.
            check_refusal(&e, text);
        }
    }
});
