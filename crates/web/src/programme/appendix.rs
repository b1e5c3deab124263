//! The half-yearly progress appendix ("bijlage met de voortgang van de actielijnen", regional
//! policy, "Monitoring en verantwoording"), generated from the programme's data for one round: as
//! a printable page, as a PDF and as CSV. Beside the actions it reports the linked monitor
//! figures for the round's half year and the one before, counted from the monitor facts.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use schakel_domain::FieldError;
use schakel_domain::access::Action;
use schakel_domain::calendar::{dutch_date, dutch_local_date, dutch_moment};
use schakel_domain::programme::{Appendix, HalfYear, Indicator, ProgrammeState};
use serde::Deserialize;

use super::{allowed, required};
use crate::frame::{PageCtx, PageUser, render};
use crate::i18n::{t, t_args};
use crate::{AppError, AppState};

pub fn routes() -> crate::page_routing::PageRouter {
    crate::page_routing::PageRouter::new()
        .route("/programma/bijlage", get(html))
        .route("/programma/bijlage.pdf", get(pdf))
        .route("/programma/bijlage.csv", get(csv))
}

/// A monitor figure for the round's half year and the one before.
pub struct IndicatorValue {
    pub indicator: Indicator,
    pub now: u64,
    pub before: u64,
}

impl IndicatorValue {
    pub fn text(&self) -> String {
        t_args(
            "programme-indicator-value",
            &[
                ("naam", &self.indicator.label()),
                ("nu", &self.now.to_string()),
                ("eerder", &self.before.to_string()),
            ],
        )
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoundQuery {
    ronde: Option<u32>,
}

/// The appendix of the asked round (default: the open round, else the last one), with the values
/// of the indicators it links to.
async fn load(
    state: &AppState,
    q: &RoundQuery,
) -> Result<(ProgrammeState, Appendix, Vec<IndicatorValue>), AppError> {
    let (_, programme) = required(state).await?;
    let number = match q.ronde {
        Some(n) => n,
        None => programme.rounds.last().map(|r| r.number).ok_or_else(|| {
            AppError::BadQuery(FieldError::new(
                "ronde",
                schakel_domain::msg("error-programme-no-rounds"),
            ))
        })?,
    };
    let today = dutch_local_date(state.clock.now());
    let appendix = programme.appendix(number, today).ok_or_else(|| {
        AppError::BadQuery(FieldError::new(
            "ronde",
            schakel_domain::msg("error-programme-round-unknown"),
        ))
    })?;
    let values = indicator_values(state, &appendix).await?;
    Ok((programme, appendix, values))
}

async fn indicator_values(
    state: &AppState,
    appendix: &Appendix,
) -> Result<Vec<IndicatorValue>, AppError> {
    let mut linked: Vec<Indicator> = appendix
        .rows()
        .flat_map(|(_, r)| r.indicators.clone())
        .collect();
    linked.sort_by_key(|i| i.code());
    linked.dedup();
    if linked.is_empty() {
        return Ok(Vec::new());
    }
    let half: HalfYear = appendix.round.half_year;
    let counts = schakel_store::glance::gemeente_counts(
        &state.store,
        half.period(),
        half.previous().period(),
    )
    .await?;
    let sum =
        |f: fn(&schakel_store::glance::GemeenteCounts) -> u64| counts.iter().map(f).sum::<u64>();
    Ok(linked
        .into_iter()
        .map(|indicator| {
            let (now, before) = match indicator {
                Indicator::Adviezen => (sum(|c| c.adviezen_now), sum(|c| c.adviezen_before)),
                Indicator::Meldingen => (sum(|c| c.meldingen_now), sum(|c| c.meldingen_before)),
                // Open now; the count at an earlier moment is not kept [NC].
                Indicator::OpenCasussen => (sum(|c| c.open_cases), 0),
            };
            IndicatorValue {
                indicator,
                now,
                before,
            }
        })
        .collect())
}

fn title(appendix: &Appendix) -> String {
    t_args(
        "programme-appendix-title",
        &[("ronde", &appendix.round.half_year.label())],
    )
}

fn status_change(row: &schakel_domain::programme::AppendixRow) -> String {
    match (row.changed, row.previous_status) {
        (true, Some(before)) => t_args("programme-appendix-was", &[("status", &before.label())]),
        _ => String::new(),
    }
}

fn notes_text(row: &schakel_domain::programme::AppendixRow) -> String {
    row.notes
        .iter()
        .filter(|n| !n.text.is_empty())
        .map(|n| format!("{} ({}, {})", n.text, n.by, dutch_date(n.at.date())))
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Template)]
#[template(path = "programme_appendix.html")]
struct AppendixPage {
    page: PageCtx,
    title: String,
    appendix: Appendix,
    values: Vec<IndicatorValue>,
    rounds: Vec<(u32, String)>,
    made: String,
}

impl AppendixPage {
    fn change(&self, row: &schakel_domain::programme::AppendixRow) -> String {
        status_change(row)
    }

    fn notes(&self, row: &schakel_domain::programme::AppendixRow) -> String {
        notes_text(row)
    }

