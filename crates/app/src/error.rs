//! What a use case can answer besides its result.

use schakel_domain::FieldError;
use schakel_domain::access::DenyReason;
use schakel_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A command's field is wrong; names the field.
    #[error("{0}")]
    Invalid(FieldError),
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
