//! The Veilig Thuis flow over the API: intake with the known-before check, domain events on a case
//! (urgency, assessment, decision, handover, monitoring, closing), feedback to the reporter, and the
//! organisation's work queue.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use schakel_domain::access::{Action, Sensitivity};
use schakel_domain::case::CaseEvent;
use schakel_domain::intake::Intake;
use serde::{Deserialize, Serialize};

use crate::api::{ApiJson, ApiResult, ApiUser};
use crate::intake::{self as flow, Registered, RowMatch};
use crate::pages::case_actions;
use crate::{AppError, AppState, casework, gate};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/intakes", post(register))
        .route("/intakes/known-check", post(known_check))
        .route("/cases/{id}/events", post(append_event))
        .route("/cases/{id}/feedback", get(feedback))
        .route("/work-queue", get(work_queue))
}

async fn may_create(
    state: &AppState,
    user: &crate::auth::session::CurrentUser,
) -> Result<(), AppError> {
    let access = gate::Access {
        action: Action::Create,
        resource_kind: schakel_domain::access::ResourceKind::Case,
        resource_id: None,
        clients: vec![],
        reason: None,
    };
    gate::authorize(state, user, access).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntakeBody {
    intake: Intake,
    /// Similar matches the user confirmed as the same person: `person_id|case_id` keys from the check.
    #[serde(default)]
    bevestigd: Vec<String>,
}

async fn register(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<IntakeBody>,
) -> ApiResult<(StatusCode, Json<Registered>)> {
    may_create(&state, &user).await?;
    let done = flow::register(&state, &user, body.intake, &body.bevestigd).await?;
    Ok((StatusCode::CREATED, Json(done)))
}

async fn known_check(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(intake): ApiJson<Intake>,
) -> ApiResult<Json<Vec<RowMatch>>> {
    may_create(&state, &user).await?;
    let gemeenten: Vec<String> = state
        .store
        .gemeenten()
        .await?
        .into_iter()
        .map(|g| g.name)
        .collect();
    let intake = flow::with_person_ids(intake).validated(&gemeenten, state.clock.now())?;
    Ok(Json(flow::known_before(&state, &user, &intake).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventBody {
    /// The last sequence number the writer saw; a stale one gets 409.
    expected_seq: i64,
    event: CaseEvent,
}

#[derive(Serialize)]
pub(super) struct Appended {
    seq: i64,
}

async fn append_event(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<EventBody>,
) -> ApiResult<(StatusCode, Json<Appended>)> {
    record_event(&state, &user, &id, body.expected_seq, body.event).await
}

/// The one road for a write to a case over the API: the gate (policy and access log), then the
/// domain through casework, after the sequence number the writer saw.
pub(super) async fn record_event(
    state: &AppState,
    user: &crate::auth::session::CurrentUser,
    id: &str,
    expected_seq: i64,
    event: CaseEvent,
) -> ApiResult<(StatusCode, Json<Appended>)> {
    let case = gate::open_case(state, user, id, Action::Update, Sensitivity::Normal, None).await?;
    casework::check_regiehouder(state, user, &event).await?;
    let seq = casework::append(state, user, &case, expected_seq, event).await?;
    Ok((StatusCode::CREATED, Json(Appended { seq })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedbackQuery {
    moment: String,
    #[serde(default)]
    reporter_has_role: bool,
    #[serde(default)]
    informant_doctor: bool,
}

#[derive(Serialize)]
struct FeedbackView {
    feedback: schakel_domain::feedback::Feedback,
    text: Vec<String>,
}

async fn feedback(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    Query(q): Query<FeedbackQuery>,
) -> ApiResult<Json<FeedbackView>> {
    let moment = case_actions::parse_moment("moment", &q.moment)?;
    let case = gate::open_case(&state, &user, &id, Action::Read, Sensitivity::Normal, None).await?;
    let feedback = crate::feedback::compose(
        &state,
        &case,
        moment,
        q.reporter_has_role,
        q.informant_doctor,
    )
    .await?;
    let text = crate::feedback::lines(&feedback);
    Ok(Json(FeedbackView { feedback, text }))
}

#[derive(Serialize)]
struct QueueEntry {
    case_id: String,
    title: String,
    what: String,
    due: String,
    since: String,
    overdue: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QueuePage {
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn work_queue(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(p): Query<QueuePage>,
) -> ApiResult<Json<Vec<QueueEntry>>> {
    let limit = p.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(AppError::field("limit", "moet tussen 1 en 500 liggen").into());
    }
    let items =
        crate::pages::queue::items(&state, &user, limit, p.offset.unwrap_or(0).max(0)).await?;
    Ok(Json(
        items
            .into_iter()
            .map(|i| QueueEntry {
                case_id: i.case_id,
                title: i.title,
                what: i.what,
                due: i.due,
                since: i.since,
                overdue: i.overdue,
            })
            .collect(),
    ))
}
