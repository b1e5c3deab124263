//! The afwegingskader of the meldcode: five questions, their answers and the outcome they lead to
//! (RULES.md 1.2; nji.nl/kindermishandeling/afwegingskader-meldcode and
//! handelingsprotocol.nl/utrecht-kz-stap-5-hulp-of-melden [C]).
//!
//! | # | question (short) | nee | ja |
//! |---|---|---|---|
//! | 1 | a suspicion of (threat of) HG/KM? | close and record | 2 |
//! | 2 | acute and/or structural unsafety? | 3 | melden; 3-5 together with VT |
//! | 3 | able to give or organise effective help? | melden | 4 |
//! | 4 | do those involved accept the help? | melden | offer/organise help, 5 |
//! | 5 | does the help bring the results in time? | (opnieuw) melden | close the help, with agreements |
//!
//! A form sends the answers as an [`AnswerSheet`] (each question yes, no or open); [`AnswerSheet::check`]
//! turns it into [`Answers`], which can only hold the combinations the table reaches, or refuses it
//! naming the question. [`Answers::outcome`] is the table.

use schakel_i18n::t;
use serde::{Deserialize, Serialize};

use crate::{FieldError, msg, msg_args};

/// The five answers as a form sends them: each `true` (ja), `false` (nee) or `None` (not answered).
/// Field names are the form's: `vraag_1` .. `vraag_5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnswerSheet {
    #[serde(rename = "vraag_1", default)]
    pub q1: Option<bool>,
    #[serde(rename = "vraag_2", default)]
    pub q2: Option<bool>,
    #[serde(rename = "vraag_3", default)]
    pub q3: Option<bool>,
    #[serde(rename = "vraag_4", default)]
    pub q4: Option<bool>,
    #[serde(rename = "vraag_5", default)]
    pub q5: Option<bool>,
}

/// The answers to questions 3 to 5 (the help path), as far as the table goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HelpPath {
    /// 3 nee: not able to give or organise effective help.
    CannotHelp,
    /// 3 ja, 4 nee: those involved do not accept the help.
    NotAccepted,
    /// 3 ja, 4 ja, 5 not yet answered: help is offered or organised and followed.
    Offered,
    /// 3 ja, 4 ja, 5 nee: the help does not bring the results in time.
    Failed,
    /// 3 ja, 4 ja, 5 ja: the help brings the results in time.
    Worked,
}

/// Checked answers: only the combinations the afwegingskader reaches. Stored as an [`AnswerSheet`];
/// reading a stored sheet checks it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "AnswerSheet", into = "AnswerSheet")]
pub enum Answers {
    /// 1 nee: no suspicion. Questions 2 to 5 do not come up.
    NoSuspicion,
    /// 1 ja, 2 ja: acute and/or structural unsafety. Questions 3 to 5 are answered together with
    /// Veilig Thuis (RULES.md 1.2, row 2), so they may still be open (`None`).
    Unsafe(Option<HelpPath>),
    /// 1 ja, 2 nee: questions 3 onwards decide.
    NotUnsafe(HelpPath),
}

/// What the answers lead to (RULES.md 1.2). Stored by its snake_case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Question 1 nee: close, and record in the file that there is no suspicion.
    NoSuspicion,
    /// Question 2 ja: melden bij Veilig Thuis, always (norm 1: "Always report acute and/or
    /// structural unsafety" [C]).
    ReportUnsafety,
    /// Question 3 nee: melden (norm 2: "Report whenever you cannot offer or organise effective
    /// help yourself" [C], handelingsprotocol.nl).
    ReportCannotHelp,
    /// Question 4 nee: melden (RULES.md 1.2, row 4 [C]).
    ReportHelpNotAccepted,
    /// Question 4 ja, question 5 open: offer or organise help and follow its effects (RULES.md 1.1
    /// step 5, 1.2 row 4 [C]).
    OfferHelp,
    /// Question 5 nee: (opnieuw) melden (norm 3, "Report again when help does not produce lasting
    /// safety" [P]: NJi counts three norms; this one follows from question 5).
    ReportAgain,
    /// Question 5 ja: close the help, with agreements with the family and partners on following
    /// future (un)safety (RULES.md 1.2, row 5 [C]).
    CloseHelp,
}

/// What an outcome means for the hand-off to Veilig Thuis (RULES.md 1.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadsTo {
    /// A melding at Veilig Thuis: it names the family, and responsibility for zicht op veiligheid
    /// passes to Veilig Thuis (RULES.md 1.3 [C]).
    Melding,
    /// No melding: the professional offers or organises help and keeps the responsibility. That is
    /// where an advies fits (RULES.md 1.3: with an advies "responsibility stays with the asker" and
    /// the family stays anonymous), so the professional may ask one; the table does not require it.
    Help,
    /// No melding and nothing to hand off: the dossier closes with what it records (RULES.md 1.2,
    /// rows 1 and 5: "close").
    Close,
}

