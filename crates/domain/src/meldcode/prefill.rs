//! What a meldcode dossier hands to Veilig Thuis: the prefill of an advies or a melding from what
//! the professional already entered (issue 11: "The outcome leads straight into an advies or a
//! melding at Veilig Thuis with what the professional already entered (the family's details only
//! in a melding)").
//!
//! RULES.md 1.3 [C]: an advies keeps the family anonymous (responsibility stays with the asker); a
//! melding identifies the persons (responsibility for zicht op veiligheid passes to Veilig Thuis).
//! So an advies carries no client, no date of birth and no co-carer, and the names the dossier
//! knows are taken out of its texts. A name the dossier does not know (a child's, typed in the
//! signals) cannot be found this way: the page shows the advies text for review before it is sent.

use schakel_i18n::t;

use super::afweging::LeadsTo;
use super::dossier::{Client, Conversation, MeldcodeDossier, Phase, Professional, VtAdvice};
use super::kindcheck::{Kindcheck, SharedCare};
use crate::case::CaseKind;
use crate::org::OrgKind;
use crate::{FieldError, msg};

/// The family's details: only in a melding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    pub client: Client,
    /// Who else cares for the children (kindcheck), when care is shared.
    pub co_carer: Option<String>,
}

/// The start of an advies or melding at Veilig Thuis intake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefill {
    pub kind: CaseKind,
    /// The professional who asks or reports, and their organisation (the melder).
    pub reporter: Professional,
    pub reporter_org: String,
    /// The dossier's texts, step by step, in Dutch; for an advies without the names the dossier knows.
    pub description: String,
    /// From the kindcheck: the ages of the dependent children and whether the client is pregnant.
    /// Ages alone name nobody, and Veilig Thuis needs them for its advice [NC].
    pub children_ages: Vec<u8>,
    pub pregnant: bool,
    /// `None` for an advies, always `Some` for a melding.
    pub family: Option<Family>,
}

/// The reporter type of the CBS list (`melder`, version cbs-2019) for a professional of an
/// organisation of `kind` (CBS "Beleidsinformatie Veilig Thuis", RULES.md 3: meldingen by
/// reporter type). Schakel's reading [NC]: a local team, a shelter or a gemeente counts as "andere
/// organisatie", GGD and care as health care, the justice organisations as "justitie en veiligheid".
pub fn melder_type(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::School => "onderwijs",
        OrgKind::Kinderopvang => "kinderopvang",
        OrgKind::Ggd | OrgKind::Zorg => "gezondheidszorg",
        OrgKind::Politie
        | OrgKind::OpenbaarMinisterie
        | OrgKind::RaadKinderbescherming
        | OrgKind::Reclassering => "justitie_en_veiligheid",
        OrgKind::VeiligThuis => "vt_andere_regio",
        OrgKind::LokaalTeam
        | OrgKind::Gemeente
        | OrgKind::Opvang
        | OrgKind::MdaTeam
        | OrgKind::Programmabureau => "andere_organisatie",
    }
}

/// Dutch tussenvoegsels: part of a surname, but no name on their own.
const TUSSENVOEGSELS: [&str; 12] = [
    "van", "de", "der", "den", "het", "ten", "ter", "te", "in", "op", "'t", "vd",
];

