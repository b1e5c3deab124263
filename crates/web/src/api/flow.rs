//! The Veilig Thuis flow over the API: intake with the known-before check, commands on a case
//! (urgency, assessment, decision, handover, monitoring, closing), feedback to the reporter, and the
//! organisation's work queue. Every write is a use case of `schakel-app`; the API sends commands,
//! never domain events.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use schakel_app::{CaseCommand, RegisterIntake};
use schakel_domain::access::{Action, Sensitivity};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

use crate::api::dto::{
    CommandBody, ErrorBody, IntakeDto, MatchDto, Moment, RecordedDto, RegisterBody, RegisteredDto,
};
use crate::api::{ApiJson, ApiPath, ApiQuery, ApiResult, ApiRouter, ApiUser};
use crate::auth::session::CurrentUser;
use crate::usecase::{GatePolicy, acting};
use crate::{AppError, AppState, gate, usecase};

pub fn routes() -> ApiRouter {
    ApiRouter::new(Default::default())
        .routes(routes!(register))
        .routes(routes!(known_check))
        .routes(routes!(append_command))
        .routes(routes!(feedback))
        .routes(routes!(work_queue))
}

/// Register an advies or melding. The server runs the known-before check, links the betrokkenen to
/// known persons, classifies the melding and joins an open casus; none of that can be sent.
#[utoipa::path(
    post,
    path = "/intakes",
    tag = "intake",
    params(("X-CSRF-Token" = String, Header)),
    request_body = RegisterBody,
    responses(
        (status = 201, body = RegisteredDto),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn register(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<RegisterBody>,
) -> ApiResult<(StatusCode, Json<RegisteredDto>)> {
    let command = RegisterIntake {
        intake: body.intake.into_domain()?,
        confirmed: body.bevestigd,
    };
    let policy = GatePolicy {
        state: &state,
        user: &user,
    };
    let done = schakel_app::register_intake(
        &state.store,
        &acting(&user)?,
        &policy,
        state.clock.now(),
        command,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(done.into())))
}

/// The known-before check on its own: which known persons match the betrokkenen (only in cases the
/// user may read; the look is in the access log).
#[utoipa::path(
    post,
    path = "/intakes/known-check",
    tag = "intake",
    params(("X-CSRF-Token" = String, Header)),
    request_body = IntakeDto,
    responses(
        (status = 200, body = Vec<MatchDto>),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn known_check(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(intake): ApiJson<IntakeDto>,
) -> ApiResult<Json<Vec<MatchDto>>> {
    let policy = GatePolicy {
        state: &state,
        user: &user,
    };
    let (_, matches) = schakel_app::check_known(
        &state.store,
        &policy,
        state.clock.now(),
        intake.into_domain()?,
    )
    .await?;
    Ok(Json(matches.into_iter().map(MatchDto::from).collect()))
}

/// Run a command on a case after the sequence number the writer saw (409 when stale; 422 when the
/// lifecycle does not allow it now, naming the field).
#[utoipa::path(
    post,
    path = "/cases/{id}/events",
    tag = "cases",
    params(("id" = String, Path), ("X-CSRF-Token" = String, Header)),
    request_body = CommandBody,
    responses(
        (status = 201, body = RecordedDto),
        (status = 409, description = "Iemand anders schreef eerst", body = ErrorBody),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn append_command(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<CommandBody>,
) -> ApiResult<(StatusCode, Json<RecordedDto>)> {
    run_command(&state, &user, &id, body.expected_seq, body.command.into()).await
}

/// The one road for a write to a case over the API: the gate (policy and access log), then the
/// use case.
pub(super) async fn run_command(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    expected_seq: i64,
    command: CaseCommand,
) -> ApiResult<(StatusCode, Json<RecordedDto>)> {
    let case = gate::open_case(state, user, id, Action::Update, Sensitivity::Normal, None).await?;
    let done = usecase::run(state, user, &case, expected_seq, command).await?;
    Ok((StatusCode::CREATED, Json(done.into())))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct FeedbackQuery {
    moment: Moment,
    /// The reporter has a role in the follow-up (then the conditions and agreements are shared).
    #[serde(default)]
    reporter_has_role: bool,
    /// The reporter is a doctor who acted only as informant.
    #[serde(default)]
    informant_doctor: bool,
}

#[derive(Serialize, ToSchema)]
struct FeedbackView {
    /// The composed feedback: `standard` with its content, or `no_standard_feedback`.
    #[schema(value_type = Object)]
    feedback: schakel_domain::feedback::Feedback,
    /// The feedback as sent to the reporter, in Dutch.
    text: Vec<String>,
}

/// The feedback owed to the reporter at a moment.
#[utoipa::path(
    get,
    path = "/cases/{id}/feedback",
    tag = "cases",
    params(("id" = String, Path), FeedbackQuery),
    responses(
        (status = 200, body = FeedbackView),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn feedback(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<FeedbackQuery>,
) -> ApiResult<Json<FeedbackView>> {
    let case = gate::open_case(&state, &user, &id, Action::Read, Sensitivity::Normal, None).await?;
    let feedback = crate::feedback::compose(
        &state,
        &case,
        q.moment.into(),
        q.reporter_has_role,
        q.informant_doctor,
    )
    .await?;
    let text = crate::feedback::lines(&feedback);
    Ok(Json(FeedbackView { feedback, text }))
}

#[derive(Serialize, ToSchema)]
struct QueueEntry {
    case_id: String,
    title: String,
    /// Stable code of what is due.
    kind: String,
    /// What is due, in Dutch.
    what: String,
    /// jjjj-mm-dd
    #[schema(format = Date)]
    due: String,
    /// Since when the item waits (an open handover: since its offer), RFC 3339.
    #[schema(format = DateTime)]
    since: Option<String>,
    overdue: bool,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct QueuePage {
    /// 1 to 500, default 100.
    limit: Option<i64>,
    offset: Option<i64>,
}

/// Every deadline the user's organisation owns, earliest first, overdue marked.
#[utoipa::path(
    get,
    path = "/work-queue",
    tag = "cases",
    params(QueuePage),
    responses(
        (status = 200, body = Vec<QueueEntry>),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn work_queue(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(p): ApiQuery<QueuePage>,
) -> ApiResult<Json<Vec<QueueEntry>>> {
    let limit = p.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(AppError::field("limit", "moet tussen 1 en 500 liggen").into());
    }
    let org = user.membership.as_ref().ok_or(AppError::Unauthenticated)?;
    let policy = GatePolicy {
        state: &state,
        user: &user,
    };
    let items = schakel_app::queue::work_queue(
        &state.store,
        &policy,
        &org.org_id,
        state.clock.now(),
        limit,
        p.offset.unwrap_or(0).max(0),
    )
    .await?;
    Ok(Json(
        items
            .into_iter()
            .map(|i| QueueEntry {
                case_id: i.case_id,
                title: i.title,
                kind: i.kind,
                what: i.what,
                due: i.due.to_string(),
                since: i.since.and_then(|s| {
                    s.format(&time::format_description::well_known::Rfc3339)
                        .ok()
                }),
                overdue: i.overdue,
            })
            .collect(),
    ))
}
