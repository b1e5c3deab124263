//! Login, second factor, choosing the organisation to act for, and logout.

use askama::Template;
use axum::extract::{ConnectInfo, Form, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use schakel_domain::msg;
use serde::Deserialize;

use crate::auth::login::{self, Next};
use crate::auth::session::login_csrf_cookie;
use crate::auth::session::{
    CurrentUser, SESSION_COOKIE, client_addr, cookie, hash_token, load_session, random_token,
    set_cookie,
};
use crate::auth::totp;
use crate::csrf::{check_csrf, csrf_error};
use crate::frame::{PageCtx, PageUser, render};
use crate::security::constant_time_eq;
use crate::{AppError, AppState};
use schakel_store::login_forms::LoginFormUse;

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/login", get(login_form).post(login_submit))
        .route("/login/tweede-factor", get(totp_form).post(totp_submit))
        .route(
            "/login/tweede-factor/instellen",
            get(enrol_form).post(enrol_submit),
        )
        .route("/kies-rol", get(choose_form).post(choose_submit))
        .route("/uitloggen", axum::routing::post(logout))
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    page: PageCtx,
    csrf: String,
    username: String,
    error: Option<String>,
}

/// How long a login form can be posted after it was shown. [NC] Long enough to look up a
/// password, short enough that a form left open on a shared computer goes stale.
const LOGIN_FORM_LIFETIME: time::Duration = time::Duration::minutes(30);

/// Renders the login form on a fresh pre-session: a random id goes into the browser's cookie and
/// its hash into the store; the form's token is bound to that id with the server key. The
/// browser's previous pre-session, if any, is removed.
async fn login_page(
    state: &AppState,
    headers: &HeaderMap,
    username: &str,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let pre_session = random_token();
    let previous = cookie(headers, login_csrf_cookie(state)).map(|id| hash_token(&id));
    let now = state.clock.now();
    state
        .store
        .open_login_form(
            &hash_token(&pre_session),
            previous.as_deref(),
            now,
            now + LOGIN_FORM_LIFETIME,
        )
        .await?;
    let page = LoginPage {
        page: PageCtx::anonymous(state),
        csrf: state.config.server_key.login_form_token(&pre_session),
        username: username.to_string(),
        error,
    };
    let mut res = render(&page)?;
    *res.status_mut() = status;
    let c = set_cookie(
        state,
        login_csrf_cookie(state),
        &pre_session,
        Some(LOGIN_FORM_LIFETIME.whole_seconds()),
    );
    res.headers_mut().append(
        header::SET_COOKIE,
        c.parse().map_err(|_| AppError::internal("cookie"))?,
    );
    Ok(res)
}

/// Checks the login form's token against the browser's pre-session and consumes the pre-session:
/// a token is accepted once, only from the browser its form was shown to, and only before it
/// expires. The error is the message for a fresh form.
async fn use_login_form(
    state: &AppState,
    headers: &HeaderMap,
    token: Option<&str>,
) -> Result<Result<(), String>, AppError> {
    let refused = || Ok(Err(msg("login-form-invalid").to_string()));
    let (Some(pre_session), Some(token)) = (cookie(headers, login_csrf_cookie(state)), token)
    else {
        return refused();
    };
    let expected = state.config.server_key.login_form_token(&pre_session);
    if token.is_empty() || !constant_time_eq(token.as_bytes(), expected.as_bytes()) {
        return refused();
    }
    match state
        .store
        .use_login_form(&hash_token(&pre_session), state.clock.now())
        .await?
    {
        LoginFormUse::Accepted => Ok(Ok(())),
        LoginFormUse::Expired => Ok(Err(msg("login-form-expired").to_string())),
        LoginFormUse::Unknown => refused(),
    }
}

async fn login_form(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    login_page(&state, &headers, "", None, StatusCode::OK).await
}

#[derive(Deserialize)]
struct LoginForm {
    gebruikersnaam: Option<String>,
    wachtwoord: Option<String>,
    csrf: Option<String>,
}

fn session_cookie_response(state: &AppState, token: &str, to: &str) -> Result<Response, AppError> {
    let mut res = Redirect::to(to).into_response();
    let c = set_cookie(state, SESSION_COOKIE, token, None);
    res.headers_mut().append(
        header::SET_COOKIE,
        c.parse().map_err(|_| AppError::internal("cookie"))?,
    );
    Ok(res)
}

