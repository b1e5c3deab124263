//! The regional action programme (issue 12): a programme with its action lines, themes ("Wat"),
//! actions ("Hoe") with their planned timing ("Wanneer"), the working groups that own them and the
//! bodies that steer them. The region runs its policy this way: "Geweld hoort nergens thuis" works
//! through regional plans with half-yearly progress reports (RULES.md 10), and the regional policy
//! (Bijlage 1, "De aanpak in Noord- en Midden-Limburg", "Randvoorwaarden") names three action lines,
//! four working groups with one or two trekkers each, a projectleider who monitors progress and
//! intervenes when it falls short, and a Bestuurscommissie as client.
//!
//! The programme holds no personal data about clients: only the names of bodies, working groups and
//! the people who steer the programme.
//!
//! This module is the programme's definition and its pure rules; the programme is its own aggregate
//! (DESIGN.md), never part of a case.

mod progress;
mod signals;
mod timing;

pub use progress::{
    ActionProgress, Author, BudgetLine, HalfYear, Member, Note, ProgrammeCommand, ProgrammeEvent,
    ProgrammeState, Recorded, Round,
};
pub use signals::{Appendix, AppendixLine, AppendixRow, GroupResponse, Signals, SlippingAction};
pub use timing::PlannedTiming;

use schakel_i18n::t;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::{FieldError, msg, msg_args};

/// A programme as defined (imported from a programme file, see
/// `regions/noord-midden-limburg-programma.toml` for the format).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    pub name: String,
    pub from_year: i32,
    pub to_year: i32,
    /// The body that commissioned the programme (one of `bodies`).
    pub client: String,
    pub bodies: Vec<Body>,
    pub working_groups: Vec<WorkingGroup>,
    pub action_lines: Vec<ActionLine>,
}

/// A steering body of the programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    pub name: String,
    pub kind: BodyKind,
    /// Who sits in it, by function ("Manager Veilig Thuis"), as the policy names them.
    pub members: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// The administrative client (regional policy, "Bestuurlijke borging").
    Bestuurscommissie,
    /// The civil servants' group that steers the approach (regional policy, "Ambtelijke werkgroep").
    AmbtelijkeWerkgroep,
}

impl BodyKind {
    pub const ALL: [BodyKind; 2] = [BodyKind::Bestuurscommissie, BodyKind::AmbtelijkeWerkgroep];

    pub fn code(self) -> &'static str {
        match self {
            BodyKind::Bestuurscommissie => "bestuurscommissie",
            BodyKind::AmbtelijkeWerkgroep => "ambtelijke_werkgroep",
        }
    }

    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|k| k.code() == value)
            .ok_or_else(|| FieldError::new(field, msg("error-programme-body-kind-unknown")))
    }

    pub fn label(self) -> String {
        match self {
            BodyKind::Bestuurscommissie => t("programme-body-bestuurscommissie"),
            BodyKind::AmbtelijkeWerkgroep => t("programme-body-ambtelijke-werkgroep"),
        }
    }
}

/// A working group: it owns actions; its trekkers update them (regional policy, "Werkgroepen":
/// "Iedere werkgroep heeft 1 of 2 trekkers, uit de ambtelijke werkgroep").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingGroup {
    /// Short and unique within the programme; actions refer to it.
    pub code: String,
    pub name: String,
    pub trekkers: Vec<String>,
}

/// One of the national action lines with the region's accents (RULES.md 10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionLine {
    pub number: u8,
    pub name: String,
    pub themes: Vec<Theme>,
}

/// A "Wat" of Bijlage 1: what the region wants to reach within an action line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub what: String,
    /// The working group that owns the theme's actions, when one does.
    pub working_group: Option<String>,
    pub actions: Vec<PlannedAction>,
}

/// A "Hoe" of Bijlage 1 with its "Wanneer".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedAction {
    pub how: String,
    /// A heading the source puts above a group of actions ("Intensiveren van plegersaanpak door:").
    pub heading: Option<String>,
    pub timing: Option<PlannedTiming>,
    /// The owning working group when it differs from the theme's.
    pub working_group: Option<String>,
    /// Monitor figures that show the action's effect, reported beside it in the appendix.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

