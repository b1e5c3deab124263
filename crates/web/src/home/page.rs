//! The start page, shaped by the role the user acts in.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use schakel_domain::access::{
    Action, Decision, Participation, Resource, ResourceKind, decide, participations_that_may,
};
use schakel_domain::org::Role;
use serde::Deserialize;

use crate::frame::PageUser;
use crate::frame::{PageCtx, render};
use crate::gate::{self, Access};
use crate::i18n::{t, t_args};
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new().route("/", get(home))
}

const PAGE_SIZE: i64 = 25;

pub struct QueueRow {
    pub id: String,
    pub case_number: String,
    pub title: String,
    pub kind: String,
    pub status: String,
    pub relation: String,
    pub updated: String,
}

pub struct Queue {
    pub title: String,
    pub rows: Vec<QueueRow>,
    pub prev_page: Option<i64>,
    pub next_page: Option<i64>,
    /// Closed cases are listed too (the control "toon gesloten", issue 7).
    pub with_closed: bool,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: PageCtx,
    heading: String,
    intro: String,
    queue: Option<Queue>,
    links: Vec<(&'static str, String, String)>,
    gemeenten: Vec<(String, usize)>,
    /// Policy and programme staff: the region's current counts.
    region: Option<super::region::Glance>,
    /// A school or childcare contact: the empty state that says what will appear here.
    school: bool,
}

#[derive(Deserialize)]
struct HomeQuery {
    pagina: Option<i64>,
    /// `1`: list closed cases too; by default the start page lists open cases only.
    gesloten: Option<String>,
}

async fn home(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(q): Query<HomeQuery>,
) -> Result<Response, AppError> {
    let Some(membership) = user.membership.clone() else {
        return Ok(Redirect::to("/kies-rol").into_response());
    };
    let page_no = q.pagina.unwrap_or(1).max(1);
    let with_closed = q.gesloten.as_deref() == Some("1");
    let mut page = HomePage {
        page: PageCtx::for_user(&state, &user, "/"),
        heading: t_args("home-welcome", &[("name", &user.user.display_name)]),
        intro: String::new(),
        queue: None,
        links: Vec::new(),
        gemeenten: Vec::new(),
        region: None,
        school: false,
    };
    match membership.role {
        Role::Medewerker | Role::Teamleider if membership.org_kind.handles_cases() => {
            page.intro = if membership.role == Role::Teamleider {
                t("home-intro-teamleider")
            } else {
                t("home-intro-medewerker")
            };
            // A list of cases is a search in personal data: the policy decides and the log records it.
            gate::authorize(
                &state,
                &user,
                Access::new(Action::Search, ResourceKind::Case).reason(Some("werkvoorraad".into())),
            )
            .await?;
            // The policy says in which participations the organisation may read a case.
            let actor = user.actor(None).ok_or(AppError::Unauthenticated)?;
            let relations = participations_that_may(&actor, Action::Read, ResourceKind::Case);
            let offset = (page_no - 1) * PAGE_SIZE;
            let cases = state
                .store
                .cases_of_org(
                    &membership.org_id,
                    &relations,
                    !with_closed,
                    PAGE_SIZE + 1,
                    offset,
                )
                .await?;
            let has_more = cases.len() as i64 > PAGE_SIZE;
            let cases: Vec<_> = cases.into_iter().take(PAGE_SIZE as usize).collect();
            let ids: Vec<String> = cases.iter().map(|c| c.id.clone()).collect();
            let relations = state
                .store
                .participations_of_org(&membership.org_id, &ids)
                .await?;
            let rows = cases
                .into_iter()
                .map(|c| {
                    let relation = relations
                        .iter()
                        .filter(|(id, _)| *id == c.id)
                        .map(|(_, p)| *p)
                        .min()
                        .map(Participation::label)
                        .unwrap_or_default();
                    QueueRow {
                        relation,
                        updated: crate::display::moment(&c.updated_at),
                        id: c.id,
                        case_number: c.case_number.unwrap_or_default(),
                        title: c.title,
                        kind: crate::display::case_kind(&c.kind),
                        status: crate::display::phase(&c.status),
                    }
                })
                .collect();
            page.queue = Some(Queue {
                title: if membership.role == Role::Teamleider {
                    t("home-queue-title-team")
                } else {
                    t("home-queue-title")
                },
                rows,
                prev_page: (page_no > 1).then(|| page_no - 1),
                next_page: has_more.then(|| page_no + 1),
                with_closed,
            });
        }
        Role::Beheerder => {
            page.intro = t("home-intro-beheerder");
            page.links = vec![
                (
                    "/beheer/gebruikers",
                    t("home-link-users"),
                    t("home-link-users-description"),
                ),
                (
                    "/organisaties",
                    t("home-link-organisations"),
                    t("home-link-organisations-description"),
                ),
            ];
        }
        Role::PrivacyOfficer => {
            page.intro = t("home-intro-privacy-officer");
            page.links = vec![
                (
                    "/toegangslog",
                    t("home-link-access-log"),
                    t("home-link-access-log-description"),
                ),
                (
                    "/toegangslog?nood=1",
                    t("home-link-break-glass"),
                    t("home-link-break-glass-description"),
                ),
            ];
        }
        // Policy and programme staff (and anyone of an organisation without cases) see the region:
        // its current counts where the policy lets the role read the monitor, else its gemeenten.
        Role::Beleidsmedewerker | Role::Medewerker | Role::Teamleider => {
            page.intro = t("home-intro-region");
            let actor = user.actor(None).ok_or(AppError::Unauthenticated)?;
            let may_read_monitor = matches!(
                decide(&actor, Action::Read, &Resource::new(ResourceKind::Monitor)),
                Decision::Allow(_)
            );
            if may_read_monitor {
                page.region = Some(super::region::glance(&state).await?);
            } else {
                let orgs = state.store.organisations().await?;
                page.gemeenten = state
                    .store
                    .gemeenten()
                    .await?
                    .into_iter()
                    .map(|g| {
                        let n = orgs
                            .iter()
                            .filter(|o| o.gemeenten.contains(&g.name))
                            .count();
                        (g.name, n)
                    })
                    .collect();
            }
        }
        Role::SchoolContact => {
            page.intro = t("home-intro-school-contact");
            page.school = true;
        }
    }
    render(&page)
}
