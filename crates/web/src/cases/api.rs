//! Cases over the API: the list, one case, its events, notes, commands (urgency, assessment,
//! decision, handover, monitoring, closing) and the feedback owed to the reporter. Every route
//! passes [`gate::open_case`] (policy, then access log); every write is a use case of
//! `schakel-app`, so the API sends commands, never domain events.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use schakel_domain::access::{Action, Participation, ResourceKind, participations_that_may};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

use super::dto::{CaseSummarySchema, CommandBody, EventSchema, Moment, NoteBody, RecordedDto};
use crate::api::dto::ErrorBody;
use crate::api::{ApiJson, ApiPath, ApiQuery, ApiResult, ApiRouter, ApiUser};
use crate::auth::session::CurrentUser;
use crate::gate::{self, Access};
use crate::{AppError, AppState, usecase};
use schakel_app::CaseCommand;

pub fn routes() -> ApiRouter {
    ApiRouter::new(Default::default())
        .routes(routes!(list))
        .routes(routes!(one))
        .routes(routes!(events))
        .routes(routes!(add_note))
        .routes(routes!(append_command))
        .routes(routes!(feedback))
        .routes(routes!(feedback_sent))
}

/// Break-the-glass over the API: the reason travels in a header, never in the URL (URLs end up in
/// proxy logs).
fn break_glass_reason(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-break-glass-reason")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct Page {
    /// 1 to 500, default 50.
    pub(crate) limit: Option<i64>,
    pub(crate) offset: Option<i64>,
}

/// The cases the user's organisation takes part in.
#[utoipa::path(
    get,
    path = "/cases",
    tag = "cases",
    params(Page),
    responses(
        (status = 200, body = Vec<CaseSummarySchema>),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(p): ApiQuery<Page>,
) -> ApiResult<Json<Vec<schakel_store::cases::CaseSummary>>> {
    let access =
        Access::new(Action::Search, ResourceKind::Case).reason(Some("werkvoorraad".into()));
    gate::authorize(&state, &user, access).await?;
    let org = user.membership.as_ref().ok_or(AppError::Unauthenticated)?;
    let (limit, offset) = crate::api::paging(p.limit, p.offset, 50)?;
    // The policy says in which participations this user's organisation may read a case.
    let actor = user.actor(None).ok_or(AppError::Unauthenticated)?;
    let relations = participations_that_may(&actor, Action::Read, ResourceKind::Case);
    Ok(Json(
        state
            .store
            .cases_for_org(&org.org_id, &relations, limit, offset)
            .await?,
    ))
}

#[derive(Serialize, ToSchema)]
struct CaseView {
    #[serde(flatten)]
    #[schema(inline, value_type = CaseSummarySchema)]
    summary: schakel_store::cases::CaseSummary,
    ground: String,
    participants: Vec<Participant>,
    persons: Vec<Person>,
    /// Set when break-the-glass was asked for but the organisation takes part in the case: the
    /// access went on that ground and break-the-glass was not used.
    #[serde(skip_serializing_if = "Option::is_none")]
    warning: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct Participant {
    organisation_id: String,
    #[schema(value_type = String)]
    participation: Participation,
}

#[derive(Serialize, ToSchema)]
struct Person {
    id: String,
    name: String,
    birth_date: Option<String>,
    role: String,
}

/// One case. Break-the-glass: the reason travels in `X-Break-Glass-Reason`.
#[utoipa::path(
    get,
    path = "/cases/{id}",
    tag = "cases",
    params(("id" = String, Path), ("X-Break-Glass-Reason" = Option<String>, Header, description = "Noodtoegang: reden (minstens 10 tekens) om een casus zonder betrokkenheid te lezen.")),
    responses(
        (status = 200, body = CaseView),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn one(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<CaseView>> {
    let case = gate::open_case(
        &state,
        &user,
        &id,
        Action::Read,
        break_glass_reason(&headers),
    )
    .await?;
    Ok(Json(CaseView {
        ground: case.ground.code(),
        participants: case
            .participants
            .iter()
            .map(|(o, p)| Participant {
                organisation_id: o.clone(),
                participation: *p,
            })
            .collect(),
        persons: case
            .persons
            .iter()
            .map(|(p, role)| Person {
                id: p.id.clone(),
                name: p.display_name.clone(),
                birth_date: p.birth_date.clone(),
                role: role.clone(),
            })
            .collect(),
        warning: case
            .break_glass_unneeded
            .then(|| crate::i18n::t("break-glass-unneeded")),
        summary: case.summary,
    }))
}

/// The history of a case.
#[utoipa::path(
    get,
    path = "/cases/{id}/events",
    tag = "cases",
    params(("id" = String, Path), ("X-Break-Glass-Reason" = Option<String>, Header, description = "Noodtoegang: reden (minstens 10 tekens).")),
    responses(
        (status = 200, body = Vec<EventSchema>),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn events(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<Vec<schakel_store::cases::StoredEvent>>> {
    let case = gate::open_case(
        &state,
        &user,
        &id,
        Action::Read,
        break_glass_reason(&headers),
    )
    .await?;
    Ok(Json(case.events(&state).await?))
}

/// Add a note (the same as the `add_note` command on `/cases/{id}/events`).
#[utoipa::path(
    post,
    path = "/cases/{id}/notes",
    tag = "cases",
    params(("id" = String, Path), ("X-CSRF-Token" = String, Header)),
    request_body = NoteBody,
    responses(
        (status = 201, body = RecordedDto),
        (status = 409, description = "Iemand anders schreef eerst", body = ErrorBody),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn add_note(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<NoteBody>,
) -> ApiResult<(StatusCode, Json<RecordedDto>)> {
    let note = schakel_app::CaseCommand::AddNote { text: body.text };
    run_command(&state, &user, &id, body.expected_seq, note).await
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
async fn run_command(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    expected_seq: i64,
    command: CaseCommand,
) -> ApiResult<(StatusCode, Json<RecordedDto>)> {
    let case = gate::open_case(state, user, id, command.action(), None).await?;
    let done = usecase::run(state, user, &case, expected_seq, command).await?;
    Ok((StatusCode::CREATED, Json(done.into())))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct FeedbackQuery {
    /// Whether the reporter has a role in the follow-up, or is a doctor who was only informant,
    /// is part of the intake (`melder.rol_in_vervolg`, `melder.arts_informant`).
    moment: Moment,
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
    let case = gate::open_case(&state, &user, &id, Action::Read, None).await?;
    let feedback = super::feedback::compose(&state, &case, q.moment.into()).await?;
    let text = super::feedback::lines(&feedback);
    Ok(Json(FeedbackView { feedback, text }))
}

/// The feedback Veilig Thuis sent about a case: a professional reporter's organisation reads the
/// feedback addressed to it (without access to the file); Veilig Thuis and the organisations in
/// the case read all of it (RULES.md 2.4).
#[utoipa::path(
    get,
    path = "/cases/{id}/feedback/sent",
    tag = "cases",
    params(("id" = String, Path)),
    responses(
        (status = 200, body = Vec<gate::SentFeedback>),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn feedback_sent(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Vec<gate::SentFeedback>>> {
    Ok(Json(gate::reporter_feedback(&state, &user, &id).await?))
}
