//! The intake page: one form for an advies or a melding, a known-before check, then registration.

pub(crate) mod form;
mod known;
mod requests;

use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use schakel_app::RegisterIntake;
use schakel_domain::access::{Action, ResourceKind};
use schakel_domain::codes::ids;
use schakel_domain::intake::MAX_BETROKKENEN;
use schakel_domain::{FieldError, FieldErrors};

use self::form::{self as flow, Posted};
use self::known::KnownView;
use crate::auth::session::CurrentUser;
use crate::csrf::check_csrf;
use crate::forms::FormErrors;
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
    errors: FormErrors,
    /// The ids of the first checkbox of the kinds of violence and of the specific groups, where
    /// those groups' errors show.
    ag_first: String,
    sg_first: String,
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
    /// What professionals sent from their meldcode dossiers, waiting (issue 11).
    waiting: Vec<requests::Waiting>,
    /// The request this form was filled from, when it was.
    from_meldcode: Option<requests::FromMeldcode>,
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
    errors: Vec<FieldError>,
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
    let first = |list: &[(String, String)]| list.first().map(|c| c.0.clone()).unwrap_or_default();
    let (first_violence, first_group) = (first(&lists.geweld), first(&lists.groepen));
    let mut errors: Vec<_> = errors
        .into_iter()
        .map(|e| (flow::place(&e.field, &first_violence, &first_group).0, e))
        .collect();
    errors.sort_by_key(|(rank, _)| *rank);
    let errors = FormErrors::placed(errors.iter().map(|(_, e)| e), |f| {
        let (_, id, label) = flow::place(f, &first_violence, &first_group);
        (id, label)
    });
    let (waiting, from_meldcode) = match p.get("aanvraag") {
        "" => (requests::waiting(state, user).await?, None),
        id => (Vec::new(), requests::notice(state, user, id).await?),
    };
    let status = if !errors.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut res = render(&IntakePage {
        page: PageCtx::for_user(state, user, "/intake"),
        ag_first: format!("ag-{first_violence}"),
        sg_first: format!("sg-{first_group}"),
        lists,
        errors,
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
        waiting,
        from_meldcode,
    })?;
    *res.status_mut() = status;
    Ok(res)
}

#[derive(serde::Deserialize)]
struct FormQuery {
    /// A request from a meldcode dossier to take into the form.
    #[serde(default)]
    aanvraag: Option<String>,
}

async fn form(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    axum::extract::Query(q): axum::extract::Query<FormQuery>,
) -> Result<Response, AppError> {
    guard(&state, &user).await?;
    let posted = match q.aanvraag.as_deref() {
        Some(id) if !id.is_empty() => requests::prefill(&state, &user, id).await?,
        _ => Posted(Vec::new()),
    };
    let rows = posted.rows().max(flow::DEFAULT_ROWS);
    page(&state, &user, &posted, rows, Vec::new(), None).await
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
                page(&state, &user, &p, more, Vec::new(), None).await
            }
            "registreren" => {
                let (intake, parse_errors) =
                    flow::intake_from(&p, now, &state.config.rules.codes.aard_geweld);
                if !parse_errors.is_empty() {
                    return Err(all_errors(&state, &user, intake, parse_errors, now).await?);
                }
                if !p.get("aanvraag").is_empty() {
                    requests::still_waiting(&state, &user, p.get("aanvraag")).await?;
                }
                let (confirmed, rejected, join_case) = known::decisions(&p);
                let command = RegisterIntake {
                    intake,
                    confirmed,
                    rejected,
                    join_case,
                };
                let acting = acting(&user)?;
                let done =
                    schakel_app::register_intake(&state.store, &acting, &policy, now, command)
                        .await?;
                if !p.get("aanvraag").is_empty() {
                    requests::registered(&state, p.get("aanvraag"), &done.case_id).await?;
                }
                Ok(Redirect::to(&format!("/casussen/{}", done.case_id)).into_response())
            }
            _ => {
                let (intake, parse_errors) =
                    flow::intake_from(&p, now, &state.config.rules.codes.aard_geweld);
                if !parse_errors.is_empty() {
                    return Err(all_errors(&state, &user, intake, parse_errors, now).await?);
                }
                let (_, found) =
                    schakel_app::check_known(&state.store, &policy, now, intake).await?;
                let view = KnownView::new(&found, &p, None);
                page(&state, &user, &p, rows, Vec::new(), Some(view)).await
            }
        }
    }
    .await;
    match result {
        // A choice of the known-before step left open: the step again, the error at its choice.
        Err(AppError::BadInput(e)) if known::is_known_field(&e.field) => {
            let (intake, _) = flow::intake_from(&p, now, &state.config.rules.codes.aard_geweld);
            let (_, found) = schakel_app::check_known(&state.store, &policy, now, intake).await?;
            let view = KnownView::new(&found, &p, Some((&e.field, e.message.to_string())));
            let mut res = page(&state, &user, &p, rows, Vec::new(), Some(view)).await?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(AppError::BadInput(e)) => page(&state, &user, &p, rows, vec![e], None).await,
        Err(AppError::BadInputs(all)) => page(&state, &user, &p, rows, all.into_vec(), None).await,
        other => other,
    }
}

/// The errors of a form whose input did not all parse: those, and what the domain finds wrong in
/// the rest (issue 7: all errors at once). Asks the policy first, as checking would.
async fn all_errors(
    state: &AppState,
    user: &CurrentUser,
    mut intake: schakel_domain::intake::Intake,
    parse_errors: Vec<FieldError>,
    now: time::OffsetDateTime,
) -> Result<AppError, AppError> {
    guard(state, user).await?;
    let gemeenten: Vec<String> = state
        .store
        .gemeenten()
        .await?
        .into_iter()
        .map(|g| g.name)
        .collect();
    // Stand-in ids: the real ones are given when the intake is registered.
    for (i, b) in intake.betrokkenen.iter_mut().enumerate() {
        b.person_id = format!("rij-{i}");
    }
    let mut all = parse_errors;
    if let Err(more) = intake.validated_all(&gemeenten, now) {
        for e in more.into_vec() {
            if !all.iter().any(|o| o.field == e.field) {
                all.push(e);
            }
        }
    }
    Ok(FieldErrors::from_vec(all).map_or_else(
        || AppError::internal("no errors to show"),
        AppError::BadInputs,
    ))
}
