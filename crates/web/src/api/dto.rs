//! The API's wire types that belong to no single feature: the error body every operation answers
//! with. Each feature keeps its own DTOs beside its handlers (e.g. `crate::intake::dto`), separate
//! from the domain's types, so a change of a domain type does not silently change the API.

use serde::Serialize;
use utoipa::ToSchema;

/// Every error: a stable code, the field or parameter it concerns (or null), and a Dutch message.
#[derive(Serialize, ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody {
    /// `invalid_input`, `invalid_query`, `unauthenticated`, `forbidden`, `not_found`,
    /// `method_not_allowed`, `conflict`, `throttled`, `too_large`, `cross_origin` or `internal`.
    pub code: String,
    /// The same as `code`, for clients written before it was called `code`.
    pub error: String,
    /// The exact path of the field or parameter (`intake.betrokkenen[0].bsn`, `limit`, `body`).
    pub field: Option<String>,
    pub message: String,
    /// Every wrong field of bad input (`invalid_input`, `invalid_query`), in the order of the
    /// request; empty for other errors. `field` and `message` above name the first of them.
    pub errors: Vec<FieldErrorBody>,
}

/// One wrong field.
#[derive(Serialize, ToSchema)]
#[schema(as = FieldError)]
pub struct FieldErrorBody {
    /// The message's catalogue key, e.g. `error-required`, `error-bsn-invalid`.
    pub code: String,
    /// The exact path of the field (`intake.betrokkenen[0].bsn`).
    pub field: String,
    /// What is wrong, in Dutch.
    pub message: String,
}
