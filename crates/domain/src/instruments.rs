//! Risk assessment instruments as versioned records, without the copyrighted item texts
//! (RULES.md 9: "store assessments as versioned records: instrument + version + item scores +
//! overall judgement + assessor + timestamp. Do not embed copyrighted item texts.").
//!
//! An [`InstrumentSpec`] says how many items a version has, which scores and overall judgements
//! are allowed, and how items group into parts. The built-in specs are defaults; a region can load
//! others. Items are referred to by position only.

use crate::{msg, msg_args};
use schakel_i18n::t;
use serde::{Deserialize, Serialize};

use crate::FieldError;

/// The instruments RULES.md 9 names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstrumentKind {
    Rihg,
    CareNl,
    BSafer,
    Dash,
    TriageVt,
}

impl InstrumentKind {
    pub const ALL: [InstrumentKind; 5] = [
        InstrumentKind::Rihg,
        InstrumentKind::CareNl,
        InstrumentKind::BSafer,
        InstrumentKind::Dash,
        InstrumentKind::TriageVt,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InstrumentKind::Rihg => "rihg",
            InstrumentKind::CareNl => "care_nl",
            InstrumentKind::BSafer => "b_safer",
            InstrumentKind::Dash => "dash",
            InstrumentKind::TriageVt => "triage_vt",
        }
    }

    pub fn label(self) -> String {
        match self {
            InstrumentKind::Rihg => t("instrument-rihg"),
            InstrumentKind::CareNl => t("instrument-care-nl"),
            InstrumentKind::BSafer => t("instrument-b-safer"),
            InstrumentKind::Dash => t("instrument-dash"),
            InstrumentKind::TriageVt => t("instrument-triage-vt"),
        }
    }

    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|k| k.code() == value)
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    msg_args("error-instrument-unknown", [("value", value.to_string())]),
                )
            })
    }
}

/// The instruments, each in one version, a veiligheidsbeoordeling may be recorded with: RULES.md 9
/// names the Triage-instrument VT v0.6 as the instrument of the VT veiligheidsbeoordeling (and
/// RULES.md 2.1 its parts A, B and C). A form offers exactly these; nothing is typed (issue 7).
pub fn safety_assessment_instruments() -> Vec<(InstrumentKind, String)> {
    let kind = InstrumentKind::TriageVt;
    vec![(kind, InstrumentSpec::default_for(kind).version)]
}

/// How a form names one of [`safety_assessment_instruments`]: `code:version`, e.g. `triage_vt:0.6`.
pub fn instrument_choice(kind: InstrumentKind, version: &str) -> String {
    format!("{}:{version}", kind.code())
}

/// The instrument code and version a form chose, if it is one of the list; else names `field`.
pub fn parse_safety_instrument(field: &str, value: &str) -> Result<(String, String), FieldError> {
    safety_assessment_instruments()
        .into_iter()
        .find(|(kind, version)| instrument_choice(*kind, version) == value.trim())
        .map(|(kind, version)| (kind.code().to_string(), version))
        .ok_or_else(|| FieldError::new(field, msg("case-choose-from-list")))
}

/// A group of consecutive items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartSpec {
    pub code: String,
    pub label_nl: String,
    pub items: usize,
}

/// How one version of an instrument is scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentSpec {
    pub kind: InstrumentKind,
    pub version: String,
    /// Number of items (signals, factors, questions) per time frame.
    pub item_count: usize,
    /// Time frames each item is scored for (B-SAFER: past year and earlier); 1 for the others.
    /// Scores are stored frame after frame: items `0..item_count` for the first frame, and so on.
    pub time_frames: usize,
    pub allowed_scores: Vec<String>,
    pub allowed_judgements: Vec<String>,
    /// Consecutive parts; empty when the instrument has none. Sizes add up to `item_count`.
    pub parts: Vec<PartSpec>,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn part(code: &str, label: &str, items: usize) -> PartSpec {
    PartSpec {
        code: code.into(),
        label_nl: label.into(),
        items,
    }
}

/// RiHG part sizes. RULES.md 9 [P] confirms 20 signals in three parts (pleger; verloop incident;
/// gezinsachtergronden) but not how many signals each part holds. These sizes are a PLACEHOLDER
/// [NC]: check them against the RiHG form before relying on the "two red in one part" indication.
pub const RIHG_PART_SIZES_UNCONFIRMED: [usize; 3] = [8, 6, 6];

