//! The one way to add a page route, like [`crate::api::ApiRouter`] for the API: [`PageRouter::route`]
//! records the path of every route it adds, so the application can say which routes it has
//! ([`crate::route_table`]) and the authorisation sweep (`tests/http/sweep.rs`) fails for a route
//! it has no entry for.

use std::collections::BTreeSet;

use axum::Router;
use axum::routing::MethodRouter;

use crate::AppState;

#[derive(Default)]
pub struct PageRouter {
    inner: Router<AppState>,
    paths: BTreeSet<String>,
}

impl PageRouter {
    pub fn new() -> Self {
        Self::default()
    }

    /// A route as axum's `Router::route`, recorded.
    pub fn route(mut self, path: &str, method_router: MethodRouter<AppState>) -> Self {
        self.paths.insert(path.to_string());
        self.inner = self.inner.route(path, method_router);
        self
    }

    pub fn merge(mut self, other: PageRouter) -> Self {
        self.paths.extend(other.paths);
        self.inner = self.inner.merge(other.inner);
        self
    }

    /// The axum router and every path a route was added at.
    pub fn into_parts(self) -> (Router<AppState>, Vec<String>) {
        (self.inner, self.paths.into_iter().collect())
    }
}
