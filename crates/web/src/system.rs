//! Routes that belong to no feature: the stylesheet, liveness (`/healthz`: the process runs and the
//! database answers) and readiness (`/readyz`: the database takes a write, so a load balancer
//! stops sending work to an instance whose disk is full or whose database is read-only).

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::AppState;
use crate::i18n::t;

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/static/schakel.css", get(stylesheet))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
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

async fn readyz(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    match state.store.check_writable().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                t("health-database-not-writable"),
            )
                .into_response()
        }
    }
}
