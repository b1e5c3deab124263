//! One meldcode dossier: where it stands, its five steps with who recorded what and when, the form
//! of the step to take, what was sent to Veilig Thuis, and the whole history.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use schakel_domain::FieldError;
use schakel_domain::access::Action;
use schakel_domain::calendar::{dutch_date, dutch_moment};
use schakel_domain::meldcode::{
    Conversation, MeldcodeDossier, MeldcodeEvent, Phase, Recorded, SkipGround, Step, VtAdvice,
    afweging::question_text,
};
use serde::Deserialize;

use super::steps::{self, StepForm};
use super::{actor, professional};
use crate::auth::session::CurrentUser;
use crate::csrf::check_csrf;
use crate::forms::FormErrors;
use crate::frame::{PageCtx, PageUser, render};
use crate::gate::dossier::{OpenedDossier, open_dossier};
use crate::i18n::{t, t_args};
use crate::intake::page::form::Posted;
use crate::{AppError, AppState};

pub struct StepView {
    pub number: u8,
    pub code: &'static str,
    pub label: String,
    /// "29-11-2026 14:05 · J. de Vries" when recorded.
    pub done: Option<String>,
    pub current: bool,
}

pub struct HistoryItem {
    pub at: String,
    pub by: String,
    pub title: String,
    pub lines: Vec<String>,
}

pub struct RequestView {
    pub kind: String,
    pub sent: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "meldcode_dossier.html")]
pub struct DossierPage {
    pub page: PageCtx,
    pub id: String,
    pub client: String,
    pub born: String,
    pub concern: String,
    pub phase: String,
    pub opened: String,
    pub steps: Vec<StepView>,
    /// The outcome of the last weighing and what it leads to.
    pub outcome: Option<(String, String)>,
    pub writable: bool,
    /// Steps 1 to 5 can still be recorded (no melding decided, not closed).
    pub walking: bool,
    /// The form shown (its `actie` code), empty for none.
    pub form: &'static str,
    pub errors: FormErrors,
    pub values: Posted,
    pub melding_due: bool,
    pub may_ask_advice: bool,
    pub requests: Vec<RequestView>,
    pub history: Vec<HistoryItem>,
    pub seq: u64,
    pub skip_grounds: Vec<(&'static str, String)>,
    pub questions: Vec<(u8, String)>,
    /// The confirmation after sending, empty otherwise.
    pub sent: String,
}

impl DossierPage {
    /// The posted or prefilled value of `name`.
    pub fn v(&self, name: &str) -> &str {
        self.values.get(name)
    }

    pub fn is(&self, name: &str, value: &str) -> bool {
        self.values.get(name) == value
    }

    pub fn on(&self, name: &str) -> bool {
        matches!(self.values.get(name), "ja" | "on" | "true")
    }
}

#[derive(Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    stap: Option<String>,
    /// Set after sending (`advies` or `melding`): the page confirms it.
    #[serde(default)]
    verstuurd: Option<String>,
}

/// The form a dossier offers by default: the step its phase asks for.
fn default_form(d: &MeldcodeDossier) -> Option<StepForm> {
    match d.phase() {
        Phase::AtStep(step) => Some(StepForm::of(step)),
        // Help is followed: question 5 is answered in a new weighing.
        Phase::FollowingHelp => Some(StepForm::Weighing),
        Phase::MeldingDue | Phase::Reported | Phase::Closed => None,
    }
}

/// The answers of the last weighing, so weighing again starts from them.
fn last_answers(d: &MeldcodeDossier) -> Vec<(String, String)> {
    let Some(w) = &d.weighing else {
        return Vec::new();
    };
    let sheet = w.what.answers.sheet();
    [sheet.q1, sheet.q2, sheet.q3, sheet.q4, sheet.q5]
        .into_iter()
        .enumerate()
        .filter_map(|(i, a)| {
            a.map(|yes| {
                (
                    format!("vraag_{}", i + 1),
                    if yes { "ja" } else { "nee" }.to_string(),
                )
            })
        })
        .collect()
}

