//! Work queues: what an organisation must do, by deadline, overdue items marked (issue 3 item 8;
//! DESIGN.md principle 3), with the filters, sorting, totals and page counts of a workable Te doen
//! (issue 7, "Fit for daily work"). Every query starts from the `case_deadlines_queue` index on the
//! owner; the filters narrow that range, so the cost follows one organisation's queue, not the
//! number of cases.

use schakel_domain::calendar::dutch_local_date;
use serde::Serialize;
use sqlx::Row;

use crate::bulk::Numbered;
use time::{Date, OffsetDateTime};

use crate::{Result, Store, StoreError, time_text};

/// One line of a work queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueueItem {
    pub case_id: String,
    /// VT-2026-00123.
    pub case_number: Option<String>,
    pub title: String,
    /// Stable code of what is due.
    pub kind: String,
    /// What is due, in Dutch (the deadline's label).
    pub what: String,
    pub due: Date,
    pub due_at: Option<OffsetDateTime>,
    /// Since when the item waits (an open handover: its age).
    pub since: Option<OffsetDateTime>,
    pub overdue: bool,
    /// The case is read as acute: shown first, with a badge.
    pub acute: bool,
    /// The family's gemeente.
    pub gemeente: Option<String>,
    /// The worker the case is assigned to (user id).
    pub assigned_user: Option<String>,
}

/// Which items of the queue to show. Empty: all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    /// A deadline kind code (`veiligheidsbeoordeling`, ...).
    pub kind: Option<String>,
    pub gemeente: Option<String>,
    pub overdue_only: bool,
    pub acute_only: bool,
    /// Only cases assigned to this user.
    pub assigned_to: Option<String>,
    /// Only cases assigned to nobody.
    pub unassigned_only: bool,
    /// The role (code) of who looks: items meant for one role (an unanswered handover escalated
    /// to the teamleider, issue 7 item 8) show only to that role. `None` sees none of them.
    pub viewer_role: Option<String>,
}

/// The column a queue is sorted by; acute items always come first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum QueueSort {
    /// The deadline (default).
    #[default]
    Due,
    /// What is due.
    Kind,
    /// The case number.
    Case,
    Gemeente,
}

impl QueueSort {
    pub fn code(self) -> &'static str {
        match self {
            QueueSort::Due => "termijn",
            QueueSort::Kind => "taak",
            QueueSort::Case => "casus",
            QueueSort::Gemeente => "gemeente",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::Due, Self::Kind, Self::Case, Self::Gemeente]
            .into_iter()
            .find(|s| s.code() == code)
    }

    fn columns(self) -> &'static str {
        match self {
            QueueSort::Due => "d.sort_key",
            QueueSort::Kind => "d.label",
            QueueSort::Case => "c.case_number",
            QueueSort::Gemeente => "c.gemeente",
        }
    }
}

/// How many items a queue holds of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindTotal {
    pub kind: String,
    /// The deadline's label, in Dutch.
    pub what: String,
    pub total: i64,
    pub overdue: i64,
}

/// The open cases and queue items of one worker of an organisation (a teamleider's view).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkerLoad {
    /// `None`: not assigned to anyone.
    pub user_id: Option<String>,
    pub cases: i64,
    pub items: i64,
    pub overdue: i64,
}

/// The overdue condition over `d` (a deadline row): its moment passed, or its Dutch day passed.
fn push_overdue(qb: &mut Numbered, now: OffsetDateTime) {
    qb.push(" ((d.due_at IS NOT NULL AND d.due_at < ")
        .push_bind(time_text::format(now))
        .push(") OR (d.due_at IS NULL AND d.due < ")
        .push_bind(dutch_local_date(now).to_string())
        .push("))");
}

/// Items meant for another role are left out; items with a first day to show (the escalation)
/// appear from that Dutch calendar day.
fn push_visible(qb: &mut Numbered, role: Option<&str>, now: OffsetDateTime) {
    qb.push(" AND (d.for_role IS NULL OR d.for_role = ")
        .push_bind(role.unwrap_or("").to_string())
        .push(") AND (d.shown_from IS NULL OR d.shown_from <= ")
        .push_bind(dutch_local_date(now).to_string())
        .push(")");
}

