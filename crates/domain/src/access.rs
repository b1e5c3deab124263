//! The access policy: one pure function decides every access to data in Schakel.
//!
//! Principles (DESIGN.md principle 4, RULES.md 8): deny by default; access follows the
//! organisation's role in the case (participation), the user's role in the organisation and the kind
//! of data; break-the-glass exists, demands a reason and is reported; personal data needs a second
//! factor (NEN 7513 ch. 8). The web layer asks [`decide`] before it reads or changes anything and
//! writes the outcome, allowed or not, to the access log. What an allowed reader may see of a case
//! is the policy's answer too: [`disclose`] gives the [`View`], [`redact`] applies it.

use schakel_i18n::t;
use serde::{Deserialize, Serialize};

use crate::org::{OrgKind, Role};

pub mod break_glass;
pub mod redact;
mod view;

pub use view::{
    DataCategory, View, Visibility, disclose, disclose_after_acceptance, participations_that_may,
};

/// Who asks: one user acting for one organisation in one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: String,
    pub org_id: String,
    pub org_kind: OrgKind,
    pub role: Role,
    /// Whether this session was confirmed with a second factor (or the server runs in demo mode,
    /// where the second factor is waived for fictional data).
    pub second_factor: bool,
    /// Set when the user opens something they have no relation to and states why.
    pub break_glass: Option<String>,
}

/// What the actor wants to do. These are the NEN 7513 ch. 6 event kinds Schakel distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Read,
    Search,
    Create,
    Update,
    /// Answers an open handover offer: accept it, refuse it or ask Veilig Thuis a question about
    /// it. A change to the case (NEN 7513 "update"), told apart because the receiver may do this
    /// and nothing else until it has accepted (RULES.md 0, 2.5).
    Respond,
    Export,
    Print,
}

impl Action {
    pub const ALL: [Action; 7] = [
        Action::Read,
        Action::Search,
        Action::Create,
        Action::Update,
        Action::Respond,
        Action::Export,
        Action::Print,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Action::Read => "read",
            Action::Search => "search",
            Action::Create => "create",
            Action::Update => "update",
            Action::Respond => "respond",
            Action::Export => "export",
            Action::Print => "print",
        }
    }
}

/// The kinds of thing access is decided for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    /// A casus with its betrokkenen, meldingen and follow-up: personal data.
    Case,
    /// A Handle with Care signal: name, date of birth and codeword only (RULES.md 5).
    HwcSignal,
    /// The access log itself: reading it is personal data too (NEN 7513 ch. 8).
    AccessLog,
    /// People who use the system: employee personal data.
    UserAccount,
    /// Organisations in the chain: not personal data.
    Organisation,
    /// Aggregated, disclosure-controlled figures: not personal data.
    Monitor,
    /// The feedback Veilig Thuis sent a professional reporter about its melding (RULES.md 2.4):
    /// the outcome and the handover parties, the conditions only when it has a role. Read by the
    /// reporter's organisation without opening the file (issue 7 item 9).
    ReporterFeedback,
    /// The regional action programme (issue 12): action lines, actions, working groups, rounds and
    /// the progress appendix. No personal data of clients; the names of the people who steer it.
    Programme,
    /// A professional's meldcode dossier (issue 11): the client's name and the worries about them.
    /// Personal data; it belongs to the professional's organisation.
    MeldcodeDossier,
    /// The directory of help services, the sociale kaart (issue 11 item 3): providers' services
    /// and their contact data. No personal data of clients.
    Directory,
}

