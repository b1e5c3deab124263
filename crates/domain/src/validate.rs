//! Validation of plain input values shared by every form and API call.

use crate::FieldError;
use crate::{msg, msg_args};

/// Trims a required text field and bounds its length, naming the field when it is wrong.
pub fn required_text(field: &str, value: &str, max_chars: usize) -> Result<String, FieldError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(FieldError::new(field, msg("error-required")));
    }
    if trimmed.chars().count() > max_chars {
        return Err(FieldError::new(
            field,
            msg_args(
                "error-text-too-long",
                [("max_chars", max_chars.to_string())],
            ),
        ));
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(FieldError::new(
            field,
            msg("error-text-disallowed-characters"),
        ));
    }
    Ok(trimmed.to_string())
}

/// The longest identifier Schakel hands out or accepts: a UUID has 36 characters, the synthetic and
/// imported ids fewer. Anything longer is no identifier, so it never reaches the access policy, the
/// store or the access log (issue 8, finding 3: a 60,000-character "id" went into the log).
pub const MAX_ID_CHARS: usize = 64;

/// Whether `value` has the form of an identifier (case, person, organisation, handover, user):
/// 1 to [`MAX_ID_CHARS`] ASCII letters, digits, `.`, `-` or `_`.
pub fn is_identifier(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= MAX_ID_CHARS
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

/// An identifier checked by its form, naming the field when it is wrong.
pub fn identifier(field: &str, value: &str) -> Result<String, FieldError> {
    if is_identifier(value) {
        Ok(value.to_string())
    } else {
        Err(FieldError::new(field, msg("error-identifier-format")))
    }
}

/// A user name: lower-case letters, digits, dots, hyphens and underscores, 3 to 64 characters.
pub fn username(field: &str, value: &str) -> Result<String, FieldError> {
    let v = value.trim().to_lowercase();
    let ok_chars = v
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c));
    if v.len() < 3 || v.len() > 64 || !ok_chars {
        return Err(FieldError::new(field, msg("error-username-format")));
    }
    Ok(v)
}

/// Passwords: at least 12 characters (NCSC guidance favours length over composition rules).
pub fn new_password(field: &str, value: &str) -> Result<String, FieldError> {
    let n = value.chars().count();
    if n < 12 {
        return Err(FieldError::new(field, msg("error-password-too-short")));
    }
    if n > 256 {
        return Err(FieldError::new(field, msg("error-password-too-long")));
    }
    Ok(value.to_string())
}

/// An optional date typed as `jjjj-mm-dd`; empty means none.
pub fn optional_date(field: &str, value: &str) -> Result<Option<time::Date>, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    // `time` also reads a signed year (`-9999-01-01`); nobody types one, and such a date sat at
    // the edge of the representable range, where later arithmetic on it panicked.
    if value.starts_with(['+', '-']) {
        return Err(FieldError::new(field, msg("error-date-invalid")));
    }
    time::Date::parse(
        value,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map(Some)
    .map_err(|_| FieldError::new(field, msg("error-date-invalid")))
}

/// An amount typed in euros ("1.250,50", "1250.5", "€ 300") as cents; empty is refused.
pub fn euros(field: &str, typed: &str) -> Result<i64, FieldError> {
    let bad = || FieldError::new(field, msg("error-programme-amount-invalid"));
    let cleaned: String = typed
        .trim()
        .trim_start_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return Err(FieldError::new(field, msg("error-required")));
    }
    // A comma is the decimal sign; dots group thousands. Without a comma, one dot followed by one
    // or two digits is a decimal sign too ("1250.5").
    let (whole, fraction) = match cleaned.rsplit_once(',') {
        Some((w, f)) => (w.replace('.', ""), f.to_string()),
        None => match cleaned.rsplit_once('.') {
            Some((w, f)) if f.len() <= 2 && !w.contains('.') => (w.to_string(), f.to_string()),
            _ => (cleaned.replace('.', ""), String::new()),
        },
    };
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || fraction.len() > 2
        || !fraction.chars().all(|c| c.is_ascii_digit())
        || whole.len() > 12
    {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let fraction: i64 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
    Ok(whole * 100 + fraction)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_date_with_a_signed_year_is_refused() {
        for typed in ["-9999-01-01", "+2026-11-29", "-0001-05-04"] {
            let e = super::optional_date("geboortedatum", typed).unwrap_err();
            assert_eq!(e.field, "geboortedatum", "{typed}");
        }
        assert_eq!(
            super::optional_date("geboortedatum", " 2016-05-04 "),
            Ok(Some(time::macros::date!(2016 - 05 - 04)))
        );
    }

    #[test]
    fn identifiers_are_short_plain_ascii() {
        for ok in [
            "syn-2018-0-0",
            "case-melding-a",
            "0190a3c2-7d4e-7b6a-9f1e-0123456789ab",
            "a",
        ] {
            assert!(super::is_identifier(ok), "{ok}");
        }
        let long = "a".repeat(super::MAX_ID_CHARS + 1);
        for bad in ["", long.as_str(), "<script>", "a b", "a/b", "é", "a\n"] {
            assert!(!super::is_identifier(bad), "{bad}");
            assert_eq!(super::identifier("id", bad).unwrap_err().field, "id");
        }
    }

    use super::*;

    #[test]
    fn required_text_trims_and_names_the_field() {
        assert_eq!(required_text("naam", "  Venlo ", 10), Ok("Venlo".into()));
        assert_eq!(required_text("naam", "   ", 10).unwrap_err().field, "naam");
        assert!(required_text("naam", "abcdefghijk", 10).is_err());
        assert!(required_text("naam", "a\u{0}b", 10).is_err());
    }

    #[test]
    fn usernames_are_normalised_and_limited() {
        assert_eq!(
            username("gebruikersnaam", " VT.Medewerker "),
            Ok("vt.medewerker".into())
        );
        assert!(username("gebruikersnaam", "a b").is_err());
        assert!(username("gebruikersnaam", "<script>").is_err());
        assert!(username("gebruikersnaam", "ab").is_err());
    }

    #[test]
    fn optional_dates_name_the_field() {
        assert_eq!(optional_date("van", " "), Ok(None));
        assert_eq!(
            optional_date("van", "2026-02-28").unwrap().map(|d| d.day()),
            Some(28)
        );
        assert_eq!(optional_date("van", "2026-02-30").unwrap_err().field, "van");
        assert_eq!(optional_date("van", "28-02-2026").unwrap_err().field, "van");
    }

    #[test]
    fn passwords_need_length() {
        assert!(new_password("wachtwoord", "kort").is_err());
        assert!(new_password("wachtwoord", "lang-genoeg-wachtwoord").is_ok());
    }

    #[test]
    fn amounts_in_euros_read_as_cents() {
        assert_eq!(super::euros("bedrag", "1.250,50"), Ok(125050));
        assert_eq!(super::euros("bedrag", "€ 300"), Ok(30000));
        assert_eq!(super::euros("bedrag", "1250.5"), Ok(125050));
        assert_eq!(super::euros("bedrag", "12.500"), Ok(1250000));
        for bad in ["", "abc", "1,2,3", "12,345", "-5", "1e6"] {
            assert_eq!(
                super::euros("bedrag", bad).map_err(|e| e.field),
                Err("bedrag".into()),
                "{bad}"
            );
        }
    }
}
