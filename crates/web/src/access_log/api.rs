//! The access log over the API, for the privacy officer: search, and one client's history (the
//! export for a subject access request). Reading the log is itself logged.

use axum::Json;
use axum::extract::State;
use schakel_store::access_log::{AccessQuery, LoggedAccess};
use utoipa::ToSchema;
use utoipa_axum::routes;

use super::{Filters, logged_search, to_query};
use crate::AppState;
use crate::api::dto::ErrorBody;
use crate::api::{ApiPath, ApiQuery, ApiResult, ApiRouter, ApiUser};

pub fn routes() -> ApiRouter {
    ApiRouter::new(Default::default())
        .routes(routes!(search))
        .routes(routes!(person))
}

#[derive(ToSchema)]
#[schema(as = AccessEntry)]
#[allow(dead_code)]
pub struct AccessEntrySchema {
    pub seq: i64,
    pub at: String,
    pub action: String,
    pub resource_kind: String,
    pub resource_id: Option<String>,
    pub outcome: String,
    pub user_id: Option<String>,
    pub username: String,
    pub role: Option<String>,
    pub org_id: Option<String>,
    pub responsible_user: Option<String>,
    pub access_point: String,
    pub ground: Option<String>,
    pub reason: Option<String>,
    pub clients: Vec<String>,
}

/// Search the access log (privacy officer). Reading the log is itself logged.
#[utoipa::path(
    get,
    path = "/access-log",
    tag = "access-log",
    params(
        ("gebruiker" = Option<String>, Query),
        ("client" = Option<String>, Query),
        ("van" = Option<String>, Query, format = Date),
        ("tot" = Option<String>, Query, format = Date),
        ("nood" = Option<String>, Query, description = "1: alleen noodtoegang"),
        ("voor" = Option<i64>, Query, description = "Bladeren: alleen regels ouder dan dit volgnummer (het laatste van de vorige bladzijde)")
    ),
    responses(
        (status = 200, body = Vec<AccessEntrySchema>),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn search(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(f): ApiQuery<Filters>,
) -> ApiResult<Json<Vec<LoggedAccess>>> {
    let q = to_query(&state, &f).await?;
    Ok(Json(logged_search(&state, &user, &q).await?))
}

/// Who looked at this person's data (for a subject access request).
#[utoipa::path(
    get,
    path = "/access-log/persons/{id}",
    tag = "access-log",
    params(("id" = String, Path)),
    responses(
        (status = 200, body = Vec<AccessEntrySchema>),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn person(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
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
