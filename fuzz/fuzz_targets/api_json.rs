//! The API's JSON bodies: case commands, notes, intakes (register and known-before check) and
//! login, through the decoder every handler uses. The first byte picks the body.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use schakel_web::hostile::{ApiBody, Decoded, api_body};

fuzz_target!(|data: &[u8]| {
    let Some((first, body)) = data.split_first() else {
        return;
    };
    let which = ApiBody::ALL[usize::from(*first) % ApiBody::ALL.len()];
    match api_body(which, body) {
        Ok(Decoded::Intake(intake)) => common::check_intake(&intake),
        Ok(Decoded::Command(_) | Decoded::Other) => {}
        Err(e) => common::check_app_error(&e),
    }
});
