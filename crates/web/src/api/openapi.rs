//! The OpenAPI 3.1 description of /api/v1, written out by hand so that it says exactly what the
//! handlers do (a test checks every route in it answers).

use axum::Json;
use serde_json::{Value, json};

fn error_responses() -> Value {
    json!({
        "401": {"$ref": "#/components/responses/Error"},
        "403": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"},
        "422": {"$ref": "#/components/responses/Error"}
    })
}

fn with_errors(ok_code: &str, ok: Value) -> Value {
    let mut r = error_responses();
    if let Value::Object(m) = &mut r {
        m.insert(ok_code.to_string(), ok);
    }
    r
}

fn json_body(schema: Value) -> Value {
    json!({"description": "OK", "content": {"application/json": {"schema": schema}}})
}

pub fn spec() -> Value {
    let case_id =
        json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string"}});
    let break_glass = json!({"name": "X-Break-Glass-Reason", "in": "header", "required": false,
        "description": "Noodtoegang: reden (minstens 10 tekens) om een casus zonder betrokkenheid te lezen.",
        "schema": {"type": "string", "minLength": 10}});
    let csrf = json!({"name": "X-CSRF-Token", "in": "header", "required": true, "schema": {"type": "string"}});
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Schakel API",
            "version": "1",
            "description": "Ketenaanpak huiselijk geweld en kindermishandeling. Elke toegang tot persoonsgegevens wordt getoetst aan het toegangsbeleid en vastgelegd in het toegangslog (NEN 7513)."
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"session": []}],
        "paths": {
            "/session": {
                "post": {
                    "summary": "Inloggen (wachtwoord en zo nodig tweede factor)",
                    "security": [],
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Login"}}}},
                    "responses": with_errors("201", json_body(json!({"$ref": "#/components/schemas/Session"})))
                },
                "delete": {"summary": "Uitloggen", "parameters": [csrf.clone()], "responses": with_errors("204", json!({"description": "Uitgelogd"}))}
            },
            "/me": {"get": {"summary": "De ingelogde gebruiker", "responses": with_errors("200", json_body(json!({"type": "object"})))}},
            "/organisations": {"get": {"summary": "Organisaties in de keten", "responses": with_errors("200", json_body(json!({"type": "array", "items": {"$ref": "#/components/schemas/Organisation"}})))}},
            "/cases": {"get": {
                "summary": "Werkvoorraad van de eigen organisatie",
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
                    {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}}
                ],
                "responses": with_errors("200", json_body(json!({"type": "array", "items": {"$ref": "#/components/schemas/CaseSummary"}})))
            }},
            "/cases/{id}": {"get": {"summary": "Eén casus", "parameters": [case_id.clone(), break_glass.clone()], "responses": with_errors("200", json_body(json!({"$ref": "#/components/schemas/CaseSummary"})))}},
            "/cases/{id}/events": {"get": {"summary": "De geschiedenis van een casus", "parameters": [case_id.clone(), break_glass], "responses": with_errors("200", json_body(json!({"type": "array", "items": {"$ref": "#/components/schemas/Event"}})))}},
            "/cases/{id}/notes": {"post": {
                "summary": "Notitie toevoegen",
                "parameters": [case_id, csrf],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}},
                "responses": {
                    "201": json_body(json!({"type": "object", "properties": {"seq": {"type": "integer"}}})),
                    "401": {"$ref": "#/components/responses/Error"},
                    "403": {"$ref": "#/components/responses/Error"},
                    "404": {"$ref": "#/components/responses/Error"},
                    "409": {"$ref": "#/components/responses/Error"},
                    "422": {"$ref": "#/components/responses/Error"}
                }
            }},
            "/access-log": {"get": {
                "summary": "Toegangslog doorzoeken (privacy officer)",
                "parameters": [
                    {"name": "gebruiker", "in": "query", "schema": {"type": "string"}},
                    {"name": "client", "in": "query", "schema": {"type": "string"}},
                    {"name": "van", "in": "query", "schema": {"type": "string", "format": "date"}},
                    {"name": "tot", "in": "query", "schema": {"type": "string", "format": "date"}},
                    {"name": "nood", "in": "query", "schema": {"type": "string", "enum": ["1"]}},
                    {"name": "voor", "in": "query", "description": "volgende pagina: regels met een lager seq dan dit (het laatste van de vorige pagina)", "schema": {"type": "integer"}}
                ],
                "responses": with_errors("200", json_body(json!({"type": "array", "items": {"$ref": "#/components/schemas/AccessEntry"}})))
            }},
            "/access-log/persons/{id}": {"get": {"summary": "Wie keek in het dossier van deze persoon", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": with_errors("200", json_body(json!({"type": "array", "items": {"$ref": "#/components/schemas/AccessEntry"}})))}}
        },
        "components": {
            "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "schakel_sessie"}},
            "responses": {"Error": {"description": "Fout", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
            "schemas": {
                "Error": {"type": "object", "required": ["error", "message"], "properties": {
                    "error": {"type": "string"}, "field": {"type": ["string", "null"]}, "message": {"type": "string"}}},
                "Login": {"type": "object", "required": ["username", "password"], "additionalProperties": false, "properties": {
                    "username": {"type": "string"}, "password": {"type": "string"}, "totp": {"type": "string"},
                    "organisation_id": {"type": "string"}, "role": {"type": "string"}}},
                "Session": {"type": "object", "properties": {"csrf_token": {"type": "string"}, "username": {"type": "string"},
                    "organisation_id": {"type": ["string", "null"]}, "role": {"type": ["string", "null"]}, "second_factor": {"type": "boolean"}}},
                "Organisation": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                    "kind": {"type": "string"}, "gemeenten": {"type": "array", "items": {"type": "string"}}}},
                "CaseSummary": {"type": "object", "properties": {"id": {"type": "string"}, "kind": {"type": "string"},
                    "status": {"type": "string"}, "accountable_org": {"type": "string"}, "title": {"type": "string"},
                    "opened_at": {"type": "string"}, "updated_at": {"type": "string"}, "last_seq": {"type": "integer"}}},
                "Event": {"type": "object", "properties": {"case_id": {"type": "string"}, "seq": {"type": "integer"},
                    "at": {"type": "string"}, "user_id": {"type": "string"}, "org_id": {"type": "string"},
                    "kind": {"type": "string"}, "payload": {"type": "object"}, "prev_hash": {"type": "string"}, "hash": {"type": "string"}}},
                "Note": {"type": "object", "required": ["expected_seq", "text"], "additionalProperties": false, "properties": {
                    "expected_seq": {"type": "integer"}, "text": {"type": "string", "maxLength": 2000}}},
                "AccessEntry": {"type": "object", "properties": {"seq": {"type": "integer"}, "chain": {"type": "string"}, "pos": {"type": "integer"}, "at": {"type": "string"},
                    "action": {"type": "string"}, "resource_kind": {"type": "string"}, "resource_id": {"type": ["string", "null"]},
                    "outcome": {"type": "string"}, "username": {"type": "string"}, "role": {"type": ["string", "null"]},
                    "org_id": {"type": ["string", "null"]}, "responsible_user": {"type": ["string", "null"]},
                    "access_point": {"type": "string"}, "ground": {"type": ["string", "null"]}, "reason": {"type": ["string", "null"]},
                    "clients": {"type": "array", "items": {"type": "string"}}}}
            }
        }
    })
}

pub async fn document() -> Json<Value> {
    Json(spec())
}
