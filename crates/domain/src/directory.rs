//! The directory of help services of the region, the "sociale kaart" (issue 11 item 3): which
//! provider offers what help, for whom, in which gemeenten and languages, how to reach it and how
//! to refer to it. Functioneel beheerders keep it; an entry not reviewed for a year is flagged.
//!
//! The directory holds no personal data of clients, only the contact data of providers, so reading
//! it is not logged; every change records who made it ([`Change`]). An entry's id is what plans,
//! perpetrator help and outflow will refer to once the care stage (issue 9) exists.

mod codes;
mod input;
mod search;
#[cfg(test)]
mod tests;

pub use codes::{covers, help_kinds, ids, label, languages, target_groups};
pub use input::{ServiceInput, fields};
pub use search::{Query, SearchText, normalise, stem, terms, word_matches, words};

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use crate::codes::CodeList;
use crate::validate::required_text;
use crate::{Collector, FieldError, FieldErrors, msg};

/// The issue asks that stale entries be flagged; an entry not confirmed by a beheerder for more
/// than this many months is "verouderd". Twelve months is Schakel's choice \[NC\].
pub const STALE_AFTER_MONTHS: u8 = 12;

/// Stands for every gemeente of the region in a service's gemeenten ("hele regio"), as in the
/// region file's organisations.
pub const WHOLE_REGION: &str = "*";

const MAX_NAME: usize = 200;
const MAX_TEXT: usize = 4000;
const MAX_NOTE: usize = 2000;
const MAX_CONTACT: usize = 300;

/// How to reach a provider. Contact data of the provider, never of a client.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceContact {
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
}

/// One help service as the beheerder keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub name: String,
    pub provider: String,
    pub description: String,
    /// Codes of [`target_groups`].
    pub target_groups: Vec<String>,
    /// Codes of [`help_kinds`].
    pub help_kinds: Vec<String>,
    /// Names of the region's gemeenten, or [`WHOLE_REGION`] alone.
    pub gemeenten: Vec<String>,
    /// Codes of [`languages`].
    pub languages: Vec<String>,
    pub contact: ServiceContact,
    /// "Hoe verwijs je door": the route a professional takes to refer someone.
    pub referral: String,
    /// The provider agrees to be listed on the public page (name, provider, kinds of help,
    /// gemeenten, languages, phone and website only).
    pub public_listing: bool,
    /// For professionals and beheerders only; never on the public page.
    #[serde(default)]
    pub internal_note: String,
}

impl Service {
    /// Whether the service works in `gemeente`: named, or the whole region.
    pub fn serves(&self, gemeente: &str) -> bool {
        self.gemeenten
            .iter()
            .any(|g| g == gemeente || g == WHOLE_REGION)
    }

    /// The text full-text search looks in: name, provider, description, and the Dutch labels of
    /// its target groups, kinds of help and languages (so "trauma kind" finds a service coded
    /// for children with trauma treatment, whatever its description says).
    pub fn search_text(&self) -> SearchText {
        let labels: Vec<String> = self
            .target_groups
            .iter()
            .map(|c| label(target_groups(), c))
            .chain(self.help_kinds.iter().map(|c| label(help_kinds(), c)))
            .chain(self.languages.iter().map(|c| label(languages(), c)))
            .collect();
        SearchText::new(
            [
                self.name.as_str(),
                self.provider.as_str(),
                self.description.as_str(),
            ]
            .into_iter()
            .chain(labels.iter().map(String::as_str)),
        )
    }

    /// What differs from `before`, field by field (the form's field names), with the values as
    /// text: the change history shows who changed what.
    pub fn changes_from(&self, before: &Service) -> Vec<Change> {
        let mut out = Vec::new();
        let mut diff = |field: &'static str, old: String, new: String| {
            if old != new {
                out.push(Change {
                    field: field.to_string(),
                    before: old,
                    after: new,
                });
            }
        };
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        use fields::*;
        diff(NAME, before.name.clone(), self.name.clone());
        diff(PROVIDER, before.provider.clone(), self.provider.clone());
        diff(
            DESCRIPTION,
            before.description.clone(),
            self.description.clone(),
        );
        diff(
            TARGET_GROUPS,
            before.target_groups.join(", "),
            self.target_groups.join(", "),
        );
        diff(
            HELP_KINDS,
            before.help_kinds.join(", "),
            self.help_kinds.join(", "),
        );
        diff(
            GEMEENTEN,
            before.gemeenten.join(", "),
            self.gemeenten.join(", "),
        );
        diff(
            LANGUAGES,
            before.languages.join(", "),
            self.languages.join(", "),
        );
        diff(PHONE, opt(&before.contact.phone), opt(&self.contact.phone));
        diff(EMAIL, opt(&before.contact.email), opt(&self.contact.email));
        diff(
            WEBSITE,
            opt(&before.contact.website),
            opt(&self.contact.website),
        );
        diff(
            ADDRESS,
            opt(&before.contact.address),
            opt(&self.contact.address),
        );
        diff(REFERRAL, before.referral.clone(), self.referral.clone());
        diff(
            PUBLIC,
            before.public_listing.to_string(),
            self.public_listing.to_string(),
        );
        diff(
            NOTE,
            before.internal_note.clone(),
            self.internal_note.clone(),
        );
        out
    }
}