impl ResourceKind {
    pub const ALL: [ResourceKind; 10] = [
        ResourceKind::Case,
        ResourceKind::HwcSignal,
        ResourceKind::AccessLog,
        ResourceKind::UserAccount,
        ResourceKind::Organisation,
        ResourceKind::Monitor,
        ResourceKind::ReporterFeedback,
        ResourceKind::Programme,
        ResourceKind::MeldcodeDossier,
        ResourceKind::Directory,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ResourceKind::Case => "case",
            ResourceKind::HwcSignal => "hwc_signal",
            ResourceKind::AccessLog => "access_log",
            ResourceKind::UserAccount => "user_account",
            ResourceKind::Organisation => "organisation",
            ResourceKind::Monitor => "monitor",
            ResourceKind::ReporterFeedback => "reporter_feedback",
            ResourceKind::Programme => "programme",
            ResourceKind::MeldcodeDossier => "meldcode_dossier",
            ResourceKind::Directory => "directory",
        }
    }

    /// Whether this kind holds personal data, which demands a second factor.
    pub fn is_personal_data(self) -> bool {
        !matches!(
            self,
            ResourceKind::Organisation
                | ResourceKind::Monitor
                | ResourceKind::Programme
                | ResourceKind::Directory
        )
    }
}

/// How sensitive the part of a case is. Special covers bijzondere persoonsgegevens and data of a
/// sensitive nature (AVG art. 9 and 10, BSN; RULES.md 8.1): health, criminal data, assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    Normal,
    Special,
}

/// The role an organisation plays in one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Participation {
    /// The one accountable organisation (RULES.md 0: a case always has one).
    Accountable,
    /// Works on the case beside the accountable organisation (plans, MDA++ kernteam).
    Contributor,
    /// Has been offered a handover and not yet accepted it: sees what it needs to decide.
    HandoverReceiver,
    /// Reported the case: gets feedback only (RULES.md 2.4), never the file.
    Reporter,
    /// A school or childcare that received a Handle with Care signal.
    SignalRecipient,
    /// Held regie until the case was re-escalated to Veilig Thuis: keeps a read-only view
    /// (issue 7 item 7), so it can see what happens with the family it worked with.
    FormerRegie,
}

impl Participation {
    pub const ALL: [Participation; 6] = [
        Participation::Accountable,
        Participation::Contributor,
        Participation::HandoverReceiver,
        Participation::Reporter,
        Participation::SignalRecipient,
        Participation::FormerRegie,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Participation::Accountable => "accountable",
            Participation::Contributor => "contributor",
            Participation::HandoverReceiver => "handover_receiver",
            Participation::Reporter => "reporter",
            Participation::SignalRecipient => "signal_recipient",
            Participation::FormerRegie => "former_regie",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == value)
    }

    /// The Dutch words for the organisation's part in the case.
    pub fn label(self) -> String {
        match self {
            Participation::Accountable => t("participation-accountable"),
            Participation::Contributor => t("participation-contributor"),
            Participation::HandoverReceiver => t("participation-handover-receiver"),
            Participation::Reporter => t("participation-reporter"),
            Participation::SignalRecipient => t("participation-signal-recipient"),
            Participation::FormerRegie => t("participation-former-regie"),
        }
    }
}

/// The thing access is asked for. For a case, `participants` lists the organisations that take part
/// in it with their role; for a thing that does not exist yet (create) or a search, it is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub kind: ResourceKind,
    pub sensitivity: Sensitivity,
    pub participants: Vec<(String, Participation)>,
}

impl Resource {
    pub fn new(kind: ResourceKind) -> Self {
        Self {
            kind,
            sensitivity: Sensitivity::Normal,
            participants: Vec::new(),
        }
    }

    pub fn case(participants: Vec<(String, Participation)>, sensitivity: Sensitivity) -> Self {
        Self {
            kind: ResourceKind::Case,
            sensitivity,
            participants,
        }
    }

    /// The closest relation the given organisation has to this resource, if any.
    pub fn relation_of(&self, org_id: &str) -> Option<Participation> {
        self.participants
            .iter()
            .filter(|(o, _)| o == org_id)
            .map(|(_, p)| *p)
            .min()
    }
}

