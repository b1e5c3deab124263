//! Te doen as a page (issue 3 item 8; issue 7): acute items first with a badge, filters, sortable
//! columns, totals per task, page numbers and, for a teamleider, the load per worker. One indexed
//! query per part (see `schakel_store::queue`).

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use schakel_domain::calendar::{DueState, dutch_date};
use schakel_domain::org::Role;
use serde::Deserialize;

use super::{Params, TASK_KINDS};
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
    pub case_number: String,
    pub title: String,
    pub what: String,
    pub due: String,
    pub since: String,
    pub overdue: bool,
    /// On time, due within a working day, or overdue: said in words beside the colour.
    pub due_state: DueState,
    pub acute: bool,
    pub gemeente: String,
    pub assigned: String,
}

/// A sortable column header: its label, the link that sorts by it, and how it is sorted now.
pub struct Column {
    pub label: String,
    pub href: String,
    /// `ascending`, `descending` or `none` (aria-sort).
    pub sorted: &'static str,
}

pub struct Total {
    pub href: String,
    pub what: String,
    pub total: i64,
    pub overdue: i64,
    pub current: bool,
}

pub struct Load {
    pub name: String,
    pub cases: i64,
    pub items: i64,
    pub overdue: i64,
}

#[derive(Template)]
#[template(path = "queue.html")]
struct QueuePage {
    page: PageCtx,
    heading: String,
    items: Vec<Item>,
    matching: i64,
    columns: Vec<Column>,
    totals: Vec<Total>,
    load: Vec<Load>,
    /// (code, label, selected)
    kinds: Vec<(String, String, bool)>,
    gemeenten: Vec<(String, bool)>,
    overdue: bool,
    acute: bool,
    /// "", "mij" or "niemand"
    assigned: String,
    sort: String,
    direction: String,
    /// (page number, href, current)
    pages: Vec<(i64, String, bool)>,
    prev_page: Option<String>,
    next_page: Option<String>,
    /// The message at a filter that could not be used: (field label in Dutch, message).
    error: Option<(String, String)>,
    /// Break-the-glass on the organisation's cases in the last 30 days (issue 8 finding 6).
    break_glass: Vec<(String, String)>,
}

/// How far back the queue tells of break-the-glass on the organisation's cases.
const BREAK_GLASS_NOTICE_DAYS: i64 = 30;

#[derive(Deserialize)]
struct PageQuery {
    #[serde(flatten)]
    params: Params,
    /// Text: under `flatten` serde hands every value over as text.
    pagina: Option<String>,
}

/// How long an item waits, in plain Dutch: "27-11-2026 (vandaag)", "(1 dag)", "(2 dagen)".
fn waiting_since(since: time::OffsetDateTime, now: time::OffsetDateTime) -> String {
    let date = dutch_date(schakel_domain::calendar::dutch_local_date(since));
    match (now - since).whole_days() {
        ..=0 => t_args("queue-since-today", &[("date", &date)]),
        1 => t_args("queue-since-one-day", &[("date", &date)]),
        days => t_args(
            "queue-since",
            &[("date", &date), ("days", &days.to_string())],
        ),
    }
}

/// The Dutch label of a filter or sorting parameter, as the error names it (issue 7: plain
/// Dutch, never a code such as `richting`). A parameter this page does not know keeps its name.
pub(crate) fn field_label(field: &str) -> String {
    let id = match field {
        "taak" => "queue-what",
        "gemeente" => "worklist-gemeente",
        "toegewezen" => "worklist-assigned",
        "acuut" => "worklist-acute-only",
        "verlopen" => "worklist-overdue-only",
        "sorteer" => "merge-queue-field-sorteer",
        "richting" => "merge-queue-field-richting",
        "pagina" => "merge-queue-field-pagina",
        other => return other.to_string(),
    };
    t(id)
}

/// The label of a task kind code, from the catalogue.
fn kind_label(kind: &str) -> String {
    t(&format!("worklist-kind-{}", kind.replace('_', "-")))
}