/// RULES.md 9 [C]: DASH 2009 "≥ 14 yes = high risk -> MARAC; 10-13 medium".
pub const DASH_HIGH_FROM: usize = 14;
pub const DASH_MEDIUM_FROM: usize = 10;

impl InstrumentSpec {
    /// The built-in spec of each instrument.
    pub fn default_for(kind: InstrumentKind) -> Self {
        match kind {
            // RULES.md 9: 20 signals in 3 parts, each red/blue/yellow [P].
            InstrumentKind::Rihg => Self {
                kind,
                version: "2008".into(),
                item_count: 20,
                time_frames: 1,
                allowed_scores: strings(&["rood", "blauw", "geel"]),
                allowed_judgements: strings(&["huisverbod", "geen_huisverbod"]),
                parts: vec![
                    part("pleger", "Pleger", RIHG_PART_SIZES_UNCONFIRMED[0]),
                    part(
                        "verloop_incident",
                        "Verloop van het incident",
                        RIHG_PART_SIZES_UNCONFIRMED[1],
                    ),
                    part(
                        "gezinsachtergronden",
                        "Gezinsachtergronden",
                        RIHG_PART_SIZES_UNCONFIRMED[2],
                    ),
                ],
            },
            // RULES.md 9 [C]: 18 factors scored J/?/N, overall laag/matig/hoog.
            InstrumentKind::CareNl => Self {
                kind,
                version: "2005".into(),
                item_count: 18,
                time_frames: 1,
                allowed_scores: strings(&["j", "?", "n"]),
                allowed_judgements: strings(&["laag", "matig", "hoog"]),
                parts: vec![
                    part("ouder", "Ouder", 8),
                    part("ouder_kind", "Ouder-kind", 3),
                    part("kind", "Kind", 1),
                    part("gezin", "Gezin", 5),
                    part("seksueel_misbruik", "Seksueel misbruik", 1),
                ],
            },
            // RULES.md 9 [C]: 10 factors (5 violence history, 5 psychosocial), scored for the past
            // year and for earlier. Scores J/?/N and laag/matig/hoog follow the SPJ family the
            // instrument belongs to; not in RULES.md [NC].
            InstrumentKind::BSafer => Self {
                kind,
                version: "NL-2007".into(),
                item_count: 10,
                time_frames: 2,
                allowed_scores: strings(&["j", "?", "n"]),
                allowed_judgements: strings(&["laag", "matig", "hoog"]),
                parts: vec![
                    part("partnergeweld", "Partnergeweld", 5),
                    part("psychosociaal", "Psychosociaal functioneren", 5),
                ],
            },
            // RULES.md 9 [C]: police DASH 2009, 27 questions. "onbekend" is the checklist's
            // "not known" column; only "ja" counts towards the risk level.
            InstrumentKind::Dash => Self {
                kind,
                version: "2009".into(),
                item_count: 27,
                time_frames: 1,
                allowed_scores: strings(&["ja", "nee", "onbekend"]),
                allowed_judgements: strings(&["standaard", "medium", "hoog"]),
                parts: Vec::new(),
            },
            // RULES.md 2.1 [C]: triage-instrument v0.6, parts A (acute), B (structural), C
            // (multi-problem), one judgement each; C may be skipped when B is positive.
            InstrumentKind::TriageVt => Self {
                kind,
                version: "0.6".into(),
                item_count: 3,
                time_frames: 1,
                allowed_scores: strings(&["ja", "nee", "niet_beoordeeld"]),
                allowed_judgements: Vec::new(),
                parts: vec![
                    part("a", "A: acute onveiligheid", 1),
                    part("b", "B: structurele ernstige onveiligheid", 1),
                    part("c", "C: schadelijke multiproblematische leefsituatie", 1),
                ],
            },
        }
    }

    fn expected_scores(&self) -> usize {
        self.item_count * self.time_frames
    }
}

/// One completed assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentRecord {
    pub kind: InstrumentKind,
    pub version: String,
    pub item_scores: Vec<String>,
    pub overall_judgement: Option<String>,
}

