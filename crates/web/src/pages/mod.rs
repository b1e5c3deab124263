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
use crate::i18n::t;
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
    pub nav: Vec<(&'static str, String)>,
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

/// The menu follows the policy: nobody is shown a door they may not open.
fn nav_for(user: &CurrentUser) -> Vec<(&'static str, String)> {
    use schakel_domain::access::{Action, Resource, ResourceKind, decide};
    let mut nav = vec![("/", t("nav-start"))];
    if let Some(actor) = user.actor(None)
        && !schakel_domain::access::participations_that_may(
            &actor,
            Action::Read,
            ResourceKind::Case,
        )
        .is_empty()
    {
        nav.push(("/werkvoorraad", t("nav-work-queue")));
        if decide(&actor, Action::Create, &Resource::new(ResourceKind::Case)).is_allowed() {
            nav.push(("/intake", t("nav-new-intake")));
        }
    }
    match user.role() {
        Some(Role::Beheerder) => nav.push(("/beheer/gebruikers", t("nav-users"))),
        Some(Role::PrivacyOfficer) => {
            nav.push(("/toegangslog", t("nav-access-log")));
            nav.push(("/toegangslog?nood=1", t("nav-break-glass")));
        }
        _ => {}
    }
    nav.push(("/organisaties", t("nav-organisations")));
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
        StatusCode::UNAUTHORIZED => t("error-heading-unauthenticated"),
        StatusCode::FORBIDDEN => t("error-heading-forbidden"),
        StatusCode::NOT_FOUND => t("error-heading-not-found"),
        StatusCode::CONFLICT => t("error-heading-conflict"),
        StatusCode::TOO_MANY_REQUESTS => t("error-heading-throttled"),
        s if s.is_client_error() => t("error-heading-bad-input"),
        _ => t("error-heading-internal"),
    };
    let page = ErrorPage {
        page: PageCtx {
            demo_mode: false,
            who: None,
            nav: Vec::new(),
            current: "",
            csrf: String::new(),
        },
        heading: &heading,
        message,
        offer_break_glass: false,
        break_glass_action: String::new(),
    };
    page.render().unwrap_or_else(|_| t("error-internal"))
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
        heading: &t("error-heading-forbidden"),
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
    AppError::field("csrf", &t("error-csrf"))
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
