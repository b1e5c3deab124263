//! Server-rendered pages.

use axum::Router;
use axum::http::StatusCode;

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn error_page(status: StatusCode, message: &str) -> String {
    format!("{status}: {message}")
}
