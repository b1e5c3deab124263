//! Known before (RULES.md 2.1 "radar function", RULES.md 3: a casus is the meldingen about (partly)
//! the same directbetrokkenen): how a betrokkene of a new intake compares with a person already in
//! a casus. The outcome is certain (linked without asking), possible (the worker decides) or a
//! conflict (facts that should identify one person disagree: the worker decides, and is shown what
//! differs). Nothing that is not certain is ever linked silently.

use serde::Serialize;
use time::{Date, Duration};

use crate::intake::age_on;
use crate::matching::{SIMILAR_FROM, jaro_winkler, normalise_name};

/// An estimated age matches a date of birth, or another estimate, when the ages differ by at most
/// this many years. Schakel's choice [NC]: an estimate given by a reporter is commonly a year or two
/// off; a wider margin would offer every child with a similar name in the family.
pub const AGE_MARGIN_YEARS: u32 = 2;

/// The identifying facts of one person, as the intake gives them or as a casus holds them. `bsn` is
/// the nine digits after the elfproef.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonFacts {
    pub name: Option<String>,
    pub birth_date: Option<Date>,
    pub estimated_age: Option<u32>,
    pub bsn: Option<String>,
}

/// How sure the check is that two records are one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Linked without asking: the same BSN with agreeing name and date of birth, or (without two
    /// BSNs to compare) the same name and date of birth.
    Certain,
    /// Facts that should identify one person disagree: the worker decides.
    Conflict,
    /// Close enough to ask: the worker decides.
    Possible,
}

/// One fact that agrees or differs, shown to the worker ("BSN gelijk, naam anders").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    BsnEqual,
    BsnDifferent,
    NameEqual,
    NameSimilar,
    NameDifferent,
    BirthDateEqual,
    BirthDateOneDayOff,
    BirthDateDifferent,
    AgeWithinMargin,
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Reason::BsnEqual => "bsn_gelijk",
            Reason::BsnDifferent => "bsn_anders",
            Reason::NameEqual => "naam_gelijk",
            Reason::NameSimilar => "naam_lijkt",
            Reason::NameDifferent => "naam_anders",
            Reason::BirthDateEqual => "geboortedatum_gelijk",
            Reason::BirthDateOneDayOff => "geboortedatum_dag_verschil",
            Reason::BirthDateDifferent => "geboortedatum_anders",
            Reason::AgeWithinMargin => "leeftijd_past",
        }
    }

    /// The Dutch words, e.g. "naam anders".
    pub fn label(self) -> String {
        schakel_i18n::t(&format!("known-reason-{}", self.code().replace('_', "-")))
    }

    /// Whether the fact differs (shown as the conflict's cause).
    pub fn differs(self) -> bool {
        matches!(
            self,
            Reason::BsnDifferent | Reason::NameDifferent | Reason::BirthDateDifferent
        )
    }
}

/// The outcome of comparing two records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub certainty: Certainty,
    /// What agrees and what differs, strongest fact first.
    pub reasons: Vec<Reason>,
    /// Jaro-Winkler similarity of the normalised names (0 when a name is missing).
    pub name_score: f64,
}

