//! The public pages themselves: the start (who do you worry about?), one page per situation, when
//! to call 112 or Veilig Thuis, what happens after you call, and the page for employers. Every text
//! comes from `public.ftl` in the visitor's language; the numbers come from the domain.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use schakel_domain::public_help::{
    Concern, EMERGENCY_NUMBER, POLICE_NUMBER, VEILIG_THUIS_NUMBER, VEILIG_THUIS_SITE, tel_uri,
};
use schakel_i18n::{Lang, catalogue, t_in};

use super::topic::{TopicKeys, topic};
use super::{PublicFrame, PublicLang};
use crate::AppError;
use crate::frame::render;

pub const START: &str = "/hulp";
pub const CALL: &str = "/hulp/112-of-veilig-thuis";
pub const AFTER: &str = "/hulp/na-je-telefoontje";
pub const EMPLOYERS: &str = "/hulp/werkgevers";

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route(START, get(start))
        .route(CALL, get(call))
        .route(AFTER, get(after))
        .route(EMPLOYERS, get(employers))
        .route("/hulp/{onderwerp}", get(topic))
}

/// A link in a page's body.
pub struct Link {
    pub href: String,
    pub text: String,
    pub phone: bool,
}

impl Link {
    fn phone(number: &str, text: String) -> Self {
        Link {
            href: tel_uri(number),
            text,
            phone: true,
        }
    }
}

/// One part of an article page: a heading with paragraphs, a list and a link.
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub list: Vec<String>,
    pub link: Option<Link>,
}

fn section(lang: Lang, heading: &str, paragraphs: &[&str]) -> Section {
    Section {
        heading: catalogue().format(lang, heading, &[]),
        paragraphs: paragraphs
            .iter()
            .map(|k| catalogue().format(lang, k, &[]))
            .collect(),
        list: Vec::new(),
        link: None,
    }
}

impl Section {
    fn list(mut self, lang: Lang, items: &[&str]) -> Self {
        self.list = items
            .iter()
            .map(|k| catalogue().format(lang, k, &[]))
            .collect();
        self
    }

    fn link(mut self, link: Link) -> Self {
        self.link = Some(link);
        self
    }
}

/// "Bel Veilig Thuis: 0800-2000" as a phone link in `lang`.
fn vt_link(lang: Lang) -> Link {
    Link::phone(
        VEILIG_THUIS_NUMBER,
        catalogue().format(
            lang,
            "public-call-vt-link",
            &[("number", VEILIG_THUIS_NUMBER)],
        ),
    )
}

/// The general pages, except the one shown, as "read also" links in the page's language.
pub(super) fn more(frame: &PublicFrame, current: &str) -> Vec<(String, String)> {
    let lang = frame.lang;
    [
        (START, t_in(lang, "public-start-link")),
        (CALL, t_in(lang, "public-call-link")),
        (AFTER, t_in(lang, "public-after-link")),
        (EMPLOYERS, t_in(lang, "public-employers-link")),
    ]
    .into_iter()
    .filter(|(path, _)| *path != current)
    .map(|(path, label)| (frame.href(path), label))
    .collect()
}

/// Renders a public page; a `taal` Schakel does not speak makes it a 400 with the message at the
/// language switch (the field), in the browser's language.
pub(super) fn respond(page: &impl Template, unknown: bool) -> Result<Response, AppError> {
    let mut res = render(page)?;
    if unknown {
        *res.status_mut() = StatusCode::BAD_REQUEST;
    }
    Ok(res)
}

pub(super) fn unknown_message(choice: &PublicLang) -> Option<String> {
    choice
        .unknown
        .as_ref()
        .map(|code| catalogue().format(choice.lang, "public-language-unknown", &[("code", code)]))
}

#[derive(Template)]
#[template(path = "public_start.html")]
struct StartPage {
    frame: PublicFrame,
    unknown_language: Option<String>,
    choices: Vec<(String, String)>,
    more: Vec<(String, String)>,
}

