//! The access log for the privacy officer / logbeheerder (NEN 7513 ch. 8 and 9): search by user,
//! client and period, the break-the-glass report, and one client's access history. Reading the log
//! is itself logged.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use schakel_domain::access::{Action, ResourceKind};
use schakel_domain::validate::optional_date;
use schakel_store::access_log::{AccessQuery, LoggedAccess};
use serde::Deserialize;
use time::Duration;

use crate::auth::session::CurrentUser;
use crate::gate::{self, Access};
use crate::pages::login::PageUser;
use crate::pages::{PageCtx, render};
use crate::{AppError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/toegangslog", get(search))
        .route("/toegangslog/persoon/{id}", get(person))
}

/// The filters as typed, echoed back into the form.
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    #[serde(default)]
    pub gebruiker: String,
    #[serde(default)]
    pub client: String,
    #[serde(default)]
    pub van: String,
    #[serde(default)]
    pub tot: String,
    #[serde(default, deserialize_with = "checkbox")]
    pub nood: bool,
    /// Keyset paging: show entries older than this number (the last one of the previous page).
    pub voor: Option<i64>,
}

/// Entries per page.
const PAGE: i64 = 200;

fn checkbox<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let v = Option::<String>::deserialize(d)?;
    Ok(matches!(v.as_deref(), Some("1" | "on" | "true")))
}

pub struct Row {
    pub seq: i64,
    pub at: String,
    pub username: String,
    pub role: String,
    pub org: String,
    pub action: String,
    pub resource: String,
    pub outcome: &'static str,
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

/// Turns the typed filters into a store query. An unknown user name matches nothing.
pub async fn to_query(state: &AppState, f: &Filters) -> Result<AccessQuery, AppError> {
    let from = optional_date("van", &f.van)?.map(|d| d.midnight().assume_utc());
    let until =
        optional_date("tot", &f.tot)?.map(|d| d.midnight().assume_utc() + Duration::days(1));
    if let (Some(a), Some(b)) = (from, until)
        && a >= b
    {
        return Err(AppError::field("tot", "ligt vóór de begindatum"));
    }
    let user_id = match f.gebruiker.trim() {
        "" => None,
        name => Some(
            state
                .store
                .user_by_username(&name.to_lowercase())
                .await?
                .map(|u| u.id)
                .unwrap_or_else(|| format!("onbekend:{name}")),
        ),
    };
    Ok(AccessQuery {
        user_id,
        client: (!f.client.trim().is_empty()).then(|| f.client.trim().to_string()),
        from,
        until,
        only_break_glass: f.nood,
        limit: PAGE,
        before: f.voor,
    })
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
                at: e.at.get(..19).unwrap_or(&e.at).replace('T', " "),
                break_glass: e.ground.as_deref() == Some("break_the_glass"),
                username: e.username,
                role: e.role.unwrap_or_default(),
                org,
                action: e.action,
                resource: format!("{} {}", e.resource_kind, e.resource_id.unwrap_or_default()),
                outcome: if e.outcome == "allowed" {
                    "toegestaan"
                } else {
                    "geweigerd"
                },
                ground: e.ground.unwrap_or_default(),
                reason: e.reason.unwrap_or_default(),
                access_point: e.access_point,
                clients: e.clients,
            }
        })
        .collect())
}

/// Logs the privacy officer's own look at the log, then searches it.
pub async fn logged_search(
    state: &AppState,
    user: &CurrentUser,
    q: &AccessQuery,
) -> Result<Vec<LoggedAccess>, AppError> {
    let summary = format!(
        "zoekvraag: gebruiker={} client={} van={} tot={} nood={}",
        q.user_id.as_deref().unwrap_or("-"),
        q.client.as_deref().unwrap_or("-"),
        q.from
            .map(|d| d.date().to_string())
            .unwrap_or_else(|| "-".into()),
        q.until
            .map(|d| d.date().to_string())
            .unwrap_or_else(|| "-".into()),
        q.only_break_glass
    );
    let access = Access {
        action: Action::Search,
        resource_kind: ResourceKind::AccessLog,
        resource_id: None,
        clients: q.client.iter().cloned().collect(),
        reason: Some(summary),
    };
    gate::authorize(state, user, access).await?;
    Ok(state.store.search_access_log(q).await?)
}

async fn search(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(f): Query<Filters>,
) -> Result<Response, AppError> {
    let q = to_query(&state, &f).await?;
    let entries = logged_search(&state, &user, &q).await?;
    let heading = if f.nood { "Noodtoegang" } else { "Toegangslog" }.to_string();
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
        heading: format!("Wie keek in het dossier van cliënt {id}"),
        show_filters: false,
        next_before: None,
        entries: rows(&state, entries).await?,
        filters: Filters::default(),
    })
}
