//! The organisation's work queue (Te doen) over the API, with the page's filters and sorting.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

use super::Params;
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
    /// VT-2026-00123.
    case_number: Option<String>,
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
    /// The case is acute; acute items come first.
    acute: bool,
    gemeente: Option<String>,
    /// The user id the case is assigned to.
    assigned_user: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct QueuePage {
    /// 1 to 500, default 100.
    limit: Option<i64>,
    offset: Option<i64>,
    /// A task kind code (`urgentie`, `veiligheidsbeoordeling`, ...).
    taak: Option<String>,
    /// A gemeente of the region.
    gemeente: Option<String>,
    /// `1`: only overdue items.
    verlopen: Option<String>,
    /// `1`: only acute cases.
    acuut: Option<String>,
    /// `mij`: assigned to me; `niemand`: assigned to nobody.
    toegewezen: Option<String>,
    /// `termijn` (default), `taak`, `casus` or `gemeente`.
    sorteer: Option<String>,
    /// `op` (default) or `af`.
    richting: Option<String>,
}

impl QueuePage {
    /// The page asked for (limit, offset) and the filters.
    pub(crate) fn split(self) -> Result<((i64, i64), Params), AppError> {
        let paging = crate::api::paging(self.limit, self.offset, 100)?;
        let params = Params {
            taak: self.taak,
            gemeente: self.gemeente,
            verlopen: self.verlopen,
            acuut: self.acuut,
            toegewezen: self.toegewezen,
            sorteer: self.sorteer,
            richting: self.richting,
        };
        Ok((paging, params))
    }
}

/// Every deadline the user's organisation owns: acute first, then by the chosen column (earliest
/// deadline by default), overdue marked; filtered as asked.
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
    let ((limit, offset), params) = p.split()?;
    user.membership.as_ref().ok_or(AppError::Unauthenticated)?;
    let gemeenten: Vec<String> = state
        .store
        .gemeenten()
        .await?
        .into_iter()
        .map(|g| g.name)
        .collect();
    let ask = params.ask(&user, &gemeenten).map_err(AppError::BadQuery)?;
    let policy = GatePolicy {
        state: &state,
        user: &user,
    };
    let view = schakel_app::queue::te_doen(
        &state.store,
        &policy,
        &ask,
        state.clock.now(),
        limit,
        offset,
    )
    .await?;
    Ok(Json(
        view.items
            .into_iter()
            .map(|i| QueueEntry {
                case_id: i.case_id,
                case_number: i.case_number,
                title: i.title,
                kind: i.kind,
                what: i.what,
                due: i.due.to_string(),
                since: i.since.and_then(|s| {
                    s.format(&time::format_description::well_known::Rfc3339)
                        .ok()
                }),
                overdue: i.overdue,
                acute: i.acute,
                gemeente: i.gemeente,
                assigned_user: i.assigned_user,
            })
            .collect(),
    ))
}
