//! Writing the case log and its read model inside one transaction.

use std::collections::BTreeSet;

use sqlx::{Any, Row, Transaction};

use super::{Author, CaseProjection, EventDraft, EventFields, event_hash, name_key};
use crate::bulk::{Val, insert_rows};
use crate::hashchain::{self, GENESIS};
use crate::readmodels::{ReadModels, write_read_models};
use crate::{Result, Store, StoreError, time_text};

impl Store {
    /// Appends `drafts` to the case's log after `expected_seq` (0 for a new case) and replaces the
    /// case's read model with `projection`, all in one transaction. Returns the new last sequence.
    /// `None` keeps the read model as it is (for events that change nothing in it, such as a note);
    /// a new case always needs one.
    pub async fn append_case_events(
        &self,
        case_id: &str,
        expected_seq: i64,
        author: &Author,
        drafts: &[EventDraft],
        projection: Option<&CaseProjection>,
    ) -> Result<i64> {
        self.append_case_events_with(case_id, expected_seq, author, drafts, projection, None)
            .await
    }

    /// As [`Store::append_case_events`], and also refreshes the flow's read models (deadlines,
    /// monitor facts) in the same transaction.
    pub async fn append_case_events_with(
        &self,
        case_id: &str,
        expected_seq: i64,
        author: &Author,
        drafts: &[EventDraft],
        projection: Option<&CaseProjection>,
        read_models: Option<&ReadModels>,
    ) -> Result<i64> {
        if drafts.is_empty() {
            return Ok(expected_seq);
        }
        let mut tx = self.begin_write().await?;
        let seq = write_events(&mut tx, case_id, expected_seq, author, drafts, projection).await?;
        if let Some(p) = projection {
            apply_projection(&mut tx, case_id, p).await?;
        }
        if let Some(m) = read_models {
            write_read_models(&mut tx, case_id, m).await?;
        }
        tx.commit().await?;
        Ok(seq)
    }
}

/// Appends events after `expected_seq`, creating the case row from `new_case` when the case is new.
/// Refuses with [`StoreError::Conflict`] when someone else appended first.
pub(crate) async fn write_events(
    tx: &mut Transaction<'static, Any>,
    case_id: &str,
    expected_seq: i64,
    author: &Author,
    drafts: &[EventDraft],
    new_case: Option<&CaseProjection>,
) -> Result<i64> {
    let current = sqlx::query("SELECT last_seq, head_hash FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(&mut **tx)
        .await?;
    let (actual_seq, mut prev) = match &current {
        Some(r) => (r.try_get::<i64, _>(0)?, r.try_get::<String, _>(1)?),
        None => (0, GENESIS.to_string()),
    };
    let conflict = || StoreError::Conflict {
        case_id: case_id.to_string(),
        expected: expected_seq,
        actual: actual_seq,
    };
    if actual_seq != expected_seq {
        return Err(conflict());
    }
    let unique_as_conflict = |e: sqlx::Error| match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => conflict(),
        _ => StoreError::Db(e),
    };
    if current.is_none() {
        let Some(p) = new_case else {
            return Err(StoreError::Corrupt(format!(
                "nieuwe casus {case_id} zonder leesmodel"
            )));
        };
        let at = drafts
            .first()
            .map(|d| time_text::format(d.at))
            .unwrap_or_else(time_text::now);
        let number = next_case_number(tx, p, drafts.first().map(|d| d.at)).await?;
        // The case row must exist before rows that refer to it; its head is set below.
        sqlx::query(
            "INSERT INTO cases (id, kind, status, accountable_org, title, opened_at, updated_at, last_seq, head_hash, \
             case_number) VALUES ($1, $2, $3, $4, $5, $6, $6, 0, $7, $8)",
        )
        .bind(case_id)
        .bind(&p.kind)
        .bind(&p.status)
        .bind(&p.accountable_org)
        .bind(&p.title)
        .bind(&at)
        .bind(GENESIS)
        .bind(&number)
        .execute(&mut **tx)
        .await
        .map_err(unique_as_conflict)?;
    }
    let mut seq = expected_seq;
    let mut last_at = String::new();
    let mut rows = Vec::with_capacity(drafts.len());
    for d in drafts {
        seq += 1;
        let at = time_text::format(d.at);
        let payload = d.payload.to_string();
        let digest = hashchain::digest(&payload);
        let hash = event_hash(
            &prev,
            &EventFields {
                case_id,
                seq,
                at: &at,
                user_id: &author.user_id,
                org_id: &author.org_id,
                on_behalf_of: author.on_behalf_of.as_deref(),
                kind: &d.kind,
                payload: &digest,
            },
        );
        rows.push(vec![
            Val::from(case_id),
            Val::from(seq),
            Val::from(at.clone()),
            Val::from(author.user_id.as_str()),
            Val::from(author.org_id.as_str()),
            Val::from(author.on_behalf_of.clone()),
            Val::from(d.kind.as_str()),
            Val::from(payload),
            Val::from(digest),
            Val::from(prev),
            Val::from(hash.clone()),
        ]);
        prev = hash;
        last_at = at;
    }
    insert_rows(
        tx,
        "INSERT INTO case_events (case_id, seq, at, user_id, org_id, on_behalf_of, kind, payload, payload_digest, \
         prev_hash, hash)",
        "",
        &rows,
    )
    .await
    .map_err(|e| match e {
        StoreError::Db(db) => unique_as_conflict(db),
        other => other,
    })?;
    let updated = sqlx::query(
        "UPDATE cases SET updated_at = $2, last_seq = $3, head_hash = $4 WHERE id = $1 AND last_seq = $5",
    )
    .bind(case_id)
    .bind(&last_at)
    .bind(seq)
    .bind(&prev)
    .bind(expected_seq)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if updated != 1 {
        return Err(conflict());
    }
    Ok(seq)
}

