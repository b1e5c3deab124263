//! The programme's overview (with the projectleider's signals and the budget) and one action (its
//! history, its update form and its budget lines).

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use schakel_domain::FieldError;
use schakel_domain::access::{Action, is_projectleider};
use schakel_domain::calendar::{dutch_date, dutch_local_date, dutch_moment};
use schakel_domain::programme::{ActionStatus, ProgrammeCommand, ProgrammeState};
use serde::Deserialize;

use super::{allowed, current, euros, may_update, required, short};
use crate::csrf::check_csrf;
use crate::forms::FormErrors;
use crate::frame::{PageCtx, PageUser, render};
use crate::i18n::t;
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/programma", get(overview))
        .route("/programma/acties/{key}", get(action_page).post(update))
        .route("/programma/acties/{key}/budget", post(add_budget))
}

pub struct Row {
    pub key: String,
    pub how: String,
    pub timing: String,
    pub owner: String,
    pub status: ActionStatus,
    pub past_planned: bool,
    pub last_note: String,
}

pub struct ThemeBlock {
    pub what: String,
    pub rows: Vec<Row>,
}

pub struct LineBlock {
    pub number: u8,
    pub name: String,
    pub themes: Vec<ThemeBlock>,
}

/// A signalled action as listed: key, short text, and what to say about it.
pub struct Flag {
    pub key: String,
    pub how: String,
    pub detail: String,
}

pub struct SignalsView {
    pub past_planned: Vec<Flag>,
    pub without_owner: Vec<Flag>,
    pub not_responded: Vec<Flag>,
    pub slipping: Vec<Flag>,
}

impl SignalsView {
    pub fn is_empty(&self) -> bool {
        self.past_planned.is_empty()
            && self.without_owner.is_empty()
            && self.not_responded.is_empty()
            && self.slipping.is_empty()
    }
}

