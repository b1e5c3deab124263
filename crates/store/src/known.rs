//! The known-before check (issue 3 item 3: search before create): persons already in a casus with
//! the same BSN, the same normalised name and date of birth, or a similar name and the same date of
//! birth (for a human to confirm or reject). Every query uses an index on `persons`; similarity is
//! computed in Rust over the candidates sharing the birth date.
//!
//! What the user may see is the caller's business: it filters the returned case ids with the
//! access policy before showing anything.

use schakel_domain::bsn::Bsn;
use schakel_domain::case::Phase;
use schakel_domain::classification::{CaseMatch, MeldingClass, classify};
use schakel_domain::matching::{jaro_winkler, normalise_name};
use serde::Serialize;
use time::Date;

use crate::cases::PersonRecord;
use crate::{Result, Store, StoreError};

/// Candidates with the same birth date looked at for similar names, at most.
const MAX_CANDIDATES: i64 = 5000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownQuery {
    pub bsn: Option<Bsn>,
    pub name: Option<String>,
    pub birth_date: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "match", content = "score", rename_all = "snake_case")]
pub enum MatchKind {
    Bsn,
    NameAndBirthDate,
    /// A similar name with the same date of birth: to be confirmed by a person.
    Similar(f64),
}

impl MatchKind {
    /// Whether the match counts without a human confirming it.
    pub fn is_certain(self) -> bool {
        !matches!(self, MatchKind::Similar(_))
    }

    fn rank(self) -> (u8, i64) {
        match self {
            MatchKind::Bsn => (0, 0),
            MatchKind::NameAndBirthDate => (1, 0),
            MatchKind::Similar(s) => (2, -((s * 1_000_000.0) as i64)),
        }
    }
}

/// A person found in a casus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KnownMatch {
    pub person: PersonRecord,
    pub role: String,
    pub case_id: String,
    /// `advies` or `melding`.
    pub case_kind: String,
    pub phase: Phase,
    pub open: bool,
    pub match_kind: MatchKind,
}

const SELECT: &str = "SELECT p.id AS person_id, p.display_name, p.birth_date, p.bsn, p.gemeente, cp.role, \
     c.id AS case_id, c.kind AS case_kind, c.status AS case_status FROM persons p JOIN case_persons cp ON cp.person_id = p.id JOIN cases c ON c.id = cp.case_id";

/// Persons matching `q` with the casussen they are in; certain matches first, then similar ones by
/// score. One line per person and casus, with the strongest kind of match.
pub async fn find_known(store: &Store, q: &KnownQuery, limit: i64) -> Result<Vec<KnownMatch>> {
    let mut out: Vec<KnownMatch> = Vec::new();
    if let Some(bsn) = &q.bsn {
        let sql = format!("{SELECT} WHERE p.bsn = $1 LIMIT $2");
        let rows: Vec<KnownRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(bsn.as_str())
            .bind(limit)
            .fetch_all(store.pool())
            .await?;
        for r in rows {
            push(&mut out, r.into_match(MatchKind::Bsn)?);
        }
    }
    if let (Some(name), Some(born)) = (&q.name, q.birth_date) {
        let key = normalise_name(name);
        let born = born.to_string();
        let sql = format!("{SELECT} WHERE p.name_key = $1 AND p.birth_date = $2 LIMIT $3");
        let rows: Vec<KnownRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(&key)
            .bind(&born)
            .bind(limit)
            .fetch_all(store.pool())
            .await?;
        for r in rows {
            push(&mut out, r.into_match(MatchKind::NameAndBirthDate)?);
        }
        // Similar names born the same day: the index on (birth_date, name_key) bounds the scan.
        let sql = format!("{SELECT} WHERE p.birth_date = $1 AND p.name_key <> $2 LIMIT $3");
        let rows: Vec<KnownRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(&born)
            .bind(&key)
            .bind(MAX_CANDIDATES)
            .fetch_all(store.pool())
            .await?;
        for r in rows {
            let score = jaro_winkler(&key, &normalise_name(&r.display_name));
            if score >= schakel_domain::matching::SIMILAR_FROM {
                push(&mut out, r.into_match(MatchKind::Similar(score))?);
            }
        }
    }
    out.sort_by_key(|m| (m.match_kind.rank(), m.case_id.clone(), m.person.id.clone()));
    out.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(out)
}

fn push(out: &mut Vec<KnownMatch>, m: KnownMatch) {
    match out
        .iter_mut()
        .find(|o| o.case_id == m.case_id && o.person.id == m.person.id)
    {
        Some(o) if m.match_kind.rank() < o.match_kind.rank() => *o = m,
        Some(_) => {}
        None => out.push(m),
    }
}

/// One row of [`SELECT`]: a person and a casus they are in.
#[derive(sqlx::FromRow)]
struct KnownRow {
    person_id: String,
    display_name: String,
    birth_date: Option<String>,
    bsn: Option<String>,
    gemeente: Option<String>,
    role: String,
    case_id: String,
    case_kind: String,
    case_status: String,
}

impl KnownRow {
    fn into_match(self, match_kind: MatchKind) -> Result<KnownMatch> {
        let phase = Phase::parse(&self.case_status)
            .ok_or_else(|| StoreError::Corrupt(format!("onbekende fase '{}'", self.case_status)))?;
        Ok(KnownMatch {
            person: PersonRecord {
                id: self.person_id,
                display_name: self.display_name,
                birth_date: self.birth_date,
                bsn: self.bsn,
                gemeente: self.gemeente,
            },
            role: self.role,
            case_id: self.case_id,
            case_kind: self.case_kind,
            phase,
            open: phase != Phase::Gesloten,
            match_kind,
        })
    }
}

/// The CBS class of a new melding from the matches a person accepted (RULES.md 3, 85361NED). Pass
/// only confirmed matches: similar names count once a human has confirmed them. Adviezen do not
/// count (an advies keeps the family anonymous, RULES.md 1.3).
pub fn classify_matches<'a>(confirmed: impl IntoIterator<Item = &'a KnownMatch>) -> MeldingClass {
    let mut seen = std::collections::BTreeSet::new();
    let cases: Vec<CaseMatch> = confirmed
        .into_iter()
        .filter(|m| m.case_kind == "melding" && seen.insert(m.case_id.as_str()))
        .map(|m| CaseMatch {
            casus_state_phase: m.phase,
            open: m.open,
        })
        .collect();
    classify(&cases)
}

/// The open melding casussen among the matches: a new melding about these betrokkenen joins one
/// of them instead of opening a new casus (RULES.md 3). A casus in which Veilig Thuis's
/// involvement has ended is closed for Veilig Thuis (RULES.md 2.5): the new melding is a
/// hermelding and starts a casus of its own.
pub fn open_casussen<'a>(confirmed: impl IntoIterator<Item = &'a KnownMatch>) -> Vec<String> {
    let mut ids: Vec<String> = confirmed
        .into_iter()
        .filter(|m| m.open && m.phase != Phase::VtBeeindigd && m.case_kind == "melding")
        .map(|m| m.case_id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}
