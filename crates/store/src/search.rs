//! Search for cases (issue 7, "Fit for daily work"): by part of a name, date of birth, BSN or case
//! number. Every criterion is answered from an index (`person_name_tokens`, `persons_by_birth`,
//! `persons_by_bsn`, `cases_by_number`), never a scan over all persons or cases.
//!
//! What the user may see is the caller's business: it filters the hits with the access policy and
//! logs the search with the persons it shows.

use sqlx::Row;
use time::Date;

use crate::cases::{CaseSummary, PersonRecord};
use crate::{Result, Store};

/// What to look for; every given criterion must hold (a person matches all of `name_words`, the
/// birth date and the BSN). A case number stands on its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Whole words of a name, each compared in normalised form (`name_key`).
    pub name_words: Vec<String>,
    pub birth_date: Option<Date>,
    pub bsn: Option<String>,
    /// The stored form, `VT-2026-00123`.
    pub case_number: Option<String>,
}

impl SearchQuery {
    pub fn is_empty(&self) -> bool {
        self.name_words.is_empty()
            && self.birth_date.is_none()
            && self.bsn.is_none()
            && self.case_number.is_none()
    }
}

/// A case found, with the persons in it that matched (none when found by its number).
#[derive(Debug, Clone)]
pub struct SearchHit {
    pub case: CaseSummary,
    pub persons: Vec<(PersonRecord, String)>,
}

/// Persons looked at, at most; the caller shows fewer (after the access filter).
const MAX_PERSONS: i64 = 200;

impl Store {
    /// Cases matching `q`, most recently changed first, at most `limit` (before the caller's access
    /// filter).
    pub async fn search_cases(&self, q: &SearchQuery, limit: i64) -> Result<Vec<SearchHit>> {
        let mut hits: Vec<SearchHit> = Vec::new();
        if let Some(number) = &q.case_number {
            let sql = format!(
                "SELECT {} FROM cases WHERE case_number = $1",
                crate::cases::SUMMARY_COLUMNS
            );
            let row = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(number)
                .fetch_optional(self.pool())
                .await?;
            if let Some(r) = row {
                hits.push(SearchHit {
                    case: crate::cases::summary_from_row(&r)?,
                    persons: Vec::new(),
                });
            }
        }
        let persons = self.search_persons(q).await?;
        if persons.is_empty() {
            return Ok(hits);
        }
        // The cases of the persons found, through case_persons_by_person.
        let placeholders: Vec<String> = (0..persons.len()).map(|i| format!("${}", i + 1)).collect();
        let sql = format!(
            "SELECT cp.person_id, cp.role, {} FROM case_persons cp JOIN cases c ON c.id = cp.case_id \
             WHERE cp.person_id IN ({}) ORDER BY c.updated_at DESC, c.id",
            crate::cases::SUMMARY_COLUMNS
                .split(", ")
                .map(|c| format!("c.{c}"))
                .collect::<Vec<_>>()
                .join(", "),
            placeholders.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for p in &persons {
            query = query.bind(&p.id);
        }
        for r in query.fetch_all(self.pool()).await? {
            let person_id: String = r.try_get(0)?;
            let role: String = r.try_get(1)?;
            let case = crate::cases::summary_from_row(&r)?;
            let Some(person) = persons.iter().find(|p| p.id == person_id) else {
                continue;
            };
            match hits.iter_mut().find(|h| h.case.id == case.id) {
                Some(hit) => hit.persons.push((person.clone(), role)),
                None => {
                    if hits.len() as i64 >= limit {
                        continue;
                    }
                    hits.push(SearchHit {
                        case,
                        persons: vec![(person.clone(), role)],
                    })
                }
            }
        }
        Ok(hits)
    }

    /// Persons matching every person criterion of `q`; none when `q` has no person criterion.
    async fn search_persons(&self, q: &SearchQuery) -> Result<Vec<PersonRecord>> {
        let words: Vec<String> = q
            .name_words
            .iter()
            .map(|w| crate::cases::name_key(w))
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() && q.birth_date.is_none() && q.bsn.is_none() {
            return Ok(Vec::new());
        }
        let mut qb = crate::bulk::Numbered::new(
            "SELECT p.id, p.display_name, p.birth_date, p.bsn, p.gemeente FROM persons p WHERE 1 = 1",
        );
        if let Some(bsn) = &q.bsn {
            qb.push(" AND p.bsn = ").push_bind(bsn.clone());
        }
        if let Some(d) = q.birth_date {
            qb.push(" AND p.birth_date = ").push_bind(d.to_string());
        }
        for w in words {
            // One name key may hold several words ("de vries"): each word is a token.
            for token in w.split(' ') {
                qb.push(
                    " AND p.id IN (SELECT t.person_id FROM person_name_tokens t WHERE t.token = ",
                )
                .push_bind(token.to_string())
                .push(")");
            }
        }
        qb.push(" ORDER BY p.display_name, p.id LIMIT ")
            .push_bind(MAX_PERSONS);
        let rows = qb.build().fetch_all(self.pool()).await?;
        rows.iter()
            .map(|r| {
                Ok(PersonRecord {
                    id: r.try_get(0)?,
                    display_name: r.try_get(1)?,
                    birth_date: r.try_get(2)?,
                    bsn: r.try_get(3)?,
                    gemeente: r.try_get(4)?,
                })
            })
            .collect()
    }
}

/// Gives every person its name tokens (the data step of migration 0006, for persons written
/// before it). Runs once, right after the migration is applied.
pub(crate) async fn fill_name_tokens(store: &Store) -> Result<()> {
    let rows = sqlx::query("SELECT id, display_name FROM persons")
        .fetch_all(store.pool())
        .await?;
    let persons: Vec<(String, String)> = rows
        .iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .collect::<Result<_>>()?;
    for chunk in persons.chunks(2000) {
        let mut tx = store.begin_write().await?;
        crate::cases::replace_name_tokens(
            &mut tx,
            chunk.iter().map(|(id, name)| (id.as_str(), name.as_str())),
        )
        .await?;
        tx.commit().await?;
    }
    Ok(())
}