#[derive(Template)]
#[template(path = "programme.html")]
struct OverviewPage {
    page: PageCtx,
    programme: Option<ProgrammeHeader>,
    lines: Vec<LineBlock>,
    groups: Vec<(String, String)>,
    statuses: Vec<(&'static str, String)>,
    filter_group: String,
    filter_status: String,
    shown: usize,
    total: usize,
    shown_text: String,
    counts: Vec<(String, usize)>,
    signals: Option<SignalsView>,
    budget: Vec<(String, i32, String)>,
}

pub struct ProgrammeHeader {
    pub name: String,
    pub lead: String,
    pub round: String,
    pub my_groups: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Filter {
    werkgroep: Option<String>,
    status: Option<String>,
}

fn owner_name(programme: &ProgrammeState, key: &str) -> String {
    programme
        .owner_of(key)
        .and_then(|g| programme.programme.group_name(g))
        .map_or_else(|| t("programme-no-owner"), str::to_string)
}

fn flag(programme: &ProgrammeState, key: &str, detail: String) -> Flag {
    let how = programme
        .programme
        .action(key)
        .map(|(_, _, a)| short(&a.how))
        .unwrap_or_default();
    Flag {
        key: key.to_string(),
        how,
        detail,
    }
}

fn signals_view(programme: &ProgrammeState, today: time::Date) -> SignalsView {
    let s = programme.signals(today);
    let round_label = |n: u32| {
        programme
            .rounds
            .iter()
            .find(|r| r.number == n)
            .map(|r| r.half_year.label())
            .unwrap_or_default()
    };
    SignalsView {
        past_planned: s
            .past_planned
            .iter()
            .map(|k| {
                let when = programme
                    .programme
                    .action(k)
                    .and_then(|(_, _, a)| a.timing.as_ref())
                    .map(|t| t.text.clone())
                    .unwrap_or_default();
                flag(
                    programme,
                    k,
                    format!("{} · {}", when, programme.progress_of(k).status.label()),
                )
            })
            .collect(),
        without_owner: s
            .without_owner
            .iter()
            .map(|k| flag(programme, k, t("programme-no-owner")))
            .collect(),
        not_responded: s
            .not_responded
            .iter()
            .map(|(n, g)| Flag {
                key: String::new(),
                how: g.name.clone(),
                detail: crate::i18n::t_args(
                    "programme-signal-missing",
                    &[
                        ("ronde", &round_label(*n)),
                        ("n", &g.missing.len().to_string()),
                        (
                            "trekkers",
                            &if g.trekkers.is_empty() {
                                t("programme-no-trekker")
                            } else {
                                g.trekkers.join(", ")
                            },
                        ),
                    ],
                ),
            })
            .collect(),
        slipping: s
            .slipping
            .iter()
            .map(|a| {
                let history = a
                    .statuses
                    .iter()
                    .map(|(n, st)| format!("{}: {}", round_label(*n), st.label()))
                    .collect::<Vec<_>>()
                    .join(" → ");
                flag(programme, &a.key, history)
            })
            .collect(),
    }
}

async fn overview(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(filter): Query<Filter>,
) -> Result<Response, AppError> {
    let actor = allowed(&user, Action::Read)?;
    let mut page = OverviewPage {
        page: PageCtx::for_user(&state, &user, "/programma"),
        programme: None,
        lines: Vec::new(),
        groups: Vec::new(),
        statuses: ActionStatus::ALL
            .into_iter()
            .map(|s| (s.code(), s.label()))
            .collect(),
        filter_group: filter.werkgroep.clone().unwrap_or_default(),
        filter_status: filter.status.clone().unwrap_or_default(),
        shown: 0,
        total: 0,
        shown_text: String::new(),
        counts: Vec::new(),
        signals: None,
        budget: Vec::new(),
    };
    let Some((_, programme)) = current(&state).await? else {
        return render(&page);
    };
    let status_filter = match filter.status.as_deref().filter(|s| !s.is_empty()) {
        Some(code) => Some(ActionStatus::parse("status", code).map_err(|_| {
            AppError::BadQuery(FieldError::new(
                "status",
                schakel_domain::msg("error-programme-status-unknown"),
            ))
        })?),
        None => None,
    };
    let group_filter = filter.werkgroep.as_deref().filter(|g| !g.is_empty());
    if let Some(g) = group_filter
        && programme.programme.group_name(g).is_none()
    {
        return Err(AppError::BadQuery(FieldError::new(
            "werkgroep",
            schakel_domain::msg_args("error-programme-group-unknown", [("code", g.to_string())]),
        )));
    }
    let today = dutch_local_date(state.clock.now());
    let leader = is_projectleider(&actor);
    let def = &programme.programme;
    for line in &def.action_lines {
        page.lines.push(LineBlock {
            number: line.number,
            name: line.name.clone(),
            themes: Vec::new(),
        });
    }
    let mut counts = std::collections::BTreeMap::new();
    for (key, line, theme, action) in def.keyed_actions() {
        let progress = programme.progress_of(&key);
        *counts.entry(progress.status.code()).or_insert(0usize) += 1;
        page.total += 1;
        if status_filter.is_some_and(|s| s != progress.status)
            || group_filter.is_some_and(|g| action.owner(theme) != Some(g))
        {
            continue;
        }
        page.shown += 1;
        let row = Row {
            how: match &action.heading {
                Some(h) => format!("{h} {}", action.how),
                None => action.how.clone(),
            },
            timing: action
                .timing
                .as_ref()
                .map(|t| t.text.clone())
                .unwrap_or_default(),
            owner: owner_name(&programme, &key),
            status: progress.status,
            past_planned: schakel_domain::programme::is_past_planned(
                action.timing.as_ref(),
                progress.status,
                today,
            ),
            last_note: progress
                .notes
                .iter()
                .rev()
                .find(|n| !n.text.is_empty())
                .map(|n| format!("{} ({})", short(&n.text), dutch_date(n.at.date())))
                .unwrap_or_default(),
            key,
        };
        if let Some(block) = page.lines.iter_mut().find(|l| l.number == line.number) {
            match block.themes.last_mut() {
                Some(tb) if tb.what == theme.what => tb.rows.push(row),
                _ => block.themes.push(ThemeBlock {
                    what: theme.what.clone(),
                    rows: vec![row],
                }),
            }
        }
    }
    page.lines.retain(|l| !l.themes.is_empty());
    page.counts = ActionStatus::ALL
        .into_iter()
        .map(|s| (s.label(), counts.get(s.code()).copied().unwrap_or(0)))
        .collect();
    page.groups = def
        .working_groups
        .iter()
        .map(|g| (g.code.clone(), g.name.clone()))
        .collect();
    page.signals = leader.then(|| signals_view(&programme, today));
    page.budget = programme
        .budget_totals()
        .into_iter()
        .map(|((source, year), cents)| (source, year, euros(cents)))
        .collect();
    page.shown_text = crate::i18n::t_args(
        "programme-shown",
        &[
            ("n", &page.shown.to_string()),
            ("van", &page.total.to_string()),
        ],
    );
    let period = format!("{}–{}", def.from_year, def.to_year);
    page.programme = Some(ProgrammeHeader {
        lead: crate::i18n::t_args(
            "programme-lead",
            &[("periode", &period), ("opdrachtgever", &def.client)],
        ),
        name: def.name.clone(),
        round: match programme.open_round() {
            Some(r) => crate::i18n::t_args(
                "programme-round-open-until",
                &[
                    ("ronde", &r.half_year.label()),
                    ("datum", &dutch_date(r.due)),
                ],
            ),
            None => t("programme-round-none-open"),
        },
        my_groups: programme
            .groups_of(&actor.user_id)
            .into_iter()
            .filter_map(|g| def.group_name(g).map(str::to_string))
            .collect(),
    });
    render(&page)
}

pub struct NoteView {
    pub at: String,
    pub by: String,
    pub status: String,
    pub text: String,
    pub round: String,
}

#[derive(Template)]
#[template(path = "programme_action.html")]
struct ActionPage {
    page: PageCtx,
    key: String,
    line: String,
    what: String,
    heading: String,
    how: String,
    timing: String,
    timing_read: String,
    owner: String,
    status: ActionStatus,
    indicators: Vec<String>,
    notes: Vec<NoteView>,
    budget: Vec<(String, i32, String)>,
    editable: bool,
    projectleider: bool,
    statuses: Vec<(&'static str, String)>,
    form_status: String,
    form_note: String,
    budget_source: String,
    budget_year: String,
    budget_amount: String,
    errors: FormErrors,
    budget_errors: FormErrors,
    saved: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionQuery {
    opgeslagen: Option<String>,
}

async fn action_page(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(key): Path<String>,
    Query(q): Query<ActionQuery>,
) -> Result<Response, AppError> {
    let actor = allowed(&user, Action::Read)?;
    let (_, programme) = required(&state).await?;
    let mut page = action_view(&state, &programme, &actor, &key, &user)?;
    page.saved = q.opgeslagen.is_some();
    render(&page)
}

fn action_view(
    state: &AppState,
    programme: &ProgrammeState,
    actor: &schakel_domain::access::Actor,
    key: &str,
    user: &crate::auth::session::CurrentUser,
) -> Result<ActionPage, AppError> {
    let (line, theme, action) = programme.programme.action(key).ok_or(AppError::NotFound)?;
    let progress = programme.progress_of(key);
    let round_label = |n: Option<u32>| {
        n.and_then(|n| programme.rounds.iter().find(|r| r.number == n))
            .map(|r| r.half_year.label())
            .unwrap_or_default()
    };
    let timing_read = action
        .timing
        .as_ref()
        .map(|timing| match (timing.from, timing.until, timing.ongoing) {
            (Some(f), Some(u), _) => crate::i18n::t_args(
                "programme-timing-read",
                &[("van", &dutch_date(f)), ("tot", &dutch_date(u))],
            ),
            (_, _, true) => t("programme-timing-ongoing"),
            _ => t("programme-timing-unread"),
        })
        .unwrap_or_default();
    Ok(ActionPage {
        page: PageCtx::for_user(state, user, "/programma"),
        key: key.to_string(),
        line: format!("{}. {}", line.number, line.name),
        what: theme.what.clone(),
        heading: action.heading.clone().unwrap_or_default(),
        how: action.how.clone(),
        timing: action
            .timing
            .as_ref()
            .map(|t| t.text.clone())
            .unwrap_or_default(),
        timing_read,
        owner: owner_name(programme, key),
        status: progress.status,
        indicators: action.indicators.iter().map(|i| i.label()).collect(),
        notes: progress
            .notes
            .iter()
            .rev()
            .map(|n| NoteView {
                at: dutch_moment(n.at),
                by: n.by.clone(),
                status: n.status.label(),
                text: n.text.clone(),
                round: round_label(n.round),
            })
            .collect(),
        budget: programme
            .budget
            .iter()
            .filter(|b| b.action == key)
            .map(|b| (b.source.clone(), b.year, euros(b.amount_cents)))
            .collect(),
        editable: may_update(programme, actor, key),
        projectleider: is_projectleider(actor),
        statuses: ActionStatus::ALL
            .into_iter()
            .map(|s| (s.code(), s.label()))
            .collect(),
        form_status: progress.status.code().to_string(),
        form_note: String::new(),
        budget_source: String::new(),
        budget_year: String::new(),
        budget_amount: String::new(),
        errors: FormErrors::default(),
        budget_errors: FormErrors::default(),
        saved: false,
    })
}

#[derive(Deserialize)]
struct UpdateForm {
    csrf: Option<String>,
    status: Option<String>,
    toelichting: Option<String>,
}

/// Where an error of the update form shows, with the label read there.
fn place_update(field: &str) -> (String, String) {
    match field {
        "status" => ("status".into(), t("programme-field-status")),
        _ => ("toelichting".into(), t("programme-field-note")),
    }
}

async fn update(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(key): Path<String>,
    Form(f): Form<UpdateForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let actor = allowed(&user, Action::Update)?;
    let (id, programme) = required(&state).await?;
    if programme.programme.action(&key).is_none() {
        return Err(AppError::NotFound);
    }
    let note = f.toelichting.clone().unwrap_or_default();
    let status = ActionStatus::parse("status", f.status.as_deref().unwrap_or_default());
    let result = match status {
        Ok(status) => super::write(
            &state,
            &user,
            &actor,
            &id,
            ProgrammeCommand::UpdateAction {
                action: key.clone(),
                status,
                note: note.clone(),
            },
        )
        .await
        .map(|_| ()),
        Err(e) => Err(schakel_app::Error::Invalid(e)),
    };
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("/programma/acties/{key}?opgeslagen=1")).into_response())
        }
        Err(schakel_app::Error::Invalid(e)) => {
            let mut page = action_view(&state, &programme, &actor, &key, &user)?;
            page.errors = FormErrors::placed([&e], place_update);
            page.form_status = f.status.unwrap_or_default();
            page.form_note = note;
            super::unprocessable(&page)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct BudgetForm {
    csrf: Option<String>,
    bron: Option<String>,
    jaar: Option<String>,
    bedrag: Option<String>,
}

/// Reads an amount typed in euros ("1.250,50", "1250.5", "€ 300") into cents.
pub fn parse_euros(field: &str, typed: &str) -> Result<i64, FieldError> {
    let bad = || FieldError::new(field, schakel_domain::msg("error-programme-amount-invalid"));
    let cleaned: String = typed
        .trim()
        .trim_start_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return Err(FieldError::new(
            field,
            schakel_domain::msg("error-required"),
        ));
    }
    // A comma is the decimal sign; dots group thousands. Without a comma, one dot followed by one
    // or two digits is a decimal sign too ("1250.5").
    let (whole, fraction) = match cleaned.rsplit_once(',') {
        Some((w, f)) => (w.replace('.', ""), f.to_string()),
        None => match cleaned.rsplit_once('.') {
            Some((w, f)) if f.len() <= 2 && !w.contains('.') => (w.to_string(), f.to_string()),
            _ => (cleaned.replace('.', ""), String::new()),
        },
    };
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || fraction.len() > 2
        || !fraction.chars().all(|c| c.is_ascii_digit())
        || whole.len() > 12
    {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let fraction: i64 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
    Ok(whole * 100 + fraction)
}

fn place_budget(field: &str) -> (String, String) {
    match field {
        "bron" => ("bron".into(), t("programme-field-source")),
        "jaar" => ("jaar".into(), t("programme-field-year")),
        _ => ("bedrag".into(), t("programme-field-amount")),
    }
}

async fn add_budget(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Path(key): Path<String>,
    Form(f): Form<BudgetForm>,
) -> Result<Response, AppError> {
    check_csrf(&user, f.csrf.as_deref())?;
    let actor = allowed(&user, Action::Create)?;
    let (id, programme) = required(&state).await?;
    if programme.programme.action(&key).is_none() {
        return Err(AppError::NotFound);
    }
    let source = f.bron.clone().unwrap_or_default();
    let mut errors = Vec::new();
    let year = match f.jaar.as_deref().unwrap_or_default().trim().parse::<i32>() {
        Ok(y) => Some(y),
        Err(_) => {
            errors.push(FieldError::new(
                "jaar",
                schakel_domain::msg("error-programme-year-invalid"),
            ));
            None
        }
    };
    let amount = parse_euros("bedrag", f.bedrag.as_deref().unwrap_or_default())
        .map_err(|e| errors.push(e))
        .ok();
    if source.trim().is_empty() {
        errors.insert(
            0,
            FieldError::new("bron", schakel_domain::msg("error-required")),
        );
    }
    if errors.is_empty()
        && let (Some(year), Some(amount_cents)) = (year, amount)
    {
        let command = ProgrammeCommand::AddBudgetLine {
            action: key.clone(),
            source: source.clone(),
            year,
            amount_cents,
        };
        match super::write(&state, &user, &actor, &id, command).await {
            Ok(_) => {
                return Ok(
                    Redirect::to(&format!("/programma/acties/{key}?opgeslagen=1")).into_response(),
                );
            }
            Err(schakel_app::Error::Invalid(e)) => errors.push(e),
            Err(e) => return Err(e.into()),
        }
    }
    let mut page = action_view(&state, &programme, &actor, &key, &user)?;
    page.budget_errors = FormErrors::placed(&errors, place_budget);
    page.budget_source = source;
    page.budget_year = f.jaar.unwrap_or_default();
    page.budget_amount = f.bedrag.unwrap_or_default();
    super::unprocessable(&page)
}

#[cfg(test)]
mod tests {
    use super::parse_euros;

    #[test]
    fn amounts_in_euros_read_as_cents() {
        assert_eq!(parse_euros("bedrag", "1.250,50"), Ok(125050));
        assert_eq!(parse_euros("bedrag", "€ 300"), Ok(30000));
        assert_eq!(parse_euros("bedrag", "1250.5"), Ok(125050));
        assert_eq!(parse_euros("bedrag", "12.500"), Ok(1250000));
        for bad in ["", "abc", "1,2,3", "12,345", "-5", "1e6"] {
            assert_eq!(
                parse_euros("bedrag", bad).map_err(|e| e.field),
                Err("bedrag".into()),
                "{bad}"
            );
        }
    }
}
