//! The JSON API under /api/v1. It uses the same session cookie as the pages; a state-changing
//! request must also carry the session's CSRF token in the `X-CSRF-Token` header. Errors are JSON:
//! `{"error": code, "field": name or null, "message": Dutch text}`.

mod access_log;
mod cases;
pub(crate) mod flow;
mod openapi;
mod session;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::de::DeserializeOwned;

use crate::auth::session::CurrentUser;
use crate::pages::constant_time_eq;
use crate::{AppError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(session::routes())
        .merge(cases::routes())
        .merge(access_log::routes())
        .merge(flow::routes())
        .route("/openapi.json", get(openapi::document))
        .fallback(|| async { ApiError(AppError::NotFound) })
}

/// An [`AppError`] answered as JSON.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.into_json_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// The signed-in user of an API call. For anything but GET, the CSRF header must match the session.
pub struct ApiUser(pub CurrentUser);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let user = CurrentUser::from_request_parts(parts, state).await?;
        if parts.method != axum::http::Method::GET && parts.method != axum::http::Method::HEAD {
            let header = parts
                .headers
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if !constant_time_eq(header.as_bytes(), user.session.csrf_token.as_bytes()) {
                return Err(ApiError(AppError::field(
                    "X-CSRF-Token",
                    "ontbreekt of klopt niet",
                )));
            }
        }
        Ok(ApiUser(user))
    }
}

/// A JSON body whose errors name the field: `betrokkenen[1].geboortedatum: ...`.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/json"));
        if !is_json {
            return Err(ApiError(AppError::field(
                "Content-Type",
                "moet application/json zijn",
            )));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError(AppError::TooLarge)
            } else {
                ApiError(AppError::field("body", "kon niet worden gelezen"))
            }
        })?;
        let de = &mut serde_json::Deserializer::from_slice(&bytes);
        serde_path_to_error::deserialize(de)
            .map(ApiJson)
            .map_err(|err| {
                let path = err.path().to_string();
                let field = if path == "." || path.is_empty() {
                    "body".to_string()
                } else {
                    path
                };
                let inner = err.into_inner();
                let message = if inner.is_syntax() || inner.is_eof() {
                    format!(
                        "geen geldige JSON (regel {}, kolom {})",
                        inner.line(),
                        inner.column()
                    )
                } else {
                    // serde's message names the problem (missing field, unknown variant, wrong type).
                    inner
                        .to_string()
                        .split(" at line")
                        .next()
                        .unwrap_or("ongeldige waarde")
                        .to_string()
                };
                ApiError(AppError::BadInput(schakel_domain::FieldError::new(
                    field, message,
                )))
            })
    }
}