/// Why access was allowed: the authorisation ground written to the access log (NEN 7513 context).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "ground", rename_all = "snake_case")]
pub enum Ground {
    /// The organisation takes part in the case in this role.
    Participation { participation: Participation },
    /// Emergency access without a relation, with the reason the user gave. Reported.
    BreakTheGlass { reason: String },
    /// The user's role in their organisation is the ground (beheer, logbeheer, monitor, intake).
    RoleDuty { role: Role },
}

impl Ground {
    pub fn code(&self) -> String {
        match self {
            Ground::Participation { participation } => {
                format!("participation:{}", participation.code())
            }
            Ground::BreakTheGlass { .. } => "break_the_glass".to_string(),
            Ground::RoleDuty { role } => format!("role:{}", role.code()),
        }
    }
}

/// Why access was refused. The message is safe to show: it never reveals what the resource holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DenyReason {
    SecondFactorRequired,
    RoleNotPermitted,
    OrganisationNotPermitted,
    NoRelation,
    BreakGlassReasonTooShort,
    BreakGlassOnlyForReading,
    /// The region does not let this kind of organisation break the glass (issue 8 finding 6).
    BreakGlassNotForOrganisation,
    /// The user broke the glass as often as the region allows in a day (issue 8 finding 6).
    BreakGlassLimitReached,
    /// Accounts and roles of an organisation are managed by its own administrator (finding 1).
    NotOwnOrganisation,
    /// A role request is approved by a second person, not by who asked for it (finding 1).
    SecondPersonRequired,
}

