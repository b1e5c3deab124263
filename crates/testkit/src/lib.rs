//! Test support shared by the test suites of store, app, web and the binary: one place that builds
//! a fresh store ([`db`]), the region's organisations ([`region`]), users with a membership and
//! cases made through the use cases ([`Kit`]).
//!
//! This crate is only ever a dev-dependency. A broken fixture must stop the test at once and say
//! where, so it unwraps instead of threading errors through every test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod db;
pub mod kit;
pub mod programme;
pub mod region;

pub use db::{TestDb, on_each_backend};
pub use kit::{Kit, Login};
pub use region::Region;