async fn login_submit(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let username = form.gebruikersnaam.unwrap_or_default();
    if let Err(message) = use_login_form(&state, &headers, form.csrf.as_deref()).await? {
        return login_page(
            &state,
            &headers,
            &username,
            Some(message),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let password = form.wachtwoord.unwrap_or_default();
    let addr = client_addr(&state, &headers, Some(peer));
    let old = cookie(&headers, SESSION_COOKIE).map(|t| hash_token(&t));
    match login::password_step(&state, &username, &password, &addr, old.as_deref()).await {
        Ok(started) => {
            let to = match started.next {
                Next::Complete => "/",
                Next::Totp => "/login/tweede-factor",
                Next::Enrol => "/login/tweede-factor/instellen",
            };
            session_cookie_response(&state, &started.token, to)
        }
        Err(AppError::BadInput(e)) => {
            login_page(
                &state,
                &headers,
                &username,
                Some(e.message.to_string()),
                StatusCode::UNAUTHORIZED,
            )
            .await
        }
        Err(AppError::Throttled) => {
            login_page(
                &state,
                &headers,
                &username,
                Some(AppError::Throttled.message()),
                StatusCode::TOO_MANY_REQUESTS,
            )
            .await
        }
        Err(other) => Err(other),
    }
}

#[derive(Template)]
#[template(path = "totp.html")]
struct TotpPage {
    page: PageCtx,
    action: &'static str,
    enrol_secret: Option<String>,
    uri: String,
    error: Option<String>,
}

/// The waiting session of a user who gave the right password but not yet the second factor.
async fn pending(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<schakel_store::sessions::SessionRecord, AppError> {
    match load_session(state, headers).await? {
        Some(s) if !s.complete => Ok(s),
        _ => Err(AppError::Unauthenticated),
    }
}

fn totp_page(
    state: &AppState,
    session: &schakel_store::sessions::SessionRecord,
    enrol: Option<(String, String)>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let mut page = PageCtx::anonymous(state);
    page.csrf = session.csrf_token.clone();
    let (action, enrol_secret, uri) = match enrol {
        Some((secret, uri)) => ("/login/tweede-factor/instellen", Some(secret), uri),
        None => ("/login/tweede-factor", None, String::new()),
    };
    let status = if error.is_some() {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::OK
    };
    let mut res = render(&TotpPage {
        page,
        action,
        enrol_secret,
        uri,
        error,
    })?;
    *res.status_mut() = status;
    Ok(res)
}

async fn totp_form(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let session = pending(&state, &headers).await?;
    totp_page(&state, &session, None, None)
}

#[derive(Deserialize)]
struct CodeForm {
    code: Option<String>,
    sleutel: Option<String>,
    csrf: Option<String>,
}

async fn finish_second_factor(
    state: &AppState,
    headers: &HeaderMap,
    form: CodeForm,
    enrolling: bool,
) -> Result<Response, AppError> {
    let session = pending(state, headers).await?;
    if !form
        .csrf
        .as_deref()
        .is_some_and(|t| constant_time_eq(t.as_bytes(), session.csrf_token.as_bytes()))
    {
        return Err(csrf_error());
    }
    let code = form.code.unwrap_or_default();
    let secret = if enrolling {
        Some(form.sleutel.unwrap_or_default())
    } else {
        None
    };
    match login::totp_step(state, &session, &code, secret.as_deref()).await {
        Ok(login::SecondFactorDone {
            token,
            recovery_codes: Some(codes),
        }) => {
            // Signed in; the recovery codes are shown this once, with the way on.
            let mut res = render(&RecoveryCodesPage {
                page: PageCtx::anonymous(state),
                codes,
            })?;
            let c = set_cookie(state, SESSION_COOKIE, &token, None);
            res.headers_mut().append(
                header::SET_COOKIE,
                c.parse().map_err(|_| AppError::internal("cookie"))?,
            );
            Ok(res)
        }
        Ok(done) => session_cookie_response(state, &done.token, "/"),
        Err(AppError::BadInput(e)) => {
            let enrol = secret.map(|s| {
                let uri = totp::provisioning_uri(&s, "gebruiker");
                (s, uri)
            });
            totp_page(state, &session, enrol, Some(e.message.to_string()))
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "recovery_codes.html")]
struct RecoveryCodesPage {
    page: PageCtx,
    codes: Vec<String>,
}

async fn totp_submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    finish_second_factor(&state, &headers, form, false).await
}

async fn enrol_form(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let session = pending(&state, &headers).await?;
    let user = state.store.user_by_id(&session.user_id).await?;
    if user.totp_secret.is_some() {
        return Ok(Redirect::to("/login/tweede-factor").into_response());
    }
    let secret = totp::new_secret();
    let uri = totp::provisioning_uri(&secret, &user.username);
    totp_page(&state, &session, Some((secret, uri)), None)
}

async fn enrol_submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    finish_second_factor(&state, &headers, form, true).await
}

#[derive(Template)]
#[template(path = "choose.html")]
struct ChoosePage {
    page: PageCtx,
    memberships: Vec<(String, String)>,
}

async fn choose_form(
    State(state): State<AppState>,
    PageUser(user): PageUser,
) -> Result<Response, AppError> {
    let memberships = state
        .store
        .memberships(&user.user.id)
        .await?
        .into_iter()
        .map(|m| {
            (
                format!("{}|{}", m.org_id, m.role.code()),
                format!("{} · {}", m.org_name, m.role.label()),
            )
        })
        .collect();
    render(&ChoosePage {
        page: PageCtx::for_user(&state, &user, ""),
        memberships,
    })
}

#[derive(Deserialize)]
struct ChooseForm {
    keuze: Option<String>,
    csrf: Option<String>,
}

async fn choose_submit(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<ChooseForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, form.csrf.as_deref())?;
    let choice = form.keuze.unwrap_or_default();
    let memberships = state.store.memberships(&user.user.id).await?;
    let chosen = memberships
        .iter()
        .find(|m| format!("{}|{}", m.org_id, m.role.code()) == choice)
        .ok_or_else(|| AppError::field("keuze", msg("login-choose-role")))?;
    state
        .store
        .set_session_membership(&user.session.id_hash, &chosen.org_id, chosen.role)
        .await?;
    Ok(Redirect::to("/").into_response())
}

#[derive(Deserialize)]
struct LogoutForm {
    csrf: Option<String>,
}

async fn logout(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<LogoutForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, form.csrf.as_deref())?;
    state.store.delete_session(&user.session.id_hash).await?;
    let mut res = Redirect::to("/login").into_response();
    let c = set_cookie(&state, SESSION_COOKIE, "", Some(0));
    res.headers_mut().append(
        header::SET_COOKIE,
        c.parse().map_err(|_| AppError::internal("cookie"))?,
    );
    Ok(res)
}
