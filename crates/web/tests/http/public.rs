//! The public pages for citizens (issue 11): every page in every language, complete (no Dutch
//! fallback, no bare key), without a cookie, with the quick-exit link, links that keep the
//! language, and a clear answer for a language Schakel does not speak.

use schakel_domain::public_help::Concern;
use schakel_i18n::{Lang, catalogue};
use schakel_web::WebConfig;

use crate::harness::App;

/// Every public page's path.
fn public_paths() -> Vec<String> {
    let mut paths = vec![
        "/hulp".to_string(),
        "/hulp/112-of-veilig-thuis".to_string(),
        "/hulp/na-je-telefoontje".to_string(),
        "/hulp/werkgevers".to_string(),
    ];
    paths.extend(Concern::ALL.iter().map(|c| format!("/hulp/{}", c.slug())));
    paths
}

/// The keys of the public pages' catalogue, as Dutch defines them.
fn public_keys() -> Vec<String> {
    catalogue()
        .keys(Lang::Nl)
        .into_iter()
        .filter(|k| k.starts_with("public-"))
        .collect()
}

/// The text of an HTML body with askama's escapes undone, so catalogue texts can be searched in it.
fn unescaped(body: &str) -> String {
    body.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Whether `word` occurs in `text` on its own (not inside a longer identifier such as a class name).
fn contains_word(text: &str, word: &str) -> bool {
    let is_id = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(is_id) && !after.is_some_and(is_id)
    })
}

