//! The public pages for citizens, bystanders and employers (issue 11): what you can do when you worry
//! about someone, when to call 112 and when Veilig Thuis, what happens after you call, and what an
//! employer can do. No login, in five languages (the visitor's choice by `?taal=`, else the browser's
//! preference), and nothing stored: these routes read no session, set no cookie and load nothing
//! from elsewhere. Every page has a quick-exit link that works without script.

mod pages;
mod topic;

use axum::extract::{FromRequestParts, Query};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use schakel_domain::public_help;
use schakel_i18n::{Lang, catalogue};
use serde::Deserialize;

use crate::AppState;

/// Where quick-exit goes: a neutral page that says nothing about why the visitor left.
pub const QUICK_EXIT_TARGET: &str = "https://www.google.nl/";

pub fn routes() -> crate::page_routing::PageRouter {
    pages::routes()
        .route("/static/public.css", get(stylesheet))
        .route("/static/snel-weg.js", get(quick_exit_script))
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/public.css"),
    )
}

/// The quick-exit script: an external file, because the Content-Security-Policy allows no inline
/// script. The link works without it; with it, the visit is replaced in the history.
async fn quick_exit_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/snel-weg.js"),
    )
}

#[derive(Deserialize)]
struct LanguageQuery {
    taal: Option<String>,
}

/// The language a public page is shown in: `?taal=` when it names one of the five, else the
/// browser's `Accept-Language`, else Dutch. A `taal` Schakel does not speak is kept as `unknown`
/// so the page can say so at the field's name instead of silently showing another language.
pub struct PublicLang {
    pub lang: Lang,
    pub unknown: Option<String>,
}

impl FromRequestParts<AppState> for PublicLang {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Query(query) = Query::<LanguageQuery>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let browser = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map_or(Lang::Nl, Lang::from_accept_language);
        Ok(match query.taal.as_deref().map(str::trim) {
            None | Some("") => PublicLang {
                lang: browser,
                unknown: None,
            },
            // "pl", "PL" and "pl-PL" all choose Polish.
            Some(code) => match Lang::parse(code) {
                Some(lang) => PublicLang {
                    lang,
                    unknown: None,
                },
                None => PublicLang {
                    lang: browser,
                    unknown: Some(code.chars().take(20).collect()),
                },
            },
        })
    }
}

/// One entry of the language switch.
pub struct LanguageLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

/// What every public page's frame needs: the language, the switch to the others, and whether a
/// native speaker has checked this translation.
pub struct PublicFrame {
    pub lang: Lang,
    pub languages: Vec<LanguageLink>,
    pub reviewed: bool,
    pub title: String,
}

impl PublicFrame {
    /// The frame of the page at `path` (without query) in `lang`, titled by the text of `title_key`.
    pub fn new(lang: Lang, path: &str, title_key: &str) -> Self {
        let languages = Lang::ALL
            .into_iter()
            .map(|other| LanguageLink {
                code: other.code(),
                name: other.own_name(),
                href: format!("{path}?taal={}", other.code()),
                current: other == lang,
            })
            .collect();
        Self {
            lang,
            languages,
            reviewed: public_help::translation_reviewed(lang),
            title: catalogue().format(lang, title_key, &[]),
        }
    }

    /// The text for `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        catalogue().format(self.lang, key, &[])
    }

    /// A link to another public page that keeps the language.
    pub fn href(&self, path: &str) -> String {
        format!("{path}?taal={}", self.lang.code())
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn quick_exit(&self) -> &'static str {
        QUICK_EXIT_TARGET
    }

    /// A phone number as a `tel:` address.
    pub fn tel(&self, number: &str) -> String {
        public_help::tel_uri(number)
    }
}
