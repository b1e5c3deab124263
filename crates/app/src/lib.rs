//! The use cases of Schakel (DESIGN.md, "Architecture for the whole chain": `app/`). Typed commands
//! are validated into domain values and run with the policy, the store and the clock the caller
//! passes; this crate is the only writer of case events. The web pages, the JSON API, the benchmark
//! and the command line all call it, so each measures and exercises the same path.
//!
//! Layering: the domain decides (pure rules), this crate orchestrates (load, decide, record), the
//! store persists, the web carries HTTP. Nothing here knows about HTTP.

pub mod cases;
pub mod directory;
mod error;
pub mod intake;
pub mod meldcode;
pub mod merge;
pub mod policy;
pub mod programme;
pub mod queue;
pub mod search;
pub mod synthetic;

pub use cases::{CaseCommand, Recorded, execute};
pub use error::Error;
pub use intake::{
    RegisterIntake, Registered, RowMatch, check_known, register_deciding_other, register_intake,
};
pub use merge::{MergePersons, MergePlan, Merged, merge_candidates, merge_persons, plan_merge};
pub use policy::{Acting, Logged, Policy};