impl DenyReason {
    pub fn code(self) -> &'static str {
        match self {
            DenyReason::SecondFactorRequired => "second_factor_required",
            DenyReason::RoleNotPermitted => "role_not_permitted",
            DenyReason::OrganisationNotPermitted => "organisation_not_permitted",
            DenyReason::NoRelation => "no_relation",
            DenyReason::BreakGlassReasonTooShort => "break_glass_reason_too_short",
            DenyReason::BreakGlassOnlyForReading => "break_glass_only_for_reading",
            DenyReason::BreakGlassNotForOrganisation => "break_glass_not_for_organisation",
            DenyReason::BreakGlassLimitReached => "break_glass_limit_reached",
            DenyReason::NotOwnOrganisation => "not_own_organisation",
            DenyReason::SecondPersonRequired => "second_person_required",
        }
    }

    pub fn message(self) -> String {
        match self {
            DenyReason::SecondFactorRequired => t("deny-second-factor-required"),
            DenyReason::RoleNotPermitted => t("deny-role-not-permitted"),
            DenyReason::OrganisationNotPermitted => t("deny-organisation-not-permitted"),
            DenyReason::NoRelation => t("deny-no-relation"),
            DenyReason::BreakGlassReasonTooShort => t("deny-break-glass-reason-too-short"),
            DenyReason::BreakGlassOnlyForReading => t("deny-break-glass-only-for-reading"),
            DenyReason::BreakGlassNotForOrganisation => t("deny-break-glass-not-for-organisation"),
            DenyReason::BreakGlassLimitReached => t("deny-break-glass-limit-reached"),
            DenyReason::NotOwnOrganisation => t("deny-not-own-organisation"),
            DenyReason::SecondPersonRequired => t("deny-second-person-required"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Allow(Ground),
    Deny(DenyReason),
}

impl Decision {
    pub fn is_allowed(&self) -> bool {
        matches!(self, Decision::Allow(_))
    }
}

/// The shortest reason accepted for break-the-glass. A reason must say something; a single word
/// like "spoed" does not let the privacy officer judge the access afterwards.
pub const BREAK_GLASS_MIN_REASON: usize = 10;

/// Decides one access. Deny by default: every path that allows is written out below.
pub fn decide(actor: &Actor, action: Action, resource: &Resource) -> Decision {
    use Decision::{Allow, Deny};

    if resource.kind.is_personal_data() && !actor.second_factor {
        return Deny(DenyReason::SecondFactorRequired);
    }
    // Only a case has a handover offer to answer.
    if action == Action::Respond && resource.kind != ResourceKind::Case {
        return Deny(DenyReason::RoleNotPermitted);
    }
    let role = actor.role;
    match resource.kind {
        ResourceKind::Organisation => match action {
            // The chain's organisations are public knowledge to everyone signed in.
            Action::Read | Action::Search => Allow(Ground::RoleDuty { role }),
            _ if role == Role::Beheerder => Allow(Ground::RoleDuty { role }),
            _ => Deny(DenyReason::RoleNotPermitted),
        },
        ResourceKind::UserAccount => match role {
            Role::Beheerder if action != Action::Print => Allow(Ground::RoleDuty { role }),
            _ => Deny(DenyReason::RoleNotPermitted),
        },
        // NEN 7513 ch. 8: the log is reviewed by the appointed logbeheerder, who cannot change it.
        ResourceKind::AccessLog => match (role, action) {
            (
                Role::PrivacyOfficer,
                Action::Read | Action::Search | Action::Export | Action::Print,
            ) => Allow(Ground::RoleDuty { role }),
            _ => Deny(DenyReason::RoleNotPermitted),
        },
        ResourceKind::Monitor => match (role, action) {
            (
                Role::Beleidsmedewerker | Role::Teamleider | Role::PrivacyOfficer,
                Action::Read | Action::Search | Action::Export | Action::Print,
            ) => Allow(Ground::RoleDuty { role }),
            _ => Deny(DenyReason::RoleNotPermitted),
        },
        ResourceKind::Programme => decide_programme(actor, action),
        ResourceKind::MeldcodeDossier => decide_meldcode(actor, action, resource),
        ResourceKind::Directory => decide_directory(actor, action),
        ResourceKind::HwcSignal => decide_hwc_signal(actor, action, resource),
        ResourceKind::ReporterFeedback => decide_reporter_feedback(actor, action, resource),
        ResourceKind::Case => decide_case(actor, action, resource),
    }
}

/// Whether the actor is the programme's projectleider: the team lead of the programme office
/// (regional policy, "Projectleider": monitors progress and intervenes; opens the rounds).
pub fn is_projectleider(actor: &Actor) -> bool {
    actor.org_kind == OrgKind::Programmabureau && actor.role == Role::Teamleider
}

/// The action programme (issue 12). The projectleider steers it (rounds, working groups, budget:
/// `Create`); policy staff and team leads, from whom the ambtelijke werkgroep and the trekkers come
/// (regional policy, "Werkgroepen"), read it and update actions, each only of their own working
/// group, which the programme's own rule checks ([`crate::programme::ProgrammeState::may_update`]).
/// The programme office reads it whole. Schools, childcare contacts and case workers have no part.
fn decide_programme(actor: &Actor, action: Action) -> Decision {
    let role = actor.role;
    let reader = matches!(role, Role::Beleidsmedewerker | Role::Teamleider)
        || (actor.org_kind == OrgKind::Programmabureau && role != Role::SchoolContact);
    match action {
        Action::Read | Action::Search | Action::Export | Action::Print if reader => {
            Decision::Allow(Ground::RoleDuty { role })
        }
        Action::Update if matches!(role, Role::Beleidsmedewerker | Role::Teamleider) => {
            Decision::Allow(Ground::RoleDuty { role })
        }
        Action::Create if is_projectleider(actor) => Decision::Allow(Ground::RoleDuty { role }),
        _ => Decision::Deny(DenyReason::RoleNotPermitted),
    }
}

/// The meldcode (issue 11, RULES.md 1): professionals of any kind of organisation walk it, the
/// school's designated contact included (the meldcode binds schools and childcare as it binds care).
/// A dossier is its organisation's (`Accountable`): only that organisation reads and writes it. Once
/// a melding is made, the Veilig Thuis organisation that received it (`Contributor`) reads it, and
/// never writes. Starting a dossier (`Create`) and listing one's own (`Search`) need no relation;
/// Veilig Thuis itself starts none: it is where the meldcode leads (RULES.md 1.2).
fn decide_meldcode(actor: &Actor, action: Action, resource: &Resource) -> Decision {
    let role = actor.role;
    if !matches!(
        role,
        Role::Medewerker | Role::Teamleider | Role::SchoolContact
    ) {
        return Decision::Deny(DenyReason::RoleNotPermitted);
    }
    let reporter = actor.org_kind != OrgKind::VeiligThuis;
    match (action, resource.relation_of(&actor.org_id)) {
        (Action::Create | Action::Search, _) if reporter => {
            Decision::Allow(Ground::RoleDuty { role })
        }
        (Action::Create | Action::Search, _) => {
            Decision::Deny(DenyReason::OrganisationNotPermitted)
        }
        (Action::Read | Action::Update | Action::Print, Some(p @ Participation::Accountable))
        | (Action::Read | Action::Print, Some(p @ Participation::Contributor)) => {
            Decision::Allow(Ground::Participation { participation: p })
        }
        (_, Some(_)) => Decision::Deny(DenyReason::RoleNotPermitted),
        (_, None) => Decision::Deny(DenyReason::NoRelation),
    }
}

/// The sociale kaart (issue 11 item 3): every signed-in user reads, searches, prints and exports
/// it, school and childcare contacts too (schools look for help for a child as well, and the
/// directory holds no client data); only the functioneel beheerder creates, edits, reviews and
/// archives entries ("maintained by functioneel beheerders").
fn decide_directory(actor: &Actor, action: Action) -> Decision {
    let role = actor.role;
    match action {
        Action::Read | Action::Search | Action::Export | Action::Print => {
            Decision::Allow(Ground::RoleDuty { role })
        }
        Action::Create | Action::Update if role == Role::Beheerder => {
            Decision::Allow(Ground::RoleDuty { role })
        }
        _ => Decision::Deny(DenyReason::RoleNotPermitted),
    }
}

/// Handle with Care (RULES.md 5): Veilig Thuis sends; only the designated contact of the receiving
/// school or childcare reads and acknowledges it.
fn decide_hwc_signal(actor: &Actor, action: Action, resource: &Resource) -> Decision {
    let role = actor.role;
    match (actor.org_kind, role) {
        (OrgKind::VeiligThuis, Role::Medewerker | Role::Teamleider) => match action {
            Action::Create | Action::Read | Action::Search => {
                Decision::Allow(Ground::RoleDuty { role })
            }
            _ => Decision::Deny(DenyReason::RoleNotPermitted),
        },
        (OrgKind::School | OrgKind::Kinderopvang, Role::SchoolContact) => {
            match (resource.relation_of(&actor.org_id), action) {
                (Some(p @ Participation::SignalRecipient), Action::Read | Action::Update) => {
                    Decision::Allow(Ground::Participation { participation: p })
                }
                // Listing the signals addressed to one's own school; the store filters by recipient.
                (_, Action::Search) => Decision::Allow(Ground::RoleDuty { role }),
                (Some(_), _) => Decision::Deny(DenyReason::RoleNotPermitted),
                (None, _) => Decision::Deny(DenyReason::NoRelation),
            }
        }
        _ => Decision::Deny(DenyReason::RoleNotPermitted),
    }
}

/// RULES.md 2.4: the reporter hears the outcome; a professional reporter's organisation reads the
/// feedback meant for it (any organisation kind: schools and GPs report too), and Veilig Thuis and
/// the organisations in the case read what was sent. Reading only; never by breaking the glass.
fn decide_reporter_feedback(actor: &Actor, action: Action, resource: &Resource) -> Decision {
    if !matches!(actor.role, Role::Medewerker | Role::Teamleider) {
        return Decision::Deny(DenyReason::RoleNotPermitted);
    }
    match (resource.relation_of(&actor.org_id), action) {
        (
            Some(
                p @ (Participation::Reporter
                | Participation::Accountable
                | Participation::Contributor),
            ),
            Action::Read,
        ) => Decision::Allow(Ground::Participation { participation: p }),
        (Some(_), _) => Decision::Deny(DenyReason::RoleNotPermitted),
        (None, _) => Decision::Deny(DenyReason::NoRelation),
    }
}

fn decide_case(actor: &Actor, action: Action, resource: &Resource) -> Decision {
    use Decision::{Allow, Deny};

    if !actor.org_kind.handles_cases() {
        return Deny(DenyReason::OrganisationNotPermitted);
    }
    if !matches!(actor.role, Role::Medewerker | Role::Teamleider) {
        return Deny(DenyReason::RoleNotPermitted);
    }
    match action {
        // Intake of adviezen and meldingen is Veilig Thuis's statutory task (Wmo 2015 art. 4.1.1).
        Action::Create => {
            return if actor.org_kind == OrgKind::VeiligThuis {
                Allow(Ground::RoleDuty { role: actor.role })
            } else {
                Deny(DenyReason::OrganisationNotPermitted)
            };
        }
        // A search is allowed; what it returns is limited to cases the actor may read.
        Action::Search => return Allow(Ground::RoleDuty { role: actor.role }),
        _ => {}
    }
    match resource.relation_of(&actor.org_id) {
        Some(p @ (Participation::Accountable | Participation::Contributor)) => match action {
            // Copies leave the system: only the accountable organisation makes them.
            Action::Export | Action::Print if p != Participation::Accountable => {
                Deny(DenyReason::RoleNotPermitted)
            }
            // RULES.md 0: a handover ends only when the receiver itself answers it; the offering
            // side withdraws (an update), it does not answer its own offer.
            Action::Respond => Deny(DenyReason::RoleNotPermitted),
            _ => Allow(Ground::Participation { participation: p }),
        },
        // A receiver sees what it needs to accept or refuse the handover (RULES.md 2.5), but not the
        // special categories until it has accepted. RULES.md 0 and 2.5: until it accepts, Veilig
        // Thuis is accountable and keeps the file; the receiver answers the offer (accept, refuse,
        // ask a question) and writes nothing else in it (issue 8, finding 7: notes on an offered
        // case).
        Some(p @ Participation::HandoverReceiver) => match action {
            Action::Read if resource.sensitivity == Sensitivity::Normal => {
                Allow(Ground::Participation { participation: p })
            }
            Action::Respond => Allow(Ground::Participation { participation: p }),
            _ => Deny(DenyReason::RoleNotPermitted),
        },
        // Issue 7 item 7: the former regiehouder of a re-escalated case reads along, nothing more.
        Some(p @ Participation::FormerRegie) => match action {
            Action::Read => Allow(Ground::Participation { participation: p }),
            _ => Deny(DenyReason::RoleNotPermitted),
        },
        // A reporter gets feedback only, through its own minimal view (RULES.md 2.4); a school only
        // its signal. Neither sees the file, and neither may break the glass into it.
        Some(Participation::Reporter | Participation::SignalRecipient) => {
            Deny(DenyReason::NoRelation)
        }
        None => match &actor.break_glass {
            None => Deny(DenyReason::NoRelation),
            Some(_) if action != Action::Read => Deny(DenyReason::BreakGlassOnlyForReading),
            Some(reason) if reason.trim().chars().count() < BREAK_GLASS_MIN_REASON => {
                Deny(DenyReason::BreakGlassReasonTooShort)
            }
            Some(reason) => Allow(Ground::BreakTheGlass {
                reason: reason.trim().to_string(),
            }),
        },
    }
}

#[cfg(test)]
mod table_fixtures;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod view_tests;
