//! The catalogue is complete in Dutch: every key the code or a template asks for exists in
//! `locales/nl`, no other language defines a key Dutch lacks, and every file parses.

use std::path::{Path, PathBuf};

use schakel_i18n::{Lang, catalogue};

/// The calls that take a literal key as their first string argument.
const CALLS: [&str; 7] = [
    "msg(\"",
    "msg_args(\"",
    "t(\"",
    "t_args(\"",
    "t_arg(\"",
    "t_arg2(\"",
    "t_in(lang, \"",
];

/// The literal keys asked for in `text`.
fn keys_used(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in CALLS {
        for (at, _) in text.match_indices(call) {
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &text[at + call.len()..];
            if let Some(end) = rest.find('"') {
                keys.push(rest[..end].to_string());
            }
        }
    }
    keys
}

fn files_below(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path
                .file_name()
                .is_some_and(|n| n == "target" || n == "tests")
            {
                continue;
            }
            files_below(&path, out);
        } else if path
            .file_stem()
            .is_some_and(|s| s.to_string_lossy().ends_with("tests"))
        {
            // Unit-test modules have helpers of their own (a `t` for "type" in the code-list tests).
            continue;
        } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
            out.push(path);
        }
    }
}

fn workspace_sources() -> Vec<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let crates = here.parent().unwrap_or(here).to_path_buf();
    let mut files = Vec::new();
    files_below(&crates, &mut files);
    files
}

#[test]
fn every_key_used_in_code_or_templates_is_in_the_dutch_catalogue() {
    let catalogue = catalogue();
    let mut used = 0;
    let mut missing = Vec::new();
    for file in workspace_sources() {
        // This crate's own sources name keys in examples and tests.
        if file.starts_with(env!("CARGO_MANIFEST_DIR")) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for key in keys_used(&text) {
            used += 1;
            if !catalogue.has(Lang::Nl, &key) {
                missing.push(format!("{}: {key}", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys missing from locales/nl:\n{}",
        missing.join("\n")
    );
    // The scan must see the pages' frame; if it finds nothing, the convention changed.
    assert!(
        used >= 20,
        "only {used} keys found: is the scan still looking in the right places?"
    );
}

#[test]
fn the_scan_catches_a_key_that_is_not_in_the_catalogue() {
    let code =
        r#"let a = t("nav-start"); let b = t_args("no-such-key", &[]); let c = format_t("x");"#;
    let keys = keys_used(code);
    assert_eq!(
        keys,
        vec!["nav-start".to_string(), "no-such-key".to_string()]
    );
    assert!(catalogue().has(Lang::Nl, &keys[0]));
    assert!(!catalogue().has(Lang::Nl, &keys[1]));
}

#[test]
fn every_file_parses_and_no_language_has_a_key_dutch_lacks() {
    let catalogue = catalogue();
    assert!(
        catalogue.problems().is_empty(),
        "{:?}",
        catalogue.problems()
    );
    let dutch = catalogue.keys(Lang::Nl);
    assert!(!dutch.is_empty());
    for lang in Lang::ALL {
        for key in catalogue.keys(lang) {
            assert!(
                dutch.contains(&key),
                "{}: {key} is not in Dutch",
                lang.code()
            );
        }
    }
}

#[test]
fn english_covers_every_dutch_key() {
    // English is the interface's second language, so it is kept complete too.
    let catalogue = catalogue();
    let missing: Vec<String> = catalogue
        .keys(Lang::Nl)
        .into_iter()
        .filter(|k| !catalogue.has(Lang::En, k))
        .collect();
    assert!(missing.is_empty(), "missing in en: {missing:?}");
}
