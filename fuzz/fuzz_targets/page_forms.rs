//! The pages' posted forms: the intake form and a case's action forms, decoded as axum's `Form`
//! does and mapped to the domain intake or case command. An even first byte picks the intake form.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use schakel_web::hostile::{case_action_form, intake_form};
use time::macros::datetime;

fuzz_target!(|data: &[u8]| {
    let Some((first, body)) = data.split_first() else {
        return;
    };
    if first % 2 == 0 {
        match intake_form(body, datetime!(2026-11-29 12:00 UTC), "regio-2018") {
            Ok(intake) => {
                assert!(intake.betrokkenen.len() <= schakel_domain::intake::MAX_BETROKKENEN);
                common::check_intake(&intake);
            }
            Err(e) => common::check_app_error(&e),
        }
    } else if let Err(e) = case_action_form(body) {
        common::check_app_error(&e);
    }
});
