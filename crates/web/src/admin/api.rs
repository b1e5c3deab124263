//! The organisations of the chain over the API.

use axum::Json;
use axum::extract::State;
use utoipa::ToSchema;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::dto::ErrorBody;
use crate::api::{ApiResult, ApiRouter, ApiUser};

pub fn routes() -> ApiRouter {
    ApiRouter::new(Default::default()).routes(routes!(organisations))
}

#[derive(ToSchema)]
#[schema(as = Organisation)]
#[allow(dead_code)]
pub struct OrganisationSchema {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub gemeenten: Vec<String>,
    /// Contact details (issue 7), when the beheerder entered them.
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The organisations of the chain.
#[utoipa::path(
    get,
    path = "/organisations",
    tag = "session",
    responses(
        (status = 200, body = Vec<OrganisationSchema>),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn organisations(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<schakel_store::orgs::Organisation>>> {
    let access = crate::gate::Access::new(
        schakel_domain::access::Action::Read,
        schakel_domain::access::ResourceKind::Organisation,
    );
    crate::gate::authorize(&state, &user, access).await?;
    Ok(Json(state.store.organisations().await?))
}
