//! User management for the functioneel beheerder.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use schakel_domain::access::{Action, ResourceKind};
use schakel_domain::msg;
use schakel_domain::org::Role;
use schakel_domain::validate;
use schakel_store::users::NewUser;
use serde::Deserialize;

use crate::auth::session::CurrentUser;
use crate::csrf::check_csrf;
use crate::frame::PageUser;
use crate::frame::{PageCtx, render};
use crate::gate::{self, Access};
use crate::i18n::t;
use crate::{AppError, AppState, hash_password};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/beheer/gebruikers", get(list).post(create))
        .route("/organisaties", get(organisations))
        .route("/beheer/gebruikers/{id}/blokkeren", post(disable))
        .route("/beheer/gebruikers/{id}/deblokkeren", post(enable))
}

pub struct UserRow {
    pub id: String,
    pub username: String,
    pub name: String,
    pub roles: String,
    pub totp: bool,
    pub disabled: bool,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    page: PageCtx,
    users: Vec<UserRow>,
    organisations: Vec<schakel_store::orgs::Organisation>,
    roles: Vec<(&'static str, String)>,
    notice: Option<String>,
    error: Option<String>,
}

async fn guard(
    state: &AppState,
    user: &CurrentUser,
    action: Action,
    id: Option<&str>,
) -> Result<(), AppError> {
    let access = Access::new(action, ResourceKind::UserAccount).on(id);
    gate::authorize(state, user, access).await
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    notice: Option<String>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let mut users = Vec::new();
    for u in state.store.users().await? {
        let roles = state
            .store
            .memberships(&u.id)
            .await?
            .iter()
            .map(|m| format!("{} ({})", m.role.label(), m.org_name))
            .collect::<Vec<_>>()
            .join("; ");
        users.push(UserRow {
            id: u.id,
            username: u.username,
            name: u.display_name,
            roles,
            totp: u.totp_secret.is_some(),
            disabled: u.disabled,
        });
    }
    let status = if error.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let mut res = render(&UsersPage {
        page: PageCtx::for_user(state, user, "/beheer/gebruikers"),
        users,
        organisations: state.store.organisations().await?,
        roles: Role::ALL.iter().map(|r| (r.code(), r.label())).collect(),
        notice,
        error,
    })?;
    *res.status_mut() = status;
    Ok(res)
}

#[derive(Deserialize)]
struct Notice {
    melding: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(n): Query<Notice>,
) -> Result<Response, AppError> {
    guard(&state, &user, Action::Search, None).await?;
    let notice = match n.melding.as_deref() {
        Some("toegevoegd") => Some(t("admin-user-added")),
        Some("gewijzigd") => Some(t("admin-user-changed")),
        _ => None,
    };
    page(&state, &user, notice, None).await
}

#[derive(Deserialize)]
struct NewUserForm {
    gebruikersnaam: Option<String>,
    naam: Option<String>,
    organisatie: Option<String>,
    rol: Option<String>,
    wachtwoord: Option<String>,
    csrf: Option<String>,
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(f): Form<NewUserForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    guard(&state, &user, Action::Create, None).await?;
    let result: Result<(), AppError> = async {
        let username =
            validate::username("gebruikersnaam", f.gebruikersnaam.as_deref().unwrap_or(""))?;
        let name = validate::required_text("naam", f.naam.as_deref().unwrap_or(""), 200)?;
        let role = Role::parse("rol", f.rol.as_deref().unwrap_or(""))?;
        let password = validate::new_password("wachtwoord", f.wachtwoord.as_deref().unwrap_or(""))?;
        let org_id = f.organisatie.unwrap_or_default();
        let org = state
            .store
            .organisation(&org_id)
            .await
            .map_err(|_| AppError::field("organisatie", msg("admin-choose-organisation")))?;
        let hash = hash_password(password).await?;
        role.check_fits("rol", org.kind)?;
        let new = NewUser {
            username: &username,
            display_name: &name,
            password_hash: &hash,
            is_demo: false,
        };
        state
            .store
            .create_user_with_membership(&new, &org.id, role)
            .await?;
        tracing::info!(
            by = user.user.username,
            username,
            role = role.code(),
            "user created"
        );
        Ok(())
    }
    .await;
    match result {
        Ok(()) => Ok(Redirect::to("/beheer/gebruikers?melding=toegevoegd").into_response()),
        Err(AppError::BadInput(e)) => {
            page(
                &state,
                &user,
                None,
                Some(format!("{}: {}", e.field, e.message)),
            )
            .await
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
struct CsrfOnly {
    csrf: Option<String>,
}

async fn set_disabled(
    state: AppState,
    user: CurrentUser,
    id: String,
    csrf: Option<String>,
    disabled: bool,
) -> Result<Response, AppError> {
    check_csrf(&user, csrf.as_deref())?;
    guard(&state, &user, Action::Update, Some(&id)).await?;
    if id == user.user.id && disabled {
        return Err(AppError::field("gebruiker", msg("admin-cannot-block-self")));
    }
    state.store.set_disabled(&id, disabled).await?;
    tracing::info!(
        by = user.user.username,
        user_id = id,
        disabled,
        "user status changed"
    );
    Ok(Redirect::to("/beheer/gebruikers?melding=gewijzigd").into_response())
}

async fn disable(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<CsrfOnly>,
) -> Result<Response, AppError> {
    set_disabled(state, user, id, f.csrf, true).await
}

async fn enable(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<CsrfOnly>,
) -> Result<Response, AppError> {
    set_disabled(state, user, id, f.csrf, false).await
}

#[derive(Template)]
#[template(path = "organisations.html")]
struct OrganisationsPage {
    page: PageCtx,
    organisations: Vec<schakel_store::orgs::Organisation>,
}

async fn organisations(
    State(state): State<AppState>,
    PageUser(user): PageUser,
) -> Result<Response, AppError> {
    gate::authorize(
        &state,
        &user,
        Access::new(Action::Read, ResourceKind::Organisation),
    )
    .await?;
    let organisations = state.store.organisations().await?;
    render(&OrganisationsPage {
        page: PageCtx::for_user(&state, &user, "/organisaties"),
        organisations,
    })
}
