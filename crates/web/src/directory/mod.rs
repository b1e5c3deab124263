//! The sociale kaart (issue 11 item 3): the region's help services. Every signed-in user searches
//! it (`/sociale-kaart`) and reads an entry with its referral route; the functioneel beheerder
//! adds, edits, reviews and archives entries; anyone, without signing in, sees the entries whose
//! provider agreed to it, with their public contact only (`/sociale-kaart/openbaar`). It holds no
//! personal data of clients, so reads are not access-logged; every change records who made it.

mod api;
mod edit;
mod page;
mod public;

use schakel_domain::access::{Action, Actor, DenyReason};
use schakel_domain::calendar::dutch_date;
use schakel_domain::directory::{
    self, Filter, WHOLE_REGION, help_kinds, is_stale, label, languages, target_groups,
};
use schakel_store::directory::{Editor, StoredService};
use serde::Deserialize;

use crate::AppError;
use crate::api::ApiRouter;
use crate::auth::session::CurrentUser;
use crate::i18n::t;

pub fn routes() -> crate::page_routing::PageRouter {
    page::routes().merge(edit::routes()).merge(public::routes())
}

pub fn api() -> ApiRouter {
    api::routes()
}

/// The user as the directory's policy sees them, after the policy allowed `action`.
fn allowed(user: &CurrentUser, action: Action) -> Result<Actor, AppError> {
    let actor = user
        .actor(None)
        .ok_or(AppError::Forbidden(DenyReason::RoleNotPermitted))?;
    schakel_app::directory::allow(&actor, action)?;
    Ok(actor)
}

fn editor(user: &CurrentUser) -> Editor {
    Editor {
        user_id: user.user.id.clone(),
        name: user.user.display_name.clone(),
    }
}

/// The search as asked in the query string, on the pages and in the API.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct FilterQuery {
    /// Words to look for; Dutch word forms and compounds are found ("trauma kind" finds
    /// "traumabehandeling voor kinderen").
    pub(crate) q: Option<String>,
    /// A gemeente of the region, by name ("Venlo"); services for the whole region count.
    pub(crate) gemeente: Option<String>,
    /// A target group code (kinderen, plegers, ouderen, arbeidsmigranten, ...).
    pub(crate) doelgroep: Option<String>,
    /// A kind of help code (traumabehandeling, plegerhulp, opvang, ...); a code finds its forms.
    pub(crate) soort: Option<String>,
    /// A language code (ISO 639: nl, pl, ro, bg, ...).
    pub(crate) taal: Option<String>,
}

impl FilterQuery {
    fn parse(&self, gemeenten: &[String]) -> Result<Filter, schakel_domain::FieldError> {
        let v = |o: &Option<String>| o.clone().unwrap_or_default();
        Filter::parse(
            &v(&self.gemeente),
            &v(&self.doelgroep),
            &v(&self.soort),
            &v(&self.taal),
            &v(&self.q),
            gemeenten,
        )
    }
}

/// The options of the search form: (value, label) per list, and what was chosen.
pub struct FilterForm {
    pub q: String,
    pub gemeente: String,
    pub doelgroep: String,
    pub soort: String,
    pub taal: String,
    pub gemeenten: Vec<String>,
    pub doelgroepen: Vec<(String, String)>,
    pub soorten: Vec<(String, String)>,
    pub talen: Vec<(String, String)>,
    pub errors: crate::forms::FormErrors,
    /// The public page: it lists no target groups, so it offers no filter on them.
    pub public: bool,
}

impl FilterForm {
    fn new(q: &FilterQuery, gemeenten: Vec<String>) -> Self {
        let v = |o: &Option<String>| o.clone().unwrap_or_default();
        Self {
            q: v(&q.q),
            gemeente: v(&q.gemeente),
            doelgroep: v(&q.doelgroep),
            soort: v(&q.soort),
            taal: v(&q.taal),
            gemeenten,
            doelgroepen: options(target_groups()),
            soorten: options(help_kinds()),
            talen: options(languages()),
            errors: crate::forms::FormErrors::default(),
            public: false,
        }
    }
}