/// The words of `names` that identify someone: at least two letters, no tussenvoegsel.
fn name_words(names: &[&str]) -> Vec<String> {
    let mut words: Vec<String> = names
        .iter()
        .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 2 && !TUSSENVOEGSELS.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// `text` with every word that is one of `names`' words replaced by a marker, case-insensitively.
pub fn without_names(text: &str, names: &[&str]) -> String {
    let words = name_words(names);
    if words.is_empty() {
        return text.to_string();
    }
    let marker = t("meldcode-prefill-name-removed");
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if words.contains(&word.to_lowercase()) {
            out.push_str(&marker);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

impl MeldcodeDossier {
    /// The prefill for an advies or a melding, by `reporter` of the dossier's organisation.
    ///
    /// A melding: when the decision leads to one and it has not been made yet (RULES.md 1.2). An
    /// advies: while the dossier is open, its signals are recorded and no melding is decided or
    /// made; RULES.md 1.1 places it in step 2 ("consult Veilig Thuis (anonymous advice)") and step 4
    /// ("when in doubt, always consult VT"), and 1.3 where the professional keeps the
    /// responsibility (the outcome "offer help").
    pub fn prefill(&self, kind: CaseKind, reporter: &Professional) -> Result<Prefill, FieldError> {
        let phase = self.phase();
        match kind {
            CaseKind::Melding if phase != Phase::MeldingDue => {
                return Err(FieldError::new(
                    "soort",
                    msg("error-meldcode-prefill-no-melding"),
                ));
            }
            CaseKind::Advies
                if !matches!(phase, Phase::AtStep(_) | Phase::FollowingHelp)
                    || self.signals.is_none() =>
            {
                return Err(FieldError::new(
                    "soort",
                    msg("error-meldcode-prefill-no-advies"),
                ));
            }
            _ => {}
        }
        let anonymous = kind == CaseKind::Advies;
        let kindcheck = self.signals.as_ref().map(|s| &s.what.kindcheck);
        let co_carer = match kindcheck {
            Some(Kindcheck::Children {
                shared_care: SharedCare::Yes { with_whom },
                ..
            }) => Some(with_whom.clone()),
            _ => None,
        };
        let (children_ages, pregnant) = match kindcheck {
            Some(Kindcheck::Children { ages, pregnant, .. }) => (ages.clone(), *pregnant),
            _ => (Vec::new(), false),
        };
        let description = self.description(anonymous);
        let description = if anonymous {
            let mut names = vec![self.client.name.as_str()];
            names.extend(co_carer.as_deref());
            without_names(&description, &names)
        } else {
            description
        };
        let family = (!anonymous).then(|| Family {
            client: self.client.clone(),
            co_carer,
        });
        Ok(Prefill {
            kind,
            reporter: reporter.clone(),
            reporter_org: self.owner_org.clone(),
            description,
            children_ages,
            pregnant,
            family,
        })
    }

    /// The dossier's texts under their step's heading.
    fn description(&self, anonymous: bool) -> String {
        let mut parts = vec![format!(
            "{}: {}",
            t("meldcode-prefill-concern"),
            self.concern
        )];
        if let Some(s) = &self.signals {
            parts.push(format!("{}: {}", t("meldcode-step-signals"), s.what.text));
            parts.push(format!(
                "{}: {}",
                t("meldcode-prefill-kindcheck"),
                s.what.kindcheck.summary(anonymous)
            ));
        }
        for c in &self.consultations {
            parts.push(format!(
                "{}: {}",
                t("meldcode-step-consultation"),
                c.what.summary
            ));
            if let VtAdvice::Yes { advice } = &c.what.veilig_thuis {
                parts.push(format!("{}: {advice}", t("meldcode-prefill-vt-advice")));
            }
        }
        match self.conversation.as_ref().map(|c| &c.what) {
            Some(Conversation::Held { summary }) => {
                parts.push(format!("{}: {summary}", t("meldcode-step-conversation")));
            }
            Some(Conversation::NotHeld {
                ground,
                explanation,
            }) => parts.push(format!(
                "{}: {} {explanation}",
                t("meldcode-prefill-no-conversation"),
                ground.label()
            )),
            None => {}
        }
        if let Some(w) = &self.weighing {
            parts.push(format!(
                "{}: {}",
                t("meldcode-step-weighing"),
                w.what.assessment
            ));
        }
        if let Some(d) = &self.decision {
            parts.push(format!(
                "{}: {}. {}",
                t("meldcode-step-decision"),
                d.what.outcome.label(),
                d.what.note
            ));
            if d.what.outcome.leads_to() == LeadsTo::Help {
                parts.push(t("meldcode-prefill-responsibility-stays"));
            }
        }
        parts.join("\n\n")
    }
}
