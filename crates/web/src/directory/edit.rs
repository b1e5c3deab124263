//! The beheerder's form for a service: new (`/sociale-kaart/nieuw`) and edit
//! (`/sociale-kaart/{id}/bewerken`). Every wrong field is shown at once, at its field.

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use schakel_domain::access::Action;
use schakel_domain::directory::{ServiceInput, WHOLE_REGION, fields};

use super::{allowed, editor, field_label, options};
use crate::auth::session::CurrentUser;
use crate::csrf::check_csrf;
use crate::forms::FormErrors;
use crate::frame::{PageCtx, PageUser, render};
use crate::i18n::t;
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/sociale-kaart/nieuw", get(new_form).post(create))
        .route("/sociale-kaart/{id}/bewerken", get(edit_form).post(update))
}

/// One group of checkboxes of the form.
pub struct Choices {
    /// The field's name, and the prefix of its boxes' ids.
    pub name: &'static str,
    pub legend: String,
    pub options: Vec<(String, String)>,
    pub chosen: Vec<String>,
}

impl Choices {
    pub fn is_chosen(&self, code: &str) -> bool {
        self.chosen.iter().any(|c| c == code)
    }

    /// The id of the first box, where an error of the group links to.
    pub fn first_id(&self) -> String {
        self.id_of(self.options.first().map(|o| o.0.as_str()).unwrap_or(""))
    }

    /// A box's id: letters and digits of its code ("*" is the whole region).
    pub fn id_of(&self, code: &str) -> String {
        let clean: String = code
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!(
            "{}-{}",
            self.name,
            if code == WHOLE_REGION {
                "regio"
            } else {
                &clean
            }
        )
    }
}

#[derive(Template)]
#[template(path = "directory_form.html")]
struct FormPage {
    page: PageCtx,
    /// None for a new service.
    id: Option<String>,
    heading: String,
    action: String,
    version: i64,
    input: ServiceInput,
    groups: Vec<Choices>,
    errors: FormErrors,
    conflict: bool,
}

fn form_page(
    state: &AppState,
    user: &CurrentUser,
    id: Option<String>,
    version: i64,
    input: ServiceInput,
    gemeenten: &[String],
) -> FormPage {
    let mut places = vec![(WHOLE_REGION.to_string(), t("directory-whole-region"))];
    places.extend(gemeenten.iter().map(|g| (g.clone(), g.clone())));
    let groups = vec![
        Choices {
            name: fields::TARGET_GROUPS,
            legend: field_label(fields::TARGET_GROUPS),
            options: options(schakel_domain::directory::target_groups()),
            chosen: input.target_groups.clone(),
        },
        Choices {
            name: fields::HELP_KINDS,
            legend: field_label(fields::HELP_KINDS),
            options: options(schakel_domain::directory::help_kinds()),
            chosen: input.help_kinds.clone(),
        },
        Choices {
            name: fields::GEMEENTEN,
            legend: field_label(fields::GEMEENTEN),
            options: places,
            chosen: input.gemeenten.clone(),
        },
        Choices {
            name: fields::LANGUAGES,
            legend: field_label(fields::LANGUAGES),
            options: options(schakel_domain::directory::languages()),
            chosen: input.languages.clone(),
        },
    ];
    FormPage {
        page: PageCtx::for_user(state, user, "/sociale-kaart"),
        heading: match &id {
            Some(_) => t("directory-edit-title"),
            None => t("directory-new-title"),
        },
        action: match &id {
            Some(id) => format!("/sociale-kaart/{id}/bewerken"),
            None => "/sociale-kaart/nieuw".to_string(),
        },
        id,
        version,
        input,
        groups,
        errors: FormErrors::default(),
        conflict: false,
    }
}

/// Where an error shows: the field's element (a group's first box) with its label.
fn place(field: &str) -> (String, String) {
    let id = match field {
        fields::TARGET_GROUPS | fields::HELP_KINDS | fields::GEMEENTEN | fields::LANGUAGES => {
            group_first_id(field)
        }
        f if fields::ALL.contains(&f) => f.to_string(),
        _ => fields::NAME.to_string(),
    };
    (id, field_label(field))
}

