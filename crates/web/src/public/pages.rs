//! The public pages themselves: the start (who do you worry about?), one page per situation, when
//! to call 112 or Veilig Thuis, what happens after you call, and the page for employers. Every text
//! comes from `public.ftl` in the visitor's language; the numbers come from the domain.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use schakel_domain::public_help::{
    CHILD_HELPLINE_NUMBER, Concern, EMERGENCY_NUMBER, POLICE_NUMBER, VEILIG_THUIS_NUMBER,
    VEILIG_THUIS_SITE, tel_uri,
};
use schakel_i18n::{Lang, catalogue, t_in};

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
fn more(frame: &PublicFrame, current: &str) -> Vec<(String, String)> {
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
fn respond(page: &impl Template, unknown: bool) -> Result<Response, AppError> {
    let mut res = render(page)?;
    if unknown {
        *res.status_mut() = StatusCode::BAD_REQUEST;
    }
    Ok(res)
}

fn unknown_message(choice: &PublicLang) -> Option<String> {
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

/// The catalogue keys of one situation's page.
struct TopicKeys {
    choice: &'static str,
    title: &'static str,
    intro: &'static str,
    signs: [&'static str; 3],
    steps: [&'static str; 3],
    note: &'static str,
}

impl TopicKeys {
    fn of(concern: Concern) -> TopicKeys {
        match concern {
            Concern::Neighbour => TopicKeys {
                choice: "public-start-who-buur",
                title: "public-buur-title",
                intro: "public-buur-intro",
                signs: [
                    "public-buur-sign-1",
                    "public-buur-sign-2",
                    "public-buur-sign-3",
                ],
                steps: ["public-buur-do-1", "public-buur-do-2", "public-buur-do-3"],
                note: "public-buur-note",
            },
            Concern::FamilyMember => TopicKeys {
                choice: "public-start-who-familielid",
                title: "public-familielid-title",
                intro: "public-familielid-intro",
                signs: [
                    "public-familielid-sign-1",
                    "public-familielid-sign-2",
                    "public-familielid-sign-3",
                ],
                steps: [
                    "public-familielid-do-1",
                    "public-familielid-do-2",
                    "public-familielid-do-3",
                ],
                note: "public-familielid-note",
            },
            Concern::Colleague => TopicKeys {
                choice: "public-start-who-collega",
                title: "public-collega-title",
                intro: "public-collega-intro",
                signs: [
                    "public-collega-sign-1",
                    "public-collega-sign-2",
                    "public-collega-sign-3",
                ],
                steps: [
                    "public-collega-do-1",
                    "public-collega-do-2",
                    "public-collega-do-3",
                ],
                note: "public-collega-note",
            },
            Concern::Employee => TopicKeys {
                choice: "public-start-who-werknemer",
                title: "public-werknemer-title",
                intro: "public-werknemer-intro",
                signs: [
                    "public-werknemer-sign-1",
                    "public-werknemer-sign-2",
                    "public-werknemer-sign-3",
                ],
                steps: [
                    "public-werknemer-do-1",
                    "public-werknemer-do-2",
                    "public-werknemer-do-3",
                ],
                note: "public-werknemer-note",
            },
            Concern::Child => TopicKeys {
                choice: "public-start-who-kind",
                title: "public-kind-title",
                intro: "public-kind-intro",
                signs: [
                    "public-kind-sign-1",
                    "public-kind-sign-2",
                    "public-kind-sign-3",
                ],
                steps: ["public-kind-do-1", "public-kind-do-2", "public-kind-do-3"],
                note: "public-kind-note",
            },
        }
    }
}

/// One situation's texts in the page's language.
struct TopicView {
    intro: String,
    signs: Vec<String>,
    steps: Vec<String>,
    note: String,
    note_link: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "public_topic.html")]
struct TopicPage {
    frame: PublicFrame,
    unknown_language: Option<String>,
    topic: TopicView,
    more: Vec<(String, String)>,
}

async fn topic(choice: PublicLang, Path(slug): Path<String>) -> Result<Response, AppError> {
    let concern = Concern::from_slug(&slug).ok_or(AppError::NotFound)?;
    let lang = choice.lang;
    let keys = TopicKeys::of(concern);
    let path = format!("/hulp/{}", concern.slug());
    let frame = PublicFrame::new(lang, &path, keys.title);
    let text = |key: &str| catalogue().format(lang, key, &[]);
    let note_link = match concern {
        // An employer has a page of their own, with the meldcode.
        c if c.concerns_employer() => {
            Some((frame.href(EMPLOYERS), t_in(lang, "public-employers-link")))
        }
        // Children can call De Kindertelefoon themselves.
        Concern::Child => Some((
            tel_uri(CHILD_HELPLINE_NUMBER),
            CHILD_HELPLINE_NUMBER.to_string(),
        )),
        _ => None,
    };
    let view = TopicView {
        intro: text(keys.intro),
        signs: keys.signs.iter().map(|k| text(k)).collect(),
        steps: keys.steps.iter().map(|k| text(k)).collect(),
        note: text(keys.note),
        note_link,
    };
    let page = TopicPage {
        more: more(&frame, ""),
        frame,
        unknown_language: unknown_message(&choice),
        topic: view,
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
