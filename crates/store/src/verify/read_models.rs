//! Proof that the read models still say what the events say (issue 8 finding 10): every case is
//! replayed through the domain in memory, its read models are computed as the writer computes them,
//! and the stored rows are compared with them. Nothing is written.
//!
//! The read models compared: the case row (case list and state), its participants, the work queue
//! items (`case_deadlines`), the monitor facts, and the known-persons index (persons, their links
//! to the case and their name words).

use std::collections::{BTreeMap, BTreeSet};

use crate::cases::{PersonRecord, name_key};
use crate::casework::{case_projection, load_state, read_models};
use crate::readmodels::{DeadlineRow, FactBetrokkene, MeldingFact};
use crate::{Result, Store, StoreError};

/// A stored read model that differs from the one the case's events give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleReadModel {
    pub case_id: String,
    /// Which read model, in Dutch: `casus`, `deelnemers`, `werkvoorraad`, `monitorfeiten`,
    /// `personen` or `zoekwoorden`.
    pub read_model: &'static str,
    pub problem: String,
}

impl std::fmt::Display for StaleReadModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "casus {}, leesmodel {}: {}",
            self.case_id, self.read_model, self.problem
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadModelReport {
    /// Cases whose read models were rebuilt and compared.
    pub cases: u64,
    /// Cases not rebuilt because retention replaced an event's payload by a tombstone.
    pub skipped_tombstoned: u64,
    /// Cases whose events (whose chain holds) this version's domain cannot replay: written by an
    /// older version in another shape. Their read models cannot be rebuilt, which is not proof of
    /// a difference; they are listed so an operator can look.
    pub not_replayable: Vec<String>,
    /// The differences found, at most the limit asked for.
    pub stale: Vec<StaleReadModel>,
    /// Whether more differences were found than are listed.
    pub more: bool,
}

type CaseRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
    Option<String>,
);

type DeadlineTuple = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
);

type FactTuple = (
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    i64,
);

fn deadline_tuple(d: &DeadlineRow) -> DeadlineTuple {
    (
        d.kind.clone(),
        d.label.clone(),
        d.due.clone(),
        d.due_at.clone(),
        d.since.clone(),
        d.sort_key(),
        d.owner_org.clone(),
        d.for_role.clone(),
        d.shown_from.clone(),
    )
}

fn fact_tuple(f: &MeldingFact) -> FactTuple {
    (
        f.kind.clone(),
        f.received_on.clone(),
        f.gemeente.clone(),
        f.classification.clone(),
        f.melder_type.clone(),
        f.channel.clone(),
        f.violence_version.clone(),
        f.specific_groups.join(","),
        f.betrokkenen.len() as i64,
    )
}

fn betrokkene_tuple(b: &FactBetrokkene) -> (String, Option<String>, String) {
    (b.role.clone(), b.age_band.clone(), b.gender.clone())
}

