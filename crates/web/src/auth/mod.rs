//! Who is asking: passwords, the second factor, sessions and login throttling; the login pages
//! (password, second factor, choosing a role, logging out) and the session API.

pub(crate) mod api;
pub mod login;
mod page;
pub mod password;
pub mod session;
pub mod totp;

use crate::api::ApiRouter;

/// The login pages.
pub(crate) fn routes() -> crate::page_routing::PageRouter {
    page::routes()
}

/// Login, logout and who am I over the API, mounted under /api/v1 by [`crate::api::api`].
pub(crate) fn api() -> ApiRouter {
    api::routes()
}
