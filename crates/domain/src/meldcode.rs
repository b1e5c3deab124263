//! The meldcode for professionals (issue 11, item 1; RULES.md 1): a guided, recorded walk through
//! the five steps of the Meldcode huiselijk geweld en kindermishandeling, with the kindcheck in
//! step 1 and the afwegingskader in steps 4 and 5, ending in no suspicion, help, an advies or a
//! melding at Veilig Thuis.
//!
//! - [`afweging`]: the five questions and the outcome they lead to (RULES.md 1.2), a pure function;
//! - [`kindcheck`]: the kindcheck's answers and their checks (RULES.md 1.4);
//! - `dossier`: the dossier's events, its state folded from them, and the commands decided against
//!   it (RULES.md 1.1);
//! - `prefill`: what the dossier hands to Veilig Thuis intake, anonymous for an advies (RULES.md 1.3).
//!
//! A meldcode dossier is its own aggregate (DESIGN.md, "Architecture for the whole chain"): a
//! professional of any kind of organisation walks it, it belongs to that organisation, and only that
//! organisation may read it until a melding is made ([`MeldcodeDossier::may_read`]). It is never part
//! of a Veilig Thuis case; a melding made from it starts one.
//!
//! RULES.md 1.1 notes that NJi places the afwegingskader in step 5 and Meldcode Haaglanden under
//! step 4 [P]. Schakel records the answers with the weighing (step 4) and the outcome as the
//! decision (step 5), so both readings find their part.

pub mod afweging;
mod dossier;
pub mod kindcheck;
mod prefill;

pub use afweging::{AnswerSheet, Answers, HelpPath, LeadsTo, Outcome, weigh};
pub use dossier::{
    Client, Closure, Consultation, Conversation, Decision, Entry, MeldcodeCommand, MeldcodeDossier,
    MeldcodeEvent, MeldingMade, Phase, Professional, Recorded, Signals, SkipGround, VtAdvice,
    Weighing,
};
pub use kindcheck::{Kindcheck, KindcheckInput, SharedCare};
pub use prefill::{Family, Prefill, melder_type, without_names};

use schakel_i18n::t;
use serde::{Deserialize, Serialize};

/// Longest free text of a step (as an intake's description).
pub const MAX_TEXT: usize = 10_000;
/// Longest name (a client, a colleague).
pub const MAX_SHORT: usize = 200;

/// The five steps of the meldcode (RULES.md 1.1 [C]: meldcodehaaglanden.nl, rijksoverheid.nl
/// "Basismodel meldcode ... versie 2017", pricoh.nl, praktijkdooijeweerd.nl), in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// 1. Map the signals, with the kindcheck.
    Signals,
    /// 2. Collegial consultation; if needed consult Veilig Thuis or a letselduiding expert.
    Consultation,
    /// 3. Talk with the client.
    Conversation,
    /// 4. Weigh the nature and seriousness; when in doubt, always consult Veilig Thuis.
    Weighing,
    /// 5. Decide: organise help and follow its effects, and/or melden, using the afwegingskader.
    Decision,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Signals,
        Step::Consultation,
        Step::Conversation,
        Step::Weighing,
        Step::Decision,
    ];

    /// 1 to 5.
    pub fn number(self) -> u8 {
        match self {
            Step::Signals => 1,
            Step::Consultation => 2,
            Step::Conversation => 3,
            Step::Weighing => 4,
            Step::Decision => 5,
        }
    }

    /// The step before this one, if any.
    pub fn previous(self) -> Option<Step> {
        match self {
            Step::Signals => None,
            Step::Consultation => Some(Step::Signals),
            Step::Conversation => Some(Step::Consultation),
            Step::Weighing => Some(Step::Conversation),
            Step::Decision => Some(Step::Weighing),
        }
    }

    pub fn label(self) -> String {
        match self {
            Step::Signals => t("meldcode-step-signals"),
            Step::Consultation => t("meldcode-step-consultation"),
            Step::Conversation => t("meldcode-step-conversation"),
            Step::Weighing => t("meldcode-step-weighing"),
            Step::Decision => t("meldcode-step-decision"),
        }
    }
}

#[cfg(test)]
mod dossier_tests;
#[cfg(test)]
mod tests;
