//! Classifying a new melding as CBS does (RULES.md 3, StatLine 85361NED): 1e melding, hermelding or
//! vervolgmelding, from the casussen its betrokkenen are already known in.

use schakel_i18n::t;
use serde::{Deserialize, Serialize};

use crate::case::{CaseKind, CaseState, Phase};

/// A casus in which at least one betrokkene of the new melding is already known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseMatch {
    pub casus_state_phase: Phase,
    pub open: bool,
}

impl CaseMatch {
    /// The match for a casus in its current state.
    pub fn from_state(state: &CaseState) -> Self {
        Self {
            casus_state_phase: state.phase,
            open: state.is_open(),
        }
    }

    /// Builds matches from states, leaving out adviezen: an adviesvraag keeps the family anonymous
    /// (RULES.md 1.3), so its betrokkenen are not "known to Veilig Thuis" in CBS's sense.
    pub fn from_states<'a>(states: impl IntoIterator<Item = &'a CaseState>) -> Vec<Self> {
        states
            .into_iter()
            .filter(|s| s.case_kind == CaseKind::Melding)
            .map(Self::from_state)
            .collect()
    }
}

/// When, relative to the open casus, a vervolgmelding came in (RULES.md 2.5 / 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VervolgMoment {
    TijdensBeoordeling,
    NaBeoordeling,
    TijdensMonitoring,
}

/// The CBS classes of 85361NED.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "class", content = "moment", rename_all = "snake_case")]
pub enum MeldingClass {
    /// No betrokkene known to Veilig Thuis.
    EersteMelding,
    /// A betrokkene known from a closed casus only.
    Hermelding,
    /// A betrokkene in an open casus.
    Vervolgmelding(VervolgMoment),
    /// The matches contradict themselves (an open match in a closed phase, or an open advies).
    NietIngedeeld,
}

impl MeldingClass {
    pub fn label(self) -> String {
        match self {
            MeldingClass::EersteMelding => t("melding-class-eerste-melding"),
            MeldingClass::Hermelding => t("melding-class-hermelding"),
            MeldingClass::Vervolgmelding(VervolgMoment::TijdensBeoordeling) => {
                t("melding-class-vervolgmelding-tijdens-beoordeling")
            }
            MeldingClass::Vervolgmelding(VervolgMoment::NaBeoordeling) => {
                t("melding-class-vervolgmelding-na-beoordeling")
            }
            MeldingClass::Vervolgmelding(VervolgMoment::TijdensMonitoring) => {
                t("melding-class-vervolgmelding-tijdens-monitoring")
            }
            MeldingClass::NietIngedeeld => t("melding-class-niet-ingedeeld"),
        }
    }
}

fn moment_of(phase: Phase) -> Option<VervolgMoment> {
    match phase {
        Phase::Intake | Phase::Beoordeling => Some(VervolgMoment::TijdensBeoordeling),
        Phase::Besloten | Phase::Overdracht | Phase::Overgedragen => {
            Some(VervolgMoment::NaBeoordeling)
        }
        Phase::Monitoring => Some(VervolgMoment::TijdensMonitoring),
        Phase::Advies | Phase::VtBeeindigd | Phase::Gesloten => None,
    }
}

/// Classifies a new melding from the casussen its betrokkenen are known in.
///
/// An open casus wins over closed ones (vervolgmelding before hermelding, 85361NED); a casus in
/// which Veilig Thuis's involvement has ended counts as closed. When
/// betrokkenen sit in several open casussen at different moments, the furthest moment counts:
/// monitoring, then after, then during the beoordeling. CBS's rule for that case was not seen
/// [NC]; Schakel's choice.
pub fn classify(matches: &[CaseMatch]) -> MeldingClass {
    let mut best: Option<VervolgMoment> = None;
    let mut any_closed = false;
    for m in matches {
        // RULES.md 2.5 / 3: once Veilig Thuis's involvement has ended, its casus counts as closed
        // for CBS, even while the receiver keeps working on the case.
        if m.casus_state_phase == Phase::VtBeeindigd {
            any_closed = true;
        } else if m.open {
            match moment_of(m.casus_state_phase) {
                Some(moment) => {
                    best = Some(best.map_or(moment, |b| b.max(moment)));
                }
                None => return MeldingClass::NietIngedeeld,
            }
        } else if m.casus_state_phase == Phase::Gesloten {
            any_closed = true;
        } else {
            return MeldingClass::NietIngedeeld;
        }
    }
    match (best, any_closed) {
        (Some(moment), _) => MeldingClass::Vervolgmelding(moment),
        (None, true) => MeldingClass::Hermelding,
        (None, false) => MeldingClass::EersteMelding,
    }
}

