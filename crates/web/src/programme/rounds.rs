//! The rounds (the half-yearly progress update: the projectleider opens one, each trekker updates
//! the actions of their working group, the projectleider sees who has not responded) and the
//! working groups with their members.

use askama::Template;
use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use schakel_domain::FieldError;
use schakel_domain::access::{Action, is_projectleider};
use schakel_domain::calendar::dutch_date;
use schakel_domain::programme::{GroupResponse, ProgrammeCommand, ProgrammeState};
use schakel_domain::validate::optional_date;
use serde::Deserialize;

use super::{allowed, required};
use crate::auth::session::CurrentUser;
use crate::csrf::check_csrf;
use crate::forms::FormErrors;
use crate::frame::{PageCtx, PageUser, render};
use crate::i18n::{t, t_args};
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/programma/rondes", get(rounds).post(open_round))
        .route("/programma/rondes/sluiten", post(close_round))
        .route("/programma/werkgroepen", get(groups).post(link_member))
        .route("/programma/werkgroepen/ontkoppelen", post(unlink_member))
}

pub struct RoundRow {
    pub number: u32,
    pub label: String,
    pub due: String,
    pub opened: String,
    pub closed: String,
    pub open: bool,
}

pub struct ResponseRow {
    pub group: String,
    pub trekkers: String,
    pub asked: usize,
    pub answered: usize,
    pub missing: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "programme_rounds.html")]
struct RoundsPage {
    page: PageCtx,
    rounds: Vec<RoundRow>,
    shown_round: Option<String>,
    responses: Vec<ResponseRow>,
    projectleider: bool,
    has_open: bool,
    due: String,
    errors: FormErrors,
}

fn response_row(programme: &ProgrammeState, g: &GroupResponse) -> ResponseRow {
    ResponseRow {
        group: g.name.clone(),
        trekkers: if g.trekkers.is_empty() {
            t("programme-no-trekker")
        } else {
            g.trekkers.join(", ")
        },
        asked: g.open_actions.len(),
        answered: g.open_actions.len() - g.missing.len(),
        missing: g
            .missing
            .iter()
            .map(|k| {
                let how = programme
                    .programme
                    .action(k)
                    .map(|(_, _, a)| super::short(&a.how))
                    .unwrap_or_default();
                (k.clone(), how)
            })
            .collect(),
    }
}

fn rounds_view(
    state: &AppState,
    user: &CurrentUser,
    programme: &ProgrammeState,
    leader: bool,
) -> RoundsPage {
    let shown = programme
        .open_round()
        .or(programme.last_closed_round())
        .cloned();
    RoundsPage {
        page: PageCtx::for_user(state, user, "/programma"),
        rounds: programme
            .rounds
            .iter()
            .rev()
            .map(|r| RoundRow {
                number: r.number,
                label: r.half_year.label(),
                due: dutch_date(r.due),
                opened: format!("{} ({})", dutch_date(r.opened_at.date()), r.opened_by),
                closed: r
                    .closed_at
                    .map(|c| dutch_date(c.date()))
                    .unwrap_or_default(),
                open: r.is_open(),
            })
            .collect(),
        shown_round: shown.as_ref().map(|r| r.half_year.label()),
        responses: shown
            .map(|r| {
                programme
                    .responses(r.number)
                    .iter()
                    .map(|g| response_row(programme, g))
                    .collect()
            })
            .unwrap_or_default(),
        projectleider: leader,
        has_open: programme.open_round().is_some(),
        due: String::new(),
        errors: FormErrors::default(),
    }
}

async fn rounds(
    State(state): State<AppState>,
    PageUser(user): PageUser,
) -> Result<Response, AppError> {
    let actor = allowed(&user, Action::Read)?;
    let (_, programme) = required(&state).await?;
    render(&rounds_view(
        &state,
        &user,
        &programme,
        is_projectleider(&actor),
    ))
}

#[derive(Deserialize)]
struct OpenForm {
    csrf: Option<String>,
    uiterlijk: Option<String>,
}

