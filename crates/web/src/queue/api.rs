//! The organisation's work queue over the API.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

use crate::api::dto::ErrorBody;
use crate::api::{ApiQuery, ApiResult, ApiRouter, ApiUser};
use crate::usecase::GatePolicy;
use crate::{AppError, AppState};

pub fn routes() -> ApiRouter {
    ApiRouter::new(Default::default()).routes(routes!(work_queue))
}

#[derive(Serialize, ToSchema)]
struct QueueEntry {
    case_id: String,
    title: String,
    /// Stable code of what is due.
    kind: String,
    /// What is due, in Dutch.
    what: String,
    /// jjjj-mm-dd
    #[schema(format = Date)]
    due: String,
    /// Since when the item waits (an open handover: since its offer), RFC 3339.
    #[schema(format = DateTime)]
    since: Option<String>,
    overdue: bool,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct QueuePage {
    /// 1 to 500, default 100.
    limit: Option<i64>,
    offset: Option<i64>,
}

/// Every deadline the user's organisation owns, earliest first, overdue marked.
#[utoipa::path(
    get,
    path = "/work-queue",
    tag = "cases",
    params(QueuePage),
    responses(
        (status = 200, body = Vec<QueueEntry>),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn work_queue(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(p): ApiQuery<QueuePage>,
) -> ApiResult<Json<Vec<QueueEntry>>> {
    let (limit, offset) = crate::api::paging(p.limit, p.offset, 100)?;
    let org = user.membership.as_ref().ok_or(AppError::Unauthenticated)?;
    let policy = GatePolicy {
        state: &state,
        user: &user,
    };
    let items = schakel_app::queue::work_queue(
        &state.store,
        &policy,
        &org.org_id,
        org.role,
        state.clock.now(),
        limit,
        offset,
    )
    .await?;
    Ok(Json(
        items
            .into_iter()
            .map(|i| QueueEntry {
                case_id: i.case_id,
                title: i.title,
                kind: i.kind,
                what: i.what,
                due: i.due.to_string(),
                since: i.since.and_then(|s| {
                    s.format(&time::format_description::well_known::Rfc3339)
                        .ok()
                }),
                overdue: i.overdue,
            })
            .collect(),
    ))
}
