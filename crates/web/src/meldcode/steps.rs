//! The dossier's forms: what a posted step becomes as a domain command, and where each field's
//! error shows (the element and the label the professional reads there).

use schakel_domain::meldcode::{AnswerSheet, KindcheckInput, MeldcodeCommand, Step};

use crate::i18n::t;
use crate::intake::page::form::Posted;

/// The forms of a dossier page, by the `actie` they post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepForm {
    Signals,
    Consultation,
    Conversation,
    Weighing,
    Decision,
    NoSuspicion,
    Close,
}

impl StepForm {
    pub const ALL: [StepForm; 7] = [
        StepForm::Signals,
        StepForm::Consultation,
        StepForm::Conversation,
        StepForm::Weighing,
        StepForm::Decision,
        StepForm::NoSuspicion,
        StepForm::Close,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StepForm::Signals => "signalen",
            StepForm::Consultation => "overleg",
            StepForm::Conversation => "gesprek",
            StepForm::Weighing => "weging",
            StepForm::Decision => "besluit",
            StepForm::NoSuspicion => "geen_vermoeden",
            StepForm::Close => "afsluiten",
        }
    }

    pub fn parse(code: &str) -> Option<StepForm> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The form of one of the five steps.
    pub fn of(step: Step) -> StepForm {
        match step {
            Step::Signals => StepForm::Signals,
            Step::Consultation => StepForm::Consultation,
            Step::Conversation => StepForm::Conversation,
            Step::Weighing => StepForm::Weighing,
            Step::Decision => StepForm::Decision,
        }
    }
}

fn yes(p: &Posted, name: &str) -> bool {
    matches!(p.get(name), "ja" | "on" | "true")
}

/// A question of the afwegingskader as posted: `ja`, `nee`, or open.
fn answer(p: &Posted, n: u8) -> Option<bool> {
    match p.get(&format!("vraag_{n}")) {
        "ja" => Some(true),
        "nee" => Some(false),
        _ => None,
    }
}

/// The ages typed in one field, separated by commas or spaces ("4, 7 en 12" reads as three).
fn ages(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(str::trim)
        .filter(|a| !a.is_empty() && *a != "en" && *a != "and")
        .map(str::to_string)
        .collect()
}

/// The command a posted form asks for.
pub fn command(form: StepForm, p: &Posted) -> MeldcodeCommand {
    let text = |name: &str| p.get(name).to_string();
    match form {
        StepForm::Signals => MeldcodeCommand::RecordSignals {
            signals: text("signalen"),
            kindcheck: KindcheckInput {
                parental_problems: yes(p, "kindcheck.ouderproblemen"),
                cares_for_children: yes(p, "kindcheck.zorgt_voor_kinderen"),
                pregnant: yes(p, "kindcheck.zwanger"),
                number_of_children: text("kindcheck.aantal_kinderen"),
                ages: ages(p.get("kindcheck.leeftijden")),
                shared_care: yes(p, "kindcheck.gedeelde_zorg"),
                shared_with: text("kindcheck.met_wie"),
            },
        },
        StepForm::Consultation => MeldcodeCommand::RecordConsultation {
            colleague: text("collega"),
            summary: text("overleg"),
            vt_asked: yes(p, "vt_gevraagd"),
            vt_advice: text("advies_veilig_thuis"),
        },
        StepForm::Conversation => MeldcodeCommand::RecordConversation {
            held: p.get("gehouden") != "nee",
            summary: text("gesprek"),
            skip_ground: text("grond_geen_gesprek"),
            skip_explanation: text("toelichting_geen_gesprek"),
        },
        StepForm::Weighing => MeldcodeCommand::RecordWeighing {
            assessment: text("afweging"),
            in_doubt: yes(p, "twijfel"),
            answers: AnswerSheet {
                q1: answer(p, 1),
                q2: answer(p, 2),
                q3: answer(p, 3),
                q4: answer(p, 4),
                q5: answer(p, 5),
            },
        },
        StepForm::Decision => MeldcodeCommand::Decide {
            note: text("toelichting"),
        },
        StepForm::NoSuspicion => MeldcodeCommand::RecordNoSuspicion {
            reason: text("reden_geen_vermoeden"),
        },
        StepForm::Close => MeldcodeCommand::Close {
            reason: text("reden_afsluiten"),
        },
    }
}

/// Where the error of `field` shows on the form `form`: the element's id and its label. The domain
/// names `reden` for both closing forms; each form has its own element.
pub fn place(form: StepForm, field: &str) -> (String, String) {
    let field = match (form, field) {
        (StepForm::NoSuspicion, "reden") => "reden_geen_vermoeden",
        (StepForm::Close, "reden") => "reden_afsluiten",
        (_, f) if f.starts_with("kindcheck.leeftijden") => "kindcheck.leeftijden",
        (_, f) => f,
    };
    let id = field.replace('.', "-");
    let label = match field {
        "vraag_1" | "vraag_2" | "vraag_3" | "vraag_4" | "vraag_5" => {
            let n = &field[6..];
            return (
                format!("{id}-ja"),
                crate::i18n::t_args("mcp-question-n", &[("nummer", n)]),
            );
        }
        "stap" | "dossier" => return ("stap".into(), t("mcp-step-order")),
        f => t(&format!("mcp-field-{}", f.replace(['.', '_'], "-"))),
    };
    (id, label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(pairs: &[(&str, &str)]) -> Posted {
        Posted(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn ages_typed_in_one_field_become_one_per_child() {
        assert_eq!(ages("4, 7 en 12"), vec!["4", "7", "12"]);
        assert_eq!(ages(" 3;5 "), vec!["3", "5"]);
        assert!(ages("").is_empty());
    }

    #[test]
    fn the_weighing_form_reads_open_questions_as_unanswered() {
        let p = posted(&[
            ("afweging", "zorgelijk"),
            ("vraag_1", "ja"),
            ("vraag_2", "nee"),
            ("vraag_3", "ja"),
            ("vraag_4", ""),
        ]);
        let MeldcodeCommand::RecordWeighing { answers, .. } = command(StepForm::Weighing, &p)
        else {
            panic!("a weighing");
        };
        assert_eq!(
            (answers.q1, answers.q2, answers.q3, answers.q4, answers.q5),
            (Some(true), Some(false), Some(true), None, None)
        );
    }

    #[test]
    fn every_field_the_domain_names_has_a_place_with_a_label() {
        for (form, field) in [
            (StepForm::Signals, "kindcheck.leeftijden[2]"),
            (StepForm::Weighing, "vraag_3"),
            (StepForm::Close, "reden"),
            (StepForm::NoSuspicion, "reden"),
            (StepForm::Consultation, "advies_veilig_thuis"),
        ] {
            let (id, label) = place(form, field);
            assert!(!id.contains('.') && !id.contains('['), "{id}");
            assert!(!label.starts_with("mcp-"), "{field}: no label ({label})");
        }
        assert_eq!(place(StepForm::Close, "reden").0, "reden_afsluiten");
        assert_eq!(place(StepForm::Weighing, "vraag_3").0, "vraag_3-ja");
    }
}
