//! One case: its facts, people, organisations and history; notes; and break-the-glass access.
//! Every route goes through [`gate::open_case`].

pub(crate) mod actions;
pub(crate) mod command;
mod redisplay;
mod summary;

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use schakel_domain::access::redact;
use schakel_domain::access::{Action, DataCategory, DenyReason, Ground};
use schakel_domain::case::CaseEvent;
use schakel_domain::msg;
use serde::Deserialize;

use schakel_app::CaseCommand;

use self::actions::Actions;
use self::command::ActionForm;
use self::redisplay::Redisplay;
use crate::auth::session::CurrentUser;
use crate::cases::casework;
use crate::csrf::check_csrf;
use crate::frame::PageUser;
use crate::frame::{PageCtx, break_glass_offer, render};
use crate::gate::{self, OpenedCase};
use crate::i18n::{t, t_args};
use crate::usecase;
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/casussen/{id}", get(view))
        .route("/casussen/{id}/noodtoegang", post(break_glass))
        .route("/casussen/{id}/notities", post(add_note))
        .route("/casussen/{id}/toewijzen", post(assign))
        .route("/casussen/{id}/acties", post(act))
        .route("/casussen/{id}/terugkoppeling", get(feedback_page))
        .route(
            "/casussen/{id}/terugkoppeling/ontvangen",
            get(feedback_received_page),
        )
}

pub struct EventRow {
    pub at: String,
    pub kind: String,
    pub who: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    page: PageCtx,
    id: String,
    title: String,
    kind: String,
    status: String,
    accountable: String,
    opened: String,
    /// (name, role and date of birth, person id)
    persons: Vec<(String, String, String)>,
    /// Issue 7: a Veilig Thuis worker who may change the case is offered "Zelfde persoon als ...".
    can_merge: bool,
    organisations: Vec<(String, String)>,
    events: Vec<EventRow>,
    break_glass: bool,
    /// Break-the-glass was asked for but the organisation takes part in the case (finding 6).
    break_glass_unneeded: bool,
    can_write: bool,
    last_seq: i64,
    /// Issue 7: the worker the case is assigned to, and whom the accountable organisation's user
    /// may assign it to (empty: no control).
    assigned: String,
    assign_options: Vec<(String, String, bool)>,
    actions: Option<Actions>,
    intakes: Vec<IntakeView>,
    /// What the reader does not see, and why, in Dutch.
    withheld: Vec<String>,
    /// What was decided, the regiehouder and the deadlines (issue 7); absent without a state.
    summary: Option<summary::Summary>,
    /// A refused case-action form, shown again as it was sent (issue 7).
    form: Redisplay,
}

/// One registered advies or melding as shown on the case page.
pub struct IntakeView {
    pub when: String,
    pub soort: String,
    pub classification: String,
    pub kanaal: String,
    pub melder: String,
    pub anonymous: bool,
    pub geweld: Vec<String>,
    pub groepen: Vec<String>,
    pub omschrijving: String,
}

fn label(list: &str, version: &str, code: &str) -> String {
    schakel_domain::codes::registry()
        .list(list, version)
        .and_then(|l| l.get(code))
        .map(|c| c.label_nl.clone())
        .unwrap_or_else(|| code.to_string())
}

