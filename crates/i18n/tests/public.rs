//! The public pages (issue 11) are complete in every language: `public.ftl` defines the same keys in
//! nl, en, pl, ro and bg, every text is the language's own (not a copy of the Dutch), and every
//! language has the notice that says a translation is not yet checked.

use std::collections::BTreeSet;
use std::path::Path;

use schakel_i18n::{Lang, catalogue};

/// The message ids of one language's `public.ftl`, read from the file itself.
fn public_keys(lang: Lang) -> BTreeSet<String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang.code())
        .join("public.ftl");
    // A missing file reads as no keys, which the comparison with Dutch reports.
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let (id, _) = line.split_once(" =")?;
            (id.starts_with("public-") && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                .then(|| id.to_string())
        })
        .collect()
}

#[test]
fn every_language_has_exactly_the_dutch_public_keys() {
    let dutch = public_keys(Lang::Nl);
    assert!(
        dutch.len() > 50,
        "only {} keys in nl/public.ftl",
        dutch.len()
    );
    for lang in Lang::ALL {
        let own = public_keys(lang);
        let missing: Vec<&String> = dutch.difference(&own).collect();
        let extra: Vec<&String> = own.difference(&dutch).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}/public.ftl: missing {missing:?}, not in Dutch {extra:?}",
            lang.code()
        );
        // The catalogue loaded them too (the file is registered and parses).
        for key in &own {
            assert!(
                catalogue().has(lang, key),
                "{}: {key} not loaded",
                lang.code()
            );
        }
    }
}

#[test]
fn every_public_text_is_translated_not_copied_from_dutch() {
    let catalogue = catalogue();
    for lang in [Lang::En, Lang::Pl, Lang::Ro, Lang::Bg] {
        for key in public_keys(Lang::Nl) {
            let args = [("code", "xx"), ("number", "0800-2000")];
            let dutch = catalogue.format(Lang::Nl, &key, &args);
            let own = catalogue.format(lang, &key, &args);
            assert_ne!(own, dutch, "{}: {key} is the Dutch text", lang.code());
        }
    }
}
