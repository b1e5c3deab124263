//! The message catalogue: every text a user reads comes from here by key, so the pages, the code
//! lists and the errors can be offered in the languages the region's residents read (DESIGN.md: Dutch
//! first; en, pl, ro, bg for the public pages, because of the region's labour migrants from Central
//! and Eastern Europe).
//!
//! The catalogue is Fluent (`locales/<lang>/*.ftl`, embedded at compile time). Dutch is complete by
//! test (`tests/keys.rs`: every key the code and the templates use exists in Dutch); another language
//! may lack a key, and then the Dutch text is shown, never the key.
//!
//! Conventions, checked by that test: code asks for a text with `t("key")` or
//! `t_args("key", &[...])`, templates with `{{ t("key") }}`; keys are `area-what` in lowercase.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

mod lang;
mod sources;

pub use lang::Lang;

/// One language's messages.
struct Bundle {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

/// All languages' messages, loaded once.
pub struct Catalogue {
    bundles: Vec<Bundle>,
    /// Parse or duplicate-key problems found while loading, as "file: problem" lines; a test demands
    /// none, and at run time a broken entry only falls back to Dutch.
    problems: Vec<String>,
}

impl Catalogue {
    fn load() -> Self {
        let mut bundles = Vec::new();
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
            // Isolation marks (U+2068/2069) around arguments are meant for mixed-direction text;
            // all five languages run left to right, and the marks would end up in HTML attributes.
            bundle.set_use_isolating(false);
            for (file, text) in sources::files(lang) {
                let resource = match FluentResource::try_new(text.to_string()) {
                    Ok(r) => r,
                    Err((partial, errors)) => {
                        for e in errors {
                            problems.push(format!("{}/{file}: {e:?}", lang.code()));
                        }
                        partial
                    }
                };
                if let Err(errors) = bundle.add_resource(resource) {
                    for e in errors {
                        problems.push(format!("{}/{file}: {e:?}", lang.code()));
                    }
                }
            }
            bundles.push(Bundle { lang, bundle });
        }
        Self { bundles, problems }
    }

    fn bundle(&self, lang: Lang) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|b| b.lang == lang)
            .map(|b| &b.bundle)
    }

    /// Whether `lang` has its own text for `key` (without falling back).
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang).is_some_and(|b| b.has_message(key))
    }

    /// The keys `lang` defines, in file order.
    pub fn keys(&self, lang: Lang) -> Vec<String> {
        sources::files(lang)
            .iter()
            .flat_map(|(_, text)| sources::message_ids(text))
            .collect()
    }

    /// Problems found while loading the catalogue (empty when every file is sound).
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// The text for `key` in `lang`, with `args` filled in; Dutch when `lang` lacks it; the key
    /// itself only when Dutch lacks it too (which the key test prevents).
    pub fn format(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        self.try_format(lang, key, args)
            .or_else(|| self.try_format(Lang::Nl, key, args))
            .unwrap_or_else(|| key.to_string())
    }

    fn try_format(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> Option<String> {
        let bundle = self.bundle(lang)?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        // A missing argument is a programming error; show the other language's complete text
        // rather than one with a hole in it.
        errors.is_empty().then(|| text.into_owned())
    }
}

/// The catalogue, loaded on first use.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(Catalogue::load)
}

/// The Dutch text for `key`.
pub fn t(key: &str) -> String {
    catalogue().format(Lang::Nl, key, &[])
}

/// The Dutch text for `key` with arguments.
pub fn t_args(key: &str, args: &[(&str, &str)]) -> String {
    catalogue().format(Lang::Nl, key, args)
}

/// The text for `key` in `lang`.
pub fn t_in(lang: Lang, key: &str) -> String {
    catalogue().format(lang, key, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_translation_falls_back_to_dutch_and_arguments_are_filled_in() {
        let c = catalogue();
        assert!(c.has(Lang::Nl, "vt-phone-line"));
        let nl = c.format(Lang::Nl, "vt-phone-line", &[("number", "0800-2000")]);
        assert!(nl.contains("0800-2000"), "{nl}");
        // A key only Dutch has: every other language shows the Dutch text.
        let only_dutch = c.keys(Lang::Nl).into_iter().find(|k| !c.has(Lang::Bg, k));
        if let Some(key) = only_dutch {
            assert_eq!(c.format(Lang::Bg, &key, &[]), c.format(Lang::Nl, &key, &[]));
        }
        assert_eq!(
            c.format(Lang::En, "no-such-key-anywhere", &[]),
            "no-such-key-anywhere"
        );
    }

    #[test]
    fn languages_differ_where_translated() {
        let c = catalogue();
        let nl = c.format(Lang::Nl, "nav-skip-to-content", &[]);
        let en = c.format(Lang::En, "nav-skip-to-content", &[]);
        assert_ne!(nl, en);
        assert_eq!(nl, "Naar de inhoud");
    }
}
