//! The access log (NEN 7513 ch. 8-9) for the privacy officer: the search page, one client's history,
//! and the same over the API. The search itself lives here, shared by page and API: the filters as
//! typed, the query they make, and the search, which is itself logged.

mod api;
mod page;
mod review;

pub(crate) use review::dutch_moment;

use schakel_domain::access::{Action, ResourceKind};
use schakel_domain::msg;
use schakel_domain::validate::optional_date;
use schakel_store::access_log::{AccessQuery, LoggedAccess};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

use crate::api::ApiRouter;
use crate::auth::session::CurrentUser;
use crate::gate::{self, Access};
use crate::{AppError, AppState};

/// The feature's pages.
pub fn routes() -> crate::page_routing::PageRouter {
    page::routes().merge(review::routes())
}

/// The feature's API operations, mounted under /api/v1 by [`crate::api::api`].
pub fn api() -> ApiRouter {
    api::routes()
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

impl Filters {
    /// The typed `van` and `tot` as the half-open period [van 00:00, the day after tot 00:00), in
    /// Dutch time.
    pub fn period(&self) -> Result<(Option<OffsetDateTime>, Option<OffsetDateTime>), AppError> {
        // The days are Dutch days: from local midnight to local midnight (issue 7: one time zone).
        let midnight = |d: time::Date| schakel_domain::calendar::from_dutch_local(d.midnight());
        let from = optional_date("van", &self.van)?.map(midnight);
        // The day after 31-12-9999 does not exist: that `tot` is refused, not a panic.
        let until = match optional_date("tot", &self.tot)? {
            None => None,
            Some(d) => Some(midnight(
                d.checked_add(Duration::days(1))
                    .ok_or_else(|| AppError::field("tot", msg("error-date-invalid")))?,
            )),
        };
        if let (Some(a), Some(b)) = (from, until)
            && a >= b
        {
            return Err(AppError::field("tot", msg("log-until-before-from")));
        }
        Ok((from, until))
    }
}

/// Entries per page.
pub const PAGE: i64 = 200;

fn checkbox<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let v = Option::<String>::deserialize(d)?;
    Ok(matches!(v.as_deref(), Some("1" | "on" | "true")))
}

/// Turns the typed filters into a store query. An unknown user name matches nothing.
pub async fn to_query(state: &AppState, f: &Filters) -> Result<AccessQuery, AppError> {
    let (from, until) = f.period()?;
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

/// Logs the privacy officer's own look at the log, then searches it.
pub async fn logged_search(
    state: &AppState,
    user: &CurrentUser,
    q: &AccessQuery,
) -> Result<Vec<LoggedAccess>, AppError> {
    // In words, as the log shows it to the next reviewer: Dutch dates, no field codes.
    let day = |d: Option<time::OffsetDateTime>, back: bool| {
        d.map(|d| {
            let d = schakel_domain::calendar::dutch_local_date(d);
            let d = if back {
                d.previous_day().unwrap_or(d)
            } else {
                d
            };
            schakel_domain::calendar::dutch_date(d)
        })
        .unwrap_or_else(|| "-".into())
    };
    let summary = crate::i18n::t_args(
        "look-log-search-summary",
        &[
            ("user", q.user_id.as_deref().unwrap_or("-")),
            ("client", q.client.as_deref().unwrap_or("-")),
            ("from", &day(q.from, false)),
            ("until", &day(q.until, true)),
            (
                "break_glass",
                &crate::i18n::t(if q.only_break_glass {
                    "word-yes"
                } else {
                    "word-no"
                }),
            ),
        ],
    );
    let access = Access::new(Action::Search, ResourceKind::AccessLog)
        .clients(q.client.iter().cloned().collect())
        .reason(Some(summary));
    gate::authorize(state, user, access).await?;
    Ok(state.store.search_access_log(q).await?)
}
