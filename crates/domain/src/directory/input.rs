//! A service as a beheerder types it: every field checked at once against the code lists and the
//! region's gemeenten, each error naming its form field.

use super::*;

/// A service as typed in a form or sent to the API: text and lists of codes, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceInput {
    pub name: String,
    pub provider: String,
    pub description: String,
    pub target_groups: Vec<String>,
    pub help_kinds: Vec<String>,
    pub gemeenten: Vec<String>,
    pub languages: Vec<String>,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub address: String,
    pub referral: String,
    pub public_listing: bool,
    pub internal_note: String,
}

/// The form's field names, which every error names.
pub mod fields {
    pub const NAME: &str = "naam";
    pub const PROVIDER: &str = "aanbieder";
    pub const DESCRIPTION: &str = "omschrijving";
    pub const TARGET_GROUPS: &str = "doelgroepen";
    pub const HELP_KINDS: &str = "soorten_hulp";
    pub const GEMEENTEN: &str = "gemeenten";
    pub const LANGUAGES: &str = "talen";
    pub const PHONE: &str = "telefoon";
    pub const EMAIL: &str = "email";
    pub const WEBSITE: &str = "website";
    pub const ADDRESS: &str = "adres";
    pub const REFERRAL: &str = "verwijsroute";
    pub const PUBLIC: &str = "openbaar";
    pub const NOTE: &str = "notitie";

    /// Every field, in the form's order.
    pub const ALL: [&str; 14] = [
        NAME,
        PROVIDER,
        DESCRIPTION,
        TARGET_GROUPS,
        HELP_KINDS,
        GEMEENTEN,
        LANGUAGES,
        PHONE,
        EMAIL,
        WEBSITE,
        ADDRESS,
        REFERRAL,
        PUBLIC,
        NOTE,
    ];
}

fn optional_text(field: &str, value: &str, max: usize) -> Result<Option<String>, FieldError> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        required_text(field, value, max).map(Some)
    }
}

/// Codes from `list`: at least one, each known, each once.
fn codes_from(field: &str, values: &[String], list: &CodeList) -> Result<Vec<String>, FieldError> {
    let mut out: Vec<String> = Vec::new();
    for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        if list.get(v).is_none() {
            return Err(FieldError::new(
                field,
                crate::msg_args("error-directory-code-unknown", [("code", v.to_string())]),
            ));
        }
        if !out.iter().any(|o| o == v) {
            out.push(v.to_string());
        }
    }
    if out.is_empty() {
        return Err(FieldError::new(field, msg("error-directory-choose-one")));
    }
    Ok(out)
}

/// A phone number as people write it: digits with spaces, hyphens, brackets and a leading +; ten
/// to fifteen digits (a Dutch number has ten; E.164 allows fifteen).
pub(super) fn phone(field: &str, value: &str) -> Result<Option<String>, FieldError> {
    let Some(v) = optional_text(field, value, 40)? else {
        return Ok(None);
    };
    let allowed = v
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " -()".contains(c) || (c == '+' && i == 0));
    let digits = v.chars().filter(char::is_ascii_digit).count();
    if !allowed || !(10..=15).contains(&digits) {
        return Err(FieldError::new(field, msg("error-directory-phone")));
    }
    Ok(Some(v))
}

pub(super) fn email(field: &str, value: &str) -> Result<Option<String>, FieldError> {
    let Some(v) = optional_text(field, value, MAX_CONTACT)? else {
        return Ok(None);
    };
    let ok = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !v.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
                && !domain.contains('@')
        }
        None => false,
    };
    if !ok {
        return Err(FieldError::new(field, msg("error-directory-email")));
    }
    Ok(Some(v))
}

/// A web address: http(s), a host with a dot, no spaces. Only these schemes are ever made a link.
pub(super) fn website(field: &str, value: &str) -> Result<Option<String>, FieldError> {
    let Some(v) = optional_text(field, value, MAX_CONTACT)? else {
        return Ok(None);
    };
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"));
    let ok = rest.is_some_and(|r| {
        let host = r.split('/').next().unwrap_or_default();
        host.contains('.')
            && !host.starts_with('.')
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-.:".contains(c))
    }) && !v.chars().any(|c| c.is_whitespace() || "<>\"'".contains(c));
    if !ok {
        return Err(FieldError::new(field, msg("error-directory-website")));
    }
    Ok(Some(v))
}

