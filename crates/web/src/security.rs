//! Security headers on every response, and the origin check of every state-changing request.

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::http::header::{self, HeaderName};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;

/// No inline script or style, no framing, no referrer leaks (DESIGN.md: CSP without inline script).
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

pub async fn headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    h.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    // Personal data must not linger in shared caches or the browser's history cache.
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if state.config.secure_cookies {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    res
}

/// Refuses a state-changing request (anything but GET, HEAD, OPTIONS) that a browser says comes
/// from another site (issue 8, finding 5): an `Origin` header must name this server's own host,
/// and without one `Sec-Fetch-Site` must not be `cross-site` or `same-site`. A request with
/// neither header (a script, curl) is not a browser's cross-site request; the CSRF token still
/// guards it. Pages get the error page, the API its JSON error.
pub async fn same_origin(req: Request, next: Next) -> Response {
    use axum::http::Method;
    use axum::response::IntoResponse;
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let host = text("host").unwrap_or_default();
    let fetch_site = text("sec-fetch-site");
    let allowed = match text("origin") {
        // Under Referrer-Policy no-referrer (which Schakel sends) a browser hides the origin of a
        // form post as "null"; then Sec-Fetch-Site decides, and only same-origin will do.
        Some("null") => fetch_site == Some("same-origin"),
        Some(origin) => origin.split_once("://").is_some_and(|(scheme, rest)| {
            matches!(scheme, "http" | "https") && !host.is_empty() && rest == host
        }),
        None => !matches!(fetch_site, Some("cross-site" | "same-site")),
    };
    if allowed {
        return next.run(req).await;
    }
    tracing::warn!(
        origin = text("origin").unwrap_or("-"),
        fetch_site = text("sec-fetch-site").unwrap_or("-"),
        path = req.uri().path(),
        "cross-origin write refused"
    );
    let error = crate::AppError::CrossOrigin;
    if req.uri().path().starts_with("/api/") {
        error.into_json_response()
    } else {
        error.into_response()
    }
}

/// Compares secrets (CSRF tokens) without an early exit, so the time taken tells nothing.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
