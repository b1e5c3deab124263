//! How stored values read on a page: times in Dutch time, codes as Dutch labels. Pages go through
//! here rather than showing what the store holds (issue 7: no codes, one time zone).

use schakel_domain::access::{Action, Participation, ResourceKind};
use schakel_domain::org::Role;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::i18n::t;

/// A stored moment (UTC text) as Dutch time, 29-11-2026 14:05; text that is not a moment is shown
/// as it is.
pub fn moment(stored: &str) -> String {
    parse_moment(stored)
        .map(schakel_domain::calendar::dutch_moment)
        .unwrap_or_else(|| stored.to_string())
}

/// A stored moment: the store's own form first, any RFC 3339 text next.
pub fn parse_moment(stored: &str) -> Option<OffsetDateTime> {
    schakel_store::time_text::parse(stored).or_else(|| OffsetDateTime::parse(stored, &Rfc3339).ok())
}

/// The Dutch label of a case phase code (`beoordeling`); the code itself if unknown.
pub fn phase(code: &str) -> String {
    schakel_domain::case::Phase::parse(code)
        .map(|p| p.label())
        .unwrap_or_else(|| code.to_string())
}

/// The Dutch word for advies or melding.
pub fn case_kind(code: &str) -> String {
    match code {
        "advies" => t("case-kind-advies"),
        "melding" => t("case-kind-melding"),
        other => other.to_string(),
    }
}

/// The access log's values in Dutch (NEN 7513 event kinds, resources, grounds, roles).
pub mod log {
    use super::*;

    pub fn action(code: &str) -> String {
        match Action::ALL.into_iter().find(|a| a.code() == code) {
            Some(a) => t(&format!("look-action-{}", a.code())),
            None => code.to_string(),
        }
    }

    pub fn resource(code: &str) -> String {
        match ResourceKind::ALL.into_iter().find(|r| r.code() == code) {
            Some(r) => t(&format!("look-resource-{}", r.code().replace('_', "-"))),
            None => code.to_string(),
        }
    }

    pub fn role(code: &str) -> String {
        Role::parse("rol", code)
            .map(Role::label)
            .unwrap_or_else(|_| code.to_string())
    }

    /// `participation:accountable`, `role:beheerder` or `break_the_glass`, as words.
    pub fn ground(code: &str) -> String {
        match code.split_once(':') {
            Some(("participation", p)) => Participation::parse(p)
                .map(|p| t_arg_ground("look-ground-participation", &p.label()))
                .unwrap_or_else(|| code.to_string()),
            Some(("role", r)) => Role::parse("rol", r)
                .map(|r| t_arg_ground("look-ground-role", &r.label()))
                .unwrap_or_else(|_| code.to_string()),
            _ if code == "break_the_glass" => t("look-ground-break-the-glass"),
            _ if code.is_empty() => String::new(),
            _ => code.to_string(),
        }
    }

    fn t_arg_ground(key: &str, what: &str) -> String {
        crate::i18n::t_arg(key, "what", what)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_utc_moments_are_shown_in_dutch_time() {
        assert_eq!(moment("2026-11-29T09:05:00.000000Z"), "29-11-2026 10:05");
        assert_eq!(moment("2026-07-01T22:30:00Z"), "02-07-2026 00:30");
        assert_eq!(moment("geen tijd"), "geen tijd");
    }

    #[test]
    fn log_values_have_no_codes() {
        for a in Action::ALL {
            let l = log::action(a.code());
            assert!(!l.contains('_') && !l.contains('-'), "{l}");
            assert_ne!(l, a.code());
        }
        for r in ResourceKind::ALL {
            let l = log::resource(r.code());
            assert!(!l.contains('_'), "{l}");
            assert_ne!(l, r.code());
        }
        assert!(!log::ground("participation:handover_receiver").contains('_'));
        assert!(!log::ground("role:privacy_officer").contains('_'));
        assert!(!log::ground("break_the_glass").contains('_'));
    }
}
