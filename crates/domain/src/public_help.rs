//! What the public pages tell a citizen, bystander or employer who worries about someone (issue 11,
//! DESIGN.md "who uses it"): which number to call when, the situations the pages cover, and which
//! translations a native speaker has checked. The texts themselves live in the catalogue
//! (`locales/*/public.ftl`); the facts they rest on live here, with their sources.

use schakel_i18n::Lang;

/// The emergency number for danger now: police, ambulance, fire brigade (rijksoverheid.nl,
/// "Wanneer bel ik 112?": when life is in danger or a crime is happening right now).
pub const EMERGENCY_NUMBER: &str = "112";

/// Veilig Thuis's national number: free, day and night, advice may be asked anonymously
/// (veiligthuis.nl, "Bel Veilig Thuis: 0800-2000"; RULES.md 1.3 on advies and melding).
pub const VEILIG_THUIS_NUMBER: &str = "0800-2000";

/// Veilig Thuis's national website (veiligthuis.nl).
pub const VEILIG_THUIS_SITE: &str = "https://www.veiligthuis.nl/";

/// The police's number when there is no emergency (politie.nl, "0900-8844").
pub const POLICE_NUMBER: &str = "0900-8844";

/// De Kindertelefoon, where children themselves can talk, free and anonymous
/// (kindertelefoon.nl, "0800-0432").
pub const CHILD_HELPLINE_NUMBER: &str = "0800-0432";

/// Who to call for what a citizen sees. Acute danger (RULES.md 1.2: safety not guaranteed in the
/// coming hours, protection needed now) is 112's; worry and doubt are Veilig Thuis's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contact {
    Emergency,
    VeiligThuis,
}

/// 112 when someone is in danger now; otherwise Veilig Thuis, also when in doubt.
pub fn whom_to_call(danger_now: bool) -> Contact {
    if danger_now {
        Contact::Emergency
    } else {
        Contact::VeiligThuis
    }
}

/// The `tel:` address of a number as printed ("0800-2000" -> "tel:08002000").
pub fn tel_uri(number: &str) -> String {
    let digits: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

/// The person a citizen worries about (issue 11: neighbour, family member, colleague, employee,
/// child); each has its own page at `/hulp/{slug}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concern {
    Neighbour,
    FamilyMember,
    Colleague,
    Employee,
    Child,
}

impl Concern {
    pub const ALL: [Concern; 5] = [
        Concern::Neighbour,
        Concern::FamilyMember,
        Concern::Colleague,
        Concern::Employee,
        Concern::Child,
    ];

    /// The Dutch path segment of the situation's page.
    pub fn slug(self) -> &'static str {
        match self {
            Concern::Neighbour => "buur",
            Concern::FamilyMember => "familielid",
            Concern::Colleague => "collega",
            Concern::Employee => "werknemer",
            Concern::Child => "kind",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Concern> {
        Self::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// Whether the page points an employer to the meldcode and the employers' page.
    pub fn concerns_employer(self) -> bool {
        self == Concern::Employee
    }
}

/// Whether a native speaker has checked the public pages in `lang`. Issue 11: pages that are not
/// reviewed by a native speaker say so. Dutch is the source text; the others are not yet checked.
pub fn translation_reviewed(lang: Lang) -> bool {
    match lang {
        Lang::Nl => true,
        Lang::En | Lang::Pl | Lang::Ro | Lang::Bg => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danger_now_is_112_and_worry_is_veilig_thuis() {
        assert_eq!(whom_to_call(true), Contact::Emergency);
        assert_eq!(whom_to_call(false), Contact::VeiligThuis);
    }

    #[test]
    fn phone_links_keep_only_the_digits() {
        assert_eq!(tel_uri(VEILIG_THUIS_NUMBER), "tel:08002000");
        assert_eq!(tel_uri(EMERGENCY_NUMBER), "tel:112");
        assert_eq!(tel_uri(POLICE_NUMBER), "tel:09008844");
    }

    #[test]
    fn every_situation_has_its_own_slug_that_reads_back() {
        for concern in Concern::ALL {
            assert_eq!(Concern::from_slug(concern.slug()), Some(concern));
        }
        let mut slugs: Vec<&str> = Concern::ALL.iter().map(|c| c.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), Concern::ALL.len());
        assert_eq!(Concern::from_slug("Buur"), None);
        assert_eq!(Concern::from_slug(""), None);
    }

    #[test]
    fn only_dutch_is_reviewed_today() {
        assert!(translation_reviewed(Lang::Nl));
        for lang in [Lang::En, Lang::Pl, Lang::Ro, Lang::Bg] {
            assert!(!translation_reviewed(lang), "{}", lang.code());
        }
    }
}
