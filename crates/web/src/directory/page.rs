//! The directory's search page and one service's page, with the beheerder's review and archive.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use schakel_domain::access::Action;
use schakel_domain::calendar::{dutch_date, dutch_local_date, dutch_moment};
use schakel_domain::directory::{help_kinds, is_stale, languages, stale_from, target_groups};
use schakel_domain::org::Role;
use serde::Deserialize;

use super::{FilterForm, FilterQuery, Row, allowed, editor, field_label, gemeenten_text, labels};
use crate::csrf::check_csrf;
use crate::forms::FormErrors;
use crate::frame::{PageCtx, PageUser, render};
use crate::i18n::{t, t_args};
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/sociale-kaart", get(list))
        .route("/sociale-kaart/{id}", get(detail))
        .route("/sociale-kaart/{id}/controleren", post(review))
        .route("/sociale-kaart/{id}/archiveren", post(archive))
}

#[derive(Template)]
#[template(path = "directory.html")]
struct ListPage {
    page: PageCtx,
    form: FilterForm,
    action: &'static str,
    rows: Vec<Row>,
    stale: Vec<Row>,
    count_text: String,
    beheerder: bool,
}

async fn list(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    query: Result<Query<FilterQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let actor = allowed(&user, Action::Search)?;
    let Query(query) = query.map_err(super::bad_query)?;
    let gemeenten = schakel_app::directory::gemeenten(&state.store).await?;
    let today = dutch_local_date(state.clock.now());
    let beheerder = user.role() == Some(Role::Beheerder);
    let mut page = ListPage {
        page: PageCtx::for_user(&state, &user, "/sociale-kaart"),
        form: FilterForm::new(&query, gemeenten.clone()),
        action: "/sociale-kaart",
        rows: Vec::new(),
        stale: Vec::new(),
        count_text: String::new(),
        beheerder,
    };
    let filter = match query.parse(&gemeenten) {
        Ok(f) => f,
        Err(e) => {
            page.form.errors = FormErrors::placed([&e], super::place_filter);
            let mut res = render(&page)?;
            *res.status_mut() = axum::http::StatusCode::BAD_REQUEST;
            return Ok(res);
        }
    };
    let found = schakel_app::directory::search(&state.store, &actor, &filter).await?;
    let rows: Vec<Row> = found.iter().map(|s| super::row(s, today)).collect();
    // The beheerder sees the stale entries first, to review them (issue 11: "stale entries
    // flagged").
    if beheerder {
        let (stale, fresh): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|r| r.stale);
        page.stale = stale;
        page.rows = fresh;
    } else {
        page.rows = rows;
    }
    page.count_text = super::count_text(page.rows.len() + page.stale.len());
    render(&page)
}

/// One change of the history as shown.
pub struct ChangeView {
    pub at: String,
    pub by: String,
    pub kind: String,
    pub fields: Vec<String>,
}

#[derive(Template)]
#[template(path = "directory_service.html")]
struct DetailPage {
    page: PageCtx,
    id: String,
    s: schakel_domain::directory::Service,
    help_kinds: String,
    target_groups: String,
    gemeenten: String,
    languages: String,
    reviewed: String,
    stale: bool,
    stale_from: String,
    archived: bool,
    version: i64,
    beheerder: bool,
    history: Vec<ChangeView>,
    saved: Option<String>,
    conflict: bool,
}

#[derive(Deserialize)]
struct DetailQuery {
    opgeslagen: Option<String>,
    gewijzigd: Option<String>,
}

async fn detail(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
    Query(q): Query<DetailQuery>,
) -> Result<Response, AppError> {
    let mut page = detail_page(&state, &user, &id).await?;
    page.saved = q.opgeslagen.as_deref().map(|what| match what {
        "controle" => t("directory-saved-review"),
        "archief" => t("directory-saved-archive"),
        _ => t("directory-saved"),
    });
    page.conflict = q.gewijzigd.is_some();
    render(&page)
}

async fn detail_page(
    state: &AppState,
    user: &crate::auth::session::CurrentUser,
    id: &str,
) -> Result<DetailPage, AppError> {
    let actor = allowed(user, Action::Read)?;
    let stored = schakel_app::directory::get(&state.store, &actor, id).await?;
    let today = dutch_local_date(state.clock.now());
    let beheerder = user.role() == Some(Role::Beheerder);
    let history = if beheerder {
        state
            .store
            .directory_changes(id)
            .await?
            .into_iter()
            .map(|c| ChangeView {
                at: dutch_moment(c.at),
                by: c.by.name,
                kind: c.kind.label(),
                fields: c.changes.iter().map(|f| field_label(&f.field)).collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let s = stored.service;
    Ok(DetailPage {
        page: PageCtx::for_user(state, user, "/sociale-kaart"),
        id: stored.id,
        help_kinds: labels(help_kinds(), &s.help_kinds),
        target_groups: labels(target_groups(), &s.target_groups),
        gemeenten: gemeenten_text(&s.gemeenten),
        languages: labels(languages(), &s.languages),
        reviewed: t_args(
            "directory-reviewed-on",
            &[
                ("datum", &dutch_date(stored.last_reviewed)),
                ("wie", &stored.reviewed_by),
            ],
        ),
        stale: is_stale(stored.last_reviewed, today),
        stale_from: dutch_date(stale_from(stored.last_reviewed)),
        archived: stored.archived,
        version: stored.version,
        beheerder,
        history,
        saved: None,
        conflict: false,
        s,
    })
}

#[derive(Deserialize)]
struct MarkForm {
    csrf: Option<String>,
    versie: Option<String>,
}

fn version_of(f: &MarkForm) -> i64 {
    f.versie
        .as_deref()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

/// Marks the service reviewed or archived, then back to its page; a stale form goes back to the
/// page with the news that someone else changed it.
async fn mark(
    state: AppState,
    user: crate::auth::session::CurrentUser,
    id: String,
    f: MarkForm,
    archive: bool,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let actor = allowed(&user, Action::Update)?;
    let (store, by, now) = (&state.store, editor(&user), state.clock.now());
    let done = if archive {
        schakel_app::directory::archive(store, &actor, &by, &id, version_of(&f), now).await
    } else {
        schakel_app::directory::review(store, &actor, &by, &id, version_of(&f), now).await
    };
    let what = if archive { "archief" } else { "controle" };
    match done {
        Ok(()) => {
            Ok(Redirect::to(&format!("/sociale-kaart/{id}?opgeslagen={what}")).into_response())
        }
        Err(schakel_app::Error::Store(schakel_store::StoreError::DirectoryChanged { .. })) => {
            Ok(Redirect::to(&format!("/sociale-kaart/{id}?gewijzigd=1")).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn review(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
    Form(f): Form<MarkForm>,
) -> Result<Response, AppError> {
    mark(state, user, id, f, false).await
}

async fn archive(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
    Form(f): Form<MarkForm>,
) -> Result<Response, AppError> {
    mark(state, user, id, f, true).await
}
