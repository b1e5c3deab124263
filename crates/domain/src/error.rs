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

/// Every field error of one form or command, in the order the fields were checked; never empty.
/// A form shows all of them at once (issue 7: the NL Design System error summary), so a user fixes
/// everything in one go instead of one error per submit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldErrors {
    first: FieldError,
    rest: Vec<FieldError>,
}

impl FieldErrors {
    /// The errors, or `None` when there are none.
    pub fn from_vec(errors: Vec<FieldError>) -> Option<Self> {
        let mut errors = errors.into_iter();
        let first = errors.next()?;
        Some(Self {
            first,
            rest: errors.collect(),
        })
    }

    /// The first error: what a one-error answer (the API's `field` and `message`) names.
    pub fn first(&self) -> &FieldError {
        &self.first
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        std::iter::once(&self.first).chain(self.rest.iter())
    }

    pub fn len(&self) -> usize {
        1 + self.rest.len()
    }

    /// Never true; present because a length usually comes with it.
    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        let mut all = vec![self.first];
        all.extend(self.rest);
        all
    }

    /// The same errors with every field name passed through `f` (e.g. to prefix a body path).
    pub fn map_fields(mut self, f: impl Fn(&str) -> String) -> Self {
        self.first.field = f(&self.first.field);
        for e in &mut self.rest {
            e.field = f(&e.field);
        }
        self
    }
}

impl From<FieldError> for FieldErrors {
    fn from(e: FieldError) -> Self {
        Self {
            first: e,
            rest: Vec::new(),
        }
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let all: Vec<String> = self.iter().map(ToString::to_string).collect();
        f.write_str(&all.join("; "))
    }
}

impl std::error::Error for FieldErrors {}

/// Gathers the errors of a form while it is checked field by field, so checking goes on after the
/// first bad field. A value whose check failed comes back as `None`; the caller puts a stand-in in
/// its place, which [`Collector::finish`] never lets out.
#[derive(Debug, Default)]
pub struct Collector(Vec<FieldError>);

impl Collector {
    pub fn new() -> Self {
        Self::default()
    }

    /// The value of a check that passed; a failed check's error is kept.
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.push(e);
                None
            }
        }
    }

    /// Keeps an error; a second error for a field already wrong adds nothing for the user.
    pub fn push(&mut self, e: FieldError) {
        if !self.0.iter().any(|o| o.field == e.field) {
            self.0.push(e);
        }
    }

    /// Whether `field` already has an error.
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|o| o.field == field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `value` when every check passed, else all the errors.
    pub fn finish<T>(self, value: T) -> Result<T, FieldErrors> {
        match FieldErrors::from_vec(self.0) {
            None => Ok(value),
            Some(errors) => Err(errors),
        }
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }
}
