//! Texts for pages and errors come from the message catalogue (`crates/i18n`); templates call
//! `crate::i18n::t` with the key.

pub use schakel_i18n::{t, t_args};

/// Veilig Thuis's national number (DESIGN.md, who uses it: 0800-2000, free, day and night).
pub const VT_PHONE: &str = "0800-2000";

/// "Veilig Thuis: 0800-2000 (gratis, dag en nacht)" in the page's language.
pub fn vt_phone_line() -> String {
    t_args("vt-phone-line", &[("number", VT_PHONE)])
}

/// The text for `key` with one argument, for templates.
pub fn t_arg(key: &str, name: &str, value: impl std::fmt::Display) -> String {
    t_args(key, &[(name, &value.to_string())])
}

/// The text for `key` with two arguments, for templates.
pub fn t_arg2(
    key: &str,
    name: &str,
    value: impl std::fmt::Display,
    other: &str,
    other_value: impl std::fmt::Display,
) -> String {
    t_args(
        key,
        &[
            (name, &value.to_string()),
            (other, &other_value.to_string()),
        ],
    )
}
