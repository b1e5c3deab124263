//! The login steps shared by the pages and the API: password (throttled per account and per address,
//! constant work for unknown users), then the second factor where required, each step on a new
//! session id.

use schakel_domain::msg;
use schakel_store::sessions::{NewSession, SessionRecord};
use schakel_store::users::User;

use crate::auth::session::{hash_token, random_token};
use crate::auth::{password, totp};
use crate::server_key::ServerKey;
use crate::{AppError, AppState};

/// Where the user stands after the password step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// Signed in.
    Complete,
    /// The second factor is to be given.
    Totp,
    /// A second factor is required but not yet set up.
    Enrol,
}

#[derive(Debug)]
pub struct Started {
    /// The new session token for the cookie.
    pub token: String,
    pub next: Next,
    pub user: User,
}

fn throttle_keys(username: &str, addr: &str) -> [String; 2] {
    [format!("user:{username}"), format!("addr:{addr}")]
}

async fn check_throttle(state: &AppState, username: &str, addr: &str) -> Result<(), AppError> {
    let since = state.clock.now() - state.config.throttle_window;
    let [account, address] = throttle_keys(username, addr);
    if state.store.recent_login_failures(&account, since).await?
        >= state.config.throttle_per_account
        || state.store.recent_login_failures(&address, since).await?
            >= state.config.throttle_per_address
    {
        tracing::warn!(username, addr, "login throttled");
        return Err(AppError::Throttled);
    }
    Ok(())
}

async fn record_failure(state: &AppState, username: &str, addr: &str) -> Result<(), AppError> {
    let [account, address] = throttle_keys(username, addr);
    state
        .store
        .record_login_attempt(&[&account, &address], state.clock.now(), false)
        .await?;
    tracing::info!(username, addr, "login failed");
    Ok(())
}

/// The message for every failed password step: the same whether the user exists or not.
pub fn wrong_credentials() -> AppError {
    AppError::field("wachtwoord", msg("login-wrong-credentials"))
}

/// Checks the password and opens a session (complete, or waiting for the second factor).
/// `replaces` is the session id hash of any session the browser already had: it is removed.
pub async fn password_step(
    state: &AppState,
    username: &str,
    password_text: &str,
    addr: &str,
    replaces: Option<&str>,
) -> Result<Started, AppError> {
    let username = username.trim().to_lowercase();
    check_throttle(state, &username, addr).await?;
    let user = state.store.user_by_username(&username).await?;
    let stored_hash = user.as_ref().map(|u| u.password_hash.clone());
    let password_ok = password::verify_password(password_text.to_string(), stored_hash).await;
    let user = match user {
        Some(u) if password_ok && !u.disabled => u,
        _ => {
            record_failure(state, &username, addr).await?;
            return Err(wrong_credentials());
        }
    };
    let memberships = state.store.memberships(&user.id).await?;
    if memberships.is_empty() {
        return Err(AppError::field("gebruikersnaam", msg("login-no-role")));
    }
    let needs_second_factor =
        !state.config.demo_mode && memberships.iter().any(|m| m.role.sees_personal_data());
    let next = match (&user.totp_secret, needs_second_factor) {
        (Some(_), _) if !state.config.demo_mode => Next::Totp,
        (None, true) => Next::Enrol,
        _ => Next::Complete,
    };
    // A success clears the account's failure count only when the login is complete; otherwise a
    // known password would buy unlimited guesses at the second factor.
    if next == Next::Complete {
        let [account, _] = throttle_keys(&username, addr);
        state
            .store
            .record_login_attempt(&[&account], state.clock.now(), true)
            .await?;
    }
    let only =
        (memberships.len() == 1).then(|| (memberships[0].org_id.as_str(), memberships[0].role));
    let token = random_token();
    let id_hash = hash_token(&token);
    let csrf = random_token();
    state
        .store
        .create_session(
            &NewSession {
                id_hash: &id_hash,
                user_id: &user.id,
                membership: only,
                second_factor: false,
                complete: next == Next::Complete,
                csrf_token: &csrf,
                now: state.clock.now(),
                client_addr: addr,
            },
            replaces,
        )
        .await?;
    tracing::info!(username, addr, ?next, "password accepted");
    Ok(Started { token, next, user })
}

