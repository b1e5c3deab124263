//! The organisation import (`schakel org import FILE`, TOML or CSV): every accepted organisation
//! serves only gemeenten that exist; a refused file names its line and is bad input. An even first
//! byte reads the rest as TOML, an odd one as CSV.
#![no_main]

mod common;

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use schakel::error::CliError;
use schakel::region::parse_import;

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let file = if first % 2 == 0 {
        "organisaties.toml"
    } else {
        "organisaties.csv"
    };
    let known = common::gemeenten();
    match parse_import(Path::new(file), text, known) {
        Ok(import) => {
            let allowed = import
                .region
                .as_ref()
                .map_or(known, |r| r.gemeenten.as_slice());
            for org in &import.organisations {
                assert!(!org.gemeenten.is_empty());
                assert!(org.gemeenten.iter().all(|g| allowed.contains(g)), "{org:?}");
            }
        }
        Err(CliError::Input(message)) => {
            assert!(
                message.starts_with("regel "),
                "refusal names no line: {message}"
            );
        }
        Err(e) => panic!("a bad file is bad input, not a failure: {e:?}"),
    }
});
