//! Search for cases (issue 7, "Fit for daily work"): one text, as a worker types it, read as
//! words of a name, a date of birth (29-11-2026 or 2026-11-29), a BSN and a case number
//! (VT-2026-00123). What is found is filtered by the access policy (a case the user may not read is
//! never shown) and the search is logged with the persons shown as clients.

use schakel_domain::access::Action;
use schakel_domain::bsn::Bsn;
use schakel_domain::{FieldError, casenumber, msg};
use schakel_store::Store;
use schakel_store::search::{SearchHit, SearchQuery};
use time::Date;

use crate::{Error, Policy};

/// Cases shown, at most.
pub const MAX_HITS: i64 = 50;

/// The longest search text accepted.
const MAX_LEN: usize = 200;

/// Reads what the user typed. Every word is one criterion; a word of nine digits that passes the
/// elfproef is a BSN, a date in either form is a date of birth, `VT-2026-123` is a case number, and
/// the rest are words of a name. Refused (naming the field `q`): an empty text, a text too long, a
/// word of digits that is neither a date nor a valid BSN.
pub fn parse_query(field: &str, text: &str) -> Result<SearchQuery, FieldError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(FieldError::new(field, msg("error-search-empty")));
    }
    if text.chars().count() > MAX_LEN {
        return Err(FieldError::new(field, msg("error-search-too-long")));
    }
    let mut q = SearchQuery::default();
    for word in text.split_whitespace() {
        if let Some(n) = casenumber::parse(word) {
            q.case_number = Some(n);
        } else if let Some(d) = parse_date(word) {
            q.birth_date = Some(d);
        } else if word.chars().all(|c| c.is_ascii_digit()) {
            let bsn = Bsn::parse(field, word)
                .map_err(|_| FieldError::new(field, msg("error-search-bsn")))?;
            q.bsn = Some(bsn.as_str().to_string());
        } else if word.chars().any(|c| c.is_alphabetic()) {
            q.name_words.push(word.to_string());
        } else {
            return Err(FieldError::new(field, msg("error-search-word")));
        }
    }
    Ok(q)
}

/// 29-11-2026 (how Dutch people write it) or 2026-11-29.
pub fn parse_date(word: &str) -> Option<Date> {
    // Only groups of digits: `time` would also read a signed year (`29-11--0001`).
    if !word
        .split('-')
        .all(|group| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let dutch = time::macros::format_description!("[day]-[month]-[year]");
    let iso = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(word, dutch)
        .or_else(|_| Date::parse(word, iso))
        .ok()
}

/// Searches for `text` as the policy's user: the hits they may read, at most [`MAX_HITS`]. The
/// search is logged (Action::Search) with the persons shown as clients; a user who may not search
/// gets the policy's refusal and sees nothing.
pub async fn search<P: Policy>(
    store: &Store,
    policy: &P,
    text: &str,
) -> Result<Vec<SearchHit>, P::Error> {
    let q = parse_query("q", text).map_err(Error::from)?;
    // Read more than shown: some hits may be in cases the user may not read.
    let found = store
        .search_cases(&q, MAX_HITS * 4)
        .await
        .map_err(Error::from)?;
    let mut shown = Vec::new();
    for hit in found {
        if shown.len() as i64 >= MAX_HITS {
            break;
        }
        let participants = store
            .case_participants(&hit.case.id)
            .await
            .map_err(Error::from)?;
        if policy.may_read(&participants) {
            shown.push(hit);
        }
    }
    let mut clients: Vec<String> = shown
        .iter()
        .flat_map(|h| h.persons.iter().map(|(p, _)| p.id.clone()))
        .collect();
    clients.sort();
    clients.dedup();
    policy
        .authorize(Action::Search, clients, Some("zoeken".into()))
        .await?;
    Ok(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_digits_in_either_order_and_never_a_signed_year() {
        let day = time::macros::date!(2016 - 05 - 04);
        assert_eq!(parse_date("04-05-2016"), Some(day));
        assert_eq!(parse_date("2016-05-04"), Some(day));
        for word in ["04-05--0001", "-0001-05-04", "+2016-05-04", "04-05-+2016"] {
            assert_eq!(parse_date(word), None, "{word}");
        }
    }
}
