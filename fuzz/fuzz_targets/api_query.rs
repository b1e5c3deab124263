//! The API's query strings: paging, the work-queue filters, the access log's dates and `voor`, the
//! search text and the feedback moment. The first byte picks the operation.
#![no_main]

mod common;

use axum::http::Uri;
use libfuzzer_sys::fuzz_target;
use schakel_web::hostile::{ApiQueryOf, api_query};

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let which = ApiQueryOf::ALL[usize::from(*first) % ApiQueryOf::ALL.len()];
    let Ok(query) = std::str::from_utf8(rest) else {
        return;
    };
    // Only what can arrive: a request line the HTTP layer accepted as a URI.
    let Ok(uri) = Uri::try_from(format!("/api/v1/x?{query}")) else {
        return;
    };
    if let Err(e) = api_query(which, &uri, common::gemeenten()) {
        common::check_app_error(&e);
    }
});