impl ServiceInput {
    /// Checks every field at once against the code lists and the region's `gemeenten`, naming
    /// each wrong field.
    pub fn check(&self, gemeenten: &[String]) -> Result<Service, FieldErrors> {
        use fields::*;
        let mut c = Collector::new();
        let name = c.check(required_text(NAME, &self.name, MAX_NAME));
        let provider = c.check(required_text(PROVIDER, &self.provider, MAX_NAME));
        let description = c.check(required_text(DESCRIPTION, &self.description, MAX_TEXT));
        let target_groups = c.check(codes_from(
            TARGET_GROUPS,
            &self.target_groups,
            target_groups(),
        ));
        let help_kinds = c.check(codes_from(HELP_KINDS, &self.help_kinds, help_kinds()));
        let places = c.check(check_gemeenten(&self.gemeenten, gemeenten));
        let languages = c.check(codes_from(LANGUAGES, &self.languages, languages()));
        let phone = c.check(phone(PHONE, &self.phone));
        let email = c.check(email(EMAIL, &self.email));
        let website = c.check(website(WEBSITE, &self.website));
        let address = c.check(optional_text(ADDRESS, &self.address, MAX_CONTACT));
        let referral = c.check(required_text(REFERRAL, &self.referral, MAX_TEXT));
        let internal_note = c.check(optional_text(NOTE, &self.internal_note, MAX_NOTE));
        let contact = ServiceContact {
            phone: phone.flatten(),
            email: email.flatten(),
            website: website.flatten(),
            address: address.flatten(),
        };
        // A professional must be able to reach the provider somehow.
        if !c.has(PHONE)
            && !c.has(EMAIL)
            && !c.has(WEBSITE)
            && contact.phone.is_none()
            && contact.email.is_none()
            && contact.website.is_none()
        {
            c.push(FieldError::new(
                PHONE,
                msg("error-directory-contact-needed"),
            ));
        }
        // The public page shows only phone and website: a public entry needs one of them.
        if self.public_listing
            && !c.has(PHONE)
            && !c.has(WEBSITE)
            && contact.phone.is_none()
            && contact.website.is_none()
        {
            c.push(FieldError::new(
                PUBLIC,
                msg("error-directory-public-contact"),
            ));
        }
        let service = Service {
            name: name.unwrap_or_default(),
            provider: provider.unwrap_or_default(),
            description: description.unwrap_or_default(),
            target_groups: target_groups.unwrap_or_default(),
            help_kinds: help_kinds.unwrap_or_default(),
            gemeenten: places.unwrap_or_default(),
            languages: languages.unwrap_or_default(),
            contact,
            referral: referral.unwrap_or_default(),
            public_listing: self.public_listing,
            internal_note: internal_note.flatten().unwrap_or_default(),
        };
        c.finish(service)
    }

    /// The form's values for an existing service (to edit it).
    pub fn from_service(s: &Service) -> Self {
        Self {
            name: s.name.clone(),
            provider: s.provider.clone(),
            description: s.description.clone(),
            target_groups: s.target_groups.clone(),
            help_kinds: s.help_kinds.clone(),
            gemeenten: s.gemeenten.clone(),
            languages: s.languages.clone(),
            phone: s.contact.phone.clone().unwrap_or_default(),
            email: s.contact.email.clone().unwrap_or_default(),
            website: s.contact.website.clone().unwrap_or_default(),
            address: s.contact.address.clone().unwrap_or_default(),
            referral: s.referral.clone(),
            public_listing: s.public_listing,
            internal_note: s.internal_note.clone(),
        }
    }
}

/// The region's gemeenten a service names: [`WHOLE_REGION`] alone, or known gemeenten, each once,
/// in the region's order.
fn check_gemeenten(values: &[String], known: &[String]) -> Result<Vec<String>, FieldError> {
    let field = fields::GEMEENTEN;
    let chosen: Vec<&str> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    if chosen.contains(&WHOLE_REGION) {
        return Ok(vec![WHOLE_REGION.to_string()]);
    }
    if let Some(unknown) = chosen.iter().find(|g| !known.iter().any(|k| k == *g)) {
        return Err(FieldError::new(
            field,
            crate::msg_args(
                "error-directory-gemeente-unknown",
                [("g", unknown.to_string())],
            ),
        ));
    }
    let out: Vec<String> = known
        .iter()
        .filter(|k| chosen.contains(&k.as_str()))
        .cloned()
        .collect();
    if out.is_empty() {
        return Err(FieldError::new(field, msg("error-directory-choose-one")));
    }
    Ok(out)
}