fn stamp(at: time::OffsetDateTime, by: &str) -> String {
    format!("{} · {by}", dutch_moment(at))
}

fn step_done(d: &MeldcodeDossier, step: Step) -> Option<String> {
    let (at, by) = match step {
        Step::Signals => d.signals.as_ref().map(|e| (e.at, &e.by))?,
        Step::Consultation => d.consultations.last().map(|e| (e.at, &e.by))?,
        Step::Conversation => d.conversation.as_ref().map(|e| (e.at, &e.by))?,
        Step::Weighing => d.weighing.as_ref().map(|e| (e.at, &e.by))?,
        Step::Decision => d.decision.as_ref().map(|e| (e.at, &e.by))?,
    };
    Some(stamp(at, &by.name))
}

fn yes_no(b: bool) -> String {
    t(if b { "mcp-yes" } else { "mcp-no" })
}

/// One event as the history shows it.
fn history_item(e: &Recorded) -> HistoryItem {
    let (title, lines): (String, Vec<String>) = match &e.event {
        MeldcodeEvent::Opened {
            client, concern, ..
        } => (
            t("mcp-event-opened"),
            vec![client.name.clone(), concern.clone()],
        ),
        MeldcodeEvent::SignalsRecorded { signals, kindcheck } => (
            Step::Signals.label(),
            vec![
                signals.clone(),
                format!("{}: {}", t("mcp-kindcheck"), kindcheck.summary(false)),
            ],
        ),
        MeldcodeEvent::NoSuspicion { reason } => {
            (t("mcp-event-no-suspicion"), vec![reason.clone()])
        }
        MeldcodeEvent::ConsultationRecorded {
            colleague,
            summary,
            veilig_thuis,
        } => {
            let mut lines = vec![
                format!("{}: {colleague}", t("mcp-consulted-with")),
                summary.clone(),
            ];
            if let VtAdvice::Yes { advice } = veilig_thuis {
                lines.push(format!("{}: {advice}", t("mcp-field-advies-veilig-thuis")));
            }
            (Step::Consultation.label(), lines)
        }
        MeldcodeEvent::ConversationRecorded { conversation } => (
            Step::Conversation.label(),
            match conversation {
                Conversation::Held { summary } => vec![summary.clone()],
                Conversation::NotHeld {
                    ground,
                    explanation,
                } => vec![
                    t("mcp-conversation-not-held"),
                    ground.label(),
                    explanation.clone(),
                ],
            },
        ),
        MeldcodeEvent::WeighingRecorded {
            assessment,
            in_doubt,
            answers,
        } => {
            let sheet = answers.sheet();
            let mut lines = vec![assessment.clone()];
            if *in_doubt {
                lines.push(t("mcp-in-doubt-recorded"));
            }
            for (n, a) in [sheet.q1, sheet.q2, sheet.q3, sheet.q4, sheet.q5]
                .into_iter()
                .enumerate()
            {
                if let Some(a) = a {
                    lines.push(format!("{} {}: {}", t("mcp-question"), n + 1, yes_no(a)));
                }
            }
            lines.push(format!(
                "{}: {}",
                t("mcp-outcome"),
                answers.outcome().label()
            ));
            (Step::Weighing.label(), lines)
        }
        MeldcodeEvent::DecisionRecorded { outcome, note } => {
            (Step::Decision.label(), vec![outcome.label(), note.clone()])
        }
        MeldcodeEvent::MeldingMade { .. } => (t("mcp-event-melding-made"), Vec::new()),
        MeldcodeEvent::Closed { reason } => (t("mcp-event-closed"), vec![reason.clone()]),
    };
    HistoryItem {
        at: dutch_moment(e.at),
        by: e.by.name.clone(),
        title,
        lines: lines.into_iter().filter(|l| !l.is_empty()).collect(),
    }
}

async fn requests(state: &AppState, id: &str) -> Result<Vec<RequestView>, AppError> {
    Ok(state
        .store
        .meldcode_requests_of(id)
        .await?
        .into_iter()
        .map(|r| RequestView {
            kind: crate::display::case_kind(&r.kind),
            sent: stamp(r.sent_at, &r.sent_by.name),
            status: match r.registered_at {
                Some(at) => t_args("mcp-request-registered", &[("datum", &dutch_moment(at))]),
                None => t("mcp-request-waiting"),
            },
        })
        .collect())
}