/// A monitor figure an action can be linked to (issue 12: "links to monitor indicators where an
/// action has a measurable effect"). Counted for the region per half year from the monitor facts,
/// never from personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    /// Adviezen Veilig Thuis received: a campaign or training makes more people ask for advice.
    Adviezen,
    /// Meldingen Veilig Thuis received.
    Meldingen,
    /// Casussen open at the end of the period.
    OpenCasussen,
}

impl Indicator {
    pub const ALL: [Indicator; 3] = [
        Indicator::Adviezen,
        Indicator::Meldingen,
        Indicator::OpenCasussen,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Indicator::Adviezen => "adviezen",
            Indicator::Meldingen => "meldingen",
            Indicator::OpenCasussen => "open_casussen",
        }
    }

    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|i| i.code() == value)
            .ok_or_else(|| FieldError::new(field, msg("error-programme-indicator-unknown")))
    }

    pub fn label(self) -> String {
        match self {
            Indicator::Adviezen => t("programme-indicator-adviezen"),
            Indicator::Meldingen => t("programme-indicator-meldingen"),
            Indicator::OpenCasussen => t("programme-indicator-open-casussen"),
        }
    }
}

impl PlannedAction {
    /// The working group that owns this action: its own, else its theme's.
    pub fn owner<'a>(&'a self, theme: &'a Theme) -> Option<&'a str> {
        self.working_group
            .as_deref()
            .or(theme.working_group.as_deref())
    }
}

/// The status of an action (issue 12: niet gestart, loopt, vertraagd, afgerond, vervallen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    NietGestart,
    Loopt,
    Vertraagd,
    Afgerond,
    Vervallen,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 5] = [
        ActionStatus::NietGestart,
        ActionStatus::Loopt,
        ActionStatus::Vertraagd,
        ActionStatus::Afgerond,
        ActionStatus::Vervallen,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::NietGestart => "niet_gestart",
            ActionStatus::Loopt => "loopt",
            ActionStatus::Vertraagd => "vertraagd",
            ActionStatus::Afgerond => "afgerond",
            ActionStatus::Vervallen => "vervallen",
        }
    }

    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|s| s.code() == value)
            .ok_or_else(|| FieldError::new(field, msg("error-programme-status-unknown")))
    }

    pub fn label(self) -> String {
        match self {
            ActionStatus::NietGestart => t("programme-status-niet-gestart"),
            ActionStatus::Loopt => t("programme-status-loopt"),
            ActionStatus::Vertraagd => t("programme-status-vertraagd"),
            ActionStatus::Afgerond => t("programme-status-afgerond"),
            ActionStatus::Vervallen => t("programme-status-vervallen"),
        }
    }

    /// Finished actions need no more attention from the projectleider.
    pub fn is_finished(self) -> bool {
        matches!(self, ActionStatus::Afgerond | ActionStatus::Vervallen)
    }
}

/// Whether an action is past its planned timing without being finished: a signal for the
/// projectleider, whose task is "interveniëren wanneer onvoldoende voortgang wordt geboekt"
/// (regional policy, "Projectleider"). An action without a readable end date never signals.
pub fn is_past_planned(timing: Option<&PlannedTiming>, status: ActionStatus, today: Date) -> bool {
    !status.is_finished()
        && timing
            .and_then(|t| t.until)
            .is_some_and(|until| until < today)
}

impl Programme {
    /// Every action with its key ("2.3.1": action line 2, its third theme, that theme's first
    /// action) and its place. The key is how progress, notes and budget lines refer to an action;
    /// it is stable as long as the programme file keeps its order.
    pub fn keyed_actions(
        &self,
    ) -> impl Iterator<Item = (String, &ActionLine, &Theme, &PlannedAction)> {
        self.action_lines.iter().flat_map(|line| {
            line.themes.iter().enumerate().flat_map(move |(t, theme)| {
                theme.actions.iter().enumerate().map(move |(a, action)| {
                    (
                        format!("{}.{}.{}", line.number, t + 1, a + 1),
                        line,
                        theme,
                        action,
                    )
                })
            })
        })
    }

