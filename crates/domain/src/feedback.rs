//! Feedback to the reporter (RULES.md 2.4; DESIGN.md principle 5, minimal disclosure).
//!
//! Content, and nothing more: whether a vervolgtraject was started; the handover parties; and only
//! when the reporter has a role in the follow-up, the veiligheidsvoorwaarden and the monitoring
//! agreements. No standard feedback to a doctor who acted only as informant.
//! (KNMG meldcode, bijlage 4 "Taken en functie van Veilig Thuis".)

use crate::{msg, msg_args};
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::codes::{DecisionCategory, decision_category};

mod events;

pub use events::{Event, FeedbackMoment, PendingFeedback};
pub(crate) use events::{apply, deadlines, owe_feedback};

/// What the feedback is composed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackInput {
    pub moment: FeedbackMoment,
    /// The follow-up track decided, a code of the `vervolgtraject` list.
    pub track: String,
    /// Names of the organisations the case was handed over to (that accepted it).
    pub handover_parties: Vec<String>,
    /// Names of the organisations a handover is offered to that have not accepted it yet.
    pub offered_to: Vec<String>,
    pub veiligheidsvoorwaarden: Vec<String>,
    pub monitoring_agreements: Vec<String>,
    /// Whether the reporter has a role in the follow-up (e.g. the school that watches a condition).
    pub reporter_has_role: bool,
    /// The reporter is a doctor who acted only as informant.
    pub reporter_is_informant_doctor: bool,
}

/// The content the reporter may receive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackContent {
    pub moment: FeedbackMoment,
    pub vervolgtraject_gestart: bool,
    pub handover_parties: Vec<String>,
    /// Offered, not yet accepted: the text must not say care was handed over (issue 7 item 9).
    #[serde(default)]
    pub offered_to: Vec<String>,
    /// `None` unless the reporter has a role in the follow-up.
    pub veiligheidsvoorwaarden: Option<Vec<String>>,
    /// `None` unless the reporter has a role in the follow-up.
    pub monitoring_agreements: Option<Vec<String>>,
}

/// The outcome: standard feedback, or none with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Feedback {
    Standard(FeedbackContent),
    NoStandardFeedback { reason_nl: String },
}

/// Composes the feedback; an unknown track names the field.
pub fn compose(input: &FeedbackInput) -> Result<Feedback, FieldError> {
    // RULES.md 2.4: no standard feedback to a doctor who acted as informant.
    if input.reporter_is_informant_doctor {
        return Ok(Feedback::NoStandardFeedback {
            reason_nl: "Geen standaardterugkoppeling: de arts trad alleen op als informant.".into(),
        });
    }
    let category = decision_category(&input.track).ok_or_else(|| {
        FieldError::new(
            "track",
            msg_args(
                "error-follow-up-track-unknown",
                [("track", input.track.to_string())],
            ),
        )
    })?;
    let role = input.reporter_has_role;
    Ok(Feedback::Standard(FeedbackContent {
        moment: input.moment,
        vervolgtraject_gestart: category != DecisionCategory::GeenVervolgstappen,
        handover_parties: input.handover_parties.clone(),
        offered_to: input.offered_to.clone(),
        veiligheidsvoorwaarden: role.then(|| input.veiligheidsvoorwaarden.clone()),
        monitoring_agreements: role.then(|| input.monitoring_agreements.clone()),
    }))
}

/// The feedback input for a case as it stands (RULES.md 2.4): the decided track, the parties the
/// case went to (an offered or accepted handover), and the conditions and monitoring agreements in
/// force. `org_name` turns organisation ids into the names the reporter reads.
pub fn input_for_case(
    state: &crate::case::CaseState,
    moment: FeedbackMoment,
    reporter_has_role: bool,
    reporter_is_informant_doctor: bool,
    org_name: impl Fn(&str) -> String,
) -> Result<FeedbackInput, FieldError> {
    let decision = state
        .decision
        .as_ref()
        .ok_or_else(|| FieldError::new("besluit", msg("error-follow-up-decide-first")))?;
    // RULES.md 0 / 2.5: a handover is complete only once the receiver accepted it; until then the
    // reporter hears that it is offered, not that care was handed over (issue 7 item 9).
    let mut parties = Vec::new();
    let mut offered_to = Vec::new();
    if let Some(h) = &state.open_handover {
        offered_to.push(org_name(&h.to_org));
    } else if state.accountable_org != state.vt_org {
        parties.push(org_name(&state.accountable_org));
    }
    let (conditions, agreements) = match (&state.open_handover, &state.monitoring) {
        (Some(h), _) => (
            h.veiligheidsvoorwaarden.clone(),
            h.monitoring_agreements.clone(),
        ),
        (None, Some(m)) => (m.veiligheidsvoorwaarden.clone(), m.agreements.clone()),
        (None, None) => (decision.veiligheidsvoorwaarden.clone(), Vec::new()),
    };
    Ok(FeedbackInput {
        moment,
        track: decision.track.clone(),
        handover_parties: parties,
        offered_to,
        veiligheidsvoorwaarden: conditions,
        monitoring_agreements: agreements,
        reporter_has_role,
        reporter_is_informant_doctor,
    })
}

