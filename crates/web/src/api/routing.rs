//! The one way to add a route to /api/v1. [`ApiRouter::routes`] takes handlers annotated with
//! `#[utoipa::path]` (route and OpenAPI operation from one place, through utoipa-axum);
//! [`ApiRouter::route`] is the plain axum way and exists so that a route without an operation is
//! still recorded: the coverage check ([`super::coverage`]) asks the built router which methods
//! answer at every recorded path and compares them with the document, so an undocumented route
//! fails it.

use std::collections::BTreeSet;

use axum::Router;
use axum::routing::MethodRouter;
use utoipa::openapi::OpenApi;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};

use crate::AppState;

pub struct ApiRouter {
    inner: OpenApiRouter<AppState>,
    paths: BTreeSet<String>,
}

impl ApiRouter {
    pub fn new(doc: OpenApi) -> Self {
        Self {
            inner: OpenApiRouter::with_openapi(doc),
            paths: BTreeSet::new(),
        }
    }

    /// Documented routes: `routes!(handler, ...)` of handlers on one path.
    pub fn routes(mut self, routes: UtoipaMethodRouter<AppState>) -> Self {
        self.paths.extend(routes.1.paths.keys().cloned());
        self.inner = self.inner.routes(routes);
        self
    }

    /// A route the plain axum way, without an OpenAPI operation. Recorded, so the coverage check
    /// reports it until it is documented.
    pub fn route(mut self, path: &str, method_router: MethodRouter<AppState>) -> Self {
        self.paths.insert(path.to_string());
        self.inner = self.inner.route(path, method_router);
        self
    }

    pub fn merge(mut self, other: ApiRouter) -> Self {
        self.paths.extend(other.paths);
        self.inner = self.inner.merge(other.inner);
        self
    }

    /// The axum router, the OpenAPI document, and every path a route was added at.
    pub fn into_parts(self) -> (Router<AppState>, OpenApi, Vec<String>) {
        let (router, doc) = self.inner.split_for_parts();
        (router, doc, self.paths.into_iter().collect())
    }
}
