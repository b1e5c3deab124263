//! The Veilig Thuis flow's read models beside the case row: the case's open deadlines (the work
//! queues read them) and compact facts per adviesvraag or melding (the regional monitor reads
//! them). Both are refreshed from the domain state in the same transaction as the events.

use sqlx::{Any, Transaction};

use crate::Result;
use crate::bulk::{Val, insert_rows};

/// One open deadline of a case, as a work queue shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineRow {
    /// Stable code of what is due (e.g. `veiligheidsbeoordeling`).
    pub kind: String,
    /// What the queue says, in Dutch.
    pub label: String,
    /// Last day, `YYYY-MM-DD` (Dutch calendar day).
    pub due: String,
    /// The moment, for deadlines that are one (the 24-hour term), as UTC text.
    pub due_at: Option<String>,
    /// Since when the item waits, when its age matters (an open handover).
    pub since: Option<String>,
    pub owner_org: String,
    /// Only this role (code) in the owning organisation sees it (an escalation to the teamleider).
    pub for_role: Option<String>,
    /// Shown from this day (`YYYY-MM-DD`) on; always when `None`.
    pub shown_from: Option<String>,
}

impl DeadlineRow {
    /// Queue order: by day, then by moment; a whole-day deadline after the timed ones of its day.
    pub fn sort_key(&self) -> String {
        format!("{} {}", self.due, self.due_at.as_deref().unwrap_or("~"))
    }
}

/// One adviesvraag or melding, reduced to what the monitor counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeldingFact {
    /// `advies` or `melding`.
    pub kind: String,
    pub received_on: String,
    pub gemeente: String,
    /// The CBS class code (`eerste_melding`, `hermelding`, `vervolgmelding_na_beoordeling`, ...);
    /// none for an advies.
    pub classification: Option<String>,
    pub melder_type: String,
    pub channel: String,
    pub violence_version: String,
    pub violence: Vec<String>,
    pub specific_groups: Vec<String>,
    pub betrokkenen: Vec<FactBetrokkene>,
}

/// A betrokkene as the monitor sees it: no name, no date of birth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactBetrokkene {
    pub role: String,
    pub age_band: Option<String>,
    pub gender: String,
}

/// The read models to write with an append. `facts: None` keeps the stored facts.
#[derive(Debug, Clone, Default)]
pub struct ReadModels {
    pub deadlines: Vec<DeadlineRow>,
    pub facts: Option<Vec<MeldingFact>>,
}

pub(crate) async fn write_read_models(
    tx: &mut Transaction<'static, Any>,
    case_id: &str,
    m: &ReadModels,
) -> Result<()> {
    sqlx::query("DELETE FROM case_deadlines WHERE case_id = $1")
        .bind(case_id)
        .execute(&mut **tx)
        .await?;
    let rows: Vec<Vec<Val>> = m
        .deadlines
        .iter()
        .enumerate()
        .map(|(n, d)| {
            vec![
                case_id.into(),
                Val::Int(n as i64),
                d.kind.as_str().into(),
                d.label.as_str().into(),
                d.due.as_str().into(),
                d.due_at.clone().into(),
                d.since.clone().into(),
                d.sort_key().into(),
                d.owner_org.as_str().into(),
                d.for_role.clone().into(),
                d.shown_from.clone().into(),
            ]
        })
        .collect();
    insert_rows(
        tx,
        "INSERT INTO case_deadlines (case_id, n, kind, label, due, due_at, since, sort_key, owner_org, for_role, shown_from)",
        "",
        &rows,
    )
    .await?;
    if let Some(facts) = &m.facts {
        write_facts(tx, case_id, facts).await?;
    }
    Ok(())
}

async fn write_facts(
    tx: &mut Transaction<'static, Any>,
    case_id: &str,
    facts: &[MeldingFact],
) -> Result<()> {
    for table in [
        "melding_fact_violence",
        "melding_fact_betrokkenen",
        "melding_facts",
    ] {
        let sql = format!("DELETE FROM {table} WHERE case_id = $1");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(case_id)
            .execute(&mut **tx)
            .await?;
    }
    let mut fact_rows = Vec::new();
    let mut violence_rows = Vec::new();
    let mut person_rows = Vec::new();
    for (n, f) in facts.iter().enumerate() {
        let n = n as i64;
        fact_rows.push(vec![
            case_id.into(),
            Val::Int(n),
            f.kind.as_str().into(),
            f.received_on.as_str().into(),
            f.gemeente.as_str().into(),
            f.classification.clone().into(),
            f.melder_type.as_str().into(),
            f.channel.as_str().into(),
            f.violence_version.as_str().into(),
            f.specific_groups.join(",").into(),
            Val::Int(f.betrokkenen.len() as i64),
        ]);
        for code in &f.violence {
            violence_rows.push(vec![case_id.into(), Val::Int(n), code.as_str().into()]);
        }
        for (i, b) in f.betrokkenen.iter().enumerate() {
            person_rows.push(vec![
                case_id.into(),
                Val::Int(n),
                Val::Int(i as i64),
                b.role.as_str().into(),
                b.age_band.clone().into(),
                b.gender.as_str().into(),
            ]);
        }
    }
    insert_rows(
        tx,
        "INSERT INTO melding_facts (case_id, n, kind, received_on, gemeente, classification, melder_type, \
         channel, violence_version, specific_groups, betrokkenen)",
        "",
        &fact_rows,
    )
    .await?;
    insert_rows(
        tx,
        "INSERT INTO melding_fact_violence (case_id, n, code)",
        "",
        &violence_rows,
    )
    .await?;
    insert_rows(
        tx,
        "INSERT INTO melding_fact_betrokkenen (case_id, n, i, role, age_band, gender)",
        "",
        &person_rows,
    )
    .await
}
