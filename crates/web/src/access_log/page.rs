//! The access log for the privacy officer / logbeheerder (NEN 7513 ch. 8 and 9): search by user,
//! client and period, the break-the-glass report, and one client's access history. Reading the log
//! is itself logged.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use schakel_store::access_log::{AccessQuery, LoggedAccess};

use super::{Filters, PAGE, logged_search, to_query};
use crate::display::log;
use crate::frame::PageUser;
use crate::frame::{PageCtx, render};
use crate::i18n::{t, t_args};
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/toegangslog", get(search))
        .route("/toegangslog/persoon/{id}", get(person))
}

pub struct Row {
    pub seq: i64,
    pub at: String,
    pub username: String,
    pub role: String,
    pub org: String,
    pub action: String,
    pub resource: String,
    /// The case number or id the entry is about, if any.
    pub resource_id: String,
    pub outcome: String,
    pub denied: bool,
    pub ground: String,
    pub reason: String,
    pub access_point: String,
    pub clients: Vec<String>,
    pub break_glass: bool,
}

#[derive(Template)]
#[template(path = "access_log.html")]
struct LogPage {
    page: PageCtx,
    heading: String,
    show_filters: bool,
    filters: Filters,
    entries: Vec<Row>,
    /// The cursor of the next (older) page when this page is full.
    next_before: Option<i64>,
}

async fn rows(state: &AppState, entries: Vec<LoggedAccess>) -> Result<Vec<Row>, AppError> {
    let orgs = state.store.organisations().await?;
    Ok(entries
        .into_iter()
        .map(|e| {
            let org = e
                .org_id
                .as_ref()
                .and_then(|id| orgs.iter().find(|o| &o.id == id))
                .map(|o| o.name.clone())
                .unwrap_or_default();
            Row {
                seq: e.seq,
                at: crate::display::moment(&e.at),
                break_glass: e.ground.as_deref() == Some("break_the_glass"),
                username: e.username,
                role: e.role.as_deref().map(log::role).unwrap_or_default(),
                org,
                action: log::action(&e.action),
                resource: log::resource(&e.resource_kind),
                resource_id: e.resource_id.unwrap_or_default(),
                denied: e.outcome != "allowed",
                outcome: if e.outcome == "allowed" {
                    t("log-outcome-allowed")
                } else {
                    t("log-outcome-denied")
                },
                ground: e.ground.as_deref().map(log::ground).unwrap_or_default(),
                reason: e.reason.unwrap_or_default(),
                access_point: e.access_point,
                clients: e.clients,
            }
        })
        .collect())
}

async fn search(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(f): Query<Filters>,
) -> Result<Response, AppError> {
    let q = to_query(&state, &f).await?;
    let entries = logged_search(&state, &user, &q).await?;
    let heading = if f.nood {
        t("log-heading-break-glass")
    } else {
        t("log-heading")
    };
    let next_before = (entries.len() as i64 == PAGE)
        .then(|| entries.last().map(|e| e.seq))
        .flatten();
    render(&LogPage {
        page: PageCtx::for_user(&state, &user, "/toegangslog"),
        heading,
        show_filters: true,
        next_before,
        entries: rows(&state, entries).await?,
        filters: f,
    })
}

/// One client's access history, oldest first, as NEN 7513 ch. 9 describes the client's view.
async fn person(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let q = AccessQuery {
        client: Some(id.clone()),
        limit: 1000,
        ..Default::default()
    };
    let mut entries = logged_search(&state, &user, &q).await?;
    entries.reverse();
    render(&LogPage {
        page: PageCtx::for_user(&state, &user, "/toegangslog"),
        heading: t_args("log-heading-client", &[("id", &id)]),
        show_filters: false,
        next_before: None,
        entries: rows(&state, entries).await?,
        filters: Filters::default(),
    })
}
