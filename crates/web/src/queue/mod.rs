//! Te doen, the work queue: every deadline an organisation owns, acute first, with filters, sorting,
//! totals per task, page numbers and (for a teamleider) the load per worker (issue 7), as a page and
//! over the API. Both read the same query parameters through [`Params::ask`].

pub(crate) mod api;
mod page;

use schakel_app::queue::{QueueFilter, QueueSort, TeDoen};
use schakel_domain::{FieldError, msg};
use serde::Deserialize;

use crate::api::ApiRouter;
use crate::auth::session::CurrentUser;

/// The feature's pages.
pub fn routes() -> crate::page_routing::PageRouter {
    page::routes()
}

/// The feature's API operations, mounted under /api/v1 by [`crate::api::api`].
pub fn api() -> ApiRouter {
    api::routes()
}

/// The filters and sorting of Te doen, as query parameters (Dutch names, as in the page's URL).
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    /// A task kind code (`urgentie`, `veiligheidsbeoordeling`, ...).
    pub taak: Option<String>,
    /// A gemeente of the region.
    pub gemeente: Option<String>,
    /// `1`: only overdue items.
    pub verlopen: Option<String>,
    /// `1`: only acute cases.
    pub acuut: Option<String>,
    /// `mij`: assigned to me; `niemand`: assigned to nobody.
    pub toegewezen: Option<String>,
    /// `termijn` (default), `taak`, `casus` or `gemeente`.
    pub sorteer: Option<String>,
    /// `op` (default) or `af`.
    pub richting: Option<String>,
}

/// The task kinds a queue can hold (the codes of the `case_deadlines` read model).
pub const TASK_KINDS: [&str; 8] = [
    "urgentie",
    "acute_actie",
    "veiligheidsbeoordeling",
    "overdracht_accepteren",
    "overdracht_wacht",
    "monitoringsmoment",
    "onderzoek",
    "terugkoppeling",
];

fn flag(field: &str, v: &Option<String>) -> Result<bool, FieldError> {
    match v.as_deref().map(str::trim) {
        None | Some("") | Some("0") => Ok(false),
        Some("1") => Ok(true),
        Some(_) => Err(FieldError::new(field, msg("error-queue-flag"))),
    }
}

fn some(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl Params {
    /// What the user asks of the queue; a value that is not one of the choices names its field.
    pub fn ask(&self, user: &CurrentUser, gemeenten: &[String]) -> Result<TeDoen, FieldError> {
        let org = user
            .membership
            .as_ref()
            .map(|m| m.org_id.clone())
            .unwrap_or_default();
        let role = user.membership.as_ref().map(|m| m.role.code().to_string());
        self.ask_as(org, &user.user.id, role, gemeenten)
    }

    /// [`Params::ask`] for the user `user_id` of `org` in `viewer_role`.
    pub fn ask_as(
        &self,
        org: String,
        user_id: &str,
        viewer_role: Option<String>,
        gemeenten: &[String],
    ) -> Result<TeDoen, FieldError> {
        let kind = match some(&self.taak) {
            Some(k) if TASK_KINDS.contains(&k) => Some(k.to_string()),
            Some(_) => return Err(FieldError::new("taak", msg("error-queue-choose"))),
            None => None,
        };
        let gemeente = match some(&self.gemeente) {
            Some(g) if gemeenten.iter().any(|x| x == g) => Some(g.to_string()),
            Some(_) => return Err(FieldError::new("gemeente", msg("error-queue-choose"))),
            None => None,
        };
        let (assigned_to, unassigned_only) = match some(&self.toegewezen) {
            None => (None, false),
            Some("mij") => (Some(user_id.to_string()), false),
            Some("niemand") => (None, true),
            Some(_) => return Err(FieldError::new("toegewezen", msg("error-queue-choose"))),
        };
        let sort = match some(&self.sorteer) {
            None => QueueSort::Due,
            Some(s) => QueueSort::parse(s)
                .ok_or_else(|| FieldError::new("sorteer", msg("error-queue-choose")))?,
        };
        let descending = match some(&self.richting) {
            None | Some("op") => false,
            Some("af") => true,
            Some(_) => return Err(FieldError::new("richting", msg("error-queue-choose"))),
        };
        Ok(TeDoen {
            org_id: org,
            filter: QueueFilter {
                kind,
                gemeente,
                overdue_only: flag("verlopen", &self.verlopen)?,
                acute_only: flag("acuut", &self.acuut)?,
                assigned_to,
                unassigned_only,
                viewer_role,
            },
            sort,
            descending,
            with_load: false,
        })
    }
}
