#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop the test loudly

//! The store conformance suite: every test runs against SQLite, and against PostgreSQL when
//! SCHAKEL_TEST_DATABASE_URL points at a server (each test then gets a fresh database of its own).
//! CI sets SCHAKEL_REQUIRE_POSTGRES=1 so that a missing server fails instead of skipping.

mod consistency_tests;
mod directory_tests;
mod fault_tests;
mod flow_tests;
mod harness;
mod log_tests;
mod meldcode_tests;
mod merge_tests;
mod migration_tests;
mod programme_tests;
mod readmodel_tests;
mod tamper_tests;
mod user_tests;
mod worklist_tests;