async fn open_round(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Form(f): Form<OpenForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let actor = allowed(&user, Action::Create)?;
    let (id, programme) = required(&state).await?;
    let typed = f.uiterlijk.unwrap_or_default();
    let result = match optional_date("uiterlijk", &typed) {
        Ok(Some(due)) => super::write(
            &state,
            &user,
            &actor,
            &id,
            ProgrammeCommand::OpenRound { due },
        )
        .await
        .map(|_| ()),
        Ok(None) => Err(schakel_app::Error::Invalid(FieldError::new(
            "uiterlijk",
            schakel_domain::msg("error-required"),
        ))),
        Err(e) => Err(schakel_app::Error::Invalid(e)),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/programma/rondes").into_response()),
        Err(schakel_app::Error::Invalid(e)) => {
            let mut page = rounds_view(&state, &user, &programme, true);
            page.errors =
                FormErrors::placed([&e], |_| ("uiterlijk".into(), t("programme-field-due")));
            page.due = typed;
            super::unprocessable(&page)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct CsrfOnly {
    csrf: Option<String>,
}

async fn close_round(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Form(f): Form<CsrfOnly>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let actor = allowed(&user, Action::Create)?;
    let (id, _) = required(&state).await?;
    super::write(&state, &user, &actor, &id, ProgrammeCommand::CloseRound).await?;
    Ok(Redirect::to("/programma/rondes").into_response())
}

pub struct GroupView {
    pub code: String,
    pub name: String,
    /// The trekkers the programme file names (by function or name).
    pub named_trekkers: String,
    /// Linked accounts: (user id, name, trekker).
    pub members: Vec<(String, String, bool)>,
    pub actions: usize,
}

#[derive(Template)]
#[template(path = "programme_groups.html")]
struct GroupsPage {
    page: PageCtx,
    groups: Vec<GroupView>,
    bodies: Vec<(String, String, Vec<String>)>,
    projectleider: bool,
    errors: FormErrors,
    username: String,
    group: String,
    trekker: bool,
}

fn groups_view(
    state: &AppState,
    user: &CurrentUser,
    programme: &ProgrammeState,
    leader: bool,
) -> GroupsPage {
    let def = &programme.programme;
    GroupsPage {
        page: PageCtx::for_user(state, user, "/programma"),
        groups: def
            .working_groups
            .iter()
            .map(|g| GroupView {
                code: g.code.clone(),
                name: g.name.clone(),
                named_trekkers: g.trekkers.join(", "),
                members: programme
                    .members
                    .iter()
                    .filter(|m| m.group == g.code)
                    .map(|m| (m.user_id.clone(), m.name.clone(), m.trekker))
                    .collect(),
                actions: def
                    .keyed_actions()
                    .filter(|(k, ..)| programme.owner_of(k) == Some(g.code.as_str()))
                    .count(),
            })
            .collect(),
        bodies: def
            .bodies
            .iter()
            .map(|b| (b.name.clone(), b.kind.label(), b.members.clone()))
            .collect(),
        projectleider: leader,
        errors: FormErrors::default(),
        username: String::new(),
        group: String::new(),
        trekker: false,
    }
}

async fn groups(
    State(state): State<AppState>,
    PageUser(user): PageUser,
) -> Result<Response, AppError> {
    let actor = allowed(&user, Action::Read)?;
    let (_, programme) = required(&state).await?;
    render(&groups_view(
        &state,
        &user,
        &programme,
        is_projectleider(&actor),
    ))
}

#[derive(Deserialize)]
struct LinkForm {
    csrf: Option<String>,
    gebruikersnaam: Option<String>,
    werkgroep: Option<String>,
    trekker: Option<String>,
}

fn place_link(field: &str) -> (String, String) {
    match field {
        "werkgroep" => ("werkgroep".into(), t("programme-field-group")),
        "trekker" => ("trekker".into(), t("programme-field-trekker")),
        _ => ("gebruikersnaam".into(), t("programme-field-username")),
    }
}

async fn link_member(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Form(f): Form<LinkForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let actor = allowed(&user, Action::Create)?;
    let (id, programme) = required(&state).await?;
    let username = f.gebruikersnaam.clone().unwrap_or_default();
    let group = f.werkgroep.clone().unwrap_or_default();
    let trekker = f.trekker.is_some();
    let mut errors = Vec::new();
    let member = if username.trim().is_empty() {
        errors.push(FieldError::new(
            "gebruikersnaam",
            schakel_domain::msg("error-required"),
        ));
        None
    } else {
        let found = state.store.user_by_username(username.trim()).await?;
        if found.is_none() {
            errors.push(FieldError::new(
                "gebruikersnaam",
                schakel_domain::msg("error-programme-user-unknown"),
            ));
        }
        found
    };
    if group.is_empty() {
        errors.push(FieldError::new(
            "werkgroep",
            schakel_domain::msg("error-required"),
        ));
    }
    if let Some(member) = member
        && errors.is_empty()
    {
        let command = ProgrammeCommand::LinkMember {
            group: group.clone(),
            user_id: member.id,
            name: member.display_name,
            trekker,
        };
        match super::write(&state, &user, &actor, &id, command).await {
            Ok(_) => return Ok(Redirect::to("/programma/werkgroepen").into_response()),
            Err(schakel_app::Error::Invalid(e)) => errors.push(e),
            Err(e) => return Err(e.into()),
        }
    }
    let mut page = groups_view(&state, &user, &programme, true);
    page.errors = FormErrors::placed(&errors, place_link);
    page.username = username;
    page.group = group;
    page.trekker = trekker;
    super::unprocessable(&page)
}

#[derive(Deserialize)]
struct UnlinkForm {
    csrf: Option<String>,
    werkgroep: Option<String>,
    gebruiker: Option<String>,
}

async fn unlink_member(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Form(f): Form<UnlinkForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let actor = allowed(&user, Action::Create)?;
    let (id, _) = required(&state).await?;
    let command = ProgrammeCommand::UnlinkMember {
        group: f.werkgroep.unwrap_or_default(),
        user_id: f.gebruiker.unwrap_or_default(),
    };
    super::write(&state, &user, &actor, &id, command).await?;
    Ok(Redirect::to("/programma/werkgroepen").into_response())
}

/// "2 van 3 acties bijgewerkt".
pub fn answered(asked: &usize, answered: &usize) -> String {
    t_args(
        "programme-answered",
        &[("n", &answered.to_string()), ("van", &asked.to_string())],
    )
}
