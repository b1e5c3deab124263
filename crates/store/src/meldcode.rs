//! Meldcode dossiers (issue 11): each dossier's log in its own hash chain, its head row with what a
//! list shows, and the adviezen and meldingen it sent to Veilig Thuis, waiting in Veilig Thuis's
//! intake until a worker registers them.

use schakel_domain::meldcode::{MeldcodeEvent, Professional, Recorded};
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use crate::chained::{ChainedLog, NewEvent};
use crate::hashchain::GENESIS;
use crate::{Result, Store, StoreError, time_text};

const LOG: ChainedLog = ChainedLog {
    events: "meldcode_events",
    owner: "dossier_id",
    heads: "meldcode_dossiers",
    label: "meldcodedossier",
};

/// What the head row carries after an event: the state a list needs, folded by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierHeadline {
    pub owner_org: String,
    /// The Veilig Thuis organisation that received a melding from the dossier.
    pub reader_org: Option<String>,
    pub client_name: String,
    /// The dossier's phase as its code (`schakel_domain::meldcode::Phase::code`).
    pub phase: String,
}

/// One write to a dossier: the event, when and by whom, the head's new headline, and what is
/// sent to Veilig Thuis with it.
#[derive(Debug, Clone, Copy)]
pub struct DossierWrite<'a> {
    pub event: &'a MeldcodeEvent,
    pub at: OffsetDateTime,
    pub by: &'a Professional,
    pub headline: &'a DossierHeadline,
    pub request: Option<&'a NewRequest>,
}

/// A dossier as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierListed {
    pub id: String,
    pub client_name: String,
    pub phase: String,
    pub opened_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// An advies or melding a dossier sends to Veilig Thuis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    pub id: String,
    pub vt_org: String,
    /// `advies` or `melding`.
    pub kind: String,
    /// The intake form's fields as name/value pairs, JSON.
    pub fields: String,
    /// One line for Veilig Thuis's list, without names for an advies.
    pub summary: String,
    pub sender_org: String,
}

/// A request as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeldcodeRequest {
    pub id: String,
    pub dossier_id: String,
    pub vt_org: String,
    pub kind: String,
    pub fields: String,
    pub summary: String,
    pub sent_at: OffsetDateTime,
    pub sent_by: Professional,
    pub sender_org: String,
    pub case_id: Option<String>,
    pub registered_at: Option<OffsetDateTime>,
}

fn kind_of(event: &MeldcodeEvent) -> &'static str {
    match event {
        MeldcodeEvent::Opened { .. } => "opened",
        MeldcodeEvent::SignalsRecorded { .. } => "signals_recorded",
        MeldcodeEvent::NoSuspicion { .. } => "no_suspicion",
        MeldcodeEvent::ConsultationRecorded { .. } => "consultation_recorded",
        MeldcodeEvent::ConversationRecorded { .. } => "conversation_recorded",
        MeldcodeEvent::WeighingRecorded { .. } => "weighing_recorded",
        MeldcodeEvent::DecisionRecorded { .. } => "decision_recorded",
        MeldcodeEvent::MeldingMade { .. } => "melding_made",
        MeldcodeEvent::Closed { .. } => "closed",
    }
}

fn time_of(value: &str, column: &str) -> Result<OffsetDateTime> {
    time_text::parse(value).ok_or_else(|| StoreError::Corrupt(format!("tijd in {column}")))
}

const REQUEST_COLUMNS: &str = "id, dossier_id, vt_org, kind, fields, summary, sent_at, \
     sent_by_user_id, sent_by_name, sender_org, case_id, registered_at";

fn request_of(r: &AnyRow) -> Result<MeldcodeRequest> {
    let sent_at: String = r.try_get(6)?;
    let registered_at: Option<String> = r.try_get(11)?;
    Ok(MeldcodeRequest {
        id: r.try_get(0)?,
        dossier_id: r.try_get(1)?,
        vt_org: r.try_get(2)?,
        kind: r.try_get(3)?,
        fields: r.try_get(4)?,
        summary: r.try_get(5)?,
        sent_at: time_of(&sent_at, "meldcode_requests")?,
        sent_by: Professional {
            user_id: r.try_get(7)?,
            name: r.try_get(8)?,
        },
        sender_org: r.try_get(9)?,
        case_id: r.try_get(10)?,
        registered_at: registered_at
            .map(|t| time_of(&t, "meldcode_requests"))
            .transpose()?,
    })
}

