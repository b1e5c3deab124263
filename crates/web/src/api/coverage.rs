//! Does the OpenAPI document describe exactly the routes the router has? The router is asked
//! itself: a request with a method no route uses (`PROBE`) reaches no handler and is answered 405
//! with an `Allow` header naming the methods registered at that path, or 404 when no route has the
//! path. Every path a route was added at ([`super::ApiRouter`] records them) and every documented
//! path is probed, and the methods found are compared with the documented operations.

use std::collections::BTreeSet;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use tower::ServiceExt;
use utoipa::openapi::OpenApi;

/// The methods the router answers at `path` (a concrete path, parameters filled in). HEAD is left
/// out: axum answers it wherever GET is.
pub(crate) async fn routed_methods(
    router: &Router,
    path: &str,
) -> Result<BTreeSet<String>, String> {
    let probe = Method::from_bytes(b"PROBE").map_err(|e| e.to_string())?;
    let req = Request::builder()
        .method(probe)
        .uri(path)
        .body(Body::empty())
        .map_err(|e| e.to_string())?;
    let res = router
        .clone()
        .oneshot(req)
        .await
        .map_err(|e| e.to_string())?;
    match res.status() {
        StatusCode::NOT_FOUND => Ok(BTreeSet::new()),
        StatusCode::METHOD_NOT_ALLOWED => Ok(res
            .headers()
            .get(header::ALLOW)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .split(',')
            .map(|m| m.trim().to_ascii_uppercase())
            .filter(|m| !m.is_empty() && m != "HEAD")
            .collect()),
        other => Err(format!("{path}: PROBE answered {other}")),
    }
}

/// The documented methods per path.
fn documented(doc: &OpenApi, path: &str) -> BTreeSet<String> {
    let Some(item) = doc.paths.paths.get(path) else {
        return BTreeSet::new();
    };
    let mut out = BTreeSet::new();
    for (m, op) in [
        ("GET", &item.get),
        ("POST", &item.post),
        ("PUT", &item.put),
        ("DELETE", &item.delete),
        ("PATCH", &item.patch),
        ("OPTIONS", &item.options),
        ("HEAD", &item.head),
        ("TRACE", &item.trace),
    ] {
        if op.is_some() {
            out.insert(m.to_string());
        }
    }
    out
}

/// Fills path parameters (`{id}`) with a value.
pub(crate) fn concrete(path: &str) -> String {
    let mut out = String::new();
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("probe");
            }
            '}' => in_param = false,
            c if !in_param => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every mismatch between the router (mounted at `prefix`, e.g. `/api/v1`) and the document:
/// `GET /x: routed but not documented` or `POST /y: documented but not routed`. `registered` are the
/// paths routes were added at. Empty means they agree.
pub async fn check(
    router: &Router,
    prefix: &str,
    doc: &OpenApi,
    registered: &[String],
) -> Result<Vec<String>, String> {
    let mut paths: BTreeSet<String> = registered.iter().cloned().collect();
    paths.extend(doc.paths.paths.keys().cloned());
    let mut problems = Vec::new();
    for path in paths {
        let routed = routed_methods(router, &format!("{prefix}{}", concrete(&path))).await?;
        let documented = documented(doc, &path);
        for m in routed.difference(&documented) {
            problems.push(format!("{m} {path}: routed but not documented"));
        }
        for m in documented.difference(&routed) {
            problems.push(format!("{m} {path}: documented but not routed"));
        }
    }
    Ok(problems)
}
