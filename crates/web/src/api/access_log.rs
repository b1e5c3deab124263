//! The access log over the API, for the privacy officer: search, and one client's history (the
//! export for a subject access request). Reading the log is itself logged.

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use schakel_store::access_log::{AccessQuery, LoggedAccess};

use crate::AppState;
use crate::api::{ApiResult, ApiUser};
use crate::pages::access_log::{Filters, logged_search, to_query};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/access-log", get(search))
        .route("/access-log/persons/{id}", get(person))
}

async fn search(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(f): Query<Filters>,
) -> ApiResult<Json<Vec<LoggedAccess>>> {
    let q = to_query(&state, &f).await?;
    Ok(Json(logged_search(&state, &user, &q).await?))
}

async fn person(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<LoggedAccess>>> {
    let q = AccessQuery {
        client: Some(id),
        limit: 1000,
        ..Default::default()
    };
    let mut entries = logged_search(&state, &user, &q).await?;
    entries.reverse();
    Ok(Json(entries))
}
