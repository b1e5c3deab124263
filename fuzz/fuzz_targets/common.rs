//! What every refusal of outside input must be, shared by the targets: a 4xx that names the field
//! with a Dutch text from the catalogue (never a 5xx, never an empty field name, never a bare
//! catalogue key).

#![allow(dead_code)]

use std::sync::OnceLock;

use schakel_domain::FieldError;
use schakel_web::AppError;

pub fn check_field_error(e: &FieldError) {
    // A key made of blanks is named as it was sent: blank, but not empty.
    assert!(!e.field.is_empty(), "refusal names no field: {e:?}");
    let text = e.message.text();
    assert!(
        !text.trim().is_empty() && text != e.message.key(),
        "refusal of {} has no catalogue text: {}",
        e.field,
        e.message.key()
    );
}

pub fn check_app_error(e: &AppError) {
    assert!(
        e.status().is_client_error(),
        "outside input answered with {}: {e:?}",
        e.status()
    );
    if let AppError::BadInput(f) | AppError::BadQuery(f) = e {
        check_field_error(f);
    }
}

/// The gemeenten of the built-in region, as a server started without a region file has them.
pub fn gemeenten() -> &'static [String] {
    static GEMEENTEN: OnceLock<Vec<String>> = OnceLock::new();
    GEMEENTEN.get_or_init(|| {
        schakel::region::Region::builtin()
            .map(|r| r.gemeenten)
            .unwrap_or_default()
    })
}

/// An intake the domain accepts stays the same when checked again and when stored and read back.
pub fn check_intake(intake: &schakel_domain::intake::Intake) {
    match intake.normalised(Some(gemeenten())) {
        Ok(n) => {
            assert_eq!(
                n.normalised(Some(gemeenten())).as_ref(),
                Ok(&n),
                "normalising is not idempotent"
            );
            let stored = serde_json::to_string(&n).expect("an intake serialises");
            let read: schakel_domain::intake::Intake =
                serde_json::from_str(&stored).expect("a stored intake reads back");
            assert_eq!(read, n, "stored intake reads back different");
        }
        Err(e) => check_field_error(&e),
    }
}
