//! The one error type of the binary and its exit codes: bad input (a flag, a file, a value that names
//! something that is not there) exits 2, anything else exits 1. Either way the message is one line.

use schakel_domain::FieldError;
use schakel_store::StoreError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CliError {
    /// Bad input; the message starts with the field that is wrong. Exit code 2.
    #[error("{0}")]
    Input(String),
    /// Anything else that went wrong. Exit code 1.
    #[error("{0}")]
    Failure(String),
}

impl CliError {
    pub fn input(field: &str, message: impl std::fmt::Display) -> Self {
        CliError::Input(format!("{field}: {message}"))
    }

    pub fn failure(message: impl std::fmt::Display) -> Self {
        CliError::Failure(message.to_string())
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Input(_) => 2,
            CliError::Failure(_) => 1,
        }
    }

    /// The message on one line, with every secret in `secrets` replaced by `****`.
    pub fn one_line(&self, secrets: &[String]) -> String {
        let (CliError::Input(m) | CliError::Failure(m)) = self;
        let mut line = m.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in secrets.iter().filter(|s| !s.is_empty()) {
            line = line.replace(s.as_str(), "****");
        }
        line
    }
}

impl From<FieldError> for CliError {
    fn from(e: FieldError) -> Self {
        CliError::Input(e.to_string())
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Duplicate { .. } => CliError::Input(e.to_string()),
            other => CliError::Failure(other.to_string()),
        }
    }
}

impl From<schakel_web::AppError> for CliError {
    fn from(e: schakel_web::AppError) -> Self {
        match e {
            schakel_web::AppError::BadInput(f) => f.into(),
            schakel_web::AppError::Internal(detail) => CliError::Failure(detail),
            other => CliError::Failure(other.message()),
        }
    }
}

pub type CliResult<T> = Result<T, CliError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_errors_exit_2_and_failures_exit_1() {
        assert_eq!(CliError::input("rol", "onbekend").exit_code(), 2);
        assert_eq!(CliError::failure("kapot").exit_code(), 1);
        let dup: CliError = StoreError::Duplicate {
            field: "gebruikersnaam".into(),
        }
        .into();
        assert_eq!(dup, CliError::Input("gebruikersnaam: bestaat al".into()));
    }

    #[test]
    fn one_line_joins_lines_and_hides_secrets() {
        let e = CliError::failure("verbinding met postgres://u:geheim@db mislukt\nmeer");
        assert_eq!(
            e.one_line(&["geheim".into()]),
            "verbinding met postgres://u:****@db mislukt meer"
        );
    }
}
