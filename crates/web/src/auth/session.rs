//! The session cookie and the signed-in user. The cookie holds a random id; the database holds only
//! its SHA-256. A session ends after `session_idle` without activity or `session_absolute` after login.

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use rand::RngCore;
use schakel_domain::access::Actor;
use schakel_domain::org::{OrgKind, Role};
use schakel_store::sessions::SessionRecord;
use schakel_store::users::User;
use sha2::{Digest, Sha256};

use crate::{AppError, AppState};

pub const SESSION_COOKIE: &str = "schakel_sessie";
/// The login form's pre-session cookie: a random id, stored hashed with its expiry; the form's
/// token is bound to it with the server key (issue 8 finding 5).
pub const LOGIN_CSRF_COOKIE: &str = "schakel_login_csrf";
/// The same cookie when cookies are secure: a `__Host-` cookie can only be set by this host over
/// TLS, with `Path=/` and no `Domain`, so a sibling subdomain or a network attacker cannot plant a
/// cookie/field pair of its choosing (issue 8, finding 5).
pub const LOGIN_CSRF_COOKIE_HOST: &str = "__Host-schakel_login_csrf";

/// The login pre-session cookie's name: `__Host-` prefixed when cookies are secure (the browser refuses
/// such a cookie without `Secure`, so the demo on plain http keeps the plain name).
pub fn login_csrf_cookie(state: &AppState) -> &'static str {
    if state.config.secure_cookies {
        LOGIN_CSRF_COOKIE_HOST
    } else {
        LOGIN_CSRF_COOKIE
    }
}

/// A fresh random token: 256 bits, URL-safe.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    data_encoding::BASE64URL_NOPAD.encode(&bytes)
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Reads one cookie from the request headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// A Set-Cookie value: HttpOnly, SameSite=Strict, Path=/, Secure when configured.
pub fn set_cookie(
    state: &AppState,
    name: &str,
    value: &str,
    max_age_seconds: Option<i64>,
) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if let Some(age) = max_age_seconds {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if state.config.secure_cookies {
        c.push_str("; Secure");
    }
    c
}

/// The client's network address: the NEN 7513 access point, always a parsed IP address (never
/// text a client chose). Only a request whose peer is a configured trusted proxy has its
/// X-Forwarded-For read: from the right, the first address that is not a trusted proxy is the
/// client (the leftmost elements are whatever the client sent and prove nothing). An element that
/// is not an IP address stops the walk at the last address a trusted proxy vouched for.
pub fn client_addr(
    state: &AppState,
    headers: &HeaderMap,
    peer: Option<std::net::SocketAddr>,
) -> String {
    match peer {
        Some(peer) => {
            forwarded_client(&state.config.trusted_proxies, headers, peer.ip()).to_string()
        }
        None => "onbekend".to_string(),
    }
}

/// The client address behind the trusted proxies `trusted`, for a request from `peer`.
pub fn forwarded_client(
    trusted: &[ipnet::IpNet],
    headers: &HeaderMap,
    peer: std::net::IpAddr,
) -> std::net::IpAddr {
    let is_trusted = |ip: &std::net::IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let hops = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect::<Vec<_>>();
    let mut client = peer;
    for hop in hops.iter().rev() {
        match hop.parse::<std::net::IpAddr>() {
            Ok(ip) if is_trusted(&ip) => client = ip,
            Ok(ip) => return ip,
            Err(_) => return client,
        }
    }
    client
}

/// A signed-in user with a complete session (password and, where required, the second factor).
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: User,
    pub session: SessionRecord,
    /// The organisation and role acted in, when chosen.
    pub membership: Option<Membership>,
    pub client_addr: String,
    /// Second factor used, or waived in demo mode for fictional data.
    pub second_factor: bool,
}

#[derive(Debug, Clone)]
pub struct Membership {
    pub org_id: String,
    pub org_name: String,
    pub org_kind: OrgKind,
    pub role: Role,
}

impl CurrentUser {
    /// The actor the access policy judges. `None` until an organisation and role are chosen.
    pub fn actor(&self, break_glass: Option<String>) -> Option<Actor> {
        self.membership.as_ref().map(|m| Actor {
            user_id: self.user.id.clone(),
            org_id: m.org_id.clone(),
            org_kind: m.org_kind,
            role: m.role,
            second_factor: self.second_factor,
            break_glass,
        })
    }

    pub fn role(&self) -> Option<Role> {
        self.membership.as_ref().map(|m| m.role)
    }
}

/// Loads the session named by the cookie, ending it if it idled out or outlived its maximum.
pub async fn load_session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<SessionRecord>, AppError> {
    let Some(token) = cookie(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let id_hash = hash_token(&token);
    let Some(session) = state.store.session(&id_hash).await? else {
        return Ok(None);
    };
    let now = state.clock.now();
    let idle_expired = session.last_seen_at + state.config.session_idle < now;
    let too_old = session.created_at + state.config.session_absolute < now;
    if idle_expired || too_old {
        state.store.delete_session(&id_hash).await?;
        return Ok(None);
    }
    // Recording activity costs a write; once a minute is precise enough for a 30-minute idle limit.
    if now - session.last_seen_at > time::Duration::minutes(1) {
        state.store.touch_session(&id_hash, now).await?;
    }
    Ok(Some(session))
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let session = load_session(state, &parts.headers)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if !session.complete {
            return Err(AppError::Unauthenticated);
        }
        let user = match state.store.user_by_id(&session.user_id).await {
            Ok(u) if !u.disabled => u,
            _ => return Err(AppError::Unauthenticated),
        };
        let membership = match &session.membership {
            Some((org_id, role)) => {
                // A membership withdrawn since login stops counting at once.
                let still_held = state
                    .store
                    .memberships(&user.id)
                    .await?
                    .iter()
                    .any(|m| &m.org_id == org_id && m.role == *role);
                if !still_held {
                    return Err(AppError::Unauthenticated);
                }
                let org = state.store.organisation(org_id).await?;
                Some(Membership {
                    org_id: org.id,
                    org_name: org.name,
                    org_kind: org.kind,
                    role: *role,
                })
            }
            None => None,
        };
        let second_factor = session.second_factor || state.config.demo_mode;
        let peer = parts
            .extensions
            .get::<ConnectInfo<std::net::SocketAddr>>()
            .map(|ci| ci.0);
        let client_addr = client_addr(state, &parts.headers, peer);
        Ok(CurrentUser {
            user,
            client_addr,
            membership,
            second_factor,
            session,
        })
    }
}
