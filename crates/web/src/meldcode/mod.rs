//! The meldcode for professionals (issue 11, item 1): a professional's organisation's dossiers,
//! starting one, walking its five steps, and sending an advies or a melding to Veilig Thuis.
//!
//! - this module: the list and the start of a dossier;
//! - [`dossier`]: one dossier's page and its step forms;
//! - [`send`]: what goes to Veilig Thuis, shown before it is sent;
//! - [`steps`]: the forms' fields as domain commands.

mod dossier;
mod send;
mod steps;

use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use schakel_domain::FieldError;
use schakel_domain::access::Action;
use schakel_domain::meldcode::{Phase, Professional};
use serde::Deserialize;

use crate::auth::session::CurrentUser;
use crate::csrf::check_csrf;
use crate::forms::FormErrors;
use crate::frame::{PageCtx, PageUser, render};
use crate::i18n::t;
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/meldcode", get(list))
        .route("/meldcode/nieuw", get(new_form).post(create))
        .route("/meldcode/{id}", get(dossier::page).post(dossier::record))
        .route(
            "/meldcode/{id}/versturen",
            get(send::preview).post(send::send),
        )
}

/// The professional as the dossier records them.
fn professional(user: &CurrentUser) -> Professional {
    Professional {
        user_id: user.user.id.clone(),
        name: user.user.display_name.clone(),
    }
}

fn actor(user: &CurrentUser) -> Result<schakel_domain::access::Actor, AppError> {
    user.actor(None).ok_or(AppError::Unauthenticated)
}

/// The organisation's own list: asks the policy (`Search`) and logs it, as any list of personal
/// data.
async fn may_list(state: &AppState, user: &CurrentUser, action: Action) -> Result<(), AppError> {
    crate::gate::authorize(
        state,
        user,
        crate::gate::Access::new(
            action,
            schakel_domain::access::ResourceKind::MeldcodeDossier,
        ),
    )
    .await
}

struct Row {
    id: String,
    client: String,
    phase: String,
    opened: String,
    updated: String,
}

#[derive(Template)]
#[template(path = "meldcode_list.html")]
struct ListPage {
    page: PageCtx,
    rows: Vec<Row>,
    with_closed: bool,
}

#[derive(Deserialize)]
struct ListQuery {
    #[serde(default)]
    alle: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    may_list(&state, &user, Action::Search).await?;
    let org = actor(&user)?.org_id;
    let with_closed = q.alle.is_some_and(|a| !a.is_empty());
    let rows = state
        .store
        .meldcode_dossiers_of(&org, with_closed)
        .await?
        .into_iter()
        .map(|d| Row {
            id: d.id,
            client: d.client_name,
            phase: Phase::from_code(&d.phase).map_or(d.phase, Phase::label),
            opened: schakel_domain::calendar::dutch_moment(d.opened_at),
            updated: schakel_domain::calendar::dutch_moment(d.updated_at),
        })
        .collect();
    render(&ListPage {
        page: PageCtx::for_user(&state, &user, "/meldcode"),
        rows,
        with_closed,
    })
}

#[derive(Template)]
#[template(path = "meldcode_new.html")]
struct NewPage {
    page: PageCtx,
    errors: FormErrors,
    naam: String,
    geboortedatum: String,
    zorg: String,
}

#[derive(Deserialize, Default)]
struct NewForm {
    csrf: Option<String>,
    #[serde(default)]
    client_naam: String,
    #[serde(default)]
    client_geboortedatum: String,
    #[serde(default)]
    zorg: String,
}

fn place_new(field: &str) -> (String, String) {
    match field {
        "client_geboortedatum" => (field.into(), t("mcp-field-client-geboortedatum")),
        "zorg" => (field.into(), t("mcp-field-zorg")),
        _ => ("client_naam".into(), t("mcp-field-client-naam")),
    }
}

async fn new_form(
    State(state): State<AppState>,
    PageUser(user): PageUser,
) -> Result<Response, AppError> {
    may_list(&state, &user, Action::Create).await?;
    render(&NewPage {
        page: PageCtx::for_user(&state, &user, "/meldcode"),
        errors: FormErrors::default(),
        naam: String::new(),
        geboortedatum: String::new(),
        zorg: String::new(),
    })
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(f): Form<NewForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    may_list(&state, &user, Action::Create).await?;
    let actor = actor(&user)?;
    let opened = schakel_app::meldcode::open(
        &state.store,
        &actor,
        &professional(&user),
        &f.client_naam,
        &f.client_geboortedatum,
        &f.zorg,
        state.clock.now(),
    )
    .await;
    match opened {
        Ok(id) => Ok(Redirect::to(&format!("/meldcode/{id}")).into_response()),
        Err(schakel_app::Error::Invalid(e)) => {
            let errors: Vec<FieldError> = vec![e];
            let mut res = render(&NewPage {
                page: PageCtx::for_user(&state, &user, "/meldcode"),
                errors: FormErrors::placed(&errors, place_new),
                naam: f.client_naam,
                geboortedatum: f.client_geboortedatum,
                zorg: f.zorg,
            })?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}