/// One changed field of a service, as the history keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// What happened to a service, as its history records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Created,
    Updated,
    /// A beheerder confirmed the entry is still right ("Gecontroleerd op ...").
    Reviewed,
    Archived,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 4] = [
        ChangeKind::Created,
        ChangeKind::Updated,
        ChangeKind::Reviewed,
        ChangeKind::Archived,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::Created => "created",
            ChangeKind::Updated => "updated",
            ChangeKind::Reviewed => "reviewed",
            ChangeKind::Archived => "archived",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> String {
        schakel_i18n::t(&format!("directory-change-{}", self.code()))
    }
}

/// The day an entry reviewed on `reviewed` becomes stale: [`STALE_AFTER_MONTHS`] months later
/// (the last day of a shorter month when the day does not exist there).
pub fn stale_from(reviewed: Date) -> Date {
    let months = i32::from(reviewed.month() as u8) - 1 + i32::from(STALE_AFTER_MONTHS);
    let year = reviewed.year() + months / 12;
    let month = Month::try_from((months % 12 + 1) as u8).unwrap_or(Month::December);
    let last = month.length(year);
    Date::from_calendar_date(year, month, reviewed.day().min(last)).unwrap_or(Date::MAX)
}

/// Whether an entry last reviewed on `reviewed` is stale on `today`: reviewed more than
/// [`STALE_AFTER_MONTHS`] months ago.
pub fn is_stale(reviewed: Date, today: Date) -> bool {
    today > stale_from(reviewed)
}

/// What a search asks: any of these left empty does not narrow the list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub gemeente: Option<String>,
    pub target_group: Option<String>,
    pub help_kind: Option<String>,
    pub language: Option<String>,
    pub text: Query,
}

impl Filter {
    /// The filter from what was asked, each value checked against its list (the region's
    /// `gemeenten` for the gemeente), naming the parameter that is wrong.
    pub fn parse(
        gemeente: &str,
        target_group: &str,
        help_kind: &str,
        language: &str,
        text: &str,
        gemeenten: &[String],
    ) -> Result<Self, FieldError> {
        let pick = |field: &str, v: &str, list: &CodeList| -> Result<Option<String>, FieldError> {
            let v = v.trim();
            if v.is_empty() {
                return Ok(None);
            }
            list.get(v).map(|c| Some(c.code.clone())).ok_or_else(|| {
                FieldError::new(
                    field,
                    crate::msg_args("error-directory-code-unknown", [("code", v.to_string())]),
                )
            })
        };
        let g = gemeente.trim();
        let gemeente = if g.is_empty() {
            None
        } else if gemeenten.iter().any(|k| k == g) {
            Some(g.to_string())
        } else {
            return Err(FieldError::new(
                "gemeente",
                crate::msg_args("error-directory-gemeente-unknown", [("g", g.to_string())]),
            ));
        };
        if text.chars().count() > MAX_NAME {
            return Err(FieldError::new(
                "q",
                crate::msg_args("error-text-too-long", [("max_chars", MAX_NAME.to_string())]),
            ));
        }
        Ok(Self {
            gemeente,
            target_group: pick("doelgroep", target_group, target_groups())?,
            help_kind: pick("soort", help_kind, help_kinds())?,
            language: pick("taal", language, languages())?,
            text: Query::new(text),
        })
    }

    /// Whether `service` is found by this filter.
    pub fn matches(&self, service: &Service) -> bool {
        self.gemeente.as_deref().is_none_or(|g| service.serves(g))
            && self.target_group.as_deref().is_none_or(|w| {
                service
                    .target_groups
                    .iter()
                    .any(|c| covers(target_groups(), w, c))
            })
            && self.help_kind.as_deref().is_none_or(|w| {
                service
                    .help_kinds
                    .iter()
                    .any(|c| covers(help_kinds(), w, c))
            })
            && self
                .language
                .as_deref()
                .is_none_or(|w| service.languages.iter().any(|c| c == w))
            && (self.text.is_empty() || service.search_text().matches(&self.text))
    }
}
