//! The programme's overview: its actions by action line and theme, filtered by working group and
//! status, the projectleider's signals, and the budget summed per source and year.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use schakel_domain::FieldError;
use schakel_domain::access::{Action, is_projectleider};
use schakel_domain::calendar::{dutch_date, dutch_local_date};
use schakel_domain::programme::{ActionStatus, ProgrammeState};
use serde::Deserialize;

use super::{allowed, current, euros, short};
use crate::frame::{PageCtx, PageUser, render};
use crate::i18n::t;
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new().route("/programma", get(overview))
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

pub(super) fn owner_name(programme: &ProgrammeState, key: &str) -> String {
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
