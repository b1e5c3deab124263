//! Requests to Schakel's router in this process, for the benches: the time measured is the
//! server's own (routing, authorisation, queries, rendering, access logging), with no network or
//! HTTP client in it.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode, header};
use schakel_web::AppState;
use tower::ServiceExt;

use crate::error::{CliError, CliResult};

/// Bodies longer than this are cut (a page is far smaller).
const MAX_BODY: usize = 16 * 1024 * 1024;

#[derive(Clone)]
pub struct InProcess {
    router: Router,
    peer: SocketAddr,
}

/// One answer, with the server time it took.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    pub took: Duration,
}

impl InProcess {
    pub fn new(state: AppState) -> Self {
        Self {
            router: schakel_web::router(state),
            peer: SocketAddr::from(([127, 0, 0, 1], 40000)),
        }
    }

    /// GET `path`, with `cookie` (a `name=value; ...` header) when given.
    pub async fn get(&self, path: &str, cookie: Option<&str>) -> CliResult<Answer> {
        let mut req = Request::get(path);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        self.send(req.body(Body::empty())).await
    }

    /// POST a form (already url-encoded) to `path` with `cookie`.
    pub async fn post_form(&self, path: &str, cookie: &str, form: String) -> CliResult<Answer> {
        let req = Request::post(path)
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form));
        self.send(req).await
    }

    async fn send(&self, req: Result<Request<Body>, axum::http::Error>) -> CliResult<Answer> {
        let mut req = req.map_err(|e| CliError::failure(format!("verzoek: {e}")))?;
        req.extensions_mut().insert(ConnectInfo(self.peer));
        let start = Instant::now();
        let res = match self.router.clone().oneshot(req).await {
            Ok(res) => res,
            Err(never) => match never {},
        };
        let (parts, body) = res.into_parts();
        let bytes = axum::body::to_bytes(body, MAX_BODY)
            .await
            .map_err(|e| CliError::failure(format!("antwoord: {e}")))?;
        let took = start.elapsed();
        Ok(Answer {
            status: parts.status,
            headers: parts.headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            took,
        })
    }
}

impl Answer {
    /// The value of cookie `name` this answer sets.
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| v.strip_prefix(name)?.strip_prefix('='))
            .and_then(|v| v.split(';').next())
            .map(str::to_string)
    }

    /// The value of the page's hidden `csrf` field.
    pub fn hidden_csrf(&self) -> Option<String> {
        let marker = "name=\"csrf\" value=\"";
        let start = self.body.find(marker)? + marker.len();
        self.body[start..].split('"').next().map(str::to_string)
    }
}

/// This process's resident memory (VmRSS) in MiB, where the system tells it (Linux).
pub fn resident_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Percent-encodes a form or query value.
pub fn encode(v: &str) -> String {
    let mut out = String::new();
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The value at fraction `q` (0.5 = median) of sorted durations, in milliseconds.
pub fn percentile_ms(sorted: &[Duration], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}