/// What the instrument itself indicates, where its source gives a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Indication {
    /// RULES.md 9: at least two red in one part -> a huisverbod in principle.
    RihgHuisverbodInBeginsel {
        parts: Vec<String>,
    },
    RihgGeenIndicatie,
    /// RULES.md 9: DASH count of "ja"; professional judgement may override.
    DashRisico {
        level: DashLevel,
        yes_count: usize,
    },
    /// RULES.md 2.1: the triage parts as found.
    Triage {
        acute_unsafety: bool,
        structural_unsafety: bool,
        multi_problem: Option<bool>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DashLevel {
    Standaard,
    Medium,
    Hoog,
}

impl InstrumentRecord {
    /// Checks the record against its spec, naming the field (`version`, `items`, `items[3]`,
    /// `overall_judgement`).
    pub fn validate(&self, spec: &InstrumentSpec) -> Result<(), FieldError> {
        if self.kind != spec.kind {
            return Err(FieldError::new(
                "kind",
                msg("error-instrument-version-mismatch"),
            ));
        }
        if self.version != spec.version {
            return Err(FieldError::new(
                "version",
                msg_args(
                    "error-instrument-unknown-version",
                    [
                        ("version", self.version.to_string()),
                        ("instrument", spec.kind.label().to_string()),
                    ],
                ),
            ));
        }
        if self.item_scores.len() != spec.expected_scores() {
            return Err(FieldError::new(
                "items",
                msg_args(
                    "error-instrument-score-count",
                    [
                        ("expected", spec.expected_scores().to_string()),
                        ("received", self.item_scores.len().to_string()),
                    ],
                ),
            ));
        }
        for (i, score) in self.item_scores.iter().enumerate() {
            if !spec.allowed_scores.contains(score) {
                return Err(FieldError::new(
                    format!("items[{i}]"),
                    msg_args(
                        "error-instrument-score-not-allowed",
                        [
                            ("score", score.to_string()),
                            ("allowed", spec.allowed_scores.join(", ")),
                        ],
                    ),
                ));
            }
        }
        if self.kind == InstrumentKind::TriageVt {
            // RULES.md 2.1: A and B are always judged; C may be skipped only when B is positive.
            for (i, s) in self.item_scores.iter().enumerate() {
                let skip_allowed =
                    i == 2 && self.item_scores.get(1).map(String::as_str) == Some("ja");
                if s == "niet_beoordeeld" && !skip_allowed {
                    return Err(FieldError::new(
                        format!("items[{i}]"),
                        msg("error-instrument-item-required"),
                    ));
                }
            }
        }
        match &self.overall_judgement {
            Some(j) if !spec.allowed_judgements.contains(j) => Err(FieldError::new(
                "overall_judgement",
                msg_args(
                    "error-instrument-judgement-not-allowed",
                    [("j", j.to_string())],
                ),
            )),
            _ => Ok(()),
        }
    }

    /// The indication the instrument's own rule gives, after validation. CARE-NL and B-SAFER are
    /// structured professional judgement without a scoring rule, so they give `None`: their
    /// overall judgement is the professional's.
    pub fn indicative_outcome(
        &self,
        spec: &InstrumentSpec,
    ) -> Result<Option<Indication>, FieldError> {
        self.validate(spec)?;
        let yes = |s: &String| s == "ja";
        Ok(match self.kind {
            InstrumentKind::Rihg => {
                let mut start = 0;
                let mut red_parts = Vec::new();
                for p in &spec.parts {
                    let end = (start + p.items).min(self.item_scores.len());
                    let reds = self.item_scores[start..end]
                        .iter()
                        .filter(|s| *s == "rood")
                        .count();
                    if reds >= 2 {
                        red_parts.push(p.code.clone());
                    }
                    start = end;
                }
                Some(if red_parts.is_empty() {
                    Indication::RihgGeenIndicatie
                } else {
                    Indication::RihgHuisverbodInBeginsel { parts: red_parts }
                })
            }
            InstrumentKind::Dash => {
                let yes_count = self.item_scores.iter().filter(|s| yes(s)).count();
                let level = if yes_count >= DASH_HIGH_FROM {
                    DashLevel::Hoog
                } else if yes_count >= DASH_MEDIUM_FROM {
                    DashLevel::Medium
                } else {
                    DashLevel::Standaard
                };
                Some(Indication::DashRisico { level, yes_count })
            }
            InstrumentKind::TriageVt => {
                let at = |i: usize| self.item_scores.get(i).map(String::as_str);
                Some(Indication::Triage {
                    acute_unsafety: at(0) == Some("ja"),
                    structural_unsafety: at(1) == Some("ja"),
                    multi_problem: match at(2) {
                        Some("ja") => Some(true),
                        Some("nee") => Some(false),
                        _ => None,
                    },
                })
            }
            InstrumentKind::CareNl | InstrumentKind::BSafer => None,
        })
    }
}

#[cfg(test)]
mod tests;