impl LeadsTo {
    /// Whether asking Veilig Thuis for an advies fits this hand-off (RULES.md 1.3): only while the
    /// professional keeps the responsibility for the help.
    pub fn advies_fits(self) -> bool {
        self == LeadsTo::Help
    }

    pub fn label(self) -> String {
        match self {
            LeadsTo::Melding => t("meldcode-leads-to-melding"),
            LeadsTo::Help => t("meldcode-leads-to-help"),
            LeadsTo::Close => t("meldcode-leads-to-close"),
        }
    }
}

/// The form field of question `n`.
pub fn question_field(n: u8) -> String {
    format!("vraag_{n}")
}

/// The Dutch text of question `n` (1 to 5), as RULES.md 1.2 gives it.
pub fn question_text(n: u8) -> String {
    match n {
        1 => t("meldcode-question-1"),
        2 => t("meldcode-question-2"),
        3 => t("meldcode-question-3"),
        4 => t("meldcode-question-4"),
        _ => t("meldcode-question-5"),
    }
}

fn required(n: u8) -> FieldError {
    FieldError::new(question_field(n), msg("error-required"))
}

/// Question `n` is answered while question `decided` already led to an outcome.
fn not_reached(n: u8, decided: u8) -> FieldError {
    FieldError::new(
        question_field(n),
        msg_args(
            "error-meldcode-question-not-reached",
            [("vraag", decided.to_string())],
        ),
    )
}

/// Question `n` is open while a later question is answered.
fn answer_first(n: u8) -> FieldError {
    FieldError::new(
        question_field(n),
        msg("error-meldcode-question-answer-first"),
    )
}

impl AnswerSheet {
    fn get(&self, n: u8) -> Option<bool> {
        match n {
            1 => self.q1,
            2 => self.q2,
            3 => self.q3,
            4 => self.q4,
            5 => self.q5,
            _ => None,
        }
    }

    /// Refuses the first question after `decided` that is answered: the answer to `decided` already
    /// led to an outcome, so the later questions do not come up.
    fn nothing_after(&self, decided: u8) -> Result<(), FieldError> {
        match (decided + 1..=5).find(|n| self.get(*n).is_some()) {
            Some(n) => Err(not_reached(n, decided)),
            None => Ok(()),
        }
    }

    /// Checks the sheet against the table of RULES.md 1.2: the answers the table reaches, or an
    /// error naming the first question that is wrong (open while needed, or answered while an
    /// earlier answer already decided).
    pub fn check(self) -> Result<Answers, FieldError> {
        match self.q1 {
            None => Err(required(1)),
            // Row 1, nee: close and record.
            Some(false) => self.nothing_after(1).map(|()| Answers::NoSuspicion),
            Some(true) => match self.q2 {
                None => Err(required(2)),
                // Row 2, ja: melden; 3-5 together with VT, possibly not yet.
                Some(true) => self.help_path(false).map(Answers::Unsafe),
                // Row 2, nee: on to question 3, which must be answered.
                Some(false) => match self.help_path(true)? {
                    Some(path) => Ok(Answers::NotUnsafe(path)),
                    None => Err(required(3)),
                },
            },
        }
    }

    /// Questions 3 to 5. `required`: question 3 must be answered (the path after 2 nee). Once 3 is
    /// answered, the chain is answered up to its next stop either way: 4 after 3 ja; 5 may stay
    /// open, since it is answered after the help has been followed.
    fn help_path(&self, required_3: bool) -> Result<Option<HelpPath>, FieldError> {
        match self.q3 {
            None if self.q4.is_some() || self.q5.is_some() => Err(answer_first(3)),
            None if required_3 => Err(required(3)),
            None => Ok(None),
            // Row 3, nee: melden.
            Some(false) => self.nothing_after(3).map(|()| Some(HelpPath::CannotHelp)),
            Some(true) => match self.q4 {
                None if self.q5.is_some() => Err(answer_first(4)),
                None => Err(required(4)),
                // Row 4, nee: melden.
                Some(false) => self.nothing_after(4).map(|()| Some(HelpPath::NotAccepted)),
                // Row 4, ja: help; row 5 once its effect shows.
                Some(true) => Ok(Some(match self.q5 {
                    None => HelpPath::Offered,
                    Some(false) => HelpPath::Failed,
                    Some(true) => HelpPath::Worked,
                })),
            },
        }
    }
}

impl TryFrom<AnswerSheet> for Answers {
    type Error = FieldError;

    fn try_from(sheet: AnswerSheet) -> Result<Self, Self::Error> {
        sheet.check()
    }
}

