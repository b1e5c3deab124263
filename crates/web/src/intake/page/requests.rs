//! What professionals sent from their meldcode dossiers (issue 11): waiting in Veilig Thuis's
//! intake, shown above the form, and taken into the form with what the professional entered. The
//! worker completes it (roles, gemeente, kinds of violence) and registers it as any intake.

use schakel_domain::access::{Action, ResourceKind};
use schakel_domain::calendar::dutch_moment;
use schakel_store::meldcode::MeldcodeRequest;

use super::form::Posted;
use crate::auth::session::CurrentUser;
use crate::gate::{self, Access};
use crate::i18n::t_args;
use crate::{AppError, AppState};

/// A request in the list.
pub struct Waiting {
    pub id: String,
    pub kind: String,
    pub from: String,
    pub sent: String,
    pub summary: String,
}

/// Where the form's content came from, above the form.
pub struct FromMeldcode {
    pub id: String,
    pub text: String,
    /// The dossier, for a melding (Veilig Thuis may read it from then on).
    pub dossier: Option<String>,
}

fn from_line(r: &MeldcodeRequest, org_name: &str) -> String {
    format!("{}, {org_name}", r.sent_by.name)
}

async fn org_name(state: &AppState, id: &str) -> String {
    state
        .store
        .organisation(id)
        .await
        .map(|o| o.name)
        .unwrap_or_else(|_| id.to_string())
}

fn user_org(user: &CurrentUser) -> Option<&str> {
    user.membership.as_ref().map(|m| m.org_id.as_str())
}

/// The requests waiting at the user's Veilig Thuis organisation, oldest first.
pub async fn waiting(state: &AppState, user: &CurrentUser) -> Result<Vec<Waiting>, AppError> {
    let Some(org) = user_org(user) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for r in state.store.meldcode_requests_waiting(org).await? {
        let from = from_line(&r, &org_name(state, &r.sender_org).await);
        out.push(Waiting {
            kind: crate::display::case_kind(&r.kind),
            sent: dutch_moment(r.sent_at),
            summary: r.summary.clone(),
            from,
            id: r.id,
        });
    }
    Ok(out)
}

/// Request `id` of the user's organisation, still waiting, its reading logged; `NotFound` for any
/// other.
async fn open(state: &AppState, user: &CurrentUser, id: &str) -> Result<MeldcodeRequest, AppError> {
    if !schakel_domain::validate::is_identifier(id) {
        return Err(AppError::NotFound);
    }
    let access = Access::new(Action::Create, ResourceKind::Case).on(Some(id));
    gate::authorize(state, user, access).await?;
    match state.store.meldcode_request(id).await? {
        Some(r) if Some(r.vt_org.as_str()) == user_org(user) => Ok(r),
        _ => Err(AppError::NotFound),
    }
}

fn already_registered() -> schakel_domain::FieldError {
    schakel_domain::FieldError::new(
        "aanvraag",
        schakel_domain::msg("error-meldcode-request-registered"),
    )
}

/// The intake form's fields of request `id`, with the request's id so registering links it.
pub async fn prefill(state: &AppState, user: &CurrentUser, id: &str) -> Result<Posted, AppError> {
    let r = open(state, user, id).await?;
    if r.registered_at.is_some() {
        return Err(AppError::BadQuery(already_registered()));
    }
    let mut fields: Vec<(String, String)> = serde_json::from_str(&r.fields)
        .map_err(|e| AppError::internal(format!("meldcode request fields: {e}")))?;
    fields.push(("aanvraag".into(), r.id));
    Ok(Posted(fields))
}

/// The notice above a form that came from request `id` of the user's organisation (not logged
/// again: opening the form was).
pub async fn notice(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> Result<Option<FromMeldcode>, AppError> {
    let r = match state.store.meldcode_request(id).await? {
        Some(r) if Some(r.vt_org.as_str()) == user_org(user) => r,
        _ => return Ok(None),
    };
    let from = from_line(&r, &org_name(state, &r.sender_org).await);
    Ok(Some(FromMeldcode {
        text: t_args(
            "intake-from-meldcode",
            &[
                ("soort", &crate::display::case_kind(&r.kind).to_lowercase()),
                ("van", &from),
                ("datum", &dutch_moment(r.sent_at)),
            ],
        ),
        dossier: (r.kind == "melding").then(|| r.dossier_id.clone()),
        id: r.id,
    }))
}

/// Checks, before anything is registered, that request `id` is the user's organisation's and still
/// waits: a form sent twice, or after a colleague took the request in, registers nothing.
pub async fn still_waiting(state: &AppState, user: &CurrentUser, id: &str) -> Result<(), AppError> {
    match open(state, user, id).await?.registered_at {
        None => Ok(()),
        Some(_) => Err(AppError::BadInput(already_registered())),
    }
}

/// Links request `id` (checked by [`still_waiting`]) to the casus it was registered as. Should a
/// colleague have registered it in the moment between, the request stays with the first casus
/// and the log says so.
pub async fn registered(state: &AppState, id: &str, case_id: &str) -> Result<(), AppError> {
    match state
        .store
        .mark_meldcode_request_registered(id, case_id, state.clock.now())
        .await
    {
        Ok(()) => Ok(()),
        Err(schakel_store::StoreError::Duplicate { .. }) => {
            tracing::warn!(
                request = id,
                case = case_id,
                "meldcode request was already registered"
            );
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}
