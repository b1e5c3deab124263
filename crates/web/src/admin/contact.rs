//! The beheerder edits an organisation's contact details (issue 7: the case page shows the
//! regiehouder with phone and e-mail). The rules are [`schakel_domain::org::contact`].

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use schakel_domain::FieldError;
use schakel_domain::access::{Action, ResourceKind};
use schakel_domain::org::contact::Contact;
use serde::Deserialize;

use crate::auth::session::CurrentUser;
use crate::csrf::check_csrf;
use crate::forms::FormErrors;
use crate::frame::{PageCtx, PageUser, render};
use crate::gate::{self, Access};
use crate::i18n::t;
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new().route("/organisaties/{id}/contact", get(form).post(save))
}

#[derive(Template)]
#[template(path = "organisation_contact.html")]
struct ContactPage {
    page: PageCtx,
    id: String,
    name: String,
    telefoon: String,
    email: String,
    errors: FormErrors,
}

#[derive(Deserialize)]
struct ContactForm {
    csrf: Option<String>,
    telefoon: Option<String>,
    email: Option<String>,
}

fn place(field: &str) -> (String, String) {
    match field {
        "email" => ("email".into(), t("org-contact-email")),
        _ => ("telefoon".into(), t("org-contact-phone")),
    }
}

async fn allowed(state: &AppState, user: &CurrentUser) -> Result<(), AppError> {
    gate::authorize(
        state,
        user,
        Access::new(Action::Update, ResourceKind::Organisation),
    )
    .await
}

async fn form(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    allowed(&state, &user).await?;
    let org = state.store.organisation(&id).await?;
    render(&ContactPage {
        page: PageCtx::for_user(&state, &user, "/organisaties"),
        id: org.id,
        name: org.name,
        telefoon: org.phone.unwrap_or_default(),
        email: org.email.unwrap_or_default(),
        errors: FormErrors::default(),
    })
}

async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<ContactForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    allowed(&state, &user).await?;
    let org = state.store.organisation(&id).await?;
    let telefoon = f.telefoon.unwrap_or_default();
    let email = f.email.unwrap_or_default();
    match Contact::parse(&telefoon, &email) {
        Ok(contact) => {
            state
                .store
                .set_organisation_contact(&org.id, &contact)
                .await?;
            tracing::info!(
                org = org.id,
                by = user.user.username,
                "contact details changed"
            );
            Ok(Redirect::to("/organisaties").into_response())
        }
        Err(errors) => {
            let errors: Vec<FieldError> = errors.into_vec();
            let mut res = render(&ContactPage {
                page: PageCtx::for_user(&state, &user, "/organisaties"),
                id: org.id,
                name: org.name,
                telefoon,
                email,
                errors: FormErrors::placed(&errors, place),
            })?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
    }
}
