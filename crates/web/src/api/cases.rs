//! Cases over the API. Every route passes [`gate::open_case`] (policy, then access log).

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use schakel_domain::access::{
    Action, Participation, ResourceKind, Sensitivity, participations_that_may,
};
use serde::{Deserialize, Serialize};

use crate::api::flow::{Appended, record_event};
use crate::api::{ApiJson, ApiResult, ApiUser};
use crate::gate::{self, Access};
use crate::{AppError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases", get(list))
        .route("/cases/{id}", get(one))
        .route("/cases/{id}/events", get(events))
        .route("/cases/{id}/notes", post(add_note))
}

/// Break-the-glass over the API: the reason travels in a header, never in the URL (URLs end up in
/// proxy logs).
fn break_glass_reason(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-break-glass-reason")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Page {
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(p): Query<Page>,
) -> ApiResult<Json<Vec<schakel_store::cases::CaseSummary>>> {
    let access = Access {
        action: Action::Search,
        resource_kind: ResourceKind::Case,
        resource_id: None,
        clients: vec![],
        reason: Some("werkvoorraad".into()),
    };
    gate::authorize(&state, &user, access).await?;
    let org = user.membership.as_ref().ok_or(AppError::Unauthenticated)?;
    let limit = p.limit.unwrap_or(50);
    if !(1..=500).contains(&limit) {
        return Err(AppError::field("limit", "moet tussen 1 en 500 liggen").into());
    }
    let offset = p.offset.unwrap_or(0);
    if offset < 0 {
        return Err(AppError::field("offset", "mag niet negatief zijn").into());
    }
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

#[derive(Serialize)]
struct CaseView {
    #[serde(flatten)]
    summary: schakel_store::cases::CaseSummary,
    ground: String,
    participants: Vec<Participant>,
    persons: Vec<Person>,
}

#[derive(Serialize)]
struct Participant {
    organisation_id: String,
    participation: Participation,
}

#[derive(Serialize)]
struct Person {
    id: String,
    name: String,
    birth_date: Option<String>,
    role: String,
}

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
        Sensitivity::Normal,
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
        summary: case.summary,
    }))
}

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
        Sensitivity::Normal,
        break_glass_reason(&headers),
    )
    .await?;
    Ok(Json(case.events(&state).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoteBody {
    /// The last sequence number the writer saw; a stale one gets 409.
    expected_seq: i64,
    text: String,
}

async fn add_note(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NoteBody>,
) -> ApiResult<(StatusCode, Json<Appended>)> {
    let note = schakel_domain::case::CaseEvent::NoteAdded { text: body.text };
    record_event(&state, &user, &id, body.expected_seq, note).await
}