/// Whom the feedback goes to, as recorded with it (issue 7 item 9): the reporter's name and
/// organisation as the intake has them (the organisation's name from Schakel when only its id is
/// known), or a plain stand-in when neither was recorded.
pub fn recipient(
    melder: Option<&crate::intake::Melder>,
    org_name: impl Fn(&str) -> String,
) -> String {
    let parts: Vec<String> = melder
        .map(|m| {
            [
                m.name.clone(),
                m.organisation
                    .clone()
                    .or_else(|| m.org_id.as_deref().map(&org_name)),
            ]
            .into_iter()
            .flatten()
            .filter(|p| !p.trim().is_empty())
            .collect()
        })
        .unwrap_or_default();
    match parts.as_slice() {
        [] => schakel_i18n::t("feedback-recipient-unnamed"),
        [one] => one.clone(),
        [person, org, ..] => format!("{person} ({org})"),
    }
}

impl FeedbackContent {
    /// The Dutch text for the reporter, in plain language.
    pub fn text_nl(&self) -> String {
        let mut lines = vec![match self.moment {
            FeedbackMoment::NaBeoordeling => {
                "Veilig Thuis heeft uw melding beoordeeld.".to_string()
            }
            FeedbackMoment::NaOnderzoek => {
                "Veilig Thuis heeft het onderzoek naar aanleiding van uw melding afgerond."
                    .to_string()
            }
        }];
        lines.push(if self.vervolgtraject_gestart {
            "Er is een vervolgtraject gestart.".into()
        } else {
            "Er is geen vervolgtraject gestart.".into()
        });
        lines.push(if !self.offered_to.is_empty() {
            schakel_i18n::t_args(
                "feedback-handover-offered-not-accepted",
                &[("parties", &self.offered_to.join(", "))],
            )
        } else if self.handover_parties.is_empty() {
            "De zorg is niet overgedragen aan een andere organisatie.".into()
        } else {
            format!(
                "De zorg is overgedragen aan: {}.",
                self.handover_parties.join(", ")
            )
        });
        if let Some(conditions) = &self.veiligheidsvoorwaarden {
            lines.push(bullets(
                "Omdat u een rol heeft in het vervolg, krijgt u ook de veiligheidsvoorwaarden:",
                "Er zijn geen veiligheidsvoorwaarden gesteld.",
                conditions,
            ));
        }
        if let Some(agreements) = &self.monitoring_agreements {
            lines.push(bullets(
                "Afspraken over de monitoring:",
                "Er zijn geen afspraken over monitoring gemaakt.",
                agreements,
            ));
        }
        lines.join("\n")
    }
}

