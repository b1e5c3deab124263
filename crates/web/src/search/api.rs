//! Search over the API: `GET /api/v1/search?q=...`.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

use crate::api::dto::ErrorBody;
use crate::api::{ApiQuery, ApiResult, ApiRouter, ApiUser};
use crate::cases::dto::CaseSummarySchema;
use crate::usecase::GatePolicy;
use crate::{AppError, AppState};

pub fn routes() -> ApiRouter {
    ApiRouter::new(Default::default()).routes(routes!(search))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct SearchParams {
    /// Words of a name, a date of birth (29-11-2026 or 2026-11-29), a BSN and/or a case number
    /// (VT-2026-00123); every criterion given must hold.
    pub(crate) q: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct SearchHit {
    #[schema(value_type = CaseSummarySchema)]
    case: schakel_store::cases::CaseSummary,
    /// The persons in the case that matched (none when found by its number).
    persons: Vec<HitPerson>,
}

#[derive(Serialize, ToSchema)]
struct HitPerson {
    id: String,
    name: String,
    /// jjjj-mm-dd
    birth_date: Option<String>,
    /// The role code in the case.
    role: String,
}

/// Cases the user may read that match the search, at most 50, most recently changed first. The
/// search is written to the access log with the persons shown.
#[utoipa::path(
    get,
    path = "/search",
    tag = "cases",
    params(SearchParams),
    responses(
        (status = 200, body = Vec<SearchHit>),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn search(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> ApiResult<Json<Vec<SearchHit>>> {
    let policy = GatePolicy {
        state: &state,
        user: &user,
    };
    let text = p.q.unwrap_or_default();
    let hits = schakel_app::search::search(&state.store, &policy, &text)
        .await
        .map_err(|e| match e {
            AppError::BadInput(f) => AppError::BadQuery(f),
            other => other,
        })?;
    Ok(Json(
        hits.into_iter()
            .map(|h| SearchHit {
                persons: h
                    .persons
                    .into_iter()
                    .map(|(p, role)| HitPerson {
                        id: p.id,
                        name: p.display_name,
                        birth_date: p.birth_date,
                        role,
                    })
                    .collect(),
                case: h.case,
            })
            .collect(),
    ))
}