impl Store {
    /// Appends the write's event to dossier `id` after event `expected` (0: the dossier is new and
    /// the event opens it), with the head's new headline, and with the request sent to Veilig
    /// Thuis in the same transaction. Someone else's write in between is
    /// [`StoreError::DossierChanged`]; nothing is written then.
    pub async fn append_meldcode_event(
        &self,
        id: &str,
        expected: i64,
        write: &DossierWrite<'_>,
    ) -> Result<i64> {
        let DossierWrite {
            event,
            at,
            by,
            headline,
            request,
        } = *write;
        let payload = serde_json::to_string(event)
            .map_err(|e| StoreError::Corrupt(format!("meldcode-gebeurtenis: {e}")))?;
        let at_text = time_text::format(at);
        let mut tx = self.begin_write().await?;
        let head = LOG.head(&mut tx, id).await?;
        let (actual, prev) = head.clone().unwrap_or((0, GENESIS.to_string()));
        if actual != expected {
            return Err(StoreError::DossierChanged { expected, actual });
        }
        let new = NewEvent {
            seq: expected + 1,
            kind: kind_of(event),
            payload: &payload,
            at: &at_text,
            by: (&by.user_id, &by.name),
        };
        let hash = new.link(&prev);
        match (head, event) {
            (None, MeldcodeEvent::Opened { .. }) => {
                sqlx::query(
                    "INSERT INTO meldcode_dossiers (id, owner_org, reader_org, client_name, phase, \
                     opened_at, updated_at, head_seq, head_hash) \
                     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)",
                )
                .bind(id)
                .bind(&headline.owner_org)
                .bind(&headline.reader_org)
                .bind(&headline.client_name)
                .bind(&headline.phase)
                .bind(&at_text)
                .bind(new.seq)
                .bind(&hash)
                .execute(&mut *tx)
                .await?;
            }
            (None, _) => return Err(StoreError::NotFound(format!("meldcodedossier {id}"))),
            (Some(_), _) => {
                // The head moves only from the place this writer saw.
                let moved = sqlx::query(
                    "UPDATE meldcode_dossiers SET head_seq = $1, head_hash = $2, reader_org = $3, \
                     client_name = $4, phase = $5, updated_at = $6 WHERE id = $7 AND head_seq = $8",
                )
                .bind(new.seq)
                .bind(&hash)
                .bind(&headline.reader_org)
                .bind(&headline.client_name)
                .bind(&headline.phase)
                .bind(&at_text)
                .bind(id)
                .bind(expected)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if moved != 1 {
                    return Err(StoreError::DossierChanged {
                        expected,
                        actual: expected + 1,
                    });
                }
            }
        }
        LOG.insert(&mut tx, id, &prev, &new, &hash).await?;
        if let Some(r) = request {
            sqlx::query(
                "INSERT INTO meldcode_requests (id, dossier_id, vt_org, kind, fields, summary, \
                 sent_at, sent_by_user_id, sent_by_name, sender_org) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(&r.id)
            .bind(id)
            .bind(&r.vt_org)
            .bind(&r.kind)
            .bind(&r.fields)
            .bind(&r.summary)
            .bind(&at_text)
            .bind(&by.user_id)
            .bind(&by.name)
            .bind(&r.sender_org)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(new.seq)
    }

    /// Sends `request` from dossier `id` without an event of its own (an advies: the dossier's
    /// state does not change; the request row records who sent what, when).
    pub async fn send_meldcode_request(
        &self,
        id: &str,
        at: OffsetDateTime,
        by: &Professional,
        request: &NewRequest,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO meldcode_requests (id, dossier_id, vt_org, kind, fields, summary, \
             sent_at, sent_by_user_id, sent_by_name, sender_org) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&request.id)
        .bind(id)
        .bind(&request.vt_org)
        .bind(&request.kind)
        .bind(&request.fields)
        .bind(&request.summary)
        .bind(time_text::format(at))
        .bind(&by.user_id)
        .bind(&by.name)
        .bind(&request.sender_org)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The events of dossier `id` in order; empty when there is no such dossier.
    pub async fn meldcode_events(&self, id: &str) -> Result<Vec<Recorded>> {
        LOG.events(self, id)
            .await?
            .into_iter()
            .map(|e| {
                Ok(Recorded {
                    seq: e.seq,
                    event: serde_json::from_str(&e.payload).map_err(|err| {
                        StoreError::Corrupt(format!("meldcode-gebeurtenis: {err}"))
                    })?,
                    at: e.at,
                    by: Professional {
                        user_id: e.by_user_id,
                        name: e.by_name,
                    },
                })
            })
            .collect()
    }

    /// The dossiers of organisation `org`, the most recently changed first; closed ones only with
    /// `with_closed`.
    pub async fn meldcode_dossiers_of(
        &self,
        org: &str,
        with_closed: bool,
    ) -> Result<Vec<DossierListed>> {
        let rows = sqlx::query(
            "SELECT id, client_name, phase, opened_at, updated_at FROM meldcode_dossiers \
             WHERE owner_org = $1 AND ($2 OR phase <> 'closed') ORDER BY updated_at DESC, id",
        )
        .bind(org)
        .bind(with_closed)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let opened: String = r.try_get(3)?;
                let updated: String = r.try_get(4)?;
                Ok(DossierListed {
                    id: r.try_get(0)?,
                    client_name: r.try_get(1)?,
                    phase: r.try_get(2)?,
                    opened_at: time_of(&opened, "meldcode_dossiers")?,
                    updated_at: time_of(&updated, "meldcode_dossiers")?,
                })
            })
            .collect()
    }

