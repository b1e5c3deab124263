//! The intake page: one form for an advies or a melding, a known-before check, then registration.

pub(crate) mod form;
mod known;

use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use schakel_app::RegisterIntake;
use schakel_domain::access::{Action, ResourceKind};
use schakel_domain::codes::ids;
use schakel_domain::intake::MAX_BETROKKENEN;

use self::form::{self as flow, Posted};
use self::known::KnownView;
use crate::auth::session::CurrentUser;
use crate::csrf::check_csrf;
use crate::frame::PageUser;
use crate::frame::{PageCtx, code_options, render};
use crate::gate::{self, Access};
use crate::i18n::t;
use crate::usecase::{GatePolicy, acting};
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new().route("/intake", get(form).post(submit))
}

pub struct Lists {
    pub kanalen: Vec<(String, String)>,
    pub melders: Vec<(String, String)>,
    pub rollen: Vec<(String, String)>,
    pub geweld: Vec<(String, String)>,
    pub groepen: Vec<(String, String)>,
    pub geslachten: Vec<(String, String)>,
    pub gemeenten: Vec<String>,
}

pub struct RowValues {
    pub i: usize,
    pub n: usize,
    pub persoon_id: String,
    pub rol: String,
    pub naam: String,
    pub geboortedatum: String,
    pub leeftijd: String,
    pub geslacht: String,
    pub bsn: String,
    pub adres: String,
    pub gemeente: String,
}

#[derive(Template)]
#[template(path = "intake.html")]
struct IntakePage {
    page: PageCtx,
    lists: Lists,
    error: Option<(String, String)>,
    soort: String,
    ontvangen_op: String,
    kanaal: String,
    /// Type, name, organisation, contact, anonymous, role in the follow-up, informant doctor.
    melder: (String, String, String, String, bool, bool, bool),
    rows: Vec<RowValues>,
    geweld: Vec<String>,
    groepen: Vec<String>,
    omschrijving: String,
    checked: bool,
    known: KnownView,
}

async fn guard(state: &AppState, user: &CurrentUser) -> Result<(), AppError> {
    let access = Access::new(Action::Create, ResourceKind::Case);
    gate::authorize(state, user, access).await
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    p: &Posted,
    rows: usize,
    error: Option<(String, String)>,
    known: Option<KnownView>,
) -> Result<Response, AppError> {
    let lists = Lists {
        kanalen: code_options(ids::KANAAL, ids::SCHAKEL_1),
        melders: code_options(ids::MELDER, ids::CBS_2019),
        rollen: code_options(ids::ROL_BETROKKENE, ids::SCHAKEL_1),
        geweld: code_options(ids::AARD_GEWELD, &state.config.rules.codes.aard_geweld),
        groepen: code_options(ids::SPECIFIEKE_GROEP, ids::REGIOVISIE_2019),
        geslachten: [
            ("onbekend", t("intake-gender-unknown")),
            ("vrouw", t("intake-gender-woman")),
            ("man", t("intake-gender-man")),
            ("anders", t("intake-gender-other")),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b))
        .collect(),
        gemeenten: state
            .store
            .gemeenten()
            .await?
            .into_iter()
            .map(|g| g.name)
            .collect(),
    };
    let rows = (0..rows)
        .map(|i| {
            let f = |name: &str| p.get(&format!("betrokkenen[{i}].{name}")).to_string();
            RowValues {
                i,
                n: i + 1,
                persoon_id: f("persoon_id"),
                rol: f("rol"),
                naam: f("naam"),
                geboortedatum: f("geboortedatum"),
                leeftijd: f("geschatte_leeftijd"),
                geslacht: f("geslacht"),
                bsn: f("bsn"),
                adres: f("adres"),
                gemeente: f("gemeente"),
            }
        })
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut res = render(&IntakePage {
        page: PageCtx::for_user(state, user, "/intake"),
        lists,
        error,
        soort: p.get("soort").to_string(),
        ontvangen_op: p.get("ontvangen_op").to_string(),
        kanaal: p.get("kanaal").to_string(),
        melder: (
            p.get("melder.type").to_string(),
            p.get("melder.naam").to_string(),
            p.get("melder.organisatie").to_string(),
            p.get("melder.contact").to_string(),
            !p.get("melder.anoniem_naar_gezin").is_empty(),
            !p.get("melder.rol_in_vervolg").is_empty(),
            !p.get("melder.arts_informant").is_empty(),
        ),
        rows,
        geweld: p.all("aard_geweld"),
        groepen: p.all("specifieke_groepen"),
        omschrijving: p.get("omschrijving").to_string(),
        checked: known.is_some(),
        known: known.unwrap_or_default(),
    })?;
    *res.status_mut() = status;
    Ok(res)
}

async fn form(
    State(state): State<AppState>,
    PageUser(user): PageUser,
) -> Result<Response, AppError> {
    guard(&state, &user).await?;
    page(
        &state,
        &user,
        &Posted(Vec::new()),
        flow::DEFAULT_ROWS,
        None,
        None,
    )
    .await
}

async fn submit(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let p = Posted(pairs);
    check_csrf(&user, Some(p.get("csrf")))?;
    let rows = p.rows().max(flow::DEFAULT_ROWS);
    let now = state.clock.now();
    // Checking and registering ask the policy inside the use case; only "more rows" asks here.
    let policy = GatePolicy {
        state: &state,
        user: &user,
    };
    let result: Result<Response, AppError> = async {
        match p.get("stap") {
            "meer" => {
                guard(&state, &user).await?;
                // Two more empty rows, up to the most one melding may have.
                let more = (rows + 2).min(MAX_BETROKKENEN);
                page(&state, &user, &p, more, None, None).await
            }
            "registreren" => {
                let (confirmed, rejected, join_case) = known::decisions(&p);
                let command = RegisterIntake {
                    intake: flow::intake_from(&p, now, &state.config.rules.codes.aard_geweld)?,
                    confirmed,
                    rejected,
                    join_case,
                };
                let acting = acting(&user)?;
                let done =
                    schakel_app::register_intake(&state.store, &acting, &policy, now, command)
                        .await?;
                Ok(Redirect::to(&format!("/casussen/{}", done.case_id)).into_response())
            }
            _ => {
                let intake = flow::intake_from(&p, now, &state.config.rules.codes.aard_geweld)?;
                let (_, found) =
                    schakel_app::check_known(&state.store, &policy, now, intake).await?;
                let view = KnownView::new(&found, &p, None);
                page(&state, &user, &p, rows, None, Some(view)).await
            }
        }
    }
    .await;
    match result {
        // A choice of the known-before step left open: the step again, the error at its choice.
        Err(AppError::BadInput(e)) if known::is_known_field(&e.field) => {
            let intake = flow::intake_from(&p, now, &state.config.rules.codes.aard_geweld)?;
            let (_, found) = schakel_app::check_known(&state.store, &policy, now, intake).await?;
            let view = KnownView::new(&found, &p, Some((&e.field, e.message.to_string())));
            let mut res = page(&state, &user, &p, rows, None, Some(view)).await?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(AppError::BadInput(e)) => {
            page(
                &state,
                &user,
                &p,
                rows,
                Some((e.field, e.message.to_string())),
                None,
            )
            .await
        }
        other => other,
    }
}
