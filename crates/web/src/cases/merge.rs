//! Merging a person who was wrongly split (issue 7 rule breach 5), as a page reached from a
//! betrokkene on the case page ("Zelfde persoon als ...") and over the API. Both pass the gate for
//! `Update` on the case they start from, then on every case the merge involves
//! ([`schakel_app::MergePlan::cases`]), before the use case writes anything.

use askama::Template;
use axum::Json;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use schakel_app::{MergePersons, Merged};
use schakel_domain::access::Action;
use schakel_domain::org::OrgKind;
use schakel_domain::{FieldError, msg};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::routes;

use crate::api::dto::ErrorBody;
use crate::api::{ApiJson, ApiPath, ApiResult, ApiRouter, ApiUser};
use crate::auth::session::CurrentUser;
use crate::csrf::check_csrf;
use crate::forms::FormErrors;
use crate::frame::{PageCtx, PageUser, render};
use crate::gate::{self, OpenedCase};
use crate::i18n::t;
use crate::usecase::{GatePolicy, acting};
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/casussen/{id}/samenvoegen", get(page).post(merge))
}

pub fn api() -> ApiRouter {
    ApiRouter::new(Default::default()).routes(routes!(merge_api))
}

/// The one road of a merge: every case involved opened for `Update` through the gate (policy and
/// access log), then the use case. `from` is the case the merge was asked on (already opened).
async fn run_merge(
    state: &AppState,
    user: &CurrentUser,
    from: &OpenedCase,
    cmd: &MergePersons,
) -> Result<Merged, AppError> {
    // One of the two persons must be in the case the merge is asked on: the gate passed on that
    // case, and only there may the user name its persons.
    let here = |id: &str| from.persons.iter().any(|(p, _)| p.id == id.trim());
    if !here(&cmd.kept) && !here(&cmd.merged) {
        return Err(AppError::field(
            "merged_person",
            msg("merge-error-person-not-in-case"),
        ));
    }
    let plan = schakel_app::plan_merge(&state.store, cmd).await?;
    for case_id in plan.cases() {
        if case_id != from.summary.id {
            gate::open_case(state, user, &case_id, Action::Update, None).await?;
        }
    }
    let acting = acting(user)?;
    Ok(schakel_app::merge_persons(&state.store, &acting, state.clock.now(), &plan, cmd).await?)
}

// ---- API ----

