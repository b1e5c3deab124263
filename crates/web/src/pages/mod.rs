//! Server-rendered pages. They work without JavaScript; forms post back and redirect.

mod access_log;
pub(crate) use crate::security::constant_time_eq;
mod admin;
pub(crate) mod case_actions;
mod cases;
mod home;
mod intake;
mod login;
pub(crate) mod queue;

use askama::Template;
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use schakel_domain::org::Role;

use crate::auth::session::CurrentUser;
use crate::{AppError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(login::routes())
        .merge(home::routes())
        .merge(admin::routes())
        .merge(access_log::routes())
        .merge(cases::routes())
        .merge(intake::routes())
        .merge(queue::routes())
        .route("/static/schakel.css", get(stylesheet))
        .route("/healthz", get(healthz))
}

/// What every page's frame needs: who is signed in, the menu and the CSRF token for its forms.
pub struct PageCtx {
    pub demo_mode: bool,
    pub who: Option<String>,
    pub nav: Vec<(&'static str, &'static str)>,
    pub current: &'static str,
    pub csrf: String,
}

impl PageCtx {
    pub fn anonymous(state: &AppState) -> Self {
        Self {
            demo_mode: state.config.demo_mode,
            who: None,
            nav: Vec::new(),
            current: "",
            csrf: String::new(),
        }
    }

    pub fn for_user(state: &AppState, user: &CurrentUser, current: &'static str) -> Self {
        let who = match &user.membership {
            Some(m) => format!(
                "{} · {} · {}",
                user.user.display_name,
                m.org_name,
                m.role.label()
            ),
            None => user.user.display_name.clone(),
        };
        Self {
            demo_mode: state.config.demo_mode,
            who: Some(who),
            nav: nav_for(user),
            current,
            csrf: user.session.csrf_token.clone(),
        }
    }
}

/// The menu follows the role: nobody is shown a door they may not open.
fn nav_for(user: &CurrentUser) -> Vec<(&'static str, &'static str)> {
    let mut nav = vec![("/", "Start")];
    if let Some(m) = &user.membership
        && matches!(m.role, Role::Medewerker | Role::Teamleider)
        && m.org_kind.handles_cases()
    {
        nav.push(("/werkvoorraad", "Te doen"));
        if m.org_kind == schakel_domain::org::OrgKind::VeiligThuis {
            nav.push(("/intake", "Nieuw advies of melding"));
        }
    }
    match user.role() {
        Some(Role::Beheerder) => nav.push(("/beheer/gebruikers", "Gebruikers")),
        Some(Role::PrivacyOfficer) => {
            nav.push(("/toegangslog", "Toegangslog"));
            nav.push(("/toegangslog?nood=1", "Noodtoegang"));
        }
        _ => {}
    }
    nav.push(("/organisaties", "Organisaties"));
    nav
}

/// A code list as (code, Dutch label) options for a form; a child code reads "parent – child".
pub fn code_options(id: &str, version: &str) -> Vec<(String, String)> {
    schakel_domain::codes::registry()
        .list(id, version)
        .map(|l| {
            l.entries
                .iter()
                .map(|c| {
                    let label = match &c.parent {
                        Some(p) => format!(
                            "{} – {}",
                            l.get(p).map(|p| p.label_nl.as_str()).unwrap_or(""),
                            c.label_nl
                        ),
                        None => c.label_nl.clone(),
                    };
                    (c.code.clone(), label)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Renders a template into a page response.
pub fn render(t: &impl Template) -> Result<Response, AppError> {
    let body = t
        .render()
        .map_err(|e| AppError::internal(format!("template: {e}")))?;
    Ok(Html(body).into_response())
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    page: PageCtx,
    heading: &'a str,
    message: &'a str,
    offer_break_glass: bool,
    break_glass_action: String,
}

/// The error page (escaped like every template). Used by [`AppError`]'s response mapping.
pub fn error_page(status: StatusCode, message: &str) -> String {
    let heading = match status {
        StatusCode::UNAUTHORIZED => "Niet ingelogd",
        StatusCode::FORBIDDEN => "Geen toegang",
        StatusCode::NOT_FOUND => "Niet gevonden",
        StatusCode::CONFLICT => "Intussen gewijzigd",
        StatusCode::TOO_MANY_REQUESTS => "Even geduld",
        s if s.is_client_error() => "Controleer uw invoer",
        _ => "Er ging iets mis",
    };
    let page = ErrorPage {
        page: PageCtx {
            demo_mode: false,
            who: None,
            nav: Vec::new(),
            current: "",
            csrf: String::new(),
        },
        heading,
        message,
        offer_break_glass: false,
        break_glass_action: String::new(),
    };
    page.render()
        .unwrap_or_else(|_| "Er ging iets mis.".to_string())
}

/// A 403 page for a case the user has no relation to, offering break-the-glass.
pub fn break_glass_offer(
    state: &AppState,
    user: &CurrentUser,
    case_id: &str,
    message: &str,
) -> Result<Response, AppError> {
    let page = ErrorPage {
        page: PageCtx::for_user(state, user, ""),
        heading: "Geen toegang",
        message,
        offer_break_glass: true,
        break_glass_action: format!("/casussen/{case_id}/noodtoegang"),
    };
    let mut res = render(&page)?;
    *res.status_mut() = StatusCode::FORBIDDEN;
    Ok(res)
}

/// Checks the CSRF token of a form posted in a signed-in session.
pub fn check_csrf(user: &CurrentUser, token: Option<&str>) -> Result<(), AppError> {
    match token {
        Some(t) if constant_time_eq(t.as_bytes(), user.session.csrf_token.as_bytes()) => Ok(()),
        _ => Err(csrf_error()),
    }
}

pub fn csrf_error() -> AppError {
    AppError::field(
        "csrf",
        "het formulier is verlopen of komt niet van Schakel; laad de pagina opnieuw",
    )
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/schakel.css"),
    )
}

async fn healthz(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database niet bereikbaar").into_response()
        }
    }
}
