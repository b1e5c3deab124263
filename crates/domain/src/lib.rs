//! The pure domain of Schakel. Every rule from law, protocol or regional policy lives here, with a
//! comment naming its source. Nothing in this crate does IO; everything can be tested without a
//! database or a network. User-facing text comes from the message catalogue (`schakel_i18n`,
//! `crates/i18n/locales/{nl,en}/domain.ftl`), not from literals here.
//!
//! # The chain, stage by stage
//!
//! A case ([`case`]) is the aggregate: its event type [`case::CaseEvent`] composes the events of
//! the stages below, its state is the fold of them, and [`case::apply`] hands each event to the
//! stage that owns it. Each stage owns its events (`Event`, stored with a `kind` tag), their rules,
//! its deadlines and its tests:
//!
//! - [`intake`]: opened, intake recorded, converted to melding / advies ([`classification`] holds
//!   the CBS class of a melding, [`matching`] the known-before check);
//! - [`triage`]: urgency, veiligheidsbeoordeling, risk instruments scored ([`instruments`]), the
//!   follow-up decision, the onderzoek;
//! - [`feedback`]: feedback to the reporter, owed and given or waived, and what it may contain;
//! - [`handover`]: offered, accepted, refused, withdrawn;
//! - [`monitoring`]: the monitoring of veiligheidsvoorwaarden after a handover (recorded,
//!   re-escalated, ended) and its moments;
//! - [`case`] itself: the case-wide events (closed, reopened, note added) and the invariants that
//!   span the stages (one accountable organisation; nothing left hanging when a case closes).
//!
//! Where the rest of the chain goes (DESIGN.md, "Architecture for the whole chain"; none exists
//! yet, so there is no empty module for it): `care` (the five phases with their plans), `mda`
//! (MDA++), `huisverbod` (the tijdelijk huisverbod), `opvang` (shelter), `hwc` (Handle with Care),
//! `monitor` (the regional figures, aggregation and disclosure control; not to be confused with
//! [`monitoring`]). The sociale kaart of help services is [`directory`] (entries with their own
//! change history, no client data). The action programme is [`programme`] (its definition and pure
//! rules so far); the meldcode for professionals is [`meldcode`] (its own aggregate, a dossier of
//! the professional's organisation, never part of a case). A stage of a case's own
//! lifecycle (care, mda) becomes a module like those above and a variant of `CaseEvent`. Anything
//! with a lifecycle of its own (an order, a shelter stay, a signal, a programme) is its own
//! aggregate: its own module with its own event type, its own state and `apply`, its own log and
//! hash chain, never a variant of `CaseEvent`.
//!
//! # Adding an event kind to a case
//!
//! 1. The stage's `Event` enum (e.g. `src/triage.rs`, `src/intake/events.rs`,
//!    `src/monitoring/events.rs`): the variant (its stored `kind` is the snake_case name or a
//!    `#[serde(rename)]`), its entry in `Event::KINDS`, its arm in `Event::name`, its label arm in
//!    `Event::label_for_kind` (the catalogue key `event-<kind>`) and its rule in the stage's `apply` (with the
//!    source of the rule in a comment), plus its deadlines there if it has any.
//! 2. `crates/i18n/locales/nl/domain.ftl` and `en/domain.ftl`: the `event-<kind>` label.
//! 3. `src/case/stored_json_tests.rs`: one stored example of the new kind (the test fails without
//!    it); stored examples of existing kinds never change.
//! 4. `src/access/redact.rs::event`: what the kind discloses (the match names every kind).
//! 5. A test of the rule in the stage's tests, and the command that produces the event in
//!    `crates/app` (`CaseCommand`) with its form or API input in `crates/web`.
//!
//! The compiler points at the exhaustive matches of steps 1 and 4; the tests of step 3 and the
//! catalogue's key test (`crates/i18n/tests/keys.rs`) catch the rest.

pub mod access;
pub mod accounts;
pub mod bsn;
pub mod calendar;
pub mod case;
pub mod casenumber;
pub mod classification;
pub mod codes;
pub mod directory;
pub mod error;
pub mod feedback;
pub mod glance;
pub mod handover;
pub mod instruments;
pub mod intake;
pub mod matching;
pub mod meldcode;
pub mod monitoring;
pub mod org;
pub mod programme;
pub mod public_help;
pub mod rules;
pub mod triage;
pub mod validate;

pub use error::{Collector, FieldError, FieldErrors, Message, msg, msg_args};
