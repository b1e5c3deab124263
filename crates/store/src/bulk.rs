//! Multi-row inserts: one statement for many rows, so bulk work (the synthetic year, an import)
//! runs near the database's own insert rate. The same SQL text runs on both engines.

use sqlx::{Any, Transaction};

use crate::Result;

/// One bound value.
#[derive(Debug, Clone)]
pub(crate) enum Val {
    Text(String),
    OptText(Option<String>),
    Int(i64),
}

impl From<&str> for Val {
    fn from(s: &str) -> Self {
        Val::Text(s.to_string())
    }
}

impl From<String> for Val {
    fn from(s: String) -> Self {
        Val::Text(s)
    }
}

impl From<Option<String>> for Val {
    fn from(s: Option<String>) -> Self {
        Val::OptText(s)
    }
}

impl From<i64> for Val {
    fn from(n: i64) -> Self {
        Val::Int(n)
    }
}

/// At most this many bound values per statement (SQLite allows 32766, PostgreSQL 65535).
const MAX_PARAMS: usize = 30_000;

/// Runs `head VALUES (...), (...) suffix` for `rows`, in as few statements as the limits allow.
/// `head` is our own constant SQL, never user input.
pub(crate) async fn insert_rows(
    tx: &mut Transaction<'static, Any>,
    head: &str,
    suffix: &str,
    rows: &[Vec<Val>],
) -> Result<()> {
    let Some(width) = rows.first().map(Vec::len) else {
        return Ok(());
    };
    let per_statement = (MAX_PARAMS / width.max(1)).max(1);
    for chunk in rows.chunks(per_statement) {
        let mut sql = String::with_capacity(head.len() + chunk.len() * width * 5 + suffix.len());
        sql.push_str(head);
        sql.push_str(" VALUES ");
        let mut n = 0;
        for (r, row) in chunk.iter().enumerate() {
            if r > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for c in 0..row.len() {
                if c > 0 {
                    sql.push_str(", ");
                }
                n += 1;
                sql.push('$');
                sql.push_str(&n.to_string());
            }
            sql.push(')');
        }
        sql.push(' ');
        sql.push_str(suffix);
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for row in chunk {
            for v in row {
                q = match v {
                    Val::Text(s) => q.bind(s.clone()),
                    Val::OptText(s) => q.bind(s.clone()),
                    Val::Int(i) => q.bind(*i),
                };
            }
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// A query put together from constant SQL pieces and bound values, as sqlx's `QueryBuilder` does,
/// but with numbered placeholders: under the `Any` driver `QueryBuilder` writes `?`, which
/// PostgreSQL refuses, while `$1, $2, ...` run on both engines (DESIGN.md, "Shape").
#[derive(Debug, Default)]
pub(crate) struct Numbered {
    sql: String,
    vals: Vec<Val>,
}

impl Numbered {
    pub fn new(sql: &str) -> Self {
        Self {
            sql: sql.to_string(),
            vals: Vec::new(),
        }
    }

    /// Appends SQL text: our own constants, never user input.
    pub fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    /// Appends the next placeholder and binds `v` to it.
    pub fn push_bind(&mut self, v: impl Into<Val>) -> &mut Self {
        self.vals.push(v.into());
        self.sql.push('$');
        self.sql.push_str(&self.vals.len().to_string());
        self
    }

    pub fn build(&self) -> sqlx::query::Query<'_, Any, sqlx::any::AnyArguments> {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(self.sql.clone()));
        for v in &self.vals {
            q = match v {
                Val::Text(s) => q.bind(s.clone()),
                Val::OptText(s) => q.bind(s.clone()),
                Val::Int(i) => q.bind(*i),
            };
        }
        q
    }
}
