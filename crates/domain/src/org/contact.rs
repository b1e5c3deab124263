//! An organisation's contact details (issue 7, "The case page shows what was decided: ...
//! regiehouder with contact details"): a phone number and an e-mail address, both optional.
//! Schakel's own rules [NC]: they check the shape only, so a typing error is caught, not whether
//! the number or address exists.

use serde::{Deserialize, Serialize};

use crate::{Collector, FieldError, FieldErrors, msg};

/// Longest phone number, spaces and dashes included.
pub const MAX_PHONE: usize = 20;
/// Fewest digits in a phone number (a short service number such as 0800-2000 has eight).
pub const MIN_PHONE_DIGITS: usize = 6;
/// Longest e-mail address (RFC 5321's path limit).
pub const MAX_EMAIL: usize = 254;

/// Checked contact details; an empty input is `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl Contact {
    /// Checks both fields (every error at once). Field names as the form and the API name them:
    /// `telefoon`, `email`.
    pub fn parse(phone: &str, email: &str) -> Result<Contact, FieldErrors> {
        let mut c = Collector::new();
        let phone = c.check(parse_phone("telefoon", phone)).flatten();
        let email = c.check(parse_email("email", email)).flatten();
        c.finish(Contact { phone, email })
    }
}

/// A phone number: digits, spaces, dashes and a leading `+` only, at least
/// [`MIN_PHONE_DIGITS`] digits, at most [`MAX_PHONE`] characters. Trimmed; empty is `None`.
pub fn parse_phone(field: &str, value: &str) -> Result<Option<String>, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let allowed = v
        .chars()
        .enumerate()
        .all(|(i, ch)| ch.is_ascii_digit() || ch == ' ' || ch == '-' || (ch == '+' && i == 0));
    let digits = v.chars().filter(char::is_ascii_digit).count();
    if !allowed || digits < MIN_PHONE_DIGITS || v.chars().count() > MAX_PHONE {
        return Err(FieldError::new(field, msg("org-contact-phone-invalid")));
    }
    Ok(Some(v.to_string()))
}

/// An e-mail address of the shape `name@domain.tld`: one `@`, no spaces, a domain with a dot and
/// no empty part. Trimmed; empty is `None`.
pub fn parse_email(field: &str, value: &str) -> Result<Option<String>, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let bad = || FieldError::new(field, msg("org-contact-email-invalid"));
    if v.chars().count() > MAX_EMAIL || v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let Some((local, domain)) = v.split_once('@') else {
        return Err(bad());
    };
    if local.is_empty() || domain.contains('@') {
        return Err(bad());
    }
    let parts: Vec<&str> = domain.split('.').collect();
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty()) {
        return Err(bad());
    }
    Ok(Some(v.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_of_digits_spaces_plus_and_dashes_pass_and_others_name_the_field() {
        for ok in [
            "0900-1234567",
            "088 123 45 67",
            "+31 88 123 4567",
            "0800-2000",
        ] {
            assert_eq!(
                parse_phone("telefoon", ok),
                Ok(Some(ok.to_string())),
                "{ok}"
            );
        }
        assert_eq!(parse_phone("telefoon", "  "), Ok(None));
        for bad in [
            "088-CALL-NOW",
            "12345",
            "088+1234567",
            "(088) 1234567",
            "0881234567890123456789",
        ] {
            let err = parse_phone("telefoon", bad).unwrap_err();
            assert_eq!(err.field, "telefoon", "{bad}");
        }
    }

    #[test]
    fn email_addresses_need_the_shape_name_at_domain_dot_tld() {
        for ok in ["info@example.nl", "team.venlo@voorbeeld.example.nl"] {
            assert_eq!(parse_email("email", ok), Ok(Some(ok.to_string())), "{ok}");
        }
        assert_eq!(parse_email("email", ""), Ok(None));
        for bad in [
            "info",
            "info@",
            "@example.nl",
            "info@example",
            "in fo@example.nl",
            "a@b@example.nl",
            "info@example..nl",
        ] {
            assert_eq!(
                parse_email("email", bad).unwrap_err().field,
                "email",
                "{bad}"
            );
        }
    }

    #[test]
    fn both_errors_come_at_once() {
        let err = Contact::parse("bel me", "geen-adres").unwrap_err();
        let fields: Vec<&str> = err.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["telefoon", "email"]);
        assert_eq!(
            Contact::parse(" 088-1234567 ", ""),
            Ok(Contact {
                phone: Some("088-1234567".into()),
                email: None
            })
        );
    }
}