/// The words of a name as the search index holds them.
fn name_words(name: &str) -> BTreeSet<String> {
    name_key(name)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Collects differences up to a limit.
struct Findings {
    limit: usize,
    stale: Vec<StaleReadModel>,
    more: bool,
}

impl Findings {
    fn add(&mut self, case_id: &str, read_model: &'static str, problem: impl Into<String>) {
        if self.stale.len() < self.limit {
            self.stale.push(StaleReadModel {
                case_id: case_id.to_string(),
                read_model,
                problem: problem.into(),
            });
        } else {
            self.more = true;
        }
    }
}

impl Store {
    /// Rebuilds every case's read models from its events (with this handle's region rules, see
    /// [`Store::with_rules`]) and compares them with the stored ones; lists at most `limit`
    /// differences. Read-only.
    pub async fn verify_read_models(&self, limit: usize) -> Result<ReadModelReport> {
        let mut report = ReadModelReport::default();
        let mut found = Findings {
            limit,
            stale: Vec::new(),
            more: false,
        };
        let case_ids: Vec<String> = sqlx::query_scalar("SELECT id FROM cases ORDER BY id")
            .fetch_all(self.pool())
            .await?;
        let tombstoned: BTreeSet<String> = sqlx::query_scalar(
            "SELECT DISTINCT case_id FROM case_events WHERE tombstoned_at IS NOT NULL",
        )
        .fetch_all(self.pool())
        .await?
        .into_iter()
        .collect();
        // Every person a case names, with the records the cases give it: a person in several
        // cases holds the record of the case written last, so any of them may be stored.
        let mut persons: BTreeMap<String, (String, Vec<PersonRecord>)> = BTreeMap::new();
        // Persons merged into another (issue 7): merged id -> (case that says so, kept id).
        let mut merged: BTreeMap<String, (String, String)> = BTreeMap::new();
        for case_id in &case_ids {
            if tombstoned.contains(case_id) {
                report.skipped_tombstoned += 1;
                continue;
            }
            let state = match load_state(self, case_id).await {
                Ok(Some((_, state))) => state,
                Ok(None) => {
                    found.add(case_id, "casus", "casus zonder gebeurtenissen");
                    continue;
                }
                Err(StoreError::Corrupt(_)) | Err(StoreError::Rejected(_)) => {
                    report.not_replayable.push(case_id.clone());
                    continue;
                }
                Err(e) => return Err(e),
            };
            report.cases += 1;
            let projection = case_projection(&state);
            let models = read_models(&state, self.rules(), true);

            let stored: Option<CaseRow> = sqlx::query_as(
                "SELECT kind, status, accountable_org, title, gemeente, acute, assigned_user FROM cases WHERE id = $1",
            )
            .bind(case_id)
            .fetch_optional(self.pool())
            .await?;
            let expected: CaseRow = (
                projection.kind.clone(),
                projection.status.clone(),
                projection.accountable_org.clone(),
                projection.title.clone(),
                projection.gemeente.clone(),
                i64::from(projection.acute),
                projection.assigned_user.clone(),
            );
            if stored.as_ref() != Some(&expected) {
                found.add(
                    case_id,
                    "casus",
                    case_row_difference(stored.as_ref(), &expected),
                );
            }

            let stored: BTreeSet<(String, String)> = sqlx::query_as(
                "SELECT org_id, participation FROM case_participants WHERE case_id = $1",
            )
            .bind(case_id)
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .collect();
            let expected: BTreeSet<(String, String)> = projection
                .participants
                .iter()
                .map(|(org, part)| (org.clone(), part.code().to_string()))
                .collect();
            if stored != expected {
                found.add(case_id, "deelnemers", set_difference(&stored, &expected));
            }

            for (gone, kept) in &projection.merged_persons {
                merged.insert(gone.clone(), (case_id.clone(), kept.clone()));
            }
            let mut expected_links: BTreeMap<String, String> = BTreeMap::new();
            for (person, role) in &projection.persons {
                expected_links
                    .entry(person.id.clone())
                    .or_insert_with(|| role.clone());
                persons
                    .entry(person.id.clone())
                    .or_insert_with(|| (case_id.clone(), Vec::new()))
                    .1
                    .push(person.clone());
            }
            let stored: BTreeSet<(String, String)> =
                sqlx::query_as("SELECT person_id, role FROM case_persons WHERE case_id = $1")
                    .bind(case_id)
                    .fetch_all(self.pool())
                    .await?
                    .into_iter()
                    .collect();
            let expected: BTreeSet<(String, String)> = expected_links.into_iter().collect();
            if stored != expected {
                found.add(case_id, "personen", set_difference(&stored, &expected));
            }

            let stored: Vec<DeadlineTuple> = sqlx::query_as(
                "SELECT kind, label, due, due_at, since, sort_key, owner_org, for_role, shown_from \
                 FROM case_deadlines WHERE case_id = $1 ORDER BY n",
            )
            .bind(case_id)
            .fetch_all(self.pool())
            .await?;
            let expected: Vec<DeadlineTuple> =
                models.deadlines.iter().map(deadline_tuple).collect();
            if stored != expected {
                found.add(
                    case_id,
                    "werkvoorraad",
                    list_difference("termijn", &stored, &expected),
                );
            }

            let facts = models.facts.unwrap_or_default();
            if let Some(problem) = self.facts_difference(case_id, &facts).await? {
                found.add(case_id, "monitorfeiten", problem);
            }
        }
        for (person_id, (case_id, records)) in &persons {
            self.check_person(person_id, case_id, records, &mut found)
                .await?;
        }
        for (gone, (case_id, kept)) in &merged {
            self.check_merged(gone, kept, case_id, &mut found).await?;
        }
        report.stale = found.stale;
        report.more = found.more;
        Ok(report)
    }

    async fn facts_difference(
        &self,
        case_id: &str,
        facts: &[MeldingFact],
    ) -> Result<Option<String>> {
        let stored: Vec<FactTuple> = sqlx::query_as(
            "SELECT kind, received_on, gemeente, classification, melder_type, channel, violence_version, \
             specific_groups, betrokkenen FROM melding_facts WHERE case_id = $1 ORDER BY n",
        )
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        let expected: Vec<FactTuple> = facts.iter().map(fact_tuple).collect();
        if stored != expected {
            return Ok(Some(list_difference("melding", &stored, &expected)));
        }
        let stored: BTreeSet<(i64, String)> =
            sqlx::query_as("SELECT n, code FROM melding_fact_violence WHERE case_id = $1")
                .bind(case_id)
                .fetch_all(self.pool())
                .await?
                .into_iter()
                .collect();
        let expected: BTreeSet<(i64, String)> = facts
            .iter()
            .enumerate()
            .flat_map(|(n, f)| f.violence.iter().map(move |c| (n as i64, c.clone())))
            .collect();
        if stored != expected {
            return Ok(Some(format!(
                "geweldsvormen: {}",
                set_difference(&stored, &expected)
            )));
        }
        let stored: Vec<(i64, i64, String, Option<String>, String)> = sqlx::query_as(
            "SELECT n, i, role, age_band, gender FROM melding_fact_betrokkenen WHERE case_id = $1 ORDER BY n, i",
        )
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        let expected: Vec<(i64, i64, String, Option<String>, String)> = facts
            .iter()
            .enumerate()
            .flat_map(|(n, f)| {
                f.betrokkenen.iter().enumerate().map(move |(i, b)| {
                    let (role, age, gender) = betrokkene_tuple(b);
                    (n as i64, i as i64, role, age, gender)
                })
            })
            .collect();
        if stored != expected {
            return Ok(Some(list_difference("betrokkene", &stored, &expected)));
        }
        Ok(None)
    }

    /// A merged person names the person it was merged into, holds no case and has no name words.
    async fn check_merged(
        &self,
        person_id: &str,
        kept: &str,
        case_id: &str,
        found: &mut Findings,
    ) -> Result<()> {
        let stored: Option<Option<String>> =
            sqlx::query_scalar("SELECT merged_into FROM persons WHERE id = $1")
                .bind(person_id)
                .fetch_optional(self.pool())
                .await?;
        if stored.as_ref().and_then(|m| m.as_deref()) != Some(kept) {
            found.add(
                case_id,
                "personen",
                format!("persoon {person_id} is niet gemarkeerd als samengevoegd met {kept}"),
            );
        }
        let words: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM person_name_tokens WHERE person_id = $1")
                .bind(person_id)
                .fetch_one(self.pool())
                .await?;
        if words > 0 {
            found.add(
                case_id,
                "zoekwoorden",
                format!("samengevoegde persoon {person_id} heeft nog {words} zoekwoord(en)"),
            );
        }
        Ok(())
    }

    /// A person's stored record must be one a case gives it, and its name words those of its name.
    async fn check_person(
        &self,
        person_id: &str,
        case_id: &str,
        records: &[PersonRecord],
        found: &mut Findings,
    ) -> Result<()> {
        type PersonRow = (
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let stored: Option<PersonRow> = sqlx::query_as(
            "SELECT display_name, name_key, birth_date, bsn, gemeente FROM persons WHERE id = $1",
        )
        .bind(person_id)
        .fetch_optional(self.pool())
        .await?;
        let Some(stored) = stored else {
            found.add(
                case_id,
                "personen",
                format!("persoon {person_id} ontbreekt"),
            );
            return Ok(());
        };
        let matching = records.iter().find(|r| {
            (
                r.display_name.clone(),
                name_key(&r.display_name),
                r.birth_date.clone(),
                r.bsn.clone(),
                r.gemeente.clone(),
            ) == stored
        });
        let Some(record) = matching else {
            found.add(
                case_id,
                "personen",
                format!("persoon {person_id}: naam, geboortedatum, BSN of gemeente wijkt af"),
            );
            return Ok(());
        };
        let stored_words: BTreeSet<String> =
            sqlx::query_scalar("SELECT token FROM person_name_tokens WHERE person_id = $1")
                .bind(person_id)
                .fetch_all(self.pool())
                .await?
                .into_iter()
                .collect();
        let expected = name_words(&record.display_name);
        if stored_words != expected {
            found.add(
                case_id,
                "zoekwoorden",
                format!(
                    "persoon {person_id}: {}",
                    set_difference(&stored_words, &expected)
                ),
            );
        }
        Ok(())
    }
}

fn case_row_difference(stored: Option<&CaseRow>, expected: &CaseRow) -> String {
    let Some(s) = stored else {
        return "casusregel ontbreekt".into();
    };
    let mut fields = Vec::new();
    for (name, differs) in [
        ("soort", s.0 != expected.0),
        ("status", s.1 != expected.1),
        ("regiehouder", s.2 != expected.2),
        ("titel", s.3 != expected.3),
        ("gemeente", s.4 != expected.4),
        ("acuut", s.5 != expected.5),
        ("toegewezen medewerker", s.6 != expected.6),
    ] {
        if differs {
            fields.push(name);
        }
    }
    format!("wijkt af in {}", fields.join(", "))
}

/// How two sets differ: what is stored but not expected, and what is missing. Values only name
/// codes and ids, never a person's details.
fn set_difference<T: Ord>(stored: &BTreeSet<T>, expected: &BTreeSet<T>) -> String {
    let extra = stored.difference(expected).count();
    let missing = expected.difference(stored).count();
    format!("{extra} regel(s) te veel, {missing} regel(s) ontbreken")
}

/// How two ordered lists differ: their lengths, or the first position where they part.
fn list_difference<T: PartialEq>(what: &str, stored: &[T], expected: &[T]) -> String {
    if stored.len() != expected.len() {
        return format!(
            "{} {what}regel(s) opgeslagen, {} volgens de gebeurtenissen",
            stored.len(),
            expected.len()
        );
    }
    let at = stored
        .iter()
        .zip(expected)
        .position(|(s, e)| s != e)
        .unwrap_or(0);
    format!("{what}regel {} wijkt af", at + 1)
}