/// A link to the queue with `params`, changed by `change`.
fn link(
    p: &Params,
    page: Option<i64>,
    change: impl FnOnce(&mut Vec<(&'static str, String)>),
) -> String {
    let mut pairs: Vec<(&'static str, String)> = Vec::new();
    for (k, v) in [
        ("taak", &p.taak),
        ("gemeente", &p.gemeente),
        ("verlopen", &p.verlopen),
        ("acuut", &p.acuut),
        ("toegewezen", &p.toegewezen),
        ("sorteer", &p.sorteer),
        ("richting", &p.richting),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            pairs.push((k, v.to_string()));
        }
    }
    change(&mut pairs);
    if let Some(n) = page.filter(|n| *n > 1) {
        pairs.push(("pagina", n.to_string()));
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", urlencoding(v)))
        .collect();
    if query.is_empty() {
        "/werkvoorraad".into()
    } else {
        format!("/werkvoorraad?{}", query.join("&"))
    }
}

/// Percent-encodes a query value (gemeente names hold spaces, brackets and dots).
fn urlencoding(v: &str) -> String {
    let mut out = String::new();
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

async fn page(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let page_no = match q.pagina.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        None => 1,
        Some(p) => p
            .parse::<i64>()
            .map_err(|_| {
                AppError::BadQuery(schakel_domain::FieldError::new(
                    "pagina",
                    schakel_domain::msg("error-queue-page"),
                ))
            })?
            .max(1),
    };
    let now = state.clock.now();
    let gemeenten: Vec<String> = state
        .store
        .gemeenten()
        .await?
        .into_iter()
        .map(|g| g.name)
        .collect();
    let teamleider = user.role() == Some(Role::Teamleider);
    let (mut ask, error) = match q.params.ask(&user, &gemeenten) {
        Ok(ask) => (ask, None),
        // A filter that cannot be used is shown at its field; the queue is shown without filters.
        Err(e) => (
            Params::default()
                .ask(&user, &gemeenten)
                .map_err(AppError::from)?,
            Some((field_label(&e.field), e.message.text())),
        ),
    };
    ask.with_load = teamleider;
    let policy = GatePolicy {
        state: &state,
        user: &user,
    };
    let view = schakel_app::queue::te_doen(
        &state.store,
        &policy,
        &ask,
        now,
        PAGE_SIZE,
        (page_no - 1) * PAGE_SIZE,
    )
    .await?;
    let p = &q.params;
    let name_of = |id: &Option<String>| -> String {
        id.as_ref()
            .map(|id| {
                view.workers
                    .iter()
                    .find(|(w, _)| w == id)
                    .map_or_else(|| id.clone(), |(_, n)| n.clone())
            })
            .unwrap_or_default()
    };
    let items: Vec<Item> = view
        .items
        .iter()
        .map(|q| Item {
            since: q.since.map(|s| waiting_since(s, now)).unwrap_or_default(),
            case_id: q.case_id.clone(),
            case_number: q.case_number.clone().unwrap_or_default(),
            title: q.title.clone(),
            // The deadline's own Dutch label (it may say which moment); the kind's for totals.
            what: q.what.clone(),
            due: match q.due_at {
                Some(at) => schakel_domain::calendar::dutch_moment(at),
                None => dutch_date(q.due),
            },
            due_state: if q.overdue {
                DueState::Overdue
            } else {
                DueState::of(&state.config.rules.calendar, q.due, q.due_at, now)
            },
            overdue: q.overdue,
            acute: q.acute,
            gemeente: q.gemeente.clone().unwrap_or_default(),
            assigned: name_of(&q.assigned_user),
        })
        .collect();
    let sort = ask.sort.code().to_string();
    let direction = if ask.descending { "af" } else { "op" }.to_string();
    // The deadline first: on a phone the list reads deadline and status before the rest.
    let columns = [
        ("termijn", t("queue-due")),
        ("taak", t("queue-what")),
        ("casus", t("word-case")),
        ("gemeente", t("worklist-gemeente")),
    ]
    .into_iter()
    .map(|(code, label)| {
        let current = sort == code;
        let next_dir = if current && !ask.descending {
            "af"
        } else {
            "op"
        };
        Column {
            label,
            href: link(p, None, |pairs| {
                pairs.retain(|(k, _)| *k != "sorteer" && *k != "richting");
                pairs.push(("sorteer", code.to_string()));
                pairs.push(("richting", next_dir.to_string()));
            }),
            sorted: match (current, ask.descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            },
        }
    })
    .collect();
    let totals = view
        .totals
        .iter()
        .map(|k| Total {
            href: link(p, None, |pairs| {
                pairs.retain(|(k, _)| *k != "taak");
                pairs.push(("taak", k.kind.clone()));
            }),
            what: kind_label(&k.kind),
            total: k.total,
            overdue: k.overdue,
            current: ask.filter.kind.as_deref() == Some(k.kind.as_str()),
        })
        .collect();
    let load = view
        .load
        .iter()
        .map(|l| Load {
            name: l.name.clone().unwrap_or_else(|| t("worklist-unassigned")),
            cases: l.load.cases,
            items: l.load.items,
            overdue: l.load.overdue,
        })
        .collect();
    let last_page = ((view.matching + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let pages = (1..=last_page)
        .filter(|n| *n == 1 || *n == last_page || (n - page_no).abs() <= 3)
        .map(|n| (n, link(p, Some(n), |_| {}), n == page_no))
        .collect();
    let heading = if teamleider {
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
        items,
        matching: view.matching,
        columns,
        totals,
        load,
        kinds: TASK_KINDS
            .iter()
            .map(|k| {
                (
                    k.to_string(),
                    kind_label(k),
                    ask.filter.kind.as_deref() == Some(*k),
                )
            })
            .collect(),
        gemeenten: gemeenten
            .iter()
            .map(|g| {
                (
                    g.clone(),
                    ask.filter.gemeente.as_deref() == Some(g.as_str()),
                )
            })
            .collect(),
        overdue: ask.filter.overdue_only,
        acute: ask.filter.acute_only,
        assigned: if ask.filter.unassigned_only {
            "niemand".into()
        } else if ask.filter.assigned_to.is_some() {
            "mij".into()
        } else {
            String::new()
        },
        sort,
        direction,
        prev_page: (page_no > 1).then(|| link(p, Some(page_no - 1), |_| {})),
        next_page: (page_no < last_page).then(|| link(p, Some(page_no + 1), |_| {})),
        pages,
        error,
        break_glass,
    })
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::waiting_since;

    #[test]
    fn waiting_reads_today_one_day_or_days() {
        let now = datetime!(2026-11-29 14:00 UTC);
        let since = |at| waiting_since(at, now);
        assert_eq!(
            since(datetime!(2026-11-29 09:00 UTC)),
            "29-11-2026 (vandaag)"
        );
        assert_eq!(since(datetime!(2026-11-28 09:00 UTC)), "28-11-2026 (1 dag)");
        assert_eq!(
            since(datetime!(2026-11-26 09:00 UTC)),
            "26-11-2026 (3 dagen)"
        );
    }
}