/// The next case number of the case's prefix and year of receipt (issue 7). The counter row is
/// incremented inside the transaction that opens the case: on SQLite the one writer holds the
/// database, on PostgreSQL the upsert locks the row until commit, so two open transactions (group
/// commit rounds or instances) never get the same number.
async fn next_case_number(
    tx: &mut Transaction<'static, Any>,
    p: &CaseProjection,
    first_at: Option<time::OffsetDateTime>,
) -> Result<String> {
    let year = p.received_year.unwrap_or_else(|| {
        schakel_domain::calendar::dutch_local_date(
            first_at.unwrap_or_else(time::OffsetDateTime::now_utc),
        )
        .year()
    });
    let prefix = schakel_domain::casenumber::DEFAULT_PREFIX;
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO case_number_counters (prefix, year, last_seq) VALUES ($1, $2, 1) \
         ON CONFLICT (prefix, year) DO UPDATE SET last_seq = case_number_counters.last_seq + 1 \
         RETURNING last_seq",
    )
    .bind(prefix)
    .bind(i64::from(year))
    .fetch_one(&mut **tx)
    .await?;
    Ok(schakel_domain::casenumber::format(prefix, year, seq))
}

/// Replaces the case's read model: the case row's fields, its participants and its persons.
pub(crate) async fn apply_projection(
    tx: &mut Transaction<'static, Any>,
    case_id: &str,
    p: &CaseProjection,
) -> Result<()> {
    sqlx::query(
        "UPDATE cases SET kind = $2, status = $3, accountable_org = $4, title = $5, gemeente = $6, acute = $7, \
         assigned_user = $8 WHERE id = $1",
    )
    .bind(case_id)
    .bind(&p.kind)
    .bind(&p.status)
    .bind(&p.accountable_org)
    .bind(&p.title)
    .bind(&p.gemeente)
    .bind(i64::from(p.acute))
    .bind(&p.assigned_user)
    .execute(&mut **tx)
    .await?;
    replace_case_relations(tx, case_id, p).await?;
    mark_merged(tx, &p.merged_persons).await
}

