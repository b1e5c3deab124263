//! The privacy officer's review of break-the-glass (issue 8 finding 6): every use waits in a queue
//! until the privacy officer accepts it or flags it for follow-up. Reviewing is part of reviewing
//! the access log (NEN 7513 ch. 8), so it is the privacy officer's, and is itself logged.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use schakel_domain::access::{Action, ResourceKind};
use schakel_store::accounts::BreakGlassUse;
use serde::Deserialize;

use crate::auth::session::CurrentUser;
use crate::csrf::check_csrf;
use crate::frame::{PageCtx, PageUser, render};
use crate::gate::{self, Access};
use crate::i18n::t;
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/noodtoegang", get(queue))
        .route("/noodtoegang/{id}/akkoord", post(accept))
        .route("/noodtoegang/{id}/markeren", post(flag))
}

/// How many uses one page shows per status.
const PAGE_SIZE: i64 = 100;

#[derive(Template)]
#[template(path = "break_glass_review.html")]
struct ReviewPage {
    page: PageCtx,
    open: Vec<BreakGlassUse>,
    flagged: Vec<BreakGlassUse>,
    notice: Option<String>,
}

/// 29-11-2026 14:05 in Dutch time.
pub(crate) fn dutch_moment(at: time::OffsetDateTime) -> String {
    let local = at.to_offset(schakel_domain::calendar::dutch_offset(at));
    local
        .format(time::macros::format_description!(
            "[day]-[month]-[year] [hour]:[minute]"
        ))
        .unwrap_or_default()
}

/// A use with its moment as the page shows it (29-11-2026 14:05, Dutch time).
fn shown(mut uses: Vec<BreakGlassUse>) -> Vec<BreakGlassUse> {
    for u in &mut uses {
        if let Some(at) = schakel_store::time_text::parse(&u.at) {
            u.at = dutch_moment(at);
        }
    }
    uses
}

#[derive(Deserialize)]
struct Notice {
    melding: Option<String>,
}

async fn queue(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(n): Query<Notice>,
) -> Result<Response, AppError> {
    let access = Access::new(Action::Search, ResourceKind::AccessLog)
        .reason(Some("noodtoegang: beoordelingslijst".into()));
    gate::authorize(&state, &user, access).await?;
    let notice = match n.melding.as_deref() {
        Some("akkoord") => Some(t("break-glass-review-accepted")),
        Some("gemarkeerd") => Some(t("break-glass-review-flagged")),
        _ => None,
    };
    render(&ReviewPage {
        page: PageCtx::for_user(&state, &user, "/noodtoegang"),
        open: shown(state.store.break_glass_uses("open", PAGE_SIZE).await?),
        flagged: shown(state.store.break_glass_uses("flagged", PAGE_SIZE).await?),
        notice,
    })
}

#[derive(Deserialize)]
struct CsrfOnly {
    csrf: Option<String>,
}

async fn review(
    state: AppState,
    user: CurrentUser,
    id: String,
    csrf: Option<String>,
    accept: bool,
) -> Result<Response, AppError> {
    check_csrf(&user, csrf.as_deref())?;
    let verdict = if accept { "akkoord" } else { "gemarkeerd" };
    let access = Access::new(Action::Read, ResourceKind::AccessLog)
        .on(Some(&id))
        .reason(Some(format!("noodtoegang beoordeeld: {verdict}")));
    gate::authorize(&state, &user, access).await?;
    state
        .store
        .review_break_glass(&id, &user.user.id, accept)
        .await?;
    tracing::info!(
        by = user.user.username,
        id,
        verdict,
        "break-the-glass reviewed"
    );
    Ok(Redirect::to(&format!("/noodtoegang?melding={verdict}")).into_response())
}

async fn accept(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<CsrfOnly>,
) -> Result<Response, AppError> {
    review(state, user, id, f.csrf, true).await
}

async fn flag(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<CsrfOnly>,
) -> Result<Response, AppError> {
    review(state, user, id, f.csrf, false).await
}
