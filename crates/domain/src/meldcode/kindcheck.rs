//! The kindcheck, part of step 1 of the meldcode and mandatory under the Act (RULES.md 1.4;
//! augeo.nl/nl-nl/kindcheck, meldcode.nu/kindcheck/, lkah.nl/kindcheck [C]).
//!
//! Flow (RULES.md 1.4): signals of parental problems in an adult or adolescent client? No: the
//! check ends. Does the client care for children or is she pregnant? No: the check ends. Otherwise
//! record the number and ages of the dependent children and whether care is shared.

use schakel_i18n::t;
use serde::{Deserialize, Serialize};

use crate::validate::required_text;
use crate::{FieldError, msg, msg_args};

/// The oldest age of a child the kindcheck counts: a minor (RULES.md 1.4: "minor children"),
/// so 0 to 17.
pub const MAX_CHILD_AGE: u8 = 17;
/// More dependent children than this is a typing error, not a family (Schakel's bound [NC]; no
/// source sets one).
pub const MAX_CHILDREN: usize = 20;
/// Longest answer to "who else cares".
pub const MAX_CO_CARER: usize = 200;

/// The kindcheck as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "uitkomst", rename_all = "snake_case")]
pub enum Kindcheck {
    /// No signals of problems in an adult or adolescent client that may harm minor children
    /// (psychiatric problems, addiction, a violent partner, intellectual disability): the check ends
    /// (RULES.md 1.4, "Flow", first question). Also where the client is the child itself.
    NoParentalProblems,
    /// The client cares for no children and is not pregnant: the check ends (RULES.md 1.4, "Flow",
    /// second question).
    NoChildren,
    /// The client cares for children and/or is pregnant: what RULES.md 1.4 "Record" asks.
    Children {
        #[serde(rename = "zwanger")]
        pregnant: bool,
        /// The age of each dependent child (0 to 17); their number is the length.
        #[serde(rename = "leeftijden")]
        ages: Vec<u8>,
        #[serde(rename = "gedeelde_zorg")]
        shared_care: SharedCare,
    },
}

/// Whether the care of the children is shared, and with whom (RULES.md 1.4: "whether care is
/// shared"; who else cares is what the brief of issue 11 asks with it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "gedeeld", rename_all = "snake_case")]
pub enum SharedCare {
    No,
    Yes {
        /// Who else cares, in the professional's words (a parent, a grandparent, a foster family).
        #[serde(rename = "met_wie")]
        with_whom: String,
    },
}

/// The kindcheck as a form sends it. Field names: `kindcheck.<name>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KindcheckInput {
    /// `ouderproblemen`: signals of problems in an adult or adolescent client that may harm children.
    pub parental_problems: bool,
    /// `zorgt_voor_kinderen`: the client cares for one or more minor children.
    pub cares_for_children: bool,
    /// `zwanger`.
    pub pregnant: bool,
    /// `aantal_kinderen`, as typed.
    pub number_of_children: String,
    /// `leeftijden[i]`, one per child, as typed.
    pub ages: Vec<String>,
    /// `gedeelde_zorg`.
    pub shared_care: bool,
    /// `met_wie`: who else cares.
    pub shared_with: String,
}

fn field(name: &str) -> String {
    format!("kindcheck.{name}")
}

/// `name` is filled in while an earlier answer ended the check, or made it not apply.
fn not_asked(name: &str) -> FieldError {
    FieldError::new(field(name), msg("error-meldcode-kindcheck-not-asked"))
}

impl KindcheckInput {
    /// Checks the answers in the order of the flow, naming the first field that is wrong.
    pub fn check(&self) -> Result<Kindcheck, FieldError> {
        let has_number = !self.number_of_children.trim().is_empty();
        let has_ages = self.ages.iter().any(|a| !a.trim().is_empty());
        let has_shared_with = !self.shared_with.trim().is_empty();
        if !self.parental_problems {
            // First question nee: the later answers do not come up.
            let later = [
                (self.cares_for_children, "zorgt_voor_kinderen"),
                (self.pregnant, "zwanger"),
                (has_number, "aantal_kinderen"),
                (has_ages, "leeftijden"),
                (self.shared_care, "gedeelde_zorg"),
                (has_shared_with, "met_wie"),
            ];
            return match later.iter().find(|(filled, _)| *filled) {
                Some((_, name)) => Err(not_asked(name)),
                None => Ok(Kindcheck::NoParentalProblems),
            };
        }
        if !self.cares_for_children {
            // Number, ages and shared care are about children in the client's care.
            let later = [
                (has_number, "aantal_kinderen"),
                (has_ages, "leeftijden"),
                (self.shared_care, "gedeelde_zorg"),
                (has_shared_with, "met_wie"),
            ];
            if let Some((_, name)) = later.iter().find(|(filled, _)| *filled) {
                return Err(not_asked(name));
            }
            return Ok(if self.pregnant {
                Kindcheck::Children {
                    pregnant: true,
                    ages: Vec::new(),
                    shared_care: SharedCare::No,
                }
            } else {
                Kindcheck::NoChildren
            });
        }
        let ages = self.children()?;
        let shared_care = if self.shared_care {
            SharedCare::Yes {
                with_whom: required_text(&field("met_wie"), &self.shared_with, MAX_CO_CARER)?,
            }
        } else if has_shared_with {
            return Err(not_asked("met_wie"));
        } else {
            SharedCare::No
        };
        Ok(Kindcheck::Children {
            pregnant: self.pregnant,
            ages,
            shared_care,
        })
    }

