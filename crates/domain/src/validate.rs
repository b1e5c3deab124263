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
    time::Date::parse(
        value,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map(Some)
    .map_err(|_| FieldError::new(field, msg("error-date-invalid")))
}

#[cfg(test)]
mod tests {
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
}
