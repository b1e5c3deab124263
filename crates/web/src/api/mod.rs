//! The JSON API under /api/v1. It uses the same session cookie as the pages; a state-changing
//! request must also carry the session's CSRF token in the `X-CSRF-Token` header. Errors are JSON:
//! `{"code": code, "field": path or null, "message": Dutch text}` (and `error`, the same code,
//! kept for clients written before `code`).
//!
//! This module holds what is API-wide: the recording router, the extractors, the error body, the
//! OpenAPI assembly and its coverage check. The operations live with their features
//! (`crate::intake`, `crate::cases`, ...), each exposing an `api()` that is merged here.

pub mod coverage;
pub(crate) mod dto;
mod openapi;
mod routing;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use schakel_domain::{msg, msg_args};
use serde::de::DeserializeOwned;

use crate::auth::session::CurrentUser;
use crate::security::constant_time_eq;
use crate::{AppError, AppState};

pub use routing::ApiRouter;

/// Every route of /api/v1 with its OpenAPI operation, from one place. A route can only be added
/// through [`ApiRouter`], which records its path for the coverage check.
pub fn api() -> ApiRouter {
    ApiRouter::new(openapi::base())
        .merge(crate::auth::api())
        .merge(crate::admin::api())
        .merge(crate::cases::api())
        .merge(crate::access_log::api())
        .merge(crate::intake::api())
        .merge(crate::queue::api())
        .merge(crate::search::api())
        .merge(crate::programme::api())
        .merge(crate::directory::api())
        .merge(ApiRouter::new(Default::default()).routes(utoipa_axum::routes!(openapi::document)))
}

/// A list's page as asked in the query: `limit` from 1 to 500 (default `default_limit`), `offset`
/// not negative (default 0). Bad values are refused naming the parameter, never silently mended.
pub fn paging(
    limit: Option<i64>,
    offset: Option<i64>,
    default_limit: i64,
) -> Result<(i64, i64), AppError> {
    let limit = limit.unwrap_or(default_limit);
    if !(1..=500).contains(&limit) {
        return Err(AppError::field("limit", msg("api-limit-range")));
    }
    let offset = offset.unwrap_or(0);
    if offset < 0 {
        return Err(AppError::field("offset", msg("api-offset-negative")));
    }
    Ok((limit, offset))
}

/// The OpenAPI document of /api/v1, derived from the handlers' annotations.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    api().into_parts().1
}

/// The API as mounted under /api/v1: the routes (`/openapi.json` among them) and JSON answers for an unknown path (404 `unknown_route`) or method (405 `method_not_allowed`).
pub fn routes() -> Router<AppState> {
    let (router, _, _) = api().into_parts();
    finish(router)
}

/// Adds the JSON fallbacks to an API router (also used by the coverage tests on routers with extra
/// routes).
pub fn finish(router: Router<AppState>) -> Router<AppState> {
    router
        .method_not_allowed_fallback(|| async { ApiError(AppError::MethodNotAllowed) })
        .fallback(|| async { ApiError(AppError::UnknownRoute) })
        .layer(axum::middleware::map_response(json_errors))
}

/// The safety net under the extractors the API wraps itself: an error answer that is not JSON yet
/// (a rejection of an extractor used as is, e.g. `Path` in a handler another feature owns) gets
/// the error shape, with the code from its status and the text as message.
async fn json_errors(res: Response) -> Response {
    let status = res.status();
    let is_json = res
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return res;
    }
    let code = match status {
        StatusCode::BAD_REQUEST => "invalid_request",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE | StatusCode::UNPROCESSABLE_ENTITY => "invalid_input",
        s if s.is_server_error() => "internal",
        _ => "invalid_request",
    };
    let (parts, body) = res.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let message = String::from_utf8_lossy(&text).trim().to_string();
    let body = serde_json::json!({
        "code": code,
        "error": code,
        "field": if status == StatusCode::PAYLOAD_TOO_LARGE { Some("body") } else { None },
        "message": if message.is_empty() { status.to_string() } else { message },
        "errors": [],
    });
    let mut out = (status, axum::Json(body)).into_response();
    for (name, value) in parts.headers.iter() {
        if name != axum::http::header::CONTENT_TYPE && name != axum::http::header::CONTENT_LENGTH {
            out.headers_mut().insert(name.clone(), value.clone());
        }
    }
    out
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
                    msg("api-csrf-invalid"),
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
                msg("api-content-type-json"),
            )));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError(AppError::TooLarge)
            } else {
                ApiError(AppError::field("body", msg("api-body-unreadable")))
            }
        })?;
        decode_json(&bytes).map(ApiJson)
    }
}

/// Decodes a JSON request body as `T`; an error names the field (`betrokkenen[1].geboortedatum`)
/// with a Dutch message. The API's body parser, public for the fuzz targets (`fuzz/`).
pub fn decode_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let inner = err.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            let message = msg_args(
                "api-json-invalid",
                [
                    ("line", inner.line().to_string()),
                    ("column", inner.column().to_string()),
                ],
            );
            // Where the text stopped being JSON, when serde knows the field.
            let field = if path.is_empty() {
                "body".to_string()
            } else {
                path
            };
            return ApiError(AppError::BadInput(schakel_domain::FieldError::new(
                field, message,
            )));
        }
        let text = inner.to_string();
        let text = text.split(" at line").next().unwrap_or_default();
        let (field, message) = problem(&path, text);
        ApiError(AppError::BadInput(schakel_domain::FieldError::new(
            if field.is_empty() {
                "body".to_string()
            } else {
                field
            },
            message,
        )))
    })
}

