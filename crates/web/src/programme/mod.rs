//! The regional action programme (issue 12): its overview with the projectleider's signals, an
//! action with its history and update form, the rounds, the working groups, and the half-yearly
//! progress appendix (HTML, PDF, CSV). The programme holds no personal data of clients, and the
//! pages say so.

mod action;
mod api;
mod appendix;
mod page;
mod rounds;

use schakel_domain::access::{Action, Actor, is_projectleider};
use schakel_domain::programme::{Author, ProgrammeState};

use crate::api::ApiRouter;
use crate::auth::session::CurrentUser;
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    page::routes()
        .merge(action::routes())
        .merge(rounds::routes())
        .merge(appendix::routes())
}

pub fn api() -> ApiRouter {
    api::routes()
}

/// The user as the programme's policy sees them, after the policy allowed `action`.
fn allowed(user: &CurrentUser, action: Action) -> Result<Actor, AppError> {
    let actor = user.actor(None).ok_or(AppError::Forbidden(
        schakel_domain::access::DenyReason::RoleNotPermitted,
    ))?;
    schakel_app::programme::allow(&actor, action)?;
    Ok(actor)
}

fn author(user: &CurrentUser) -> Author {
    Author {
        user_id: user.user.id.clone(),
        name: user.user.display_name.clone(),
    }
}

/// The region's programme: the first (Schakel runs one programme per region) with its id, or
/// `None` when none was imported.
async fn current(state: &AppState) -> Result<Option<(String, ProgrammeState)>, AppError> {
    let Some(head) = state.store.programmes().await?.into_iter().next() else {
        return Ok(None);
    };
    let programme = schakel_app::programme::load(&state.store, &head.id).await?;
    Ok(Some((head.id, programme)))
}

/// The programme, or 404 when none was imported (the overview shows an empty state instead).
async fn required(state: &AppState) -> Result<(String, ProgrammeState), AppError> {
    current(state).await?.ok_or(AppError::NotFound)
}

/// Runs `command` on programme `id` for the signed-in user, as the pages write: on the latest
/// state, now.
async fn write(
    state: &AppState,
    user: &CurrentUser,
    actor: &Actor,
    id: &str,
    command: schakel_domain::programme::ProgrammeCommand,
) -> Result<ProgrammeState, schakel_app::Error> {
    schakel_app::programme::run(
        &state.store,
        id,
        actor,
        &author(user),
        command,
        state.clock.now(),
        None,
    )
    .await
}

/// A form page shown again with its errors: 422.
fn unprocessable(page: &impl askama::Template) -> Result<axum::response::Response, AppError> {
    let mut response = crate::frame::render(page)?;
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// Whether `actor` may update the action with `key`.
fn may_update(programme: &ProgrammeState, actor: &Actor, key: &str) -> bool {
    schakel_app::programme::allow(actor, Action::Update).is_ok()
        && programme.may_update(&actor.user_id, is_projectleider(actor), key)
}

/// "1.2.3 Een publiekscampagne ..." shortened for lists.
fn short(text: &str) -> String {
    const MAX: usize = 120;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

/// An amount in cents as Dutch readers write euros: € 1.250,50.
pub fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("€ {sign}{grouped},{:02}", cents % 100)
}

#[cfg(test)]
mod tests {
    #[test]
    fn euros_are_written_the_dutch_way() {
        assert_eq!(super::euros(125050), "€ 1.250,50");
        assert_eq!(super::euros(5), "€ 0,05");
        assert_eq!(super::euros(100_000_000), "€ 1.000.000,00");
    }

    #[test]
    fn long_texts_are_cut_at_a_word() {
        let long = "woord ".repeat(40);
        let s = super::short(&long);
        assert!(s.ends_with('…') && s.chars().count() <= 121, "{s}");
        assert_eq!(super::short("kort"), "kort");
    }
}
