//! The parsers of outside input, reachable for the fuzz targets in `fuzz/` (issue 8, hostile
//! input). Each entry runs what the server itself runs on that part of a request, up to where the
//! store would be asked: the API's body and query decoders, the page forms' decoding and their
//! mapping to a domain intake or case command. Nothing here parses on its own.

use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::body::Body;
use axum::extract::{Form, FromRequest};
use axum::http::{Request, Uri, header};
use schakel_app::CaseCommand;
use schakel_domain::intake::Intake;
use schakel_domain::msg;
use serde::de::DeserializeOwned;
use time::OffsetDateTime;

use crate::AppError;
use crate::api::{decode_json, decode_query};

/// A JSON request body of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiBody {
    /// `POST /cases/{id}/commands`.
    Command,
    /// `POST /cases/{id}/notes`.
    Note,
    /// `POST /intakes`.
    Register,
    /// `POST /intakes/known-check`.
    KnownCheck,
    /// `POST /session`.
    Login,
}

impl ApiBody {
    pub const ALL: [ApiBody; 5] = [
        ApiBody::Command,
        ApiBody::Note,
        ApiBody::Register,
        ApiBody::KnownCheck,
        ApiBody::Login,
    ];
}

/// What a body became: a case command, an intake as the use case would check it, or nothing
/// further to check (a note, a login).
#[derive(Debug)]
pub enum Decoded {
    Command(CaseCommand),
    Intake(Intake),
    Other,
}

/// Decodes `bytes` as the body of `which`, then maps it as the handler does before the use case:
/// an intake to the domain intake, a command to the use case's command, a login's role checked.
pub fn api_body(which: ApiBody, bytes: &[u8]) -> Result<Decoded, AppError> {
    let decoded = match which {
        ApiBody::Command => {
            let body: crate::cases::dto::CommandBody = decode(bytes)?;
            Decoded::Command(body.command.into())
        }
        ApiBody::Note => {
            let _: crate::cases::dto::NoteBody = decode(bytes)?;
            Decoded::Other
        }
        ApiBody::Register => {
            let body: crate::intake::dto::RegisterBody = decode(bytes)?;
            Decoded::Intake(body.intake.into_domain()?)
        }
        ApiBody::KnownCheck => {
            let body: crate::intake::dto::IntakeDto = decode(bytes)?;
            Decoded::Intake(body.into_domain()?)
        }
        ApiBody::Login => {
            let body: crate::auth::api::LoginBody = decode(bytes)?;
            body.checked_role()?;
            Decoded::Other
        }
    };
    Ok(decoded)
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    decode_json(bytes).map_err(|e| e.0)
}

/// A query string of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiQueryOf {
    /// `GET /cases`: `limit`, `offset`.
    Cases,
    /// `GET /work-queue`: paging and the filters of Te doen.
    WorkQueue,
    /// `GET /access-log`: `van`, `tot` (dates), `voor`, ...
    AccessLog,
    /// `GET /search`: `q`, words, dates of birth, BSNs, case numbers.
    Search,
    /// `GET /cases/{id}/feedback`: `moment`.
    Feedback,
}

impl ApiQueryOf {
    pub const ALL: [ApiQueryOf; 5] = [
        ApiQueryOf::Cases,
        ApiQueryOf::WorkQueue,
        ApiQueryOf::AccessLog,
        ApiQueryOf::Search,
        ApiQueryOf::Feedback,
    ];
}

/// Decodes the query of `uri` for `which` and checks it as the handler does before the store.
/// The work queue is asked as a user of `org` in a region of `gemeenten`.
pub fn api_query(which: ApiQueryOf, uri: &Uri, gemeenten: &[String]) -> Result<(), AppError> {
    let query = |e: crate::api::ApiError| e.0;
    match which {
        ApiQueryOf::Cases => {
            let p: crate::cases::api::Page = decode_query(uri).map_err(query)?;
            crate::api::paging(p.limit, p.offset, 50)?;
        }
        ApiQueryOf::WorkQueue => {
            let p: crate::queue::api::QueuePage = decode_query(uri).map_err(query)?;
            let (_, params) = p.split()?;
            params
                .ask_as("org".into(), "user", None, gemeenten)
                .map_err(AppError::BadQuery)?;
        }
        ApiQueryOf::AccessLog => {
            let f: crate::access_log::Filters = decode_query(uri).map_err(query)?;
            f.period()?;
        }
        ApiQueryOf::Search => {
            let p: crate::search::api::SearchParams = decode_query(uri).map_err(query)?;
            schakel_app::search::parse_query("q", &p.q.unwrap_or_default())
                .map_err(AppError::BadQuery)?;
        }
        ApiQueryOf::Feedback => {
            let _: crate::cases::api::FeedbackQuery = decode_query(uri).map_err(query)?;
        }
    }
    Ok(())
}

/// The intake page's posted form (`application/x-www-form-urlencoded`) as the domain intake.
pub fn intake_form(
    body: &[u8],
    now: OffsetDateTime,
    violence_version: &str,
) -> Result<Intake, AppError> {
    let pairs: Vec<(String, String)> = form(body)?;
    let posted = crate::intake::page::form::Posted(pairs);
    let (intake, errors) = crate::intake::page::form::intake_from(&posted, now, violence_version);
    match schakel_domain::FieldErrors::from_vec(errors) {
        None => Ok(intake),
        Some(all) => Err(AppError::BadInputs(all)),
    }
}

/// A case page's posted action form as the case command it asks for.
pub fn case_action_form(body: &[u8]) -> Result<CaseCommand, AppError> {
    let pairs: Vec<(String, String)> = form(body)?;
    let posted = crate::cases::page::command::ActionForm::from_pairs(&pairs);
    crate::cases::page::command::command_from(&posted)
}

/// Runs axum's `Form` extractor, which the pages use, over `body`. The body is in memory, so the
/// extractor is ready at its first poll. Its own rejection (answered by the page with a 4xx) is
/// reported as an unreadable body.
fn form<T: DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    let unreadable = || AppError::field("body", msg("api-body-unreadable"));
    let request = Request::post("/")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_vec()))
        .map_err(|_| unreadable())?;
    let mut extract = pin!(Form::<T>::from_request(request, &()));
    match extract
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(Ok(Form(value))) => Ok(value),
        Poll::Ready(Err(_)) | Poll::Pending => Err(unreadable()),
    }
}