fn intake_view(r: &schakel_domain::case::RecordedIntake) -> IntakeView {
    use schakel_domain::codes::ids;
    let i = &r.intake;
    let withheld = |t: &str| t == redact::WITHHELD;
    let melder_detail = [i.melder.name.as_deref(), i.melder.organisation.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    IntakeView {
        when: schakel_domain::calendar::dutch_moment(i.received_at),
        soort: match i.case_kind {
            schakel_domain::case::CaseKind::Advies => t("case-kind-advies"),
            schakel_domain::case::CaseKind::Melding => t("case-kind-melding"),
        },
        classification: r
            .classification
            .map(|c| c.label().to_string())
            .unwrap_or_default(),
        kanaal: label(ids::KANAAL, ids::SCHAKEL_1, &i.channel),
        melder: if withheld(&i.melder.melder_type) {
            t("case-melder-withheld")
        } else if melder_detail.is_empty() {
            label(ids::MELDER, ids::CBS_2019, &i.melder.melder_type)
        } else {
            format!(
                "{} ({melder_detail})",
                label(ids::MELDER, ids::CBS_2019, &i.melder.melder_type)
            )
        },
        anonymous: i.melder.anonymous_to_family,
        geweld: i
            .violence
            .iter()
            .map(|c| label(ids::AARD_GEWELD, &i.violence_version, c))
            .collect(),
        groepen: i
            .specific_groups
            .iter()
            .map(|c| label(ids::SPECIFIEKE_GROEP, ids::REGIOVISIE_2019, c))
            .collect(),
        omschrijving: if withheld(&i.description) {
            t("case-description-withheld")
        } else {
            i.description.clone()
        },
    }
}

async fn case_page(
    state: &AppState,
    user: &CurrentUser,
    case: OpenedCase,
) -> Result<Response, AppError> {
    case_page_with(state, user, case, Redisplay::default()).await
}

/// The case page, with a refused action form shown again (`form`).
async fn case_page_with(
    state: &AppState,
    user: &CurrentUser,
    case: OpenedCase,
    form: Redisplay,
) -> Result<Response, AppError> {
    let orgs = state.store.organisations().await?;
    let org_name = |id: &str| {
        orgs.iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let users = state.store.users().await?;
    let user_name = |id: &str| {
        users
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.display_name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let stored = case.events(state).await?;
    // The regiehouder named when the handover was last accepted (the events may withhold it).
    let named_regiehouder = stored
        .iter()
        .rev()
        .find(|e| e.kind == "handover_accepted")
        .and_then(|e| e.payload.get("regiehouder_user"))
        .and_then(|u| u.as_str())
        .filter(|u| *u != redact::WITHHELD)
        .map(str::to_string);
    let events = stored
        .into_iter()
        .map(|e| EventRow {
            // Stored in UTC; shown in Dutch time like every other time (issue 7).
            at: crate::display::moment(&e.at),
            text: if e.payload.get(redact::WITHHELD).is_some() {
                t("case-content-withheld")
            } else {
                e.payload
                    .get("text")
                    .or_else(|| e.payload.get("question"))
                    .and_then(|t| t.as_str())
                    .unwrap_or_default()
                    .to_string()
            },
            kind: CaseEvent::label_for_kind(&e.kind),
            who: format!("{} ({})", user_name(&e.user_id), org_name(&e.org_id)),
        })
        .collect();
    let break_glass = matches!(case.ground, Ground::BreakTheGlass { .. });
    let case_state = casework::current_state(state, &case).await?;
    let intakes = case_state
        .as_ref()
        .map(|s| s.intakes.iter().map(intake_view).collect())
        .unwrap_or_default();
    let anonymous = case_state.as_ref().is_some_and(|s| {
        s.intakes
            .iter()
            .any(|i| i.intake.melder.anonymous_to_family)
    });
    let withheld = withheld_lines(&case, anonymous);
    let assigned_user = case_state.as_ref().and_then(|s| s.assigned_user.clone());
    let assigned = assigned_user
        .as_deref()
        .map(&user_name)
        .unwrap_or_else(|| t("worklist-unassigned"));
    let assign_options = match (&user.membership, &case_state) {
        (Some(m), Some(s)) if !break_glass && s.is_open() && s.accountable_org == m.org_id => state
            .store
            .users_of_org(&m.org_id)
            .await?
            .into_iter()
            .map(|u| {
                let selected = assigned_user.as_deref() == Some(u.id.as_str());
                (u.id, u.display_name, selected)
            })
            .collect(),
        _ => Vec::new(),
    };
    let my_org = user
        .membership
        .as_ref()
        .map(|m| m.org_id.clone())
        .unwrap_or_default();
    let summary = case_state.as_ref().map(|s| {
        summary::summary(summary::Inputs {
            state: s,
            organisations: &orgs,
            // The assigned worker; else, while the receiver holds regie, the regiehouder it named.
            worker: assigned_user
                .as_deref()
                .or(named_regiehouder
                    .as_deref()
                    .filter(|_| s.accountable_org != s.vt_org))
                .map(&user_name),
            my_org: &my_org,
            now: state.clock.now(),
            calendar: &state.config.rules.calendar,
            terms: &state.config.rules.terms,
        })
    });
    let actions = match (break_glass, case_state) {
        (false, Some(case_state)) => {
            let colleagues = match &user.membership {
                Some(m) => state
                    .store
                    .users_of_org(&m.org_id)
                    .await?
                    .into_iter()
                    .map(|u| (u.id, u.display_name))
                    .collect(),
                None => Vec::new(),
            };
            Some(actions::actions(actions::Inputs {
                state: &case_state,
                user,
                now: state.clock.now(),
                calendar: &state.config.rules.calendar,
                terms: &state.config.rules.terms,
                organisations: &orgs,
                colleagues,
            }))
        }
        _ => None,
    };
    let page = CasePage {
        page: PageCtx::for_user(state, user, ""),
        id: case.summary.id.clone(),
        title: match &case.summary.case_number {
            Some(n) => format!("{n} · {}", case.summary.title),
            None => case.summary.title.clone(),
        },
        kind: crate::display::case_kind(&case.summary.kind),
        status: crate::display::phase(&case.summary.status),
        accountable: org_name(&case.summary.accountable_org),
        opened: crate::display::moment(&case.summary.opened_at),
        persons: case
            .persons
            .iter()
            .map(|(p, role)| {
                let role = crate::search::role_label(role);
                let detail = match &p.birth_date {
                    Some(born) => t_args(
                        "case-person-born",
                        &[
                            ("role", role.as_str()),
                            ("born", &crate::search::dutch_date(born)),
                        ],
                    ),
                    None => role,
                };
                (p.display_name.clone(), detail, p.id.clone())
            })
            .collect(),
        organisations: case
            .participants
            .iter()
            .map(|(o, p)| (org_name(o), p.label()))
            .collect(),
        events,
        // RULES.md 0, 2.5: a receiver that has not accepted answers the offer and writes no notes.
        can_write: !break_glass && case.allows(user, Action::Update),
        can_merge: !break_glass
            && case.allows(user, Action::Update)
            && user
                .membership
                .as_ref()
                .is_some_and(|m| m.org_kind == schakel_domain::org::OrgKind::VeiligThuis),
        last_seq: case.summary.last_seq,
        assigned,
        assign_options,
        break_glass,
        break_glass_unneeded: case.break_glass_unneeded,
        actions,
        intakes,
        withheld,
        summary,
        form,
    };
    render(&page)
}

/// The Dutch lines that say what the reader does not see: what accepting the handover adds, and
/// that an anonymous reporter stays with Veilig Thuis.
fn withheld_lines(case: &OpenedCase, anonymous: bool) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(later) = &case.view_after_acceptance {
        let gained: Vec<&str> = case
            .view
            .gained_in(later, anonymous)
            .into_iter()
            .map(DataCategory::label)
            .collect();
        if let Some((last, rest)) = gained.split_last() {
            let list = if rest.is_empty() {
                last.to_string()
            } else {
                format!("{} {} {last}", rest.join(", "), t("word-and"))
            };
            lines.push(t_args("case-after-acceptance", &[("list", &list)]));
        }
    }
    if anonymous && !case.view.shows(DataCategory::ReporterIdentity) {
        lines.push(t("case-reporter-only-at-vt"));
    }
    lines
}

/// Opens a case for a page; a user without relation is offered break-the-glass instead of an error.
async fn open_for_page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    action: Action,
    reason: Option<String>,
) -> Result<Result<OpenedCase, Response>, AppError> {
    match gate::open_case(state, user, id, action, reason).await {
        Ok(case) => Ok(Ok(case)),
        Err(AppError::Hidden(
            r @ (DenyReason::NoRelation | DenyReason::BreakGlassReasonTooShort),
        )) if action == Action::Read
            && user.membership.as_ref().is_some_and(|m| {
                // Offered only where the region allows it (issue 8 finding 6).
                state
                    .config
                    .rules
                    .break_glass
                    .org_kinds
                    .contains(&m.org_kind)
            }) =>
        {
            Ok(Err(break_glass_offer(state, user, id, &r.message())?))
        }
        Err(e) => Err(e),
    }
}

async fn view(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    match open_for_page(&state, &user, &id, Action::Read, None).await? {
        Ok(case) => case_page(&state, &user, case).await,
        Err(offer) => Ok(offer),
    }
}

#[derive(Deserialize)]
struct BreakGlassForm {
    reden: Option<String>,
    csrf: Option<String>,
}

async fn break_glass(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<BreakGlassForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let reason = f.reden.unwrap_or_default();
    match open_for_page(&state, &user, &id, Action::Read, Some(reason)).await? {
        Ok(case) => {
            tracing::warn!(
                user = user.user.username,
                case = id,
                "break-the-glass access"
            );
            case_page(&state, &user, case).await
        }
        Err(offer) => Ok(offer),
    }
}

async fn add_note(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(mut pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    check_csrf(&user, get("csrf").as_deref())?;
    let (case, expected) = open_for_write(
        &state,
        &user,
        &id,
        get("volgnummer").as_deref(),
        Action::Update,
    )
    .await?;
    let text = get("tekst").unwrap_or_default();
    let outcome = usecase::run(
        &state,
        &user,
        &case,
        expected,
        CaseCommand::AddNote { text },
    )
    .await;
    // The note form comes back like every case-action form (issue 7).
    pairs.push(("actie".into(), "notitie".into()));
    refused_or_done(
        &state,
        &user,
        &id,
        case,
        expected,
        &pairs,
        outcome.map(|_| ()),
    )
    .await
}

#[derive(Deserialize)]
struct AssignForm {
    medewerker: Option<String>,
    volgnummer: Option<String>,
    csrf: Option<String>,
}

/// Issue 7: assigns the case to a worker of the accountable organisation (or to nobody).
async fn assign(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<AssignForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let (case, expected) =
        open_for_write(&state, &user, &id, f.volgnummer.as_deref(), Action::Update).await?;
    let who = f
        .medewerker
        .map(|m| m.trim().to_string())
        .filter(|m| !m.is_empty());
    usecase::run(
        &state,
        &user,
        &case,
        expected,
        CaseCommand::Assign { user: who },
    )
    .await?;
    Ok(Redirect::to(&format!("/casussen/{id}")).into_response())
}

async fn act(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let f = ActionForm::from_pairs(&pairs);
    check_csrf(&user, f.csrf.as_deref())?;
    // The case is opened for what the command is (an answer to a handover offer or another
    // change), so the policy judges the command itself; a form that names no valid command is
    // judged as a change, and its error comes after the gate.
    let command = command::command_from(&f);
    let action = command.as_ref().map_or(Action::Update, CaseCommand::action);
    let (case, expected) =
        open_for_write(&state, &user, &id, f.volgnummer.as_deref(), action).await?;
    let outcome = match command {
        Ok(command) => usecase::run(&state, &user, &case, expected, command)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    refused_or_done(&state, &user, &id, case, expected, &pairs, outcome).await
}

/// After a case form was sent: back to the case when it was recorded; else the case page with the
/// form as it was sent (issue 7: never a bare error page), its errors, or what changed since it
/// was opened when someone changed the case first.
async fn refused_or_done(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    case: OpenedCase,
    expected: i64,
    pairs: &[(String, String)],
    outcome: Result<(), AppError>,
) -> Result<Response, AppError> {
    let (status, form) = match outcome {
        Ok(()) => return Ok(Redirect::to(&format!("/casussen/{id}")).into_response()),
        Err(e @ (AppError::BadInput(_) | AppError::BadInputs(_))) => {
            let errors: Vec<_> = e.field_errors().into_iter().cloned().collect();
            (e.status(), Redisplay::invalid(pairs, &errors))
        }
        Err(e @ AppError::Conflict(_)) => {
            let changes = changes_since(state, &case, expected).await?;
            (e.status(), Redisplay::stale(pairs, changes))
        }
        Err(e) => return Err(e),
    };
    // Opened again: the page shows the case as it is now, with the form's new sequence number.
    let case = gate::open_case(state, user, id, Action::Read, None).await?;
    let mut res = case_page_with(state, user, case, form).await?;
    *res.status_mut() = status;
    Ok(res)
}

/// What happened on the case after sequence number `seq`, as the labels the timeline shows; the
/// content stays out (the reader sees it in the timeline, as the view allows).
async fn changes_since(
    state: &AppState,
    case: &OpenedCase,
    seq: i64,
) -> Result<Vec<String>, AppError> {
    Ok(case
        .events(state)
        .await?
        .into_iter()
        .filter(|e| e.seq > seq)
        .map(|e| CaseEvent::label_for_kind(&e.kind))
        .collect())
}

#[derive(Template)]
#[template(path = "feedback.html")]
struct FeedbackPage {
    page: PageCtx,
    id: String,
    last_seq: i64,
    moment: String,
    lines: Vec<String>,
}

#[derive(Deserialize)]
struct FeedbackQuery {
    moment: Option<String>,
}

async fn feedback_page(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
    axum::extract::Query(q): axum::extract::Query<FeedbackQuery>,
) -> Result<Response, AppError> {
    let moment = command::parse_moment("moment", q.moment.as_deref().unwrap_or(""))?;
    let case = gate::open_case(&state, &user, &id, Action::Read, None).await?;
    let composed = crate::cases::feedback::compose(&state, &case, moment).await?;
    render(&FeedbackPage {
        page: PageCtx::for_user(&state, &user, ""),
        id: case.summary.id.clone(),
        last_seq: case.summary.last_seq,
        moment: actions::moment_code(moment).to_string(),
        lines: crate::cases::feedback::lines(&composed),
    })
}

#[derive(Template)]
#[template(path = "feedback_received.html")]
struct FeedbackReceivedPage {
    page: PageCtx,
    sent: Vec<crate::gate::SentFeedback>,
}

/// Issue 7 item 9: the feedback Veilig Thuis sent to the user's organisation as reporter (or, for
/// the organisations in the case, all feedback sent), without the file.
async fn feedback_received_page(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let sent = gate::reporter_feedback(&state, &user, &id).await?;
    render(&FeedbackReceivedPage {
        page: PageCtx::for_user(&state, &user, ""),
        sent,
    })
}

/// A case opened for a change (`action`: `Update`, or `Respond` for an answer to a handover offer),
/// with the sequence number the form was rendered at (a stale one makes the write a 409 conflict).
async fn open_for_write(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    volgnummer: Option<&str>,
    action: Action,
) -> Result<(OpenedCase, i64), AppError> {
    let expected: i64 = volgnummer
        .unwrap_or("")
        .trim()
        .parse()
        .map_err(|_| AppError::field("volgnummer", msg("case-sequence-invalid")))?;
    let case = gate::open_case(state, user, id, action, None).await?;
    Ok((case, expected))
}
