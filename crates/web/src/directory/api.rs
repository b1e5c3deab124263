//! The sociale kaart over the API: the services a search finds, and one service. A service's `id`
//! is what other records (plans, perpetrator help, outflow: issue 9) will refer to.

use axum::Json;
use axum::extract::State;
use schakel_domain::access::Action;
use schakel_domain::calendar::dutch_local_date;
use schakel_domain::directory::{is_stale, stale_from};
use schakel_store::directory::StoredService;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::routes;

use super::{FilterQuery, allowed};
use crate::AppState;
use crate::api::dto::ErrorBody;
use crate::api::{ApiPath, ApiQuery, ApiResult, ApiRouter, ApiUser};

pub fn routes() -> ApiRouter {
    ApiRouter::new(Default::default())
        .routes(routes!(list))
        .routes(routes!(one))
}

#[derive(Serialize, ToSchema)]
pub struct ContactDto {
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
}

/// One help service.
#[derive(Serialize, ToSchema)]
pub struct ServiceDto {
    /// The service's id, stable: what other records refer to.
    pub id: String,
    pub name: String,
    pub provider: String,
    pub description: String,
    /// Target group codes (kinderen, plegers, ...).
    pub target_groups: Vec<String>,
    /// Kind of help codes (traumabehandeling, ...).
    pub help_kinds: Vec<String>,
    /// Gemeente names, or `*` for the whole region.
    pub gemeenten: Vec<String>,
    /// ISO 639 language codes.
    pub languages: Vec<String>,
    pub contact: ContactDto,
    /// How a professional refers someone ("Hoe verwijs je door").
    pub referral: String,
    /// The provider agreed to the public listing.
    pub public_listing: bool,
    pub internal_note: String,
    /// YYYY-MM-DD: the day a beheerder last confirmed the entry.
    pub last_reviewed: String,
    /// Not confirmed for more than twelve months.
    pub stale: bool,
    /// YYYY-MM-DD: the day after which the entry counts as stale.
    pub stale_after: String,
    pub archived: bool,
    /// Counts the entry's writes.
    pub version: i64,
}

fn dto(s: StoredService, today: time::Date) -> ServiceDto {
    let svc = s.service;
    ServiceDto {
        id: s.id,
        name: svc.name,
        provider: svc.provider,
        description: svc.description,
        target_groups: svc.target_groups,
        help_kinds: svc.help_kinds,
        gemeenten: svc.gemeenten,
        languages: svc.languages,
        contact: ContactDto {
            phone: svc.contact.phone,
            email: svc.contact.email,
            website: svc.contact.website,
            address: svc.contact.address,
        },
        referral: svc.referral,
        public_listing: svc.public_listing,
        internal_note: svc.internal_note,
        last_reviewed: s.last_reviewed.to_string(),
        stale: is_stale(s.last_reviewed, today),
        stale_after: stale_from(s.last_reviewed).to_string(),
        archived: s.archived,
        version: s.version,
    }
}

/// The services of the sociale kaart a search finds, by name (archived ones left out).
#[utoipa::path(
    get,
    path = "/directory",
    tag = "directory",
    params(FilterQuery),
    responses(
        (status = 200, body = Vec<ServiceDto>),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<FilterQuery>,
) -> ApiResult<Json<Vec<ServiceDto>>> {
    let actor = allowed(&user, Action::Search)?;
    let gemeenten = schakel_app::directory::gemeenten(&state.store)
        .await
        .map_err(crate::AppError::from)?;
    let filter = q.parse(&gemeenten).map_err(crate::AppError::BadQuery)?;
    let today = dutch_local_date(state.clock.now());
    let found = schakel_app::directory::search(&state.store, &actor, &filter)
        .await
        .map_err(crate::AppError::from)?;
    Ok(Json(found.into_iter().map(|s| dto(s, today)).collect()))
}

/// One service of the sociale kaart, archived or not.
#[utoipa::path(
    get,
    path = "/directory/{id}",
    tag = "directory",
    params(("id" = String, Path)),
    responses(
        (status = 200, body = ServiceDto),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn one(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<ServiceDto>> {
    let actor = allowed(&user, Action::Read)?;
    let found = schakel_app::directory::get(&state.store, &actor, &id)
        .await
        .map_err(crate::AppError::from)?;
    Ok(Json(dto(found, dutch_local_date(state.clock.now()))))
}