/// The form's fields, repeated ones (checkbox groups) gathered.
fn read_form(pairs: &[(String, String)]) -> (ServiceInput, Option<String>, i64) {
    let mut input = ServiceInput::default();
    let mut csrf = None;
    let mut version = 0;
    for (k, v) in pairs {
        match k.as_str() {
            "csrf" => csrf = Some(v.clone()),
            "versie" => version = v.trim().parse().unwrap_or(0),
            fields::NAME => input.name = v.clone(),
            fields::PROVIDER => input.provider = v.clone(),
            fields::DESCRIPTION => input.description = v.clone(),
            fields::TARGET_GROUPS => input.target_groups.push(v.clone()),
            fields::HELP_KINDS => input.help_kinds.push(v.clone()),
            fields::GEMEENTEN => input.gemeenten.push(v.clone()),
            fields::LANGUAGES => input.languages.push(v.clone()),
            fields::PHONE => input.phone = v.clone(),
            fields::EMAIL => input.email = v.clone(),
            fields::WEBSITE => input.website = v.clone(),
            fields::ADDRESS => input.address = v.clone(),
            fields::REFERRAL => input.referral = v.clone(),
            fields::PUBLIC => input.public_listing = v == "1",
            fields::NOTE => input.internal_note = v.clone(),
            _ => {}
        }
    }
    (input, csrf, version)
}

/// The form again with its errors (422), each at its field.
fn with_errors(
    mut page: FormPage,
    errors: &schakel_domain::FieldErrors,
) -> Result<Response, AppError> {
    let placed: Vec<schakel_domain::FieldError> = errors.iter().cloned().collect();
    page.errors = FormErrors::placed(&placed, place);
    let mut res = render(&page)?;
    *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(res)
}

/// The id of a checkbox group's first box (where its error links), from the same lists the form
/// shows.
fn group_first_id(field: &str) -> String {
    let first = match field {
        fields::TARGET_GROUPS => schakel_domain::directory::target_groups()
            .entries
            .first()
            .map(|c| c.code.clone()),
        fields::HELP_KINDS => schakel_domain::directory::help_kinds()
            .entries
            .first()
            .map(|c| c.code.clone()),
        fields::LANGUAGES => schakel_domain::directory::languages()
            .entries
            .first()
            .map(|c| c.code.clone()),
        _ => Some("regio".to_string()),
    };
    format!("{field}-{}", first.unwrap_or_default())
}

async fn new_form(
    State(state): State<AppState>,
    PageUser(user): PageUser,
) -> Result<Response, AppError> {
    allowed(&user, Action::Create)?;
    let gemeenten = schakel_app::directory::gemeenten(&state.store).await?;
    let input = ServiceInput {
        languages: vec!["nl".into()],
        ..Default::default()
    };
    render(&form_page(&state, &user, None, 0, input, &gemeenten))
}

async fn create(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (input, csrf, _) = read_form(&pairs);
    check_csrf(&user, csrf.as_deref())?;
    let actor = allowed(&user, Action::Create)?;
    let now = state.clock.now();
    match schakel_app::directory::create(&state.store, &actor, &editor(&user), &input, now).await {
        Ok(id) => Ok(Redirect::to(&format!("/sociale-kaart/{id}?opgeslagen=1")).into_response()),
        Err(e) => {
            let gemeenten = schakel_app::directory::gemeenten(&state.store).await?;
            let page = form_page(&state, &user, None, 0, input, &gemeenten);
            match e {
                schakel_app::Error::InvalidAll(all) => with_errors(page, &all),
                schakel_app::Error::Invalid(one) => with_errors(page, &one.into()),
                other => Err(other.into()),
            }
        }
    }
}

async fn edit_form(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = allowed(&user, Action::Update)?;
    let stored = schakel_app::directory::get(&state.store, &actor, &id).await?;
    let gemeenten = schakel_app::directory::gemeenten(&state.store).await?;
    let input = ServiceInput::from_service(&stored.service);
    render(&form_page(
        &state,
        &user,
        Some(id),
        stored.version,
        input,
        &gemeenten,
    ))
}

async fn update(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (input, csrf, version) = read_form(&pairs);
    check_csrf(&user, csrf.as_deref())?;
    let actor = allowed(&user, Action::Update)?;
    let now = state.clock.now();
    let by = editor(&user);
    let saved = format!("/sociale-kaart/{id}?opgeslagen=1");
    let done =
        schakel_app::directory::update(&state.store, &actor, &by, &id, version, &input, now).await;
    let page = |version| async move {
        let gemeenten = schakel_app::directory::gemeenten(&state.store).await?;
        Ok::<_, AppError>(form_page(
            &state,
            &user,
            Some(id.clone()),
            version,
            input,
            &gemeenten,
        ))
    };
    match done {
        Ok(()) => Ok(Redirect::to(&saved).into_response()),
        Err(schakel_app::Error::InvalidAll(all)) => with_errors(page(version).await?, &all),
        Err(schakel_app::Error::Invalid(one)) => with_errors(page(version).await?, &one.into()),
        // Someone else wrote first: the form keeps what this user typed, says so, and carries
        // the new version, so sending it again overwrites knowingly.
        Err(schakel_app::Error::Store(schakel_store::StoreError::DirectoryChanged {
            actual,
            ..
        })) => {
            let mut p = page(actual).await?;
            p.conflict = true;
            let mut res = render(&p)?;
            *res.status_mut() = axum::http::StatusCode::CONFLICT;
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}