/// A code list as (code, Dutch label) options; a child reads "parent – child".
fn options(list: &schakel_domain::codes::CodeList) -> Vec<(String, String)> {
    list.entries
        .iter()
        .map(|c| {
            let text = match &c.parent {
                Some(p) => format!("{} – {}", label(list, p), c.label_nl),
                None => c.label_nl.clone(),
            };
            (c.code.clone(), text)
        })
        .collect()
}

/// "1 dienst gevonden" or "3 diensten gevonden".
fn count_text(n: usize) -> String {
    if n == 1 {
        t("directory-count-one")
    } else {
        crate::i18n::t_args("directory-count", &[("n", &n.to_string())])
    }
}

/// "Venlo, Venray" or "Hele regio".
fn gemeenten_text(gemeenten: &[String]) -> String {
    if gemeenten.iter().any(|g| g == WHOLE_REGION) {
        t("directory-whole-region")
    } else {
        gemeenten.join(", ")
    }
}

fn labels(list: &schakel_domain::codes::CodeList, codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| label(list, c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A service as a list shows it.
pub struct Row {
    pub id: String,
    pub name: String,
    pub provider: String,
    pub help_kinds: String,
    pub target_groups: String,
    pub gemeenten: String,
    pub languages: String,
    pub stale: bool,
    pub reviewed: String,
    pub phone: String,
    pub website: String,
}

fn row(s: &StoredService, today: time::Date) -> Row {
    let service = &s.service;
    Row {
        id: s.id.clone(),
        name: service.name.clone(),
        provider: service.provider.clone(),
        help_kinds: labels(help_kinds(), &service.help_kinds),
        target_groups: labels(target_groups(), &service.target_groups),
        gemeenten: gemeenten_text(&service.gemeenten),
        languages: labels(languages(), &service.languages),
        stale: is_stale(s.last_reviewed, today),
        reviewed: dutch_date(s.last_reviewed),
        phone: service.contact.phone.clone().unwrap_or_default(),
        website: service.contact.website.clone().unwrap_or_default(),
    }
}

/// The form field's label, for an error placed at it.
fn field_label(field: &str) -> String {
    let key = match field {
        directory::fields::NAME => "directory-field-name",
        directory::fields::PROVIDER => "directory-field-provider",
        directory::fields::DESCRIPTION => "directory-field-description",
        directory::fields::TARGET_GROUPS => "directory-field-target-groups",
        directory::fields::HELP_KINDS => "directory-field-help-kinds",
        directory::fields::GEMEENTEN => "directory-field-gemeenten",
        directory::fields::LANGUAGES => "directory-field-languages",
        directory::fields::PHONE => "directory-field-phone",
        directory::fields::EMAIL => "directory-field-email",
        directory::fields::WEBSITE => "directory-field-website",
        directory::fields::ADDRESS => "directory-field-address",
        directory::fields::REFERRAL => "directory-field-referral",
        directory::fields::PUBLIC => "directory-field-public",
        directory::fields::NOTE => "directory-field-note",
        "gemeente" => "directory-filter-gemeente",
        "doelgroep" => "directory-filter-target-group",
        "soort" => "directory-filter-help-kind",
        "taal" => "directory-filter-language",
        "q" => "directory-filter-q",
        _ => return field.to_string(),
    };
    t(key)
}

/// Where an error of the search form shows: the element with the parameter's id.
fn place_filter(field: &str) -> (String, String) {
    let id = match field {
        "gemeente" | "doelgroep" | "soort" | "taal" => field.to_string(),
        _ => "q".to_string(),
    };
    (id, field_label(field))
}

/// A query string that does not parse as the filter's parameters: refused naming the parameter.
fn bad_query(e: axum::extract::rejection::QueryRejection) -> AppError {
    let text = e.body_text();
    let field = text
        .split_once("query string: ")
        .and_then(|(_, d)| d.split_once(": "))
        .map_or("q", |(f, _)| f)
        .to_string();
    AppError::BadQuery(schakel_domain::FieldError::new(
        field,
        schakel_domain::msg("api-field-unknown"),
    ))
}
