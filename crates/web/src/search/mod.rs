//! Search in the page header (issue 7): by part of a name, date of birth, BSN or case number, for
//! users who may read cases; what is shown is filtered by the access policy and the search is
//! logged (see `schakel_app::search`). A page and `GET /api/v1/search`.

mod api;
mod page;

use crate::api::ApiRouter;

/// The feature's pages.
pub fn routes() -> crate::page_routing::PageRouter {
    page::routes()
}

/// The feature's API operations, mounted under /api/v1 by [`crate::api::api`].
pub fn api() -> ApiRouter {
    api::routes()
}

/// 2018-11-29 as 29-11-2018; anything else as it is.
pub(crate) fn dutch_date(iso: &str) -> String {
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) if iso.len() == 10 => format!("{d}-{m}-{y}"),
        _ => iso.to_string(),
    }
}