    fn value_of(&self, indicator: &Indicator) -> String {
        self.values
            .iter()
            .find(|v| v.indicator == *indicator)
            .map(IndicatorValue::text)
            .unwrap_or_default()
    }
}

async fn html(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(q): Query<RoundQuery>,
) -> Result<Response, AppError> {
    allowed(&user, Action::Print)?;
    let (programme, appendix, values) = load(&state, &q).await?;
    render(&AppendixPage {
        page: PageCtx::for_user(&state, &user, "/programma"),
        title: title(&appendix),
        rounds: programme
            .rounds
            .iter()
            .rev()
            .map(|r| (r.number, r.half_year.label()))
            .collect(),
        made: dutch_moment(state.clock.now()),
        appendix,
        values,
    })
}

/// The appendix as a PDF document.
pub fn pdf_bytes(
    appendix: &Appendix,
    values: &[IndicatorValue],
    made: time::OffsetDateTime,
) -> Vec<u8> {
    let mut doc = schakel_reports::Document::new(title(appendix));
    doc.author("Schakel")
        .created_at(made)
        .footer(t("programme-no-client-data"));
    doc.heading(1, title(appendix));
    doc.paragraph(format!(
        "{} ({}–{})",
        appendix.programme, appendix.period.0, appendix.period.1
    ));
    doc.label_value(t("programme-appendix-made"), dutch_moment(made));
    for line in &appendix.lines {
        doc.heading(
            2,
            format!("{} {}. {}", t("programme-line"), line.number, line.name),
        );
        let mut table = schakel_reports::Table::new([
            (t("programme-col-action"), 0.42),
            (t("programme-col-when"), 0.12),
            (t("programme-col-status"), 0.14),
            (t("programme-col-notes"), 0.32),
        ]);
        for row in &line.rows {
            let mut status = row.status.label();
            let change = status_change(row);
            if !change.is_empty() {
                status = format!("{status} ({change})");
            }
            let mut notes = notes_text(row);
            for i in &row.indicators {
                if let Some(v) = values.iter().find(|v| v.indicator == *i) {
                    notes = format!("{notes} {}", v.text()).trim().to_string();
                }
            }
            table.row([
                format!("{} {}", row.key, row.how),
                row.timing.clone().unwrap_or_default(),
                status,
                notes,
            ]);
        }
        doc.table(table);
    }
    doc.render()
}

async fn pdf(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(q): Query<RoundQuery>,
) -> Result<Response, AppError> {
    allowed(&user, Action::Export)?;
    let (_, appendix, values) = load(&state, &q).await?;
    let bytes = pdf_bytes(&appendix, &values, state.clock.now());
    let name = format!("voortgangsbijlage-ronde-{}.pdf", appendix.round.number);
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// One CSV field: quoted when it holds a separator, a quote or a line break; a leading =, +, - or
/// @ is prefixed with ' so a spreadsheet does not run it as a formula.
fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The appendix as CSV with `;` as separator (what Dutch spreadsheets expect), one row per action.
pub fn csv_text(appendix: &Appendix, values: &[IndicatorValue]) -> String {
    let header = [
        t("programme-col-line"),
        t("programme-col-key"),
        t("programme-col-what"),
        t("programme-col-action"),
        t("programme-col-when"),
        t("programme-col-owner"),
        t("programme-col-status"),
        t("programme-col-previous"),
        t("programme-col-notes"),
        t("programme-col-indicators"),
    ];
    let mut out = header
        .iter()
        .map(|h| csv_field(h))
        .collect::<Vec<_>>()
        .join(";");
    out.push_str("\r\n");
    for (line, row) in appendix.rows() {
        let indicators = row
            .indicators
            .iter()
            .filter_map(|i| values.iter().find(|v| v.indicator == *i))
            .map(IndicatorValue::text)
            .collect::<Vec<_>>()
            .join(" ");
        let cells = [
            format!("{}. {}", line.number, line.name),
            row.key.clone(),
            row.what.clone(),
            row.how.clone(),
            row.timing.clone().unwrap_or_default(),
            row.owner.clone().unwrap_or_default(),
            row.status.label(),
            row.previous_status.map(|s| s.label()).unwrap_or_default(),
            notes_text(row),
            indicators,
        ];
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_field(c))
                .collect::<Vec<_>>()
                .join(";"),
        );
        out.push_str("\r\n");
    }
    out
}

async fn csv(
    State(state): State<AppState>,
    PageUser(user): PageUser,
    Query(q): Query<RoundQuery>,
) -> Result<Response, AppError> {
    allowed(&user, Action::Export)?;
    let (_, appendix, values) = load(&state, &q).await?;
    let name = format!("voortgangsbijlage-ronde-{}.csv", appendix.round.number);
    // A byte-order mark, so a spreadsheet reads the diacritics as UTF-8.
    let body = format!("\u{feff}{}", csv_text(&appendix, &values));
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("gewoon"), "gewoon");
        assert_eq!(csv_field("a;b"), "\"a;b\"");
        assert_eq!(csv_field("zei \"ja\""), "\"zei \"\"ja\"\"\"");
        assert_eq!(csv_field("=SOM(A1)"), "'=SOM(A1)");
        assert_eq!(csv_field("-5"), "'-5");
    }
}
