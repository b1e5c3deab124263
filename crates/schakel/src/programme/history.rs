//! The demo's programme: the region's own programme (Bijlage 1), trekkers linked to demo accounts,
//! and the half-yearly rounds of the programme period with the progress a region could have made,
//! so the dashboard, the rounds and the appendix show something real. Fictional: no statement about
//! the region's actual progress. Every event is decided by the domain on its own date.

use schakel_domain::programme::{ActionStatus, Author, ProgrammeCommand, ProgrammeState};
use schakel_store::Store;
use time::{Date, Month, OffsetDateTime, Time};

use super::{DEFAULT_ID, DEFAULT_PROGRAMME_TOML, app_error, parse};
use crate::error::{CliError, CliResult};

/// (username, working group, trekker): who steers which working group in the demo. The group
/// "arbeidsmigranten" has no trekker yet.
const DEMO_MEMBERS: [(&str, &str, bool); 3] = [
    ("beleid", "kinderen", true),
    ("beleid", "ouderen", true),
    ("vt.teamleider", "seksueel-geweld", true),
];

/// (action, source, year, cents): the demo's budget lines. The sources are the ones the regional
/// policy names ("Financiën"); the amounts are fictional.
const DEMO_BUDGET: [(&str, &str, i32, i64); 4] = [
    (
        "1.1.1",
        "Decentralisatie-uitkering Vrouwenopvang (DUVO)",
        2020,
        1_500_000,
    ),
    (
        "1.1.6",
        "Decentralisatie-uitkering Vrouwenopvang (DUVO)",
        2020,
        650_000,
    ),
    ("1.3.1", "Algemene uitkering (Jeugd en Wmo)", 2019, 400_000),
    ("1.3.1", "Algemene uitkering (Jeugd en Wmo)", 2020, 250_000),
];

/// A stable number from an action's key, so every demo has the same history.
fn spread(key: &str) -> u32 {
    key.bytes().fold(2_166_136_261_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16_777_619)
    }) % 100
}

/// The status of the action with `key` after round `round` (1-based) of `rounds`, and its note.
fn course(key: &str, round: u32) -> Option<(ActionStatus, &'static str)> {
    let h = spread(key);
    let started = 1 + h % 2;
    if round < started {
        return None;
    }
    Some(match h {
        0..8 if round >= 3 => (
            ActionStatus::Vervallen,
            "Vervallen: de actie is opgenomen in de landelijke aanpak.",
        ),
        8..20 if round >= 2 => (
            ActionStatus::Vertraagd,
            "Vertraagd: de werkgroep mist capaciteit; een nieuwe planning volgt.",
        ),
        20..30 => (ActionStatus::Loopt, "Loopt; besproken in de werkgroep."),
        _ if round >= 2 + h % 4 => (
            ActionStatus::Afgerond,
            "Afgerond en opgeleverd aan de ambtelijke werkgroep.",
        ),
        _ => (ActionStatus::Loopt, "In uitvoering volgens plan."),
    })
}

fn at(date: Date, hour: u8) -> OffsetDateTime {
    date.with_time(Time::from_hms(hour, 0, 0).unwrap_or(Time::MIDNIGHT))
        .assume_utc()
}

fn day(year: i32, month: Month, day: u8) -> CliResult<Date> {
    Date::from_calendar_date(year, month, day)
        .map_err(|e| CliError::failure(format!("demodatum: {e}")))
}

