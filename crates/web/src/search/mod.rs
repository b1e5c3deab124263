//! Search in the page header (issue 7): by part of a name, date of birth, BSN or case number, for
//! users who may read cases; what is shown is filtered by the access policy and the search is
//! logged (see `schakel_app::search`). A page and `GET /api/v1/search`.

pub(crate) mod api;
mod page;

pub(crate) use page::role_label;

use crate::api::ApiRouter;

/// The feature's pages.
pub fn routes() -> crate::page_routing::PageRouter {
    page::routes()
}

/// The feature's API operations, mounted under /api/v1 by [`crate::api::api`].
pub fn api() -> ApiRouter {
    api::routes()
}

/// A stored date (2018-11-29) as Dutch readers write it (29-11-2018); anything else as it is.
pub(crate) fn dutch_date(iso: &str) -> String {
    time::Date::parse(
        iso,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_or_else(|_| iso.to_string(), schakel_domain::calendar::dutch_date)
}