    /// Every dossier's id, for verification.
    pub async fn meldcode_dossier_ids(&self) -> Result<Vec<String>> {
        let rows = sqlx::query("SELECT id FROM meldcode_dossiers ORDER BY id")
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>(0)?))
            .collect()
    }

    /// Checks dossier `id`'s chain; the first broken place, or `None` when it holds.
    pub async fn verify_meldcode_dossier(&self, id: &str) -> Result<Option<String>> {
        LOG.verify(self, id).await
    }

    /// The requests waiting at Veilig Thuis organisation `vt_org`, oldest first.
    pub async fn meldcode_requests_waiting(&self, vt_org: &str) -> Result<Vec<MeldcodeRequest>> {
        let sql = format!(
            "SELECT {REQUEST_COLUMNS} FROM meldcode_requests \
             WHERE vt_org = $1 AND registered_at IS NULL ORDER BY sent_at, id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(vt_org)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(request_of).collect()
    }

    /// The requests dossier `dossier_id` sent, oldest first.
    pub async fn meldcode_requests_of(&self, dossier_id: &str) -> Result<Vec<MeldcodeRequest>> {
        let sql = format!(
            "SELECT {REQUEST_COLUMNS} FROM meldcode_requests WHERE dossier_id = $1 \
             ORDER BY sent_at, id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(dossier_id)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(request_of).collect()
    }

    pub async fn meldcode_request(&self, id: &str) -> Result<Option<MeldcodeRequest>> {
        let sql = format!("SELECT {REQUEST_COLUMNS} FROM meldcode_requests WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(request_of).transpose()
    }

    /// Records that request `id` was registered as casus `case_id`. Only once: a request already
    /// registered is [`StoreError::Duplicate`] on `aanvraag`.
    pub async fn mark_meldcode_request_registered(
        &self,
        id: &str,
        case_id: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        let done = sqlx::query(
            "UPDATE meldcode_requests SET case_id = $1, registered_at = $2 \
             WHERE id = $3 AND registered_at IS NULL",
        )
        .bind(case_id)
        .bind(time_text::format(at))
        .bind(id)
        .execute(self.pool())
        .await?
        .rows_affected();
        if done == 1 {
            Ok(())
        } else {
            Err(StoreError::Duplicate {
                field: "aanvraag".into(),
            })
        }
    }
}
