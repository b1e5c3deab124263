//! What a use case can answer besides its result.

use schakel_domain::access::DenyReason;
use schakel_domain::{FieldError, FieldErrors};
use schakel_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A command's field is wrong; names the field.
    #[error("{0}")]
    Invalid(FieldError),
    /// Several fields of a command are wrong (issue 7: a form shows them all at once).
    #[error("{0}")]
    InvalidAll(FieldErrors),
    /// The access policy says no.
    #[error("{}", .0.message())]
    Forbidden(DenyReason),
    /// The case does not exist.
    #[error("niet gevonden")]
    NotFound,
    /// The store refused or failed (a stale sequence number is `StoreError::Conflict`, a
    /// transition the lifecycle forbids `StoreError::Rejected`).
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<FieldError> for Error {
    fn from(e: FieldError) -> Self {
        Error::Invalid(e)
    }
}

impl From<FieldErrors> for Error {
    fn from(e: FieldErrors) -> Self {
        Error::InvalidAll(e)
    }
}
