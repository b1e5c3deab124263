//! Sending from a dossier to Veilig Thuis: the page shows exactly what will arrive at Veilig
//! Thuis's intake (for an advies without the family's details, RULES.md 1.3), lets the
//! professional review the text, and sends it.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use schakel_domain::FieldError;
use schakel_domain::access::Action;
use schakel_domain::calendar::dutch_date;
use schakel_domain::case::CaseKind;
use schakel_domain::meldcode::Prefill;
use serde::Deserialize;

use super::{actor, professional};
use crate::auth::session::CurrentUser;
use crate::csrf::check_csrf;
use crate::forms::FormErrors;
use crate::frame::{PageCtx, PageUser, render};
use crate::gate::dossier::{OpenedDossier, open_dossier};
use crate::i18n::t;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "meldcode_send.html")]
struct SendPage {
    page: PageCtx,
    id: String,
    /// `advies` or `melding`.
    soort: &'static str,
    reporter: String,
    reporter_org: String,
    contact: String,
    /// The client and date of birth, for a melding only.
    family: Option<(String, String)>,
    co_carer: String,
    children: String,
    description: String,
    vt_orgs: Vec<(String, String)>,
    chosen_vt: String,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct SendQuery {
    #[serde(default)]
    soort: String,
}

#[derive(Deserialize)]
pub struct SendForm {
    csrf: Option<String>,
    #[serde(default)]
    soort: String,
    #[serde(default)]
    veilig_thuis: String,
    #[serde(default)]
    omschrijving: String,
}

fn kind_of(code: &str) -> Result<CaseKind, AppError> {
    match code {
        "advies" => Ok(CaseKind::Advies),
        "melding" => Ok(CaseKind::Melding),
        _ => Err(AppError::BadQuery(FieldError::new(
            "soort",
            schakel_domain::msg("intake-choose-kind"),
        ))),
    }
}

/// The sender's organisation as Veilig Thuis will see it, and how to reach them.
struct SenderOrg {
    name: String,
    kind: schakel_domain::org::OrgKind,
    contact: String,
}

async fn sender_org(state: &AppState, user: &CurrentUser) -> Result<SenderOrg, AppError> {
    let org = state.store.organisation(&actor(user)?.org_id).await?;
    let contact = [org.phone.clone(), org.email.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    Ok(SenderOrg {
        name: org.name,
        kind: org.kind,
        contact,
    })
}

#[allow(clippy::too_many_arguments)]
async fn render_page(
    state: &AppState,
    user: &CurrentUser,
    opened: &OpenedDossier,
    kind: CaseKind,
    prefill: &Prefill,
    org: &SenderOrg,
    chosen_vt: String,
    description: Option<String>,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let vt_orgs = schakel_app::meldcode::veilig_thuis_organisations(&state.store)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect::<Vec<_>>();
    let chosen_vt = if chosen_vt.is_empty() {
        vt_orgs.first().map(|o| o.0.clone()).unwrap_or_default()
    } else {
        chosen_vt
    };
    let children = prefill
        .children_ages
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut res = render(&SendPage {
        page: PageCtx::for_user(state, user, "/meldcode"),
        id: opened.id.clone(),
        soort: match kind {
            CaseKind::Advies => "advies",
            CaseKind::Melding => "melding",
        },
        reporter: prefill.reporter.name.clone(),
        reporter_org: org.name.clone(),
        contact: org.contact.clone(),
        family: prefill.family.as_ref().map(|f| {
            (
                f.client.name.clone(),
                f.client.birth_date.map(dutch_date).unwrap_or_default(),
            )
        }),
        co_carer: prefill
            .family
            .as_ref()
            .and_then(|f| f.co_carer.clone())
            .unwrap_or_default(),
        children: if prefill.pregnant && children.is_empty() {
            t("meldcode-kindcheck-pregnant")
        } else {
            children
        },
        description: description.unwrap_or_else(|| prefill.description.clone()),
        vt_orgs,
        chosen_vt,
        errors,
    })?;
    *res.status_mut() = status;
    Ok(res)
}

pub async fn preview(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
    Query(q): Query<SendQuery>,
) -> Result<Response, AppError> {
    let kind = kind_of(&q.soort)?;
    let opened = open_dossier(&state, &user, &id, Action::Update).await?;
    let org = sender_org(&state, &user).await?;
    let actor = actor(&user)?;
    let by = professional(&user);
    let sender = schakel_app::meldcode::Sender {
        actor: &actor,
        by: &by,
        org_name: &org.name,
        org_kind: org.kind,
        contact: &org.contact,
    };
    let prefill = schakel_app::meldcode::preview(&opened.dossier, kind, &sender)?;
    render_page(
        &state,
        &user,
        &opened,
        kind,
        &prefill,
        &org,
        String::new(),
        None,
        FormErrors::default(),
    )
    .await
}

pub async fn send(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<SendForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let kind = kind_of(&f.soort)?;
    let opened = open_dossier(&state, &user, &id, Action::Update).await?;
    let org = sender_org(&state, &user).await?;
    let actor = actor(&user)?;
    let by = professional(&user);
    let sender = schakel_app::meldcode::Sender {
        actor: &actor,
        by: &by,
        org_name: &org.name,
        org_kind: org.kind,
        contact: &org.contact,
    };
    let sent = schakel_app::meldcode::send(
        &state.store,
        &sender,
        &id,
        kind,
        &f.veilig_thuis,
        Some(&f.omschrijving),
        state.clock.now(),
    )
    .await;
    match sent {
        Ok(_) => Ok(Redirect::to(&format!("/meldcode/{id}?verstuurd={}", f.soort)).into_response()),
        Err(schakel_app::Error::Invalid(e))
            if e.field == "omschrijving" || e.field == "veilig_thuis" =>
        {
            let prefill = schakel_app::meldcode::preview(&opened.dossier, kind, &sender)?;
            let errors = FormErrors::placed([&e], |field| match field {
                "veilig_thuis" => ("veilig_thuis".into(), t("mcp-field-veilig-thuis")),
                _ => ("omschrijving".into(), t("mcp-field-omschrijving")),
            });
            render_page(
                &state,
                &user,
                &opened,
                kind,
                &prefill,
                &org,
                f.veilig_thuis,
                Some(f.omschrijving),
                errors,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