/// The page of `opened`, with `form` shown (or the phase's own), its errors and values.
async fn view(
    state: &AppState,
    user: &CurrentUser,
    opened: &OpenedDossier,
    form: Option<StepForm>,
    errors: FormErrors,
    values: Option<Posted>,
) -> Result<DossierPage, AppError> {
    let d = &opened.dossier;
    let writable = !d.is_closed() && opened.allows(user, Action::Update);
    let walking = matches!(d.phase(), Phase::AtStep(_) | Phase::FollowingHelp);
    let form = if writable {
        form.or_else(|| default_form(d))
    } else {
        None
    };
    let current = default_form(d);
    let steps = Step::ALL
        .into_iter()
        .map(|s| StepView {
            number: s.number(),
            code: StepForm::of(s).code(),
            label: s.label(),
            done: step_done(d, s),
            current: walking && current == Some(StepForm::of(s)),
        })
        .collect();
    let history = schakel_app::meldcode::history(&state.store, &opened.id)
        .await?
        .iter()
        .rev()
        .map(history_item)
        .collect();
    let values = values.unwrap_or_else(|| match form {
        Some(StepForm::Weighing) => Posted(last_answers(d)),
        _ => Posted(Vec::new()),
    });
    Ok(DossierPage {
        page: PageCtx::for_user(state, user, "/meldcode"),
        id: opened.id.clone(),
        client: d.client.name.clone(),
        born: d.client.birth_date.map(dutch_date).unwrap_or_default(),
        concern: d.concern.clone(),
        phase: d.phase().label(),
        opened: stamp(d.opened_at, &d.opened_by.name),
        steps,
        outcome: d
            .weighed_outcome()
            .map(|o| (o.label(), o.leads_to().label())),
        writable,
        walking,
        form: form.map_or("", StepForm::code),
        errors,
        values,
        melding_due: writable && d.phase() == Phase::MeldingDue,
        may_ask_advice: writable && walking && d.signals.is_some(),
        requests: requests(state, &opened.id).await?,
        history,
        seq: d.seq,
        skip_grounds: SkipGround::ALL
            .into_iter()
            .map(|g| (g.code(), g.label()))
            .collect(),
        questions: (1..=5).map(|n| (n, question_text(n))).collect(),
        sent: String::new(),
    })
}

pub async fn page(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let opened = open_dossier(&state, &user, &id, Action::Read).await?;
    let form = q.stap.as_deref().and_then(StepForm::parse);
    let mut page = view(&state, &user, &opened, form, FormErrors::default(), None).await?;
    page.sent = match q.verstuurd.as_deref() {
        Some("melding") => t("mcp-sent-melding"),
        Some("advies") => t("mcp-sent-advies"),
        _ => String::new(),
    };
    render(&page)
}

/// Records the step the form posts (`actie`), after the event the page showed (`seq`).
pub async fn record(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let p = Posted(pairs);
    check_csrf(&user, Some(p.get("csrf")))?;
    let opened = open_dossier(&state, &user, &id, Action::Update).await?;
    let Some(form) = StepForm::parse(p.get("actie")) else {
        return Err(AppError::BadInput(FieldError::new(
            "actie",
            schakel_domain::msg("error-meldcode-unknown-form"),
        )));
    };
    let expected = p.get("seq").parse::<u64>().ok();
    let result = schakel_app::meldcode::run(
        &state.store,
        &actor(&user)?,
        &professional(&user),
        &id,
        expected,
        steps::command(form, &p),
        state.clock.now(),
    )
    .await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/meldcode/{id}")).into_response()),
        Err(schakel_app::Error::Invalid(e)) => {
            let errors = FormErrors::placed([&e], |f| steps::place(form, f));
            let mut res =
                render(&view(&state, &user, &opened, Some(form), errors, Some(p)).await?)?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}
