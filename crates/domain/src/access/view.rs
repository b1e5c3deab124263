//! What an actor may see of a case once [`decide`] allowed reading it (DESIGN.md principles 4 and 5:
//! access follows the participation, the role and the kind of data; each audience sees the least it
//! needs). The policy answers with a [`View`]: a visibility per [`DataCategory`]. The gate applies it
//! (through [`super::redact`]) before any handler sees the data.

use serde::{Deserialize, Serialize};

use super::decide;
use super::{Action, Actor, Decision, Ground, Participation, Resource, ResourceKind, Sensitivity};
use crate::org::OrgKind;

/// The kinds of data a case holds, as far as disclosure differs between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataCategory {
    /// Who lives in the household: each betrokkene's role, first name, age at receipt and gender.
    Household,
    /// Full names and full dates of birth: what identifies a person outside the case.
    Identity,
    /// The gemeente each betrokkene lives in.
    Gemeente,
    /// The citizen service number: data of a sensitive nature (RULES.md 8.1).
    Bsn,
    /// Addresses of the betrokkenen.
    Address,
    /// The kinds of violence and the region's specific groups of a melding.
    ViolenceKinds,
    /// The melding's free-text description.
    IntakeText,
    /// Who reported: name, organisation, contact and reporter type.
    ReporterIdentity,
    /// The veiligheidsbeoordeling and scored risk instruments: special category (RULES.md 8.1, 9).
    RiskAssessment,
    /// Follow-up decisions, veiligheidsvoorwaarden, monitoring agreements and checks, the onderzoek's
    /// conclusion: what a handover carries (RULES.md 2.5).
    Conditions,
    /// Journal notes and the free-text reasons given with events.
    Journal,
}

impl DataCategory {
    pub const ALL: [DataCategory; 11] = [
        DataCategory::Household,
        DataCategory::Identity,
        DataCategory::Gemeente,
        DataCategory::Bsn,
        DataCategory::Address,
        DataCategory::ViolenceKinds,
        DataCategory::IntakeText,
        DataCategory::ReporterIdentity,
        DataCategory::RiskAssessment,
        DataCategory::Conditions,
        DataCategory::Journal,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DataCategory::Household => "household",
            DataCategory::Identity => "identity",
            DataCategory::Gemeente => "gemeente",
            DataCategory::Bsn => "bsn",
            DataCategory::Address => "address",
            DataCategory::ViolenceKinds => "violence_kinds",
            DataCategory::IntakeText => "intake_text",
            DataCategory::ReporterIdentity => "reporter_identity",
            DataCategory::RiskAssessment => "risk_assessment",
            DataCategory::Conditions => "conditions",
            DataCategory::Journal => "journal",
        }
    }

    /// The Dutch words for the category, to complete "Na aanvaarding van de overdracht ziet u ook ...".
    pub fn label(self) -> &'static str {
        match self {
            DataCategory::Household => "de samenstelling van het huishouden",
            DataCategory::Identity => "volledige namen met geboortedatum",
            DataCategory::Gemeente => "de gemeente",
            DataCategory::Bsn => "BSN",
            DataCategory::Address => "adressen",
            DataCategory::ViolenceKinds => "de aard van het geweld",
            DataCategory::IntakeText => "de omschrijving van de melding",
            DataCategory::ReporterIdentity => "wie de melder is",
            DataCategory::RiskAssessment => "de veiligheidsbeoordeling met risicotaxaties",
            DataCategory::Conditions => "besluiten, veiligheidsvoorwaarden en afspraken",
            DataCategory::Journal => "het journaal met toelichtingen",
        }
    }

    /// AVG art. 9 and 10 and the BSN (RULES.md 8.1): the categories the policy's
    /// [`Sensitivity::Special`] answer governs.
    pub fn sensitivity(self) -> Sensitivity {
        match self {
            DataCategory::Bsn | DataCategory::RiskAssessment => Sensitivity::Special,
            _ => Sensitivity::Normal,
        }
    }
}

/// How much of one category an actor sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Shown,
    Hidden,
    /// Shown unless the reporter asked to stay anonymous towards the family (only for
    /// [`DataCategory::ReporterIdentity`]; decided per melding, since a casus joins several).
    ShownUnlessAnonymous,
}

/// What an actor may see of one case: a visibility for every category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    levels: Vec<(DataCategory, Visibility)>,
}

impl View {
    /// Sees nothing: what an actor gets when reading was denied.
    pub fn nothing() -> View {
        View::from_fn(|_| Visibility::Hidden)
    }

    /// Sees everything, the reporter's identity included.
    pub fn everything() -> View {
        View::from_fn(|_| Visibility::Shown)
    }

    fn from_fn(f: impl Fn(DataCategory) -> Visibility) -> View {
        View {
            levels: DataCategory::ALL.into_iter().map(|c| (c, f(c))).collect(),
        }
    }

    pub fn level(&self, category: DataCategory) -> Visibility {
        self.levels
            .iter()
            .find(|(c, _)| *c == category)
            .map_or(Visibility::Hidden, |(_, v)| *v)
    }

    /// Whether the category is shown whatever the reporter asked.
    pub fn shows(&self, category: DataCategory) -> bool {
        self.level(category) == Visibility::Shown
    }

