//! One action of the programme: its place, planned timing, status and history, the update form
//! for the projectleider and the members of its working group, and its budget lines.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use schakel_domain::FieldError;
use schakel_domain::access::{Action, is_projectleider};
use schakel_domain::calendar::{dutch_date, dutch_moment};
use schakel_domain::programme::{ActionStatus, ProgrammeCommand, ProgrammeState};
use serde::Deserialize;

use super::page::owner_name;
use super::{allowed, euros, may_update, required};
use crate::csrf::check_csrf;
use crate::forms::FormErrors;
use crate::frame::{PageCtx, PageUser, render};
use crate::i18n::t;
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/programma/acties/{key}", get(action_page).post(update))
        .route("/programma/acties/{key}/budget", post(add_budget))
}

pub struct NoteView {
    pub at: String,
    pub by: String,
    pub status: String,
    pub text: String,
    pub round: String,
}

#[derive(Template)]
#[template(path = "programme_action.html")]
struct ActionPage {
    page: PageCtx,
    key: String,
    line: String,
    what: String,
    heading: String,
    how: String,
    timing: String,
    timing_read: String,
    owner: String,
    status: ActionStatus,
    indicators: Vec<String>,
    notes: Vec<NoteView>,
    budget: Vec<(String, i32, String)>,
    editable: bool,
    projectleider: bool,
    statuses: Vec<(&'static str, String)>,
    form_status: String,
    form_note: String,
    budget_source: String,
    budget_year: String,
    budget_amount: String,
    errors: FormErrors,
    budget_errors: FormErrors,
    saved: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionQuery {
    opgeslagen: Option<String>,
}

async fn action_page(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(key): Path<String>,
    Query(q): Query<ActionQuery>,
) -> Result<Response, AppError> {
    let actor = allowed(&user, Action::Read)?;
    let (_, programme) = required(&state).await?;
    let mut page = action_view(&state, &programme, &actor, &key, &user)?;
    page.saved = q.opgeslagen.is_some();
    render(&page)
}

fn action_view(
    state: &AppState,
    programme: &ProgrammeState,
    actor: &schakel_domain::access::Actor,
    key: &str,
    user: &crate::auth::session::CurrentUser,
) -> Result<ActionPage, AppError> {
    let (line, theme, action) = programme.programme.action(key).ok_or(AppError::NotFound)?;
    let progress = programme.progress_of(key);
    let round_label = |n: Option<u32>| {
        n.and_then(|n| programme.rounds.iter().find(|r| r.number == n))
            .map(|r| r.half_year.label())
            .unwrap_or_default()
    };
    let timing_read = action
        .timing
        .as_ref()
        .map(|timing| match (timing.from, timing.until, timing.ongoing) {
            (Some(f), Some(u), _) => crate::i18n::t_args(
                "programme-timing-read",
                &[("van", &dutch_date(f)), ("tot", &dutch_date(u))],
            ),
            (_, _, true) => t("programme-timing-ongoing"),
            _ => t("programme-timing-unread"),
        })
        .unwrap_or_default();
    Ok(ActionPage {
        page: PageCtx::for_user(state, user, "/programma"),
        key: key.to_string(),
        line: format!("{}. {}", line.number, line.name),
        what: theme.what.clone(),
        heading: action.heading.clone().unwrap_or_default(),
        how: action.how.clone(),
        timing: action
            .timing
            .as_ref()
            .map(|t| t.text.clone())
            .unwrap_or_default(),
        timing_read,
        owner: owner_name(programme, key),
        status: progress.status,
        indicators: action.indicators.iter().map(|i| i.label()).collect(),
        notes: progress
            .notes
            .iter()
            .rev()
            .map(|n| NoteView {
                at: dutch_moment(n.at),
                by: n.by.clone(),
                status: n.status.label(),
                text: n.text.clone(),
                round: round_label(n.round),
            })
            .collect(),
        budget: programme
            .budget
            .iter()
            .filter(|b| b.action == key)
            .map(|b| (b.source.clone(), b.year, euros(b.amount_cents)))
            .collect(),
        editable: may_update(programme, actor, key),
        projectleider: is_projectleider(actor),
        statuses: ActionStatus::ALL
            .into_iter()
            .map(|s| (s.code(), s.label()))
            .collect(),
        form_status: progress.status.code().to_string(),
        form_note: String::new(),
        budget_source: String::new(),
        budget_year: String::new(),
        budget_amount: String::new(),
        errors: FormErrors::default(),
        budget_errors: FormErrors::default(),
        saved: false,
    })
}

#[derive(Deserialize)]
struct UpdateForm {
    csrf: Option<String>,
    status: Option<String>,
    toelichting: Option<String>,
}

/// Where an error of the update form shows, with the label read there.
fn place_update(field: &str) -> (String, String) {
    match field {
        "status" => ("status".into(), t("programme-field-status")),
        _ => ("toelichting".into(), t("programme-field-note")),
    }
}

async fn update(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(key): Path<String>,
    Form(f): Form<UpdateForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let actor = allowed(&user, Action::Update)?;
    let (id, programme) = required(&state).await?;
    if programme.programme.action(&key).is_none() {
        return Err(AppError::NotFound);
    }
    let note = f.toelichting.clone().unwrap_or_default();
    let status = ActionStatus::parse("status", f.status.as_deref().unwrap_or_default());
    let result = match status {
        Ok(status) => super::write(
            &state,
            &user,
            &actor,
            &id,
            ProgrammeCommand::UpdateAction {
                action: key.clone(),
                status,
                note: note.clone(),
            },
        )
        .await
        .map(|_| ()),
        Err(e) => Err(schakel_app::Error::Invalid(e)),
    };
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("/programma/acties/{key}?opgeslagen=1")).into_response())
        }
        Err(schakel_app::Error::Invalid(e)) => {
            let mut page = action_view(&state, &programme, &actor, &key, &user)?;
            page.errors = FormErrors::placed([&e], place_update);
            page.form_status = f.status.unwrap_or_default();
            page.form_note = note;
            super::unprocessable(&page)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct BudgetForm {
    csrf: Option<String>,
    bron: Option<String>,
    jaar: Option<String>,
    bedrag: Option<String>,
}

fn place_budget(field: &str) -> (String, String) {
    match field {
        "bron" => ("bron".into(), t("programme-field-source")),
        "jaar" => ("jaar".into(), t("programme-field-year")),
        _ => ("bedrag".into(), t("programme-field-amount")),
    }
}

async fn add_budget(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(key): Path<String>,
    Form(f): Form<BudgetForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let actor = allowed(&user, Action::Create)?;
    let (id, programme) = required(&state).await?;
    if programme.programme.action(&key).is_none() {
        return Err(AppError::NotFound);
    }
    let source = f.bron.clone().unwrap_or_default();
    let mut errors = Vec::new();
    let year = match f.jaar.as_deref().unwrap_or_default().trim().parse::<i32>() {
        Ok(y) => Some(y),
        Err(_) => {
            errors.push(FieldError::new(
                "jaar",
                schakel_domain::msg("error-programme-year-invalid"),
            ));
            None
        }
    };
    let amount = schakel_domain::validate::euros("bedrag", f.bedrag.as_deref().unwrap_or_default())
        .map_err(|e| errors.push(e))
        .ok();
    if source.trim().is_empty() {
        errors.insert(
            0,
            FieldError::new("bron", schakel_domain::msg("error-required")),
        );
    }
    if errors.is_empty()
        && let (Some(year), Some(amount_cents)) = (year, amount)
    {
        let command = ProgrammeCommand::AddBudgetLine {
            action: key.clone(),
            source: source.clone(),
            year,
            amount_cents,
        };
        match super::write(&state, &user, &actor, &id, command).await {
            Ok(_) => {
                return Ok(
                    Redirect::to(&format!("/programma/acties/{key}?opgeslagen=1")).into_response(),
                );
            }
            Err(schakel_app::Error::Invalid(e)) => errors.push(e),
            Err(e) => return Err(e.into()),
        }
    }
    let mut page = action_view(&state, &programme, &actor, &key, &user)?;
    page.budget_errors = FormErrors::placed(&errors, place_budget);
    page.budget_source = source;
    page.budget_year = f.jaar.unwrap_or_default();
    page.budget_amount = f.bedrag.unwrap_or_default();
    super::unprocessable(&page)
}
