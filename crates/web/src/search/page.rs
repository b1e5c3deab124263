//! The search page: one field, as in the header; hits with their case number, title, status and the
//! persons that matched.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;

use crate::frame::PageUser;
use crate::frame::{PageCtx, render};
use crate::usecase::GatePolicy;
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new().route("/zoeken", get(page))
}

pub struct Hit {
    pub case_id: String,
    pub case_number: String,
    pub title: String,
    pub status: String,
    /// "Fenna de Vries (29-11-2018, kind in gezin)"
    pub persons: Vec<String>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    page: PageCtx,
    q: String,
    searched: bool,
    hits: Vec<Hit>,
    error: Option<String>,
}

#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
}

async fn page(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(query): Query<SearchQuery>,
) -> Result<Response, AppError> {
    let q = query.q.unwrap_or_default();
    let mut out = SearchPage {
        page: PageCtx::for_user(&state, &user, "/zoeken"),
        q: q.clone(),
        searched: false,
        hits: Vec::new(),
        error: None,
    };
    if q.trim().is_empty() {
        return render(&out);
    }
    let policy = GatePolicy {
        state: &state,
        user: &user,
    };
    match schakel_app::search::search(&state.store, &policy, &q).await {
        Ok(hits) => {
            out.searched = true;
            out.hits = hits
                .into_iter()
                .map(|h| Hit {
                    persons: h
                        .persons
                        .iter()
                        .map(|(p, role)| {
                            let born = p
                                .birth_date
                                .as_deref()
                                .map(super::dutch_date)
                                .unwrap_or_default();
                            let role = role_label(role);
                            if born.is_empty() {
                                format!("{} ({role})", p.display_name)
                            } else {
                                format!("{} ({born}, {role})", p.display_name)
                            }
                        })
                        .collect(),
                    case_id: h.case.id,
                    case_number: h.case.case_number.unwrap_or_default(),
                    title: h.case.title,
                    status: schakel_domain::case::Phase::parse(&h.case.status)
                        .map(|p| p.label())
                        .unwrap_or(h.case.status),
                })
                .collect();
        }
        Err(AppError::BadInput(e)) => out.error = Some(e.message.text()),
        Err(e) => return Err(e),
    }
    render(&out)
}

/// The Dutch label of a betrokkene's role code.
pub(crate) fn role_label(code: &str) -> String {
    use schakel_domain::codes::ids;
    schakel_domain::codes::registry()
        .list(ids::ROL_BETROKKENE, ids::SCHAKEL_1)
        .and_then(|l| l.get(code))
        .map(|c| c.label_nl.clone())
        .unwrap_or_else(|| code.to_string())
}
