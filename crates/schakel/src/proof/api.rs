//! A client of the server's JSON API as a user would use it: sign in (`POST /api/v1/session`), keep
//! the session cookie, send the CSRF token with every write. The session lives in the database, so
//! after a restart on another port the same client goes on with [`Api::moved_to`].

use std::time::Duration;

use serde_json::{Value, json};

use crate::demo::DEMO_PASSWORD;
use crate::error::{CliError, CliResult};

/// A request that takes longer than this counts as failed.
const REQUEST_LIMIT: Duration = Duration::from_secs(30);

#[derive(Clone)]
pub struct Api {
    client: reqwest::Client,
    csrf: String,
    base: String,
}

impl Api {
    /// Signs in as the demo user `username` at `base` (`http://127.0.0.1:PORT`).
    pub async fn login(base: &str, username: &str) -> CliResult<Api> {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .timeout(REQUEST_LIMIT)
            .build()
            .map_err(|e| CliError::failure(format!("HTTP-client: {e}")))?;
        let res = client
            .post(format!("{base}/api/v1/session"))
            .json(&json!({"username": username, "password": DEMO_PASSWORD}))
            .send()
            .await
            .map_err(|e| CliError::failure(format!("aanmelden als {username}: {e}")))?;
        let status = res.status().as_u16();
        let body: Value = res.json().await.unwrap_or(Value::Null);
        let Some(csrf) = body["csrf_token"].as_str().filter(|_| status == 201) else {
            return Err(CliError::failure(format!(
                "aanmelden als {username}: HTTP {status} {body}"
            )));
        };
        Ok(Api {
            client,
            csrf: csrf.to_string(),
            base: base.to_string(),
        })
    }

    /// The same session against a restarted server at `base`.
    pub fn moved_to(&self, base: &str) -> Api {
        Api {
            base: base.to_string(),
            ..self.clone()
        }
    }

    /// A write: status and JSON body (null when there is none). `Err` when no answer came.
    pub async fn post(&self, path: &str, body: &Value) -> Result<(u16, Value), reqwest::Error> {
        let res = self
            .client
            .post(format!("{}{path}", self.base))
            .header("X-CSRF-Token", &self.csrf)
            .json(body)
            .send()
            .await?;
        let status = res.status().as_u16();
        // A body cut off by a kill is no answer either.
        let body = res.bytes().await?;
        Ok((status, serde_json::from_slice(&body).unwrap_or(Value::Null)))
    }

    /// A read: status and JSON body.
    pub async fn get(&self, path: &str) -> Result<(u16, Value), reqwest::Error> {
        let res = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await?;
        let status = res.status().as_u16();
        let body = res.bytes().await?;
        Ok((status, serde_json::from_slice(&body).unwrap_or(Value::Null)))
    }
}

/// A melding by the police about a fictional family; `marker` goes into the description so the
/// stored intake can be recognised, `n` varies the names and birth dates so intakes do not match
/// each other in the known-before check.
pub fn melding(marker: &str, n: u64) -> Value {
    let received = time::OffsetDateTime::now_utc() - time::Duration::hours(1);
    let received = received
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let child = format!("Kind {}", letters(n));
    let parent = format!("Ouder {}", letters(n));
    let born = format!("20{:02}-{:02}-{:02}", 10 + n % 14, 1 + n % 12, 1 + n % 28);
    json!({
        "intake": {
            "soort": "melding",
            "ontvangen_op": received,
            "kanaal": "politiemelding",
            "melder": {"type": "justitie_en_veiligheid", "organisatie": "Politie Limburg"},
            "betrokkenen": [
                {"rol": "kind_in_gezin", "naam": child, "geboortedatum": born, "geslacht": "vrouw",
                 "gemeente": "Venlo"},
                {"rol": "pleger", "naam": parent, "geschatte_leeftijd": 40, "geslacht": "man",
                 "gemeente": "Venlo"}
            ],
            "aard_geweld_versie": "regio-2018",
            "aard_geweld": ["lichamelijke_mishandeling"],
            "omschrijving": format!("Fictieve melding {marker}.")
        }
    })
}

/// `n` written in letters (a name may not hold digits): 0 = "Baa", 1 = "Bab", ...
fn letters(mut n: u64) -> String {
    let mut out = String::from("B");
    for _ in 0..5 {
        out.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_differ_per_number_and_hold_only_letters() {
        assert_ne!(letters(0), letters(1));
        assert_ne!(letters(25), letters(26));
        assert!(letters(123_456).chars().all(|c| c.is_ascii_alphabetic()));
    }
}
