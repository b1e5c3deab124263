//! The catalogue's files, embedded at compile time so the binary needs nothing beside it.

use crate::Lang;

/// Adds one `.ftl` file of every language; a language without that file yet gets none.
macro_rules! ftl {
    ($lang:literal, $file:literal) => {
        (
            $file,
            include_str!(concat!("../locales/", $lang, "/", $file)),
        )
    };
}

const NL: &[(&str, &str)] = &[
    ftl!("nl", "common.ftl"),
    ftl!("nl", "pages.ftl"),
    ftl!("nl", "domain.ftl"),
    ftl!("nl", "web.ftl"),
    ftl!("nl", "errors.ftl"),
    ftl!("nl", "vtrules.ftl"),
    ftl!("nl", "monitoring.ftl"),
    ftl!("nl", "worklist.ftl"),
    ftl!("nl", "hardening.ftl"),
    ftl!("nl", "accounts.ftl"),
    ftl!("nl", "sweep.ftl"),
    ftl!("nl", "programme.ftl"),
    ftl!("nl", "known.ftl"),
    ftl!("nl", "findings.ftl"),
    ftl!("nl", "look.ftl"),
    ftl!("nl", "forms.ftl"),
    ftl!("nl", "merge.ftl"),
    ftl!("nl", "meldcode.ftl"),
    ftl!("nl", "meldcode_pages.ftl"),
    ftl!("nl", "directory.ftl"),
    ftl!("nl", "public.ftl"),
];
const EN: &[(&str, &str)] = &[
    ftl!("en", "common.ftl"),
    ftl!("en", "pages.ftl"),
    ftl!("en", "domain.ftl"),
    ftl!("en", "web.ftl"),
    ftl!("en", "errors.ftl"),
    ftl!("en", "vtrules.ftl"),
    ftl!("en", "monitoring.ftl"),
    ftl!("en", "worklist.ftl"),
    ftl!("en", "hardening.ftl"),
    ftl!("en", "accounts.ftl"),
    ftl!("en", "sweep.ftl"),
    ftl!("en", "programme.ftl"),
    ftl!("en", "known.ftl"),
    ftl!("en", "findings.ftl"),
    ftl!("en", "look.ftl"),
    ftl!("en", "forms.ftl"),
    ftl!("en", "merge.ftl"),
    ftl!("en", "meldcode.ftl"),
    ftl!("en", "meldcode_pages.ftl"),
    ftl!("en", "directory.ftl"),
    ftl!("en", "public.ftl"),
];
const PL: &[(&str, &str)] = &[ftl!("pl", "common.ftl"), ftl!("pl", "public.ftl")];
const RO: &[(&str, &str)] = &[ftl!("ro", "common.ftl"), ftl!("ro", "public.ftl")];
const BG: &[(&str, &str)] = &[ftl!("bg", "common.ftl"), ftl!("bg", "public.ftl")];

/// The files of `lang` as (file name, text).
pub(crate) fn files(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Nl => NL,
        Lang::En => EN,
        Lang::Pl => PL,
        Lang::Ro => RO,
        Lang::Bg => BG,
    }
}

/// The message ids a Fluent file defines: lines that start with an identifier and ` =`. Terms
/// (`-name`), comments and continuation lines are skipped.
pub(crate) fn message_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let first = id.chars().next()?;
            (first.is_ascii_alphabetic()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .then(|| id.to_string())
        })
        .collect()
}