fn bullets(heading: &str, when_empty: &str, items: &[String]) -> String {
    if items.is_empty() {
        return when_empty.to_string();
    }
    let mut out = heading.to_string();
    for item in items {
        out.push_str("\n- ");
        out.push_str(item);
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn input(track: &str, role: bool) -> FeedbackInput {
        FeedbackInput {
            moment: FeedbackMoment::NaBeoordeling,
            track: track.into(),
            handover_parties: vec!["Lokaal team Venlo".into()],
            offered_to: vec![],
            veiligheidsvoorwaarden: vec!["Vader komt niet in de woning".into()],
            monitoring_agreements: vec!["Na 6 weken belt Veilig Thuis de school".into()],
            reporter_has_role: role,
            reporter_is_informant_doctor: false,
        }
    }

    fn standard(i: &FeedbackInput) -> FeedbackContent {
        match compose(i).unwrap() {
            Feedback::Standard(c) => c,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn without_a_role_the_reporter_hears_only_outcome_and_parties() {
        let c = standard(&input("voorwaarden_en_vervolg", false));
        assert!(c.veiligheidsvoorwaarden.is_none() && c.monitoring_agreements.is_none());
        let text = c.text_nl();
        assert!(text.contains("Er is een vervolgtraject gestart."));
        assert!(text.contains("Lokaal team Venlo"));
        assert!(!text.contains("Vader komt niet in de woning"));
        assert!(!text.contains("school"));
        assert!(!text.contains("veiligheidsvoorwaarden"));
        assert_eq!(text.lines().count(), 3);
    }

    #[test]
    fn with_a_role_the_reporter_also_hears_conditions_and_agreements() {
        let text = standard(&input("voorwaarden_en_vervolg", true)).text_nl();
        assert!(text.contains("- Vader komt niet in de woning"));
        assert!(text.contains("- Na 6 weken belt Veilig Thuis de school"));
    }

    #[test]
    fn no_follow_up_and_no_handover_are_said_plainly() {
        let mut i = input("beeindigen_betrokkenheid", false);
        i.handover_parties.clear();
        let text = standard(&i).text_nl();
        assert!(text.contains("Er is geen vervolgtraject gestart."));
        assert!(text.contains("niet overgedragen"));
        i.moment = FeedbackMoment::NaOnderzoek;
        assert!(
            standard(&i)
                .text_nl()
                .starts_with("Veilig Thuis heeft het onderzoek")
        );
    }

    #[test]
    fn no_standard_feedback_for_a_doctor_who_was_only_informant() {
        let mut i = input("overdracht_lokaal_veld", true);
        i.reporter_is_informant_doctor = true;
        assert!(matches!(
            compose(&i),
            Ok(Feedback::NoStandardFeedback { .. })
        ));
    }

    #[test]
    fn an_offered_handover_is_not_told_as_handed_over() {
        let mut i = input("overdracht_lokaal_veld", false);
        i.handover_parties.clear();
        i.offered_to = vec!["Wijkteam Venlo".into()];
        let text = standard(&i).text_nl();
        assert!(!text.contains("is overgedragen"), "{text}");
        assert!(!text.contains("niet overgedragen"), "{text}");
        assert!(text.contains("Wijkteam Venlo"), "{text}");
        assert!(text.contains("nog niet aanvaard"), "{text}");
    }

    #[test]
    fn the_case_as_it_stands_tells_offered_from_accepted() {
        use crate::case::tests::{LT, VT, accepted, offered, run, up_to_decision};
        let mut steps = up_to_decision("overdracht_lokaal_veld", &[]);
        steps.push((VT, offered("h1", LT, &[])));
        let name = |id: &str| format!("org {id}");
        let open = input_for_case(
            &run(&steps).unwrap(),
            FeedbackMoment::NaBeoordeling,
            false,
            false,
            name,
        )
        .unwrap();
        assert_eq!((open.handover_parties.len(), open.offered_to.len()), (0, 1));
        steps.push((LT, accepted("h1")));
        let done = input_for_case(
            &run(&steps).unwrap(),
            FeedbackMoment::NaBeoordeling,
            false,
            false,
            name,
        )
        .unwrap();
        assert_eq!(done.handover_parties, vec![format!("org {LT}")]);
        assert!(done.offered_to.is_empty());
    }

    #[test]
    fn unknown_track_names_the_field() {
        assert_eq!(compose(&input("x", false)).unwrap_err().field, "track");
    }

    proptest! {
        #[test]
        fn conditions_never_leak_without_a_role(
            conditions in proptest::collection::vec("[a-z]{12}", 0..4),
            agreements in proptest::collection::vec("[a-z]{12}", 0..4),
            track in prop_oneof![Just("voorwaarden_en_vervolg"), Just("overdracht_lokaal_veld"), Just("onderzoek")],
        ) {
            let mut i = input(track, false);
            i.veiligheidsvoorwaarden = conditions.clone();
            i.monitoring_agreements = agreements.clone();
            let c = standard(&i);
            let text = c.text_nl();
            for secret in conditions.iter().chain(agreements.iter()) {
                prop_assert!(!text.contains(secret.as_str()));
            }
            let json = serde_json::to_string(&c).unwrap();
            for secret in conditions.iter().chain(agreements.iter()) {
                prop_assert!(!json.contains(secret.as_str()));
            }
        }
    }
}
