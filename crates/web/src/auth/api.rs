//! API login and logout: password and, where required, the second factor in one request.

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use schakel_domain::msg;
use schakel_domain::org::Role;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::routes;

use crate::api::dto::ErrorBody;
use crate::api::{ApiError, ApiJson, ApiResult, ApiRouter, ApiUser};
use crate::auth::login::{self, Next};
use crate::auth::session::{SESSION_COOKIE, client_addr, cookie, hash_token, set_cookie};
use crate::{AppError, AppState};

pub fn routes() -> ApiRouter {
    ApiRouter::new(Default::default())
        .routes(routes!(login_json, logout_json))
        .routes(routes!(me))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Login)]
pub(crate) struct LoginBody {
    username: String,
    password: String,
    totp: Option<String>,
    /// Needed when the user holds roles in several organisations.
    organisation_id: Option<String>,
    role: Option<String>,
}

impl LoginBody {
    /// The role asked for, known and with an organisation id of the right form.
    pub(crate) fn checked_role(&self) -> Result<Option<Role>, AppError> {
        let role = match self.role.as_deref() {
            Some(code) => Some(Role::parse("role", code)?),
            None => None,
        };
        if role.is_some() && self.organisation_id.is_none() {
            return Err(AppError::field(
                "organisation_id",
                msg("api-role-needs-organisation"),
            ));
        }
        if let Some(org_id) = &self.organisation_id {
            schakel_domain::validate::identifier("organisation_id", org_id)?;
        }
        Ok(role)
    }
}

#[derive(Serialize, ToSchema)]
#[schema(as = Session)]
struct SessionInfo {
    csrf_token: String,
    username: String,
    organisation_id: Option<String>,
    role: Option<String>,
    second_factor: bool,
}

/// Sign in: password and, where required, the second factor in one request. Sets the session
/// cookie; the answer carries the CSRF token for writes.
#[utoipa::path(
    post,
    path = "/session",
    tag = "session",
    security(()),
    request_body = LoginBody,
    responses(
        (status = 201, body = SessionInfo),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn login_json(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<LoginBody>,
) -> ApiResult<Response> {
    // Every value names something that exists (issue 8, finding 15): a role is one of the known
    // roles, an organisation id has the form of one, and a second factor is only taken where one
    // is asked: in demo mode (fictional data, the second factor waived) a `totp` is refused rather
    // than silently ignored, so a client never believes a code it sent was checked.
    let role = body.checked_role()?;
    if state.config.demo_mode && body.totp.is_some() {
        return Err(ApiError(AppError::field("totp", msg("api-demo-no-totp"))));
    }
    let addr = client_addr(&state, &headers, Some(peer));
    let old = cookie(&headers, SESSION_COOKIE).map(|t| hash_token(&t));
    let started = login::password_step(
        &state,
        &body.username,
        &body.password,
        &addr,
        old.as_deref(),
    )
    .await?;
    let mut token = started.token;
    match started.next {
        Next::Complete => {}
        Next::Enrol => {
            let _ = state.store.delete_session(&hash_token(&token)).await;
            return Err(ApiError(AppError::field(
                "totp",
                msg("api-enrol-on-website"),
            )));
        }
        Next::Totp => {
            let pending = state
                .store
                .session(&hash_token(&token))
                .await?
                .ok_or(AppError::Unauthenticated)?;
            let Some(code) = body.totp.as_deref().filter(|c| !c.trim().is_empty()) else {
                state.store.delete_session(&pending.id_hash).await?;
                return Err(ApiError(AppError::field(
                    "totp",
                    msg("api-second-factor-required"),
                )));
            };
            match login::totp_step(&state, &pending, code, None).await {
                Ok(done) => token = done.token,
                Err(e) => {
                    state.store.delete_session(&pending.id_hash).await?;
                    return Err(ApiError(e));
                }
            }
        }
    }
    let id_hash = hash_token(&token);
    if let Some(org_id) = &body.organisation_id {
        let held = state.store.memberships(&started.user.id).await?;
        let chosen = held
            .iter()
            .find(|m| &m.org_id == org_id && role.is_none_or(|r| m.role == r))
            .ok_or_else(|| {
                AppError::field("organisation_id", msg("api-no-role-in-organisation"))
            })?;
        state
            .store
            .set_session_membership(&id_hash, &chosen.org_id, chosen.role)
            .await?;
    }
    let session = state
        .store
        .session(&id_hash)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let info = SessionInfo {
        csrf_token: session.csrf_token.clone(),
        username: started.user.username.clone(),
        organisation_id: session.membership.as_ref().map(|(o, _)| o.clone()),
        role: session
            .membership
            .as_ref()
            .map(|(_, r)| r.code().to_string()),
        second_factor: session.second_factor,
    };
    let mut res = (StatusCode::CREATED, Json(info)).into_response();
    let c = set_cookie(&state, SESSION_COOKIE, &token, None);
    res.headers_mut().append(
        header::SET_COOKIE,
        c.parse().map_err(|_| AppError::internal("cookie"))?,
    );
    Ok(res)
}

/// Sign out.
#[utoipa::path(
    delete,
    path = "/session",
    tag = "session",
    params(("X-CSRF-Token" = String, Header)),
    responses(
        (status = 204, description = "Uitgelogd"),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn logout_json(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<StatusCode> {
    state.store.delete_session(&user.session.id_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
struct Me {
    username: String,
    display_name: String,
    organisation_id: Option<String>,
    organisation: Option<String>,
    role: Option<String>,
    second_factor: bool,
}

/// The signed-in user.
#[utoipa::path(
    get,
    path = "/me",
    tag = "session",
    responses(
        (status = 200, body = Me),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn me(ApiUser(user): ApiUser) -> Json<Me> {
    Json(Me {
        username: user.user.username.clone(),
        display_name: user.user.display_name.clone(),
        organisation_id: user.membership.as_ref().map(|m| m.org_id.clone()),
        organisation: user.membership.as_ref().map(|m| m.org_name.clone()),
        role: user.role().map(|r| r.code().to_string()),
        second_factor: user.second_factor,
    })
}
