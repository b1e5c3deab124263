//! The frame every page shares: who is signed in, the menu (which follows the access policy), the
//! rendering of templates, the error pages, and the extractor that sends anyone not signed in to
//! the login page. Features render their pages through it.

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use schakel_domain::org::Role;

use crate::auth::session::CurrentUser;
use crate::i18n::t;
use crate::{AppError, AppState};

/// What every page's frame needs: who is signed in, the menu and the CSRF token for its forms.
pub struct PageCtx {
    pub demo_mode: bool,
    pub who: Option<String>,
    pub nav: Vec<(&'static str, String)>,
    pub current: &'static str,
    pub csrf: String,
    /// The search field in the header, for users who may read cases (issue 7).
    pub search: bool,
}

impl PageCtx {
    pub fn anonymous(state: &AppState) -> Self {
        Self {
            demo_mode: state.config.demo_mode,
            who: None,
            nav: Vec::new(),
            current: "",
            csrf: String::new(),
            search: false,
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
        let nav = nav_for(user);
        Self {
            demo_mode: state.config.demo_mode,
            who: Some(who),
            // The menu shows Te doen to exactly those who may read cases.
            search: nav.iter().any(|(href, _)| *href == "/werkvoorraad"),
            nav,
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
    if let Some(actor) = user.actor(None)
        && decide(
            &actor,
            Action::Search,
            &Resource::new(ResourceKind::MeldcodeDossier),
        )
        .is_allowed()
    {
        nav.push(("/meldcode", t("nav-meldcode")));
    }
    match user.role() {
        Some(Role::Beheerder) => {
            nav.push(("/beheer/gebruikers", t("nav-users")));
            nav.push(("/beheer/aanvragen", t("accounts-requests-title")));
        }
        Some(Role::Teamleider) => nav.push(("/beheer/aanvragen", t("accounts-requests-title"))),
        Some(Role::PrivacyOfficer) => {
            nav.push(("/toegangslog", t("nav-access-log")));
            nav.push(("/noodtoegang", t("nav-break-glass")));
        }
        _ => {}
    }
    if let Some(actor) = user.actor(None)
        && decide(
            &actor,
            Action::Read,
            &Resource::new(ResourceKind::Programme),
        )
        .is_allowed()
    {
        nav.push(("/programma", t("nav-programme")));
    }
    if let Some(actor) = user.actor(None)
        && schakel_app::directory::allow(&actor, Action::Search).is_ok()
    {
        nav.push(("/sociale-kaart", t("nav-directory")));
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
            search: false,
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

/// Pages for signed-in users send anyone else to the login page instead of showing an error.
pub struct PageUser(pub CurrentUser);

impl FromRequestParts<AppState> for PageUser {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match CurrentUser::from_request_parts(parts, state).await {
            Ok(u) => Ok(PageUser(u)),
            Err(AppError::Unauthenticated) => Err(Redirect::to("/login").into_response()),
            Err(e) => Err(e.into_response()),
        }
    }
}
