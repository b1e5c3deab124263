//! Code lists as versioned data (DESIGN.md principle 6): kinds of violence, reporter types,
//! follow-up tracks, specific groups, betrokkene roles and channels, with mappings between versions
//! (the region's 2018 registration to today's CBS categories, RULES.md 0 and 3).
//!
//! The lists here are the built-in defaults; the store may hold other versions with the same shape.

use crate::msg_args;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::FieldError;

mod other;
#[cfg(test)]
mod tests;
mod tracks;
mod violence;

pub use tracks::{DecisionCategory, decision_category};
pub use violence::{VictimProfile, VictimRelation, VictimRules, cbs_2019_kind_for_victim};

/// One code in a list. `code` is stable snake_case and never reused for another meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    pub code: String,
    pub label_nl: String,
    pub label_en: String,
    /// The code this one is a subdivision of in the same list (e.g. "gezondheidszorg" under
    /// "beroepsmatig"), so totals per group can be derived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// A versioned list of codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeList {
    /// What the list is about, e.g. `aard_geweld`; versions of one list share the id.
    pub id: String,
    /// Which version, e.g. `regio-2018` or `cbs-2019`.
    pub version: String,
    #[serde(with = "crate::calendar::iso_date")]
    pub valid_from: Date,
    pub entries: Vec<Code>,
}

impl CodeList {
    pub fn get(&self, code: &str) -> Option<&Code> {
        self.entries.iter().find(|c| c.code == code)
    }

    /// The code, or an error naming `field` when the list does not hold it.
    pub fn parse(&self, field: &str, code: &str) -> Result<&Code, FieldError> {
        self.get(code).ok_or_else(|| {
            FieldError::new(
                field,
                msg_args(
                    "error-code-unknown-in-list",
                    [
                        ("code", code.to_string()),
                        ("id", self.id.to_string()),
                        ("version", self.version.to_string()),
                    ],
                ),
            )
        })
    }

    /// The codes whose parent is `parent`.
    pub fn children<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a Code> + 'a {
        self.entries
            .iter()
            .filter(move |c| c.parent.as_deref() == Some(parent))
    }
}

/// Identifies one version of one list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ListRef {
    pub id: String,
    pub version: String,
}

/// How one source code translates into the target list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum MappingRule {
    /// Always this target code.
    Fixed { to: String },
    /// The source code names a form of violence while the target names who suffers it from whom,
    /// so the target follows from the victim (age, relation; see [`cbs_2019_kind_for_victim`]).
    /// `when_unknown` is used when nothing is known about the victim.
    ByVictim { when_unknown: String },
}

/// One line of a mapping, with the reason for the choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingEntry {
    pub from: String,
    pub rule: MappingRule,
    pub rationale: String,
}

/// A mapping from one list version to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub from: ListRef,
    pub to: ListRef,
    pub entries: Vec<MappingEntry>,
}

impl Mapping {
    pub fn entry(&self, from_code: &str) -> Option<&MappingEntry> {
        self.entries.iter().find(|e| e.from == from_code)
    }

    /// The target code for `from_code`, using the victim when the rule depends on it.
    pub fn target(
        &self,
        field: &str,
        from_code: &str,
        victim: Option<&VictimProfile>,
        rules: &VictimRules,
    ) -> Result<String, FieldError> {
        let entry = self.entry(from_code).ok_or_else(|| {
            FieldError::new(
                field,
                msg_args(
                    "error-code-not-in-translation",
                    [
                        ("from_code", from_code.to_string()),
                        ("from_id", self.from.id.to_string()),
                        ("from_version", self.from.version.to_string()),
                        ("to_version", self.to.version.to_string()),
                    ],
                ),
            )
        })?;
        Ok(match &entry.rule {
            MappingRule::Fixed { to } => to.clone(),
            MappingRule::ByVictim { when_unknown } => match victim {
                Some(v) => cbs_2019_kind_for_victim(v, rules)
                    .unwrap_or(when_unknown.as_str())
                    .to_string(),
                None => when_unknown.clone(),
            },
        })
    }
}

/// All built-in lists and mappings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registry {
    pub lists: Vec<CodeList>,
    pub mappings: Vec<Mapping>,
}

impl Registry {
    pub fn list(&self, id: &str, version: &str) -> Option<&CodeList> {
        self.lists
            .iter()
            .find(|l| l.id == id && l.version == version)
    }

    /// The list, or an error naming `field` (e.g. a configuration key) when it is missing.
    pub fn require(&self, field: &str, id: &str, version: &str) -> Result<&CodeList, FieldError> {
        self.list(id, version).ok_or_else(|| {
            FieldError::new(
                field,
                msg_args(
                    "error-code-list-unknown",
                    [("id", id.to_string()), ("version", version.to_string())],
                ),
            )
        })
    }

    pub fn mapping(&self, from: &ListRef, to: &ListRef) -> Option<&Mapping> {
        self.mappings
            .iter()
            .find(|m| &m.from == from && &m.to == to)
    }
}

/// List ids and versions of the built-in lists.
pub mod ids {
    pub const AARD_GEWELD: &str = "aard_geweld";
    pub const REGIO_2018: &str = "regio-2018";
    pub const CBS_2019: &str = "cbs-2019";
    pub const EXTRA_KENMERK: &str = "extra_kenmerk";
    pub const MELDER: &str = "melder";
    pub const VERVOLGTRAJECT: &str = "vervolgtraject";
    pub const PROTOCOL_2019: &str = "protocol-2019";
    pub const BESLUIT: &str = "besluit";
    pub const SPECIFIEKE_GROEP: &str = "specifieke_groep";
    pub const REGIOVISIE_2019: &str = "regiovisie-2019";
    pub const ROL_BETROKKENE: &str = "rol_betrokkene";
    pub const KANAAL: &str = "kanaal";
    pub const SCHAKEL_1: &str = "schakel-1";
}

/// The built-in registry, built once.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Registry {
        lists: vec![
            violence::regio_2018(),
            violence::cbs_2019(),
            violence::extra_flags_cbs_2019(),
            other::reporter_types(),
            tracks::follow_up_tracks(),
            tracks::cbs_decisions(),
            other::specific_groups(),
            other::betrokkene_roles(),
            other::channels(),
        ],
        mappings: vec![
            violence::regio_2018_to_cbs_2019(),
            tracks::tracks_to_decisions(),
        ],
    })
}

/// Builds a code with no parent; used by the list modules.
pub(crate) fn code(code: &str, label_nl: &str, label_en: &str) -> Code {
    Code {
        code: code.to_string(),
        label_nl: label_nl.to_string(),
        label_en: label_en.to_string(),
        parent: None,
    }
}

/// Builds a code under `parent`.
pub(crate) fn child(parent: &str, code_: &str, label_nl: &str, label_en: &str) -> Code {
    Code {
        parent: Some(parent.to_string()),
        ..code(code_, label_nl, label_en)
    }
}

pub(crate) fn list_ref(id: &str, version: &str) -> ListRef {
    ListRef {
        id: id.to_string(),
        version: version.to_string(),
    }
}

pub(crate) fn fixed(from: &str, to: &str, rationale: &str) -> MappingEntry {
    MappingEntry {
        from: from.to_string(),
        rule: MappingRule::Fixed { to: to.to_string() },
        rationale: rationale.to_string(),
    }
}

pub(crate) fn by_victim(from: &str, when_unknown: &str, rationale: &str) -> MappingEntry {
    MappingEntry {
        from: from.to_string(),
        rule: MappingRule::ByVictim {
            when_unknown: when_unknown.to_string(),
        },
        rationale: rationale.to_string(),
    }
}
