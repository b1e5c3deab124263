//! The pure domain of Schakel. Every rule from law, protocol or regional policy lives here, with a
//! comment naming its source. Nothing in this crate does IO; everything can be tested without a
//! database or a network.

pub mod access;
pub mod bsn;
pub mod calendar;
pub mod case;
pub mod classification;
pub mod codes;
pub mod error;
pub mod feedback;
pub mod handover;
pub mod instruments;
pub mod intake;
pub mod matching;
pub mod monitoring;
pub mod org;
pub mod rules;
pub mod triage;
pub mod validate;

pub use error::FieldError;