async fn start(choice: PublicLang) -> Result<Response, AppError> {
    let lang = choice.lang;
    let frame = PublicFrame::new(lang, START, "public-start-title");
    let choices = Concern::ALL
        .into_iter()
        .map(|c| {
            (
                frame.href(&format!("/hulp/{}", c.slug())),
                TopicKeys::of(c).choice,
            )
        })
        .map(|(href, key)| (href, catalogue().format(lang, key, &[])))
        .collect();
    let page = StartPage {
        more: more(&frame, START),
        frame,
        unknown_language: unknown_message(&choice),
        choices,
    };
    respond(&page, choice.unknown.is_some())
}

#[derive(Template)]
#[template(path = "public_article.html")]
struct ArticlePage {
    frame: PublicFrame,
    unknown_language: Option<String>,
    intro: String,
    sections: Vec<Section>,
    more: Vec<(String, String)>,
}

fn article(
    choice: &PublicLang,
    path: &'static str,
    title: &str,
    intro: &str,
    sections: Vec<Section>,
) -> Result<Response, AppError> {
    let frame = PublicFrame::new(choice.lang, path, title);
    let page = ArticlePage {
        more: more(&frame, path),
        intro: if intro.is_empty() {
            String::new()
        } else {
            frame.t(intro)
        },
        frame,
        unknown_language: unknown_message(choice),
        sections,
    };
    respond(&page, choice.unknown.is_some())
}

async fn call(choice: PublicLang) -> Result<Response, AppError> {
    let lang = choice.lang;
    let sections = vec![
        section(
            lang,
            "public-call-112-title",
            &["public-call-112-text", "public-call-112-doubt"],
        )
        .link(Link::phone(
            EMERGENCY_NUMBER,
            t_in(lang, "public-call-112-link"),
        )),
        section(lang, "public-call-vt-title", &["public-call-vt-text"])
            .list(
                lang,
                &[
                    "public-call-vt-free",
                    "public-call-vt-always",
                    "public-call-vt-anonymous",
                    "public-call-vt-report",
                ],
            )
            .link(vt_link(lang)),
        section(lang, "public-call-site-title", &["public-call-site-text"]).link(Link {
            href: VEILIG_THUIS_SITE.to_string(),
            text: "veiligthuis.nl".to_string(),
            phone: false,
        }),
        section(
            lang,
            "public-call-police-title",
            &["public-call-police-text"],
        )
        .link(Link::phone(POLICE_NUMBER, POLICE_NUMBER.to_string())),
    ];
    article(
        &choice,
        CALL,
        "public-call-title",
        "public-call-intro",
        sections,
    )
}

async fn after(choice: PublicLang) -> Result<Response, AppError> {
    let lang = choice.lang;
    let sections = vec![
        section(lang, "public-after-listen-title", &["public-after-listen"]),
        section(lang, "public-after-advice-title", &["public-after-advice"]),
        section(lang, "public-after-report-title", &["public-after-report"]),
        section(lang, "public-after-name-title", &["public-after-name"]),
        section(
            lang,
            "public-after-feedback-title",
            &["public-after-feedback"],
        ),
        section(
            lang,
            "public-after-together-title",
            &["public-after-together"],
        )
        .link(vt_link(lang)),
    ];
    article(
        &choice,
        AFTER,
        "public-after-title",
        "public-after-intro",
        sections,
    )
}

async fn employers(choice: PublicLang) -> Result<Response, AppError> {
    let lang = choice.lang;
    let sections = vec![
        section(lang, "public-employers-signs-title", &[]).list(
            lang,
            &[
                "public-employers-sign-1",
                "public-employers-sign-2",
                "public-employers-sign-3",
                "public-employers-sign-4",
            ],
        ),
        section(lang, "public-employers-do-title", &[])
            .list(
                lang,
                &[
                    "public-employers-do-1",
                    "public-employers-do-2",
                    "public-employers-do-3",
                    "public-employers-do-4",
                ],
            )
            .link(vt_link(lang)),
        section(
            lang,
            "public-employers-meldcode-title",
            &["public-employers-meldcode", "public-employers-no-meldcode"],
        ),
        section(
            lang,
            "public-employers-migrants-title",
            &[
                "public-employers-migrants",
                "public-employers-migrants-share",
                "public-employers-migrants-interpreter",
            ],
        ),
    ];
    article(
        &choice,
        EMPLOYERS,
        "public-employers-title",
        "public-employers-intro",
        sections,
    )
}
