//! The store side of `schakel bench intake` (issue 3 item 11): the fictional intakes the benchmark
//! registers (through the production use case, `schakel_app::register_intake`), and the same rows
//! inserted raw in one transaction with the same driver, for the reference rate measured in the
//! same run.

use schakel_domain::case::CaseKind;
use schakel_domain::intake::{Betrokkene, Gender, Intake, Melder};
use time::{Date, Duration, OffsetDateTime};

use crate::{Result, Store, time_text};

/// The three fictional betrokkenen of bench intake `n`: (person id, role, name, birth date). Birth
/// dates step three days per `n`, so the similar names of neighbouring households are never a day
/// apart (which the known-before check would offer as possibly the same person).
fn household(n: u64, now: OffsetDateTime) -> [(String, &'static str, String, Date); 3] {
    let day = now.date();
    let surname = format!("Benchmark{n}");
    [
        (
            format!("bench-{n}-0"),
            "kind_in_gezin",
            format!("Fenna {surname}"),
            day - Duration::days(3000 + 3 * (n % 1000) as i64),
        ),
        (
            format!("bench-{n}-1"),
            "slachtoffer",
            format!("Anna {surname}"),
            day - Duration::days(12_000 + 3 * (n % 1000) as i64),
        ),
        (
            format!("bench-{n}-2"),
            "pleger",
            format!("Bram {surname}"),
            day - Duration::days(13_000 + 3 * (n % 1000) as i64),
        ),
    ]
}

/// The fictional melding of bench intake `n`: a household of three (a child, a victim and a
/// perpetrator, new names every `n`) in Venlo, two kinds of violence. It is registered through the
/// same use case as production (`schakel_app::register_intake`); the raw insert below writes the
/// rows that registration writes.
pub fn intake(n: u64, now: OffsetDateTime) -> Intake {
    Intake {
        case_kind: CaseKind::Melding,
        received_at: now,
        channel: "politiemelding".into(),
        melder: Melder {
            melder_type: "justitie_en_veiligheid".into(),
            name: None,
            organisation: None,
            org_id: None,
            contact: None,
            anonymous_to_family: false,
            has_role: false,
            informant_doctor: false,
        },
        betrokkenen: household(n, now)
            .into_iter()
            .map(|(_, role, name, born)| Betrokkene {
                person_id: String::new(),
                role: role.into(),
                name: Some(name),
                birth_date: Some(born),
                estimated_age: None,
                gender: Gender::Onbekend,
                bsn: None,
                address: None,
                gemeente: "Venlo".into(),
            })
            .collect(),
        violence_version: "regio-2018".into(),
        violence: vec![
            "lichamelijke_mishandeling".into(),
            "psychisch_geweld".into(),
        ],
        specific_groups: Vec::new(),
        description: "Benchmarkmelding; verzonnen.".into(),
    }
}

/// Inserts the rows `count` intakes write (case, 2 events, 3 persons and links, participant, 2
/// deadlines, facts with 2 kinds and 3 betrokkenen: 18 rows each), one statement per row, in ONE
/// transaction, with no domain work and no reads. Ids start at `start` and use the prefix
/// `raw-`. Returns the number of rows.
pub async fn raw_insert(
    store: &Store,
    vt_org: &str,
    start: u64,
    count: u64,
    now: OffsetDateTime,
) -> Result<u64> {
    let at = time_text::format(now);
    let day = now.date().to_string();
    let mut tx = store.begin_write().await?;
    let mut rows = 0_u64;
    macro_rules! exec {
        ($sql:expr $(, $v:expr)*) => {{
            sqlx::query($sql)$(.bind($v))*.execute(&mut *tx).await?;
            rows += 1;
        }};
    }
    for n in start..start + count {
        let case_id = format!("raw-{n}");
        exec!(
            "INSERT INTO cases (id, kind, status, accountable_org, title, opened_at, updated_at, last_seq, head_hash) VALUES ($1, 'melding', 'intake', $2, 'Melding', $3, $3, 2, 'x')",
            &case_id,
            vt_org,
            &at
        );
        for seq in 1..=2_i64 {
            exec!(
                "INSERT INTO case_events (case_id, seq, at, user_id, org_id, on_behalf_of, kind, payload, payload_digest, prev_hash, hash) VALUES ($1, $2, $3, 'bench', $4, NULL, 'raw', '{}', 'd', 'x', 'y')",
                &case_id,
                seq,
                &at,
                vt_org
            );
        }
        for (i, (id, role, name, born)) in household(n, now).into_iter().enumerate() {
            let id = format!("raw-{id}");
            exec!(
                "INSERT INTO persons (id, display_name, name_key, birth_date, bsn, gemeente, created_at) VALUES ($1, $2, $3, $4, NULL, 'Venlo', $5)",
                &id,
                &name,
                name.to_lowercase(),
                born.to_string(),
                &at
            );
            exec!(
                "INSERT INTO case_persons (case_id, person_id, role) VALUES ($1, $2, $3)",
                &case_id,
                &id,
                role
            );
            exec!(
                "INSERT INTO melding_fact_betrokkenen (case_id, n, i, role, age_band, gender) VALUES ($1, 0, $2, $3, '0-20', 'onbekend')",
                &case_id,
                i as i64,
                role
            );
        }
        exec!(
            "INSERT INTO case_participants (case_id, org_id, participation) VALUES ($1, $2, 'accountable')",
            &case_id,
            vt_org
        );
        for (k, kind) in ["urgentie", "veiligheidsbeoordeling"]
            .into_iter()
            .enumerate()
        {
            exec!(
                "INSERT INTO case_deadlines (case_id, n, kind, label, due, due_at, since, sort_key, owner_org) VALUES ($1, $2, $3, $3, $4, NULL, NULL, $4, $5)",
                &case_id,
                k as i64,
                kind,
                &day,
                vt_org
            );
        }
        exec!(
            "INSERT INTO melding_facts (case_id, n, kind, received_on, gemeente, classification, melder_type, channel, violence_version, specific_groups, betrokkenen) VALUES ($1, 0, 'melding', $2, 'Venlo', 'eerste_melding', 'justitie_en_veiligheid', 'politiemelding', 'regio-2018', '', 3)",
            &case_id,
            &day
        );
        for code in ["lichamelijke_mishandeling", "psychisch_geweld"] {
            exec!(
                "INSERT INTO melding_fact_violence (case_id, n, code) VALUES ($1, 0, $2)",
                &case_id,
                code
            );
        }
    }
    tx.commit().await?;
    Ok(rows)
}

/// What `schakel bench pages` searches for, taken from cases of `org_id` so every search finds
/// something, as a worker's search usually does. Each is `None` when no case has one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchSamples {
    /// The last word of a person's name (a family name: many hits, the hard case).
    pub name_word: Option<String>,
    /// `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    pub bsn: Option<String>,
    pub case_number: Option<String>,
    pub gemeente: Option<String>,
}