impl PartialOrd for VervolgMoment {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for VervolgMoment {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let rank = |m: &VervolgMoment| match m {
            VervolgMoment::TijdensBeoordeling => 0,
            VervolgMoment::NaBeoordeling => 1,
            VervolgMoment::TijdensMonitoring => 2,
        };
        rank(self).cmp(&rank(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::IntakeEvent;

    fn open(phase: Phase) -> CaseMatch {
        CaseMatch {
            casus_state_phase: phase,
            open: true,
        }
    }

    fn closed() -> CaseMatch {
        CaseMatch {
            casus_state_phase: Phase::Gesloten,
            open: false,
        }
    }

    #[test]
    fn no_known_betrokkene_is_a_first_melding() {
        assert_eq!(classify(&[]), MeldingClass::EersteMelding);
    }

    #[test]
    fn known_only_from_closed_casussen_is_a_hermelding() {
        assert_eq!(classify(&[closed()]), MeldingClass::Hermelding);
        assert_eq!(classify(&[closed(), closed()]), MeldingClass::Hermelding);
    }

    #[test]
    fn an_open_casus_makes_a_vervolgmelding_with_its_moment() {
        use VervolgMoment::*;
        for (phase, moment) in [
            (Phase::Intake, TijdensBeoordeling),
            (Phase::Beoordeling, TijdensBeoordeling),
            (Phase::Besloten, NaBeoordeling),
            (Phase::Overdracht, NaBeoordeling),
            (Phase::Overgedragen, NaBeoordeling),
            (Phase::Monitoring, TijdensMonitoring),
        ] {
            assert_eq!(
                classify(&[open(phase)]),
                MeldingClass::Vervolgmelding(moment),
                "{phase:?}"
            );
            // An open casus wins over a closed one.
            assert_eq!(
                classify(&[closed(), open(phase)]),
                MeldingClass::Vervolgmelding(moment)
            );
        }
    }

    #[test]
    fn several_open_casussen_take_the_furthest_moment() {
        assert_eq!(
            classify(&[
                open(Phase::Beoordeling),
                open(Phase::Monitoring),
                open(Phase::Besloten)
            ]),
            MeldingClass::Vervolgmelding(VervolgMoment::TijdensMonitoring)
        );
        assert_eq!(
            classify(&[open(Phase::Intake), open(Phase::Overgedragen)]),
            MeldingClass::Vervolgmelding(VervolgMoment::NaBeoordeling)
        );
    }

    #[test]
    fn contradictory_matches_are_not_classified() {
        assert_eq!(
            classify(&[open(Phase::Gesloten)]),
            MeldingClass::NietIngedeeld
        );
        assert_eq!(
            classify(&[open(Phase::Advies)]),
            MeldingClass::NietIngedeeld
        );
        let closed_but_in_monitoring = CaseMatch {
            casus_state_phase: Phase::Monitoring,
            open: false,
        };
        assert_eq!(
            classify(&[closed_but_in_monitoring]),
            MeldingClass::NietIngedeeld
        );
    }

    #[test]
    fn from_states_leaves_out_anonymous_adviezen() {
        use crate::case::{CaseEvent, EventContext, apply};
        use crate::org::OrgKind;
        let ctx = EventContext {
            at: time::macros::datetime!(2026-01-05 09:00 +1),
            org_id: "vt".into(),
            org_kind: OrgKind::VeiligThuis,
        };
        let open = |kind| {
            let event = CaseEvent::Intake(IntakeEvent::Opened {
                case_kind: kind,
                received_at: ctx.at,
                accountable_org: "vt".into(),
            });
            apply(None, &event, &ctx).unwrap()
        };
        let advies = open(CaseKind::Advies);
        let melding = open(CaseKind::Melding);
        assert_eq!(
            classify(&CaseMatch::from_states([&advies])),
            MeldingClass::EersteMelding
        );
        assert_eq!(
            classify(&CaseMatch::from_states([&advies, &melding])),
            MeldingClass::Vervolgmelding(VervolgMoment::TijdensBeoordeling)
        );
    }

    #[test]
    fn labels_are_the_cbs_wording() {
        assert_eq!(MeldingClass::EersteMelding.label(), "1e melding");
        assert_eq!(
            MeldingClass::Vervolgmelding(VervolgMoment::TijdensMonitoring).label(),
            "Vervolgmelding tijdens monitoring"
        );
    }
}
