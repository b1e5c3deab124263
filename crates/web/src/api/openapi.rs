//! The parts of the OpenAPI document that belong to no single operation: title, server, the session
//! cookie as security scheme, and the error schema. The operations and their schemas are derived
//! from the handlers' `#[utoipa::path]` annotations and the DTOs' `ToSchema` (see [`super::api`]).

use std::sync::OnceLock;

use axum::Json;
use utoipa::openapi::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi as _};

use crate::api::dto::{ErrorBody, FieldErrorBody};

struct Session;

impl Modify for Session {
    fn modify(&self, doc: &mut OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("schakel_sessie"))),
        );
    }
}

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Schakel API",
        version = "1",
        description = "Ketenaanpak huiselijk geweld en kindermishandeling. Elke toegang tot persoonsgegevens wordt getoetst aan het toegangsbeleid en vastgelegd in het toegangslog (NEN 7513). Elke fout is JSON: {\"error\": code, \"field\": veld of null, \"message\": Nederlandse tekst}."
    ),
    servers((url = "/api/v1")),
    security(("session" = [])),
    components(schemas(ErrorBody, FieldErrorBody)),
    modifiers(&Session)
)]
struct Base;

/// The document every route adds its operation to.
pub fn base() -> OpenApi {
    Base::openapi()
}

/// The derived document, built once.
fn document_once() -> &'static OpenApi {
    static DOC: OnceLock<OpenApi> = OnceLock::new();
    DOC.get_or_init(super::openapi_document)
}

/// The OpenAPI 3.1 document of this API.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "api",
    security(()),
    responses((status = 200, description = "Het OpenAPI-document", content_type = "application/json"))
)]
pub async fn document() -> Json<OpenApi> {
    Json(document_once().clone())
}