async fn get(app: &App, path: &str, accept_language: Option<&str>) -> reqwest::Response {
    let mut req = app.client().get(app.url(path));
    if let Some(al) = accept_language {
        req = req.header("accept-language", al);
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn every_public_page_is_complete_in_every_language_and_sets_no_cookie() {
    let app = App::start(WebConfig::default()).await;
    let catalogue = catalogue();
    let keys = public_keys();
    assert!(keys.len() > 50, "only {} public keys", keys.len());
    for lang in Lang::ALL {
        for path in public_paths() {
            let url = format!("{path}?taal={}", lang.code());
            let res = get(&app, &url, None).await;
            assert_eq!(res.status(), 200, "{url}");
            assert!(
                res.headers().get("set-cookie").is_none(),
                "{url} sets a cookie"
            );
            let body = unescaped(&res.text().await.unwrap());
            assert!(
                body.contains(&format!("<html lang=\"{}\">", lang.code())),
                "{url}: html lang"
            );
            // The quick-exit link, and the script that keeps it out of the history.
            assert!(body.contains("id=\"snel-weg\""), "{url}: quick-exit");
            assert!(body.contains("href=\"https://www.google.nl/\""), "{url}");
            assert!(
                body.contains("<script src=\"/static/snel-weg.js\""),
                "{url}"
            );
            // A page in another language shows no Dutch text that language should have its own of,
            // and no bare key.
            for key in &keys {
                assert!(!contains_word(&body, key), "{url}: bare key {key}");
                if lang == Lang::Nl {
                    continue;
                }
                let dutch = catalogue.format(Lang::Nl, key, &[]);
                if dutch.chars().count() < 12 || dutch == *key {
                    continue;
                }
                let own = catalogue.has(lang, key) && catalogue.format(lang, key, &[]) == dutch;
                assert!(
                    own || !body.contains(&dutch),
                    "{url}: Dutch fallback for {key}: {dutch}"
                );
            }
            // Every link to another public page keeps the language (the switch's links, which
            // change it, are checked below).
            let switch = body.find("<nav class=\"language-switch\"").unwrap();
            let switch_end = switch + body[switch..].find("</nav>").unwrap();
            let outside_switch = format!("{}{}", &body[..switch], &body[switch_end..]);
            for (at, _) in outside_switch.match_indices("href=\"/hulp") {
                let href = &outside_switch[at + 6..];
                let href = &href[..href.find('"').unwrap()];
                assert!(
                    href.ends_with(&format!("?taal={}", lang.code())),
                    "{url}: link {href} loses the language"
                );
            }
            // The notice that a native speaker has not checked the translation, in that language.
            let notice = catalogue.format(lang, "public-not-reviewed", &[]);
            assert_eq!(
                body.contains(&notice),
                lang != Lang::Nl,
                "{url}: not-reviewed notice"
            );
        }
    }
}

#[tokio::test]
async fn the_language_comes_from_taal_else_from_the_browser() {
    let app = App::start(WebConfig::default()).await;
    let lang_of = |body: &str| {
        let at = body.find("<html lang=\"").unwrap() + 12;
        body[at..at + 2].to_string()
    };
    let body = get(&app, "/hulp", Some("ro-RO,ro;q=0.9,en;q=0.5"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(lang_of(&body), "ro");
    assert!(body.contains(&catalogue().format(Lang::Ro, "public-start-title", &[])));
    let body = get(&app, "/hulp", Some("de-DE,de"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(lang_of(&body), "nl");
    // The visitor's choice wins over the browser's.
    let body = get(&app, "/hulp/kind?taal=bg", Some("pl"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(lang_of(&body), "bg");
    // The switch offers every language by its own name, the current one marked.
    for lang in Lang::ALL {
        assert!(body.contains(&format!(
            "href=\"/hulp/kind?taal={}\" lang=\"{}\" hreflang=\"{}\"",
            lang.code(),
            lang.code(),
            lang.code()
        )));
        assert!(body.contains(lang.own_name()));
    }
    assert!(body.contains("hreflang=\"bg\" aria-current=\"true\">Български"));
}

#[tokio::test]
async fn a_language_schakel_does_not_speak_is_refused_at_the_language_switch() {
    let app = App::start(WebConfig::default()).await;
    let res = get(&app, "/hulp/werkgevers?taal=xx", Some("en")).await;
    assert_eq!(res.status(), 400);
    assert!(res.headers().get("set-cookie").is_none());
    let body = unescaped(&res.text().await.unwrap());
    // In the browser's language, at the field, with the links to the languages there are.
    assert!(body.contains("<html lang=\"en\">"));
    assert!(
        body.contains(
            "<p class=\"field__error\" role=\"alert\" id=\"taal-fout\">We do not have the language \"xx\"."
        ),
        "{body}"
    );
    assert!(body.contains("href=\"/hulp/werkgevers?taal=pl\""));
    // A blank choice is no choice: the browser's language, no error.
    let res = get(&app, "/hulp?taal=", Some("pl")).await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn an_unknown_situation_is_not_found_and_no_public_page_needs_a_login() {
    let app = App::start(WebConfig::default()).await;
    assert_eq!(get(&app, "/hulp/onbekend", None).await.status(), 404);
    assert_eq!(get(&app, "/hulp/Kind", None).await.status(), 404);
    for path in public_paths() {
        let res = get(&app, &path, None).await;
        assert_eq!(res.status(), 200, "{path} without a session");
    }
    // The files the pages load are served here (the CSP allows no other origin, no inline script).
    let js = get(&app, "/static/snel-weg.js", None).await;
    assert_eq!(js.status(), 200);
    assert!(
        js.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(js.text().await.unwrap().contains("location.replace"));
    let css = get(&app, "/static/public.css", None).await;
    assert_eq!(css.status(), 200);
    let page = get(&app, "/hulp", None).await;
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let body = page.text().await.unwrap();
    assert!(!body.contains("<script>"), "inline script");
    assert!(!body.contains("src=\"http"), "external resource");
    assert!(!body.contains("href=\"http://"), "external resource");
}

#[tokio::test]
async fn the_login_page_points_citizens_to_the_public_pages() {
    let app = App::start(WebConfig::default()).await;
    let body = unescaped(&get(&app, "/login", None).await.text().await.unwrap());
    assert!(body.contains(&format!(
        "<a href=\"/hulp\">{}</a>",
        catalogue().format(Lang::Nl, "public-login-link", &[])
    )));
}
