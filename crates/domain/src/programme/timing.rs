//! Reading the "Wanneer" of an action. The regional policy writes it freely: a year ("2020"), two
//! years ("2019/2020", "2019/ 2020"), a month ("Dec. '18"), a part of a year ("Uitgesteld tot begin
//! 2020"), "Doorlopend", or no date at all ("Acties VT; actief volgen door werkgroep VT"). Schakel
//! keeps the text as written and reads a date range from it where it can (issue 12: "parse what can
//! be parsed into a date range and keep the original text").

use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// The planned timing of an action: the text as written, and what Schakel read from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedTiming {
    pub text: String,
    /// First day of the planned period, when the text names one.
    #[serde(with = "crate::calendar::iso_date::option")]
    pub from: Option<Date>,
    /// Last day of the planned period, when the text names one.
    #[serde(with = "crate::calendar::iso_date::option")]
    pub until: Option<Date>,
    /// "Doorlopend": the action has no end.
    pub ongoing: bool,
    /// "Uitgesteld": the source says the action was postponed.
    pub postponed: bool,
}

impl PlannedTiming {
    /// Reads a "Wanneer". Never fails: what cannot be read stays text only. Only the part before
    /// the first ';' is read for dates; what follows is a note ("2019; document versterken ...").
    pub fn parse(text: &str) -> PlannedTiming {
        let lower = text
            .to_lowercase()
            .replace(['\u{2018}', '\u{2019}', '`'], "'");
        let first = lower.split(';').next().unwrap_or_default();
        // "2019/ 2020" and "2019 /2020" are one token.
        let joined = first
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" /", "/")
            .replace("/ ", "/");
        let tokens: Vec<&str> = joined.split(' ').filter(|t| !t.is_empty()).collect();
        let (from, until) = read_range(&tokens).unzip();
        PlannedTiming {
            text: text.trim().to_string(),
            from,
            until,
            ongoing: tokens.iter().any(|t| t.starts_with("doorlopend")),
            postponed: tokens.iter().any(|t| t.starts_with("uitgesteld")),
        }
    }
}

/// The first date expression among the tokens, as (first day, last day).
fn read_range(tokens: &[&str]) -> Option<(Date, Date)> {
    for (i, token) in tokens.iter().enumerate() {
        let token = token.trim_matches(|c: char| matches!(c, '.' | ',' | ':' | '(' | ')'));
        if let Some((a, b)) = token.split_once('/') {
            if let (Some(a), Some(b)) = (year(a), year(b))
                && a <= b
            {
                return Some((first_day(a, Month::January)?, last_day(b, Month::December)?));
            }
            continue;
        }
        let next_year = tokens.get(i + 1).and_then(|t| year(t));
        if let (Some(part), Some(y)) = (part_of_year(token), next_year) {
            return Some((first_day(y, part.0)?, last_day(y, part.1)?));
        }
        if let (Some(m), Some(y)) = (month(token), next_year) {
            return Some((first_day(y, m)?, last_day(y, m)?));
        }
        if token.len() == 4
            && let Some(y) = year(token)
        {
            return Some((first_day(y, Month::January)?, last_day(y, Month::December)?));
        }
    }
    None
}

/// A year written as 2019 or '19 (two digits are this century). Years outside 1990-2100 are not
/// read as years.
fn year(token: &str) -> Option<i32> {
    let token = token.trim_matches(|c: char| matches!(c, '.' | ',' | ':' | '(' | ')'));
    let (digits, century) = match token.strip_prefix('\'') {
        Some(two) if two.len() == 2 => (two, 2000),
        Some(_) => return None,
        None if token.len() == 4 => (token, 0),
        None => return None,
    };
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y = digits.parse::<i32>().ok()? + century;
    (1990..=2100).contains(&y).then_some(y)
}