impl Assessment {
    /// "BSN gelijk, naam anders".
    pub fn summary(&self) -> String {
        let words: Vec<String> = self.reasons.iter().map(|r| r.label()).collect();
        let text = words.join(", ");
        let mut chars = text.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => text,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Names {
    Equal,
    Similar(f64),
    Different(f64),
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Births {
    Equal,
    OneDayOff,
    AgeWithin,
    Different,
    Unknown,
}

fn names(a: &PersonFacts, b: &PersonFacts) -> Names {
    match (&a.name, &b.name) {
        (Some(a), Some(b)) => {
            let (a, b) = (normalise_name(a), normalise_name(b));
            if a.is_empty() || b.is_empty() {
                return Names::Unknown;
            }
            if a == b {
                return Names::Equal;
            }
            let score = jaro_winkler(&a, &b);
            if score >= SIMILAR_FROM {
                Names::Similar(score)
            } else {
                Names::Different(score)
            }
        }
        _ => Names::Unknown,
    }
}

/// The age a record gives on `today`: from its date of birth, else its estimate.
fn age(p: &PersonFacts, today: Date) -> Option<u32> {
    p.birth_date.map(|b| age_on(b, today)).or(p.estimated_age)
}

fn births(a: &PersonFacts, b: &PersonFacts, today: Date) -> Births {
    if let (Some(x), Some(y)) = (a.birth_date, b.birth_date) {
        return if x == y {
            Births::Equal
        } else if (x - y).abs() <= Duration::days(1) {
            // A day off is a common typing or time-zone slip (issue 7, rule breach 5).
            Births::OneDayOff
        } else {
            Births::Different
        };
    }
    match (age(a, today), age(b, today)) {
        (Some(x), Some(y)) if x.abs_diff(y) <= AGE_MARGIN_YEARS => Births::AgeWithin,
        (Some(_), Some(_)) => Births::Different,
        _ => Births::Unknown,
    }
}

/// Compares the betrokkene `new` with the known person `known` on `today` (for ages). `None`: not
/// the same person as far as the check can tell.
///
/// - Both have a BSN and they are equal: certain, unless the name is not similar or the date of
///   birth differs, which is a conflict ("BSN gelijk, naam anders").
/// - Both have a BSN and they differ: a conflict when name and date of birth (or age) agree, since
///   a BSN is personal and a wrong digit still passes the elfproef at times; otherwise no match.
/// - Otherwise: the same name and date of birth is certain; a similar name with the same date of
///   birth, one a day off, or an age within [`AGE_MARGIN_YEARS`] is possible.
///
/// Issue 7, rule breach 5 (known-before merged different people); RULES.md 3 (a casus joins
/// meldingen about the same directbetrokkenen, so a wrong link merges two families' files).
pub fn assess(new: &PersonFacts, known: &PersonFacts, today: Date) -> Option<Assessment> {
    let n = names(new, known);
    let b = births(new, known, today);
    let name_score = match n {
        Names::Equal => 1.0,
        Names::Similar(s) | Names::Different(s) => s,
        Names::Unknown => 0.0,
    };
    let name_reason = match n {
        Names::Equal => Some(Reason::NameEqual),
        Names::Similar(_) => Some(Reason::NameSimilar),
        Names::Different(_) => Some(Reason::NameDifferent),
        Names::Unknown => None,
    };
    let birth_reason = match b {
        Births::Equal => Some(Reason::BirthDateEqual),
        Births::OneDayOff => Some(Reason::BirthDateOneDayOff),
        Births::AgeWithin => Some(Reason::AgeWithinMargin),
        Births::Different => Some(Reason::BirthDateDifferent),
        Births::Unknown => None,
    };
    let names_agree = matches!(n, Names::Equal | Names::Similar(_));
    let births_agree = matches!(b, Births::Equal | Births::OneDayOff | Births::AgeWithin);
    let out = |certainty, first: Reason| {
        let mut reasons = vec![first];
        reasons.extend(name_reason);
        reasons.extend(birth_reason);
        Some(Assessment {
            certainty,
            reasons,
            name_score,
        })
    };
    match (&new.bsn, &known.bsn) {
        (Some(x), Some(y)) if x == y => {
            // Under one BSN any disagreeing date of birth is a conflict, a day off included: the
            // BSN register knows one date.
            let name_conflict = matches!(n, Names::Different(_));
            let birth_conflict = matches!(b, Births::Different | Births::OneDayOff);
            if name_conflict || birth_conflict {
                let mut a = out(Certainty::Conflict, Reason::BsnEqual)?;
                if let Some(r) = a
                    .reasons
                    .iter_mut()
                    .find(|r| **r == Reason::BirthDateOneDayOff)
                {
                    *r = Reason::BirthDateDifferent;
                }
                Some(a)
            } else {
                out(Certainty::Certain, Reason::BsnEqual)
            }
        }
        (Some(_), Some(_)) => {
            if names_agree && births_agree {
                let mut a = out(Certainty::Conflict, Reason::BsnDifferent)?;
                // Lead with the agreeing facts: "naam en geboortedatum gelijk, BSN anders".
                a.reasons.rotate_left(1);
                Some(a)
            } else {
                None
            }
        }
        _ => match (n, b) {
            (Names::Equal, Births::Equal) => {
                let mut a = out(Certainty::Certain, Reason::NameEqual)?;
                a.reasons.dedup();
                Some(a)
            }
            _ if names_agree && births_agree => {
                let first = name_reason.unwrap_or(Reason::NameSimilar);
                let mut a = out(Certainty::Possible, first)?;
                a.reasons.dedup();
                Some(a)
            }
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 29);

    fn p(name: &str, born: Option<Date>, bsn: Option<&str>) -> PersonFacts {
        PersonFacts {
            name: Some(name.into()),
            birth_date: born,
            estimated_age: None,
            bsn: bsn.map(str::to_string),
        }
    }

    fn certainty(a: &PersonFacts, b: &PersonFacts) -> Option<Certainty> {
        assess(a, b, TODAY).map(|a| a.certainty)
    }

    const BORN: Option<Date> = Some(date!(2015 - 03 - 04));

    #[test]
    fn same_bsn_name_and_birth_date_is_certain() {
        let a = p("Anna Verzonnen", BORN, Some("111222333"));
        let got = assess(&a, &a, TODAY).unwrap();
        assert_eq!(got.certainty, Certainty::Certain);
        assert_eq!(got.reasons[0], Reason::BsnEqual);
    }

    #[test]
    fn same_bsn_other_name_and_birth_date_is_a_conflict() {
        let a = p("Anna Verzonnen", BORN, Some("111222333"));
        let b = p(
            "Piet Fictief",
            Some(date!(1980 - 01 - 01)),
            Some("111222333"),
        );
        let got = assess(&a, &b, TODAY).unwrap();
        assert_eq!(got.certainty, Certainty::Conflict);
        assert_eq!(
            got.reasons,
            vec![
                Reason::BsnEqual,
                Reason::NameDifferent,
                Reason::BirthDateDifferent
            ]
        );
        assert_eq!(
            got.summary(),
            "BSN gelijk, naam anders, geboortedatum anders"
        );
    }

    #[test]
    fn same_bsn_other_name_alone_is_a_conflict() {
        let a = p("Anna Verzonnen", BORN, Some("111222333"));
        let b = p("Bram Jansen", BORN, Some("111222333"));
        assert_eq!(certainty(&a, &b), Some(Certainty::Conflict));
        let got = assess(&a, &b, TODAY).unwrap();
        assert!(got.summary().starts_with("BSN gelijk, naam anders"));
    }

    #[test]
    fn same_bsn_birth_date_a_day_off_is_a_conflict() {
        let a = p("Anna Verzonnen", BORN, Some("111222333"));
        let b = p(
            "Anna Verzonnen",
            Some(date!(2015 - 03 - 05)),
            Some("111222333"),
        );
        let got = assess(&a, &b, TODAY).unwrap();
        assert_eq!(got.certainty, Certainty::Conflict);
        assert!(got.reasons.contains(&Reason::BirthDateDifferent));
    }

    #[test]
    fn same_bsn_with_a_typo_in_the_name_stays_certain() {
        let a = p("Anna Verzonnen", BORN, Some("111222333"));
        let b = p("Ana Verzonnen", BORN, Some("111222333"));
        assert_eq!(certainty(&a, &b), Some(Certainty::Certain));
    }

    #[test]
    fn same_bsn_without_birth_dates_is_certain() {
        let a = p("Anna Verzonnen", None, Some("111222333"));
        assert_eq!(certainty(&a, &a), Some(Certainty::Certain));
    }

    #[test]
    fn same_name_and_birth_date_with_another_bsn_is_a_conflict() {
        let a = p("Anna Verzonnen", BORN, Some("111222333"));
        let b = p("Anna Verzonnen", BORN, Some("123456782"));
        let got = assess(&a, &b, TODAY).unwrap();
        assert_eq!(got.certainty, Certainty::Conflict);
        assert_eq!(
            got.reasons,
            vec![
                Reason::NameEqual,
                Reason::BirthDateEqual,
                Reason::BsnDifferent
            ]
        );
        assert_eq!(
            got.summary(),
            "Naam gelijk, geboortedatum gelijk, BSN anders"
        );
    }

    #[test]
    fn another_bsn_and_another_person_is_no_match() {
        let a = p("Anna Verzonnen", BORN, Some("111222333"));
        let b = p(
            "Anna Verzonnen",
            Some(date!(1990 - 01 - 01)),
            Some("123456782"),
        );
        assert_eq!(certainty(&a, &b), None);
    }

    #[test]
    fn same_name_and_birth_date_without_two_bsns_is_certain() {
        let a = p("Anna Verzonnen", BORN, Some("111222333"));
        let b = p("anna  verzonnen", BORN, None);
        assert_eq!(certainty(&a, &b), Some(Certainty::Certain));
        assert_eq!(certainty(&b, &b), Some(Certainty::Certain));
    }

    #[test]
    fn similar_name_same_birth_date_is_possible() {
        let a = p("Anna Verzonnen", BORN, None);
        let b = p("Anna Verzonen", BORN, None);
        let got = assess(&a, &b, TODAY).unwrap();
        assert_eq!(got.certainty, Certainty::Possible);
        assert_eq!(
            got.reasons,
            vec![Reason::NameSimilar, Reason::BirthDateEqual]
        );
    }

    #[test]
    fn birth_date_one_day_off_is_possible() {
        let a = p("Anna Verzonnen", BORN, None);
        let b = p("Anna Verzonnen", Some(date!(2015 - 03 - 03)), None);
        let got = assess(&a, &b, TODAY).unwrap();
        assert_eq!(got.certainty, Certainty::Possible);
        assert_eq!(
            got.reasons,
            vec![Reason::NameEqual, Reason::BirthDateOneDayOff]
        );
        let typo = p("Ana Verzonnen", Some(date!(2015 - 03 - 05)), None);
        assert_eq!(certainty(&a, &typo), Some(Certainty::Possible));
    }

    #[test]
    fn birth_date_two_days_off_is_no_match() {
        let a = p("Anna Verzonnen", BORN, None);
        let b = p("Anna Verzonnen", Some(date!(2015 - 03 - 06)), None);
        assert_eq!(certainty(&a, &b), None);
    }

    #[test]
    fn estimated_age_within_the_margin_is_possible() {
        // Born 4-3-2015: 11 on 29-11-2026.
        let known = p("Anna Verzonnen", BORN, None);
        for (est, want) in [
            (11, Some(Certainty::Possible)),
            (9, Some(Certainty::Possible)),
            (13, Some(Certainty::Possible)),
            (8, None),
            (14, None),
        ] {
            let new = PersonFacts {
                estimated_age: Some(est),
                ..p("Anna Verzonen", None, None)
            };
            assert_eq!(certainty(&new, &known), want, "estimate {est}");
        }
        let new = PersonFacts {
            estimated_age: Some(11),
            ..p("Ana Verzonnen", None, None)
        };
        let got = assess(&new, &known, TODAY).unwrap();
        assert_eq!(
            got.reasons,
            vec![Reason::NameSimilar, Reason::AgeWithinMargin]
        );
    }

    #[test]
    fn estimated_age_never_makes_a_certain_match() {
        let known = p("Anna Verzonnen", BORN, None);
        let new = PersonFacts {
            estimated_age: Some(11),
            ..p("Anna Verzonnen", None, None)
        };
        assert_eq!(certainty(&new, &known), Some(Certainty::Possible));
    }

    #[test]
    fn other_first_name_in_the_family_is_no_match() {
        let a = p("Anna Verzonnen", BORN, None);
        let b = p("Bram Verzonnen", BORN, None);
        assert_eq!(certainty(&a, &b), None);
    }

    #[test]
    fn a_name_without_any_date_or_age_is_no_match() {
        let a = p("Anna Verzonnen", None, None);
        assert_eq!(certainty(&a, &a), None);
    }
}
