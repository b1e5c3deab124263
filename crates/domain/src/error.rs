//! The one error shape for bad input: it always names the field that is wrong, and says what is
//! wrong as a key of the message catalogue with its arguments, so any language can render it.

use std::fmt;

/// A text of the message catalogue (`errors.ftl`): its key and the values of its variables.
/// `Display` renders the Dutch text; a client can render another language from `key` and `args`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, String)>,
}

/// The catalogue text `key`, without variables.
pub fn msg(key: &'static str) -> Message {
    Message {
        key,
        args: Vec::new(),
    }
}

/// The catalogue text `key` with its variables filled in.
pub fn msg_args<const N: usize>(key: &'static str, args: [(&'static str, String); N]) -> Message {
    Message {
        key,
        args: args.into(),
    }
}

impl Message {
    /// The catalogue key.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The variables, by name.
    pub fn args(&self) -> &[(&'static str, String)] {
        &self.args
    }

    /// The Dutch text.
    pub fn text(&self) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(n, v)| (*n, v.as_str())).collect();
        schakel_i18n::t_args(self.key, &args)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Compares the Dutch text, so tests can say what a user reads.
impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        self.text() == *other
    }
}

/// Bad input, naming the field and saying in plain words what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: Message,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: Message) -> Self {
        Self {
            field: field.into(),
            message,
        }
    }

    /// What is wrong, in Dutch.
    pub fn text(&self) -> String {
        self.message.text()
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for FieldError {}