    /// Whether the category is shown for a melding whose reporter did (or did not) ask for
    /// anonymity towards the family.
    pub fn shows_for(&self, category: DataCategory, reporter_anonymous: bool) -> bool {
        match self.level(category) {
            Visibility::Shown => true,
            Visibility::Hidden => false,
            Visibility::ShownUnlessAnonymous => !reporter_anonymous,
        }
    }

    /// Whether nothing at all is withheld, whatever the reporters asked.
    pub fn is_complete(&self) -> bool {
        self.levels.iter().all(|(_, v)| *v == Visibility::Shown)
    }

    /// The categories `later` shows that this view does not, for a case whose reporter is (or is
    /// not) anonymous towards the family, in [`DataCategory::ALL`] order.
    pub fn gained_in(&self, later: &View, reporter_anonymous: bool) -> Vec<DataCategory> {
        DataCategory::ALL
            .into_iter()
            .filter(|c| {
                later.shows_for(*c, reporter_anonymous) && !self.shows_for(*c, reporter_anonymous)
            })
            .collect()
    }
}

/// What `actor` may see of the case `resource`. Call it after [`decide`] allowed reading; an actor
/// that may not read gets [`View::nothing`].
pub fn disclose(actor: &Actor, resource: &Resource) -> View {
    if resource.kind != ResourceKind::Case {
        return View::nothing();
    }
    let read = |sensitivity| {
        let r = Resource {
            sensitivity,
            ..resource.clone()
        };
        decide(actor, Action::Read, &r)
    };
    let receiver = match read(Sensitivity::Normal) {
        Decision::Allow(Ground::Participation { participation }) => {
            participation == Participation::HandoverReceiver
        }
        Decision::Allow(Ground::BreakTheGlass { .. }) => false,
        // Reading a case is never a role duty; deny by default.
        Decision::Allow(Ground::RoleDuty { .. }) | Decision::Deny(_) => return View::nothing(),
    };
    // The special categories follow the policy's own answer for special data (RULES.md 8.1: AVG
    // art. 9 and 10, BSN), so the matrix and the view cannot drift apart.
    let special = read(Sensitivity::Special).is_allowed();
    let veilig_thuis = actor.org_kind == OrgKind::VeiligThuis;
    View::from_fn(|category| {
        use DataCategory as C;
        use Visibility::{Hidden, Shown, ShownUnlessAnonymous};
        if category.sensitivity() == Sensitivity::Special && !special {
            return Hidden;
        }
        match category {
            // RULES.md 8.1: VT may register reporters anonymised and does not transfer that to its
            // partners; RULES.md 2.2: anonymity promised to the reporter is a reason for VT to keep
            // the case. Only Veilig Thuis sees an anonymous reporter; a receiver sees no reporter
            // before it accepts (RULES.md 2.5: it needs the conditions, not the source). Break-the-
            // glass serves acute safety, which never needs the reporter's name.
            C::ReporterIdentity if receiver => Hidden,
            C::ReporterIdentity if veilig_thuis => Shown,
            C::ReporterIdentity => ShownUnlessAnonymous,
            // RULES.md 2.5: a handover carries the veiligheidsvoorwaarden, the receiving party and
            // the monitoring agreements; the receiver decides on those, the household it would
            // work with (who, how old, where) and the kinds of violence (whether it has the
            // expertise: RULES.md 0 names specific groups with their own working groups).
            C::Household | C::Gemeente | C::ViolenceKinds | C::Conditions => Shown,
            // DESIGN.md principle 5: until it accepts, the receiver does not need what identifies
            // the family outside the case (full names, dates of birth, address) nor the free text
            // of the intake and the journal, which routinely names people, places and the reporter.
            C::Identity | C::Address | C::IntakeText | C::Journal if receiver => Hidden,
            _ => Shown,
        }
    })
}

/// The view `actor` will have once its organisation accepts the open handover of `resource`, when
/// it is the receiver now; `None` otherwise.
pub fn disclose_after_acceptance(actor: &Actor, resource: &Resource) -> Option<View> {
    if resource.relation_of(&actor.org_id) != Some(Participation::HandoverReceiver)
        || !decide(actor, Action::Read, resource).is_allowed()
    {
        return None;
    }
    // RULES.md 0, 2.5: on acceptance the receiver becomes the accountable organisation.
    let mut accepted = resource.clone();
    accepted.participants = resource
        .participants
        .iter()
        .map(|(o, p)| {
            if *o == actor.org_id && *p == Participation::HandoverReceiver {
                (o.clone(), Participation::Accountable)
            } else if *p == Participation::Accountable {
                (o.clone(), Participation::Contributor)
            } else {
                (o.clone(), *p)
            }
        })
        .collect();
    Some(disclose(actor, &accepted))
}

/// The participations in which `actor`'s organisation may take `action` on a resource of `kind`:
/// what list queries and navigation filter on, asked of the policy instead of restated.
pub fn participations_that_may(
    actor: &Actor,
    action: Action,
    kind: ResourceKind,
) -> Vec<Participation> {
    // A list is not a reason to break the glass: only real relations count.
    let actor = Actor {
        break_glass: None,
        ..actor.clone()
    };
    Participation::ALL
        .into_iter()
        .filter(|p| {
            let resource = Resource {
                kind,
                sensitivity: Sensitivity::Normal,
                participants: vec![(actor.org_id.clone(), *p)],
            };
            matches!(
                decide(&actor, action, &resource),
                Decision::Allow(Ground::Participation { .. })
            )
        })
        .collect()
}