const SAMPLE_PERSON: &str = "SELECT p.display_name, p.birth_date, p.bsn FROM cases c JOIN case_persons cp ON cp.case_id = c.id \
     JOIN persons p ON p.id = cp.person_id WHERE c.accountable_org = $1";

/// Sample search terms from the cases of `org_id`.
pub async fn search_samples(store: &Store, org_id: &str) -> Result<SearchSamples> {
    type Person = (String, Option<String>, Option<String>);
    let person = |extra: &'static str| async move {
        let sql = format!("{SAMPLE_PERSON}{extra} LIMIT 1");
        sqlx::query_as::<_, Person>(sqlx::AssertSqlSafe(sql))
            .bind(org_id)
            .fetch_optional(store.pool())
            .await
    };
    let named = person(" AND p.birth_date IS NOT NULL").await?;
    let with_bsn = person(" AND p.bsn IS NOT NULL").await?;
    let case: Option<(Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT case_number, gemeente FROM cases WHERE accountable_org = $1 AND case_number IS NOT NULL \
         AND gemeente IS NOT NULL LIMIT 1",
    )
    .bind(org_id)
    .fetch_optional(store.pool())
    .await?;
    let (case_number, gemeente) = case.unwrap_or_default();
    Ok(SearchSamples {
        name_word: named
            .as_ref()
            .and_then(|(name, _, _)| name.split_whitespace().last().map(str::to_string)),
        birth_date: named.and_then(|(_, born, _)| born),
        bsn: with_bsn.and_then(|(_, _, bsn)| bsn),
        case_number,
        gemeente,
    })
}

/// How many cases the database holds.
pub async fn case_count(store: &Store) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM cases")
        .fetch_one(store.pool())
        .await?)
}
