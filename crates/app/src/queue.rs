//! An organisation's work queue, Te doen (issue 3 item 8; issue 7 "Fit for daily work"), as data
//! shared by the page and the API: every deadline it owns, acute first, filtered and sorted as the
//! worker asks, with totals per kind, the number of matching items (for page numbers) and, for a
//! teamleider, the load per worker. Presentation (Dutch dates, "n dagen") is the caller's.

use schakel_domain::access::Action;
use schakel_domain::org::Role;
use schakel_store::{Store, queue};
use time::OffsetDateTime;

pub use schakel_store::queue::{KindTotal, QueueFilter, QueueItem, QueueSort, WorkerLoad};

use crate::Policy;

/// The queue of `org_id` as someone with `role` there sees it (a teamleider also sees what is
/// escalated to the teamleider); looking at it is logged as a search.
pub async fn work_queue<P: Policy>(
    store: &Store,
    policy: &P,
    org_id: &str,
    role: Role,
    now: OffsetDateTime,
    limit: i64,
    offset: i64,
) -> Result<Vec<QueueItem>, P::Error> {
    let view = te_doen(
        store,
        policy,
        &TeDoen {
            org_id: org_id.to_string(),
            filter: QueueFilter {
                viewer_role: Some(role.code().to_string()),
                ..QueueFilter::default()
            },
            sort: QueueSort::Due,
            descending: false,
            with_load: false,
        },
        now,
        limit,
        offset,
    )
    .await?;
    Ok(view.items)
}

/// What a worker asks of Te doen.
#[derive(Debug, Clone, Default)]
pub struct TeDoen {
    pub org_id: String,
    pub filter: QueueFilter,
    pub sort: QueueSort,
    pub descending: bool,
    /// Add the load per worker (a teamleider's view).
    pub with_load: bool,
}

/// One worker's load, with the worker's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedLoad {
    pub user_id: Option<String>,
    pub name: Option<String>,
    pub load: WorkerLoad,
}

/// Te doen as shown.
#[derive(Debug, Clone)]
pub struct QueueView {
    pub items: Vec<QueueItem>,
    /// How many items match the filter (all pages).
    pub matching: i64,
    /// The whole queue per kind of task, unfiltered.
    pub totals: Vec<KindTotal>,
    /// Empty unless asked for.
    pub load: Vec<NamedLoad>,
    /// The workers of the organisation (id, name): whom a case can be assigned to.
    pub workers: Vec<(String, String)>,
}

/// Te doen for `ask`; looking at it is logged as a search.
pub async fn te_doen<P: Policy>(
    store: &Store,
    policy: &P,
    ask: &TeDoen,
    now: OffsetDateTime,
    limit: i64,
    offset: i64,
) -> Result<QueueView, P::Error> {
    policy
        .authorize(Action::Search, Vec::new(), Some("termijnen".into()))
        .await?;
    let run = async {
        let items = queue::filtered_queue(
            store,
            &ask.org_id,
            &ask.filter,
            ask.sort,
            ask.descending,
            now,
            limit,
            offset,
        )
        .await?;
        let matching = queue::count(store, &ask.org_id, &ask.filter, now).await?;
        let totals =
            queue::totals(store, &ask.org_id, ask.filter.viewer_role.as_deref(), now).await?;
        let workers: Vec<(String, String)> = store
            .users_of_org(&ask.org_id)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        let load = if ask.with_load {
            queue::worker_load(store, &ask.org_id, now)
                .await?
                .into_iter()
                .map(|l| NamedLoad {
                    user_id: l.user_id.clone(),
                    name: l.user_id.as_ref().map(|id| {
                        workers
                            .iter()
                            .find(|(w, _)| w == id)
                            .map_or_else(|| id.clone(), |(_, n)| n.clone())
                    }),
                    load: l,
                })
                .collect()
        } else {
            Vec::new()
        };
        Ok::<_, schakel_store::StoreError>(QueueView {
            items,
            matching,
            totals,
            load,
            workers,
        })
    };
    Ok(run.await.map_err(crate::Error::from)?)
}
