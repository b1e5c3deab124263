//! One page per situation (a neighbour, a family member, a colleague, an employee, a child): what
//! you might notice and what you can do, in the visitor's language.

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use schakel_domain::public_help::{CHILD_HELPLINE_NUMBER, Concern, tel_uri};
use schakel_i18n::{catalogue, t_in};

use super::pages::{EMPLOYERS, more, respond, unknown_message};
use super::{PublicFrame, PublicLang};
use crate::AppError;

/// The catalogue keys of one situation's page.
pub(super) struct TopicKeys {
    pub(super) choice: &'static str,
    title: &'static str,
    intro: &'static str,
    signs: [&'static str; 3],
    steps: [&'static str; 3],
    note: &'static str,
}

impl TopicKeys {
    pub(super) fn of(concern: Concern) -> TopicKeys {
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

pub(super) async fn topic(
    choice: PublicLang,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
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