    /// The action with `key`, with its place.
    pub fn action(&self, key: &str) -> Option<(&ActionLine, &Theme, &PlannedAction)> {
        self.keyed_actions()
            .find(|(k, ..)| k == key)
            .map(|(_, l, t, a)| (l, t, a))
    }

    /// The name of the working group with `code`.
    pub fn group_name(&self, code: &str) -> Option<&str> {
        self.working_groups
            .iter()
            .find(|g| g.code == code)
            .map(|g| g.name.as_str())
    }

    /// Every action with its place: (action line, theme, action).
    pub fn actions(&self) -> impl Iterator<Item = (&ActionLine, &Theme, &PlannedAction)> {
        self.action_lines.iter().flat_map(|line| {
            line.themes
                .iter()
                .flat_map(move |theme| theme.actions.iter().map(move |a| (line, theme, a)))
        })
    }

    /// Checks what a programme file cannot check by its shape: a period that runs forward, a
    /// client that is one of the bodies, unique action-line numbers and working-group codes, owners
    /// that exist, and no empty texts. Errors name the field by its path in the file.
    pub fn check(&self) -> Result<(), FieldError> {
        if self.name.trim().is_empty() {
            return Err(FieldError::new("programma.naam", msg("error-required")));
        }
        if self.to_year < self.from_year {
            return Err(FieldError::new(
                "programma.tot_en_met",
                msg("error-programme-period-backwards"),
            ));
        }
        if !self.bodies.iter().any(|b| b.name == self.client) {
            return Err(FieldError::new(
                "programma.opdrachtgever",
                msg_args(
                    "error-programme-client-unknown",
                    [("naam", self.client.clone())],
                ),
            ));
        }
        for (i, group) in self.working_groups.iter().enumerate() {
            if group.code.trim().is_empty() || group.name.trim().is_empty() {
                return Err(FieldError::new(
                    format!("werkgroep[{i}]"),
                    msg("error-required"),
                ));
            }
            if self.working_groups[..i]
                .iter()
                .any(|g| g.code == group.code)
            {
                return Err(FieldError::new(
                    format!("werkgroep[{i}].code"),
                    msg("error-programme-duplicate"),
                ));
            }
        }
        let known_group = |code: &str| self.working_groups.iter().any(|g| g.code == code);
        for (l, line) in self.action_lines.iter().enumerate() {
            if line.number == 0
                || self.action_lines[..l]
                    .iter()
                    .any(|o| o.number == line.number)
            {
                return Err(FieldError::new(
                    format!("actielijn[{l}].nummer"),
                    msg("error-programme-duplicate"),
                ));
            }
            for (th, theme) in line.themes.iter().enumerate() {
                let at = format!("actielijn[{l}].thema[{th}]");
                if theme.what.trim().is_empty() {
                    return Err(FieldError::new(format!("{at}.wat"), msg("error-required")));
                }
                if let Some(code) = theme.working_group.as_deref().filter(|c| !known_group(c)) {
                    return Err(unknown_group(format!("{at}.werkgroep"), code));
                }
                for (a, action) in theme.actions.iter().enumerate() {
                    let at = format!("{at}.actie[{a}]");
                    if action.how.trim().is_empty() {
                        return Err(FieldError::new(format!("{at}.hoe"), msg("error-required")));
                    }
                    if let Some(code) = action.working_group.as_deref().filter(|c| !known_group(c))
                    {
                        return Err(unknown_group(format!("{at}.werkgroep"), code));
                    }
                }
            }
        }
        Ok(())
    }
}

fn unknown_group(field: String, code: &str) -> FieldError {
    FieldError::new(
        field,
        msg_args(
            "error-programme-group-unknown",
            [("code", code.to_string())],
        ),
    )
}

#[cfg(test)]
mod tests;
