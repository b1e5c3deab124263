//! The one error type of the web layer, mapped to HTTP in one place. Messages name the field that is
//! wrong and never leak internals: an internal error is logged with detail and shown as a reference.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use schakel_domain::access::DenyReason;
use schakel_domain::case::TransitionError;
use schakel_domain::{FieldError, FieldErrors, Message, msg, msg_args};
use schakel_store::StoreError;
use serde_json::json;

use crate::i18n::t;

#[derive(Debug)]
pub enum AppError {
    /// Input that fails validation; names the field.
    BadInput(FieldError),
    /// Input with several wrong fields, all of them (issue 7); answered as [`AppError::BadInput`]
    /// of the first, plus the list.
    BadInputs(FieldErrors),
    /// A query string that does not parse (wrong type, unknown parameter); names the parameter.
    BadQuery(FieldError),
    /// No route has this path.
    UnknownRoute,
    /// The path exists, but not with this method.
    MethodNotAllowed,
    /// Not signed in, or the session ended.
    Unauthenticated,
    /// Signed in, but the access policy says no.
    Forbidden(DenyReason),
    /// Not there, or not for you to know it is there.
    NotFound,
    /// There, but the user's organisation takes no part in it: answered exactly as [`NotFound`]
    /// (issue 8, finding 4). The reason is for the pages' break-the-glass offer only.
    ///
    /// [`NotFound`]: AppError::NotFound
    Hidden(DenyReason),
    /// A stale write: someone changed the case first.
    Conflict(String),
    /// A state-changing request a browser sent from another site (Origin / Sec-Fetch-Site).
    CrossOrigin,
    /// Too many failed logins; try again later.
    Throttled,
    /// The body is larger than allowed.
    TooLarge,
    /// Something on our side; the detail goes to the log only.
    Internal(String),
}

impl AppError {
    pub fn internal(detail: impl Into<String>) -> Self {
        AppError::Internal(detail.into())
    }

    pub fn field(field: &str, message: Message) -> Self {
        AppError::BadInput(FieldError::new(field, message))
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadInput(_) | AppError::BadInputs(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadQuery(_) => StatusCode::BAD_REQUEST,
            AppError::UnknownRoute => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) | AppError::CrossOrigin => StatusCode::FORBIDDEN,
            AppError::NotFound | AppError::Hidden(_) => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Throttled => StatusCode::TOO_MANY_REQUESTS,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadInput(_) | AppError::BadInputs(_) => "invalid_input",
            AppError::BadQuery(_) => "invalid_query",
            AppError::UnknownRoute => "not_found",
            AppError::MethodNotAllowed => "method_not_allowed",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden(_) => "forbidden",
            AppError::CrossOrigin => "cross_origin",
            AppError::NotFound | AppError::Hidden(_) => "not_found",
            AppError::Conflict(_) => "conflict",
            AppError::Throttled => "throttled",
            AppError::TooLarge => "too_large",
            AppError::Internal(_) => "internal",
        }
    }

    /// The message shown to the user, in Dutch.
    pub fn message(&self) -> String {
        match self {
            AppError::BadInput(e) | AppError::BadQuery(e) => format!("{}: {}", e.field, e.message),
            AppError::BadInputs(all) => format!("{}: {}", all.first().field, all.first().message),
            AppError::UnknownRoute => t("error-unknown-route"),
            AppError::MethodNotAllowed => t("error-method-not-allowed"),
            AppError::Unauthenticated => t("error-unauthenticated"),
            AppError::Forbidden(reason) => reason.message(),
            AppError::CrossOrigin => t("error-cross-origin"),
            AppError::NotFound | AppError::Hidden(_) => t("error-not-found"),
            AppError::Conflict(_) => t("error-conflict"),
            AppError::Throttled => t("error-throttled"),
            AppError::TooLarge => t("error-too-large"),
            AppError::Internal(_) => t("error-internal"),
        }
    }

    fn field_name(&self) -> Option<&str> {
        match self {
            AppError::BadInput(e) | AppError::BadQuery(e) => Some(&e.field),
            AppError::BadInputs(all) => Some(&all.first().field),
            AppError::UnknownRoute => Some("path"),
            AppError::MethodNotAllowed => Some("method"),
            AppError::TooLarge => Some("body"),
            AppError::CrossOrigin => Some("Origin"),
            _ => None,
        }
    }

    /// Every wrong field of bad input, in form order; empty for other errors.
    pub fn field_errors(&self) -> Vec<&FieldError> {
        match self {
            AppError::BadInput(e) | AppError::BadQuery(e) => vec![e],
            AppError::BadInputs(all) => all.iter().collect(),
            _ => Vec::new(),
        }
    }

    /// The JSON form used by the API.
    pub fn into_json_response(self) -> Response {
        self.log();
        // `error` repeats `code` for clients written before the field was called `code`. `field`
        // and `message` name the first wrong field; `errors` lists every one (issue 7), each with
        // its catalogue key as `code`.
        let errors: Vec<serde_json::Value> = self
            .field_errors()
            .into_iter()
            .map(|e| {
                json!({
                    "code": e.message.key(),
                    "field": e.field,
                    "message": e.text(),
                })
            })
            .collect();
        let body = json!({
            "code": self.code(),
            "error": self.code(),
            "field": self.field_name(),
            "message": self.message(),
            "errors": errors,
        });
        (self.status(), Json(body)).into_response()
    }

    fn log(&self) {
        match self {
            AppError::Internal(detail) => tracing::error!(%detail, "internal error"),
            AppError::Conflict(detail) => tracing::info!(%detail, "conflict"),
            _ => {}
        }
    }
}

impl From<FieldErrors> for AppError {
    fn from(all: FieldErrors) -> Self {
        AppError::BadInputs(all)
    }
}

impl From<FieldError> for AppError {
    fn from(e: FieldError) -> Self {
        AppError::BadInput(e)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict { .. }
            | StoreError::ProgrammeChanged { .. }
            | StoreError::DossierChanged { .. }
            | StoreError::DirectoryChanged { .. } => AppError::Conflict(e.to_string()),
            StoreError::NotFound(what) => AppError::BadInput(FieldError::new(
                "id",
                msg_args("store-not-found", [("what", what.to_string())]),
            )),
            StoreError::Duplicate { field } => {
                AppError::BadInput(FieldError::new(field, msg("store-duplicate")))
            }
            // The domain refused the change: a field is wrong, or the lifecycle does not allow it now.
            StoreError::Rejected(TransitionError::Field(f)) => AppError::BadInput(f),
            StoreError::Rejected(TransitionError::NotAllowed(m)) => {
                AppError::BadInput(FieldError::new("gebeurtenis", m))
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<schakel_app::Error> for AppError {
    fn from(e: schakel_app::Error) -> Self {
        match e {
            schakel_app::Error::Invalid(f) => AppError::BadInput(f),
            schakel_app::Error::InvalidAll(all) => AppError::BadInputs(all),
            schakel_app::Error::Forbidden(reason) => AppError::Forbidden(reason),
            schakel_app::Error::NotFound => AppError::NotFound,
            schakel_app::Error::Store(e) => e.into(),
        }
    }
}

/// Pages get a small HTML error page; API routes convert with [`AppError::into_json_response`].
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        let status = self.status();
        let page = crate::frame::error_page(status, &self.message());
        (status, Html(page)).into_response()
    }
}
