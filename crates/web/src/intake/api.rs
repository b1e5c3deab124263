//! The intake over the API: register an advies or melding, and the known-before check on its own.
//! Registration is the use case `schakel_app::register_intake`, the same the page and the
//! benchmark call.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use schakel_app::RegisterIntake;
use utoipa_axum::routes;

use super::dto::{IntakeDto, MatchDto, RegisterBody, RegisteredDto};
use crate::api::dto::ErrorBody;
use crate::api::{ApiJson, ApiResult, ApiRouter, ApiUser};
use crate::usecase::{GatePolicy, acting};
use crate::{AppError, AppState};

pub fn routes() -> ApiRouter {
    ApiRouter::new(Default::default())
        .routes(routes!(register))
        .routes(routes!(known_check))
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
    // The intake's fields sit under `intake` in this body: an error names the exact path.
    let in_body = |e: AppError| match e {
        AppError::BadInput(mut f) => {
            f.field = format!("intake.{}", f.field);
            AppError::BadInput(f)
        }
        AppError::BadInputs(all) => AppError::BadInputs(all.map_fields(|f| format!("intake.{f}"))),
        other => other,
    };
    let intake = body
        .intake
        .into_domain()
        .map_err(|f| in_body(AppError::BadInput(f)))?;
    let command = RegisterIntake {
        intake,
        confirmed: body.bevestigd,
        rejected: body.afgewezen,
        join_case: body.casus,
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
    .await
    .map_err(in_body)?;
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
