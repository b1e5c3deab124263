//! The work queue of an organisation (issue 3 item 8): every deadline it owns, earliest first,
//! overdue marked. Read from the case_deadlines projection in one indexed query.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use schakel_domain::org::Role;
use serde::Deserialize;

use crate::auth::session::CurrentUser;
use crate::frame::PageUser;
use crate::frame::{PageCtx, render};
use crate::i18n::{t, t_args};
use crate::usecase::GatePolicy;
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new().route("/werkvoorraad", get(page))
}

const PAGE_SIZE: i64 = 50;

pub struct Item {
    pub case_id: String,
    pub title: String,
    pub what: String,
    pub due: String,
    pub since: String,
    pub overdue: bool,
}

#[derive(Template)]
#[template(path = "queue.html")]
struct QueuePage {
    page: PageCtx,
    heading: String,
    items: Vec<Item>,
    prev_page: Option<i64>,
    next_page: Option<i64>,
    /// Break-the-glass on the organisation's cases in the last 30 days (issue 8 finding 6).
    break_glass: Vec<(String, String)>,
}

/// How far back the queue tells of break-the-glass on the organisation's cases.
const BREAK_GLASS_NOTICE_DAYS: i64 = 30;

#[derive(Deserialize)]
struct PageQuery {
    pagina: Option<i64>,
}

/// The queue's items for the user's organisation, as the page shows them; a look at it is logged
/// as a search.
async fn items(
    state: &AppState,
    user: &CurrentUser,
    limit: i64,
    offset: i64,
) -> Result<Vec<Item>, AppError> {
    let org = user.membership.as_ref().ok_or(AppError::Unauthenticated)?;
    let now = state.clock.now();
    let policy = GatePolicy { state, user };
    Ok(schakel_app::queue::work_queue(
        &state.store,
        &policy,
        &org.org_id,
        org.role,
        now,
        limit,
        offset,
    )
    .await?
    .into_iter()
    .map(|q| Item {
        since: q
            .since
            .map(|s| {
                let days = (now - s).whole_days();
                t_args(
                    "queue-since",
                    &[
                        (
                            "date",
                            &schakel_domain::calendar::dutch_local_date(s).to_string(),
                        ),
                        ("days", &days.to_string()),
                    ],
                )
            })
            .unwrap_or_default(),
        case_id: q.case_id,
        title: q.title,
        what: q.what,
        due: q.due.to_string(),
        overdue: q.overdue,
    })
    .collect())
}

async fn page(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let page_no = q.pagina.unwrap_or(1).max(1);
    let mut list = items(&state, &user, PAGE_SIZE + 1, (page_no - 1) * PAGE_SIZE).await?;
    let has_more = list.len() as i64 > PAGE_SIZE;
    list.truncate(PAGE_SIZE as usize);
    let heading = if user.role() == Some(Role::Teamleider) {
        t("queue-heading-team")
    } else {
        t("queue-heading")
    };
    // The accountable organisation is told of every break-the-glass on its cases. The queue itself
    // was just authorised and logged as a search, so these entries are already covered.
    let break_glass = match &user.membership {
        Some(m) => state
            .store
            .break_glass_notices(
                &m.org_id,
                state.clock.now() - time::Duration::days(BREAK_GLASS_NOTICE_DAYS),
            )
            .await?
            .into_iter()
            .map(|u| {
                let at = schakel_store::time_text::parse(&u.at)
                    .map(crate::access_log::dutch_moment)
                    .unwrap_or(u.at);
                let text = t_args(
                    "break-glass-notice",
                    &[("user", &u.username), ("at", &at), ("reason", &u.reason)],
                );
                (u.case_id, text)
            })
            .collect(),
        None => Vec::new(),
    };
    render(&QueuePage {
        page: PageCtx::for_user(&state, &user, "/werkvoorraad"),
        heading,
        items: list,
        break_glass,
        prev_page: (page_no > 1).then(|| page_no - 1),
        next_page: has_more.then(|| page_no + 1),
    })
}