/// Imports the region's programme when the database has none and writes the demo's history.
/// Idempotent: a database with a programme is left as it is.
pub async fn seed_demo(store: &Store) -> CliResult<()> {
    if !store.programmes().await?.is_empty() {
        return Ok(());
    }
    let programme = parse(DEFAULT_PROGRAMME_TOML)?;
    let (from, to) = (programme.from_year, programme.to_year);
    let leader = match store.user_by_username("projectleider").await? {
        Some(u) => Author {
            user_id: u.id,
            name: u.display_name,
        },
        None => super::system_author(),
    };
    let start = at(day(from, Month::January, 7)?, 9);
    schakel_app::programme::import(store, DEFAULT_ID, programme, &leader, start)
        .await
        .map_err(app_error)?;
    let mut write = Writer {
        store,
        leader: leader.clone(),
    };
    for (username, group, trekker) in DEMO_MEMBERS {
        let Some(user) = store.user_by_username(username).await? else {
            continue;
        };
        write
            .run(
                start,
                ProgrammeCommand::LinkMember {
                    group: group.into(),
                    user_id: user.id,
                    name: user.display_name,
                    trekker,
                },
                None,
            )
            .await?;
    }
    // Budget lines the demo's programme office recorded (fictional amounts, real sources).
    for (key, source, year, amount_cents) in DEMO_BUDGET {
        write
            .run(
                at(day(year, Month::February, 1)?, 9),
                ProgrammeCommand::AddBudgetLine {
                    action: key.into(),
                    source: source.into(),
                    year,
                    amount_cents,
                },
                None,
            )
            .await?;
    }
    // One round each half year from the second half of the first year to the end of the period.
    let mut halves = Vec::new();
    for year in from..=to {
        if year > from {
            halves.push((year, Month::May));
        }
        halves.push((year, Month::November));
    }
    let last = halves.len() as u32;
    for (n, (year, month)) in (1..).zip(halves) {
        let opened = day(year, month, 4)?;
        let due = day(year, month, 28)?;
        write
            .run(at(opened, 8), ProgrammeCommand::OpenRound { due }, None)
            .await?;
        let state = write.state().await?;
        let keys: Vec<String> = state.programme.keyed_actions().map(|(k, ..)| k).collect();
        for (i, key) in keys.iter().enumerate() {
            let owner = state.owner_of(key).map(str::to_string);
            // One working group did not answer the last round, which the dashboard shows.
            if n == last && owner.as_deref() == Some("ouderen") {
                continue;
            }
            let current = state.progress_of(key).status;
            if current.is_finished() {
                continue;
            }
            let Some((status, note)) = course(key, n) else {
                continue;
            };
            let by = owner
                .as_deref()
                .and_then(|g| state.members.iter().find(|m| m.group == g && m.trekker))
                .map(|m| Author {
                    user_id: m.user_id.clone(),
                    name: m.name.clone(),
                });
            let when = at(day(year, month, 6 + (i % 18) as u8)?, 10);
            write
                .run(
                    when,
                    ProgrammeCommand::UpdateAction {
                        action: key.clone(),
                        status,
                        note: note.into(),
                    },
                    by,
                )
                .await?;
        }
        write
            .run(
                at(day(year, month, 29)?, 16),
                ProgrammeCommand::CloseRound,
                None,
            )
            .await?;
    }
    Ok(())
}

struct Writer<'a> {
    store: &'a Store,
    leader: Author,
}

impl Writer<'_> {
    async fn state(&self) -> CliResult<ProgrammeState> {
        schakel_app::programme::load(self.store, DEFAULT_ID)
            .await
            .map_err(app_error)
    }

    /// Decides `command` on the date of `when` and writes it, by `by` or the projectleider.
    async fn run(
        &mut self,
        when: OffsetDateTime,
        command: ProgrammeCommand,
        by: Option<Author>,
    ) -> CliResult<()> {
        let state = self.state().await?;
        let event = state.decide(command, when.date())?;
        let by = by.unwrap_or_else(|| self.leader.clone());
        self.store
            .append_programme_event(DEFAULT_ID, state.seq as i64, when, &by, &event)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_course_finishes_most_actions_and_leaves_some_behind() {
        let programme = parse(DEFAULT_PROGRAMME_TOML).unwrap();
        let keys: Vec<String> = programme.keyed_actions().map(|(k, ..)| k).collect();
        let end: Vec<ActionStatus> = keys
            .iter()
            .filter_map(|k| course(k, 5).map(|(s, _)| s))
            .collect();
        let finished = end.iter().filter(|s| **s == ActionStatus::Afgerond).count();
        let delayed = end
            .iter()
            .filter(|s| **s == ActionStatus::Vertraagd)
            .count();
        assert!(finished * 2 > keys.len(), "{finished} of {}", keys.len());
        assert!(delayed >= 2, "{delayed}");
    }
}