fn push_filter(qb: &mut Numbered, org_id: &str, f: &QueueFilter, now: OffsetDateTime) {
    qb.push(" WHERE d.owner_org = ")
        .push_bind(org_id.to_string());
    push_visible(qb, f.viewer_role.as_deref(), now);
    if let Some(kind) = &f.kind {
        qb.push(" AND d.kind = ").push_bind(kind.clone());
    }
    if let Some(g) = &f.gemeente {
        qb.push(" AND c.gemeente = ").push_bind(g.clone());
    }
    if f.overdue_only {
        qb.push(" AND");
        push_overdue(qb, now);
    }
    if f.acute_only {
        qb.push(" AND c.acute = 1");
    }
    if let Some(u) = &f.assigned_to {
        qb.push(" AND c.assigned_user = ").push_bind(u.clone());
    }
    if f.unassigned_only {
        qb.push(" AND c.assigned_user IS NULL");
    }
}

/// The queue of `org_id`, acute items first, then by `sort` (`descending` reverses the column,
/// never the acute-first rule). A deadline with a moment is overdue once the moment has passed; a
/// whole-day deadline once its (Dutch) day has passed.
#[allow(clippy::too_many_arguments)]
pub async fn filtered_queue(
    store: &Store,
    org_id: &str,
    filter: &QueueFilter,
    sort: QueueSort,
    descending: bool,
    now: OffsetDateTime,
    limit: i64,
    offset: i64,
) -> Result<Vec<QueueItem>> {
    // Two steps: the page's keys are chosen from the covering indexes alone (migration 0016), then
    // only the page's rows are read whole.
    let dir = if descending { "DESC" } else { "ASC" };
    let order = format!(
        " ORDER BY c.acute DESC, {} {dir}, d.sort_key, d.case_id, d.n",
        sort.columns()
    );
    let mut qb = Numbered::new(
        "SELECT d.case_id, c.title, d.kind, d.label, d.due, d.due_at, d.since, c.case_number, c.acute, \
         c.gemeente, c.assigned_user FROM (SELECT d.case_id AS page_case, d.n AS page_n \
         FROM case_deadlines d JOIN cases c ON c.id = d.case_id",
    );
    push_filter(&mut qb, org_id, filter, now);
    qb.push(&order)
        .push(" LIMIT ")
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset)
        .push(
            ") page JOIN case_deadlines d ON d.case_id = page.page_case AND d.n = page.page_n \
             JOIN cases c ON c.id = d.case_id",
        )
        .push(&order);
    let rows = qb.build().fetch_all(store.pool()).await?;
    let today = dutch_local_date(now);
    let time = |s: Option<String>| -> Result<Option<OffsetDateTime>> {
        s.map(|t| {
            time_text::parse(&t).ok_or_else(|| StoreError::Corrupt(format!("tijdstip '{t}'")))
        })
        .transpose()
    };
    rows.iter()
        .map(|r| {
            let due_text: String = r.try_get(4)?;
            let due = Date::parse(
                &due_text,
                time::macros::format_description!("[year]-[month]-[day]"),
            )
            .map_err(|e| StoreError::Corrupt(format!("datum '{due_text}': {e}")))?;
            let due_at = time(r.try_get(5)?)?;
            let overdue = match due_at {
                Some(at) => at < now,
                None => due < today,
            };
            Ok(QueueItem {
                case_id: r.try_get(0)?,
                title: r.try_get(1)?,
                kind: r.try_get(2)?,
                what: r.try_get(3)?,
                due,
                due_at,
                since: time(r.try_get(6)?)?,
                overdue,
                case_number: r.try_get(7)?,
                acute: r.try_get::<i64, _>(8)? != 0,
                gemeente: r.try_get(9)?,
                assigned_user: r.try_get(10)?,
            })
        })
        .collect()
}

/// The queue of `org_id`, earliest deadline first (acute first), unfiltered, without the items
/// meant for one role.
pub async fn work_queue(
    store: &Store,
    org_id: &str,
    now: OffsetDateTime,
    limit: i64,
    offset: i64,
) -> Result<Vec<QueueItem>> {
    work_queue_as(store, org_id, None, now, limit, offset).await
}

