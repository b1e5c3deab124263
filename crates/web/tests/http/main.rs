#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop the test loudly

//! HTTP-level tests: the real router served on 127.0.0.1:0 over a fresh SQLite database per test.

mod access;
mod accounts;
mod directory;
mod disclosure;
mod flow;
mod forms;
mod hardening;
mod harness;
mod hostile;
mod input;
mod known;
mod login;
mod look;
mod merge;
mod monitoring;
mod programme;
mod public;
mod rules;
mod sweep;
mod vtrules;
mod worklist;