/// The field and a Dutch message for serde's English description of what is wrong at `path`
/// (issue 8, findings 13 and 16): a missing or unknown field is named by its full path
/// (`intake.betrokkenen[0].BSN`), never by its parent, and no English reaches the client.
pub(crate) fn problem(path: &str, text: &str) -> (String, schakel_domain::Message) {
    let join = |name: &str| {
        if path.is_empty() {
            name.to_string()
        } else if path.ends_with(&format!(".{name}")) || path == name {
            path.to_string()
        } else {
            format!("{path}.{name}")
        }
    };
    let quoted = |t: &str| t.split('`').nth(1).unwrap_or_default().to_string();
    if let Some(rest) = text.strip_prefix("missing field ") {
        return (join(&quoted(rest)), msg("error-required"));
    }
    if let Some(rest) = text.strip_prefix("unknown field ") {
        return (join(&quoted(rest)), msg("api-field-unknown"));
    }
    if let Some(rest) = text
        .strip_prefix("unknown variant ")
        .or_else(|| text.strip_prefix("unknown value "))
    {
        let allowed: Vec<&str> = rest
            .split_once("expected")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        return (
            path.to_string(),
            msg_args(
                "api-value-not-in-list",
                [
                    ("value", schakel_store::access_log::cap(&quoted(rest), 64)),
                    ("allowed", allowed.join(", ")),
                ],
            ),
        );
    }
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        let expected = rest.split_once(", expected ").map_or("", |(_, e)| e);
        let key = if expected.contains("string") || expected.contains("str") {
            "api-expected-text"
        } else if expected.contains("bool") {
            "api-expected-boolean"
        } else if expected.starts_with('i')
            || expected.starts_with('u')
            || expected.contains("integer")
        {
            "api-expected-integer"
        } else if expected.contains("sequence") || expected.contains("array") {
            "api-expected-list"
        } else if expected.contains("map") || expected.contains("struct") {
            "api-expected-object"
        } else {
            "api-value-wrong-kind"
        };
        return (path.to_string(), msg(key));
    }
    if text.starts_with("invalid length") {
        return (path.to_string(), msg("api-value-wrong-length"));
    }
    (path.to_string(), msg("api-value-invalid"))
}

/// A path parameter whose rejection is JSON naming the parameter.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(v)| ApiPath(v))
            .map_err(|_| ApiError(AppError::field("id", msg("api-value-invalid"))))
    }
}

/// A query string whose rejection is JSON naming the parameter (`limit`, or `query` when the
/// parameter is unknown).
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        decode_query(&parts.uri).map(ApiQuery)
    }
}

/// Decodes the query string of `uri` as `T`; an error names the parameter (`limit`, or `query`
/// when the parameter is unknown). The API's query parser, public for the fuzz targets (`fuzz/`).
pub fn decode_query<T: DeserializeOwned>(uri: &axum::http::Uri) -> Result<T, ApiError> {
    axum::extract::Query::<T>::try_from_uri(uri)
        .map(|axum::extract::Query(v)| v)
        .map_err(|rejection| {
            // axum names the parameter before the first colon: "...query string: limit: ...".
            let text = rejection.body_text();
            let detail = text
                .split_once("query string: ")
                .map_or(text.as_str(), |(_, d)| d);
            let (path, problem_text) = match detail.split_once(": ") {
                Some((f, m)) if !f.contains(' ') => (f, m),
                _ => ("", detail),
            };
            let (field, message) = problem(path, problem_text);
            ApiError(AppError::BadQuery(schakel_domain::FieldError::new(
                if field.is_empty() {
                    "query".to_string()
                } else {
                    field
                },
                message,
            )))
        })
}

#[cfg(test)]
mod tests {
    /// The API speaks JSON with stable codes; page code (Dutch page text, forms, the frame) stays
    /// out of it. Every feature keeps its pages in a module named `page` and its operations in
    /// `api` (with its wire types in `dto`), so no API source may name a page module, the frame,
    /// the forms' CSRF check or a template.
    #[test]
    fn the_api_does_not_depend_on_the_pages() {
        for (name, source) in [
            ("api/mod.rs", include_str!("mod.rs")),
            ("api/coverage.rs", include_str!("coverage.rs")),
            ("api/dto.rs", include_str!("dto.rs")),
            ("api/openapi.rs", include_str!("openapi.rs")),
            ("api/routing.rs", include_str!("routing.rs")),
            ("access_log/api.rs", include_str!("../access_log/api.rs")),
            ("admin/api.rs", include_str!("../admin/api.rs")),
            ("auth/api.rs", include_str!("../auth/api.rs")),
            ("cases/api.rs", include_str!("../cases/api.rs")),
            ("cases/dto.rs", include_str!("../cases/dto.rs")),
            ("intake/api.rs", include_str!("../intake/api.rs")),
            ("intake/dto.rs", include_str!("../intake/dto.rs")),
            ("queue/api.rs", include_str!("../queue/api.rs")),
        ] {
            let code = source
                .lines()
                .filter(|l| !l.trim_start().starts_with("//") && !l.contains("include_str!"));
            for line in code {
                for page_code in [
                    concat!("::", "page"),
                    concat!("page", "::"),
                    concat!("crate::", "frame"),
                    concat!("crate::", "csrf"),
                    concat!("Page", "Ctx"),
                    concat!("Page", "User"),
                    concat!("ask", "ama"),
                ] {
                    assert!(
                        !line.contains(page_code),
                        "{name} uses page code ({page_code}): {line}"
                    );
                }
            }
        }
    }
}
