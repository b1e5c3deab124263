//! Routes that belong to no feature: the stylesheet and the health check.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::AppState;
use crate::i18n::t;

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/static/schakel.css", get(stylesheet))
        .route("/healthz", get(healthz))
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/schakel.css"),
    )
}

async fn healthz(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                t("health-database-unreachable"),
            )
                .into_response()
        }
    }
}