/// "begin", "midden", "eind" of a year as months. Schakel's reading [NC]: begin is the first
/// quarter, midden the second and third, eind the last.
fn part_of_year(token: &str) -> Option<(Month, Month)> {
    match token {
        "begin" | "voorjaar" => Some((Month::January, Month::March)),
        "midden" | "medio" => Some((Month::April, Month::September)),
        "eind" | "einde" | "najaar" => Some((Month::October, Month::December)),
        _ => None,
    }
}

/// Dutch month names and their abbreviations ("dec", "dec.", "december", "mrt").
fn month(token: &str) -> Option<Month> {
    let m = token.trim_end_matches('.');
    let month = match m {
        "jan" | "januari" => Month::January,
        "feb" | "febr" | "februari" => Month::February,
        "mrt" | "maart" => Month::March,
        "apr" | "april" => Month::April,
        "mei" => Month::May,
        "jun" | "juni" => Month::June,
        "jul" | "juli" => Month::July,
        "aug" | "augustus" => Month::August,
        "sep" | "sept" | "september" => Month::September,
        "okt" | "oktober" => Month::October,
        "nov" | "november" => Month::November,
        "dec" | "december" => Month::December,
        _ => return None,
    };
    Some(month)
}

fn first_day(year: i32, month: Month) -> Option<Date> {
    Date::from_calendar_date(year, month, 1).ok()
}

fn last_day(year: i32, month: Month) -> Option<Date> {
    Date::from_calendar_date(year, month, time::util::days_in_month(month, year)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn range(text: &str) -> (Option<Date>, Option<Date>) {
        let t = PlannedTiming::parse(text);
        (t.from, t.until)
    }

    #[test]
    fn years_and_year_pairs_become_whole_years() {
        assert_eq!(
            range("2019"),
            (Some(date!(2019 - 01 - 01)), Some(date!(2019 - 12 - 31)))
        );
        assert_eq!(
            range("2019/2020"),
            (Some(date!(2019 - 01 - 01)), Some(date!(2020 - 12 - 31)))
        );
        assert_eq!(range("2019/ 2020"), range("2019/2020"));
        assert_eq!(
            range("2022"),
            (Some(date!(2022 - 01 - 01)), Some(date!(2022 - 12 - 31)))
        );
    }

    #[test]
    fn a_month_with_a_two_digit_year_is_that_month() {
        assert_eq!(
            range("Dec. \u{2018}18"),
            (Some(date!(2018 - 12 - 01)), Some(date!(2018 - 12 - 31)))
        );
        assert_eq!(
            range("feb 2020"),
            (Some(date!(2020 - 02 - 01)), Some(date!(2020 - 02 - 29)))
        );
    }

    #[test]
    fn postponed_to_the_beginning_of_a_year_is_its_first_quarter_and_flagged() {
        let t = PlannedTiming::parse("Uitgesteld tot begin 2020");
        assert_eq!(
            (t.from, t.until),
            (Some(date!(2020 - 01 - 01)), Some(date!(2020 - 03 - 31)))
        );
        assert!(t.postponed);
        assert!(!t.ongoing);
        assert_eq!(t.text, "Uitgesteld tot begin 2020");
    }

    #[test]
    fn ongoing_has_no_range_and_text_without_dates_stays_text() {
        let t = PlannedTiming::parse("Doorlopend");
        assert!(t.ongoing);
        assert_eq!((t.from, t.until), (None, None));
        assert_eq!(
            range("Acties VT; actief volgen door werkgroep VT"),
            (None, None)
        );
        assert_eq!(
            range("Oppakken binnen de werkgroepen specifieke doelgroepen"),
            (None, None)
        );
    }

    #[test]
    fn only_the_part_before_a_semicolon_gives_the_dates() {
        assert_eq!(
            range("2019; document versterken lokale teams"),
            range("2019")
        );
        assert_eq!(
            range("2019/2020; 2019: verkenning start gemeente Beesel"),
            range("2019/2020")
        );
    }

    #[test]
    fn implausible_numbers_are_not_years() {
        assert_eq!(range("10 trainingen"), (None, None));
        assert_eq!(range("1234"), (None, None));
        assert_eq!(range("2020/2019"), (None, None));
    }
}
