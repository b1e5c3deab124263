//! The start page: what the signed-in user can do from here.

mod page;
mod region;

/// The feature's pages.
pub fn routes() -> crate::page_routing::PageRouter {
    page::routes()
}
