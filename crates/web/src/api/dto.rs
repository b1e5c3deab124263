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
}
