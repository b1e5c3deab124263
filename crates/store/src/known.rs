//! The known-before check (issue 3 item 3: search before create; issue 7 rule breach 5): candidate
//! persons already in a casus, found by indexed lookups, judged certain, possible or conflict by
//! the domain. Every query uses an index on `persons` or `person_name_tokens`.
//!
//! What the user may see is the caller's business: it filters the returned case ids with the
//! access policy before showing anything.

use schakel_domain::bsn::Bsn;
use schakel_domain::case::Phase;
use schakel_domain::classification::{CaseMatch, MeldingClass, classify};
use schakel_domain::intake::known::{Assessment, Certainty, PersonFacts, assess};
use schakel_domain::matching::normalise_name;
use serde::Serialize;
use time::{Date, Duration};

use crate::cases::PersonRecord;
use crate::{Result, Store, StoreError};

/// Candidates per lookup (BSN, birth dates, name words) looked at, at most.
const MAX_CANDIDATES: i64 = 5000;
/// Name words shorter than this ("de", "van") are too common to find candidates by.
const MIN_TOKEN: usize = 3;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownQuery {
    pub bsn: Option<Bsn>,
    pub name: Option<String>,
    pub birth_date: Option<Date>,
    /// When the date of birth is not known.
    pub estimated_age: Option<u32>,
    /// The day ages are computed on.
    pub today: Option<Date>,
}

impl KnownQuery {
    fn facts(&self) -> PersonFacts {
        PersonFacts {
            name: self.name.clone(),
            birth_date: self.birth_date,
            estimated_age: self.estimated_age,
            bsn: self.bsn.as_ref().map(|b| b.as_str().to_string()),
        }
    }
}

/// A person found in a casus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KnownMatch {
    pub person: PersonRecord,
    pub role: String,
    pub case_id: String,
    /// `VT-YYYY-NNNNN`, when the casus has one.
    pub case_number: Option<String>,
    /// `advies` or `melding`.
    pub case_kind: String,
    pub phase: Phase,
    pub open: bool,
    /// Certain, possible or conflict, and why (the domain's judgement).
    pub assessment: Assessment,
}

impl KnownMatch {
    /// Whether the match counts without a human deciding.
    pub fn is_certain(&self) -> bool {
        self.assessment.certainty == Certainty::Certain
    }

    fn rank(&self) -> (Certainty, i64) {
        (
            self.assessment.certainty,
            -((self.assessment.name_score * 1_000_000.0) as i64),
        )
    }
}

const SELECT: &str = "SELECT p.id AS person_id, p.display_name, p.birth_date, p.bsn, p.gemeente, cp.role, \
     c.id AS case_id, c.case_number, c.kind AS case_kind, c.status AS case_status FROM persons p JOIN case_persons cp ON cp.person_id = p.id JOIN cases c ON c.id = cp.case_id";

/// Persons matching `q` with the casussen they are in, judged by the domain
/// ([`schakel_domain::intake::known::assess`]): certain first, then conflicts, then possible ones by
/// name similarity. One line per person and casus. Candidates come from indexed lookups: the same
/// BSN, a date of birth within a day, and (without a date of birth) a word of the name.
pub async fn find_known(store: &Store, q: &KnownQuery, limit: i64) -> Result<Vec<KnownMatch>> {
    let mut rows: Vec<KnownRow> = Vec::new();
    if let Some(bsn) = &q.bsn {
        let sql = format!("{SELECT} WHERE p.bsn = $1 LIMIT $2");
        rows.extend(
            sqlx::query_as::<_, KnownRow>(sqlx::AssertSqlSafe(sql))
                .bind(bsn.as_str())
                .bind(MAX_CANDIDATES)
                .fetch_all(store.pool())
                .await?,
        );
    }
    if let Some(born) = q.birth_date {
        // A day either side: a date of birth a day off is a possible match (issue 7).
        let days = [born - Duration::days(1), born, born + Duration::days(1)];
        let sql = format!("{SELECT} WHERE p.birth_date IN ($1, $2, $3) LIMIT $4");
        rows.extend(
            sqlx::query_as::<_, KnownRow>(sqlx::AssertSqlSafe(sql))
                .bind(days[0].to_string())
                .bind(days[1].to_string())
                .bind(days[2].to_string())
                .bind(MAX_CANDIDATES)
                .fetch_all(store.pool())
                .await?,
        );
    } else if let (Some(name), Some(_)) = (&q.name, q.estimated_age) {
        // Only an estimated age: candidates share a word of the name (indexed token lookup).
        let key = normalise_name(name);
        for token in key.split(' ').filter(|t| t.chars().count() >= MIN_TOKEN) {
            let sql = format!(
                "{SELECT} JOIN person_name_tokens t ON t.person_id = p.id WHERE t.token = $1 LIMIT $2"
            );
            rows.extend(
                sqlx::query_as::<_, KnownRow>(sqlx::AssertSqlSafe(sql))
                    .bind(token)
                    .bind(MAX_CANDIDATES)
                    .fetch_all(store.pool())
                    .await?,
            );
        }
    }
    let new = q.facts();
    let today = q
        .today
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
    let mut out: Vec<KnownMatch> = Vec::new();
    for r in rows {
        if out
            .iter()
            .any(|o| o.case_id == r.case_id && o.person.id == r.person_id)
        {
            continue;
        }
        let known = PersonFacts {
            name: Some(r.display_name.clone()),
            birth_date: r.birth_date.as_deref().and_then(|d| {
                Date::parse(d, &time::format_description::well_known::Iso8601::DATE).ok()
            }),
            estimated_age: None,
            bsn: r.bsn.clone(),
        };
        if let Some(a) = assess(&new, &known, today) {
            out.push(r.into_match(a)?);
        }
    }
    out.sort_by(|a, b| {
        (a.rank(), &a.case_id, &a.person.id).cmp(&(b.rank(), &b.case_id, &b.person.id))
    });
    out.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(out)
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
    case_number: Option<String>,
    case_kind: String,
    case_status: String,
}

impl KnownRow {
    fn into_match(self, assessment: Assessment) -> Result<KnownMatch> {
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
            case_number: self.case_number,
            case_kind: self.case_kind,
            phase,
            open: phase != Phase::Gesloten,
            assessment,
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