/// Marks each merged person as merged into the kept one and takes it out of the search index
/// (issue 7). Idempotent: every later write of the case repeats it harmlessly.
async fn mark_merged(
    tx: &mut Transaction<'static, Any>,
    merged: &[(String, String)],
) -> Result<()> {
    for (merged, kept) in merged {
        sqlx::query("UPDATE persons SET merged_into = $2 WHERE id = $1")
            .bind(merged)
            .bind(kept)
            .execute(&mut **tx)
            .await?;
        sqlx::query("DELETE FROM person_name_tokens WHERE person_id = $1")
            .bind(merged)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn replace_case_relations(
    tx: &mut Transaction<'static, Any>,
    case_id: &str,
    p: &CaseProjection,
) -> Result<()> {
    sqlx::query("DELETE FROM case_participants WHERE case_id = $1")
        .bind(case_id)
        .execute(&mut **tx)
        .await?;
    let mut seen = BTreeSet::new();
    let parts: Vec<Vec<Val>> = p
        .participants
        .iter()
        .filter(|(org, part)| seen.insert((org.as_str(), part.code())))
        .map(|(org, part)| vec![case_id.into(), org.as_str().into(), part.code().into()])
        .collect();
    insert_rows(
        tx,
        "INSERT INTO case_participants (case_id, org_id, participation)",
        "",
        &parts,
    )
    .await?;
    sqlx::query("DELETE FROM case_persons WHERE case_id = $1")
        .bind(case_id)
        .execute(&mut **tx)
        .await?;
    let mut seen_persons = BTreeSet::new();
    let persons: Vec<_> = p
        .persons
        .iter()
        .filter(|(person, _)| seen_persons.insert(person.id.as_str()))
        .collect();
    let now = time_text::now();
    let person_rows: Vec<Vec<Val>> = persons
        .iter()
        .map(|(person, _)| {
            vec![
                person.id.as_str().into(),
                person.display_name.as_str().into(),
                name_key(&person.display_name).into(),
                person.birth_date.clone().into(),
                person.bsn.clone().into(),
                person.gemeente.clone().into(),
                now.as_str().into(),
            ]
        })
        .collect();
    // An upsert keeps a person's id and creation time across cases (one person, many cases).
    insert_rows(
        tx,
        "INSERT INTO persons (id, display_name, name_key, birth_date, bsn, gemeente, created_at)",
        "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, name_key = excluded.name_key, \
         birth_date = excluded.birth_date, bsn = excluded.bsn, gemeente = excluded.gemeente",
        &person_rows,
    )
    .await?;
    replace_name_tokens(
        tx,
        persons
            .iter()
            .map(|(person, _)| (person.id.as_str(), person.display_name.as_str())),
    )
    .await?;
    let links: Vec<Vec<Val>> = persons
        .iter()
        .map(|(person, role)| {
            vec![
                case_id.into(),
                person.id.as_str().into(),
                role.as_str().into(),
            ]
        })
        .collect();
    insert_rows(
        tx,
        "INSERT INTO case_persons (case_id, person_id, role)",
        "",
        &links,
    )
    .await
}

/// The words of each person's name key, for search by part of a name (issue 7): replaced with the
/// person, so a changed name is found by its new words only.
pub(crate) async fn replace_name_tokens<'a>(
    tx: &mut Transaction<'static, Any>,
    persons: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<()> {
    let mut rows: Vec<Vec<Val>> = Vec::new();
    for (id, name) in persons {
        sqlx::query("DELETE FROM person_name_tokens WHERE person_id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await?;
        let key = name_key(name);
        let tokens: BTreeSet<&str> = key.split(' ').filter(|t| !t.is_empty()).collect();
        rows.extend(tokens.into_iter().map(|t| vec![t.into(), id.into()]));
    }
    insert_rows(
        tx,
        "INSERT INTO person_name_tokens (token, person_id)",
        "",
        &rows,
    )
    .await
}
