//! The action programme over the API: its state (actions with status, rounds, working groups,
//! signals), updating one action, and opening a round. Writes carry the programme's sequence
//! number the writer saw (409 when someone wrote first).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use schakel_domain::access::{Action, is_projectleider};
use schakel_domain::calendar::dutch_local_date;
use schakel_domain::programme::{ActionStatus, ProgrammeCommand, ProgrammeState, Signals};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::routes;

use super::{allowed, author, required};
use crate::AppState;
use crate::api::dto::ErrorBody;
use crate::api::{ApiJson, ApiPath, ApiResult, ApiRouter, ApiUser};

pub fn routes() -> ApiRouter {
    ApiRouter::new(Default::default())
        .routes(routes!(programme))
        .routes(routes!(update_action))
        .routes(routes!(open_round))
}

/// One action with its place and progress.
#[derive(Serialize, ToSchema)]
pub struct ActionDto {
    /// "2.3.1": action line, theme, action.
    pub key: String,
    pub line: u8,
    pub what: String,
    pub how: String,
    pub timing: Option<String>,
    /// The owning working group's code.
    pub working_group: Option<String>,
    /// niet_gestart, loopt, vertraagd, afgerond or vervallen.
    pub status: String,
    pub notes: usize,
    /// Whether the caller may update it.
    pub editable: bool,
}

#[derive(Serialize, ToSchema)]
pub struct RoundDto {
    pub number: u32,
    /// "2e helft 2026".
    pub half_year: String,
    /// YYYY-MM-DD.
    pub due: String,
    pub open: bool,
}

#[derive(Serialize, ToSchema)]
pub struct GroupDto {
    pub code: String,
    pub name: String,
    pub members: Vec<String>,
    pub trekkers: Vec<String>,
}

/// The programme as the caller may see it.
#[derive(Serialize, ToSchema)]
pub struct ProgrammeDto {
    pub name: String,
    pub from_year: i32,
    pub to_year: i32,
    pub client: String,
    /// The programme's last sequence number; a write expects it.
    pub seq: u64,
    pub actions: Vec<ActionDto>,
    pub rounds: Vec<RoundDto>,
    pub working_groups: Vec<GroupDto>,
    /// For the projectleider only: action keys past their planned timing, without owner, slipping
    /// over rounds, and the working groups that did not respond.
    #[schema(value_type = Option<Object>)]
    pub signals: Option<Signals>,
}

fn dto(
    programme: &ProgrammeState,
    actor: &schakel_domain::access::Actor,
    today: time::Date,
) -> ProgrammeDto {
    let def = &programme.programme;
    ProgrammeDto {
        name: def.name.clone(),
        from_year: def.from_year,
        to_year: def.to_year,
        client: def.client.clone(),
        seq: programme.seq,
        actions: def
            .keyed_actions()
            .map(|(key, line, theme, action)| {
                let progress = programme.progress_of(&key);
                ActionDto {
                    line: line.number,
                    what: theme.what.clone(),
                    how: action.how.clone(),
                    timing: action.timing.as_ref().map(|t| t.text.clone()),
                    working_group: action.owner(theme).map(str::to_string),
                    status: progress.status.code().to_string(),
                    notes: progress.notes.len(),
                    editable: super::may_update(programme, actor, &key),
                    key,
                }
            })
            .collect(),
        rounds: programme
            .rounds
            .iter()
            .map(|r| RoundDto {
                number: r.number,
                half_year: r.half_year.label(),
                due: r.due.to_string(),
                open: r.is_open(),
            })
            .collect(),
        working_groups: def
            .working_groups
            .iter()
            .map(|g| GroupDto {
                code: g.code.clone(),
                name: g.name.clone(),
                members: programme
                    .members
                    .iter()
                    .filter(|m| m.group == g.code)
                    .map(|m| m.name.clone())
                    .collect(),
                trekkers: programme
                    .members
                    .iter()
                    .filter(|m| m.group == g.code && m.trekker)
                    .map(|m| m.name.clone())
                    .collect(),
            })
            .collect(),
        signals: is_projectleider(actor).then(|| programme.signals(today)),
    }
}

/// The region's action programme.
#[utoipa::path(
    get,
    path = "/programme",
    tag = "programme",
    responses(
        (status = 200, body = ProgrammeDto),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn programme(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<ProgrammeDto>> {
    let actor = allowed(&user, Action::Read)?;
    let (_, programme) = required(&state).await?;
    Ok(Json(dto(
        &programme,
        &actor,
        dutch_local_date(state.clock.now()),
    )))
}

/// A new status and note for one action.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateBody {
    pub expected_seq: u64,
    /// niet_gestart, loopt, vertraagd, afgerond or vervallen.
    pub status: String,
    /// Required when the status is vertraagd or vervallen.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: String,
}

/// What a write answers: the programme's new sequence number.
#[derive(Serialize, ToSchema)]
pub struct WrittenDto {
    pub seq: u64,
}

async fn write(
    state: &AppState,
    user: &crate::auth::session::CurrentUser,
    action: Action,
    expected: u64,
    command: ProgrammeCommand,
) -> ApiResult<(StatusCode, Json<WrittenDto>)> {
    let actor = allowed(user, action)?;
    let (id, _) = required(state).await?;
    let after = schakel_app::programme::run(
        &state.store,
        &id,
        &actor,
        &author(user),
        command,
        state.clock.now(),
        Some(expected),
    )
    .await
    .map_err(crate::AppError::from)?;
    Ok((StatusCode::CREATED, Json(WrittenDto { seq: after.seq })))
}

/// Update one action (the projectleider, or a member of the working group that owns it).
#[utoipa::path(
    post,
    path = "/programme/actions/{key}",
    tag = "programme",
    params(("key" = String, Path), ("X-CSRF-Token" = String, Header)),
    request_body = UpdateBody,
    responses(
        (status = 201, body = WrittenDto),
        (status = 409, description = "Iemand anders schreef eerst", body = ErrorBody),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn update_action(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(key): ApiPath<String>,
    ApiJson(body): ApiJson<UpdateBody>,
) -> ApiResult<(StatusCode, Json<WrittenDto>)> {
    let status = ActionStatus::parse("status", &body.status).map_err(crate::AppError::BadInput)?;
    let command = ProgrammeCommand::UpdateAction {
        action: key,
        status,
        note: body.note,
    };
    write(&state, &user, Action::Update, body.expected_seq, command).await
}

/// Open a round (the projectleider).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundBody {
    pub expected_seq: u64,
    /// The date by which trekkers respond, YYYY-MM-DD, after today.
    pub due: String,
}

/// Open the half year's round (the projectleider).
#[utoipa::path(
    post,
    path = "/programme/rounds",
    tag = "programme",
    params(("X-CSRF-Token" = String, Header)),
    request_body = RoundBody,
    responses(
        (status = 201, body = WrittenDto),
        (status = 409, description = "Iemand anders schreef eerst", body = ErrorBody),
        (status = "4XX", description = "Fout", body = ErrorBody)
    )
)]
async fn open_round(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<RoundBody>,
) -> ApiResult<(StatusCode, Json<WrittenDto>)> {
    let due = schakel_domain::validate::optional_date("due", &body.due)
        .map_err(crate::AppError::BadInput)?
        .ok_or_else(|| {
            crate::AppError::BadInput(schakel_domain::FieldError::new(
                "due",
                schakel_domain::msg("error-required"),
            ))
        })?;
    write(
        &state,
        &user,
        Action::Create,
        body.expected_seq,
        ProgrammeCommand::OpenRound { due },
    )
    .await
}
