//! User management for the functioneel beheerder.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use schakel_domain::access::{
    Action, Decision, DenyReason, Ground, Resource, ResourceKind, decide,
};
use schakel_domain::accounts;
use schakel_domain::msg;
use schakel_domain::org::Role;
use schakel_domain::validate;
use serde::Deserialize;

use crate::auth::session::{CurrentUser, hash_token, random_token};
use crate::csrf::check_csrf;
use crate::frame::PageUser;
use crate::frame::{PageCtx, render};
use crate::gate::{self, Access};
use crate::i18n::{t, t_args};
use crate::{AppError, AppState, hash_password};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/beheer/gebruikers", get(list).post(create))
        .route("/organisaties", get(organisations))
        .route("/beheer/gebruikers/{id}/blokkeren", post(disable))
        .route("/beheer/gebruikers/{id}/deblokkeren", post(enable))
        .route("/beheer/gebruikers/{id}/rol", post(request_role))
        .route("/beheer/aanvragen", get(requests))
        .route("/beheer/aanvragen/{id}/goedkeuren", post(approve))
        .route("/beheer/aanvragen/{id}/afwijzen", post(refuse))
        .route("/activeren", get(activate_form).post(activate))
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
        Some("aangevraagd") => Some(t("accounts-role-requested")),
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
    csrf: Option<String>,
}

/// How long an activation code stays valid.
const ACTIVATION_DAYS: i64 = 7;

/// Writes one access-log entry about a change to an account: the target account is the resource,
/// the organisation and role are in the reason (issue 8 finding 1).
async fn log_account_change(
    state: &AppState,
    user: &CurrentUser,
    action: Action,
    target: &str,
    what: String,
    decision: &Decision,
) -> Result<(), AppError> {
    let access = Access::new(action, ResourceKind::UserAccount)
        .on(Some(target))
        .reason(Some(what));
    gate::log(state, user, access, decision).await
}

fn change_text(kind: &str, org_id: &str, role: Role) -> String {
    format!("{kind}: organisatie={org_id} rol={}", role.code())
}

/// The policy's answer for `action` on accounts, then the separation-of-duties rule `duty`.
fn account_decision(
    user: &CurrentUser,
    action: Action,
    duty: impl FnOnce(&schakel_domain::access::Actor) -> Result<(), DenyReason>,
) -> Decision {
    let Some(actor) = user.actor(None) else {
        return Decision::Deny(DenyReason::RoleNotPermitted);
    };
    match decide(&actor, action, &Resource::new(ResourceKind::UserAccount)) {
        Decision::Allow(ground) => match duty(&actor) {
            Ok(()) => Decision::Allow(ground),
            Err(reason) => Decision::Deny(reason),
        },
        deny => deny,
    }
}