/// Merge a wrongly split person: `merged_person` becomes `kept_person` in every case that holds
/// it (an event in each case's log); the kept person's name, date of birth and BSN stay.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeBody {
    /// The person that remains.
    pub kept_person: String,
    /// The person merged into it.
    pub merged_person: String,
    #[schema(max_length = 2000)]
    pub reason: String,
    /// Two different valid BSNs: confirm that they are one person nonetheless.
    #[serde(default)]
    pub confirm_different_bsn: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MergedCase {
    pub case_id: String,
    /// The case's last sequence number now.
    pub seq: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MergedDto {
    pub kept_person: String,
    pub merged_person: String,
    /// The cases that recorded the merge in their log.
    pub cases: Vec<MergedCase>,
}

/// Merge two persons, one of whom is in case `id`. Needs `Update` on every case either person is
/// in; 422 names the field (`kept_person`, `merged_person`, `reason`, `confirm_different_bsn`).
#[utoipa::path(
    post,
    path = "/cases/{id}/persons/merge",
    tag = "cases",
    params(("id" = String, Path), ("X-CSRF-Token" = String, Header)),
    request_body = MergeBody,
    responses(
        (status = 201, body = MergedDto),
        (status = 409, description = "Iemand anders schreef eerst", body = ErrorBody),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn merge_api(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<MergeBody>,
) -> ApiResult<(StatusCode, Json<MergedDto>)> {
    let case = gate::open_case(&state, &user, &id, Action::Update, None).await?;
    let cmd = MergePersons {
        kept: body.kept_person,
        merged: body.merged_person,
        reason: body.reason,
        confirm_different_bsn: body.confirm_different_bsn,
    };
    let done = run_merge(&state, &user, &case, &cmd).await?;
    Ok((
        StatusCode::CREATED,
        Json(MergedDto {
            kept_person: done.kept,
            merged_person: done.merged,
            cases: done
                .cases
                .into_iter()
                .map(|(case_id, seq)| MergedCase { case_id, seq })
                .collect(),
        }),
    ))
}

// ---- Page ----

/// One person as the form shows it.
pub struct PersonLine {
    pub id: String,
    pub name: String,
    pub born: String,
    pub bsn: String,
}

/// A candidate: a person in another case the user may read.
pub struct Candidate {
    pub person: PersonLine,
    pub case_id: String,
    pub case_label: String,
    /// "Naam lijkt, geboortedatum gelijk".
    pub summary: String,
}

#[derive(Template)]
#[template(path = "merge.html")]
struct MergePage {
    page: PageCtx,
    id: String,
    case_title: String,
    /// The case's persons, to choose the one to merge (when none is chosen).
    persons: Vec<PersonLine>,
    /// The chosen betrokkene of this case.
    this: Option<PersonLine>,
    /// Only Veilig Thuis merges persons.
    may_merge: bool,
    candidates: Vec<Candidate>,
    errors: FormErrors,
    /// What was sent, kept on a refusal.
    kandidaat: String,
    behouden: String,
    reden: String,
    bevestig_bsn: bool,
    /// Someone changed a case in between.
    conflict: bool,
}

#[derive(Deserialize)]
struct PageParams {
    persoon: Option<String>,
}

#[derive(Deserialize, Default)]
struct MergeForm {
    csrf: Option<String>,
    persoon: Option<String>,
    kandidaat: Option<String>,
    behouden: Option<String>,
    reden: Option<String>,
    bevestig_bsn: Option<String>,
}

fn line(p: &schakel_store::cases::PersonRecord) -> PersonLine {
    PersonLine {
        id: p.id.clone(),
        name: p.display_name.clone(),
        born: p
            .birth_date
            .as_deref()
            .map(crate::search::dutch_date)
            .unwrap_or_default(),
        bsn: p.bsn.clone().unwrap_or_default(),
    }
}

/// Where a field's error shows, with the label the user reads there.
fn place(field: &str) -> (String, String) {
    let (id, label) = match field {
        "persoon" => ("persoon", "merge-field-person"),
        "behouden" => ("behouden-deze", "merge-field-keep"),
        "reason" | "reden" => ("reden", "merge-field-reason"),
        "confirm_different_bsn" | "bevestig_bsn" => ("bevestig_bsn", "merge-field-confirm-bsn"),
        _ => ("kandidaat-1", "merge-field-candidate"),
    };
    (id.to_string(), t(label))
}

async fn page(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
    Query(q): Query<PageParams>,
) -> Result<Response, AppError> {
    let case = gate::open_case(&state, &user, &id, Action::Update, None).await?;
    let form = MergeForm {
        persoon: q.persoon,
        ..MergeForm::default()
    };
    if let Some(p) = form.persoon.as_deref().filter(|p| !p.trim().is_empty())
        && !case.persons.iter().any(|(x, _)| x.id == p.trim())
    {
        return Err(AppError::BadQuery(FieldError::new(
            "persoon",
            msg("merge-error-person-not-in-case"),
        )));
    }
    merge_page(&state, &user, &case, &form, Vec::new(), false).await
}

async fn merge_page(
    state: &AppState,
    user: &CurrentUser,
    case: &OpenedCase,
    form: &MergeForm,
    errors: Vec<FieldError>,
    conflict: bool,
) -> Result<Response, AppError> {
    let may_merge = user
        .membership
        .as_ref()
        .is_some_and(|m| m.org_kind == OrgKind::VeiligThuis);
    let chosen = form
        .persoon
        .as_deref()
        .map(str::trim)
        .and_then(|p| case.persons.iter().find(|(x, _)| x.id == p))
        .map(|(p, _)| p.clone());
    let mut candidates = Vec::new();
    if let (Some(p), true) = (&chosen, may_merge) {
        let policy = GatePolicy { state, user };
        let today = schakel_domain::calendar::dutch_local_date(state.clock.now());
        for m in schakel_app::merge_candidates(&state.store, &policy, p, today).await? {
            candidates.push(Candidate {
                person: line(&m.person),
                case_label: match &m.case_number {
                    Some(n) => n.clone(),
                    None => m.case_id.clone(),
                },
                case_id: m.case_id,
                summary: m.assessment.summary(),
            });
        }
    }
    let mut res = render(&MergePage {
        page: PageCtx::for_user(state, user, ""),
        id: case.summary.id.clone(),
        case_title: match &case.summary.case_number {
            Some(n) => format!("{n} · {}", case.summary.title),
            None => case.summary.title.clone(),
        },
        persons: case.persons.iter().map(|(p, _)| line(p)).collect(),
        this: chosen.as_ref().map(line),
        may_merge,
        candidates,
        errors: FormErrors::placed(&errors, place),
        kandidaat: form.kandidaat.clone().unwrap_or_default(),
        behouden: form.behouden.clone().unwrap_or_default(),
        reden: form.reden.clone().unwrap_or_default(),
        bevestig_bsn: form.bevestig_bsn.is_some(),
        conflict,
    })?;
    if !errors.is_empty() {
        *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    } else if conflict {
        *res.status_mut() = StatusCode::CONFLICT;
    }
    Ok(res)
}

/// A form value with something in it, trimmed.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The form's own checks, every failing field at once, before the use case's.
fn form_errors(form: &MergeForm) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if given(&form.kandidaat).is_none() {
        errors.push(FieldError::new(
            "kandidaat",
            msg("merge-error-choose-person"),
        ));
    }
    if !matches!(given(&form.behouden), Some("deze" | "kandidaat")) {
        errors.push(FieldError::new("behouden", msg("merge-error-choose-keep")));
    }
    if given(&form.reden).is_none() {
        errors.push(FieldError::new("reden", msg("case-required")));
    }
    errors
}

async fn merge(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<MergeForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, form.csrf.as_deref())?;
    let case = gate::open_case(&state, &user, &id, Action::Update, None).await?;
    // The betrokkene travels in a hidden field: without one of this case's persons the request
    // did not come from the form, and is refused without showing the case's persons.
    match given(&form.persoon) {
        Some(p) if case.persons.iter().any(|(x, _)| x.id == p) => {}
        Some(_) => {
            return Err(AppError::field(
                "persoon",
                msg("merge-error-person-not-in-case"),
            ));
        }
        None => return Err(AppError::field("persoon", msg("case-required"))),
    }
    let errors = form_errors(&form);
    if !errors.is_empty() {
        return merge_page(&state, &user, &case, &form, errors, false).await;
    }
    let this = form.persoon.clone().unwrap_or_default().trim().to_string();
    let other = form
        .kandidaat
        .clone()
        .unwrap_or_default()
        .trim()
        .to_string();
    let (kept, merged) = if form.behouden.as_deref().map(str::trim) == Some("deze") {
        (this, other)
    } else {
        (other, this)
    };
    let cmd = MergePersons {
        kept,
        merged,
        reason: form.reden.clone().unwrap_or_default(),
        confirm_different_bsn: form.bevestig_bsn.is_some(),
    };
    match run_merge(&state, &user, &case, &cmd).await {
        Ok(_) => Ok(Redirect::to(&format!("/casussen/{id}")).into_response()),
        Err(e @ (AppError::BadInput(_) | AppError::BadInputs(_))) => {
            let errors = e.field_errors().into_iter().cloned().collect();
            merge_page(&state, &user, &case, &form, errors, false).await
        }
        Err(AppError::Conflict(_)) => {
            merge_page(&state, &user, &case, &form, Vec::new(), true).await
        }
        Err(e) => Err(e),
    }
}
