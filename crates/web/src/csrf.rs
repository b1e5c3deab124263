//! CSRF protection of forms posted in a signed-in session: every form carries the session's token
//! (rendered by the frame), and every handler that changes something checks it before acting.

use crate::AppError;
use crate::auth::session::CurrentUser;
use crate::security::constant_time_eq;
use schakel_domain::msg;

/// Checks the CSRF token of a form posted in a signed-in session.
pub fn check_csrf(user: &CurrentUser, token: Option<&str>) -> Result<(), AppError> {
    match token {
        Some(t) if constant_time_eq(t.as_bytes(), user.session.csrf_token.as_bytes()) => Ok(()),
        _ => Err(csrf_error()),
    }
}

pub fn csrf_error() -> AppError {
    AppError::field("csrf", msg("error-csrf"))
}
