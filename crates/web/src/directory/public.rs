//! The public view of the sociale kaart (`/sociale-kaart/openbaar`): open to anyone without
//! signing in, no cookie. It lists only the services whose provider agreed to a public listing,
//! and of those only the name, provider, kinds of help, gemeenten, languages, phone and website:
//! never the referral route, the e-mail address used by professionals or the internal note.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use schakel_domain::calendar::dutch_local_date;

use super::{FilterForm, FilterQuery, Row};
use crate::forms::FormErrors;
use crate::frame::{PageCtx, render};
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new().route("/sociale-kaart/openbaar", get(public))
}

#[derive(Template)]
#[template(path = "directory_public.html")]
struct PublicPage {
    page: PageCtx,
    form: FilterForm,
    action: &'static str,
    rows: Vec<Row>,
    count_text: String,
}

async fn public(
    State(state): State<AppState>,
    query: Result<Query<FilterQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let Query(mut query) = query.map_err(super::bad_query)?;
    // Which target groups a service serves is not part of the public listing.
    query.doelgroep = None;
    let gemeenten = schakel_app::directory::gemeenten(&state.store).await?;
    let mut page = PublicPage {
        page: PageCtx::anonymous(&state),
        form: FilterForm {
            public: true,
            ..FilterForm::new(&query, gemeenten.clone())
        },
        action: "/sociale-kaart/openbaar",
        rows: Vec::new(),
        count_text: String::new(),
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
    let today = dutch_local_date(state.clock.now());
    page.rows = schakel_app::directory::public_listing(&state.store, &filter)
        .await?
        .iter()
        .map(|s| super::row(s, today))
        .collect();
    page.count_text = super::count_text(page.rows.len());
    render(&page)
}