    /// The number of children and one age per child, 0 to 17.
    fn children(&self) -> Result<Vec<u8>, FieldError> {
        let number_field = field("aantal_kinderen");
        let typed = self.number_of_children.trim();
        if typed.is_empty() {
            return Err(FieldError::new(number_field, msg("error-required")));
        }
        let number: usize = typed
            .parse()
            .ok()
            .filter(|n| (1..=MAX_CHILDREN).contains(n))
            .ok_or_else(|| {
                FieldError::new(
                    number_field,
                    msg_args(
                        "error-meldcode-kindcheck-number",
                        [("max", MAX_CHILDREN.to_string())],
                    ),
                )
            })?;
        // A form shows one age field per child; empty trailing fields are not children.
        let mut typed_ages: Vec<&str> = self.ages.iter().map(|a| a.trim()).collect();
        while typed_ages.last().is_some_and(|a| a.is_empty()) {
            typed_ages.pop();
        }
        let mut ages = Vec::with_capacity(typed_ages.len());
        for (i, typed) in typed_ages.iter().enumerate() {
            let age_field = field(&format!("leeftijden[{i}]"));
            if typed.is_empty() {
                return Err(FieldError::new(age_field, msg("error-required")));
            }
            let age = typed
                .parse::<u8>()
                .ok()
                .filter(|a| *a <= MAX_CHILD_AGE)
                .ok_or_else(|| FieldError::new(age_field, msg("error-meldcode-kindcheck-age")))?;
            ages.push(age);
        }
        if ages.len() != number {
            return Err(FieldError::new(
                field("leeftijden"),
                msg_args(
                    "error-meldcode-kindcheck-count",
                    [
                        ("aantal", number.to_string()),
                        ("leeftijden", ages.len().to_string()),
                    ],
                ),
            ));
        }
        Ok(ages)
    }
}

impl Kindcheck {
    /// Whether the check found children to keep in sight: in care, or on the way.
    pub fn has_children(&self) -> bool {
        matches!(self, Kindcheck::Children { .. })
    }

    /// One line in Dutch: "2 kinderen (4, 7 jaar); zorg gedeeld met de vader" and the like.
    /// `anonymous` leaves out who else cares (an advies names nobody, RULES.md 1.3).
    pub fn summary(&self, anonymous: bool) -> String {
        match self {
            Kindcheck::NoParentalProblems => t("meldcode-kindcheck-no-parental-problems"),
            Kindcheck::NoChildren => t("meldcode-kindcheck-no-children"),
            Kindcheck::Children {
                pregnant,
                ages,
                shared_care,
            } => {
                let mut parts = Vec::new();
                if !ages.is_empty() {
                    let list: Vec<String> = ages.iter().map(ToString::to_string).collect();
                    let list = list.join(", ");
                    parts.push(if ages.len() == 1 {
                        schakel_i18n::t_args(
                            "meldcode-kindcheck-one-child",
                            &[("leeftijden", &list)],
                        )
                    } else {
                        schakel_i18n::t_args(
                            "meldcode-kindcheck-children",
                            &[("aantal", &ages.len().to_string()), ("leeftijden", &list)],
                        )
                    });
                }
                if *pregnant {
                    parts.push(t("meldcode-kindcheck-pregnant"));
                }
                match shared_care {
                    SharedCare::Yes { .. } if anonymous => {
                        parts.push(t("meldcode-kindcheck-shared-anonymous"));
                    }
                    SharedCare::Yes { with_whom } => parts.push(schakel_i18n::t_args(
                        "meldcode-kindcheck-shared",
                        &[("met_wie", with_whom)],
                    )),
                    SharedCare::No if !ages.is_empty() => {
                        parts.push(t("meldcode-kindcheck-not-shared"));
                    }
                    SharedCare::No => {}
                }
                parts.join("; ")
            }
        }
    }
}