/// The queue of `org_id` as someone with `role` (a role code) there sees it: also the items meant
/// for that role.
pub async fn work_queue_as(
    store: &Store,
    org_id: &str,
    role: Option<&str>,
    now: OffsetDateTime,
    limit: i64,
    offset: i64,
) -> Result<Vec<QueueItem>> {
    filtered_queue(
        store,
        org_id,
        &QueueFilter {
            viewer_role: role.map(str::to_string),
            ..QueueFilter::default()
        },
        QueueSort::Due,
        false,
        now,
        limit,
        offset,
    )
    .await
}

/// How many items match `filter` (for page numbers).
pub async fn count(
    store: &Store,
    org_id: &str,
    filter: &QueueFilter,
    now: OffsetDateTime,
) -> Result<i64> {
    let mut qb =
        Numbered::new("SELECT COUNT(*) FROM case_deadlines d JOIN cases c ON c.id = d.case_id");
    push_filter(&mut qb, org_id, filter, now);
    Ok(qb.build().fetch_one(store.pool()).await?.try_get(0)?)
}

/// The totals per kind of the whole queue of `org_id` as someone with `role` sees it, with how
/// many of them are overdue.
pub async fn totals(
    store: &Store,
    org_id: &str,
    role: Option<&str>,
    now: OffsetDateTime,
) -> Result<Vec<KindTotal>> {
    let mut qb = Numbered::new("SELECT d.kind, MIN(d.label), COUNT(*), SUM(CASE WHEN");
    push_overdue(&mut qb, now);
    qb.push(" THEN 1 ELSE 0 END) FROM case_deadlines d WHERE d.owner_org = ")
        .push_bind(org_id.to_string());
    push_visible(&mut qb, role, now);
    qb.push(" GROUP BY d.kind ORDER BY d.kind");
    let rows = qb.build().fetch_all(store.pool()).await?;
    rows.iter()
        .map(|r| {
            Ok(KindTotal {
                kind: r.try_get(0)?,
                what: r.try_get(1)?,
                total: r.try_get(2)?,
                overdue: r.try_get::<Option<i64>, _>(3)?.unwrap_or(0),
            })
        })
        .collect()
}

/// The load per worker of `org_id`: open cases it is accountable for, and queue items, by the
/// worker they are assigned to (a row with `user_id: None` for the unassigned ones).
pub async fn worker_load(
    store: &Store,
    org_id: &str,
    now: OffsetDateTime,
) -> Result<Vec<WorkerLoad>> {
    let cases = sqlx::query(
        "SELECT assigned_user, COUNT(*) FROM cases WHERE accountable_org = $1 AND status <> 'gesloten' \
         GROUP BY assigned_user",
    )
    .bind(org_id)
    .fetch_all(store.pool())
    .await?;
    let mut qb = Numbered::new("SELECT c.assigned_user, COUNT(*), SUM(CASE WHEN");
    push_overdue(&mut qb, now);
    qb.push(
        " THEN 1 ELSE 0 END) FROM case_deadlines d JOIN cases c ON c.id = d.case_id WHERE d.owner_org = ",
    )
    .push_bind(org_id.to_string());
    // A worker's load is the work itself, not the teamleider's escalations about it.
    push_visible(&mut qb, None, now);
    qb.push(" GROUP BY c.assigned_user");
    let items = qb.build().fetch_all(store.pool()).await?;
    let mut out: Vec<WorkerLoad> = Vec::new();
    for r in &cases {
        out.push(WorkerLoad {
            user_id: r.try_get(0)?,
            cases: r.try_get(1)?,
            items: 0,
            overdue: 0,
        });
    }
    for r in &items {
        let user: Option<String> = r.try_get(0)?;
        let n: i64 = r.try_get(1)?;
        let late: i64 = r.try_get::<Option<i64>, _>(2)?.unwrap_or(0);
        match out.iter_mut().find(|w| w.user_id == user) {
            Some(w) => {
                w.items = n;
                w.overdue = late;
            }
            None => out.push(WorkerLoad {
                user_id: user,
                cases: 0,
                items: n,
                overdue: late,
            }),
        }
    }
    out.sort_by(|a, b| (a.user_id.is_none(), &a.user_id).cmp(&(b.user_id.is_none(), &b.user_id)));
    Ok(out)
}