/// A new account: asked for by an administrator of the organisation, without a password (the
/// user sets one with the activation code shown once here) and without a role until a second
/// person approves the request.
async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(f): Form<NewUserForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let checked: Result<_, AppError> = async {
        let username =
            validate::username("gebruikersnaam", f.gebruikersnaam.as_deref().unwrap_or(""))?;
        let name = validate::required_text("naam", f.naam.as_deref().unwrap_or(""), 200)?;
        let role = Role::parse("rol", f.rol.as_deref().unwrap_or(""))?;
        let org_id = f.organisatie.unwrap_or_default();
        let org = state
            .store
            .organisation(&org_id)
            .await
            .map_err(|_| AppError::field("organisatie", msg("admin-choose-organisation")))?;
        role.check_fits("rol", org.kind)?;
        Ok((username, name, org, role))
    }
    .await;
    let (username, name, org, role) = match checked {
        Ok(v) => v,
        Err(AppError::BadInput(e)) => {
            // Refused before anything is decided; the policy still answers who may see the page.
            guard(&state, &user, Action::Create, None).await?;
            return page(
                &state,
                &user,
                None,
                Some(format!("{}: {}", e.field, e.message)),
            )
            .await;
        }
        Err(e) => return Err(e),
    };
    let what = change_text("nieuw account", &org.id, role);
    let decision = account_decision(&user, Action::Create, |actor| {
        accounts::may_request_role(actor, &org.id, role)
    });
    if let Decision::Deny(reason) = decision {
        log_account_change(&state, &user, Action::Create, &username, what, &decision).await?;
        return Err(AppError::Forbidden(reason));
    }
    let code = random_token();
    let expires = state.clock.now() + time::Duration::days(ACTIVATION_DAYS);
    let created = state
        .store
        .create_pending_user(
            &username,
            &name,
            &org.id,
            role,
            &user.user.id,
            &hash_token(&code),
            expires,
        )
        .await;
    let user_id = match created {
        Ok((id, _)) => id,
        Err(e @ schakel_store::StoreError::Duplicate { .. }) => {
            let AppError::BadInput(e) = AppError::from(e) else {
                return Err(AppError::internal("duplicate"));
            };
            return page(
                &state,
                &user,
                None,
                Some(format!("{}: {}", e.field, e.message)),
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    };
    log_account_change(&state, &user, Action::Create, &user_id, what, &decision).await?;
    tracing::info!(
        by = user.user.username,
        username,
        role = role.code(),
        org = org.id,
        "account requested; waits for activation and approval"
    );
    let notice = t_args(
        "accounts-created",
        &[("code", &code), ("days", &ACTIVATION_DAYS.to_string())],
    );
    page(&state, &user, Some(notice), None).await
}

#[derive(Deserialize)]
struct RoleForm {
    rol: Option<String>,
    csrf: Option<String>,
}

/// Asks for one more role for an existing account, in the administrator's own organisation.
async fn request_role(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<RoleForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let role = Role::parse("rol", f.rol.as_deref().unwrap_or(""))?;
    let Some(membership) = user.membership.clone() else {
        return Err(AppError::Forbidden(DenyReason::RoleNotPermitted));
    };
    role.check_fits("rol", membership.org_kind)?;
    let what = change_text("rol aangevraagd", &membership.org_id, role);
    let decision = account_decision(&user, Action::Update, |actor| {
        accounts::may_request_role(actor, &membership.org_id, role)
    });
    log_account_change(&state, &user, Action::Update, &id, what, &decision).await?;
    if let Decision::Deny(reason) = decision {
        return Err(AppError::Forbidden(reason));
    }
    state.store.user_by_id(&id).await?;
    state
        .store
        .request_role(&id, &membership.org_id, role, &user.user.id)
        .await?;
    Ok(Redirect::to("/beheer/gebruikers?melding=aangevraagd").into_response())
}

#[derive(Template)]
#[template(path = "role_requests.html")]
struct RequestsPage {
    page: PageCtx,
    requests: Vec<schakel_store::accounts::RoleRequest>,
    notice: Option<String>,
}

/// The role requests waiting in the user's organisation, for a second person to decide.
async fn requests(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(n): Query<Notice>,
) -> Result<Response, AppError> {
    let Some(actor) = user.actor(None) else {
        return Err(AppError::Forbidden(DenyReason::RoleNotPermitted));
    };
    if !accounts::may_review_requests(&actor) {
        let decision = Decision::Deny(if actor.second_factor {
            DenyReason::RoleNotPermitted
        } else {
            DenyReason::SecondFactorRequired
        });
        gate::log(
            &state,
            &user,
            Access::new(Action::Search, ResourceKind::UserAccount),
            &decision,
        )
        .await?;
        return Err(AppError::Forbidden(match decision {
            Decision::Deny(r) => r,
            Decision::Allow(_) => DenyReason::RoleNotPermitted,
        }));
    }
    gate::log(
        &state,
        &user,
        Access::new(Action::Search, ResourceKind::UserAccount)
            .reason(Some(format!("aanvragen: organisatie={}", actor.org_id))),
        &Decision::Allow(Ground::RoleDuty { role: actor.role }),
    )
    .await?;
    let requests = state.store.pending_role_requests(&actor.org_id).await?;
    let notice = match n.melding.as_deref() {
        Some("goedgekeurd") => Some(t("accounts-request-approved")),
        Some("afgewezen") => Some(t("accounts-request-refused")),
        _ => None,
    };
    render(&RequestsPage {
        page: PageCtx::for_user(&state, &user, "/beheer/aanvragen"),
        requests,
        notice,
    })
}

async fn decide_request(
    state: AppState,
    user: CurrentUser,
    id: String,
    csrf: Option<String>,
    approve: bool,
) -> Result<Response, AppError> {
    check_csrf(&user, csrf.as_deref())?;
    let Some(request) = state.store.role_request(&id).await? else {
        return Err(AppError::NotFound);
    };
    let Some(actor) = user.actor(None) else {
        return Err(AppError::Forbidden(DenyReason::RoleNotPermitted));
    };
    let facts = accounts::Request {
        org_id: &request.org_id,
        user_id: &request.user_id,
        requested_by: &request.requested_by,
    };
    let decision = if !actor.second_factor {
        Decision::Deny(DenyReason::SecondFactorRequired)
    } else {
        match accounts::may_decide(&actor, &facts) {
            Ok(()) => Decision::Allow(Ground::RoleDuty { role: actor.role }),
            Err(r) => Decision::Deny(r),
        }
    };
    let kind = if approve {
        "rol goedgekeurd"
    } else {
        "rol afgewezen"
    };
    let what = change_text(kind, &request.org_id, request.role);
    log_account_change(
        &state,
        &user,
        Action::Update,
        &request.user_id,
        what,
        &decision,
    )
    .await?;
    if let Decision::Deny(reason) = decision {
        return Err(AppError::Forbidden(reason));
    }
    state
        .store
        .decide_role_request(&id, &user.user.id, approve)
        .await?;
    tracing::info!(
        by = user.user.username,
        request = id,
        approve,
        "role request decided"
    );
    let to = if approve {
        "/beheer/aanvragen?melding=goedgekeurd"
    } else {
        "/beheer/aanvragen?melding=afgewezen"
    };
    Ok(Redirect::to(to).into_response())
}

async fn approve(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<CsrfOnly>,
) -> Result<Response, AppError> {
    decide_request(state, user, id, f.csrf, true).await
}

async fn refuse(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<CsrfOnly>,
) -> Result<Response, AppError> {
    decide_request(state, user, id, f.csrf, false).await
}

#[derive(Template)]
#[template(path = "activate.html")]
struct ActivatePage {
    page: PageCtx,
    error: Option<String>,
    done: bool,
}

fn activate_page(
    state: &AppState,
    error: Option<String>,
    done: bool,
    status: axum::http::StatusCode,
) -> Result<Response, AppError> {
    let mut res = render(&ActivatePage {
        page: PageCtx::anonymous(state),
        error,
        done,
    })?;
    *res.status_mut() = status;
    Ok(res)
}

async fn activate_form(State(state): State<AppState>) -> Result<Response, AppError> {
    activate_page(&state, None, false, axum::http::StatusCode::OK)
}

#[derive(Deserialize)]
struct ActivateForm {
    code: Option<String>,
    wachtwoord: Option<String>,
}

/// The new user sets their own password with the one-time activation code. The code is a random
/// 256-bit token, so it cannot be guessed; it works once and for [`ACTIVATION_DAYS`] days.
async fn activate(
    State(state): State<AppState>,
    Form(f): Form<ActivateForm>,
) -> Result<Response, AppError> {
    let result: Result<(), AppError> = async {
        let code = f.code.unwrap_or_default();
        let code_hash = hash_token(code.trim());
        let Some(user_id) = state
            .store
            .user_id_by_activation(&code_hash, state.clock.now())
            .await?
        else {
            return Err(AppError::field("code", msg("accounts-activation-unknown")));
        };
        let password = validate::new_password("wachtwoord", f.wachtwoord.as_deref().unwrap_or(""))?;
        let hash = hash_password(password).await?;
        state.store.activate(&user_id, &code_hash, &hash).await?;
        tracing::info!(user_id, "account activated");
        Ok(())
    }
    .await;
    match result {
        Ok(()) => activate_page(&state, None, true, axum::http::StatusCode::OK),
        Err(AppError::BadInput(e)) => activate_page(
            &state,
            Some(format!("{}: {}", e.field, e.message)),
            false,
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        ),
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
    /// The beheerder may change an organisation's contact details (issue 7).
    may_edit: bool,
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
    let may_edit = user.actor(None).is_some_and(|actor| {
        decide(
            &actor,
            Action::Update,
            &Resource::new(ResourceKind::Organisation),
        )
        .is_allowed()
    });
    render(&OrganisationsPage {
        page: PageCtx::for_user(&state, &user, "/organisaties"),
        organisations,
        may_edit,
    })
}
