//! The languages Schakel speaks.

use unic_langid::LanguageIdentifier;

/// A language of the catalogue. Dutch is the language of the chain's work; English is the second
/// language of the interface; Polish, Romanian and Bulgarian are for the public pages (the region's
/// labour migrants, regiovisie action line 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Nl,
    En,
    Pl,
    Ro,
    Bg,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::Nl, Lang::En, Lang::Pl, Lang::Ro, Lang::Bg];

    /// The BCP 47 code, also the folder under `locales/` and the HTML `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::Pl => "pl",
            Lang::Ro => "ro",
            Lang::Bg => "bg",
        }
    }

    /// The language's own name, for a language menu.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
            Lang::Pl => "Polski",
            Lang::Ro => "Română",
            Lang::Bg => "Български",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let primary = code.split(['-', '_']).next().unwrap_or("");
        Self::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first language of an `Accept-Language` header that Schakel speaks, by the header's
    /// weights; Dutch when none.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut offered: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut pieces = part.split(';');
                let lang = Lang::parse(pieces.next()?)?;
                let weight = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                (weight > 0.0).then_some((weight, i, lang))
            })
            .collect();
        offered.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        offered.first().map_or(Lang::Nl, |(_, _, l)| *l)
    }

    pub(crate) fn langid(self) -> LanguageIdentifier {
        LanguageIdentifier::from_bytes(self.code().as_bytes()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_heaviest_language_we_speak() {
        assert_eq!(
            Lang::from_accept_language("pl-PL,pl;q=0.9,en;q=0.8"),
            Lang::Pl
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,de;q=0.9,en;q=0.8"),
            Lang::En
        );
        assert_eq!(
            Lang::from_accept_language("fr, ro;q=0.3, bg;q=0.5"),
            Lang::Bg
        );
        assert_eq!(Lang::from_accept_language("de"), Lang::Nl);
        assert_eq!(Lang::from_accept_language("en;q=0, nl;q=0.1"), Lang::Nl);
        assert_eq!(Lang::from_accept_language(""), Lang::Nl);
    }
}