impl HelpPath {
    /// Questions 3, 4 and 5 as answered.
    fn answers(self) -> (Option<bool>, Option<bool>, Option<bool>) {
        match self {
            HelpPath::CannotHelp => (Some(false), None, None),
            HelpPath::NotAccepted => (Some(true), Some(false), None),
            HelpPath::Offered => (Some(true), Some(true), None),
            HelpPath::Failed => (Some(true), Some(true), Some(false)),
            HelpPath::Worked => (Some(true), Some(true), Some(true)),
        }
    }
}

impl From<Answers> for AnswerSheet {
    fn from(answers: Answers) -> Self {
        answers.sheet()
    }
}

impl Answers {
    /// The answers as a sheet, question by question.
    pub fn sheet(self) -> AnswerSheet {
        let help = |path: Option<HelpPath>| path.map_or((None, None, None), HelpPath::answers);
        let (q1, q2, (q3, q4, q5)) = match self {
            Answers::NoSuspicion => (Some(false), None, (None, None, None)),
            Answers::Unsafe(path) => (Some(true), Some(true), help(path)),
            Answers::NotUnsafe(path) => (Some(true), Some(false), help(Some(path))),
        };
        AnswerSheet { q1, q2, q3, q4, q5 }
    }

    /// The outcome the answers lead to: the table of RULES.md 1.2, row by row.
    pub fn outcome(self) -> Outcome {
        match self {
            // Row 1, nee: close + record in file.
            Answers::NoSuspicion => Outcome::NoSuspicion,
            // Row 2, ja: melden bij VT, whatever 3-5 say (answered together with VT); norm 1.
            Answers::Unsafe(_) => Outcome::ReportUnsafety,
            // Row 3, nee: melden; norm 2.
            Answers::NotUnsafe(HelpPath::CannotHelp) => Outcome::ReportCannotHelp,
            // Row 4, nee: melden.
            Answers::NotUnsafe(HelpPath::NotAccepted) => Outcome::ReportHelpNotAccepted,
            // Row 4, ja: offer/organise help, then question 5.
            Answers::NotUnsafe(HelpPath::Offered) => Outcome::OfferHelp,
            // Row 5, nee: (opnieuw) melden; norm 3.
            Answers::NotUnsafe(HelpPath::Failed) => Outcome::ReportAgain,
            // Row 5, ja: close the help with agreements on following (un)safety.
            Answers::NotUnsafe(HelpPath::Worked) => Outcome::CloseHelp,
        }
    }
}

/// The afwegingskader as one pure function: the form's answers to the outcome, or the question
/// that is wrong.
pub fn weigh(sheet: AnswerSheet) -> Result<Outcome, FieldError> {
    sheet.check().map(Answers::outcome)
}

impl Outcome {
    pub const ALL: [Outcome; 7] = [
        Outcome::NoSuspicion,
        Outcome::ReportUnsafety,
        Outcome::ReportCannotHelp,
        Outcome::ReportHelpNotAccepted,
        Outcome::OfferHelp,
        Outcome::ReportAgain,
        Outcome::CloseHelp,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::NoSuspicion => "no_suspicion",
            Outcome::ReportUnsafety => "report_unsafety",
            Outcome::ReportCannotHelp => "report_cannot_help",
            Outcome::ReportHelpNotAccepted => "report_help_not_accepted",
            Outcome::OfferHelp => "offer_help",
            Outcome::ReportAgain => "report_again",
            Outcome::CloseHelp => "close_help",
        }
    }

    /// The outcome in Dutch, as the professional reads it.
    pub fn label(self) -> String {
        match self {
            Outcome::NoSuspicion => t("meldcode-outcome-no-suspicion"),
            Outcome::ReportUnsafety => t("meldcode-outcome-report-unsafety"),
            Outcome::ReportCannotHelp => t("meldcode-outcome-report-cannot-help"),
            Outcome::ReportHelpNotAccepted => t("meldcode-outcome-report-help-not-accepted"),
            Outcome::OfferHelp => t("meldcode-outcome-offer-help"),
            Outcome::ReportAgain => t("meldcode-outcome-report-again"),
            Outcome::CloseHelp => t("meldcode-outcome-close-help"),
        }
    }

    /// What the outcome means for the hand-off (RULES.md 1.2 with 1.3).
    pub fn leads_to(self) -> LeadsTo {
        match self {
            Outcome::ReportUnsafety
            | Outcome::ReportCannotHelp
            | Outcome::ReportHelpNotAccepted
            | Outcome::ReportAgain => LeadsTo::Melding,
            Outcome::OfferHelp => LeadsTo::Help,
            Outcome::NoSuspicion | Outcome::CloseHelp => LeadsTo::Close,
        }
    }
}
