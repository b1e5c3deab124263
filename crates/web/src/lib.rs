//! HTTP for Schakel: server-rendered pages in Dutch that work without JavaScript, and a JSON API under
//! `/api/v1`. Every route that touches case data goes through [`gate`], which asks the access policy
//! and writes the access log; there is no other way to case data from this crate.

// Features: each owns its routes, its pages and its API operations.
mod access_log;
mod admin;
pub mod auth;
mod cases;
mod directory;
mod home;
mod intake;
mod meldcode;
mod programme;
mod public;
mod queue;
mod search;

// Infrastructure the features share.
pub mod api;
mod csrf;
mod display;
mod error;
mod forms;
mod frame;
pub mod gate;
pub mod hostile;
mod i18n;
mod page_routing;
mod security;
pub mod server_key;
mod system;
mod usecase;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use axum::Router;
use schakel_store::Store;
use time::{Duration, OffsetDateTime};

pub use auth::password::{hash_password, verify_password};
pub use error::AppError;

/// Settings of the web layer. Built by the binary from flags, environment and the config file.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Demo mode: fictional data only; the second factor is waived and a banner says so.
    pub demo_mode: bool,
    /// Set the Secure flag on cookies (when served over TLS, directly or behind a proxy).
    pub secure_cookies: bool,
    /// A session ends after this long without activity.
    pub session_idle: Duration,
    /// A session ends this long after login, however active.
    pub session_absolute: Duration,
    /// Failed logins per account within `throttle_window` before the account is held back.
    pub throttle_per_account: i64,
    /// Failed logins per client address within `throttle_window` before the address is held back.
    pub throttle_per_address: i64,
    pub throttle_window: Duration,
    /// Refused case lookups (missing, not the user's, malformed id) per user within
    /// `throttle_window` before further lookups get 429.
    pub refused_lookups_per_user: i64,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// The reverse proxies whose X-Forwarded-For is believed. A request from one of them has as its
    /// client the rightmost address in X-Forwarded-For that is not itself a trusted proxy; from
    /// anywhere else the header is ignored. Empty (the default): the header is never read.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The region's rules (holiday calendar, terms, code-list versions), loaded once at start-up
    /// from the region file. [`AppState::new`] gives the same value to the store, so the pages,
    /// the API and the group committer compute every deadline with it.
    pub rules: Arc<schakel_domain::rules::RegionRules>,
    /// The key TOTP secrets are sealed with and recovery codes hashed with (see [`server_key`]).
    /// The default is the public demo key.
    pub server_key: server_key::ServerKey,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            demo_mode: false,
            secure_cookies: false,
            session_idle: Duration::minutes(30),
            session_absolute: Duration::hours(12),
            throttle_per_account: 5,
            throttle_per_address: 20,
            throttle_window: Duration::minutes(15),
            refused_lookups_per_user: 60,
            max_body_bytes: 256 * 1024,
            trusted_proxies: Vec::new(),
            rules: Arc::default(),
            server_key: server_key::ServerKey::demo(),
        }
    }
}

/// The time source. Tests move it forward to expire sessions without waiting.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc() + Duration::seconds(self.offset_seconds.load(Ordering::Relaxed))
    }

    /// Moves this clock (and every clone of it) forward.
    pub fn advance(&self, by: Duration) {
        self.offset_seconds
            .fetch_add(by.whole_seconds(), Ordering::Relaxed);
    }
}

/// Shared state of every request: the store, the settings and the clock. No other state is kept
/// in memory, so instances behind a load balancer are interchangeable.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
    pub clock: Clock,
}

impl AppState {
    /// The state of a server. The store handle takes the region rules of `config`, so case work
    /// recorded through it has the same deadlines the pages show.
    pub fn new(store: Store, config: WebConfig) -> Self {
        Self {
            store: store.with_rules(config.rules.clone()),
            config: Arc::new(config),
            clock: Clock::default(),
        }
    }
}

/// Removes sessions that idled out or outlived their maximum, login attempts older than the
/// throttling window needs, and login forms past their expiry. Run now and then by the server
/// (any instance may; it is idempotent).
pub async fn purge_expired(state: &AppState) -> Result<(u64, u64), AppError> {
    let now = state.clock.now();
    let sessions = state
        .store
        .purge_sessions(
            now - state.config.session_idle,
            now - state.config.session_absolute,
        )
        .await?;
    let attempts = state
        .store
        .purge_login_attempts(now - state.config.throttle_window * 2)
        .await?;
    state.store.purge_login_forms(now).await?;
    Ok((sessions, attempts))
}

/// Every page route, feature by feature.
fn pages() -> page_routing::PageRouter {
    page_routing::PageRouter::new()
        .merge(auth::routes())
        .merge(home::routes())
        .merge(admin::routes())
        .merge(access_log::routes())
        .merge(cases::routes())
        .merge(intake::routes())
        .merge(queue::routes())
        .merge(search::routes())
        .merge(programme::routes())
        .merge(meldcode::routes())
        .merge(directory::routes())
        .merge(public::routes())
        .merge(system::routes())
}

/// The whole application: pages, API, static files and the security layers around them.
pub fn router(state: AppState) -> Router {
    let max_body = state.config.max_body_bytes;
    Router::new()
        .merge(pages().into_parts().0)
        .nest("/api/v1", api::routes())
        .fallback(|| async { AppError::NotFound })
        .with_state(state.clone())
        .layer(axum::extract::DefaultBodyLimit::max(max_body))
        .layer(axum::middleware::from_fn(security::same_origin))
        .layer(axum::middleware::from_fn_with_state(
            state,
            security::headers,
        ))
}

/// Every route of the application as (method, path), pages and API (the API's under `/api/v1`),
/// with path parameters as `{name}`: the paths the page and API routers recorded, each asked of
/// `router` (as built by [`router`]) for the methods it answers (HEAD left out). What the
/// authorisation sweep must cover.
pub async fn route_table(router: &Router) -> Result<Vec<(String, String)>, String> {
    let mut paths = pages().into_parts().1;
    paths.extend(
        api::api()
            .into_parts()
            .2
            .into_iter()
            .map(|p| format!("/api/v1{p}")),
    );
    let mut out = Vec::new();
    for path in paths {
        let concrete = api::coverage::concrete(&path);
        for method in api::coverage::routed_methods(router, &concrete).await? {
            out.push((method, path.clone()));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}