/// The outcome of a successful second-factor step.
#[derive(Debug)]
pub struct SecondFactorDone {
    /// The new session token for the cookie.
    pub token: String,
    /// After setting up an authenticator: the fresh recovery codes, to be shown once.
    pub recovery_codes: Option<Vec<String>>,
}

/// Checks the second factor of a waiting session and replaces it by a complete one (new id).
/// With `enrol_secret`, the code confirms a newly set-up authenticator: the secret is stored
/// sealed with the server key and fresh recovery codes are made. Without it, the code is either a
/// TOTP code of a time step later than the last one used (a code is accepted once, RFC 6238
/// section 5.2) or an unused recovery code.
pub async fn totp_step(
    state: &AppState,
    session: &SessionRecord,
    code: &str,
    enrol_secret: Option<&str>,
) -> Result<SecondFactorDone, AppError> {
    let user = state.store.user_by_id(&session.user_id).await?;
    let addr = session.client_addr.clone();
    check_throttle(state, &user.username, &addr).await?;
    let key = &state.config.server_key;
    let now = state.clock.now().unix_timestamp();
    let mut recovery_codes = None;
    match (enrol_secret, &user.totp_secret) {
        (Some(new), None) => {
            let Some(step) = totp::matching_step(new, code, now) else {
                record_failure(state, &user.username, &addr).await?;
                return Err(AppError::field("code", msg("login-code-wrong")));
            };
            let sealed = key
                .seal(&user.id, new)
                .ok_or_else(|| AppError::internal("totp seal"))?;
            state.store.set_totp_secret(&user.id, Some(&sealed)).await?;
            state.store.claim_totp_step(&user.id, step).await?;
            let codes = totp::new_recovery_codes();
            let hashes: Vec<String> = codes
                .iter()
                .map(|c| key.recovery_hash(&user.id, c))
                .collect();
            state
                .store
                .replace_recovery_codes(&user.id, &hashes)
                .await?;
            recovery_codes = Some(codes);
        }
        (None, Some(_)) if totp::looks_like_recovery_code(code) => {
            let hash = key.recovery_hash(&user.id, code);
            if !state.store.use_recovery_code(&user.id, &hash).await? {
                record_failure(state, &user.username, &addr).await?;
                return Err(AppError::field("code", msg("login-code-wrong")));
            }
            tracing::warn!(username = user.username, "recovery code used");
        }
        (None, Some(stored)) => {
            let secret = key.open(&user.id, stored).ok_or_else(|| {
                AppError::internal("totp secret does not open with this server key")
            })?;
            let Some(step) = totp::matching_step(&secret, code, now) else {
                record_failure(state, &user.username, &addr).await?;
                return Err(AppError::field("code", msg("login-code-wrong")));
            };
            if !state.store.claim_totp_step(&user.id, step).await? {
                record_failure(state, &user.username, &addr).await?;
                return Err(AppError::field("code", msg("login-code-used")));
            }
            // A secret an older version stored in plain text is sealed now.
            if !ServerKey::is_sealed(stored) {
                let sealed = key
                    .seal(&user.id, &secret)
                    .ok_or_else(|| AppError::internal("totp seal"))?;
                state.store.set_totp_secret(&user.id, Some(&sealed)).await?;
            }
        }
        _ => {
            return Err(AppError::field("code", msg("login-second-factor-state")));
        }
    }
    let [account, _] = throttle_keys(&user.username, &addr);
    state
        .store
        .record_login_attempt(&[&account], state.clock.now(), true)
        .await?;
    let token = random_token();
    let csrf = random_token();
    state
        .store
        .create_session(
            &NewSession {
                id_hash: &hash_token(&token),
                user_id: &user.id,
                membership: session.membership.as_ref().map(|(o, r)| (o.as_str(), *r)),
                second_factor: true,
                complete: true,
                csrf_token: &csrf,
                now: state.clock.now(),
                client_addr: &addr,
            },
            Some(&session.id_hash),
        )
        .await?;
    tracing::info!(username = user.username, "second factor accepted");
    Ok(SecondFactorDone {
        token,
        recovery_codes,
    })
}
