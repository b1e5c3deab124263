//! Configuration: flags beat `SCHAKEL_*` environment variables, which beat the optional TOML file
//! (`--config FILE` / `SCHAKEL_CONFIG`), which beats the defaults. Every value is checked here and a
//! wrong one is refused naming the setting and where it came from.
//!
//! Secrets (a password in the database URL) never reach a log or a `Debug` print: [`Config`] has a
//! manual `Debug` that masks them, and [`Config::secrets`] lets the error path scrub them.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::cli::GlobalArgs;
use crate::error::{CliError, CliResult};

pub const DEFAULT_DATA_DIR: &str = "./schakel-data";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_SESSION_IDLE_MINUTES: i64 = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// The resolved settings.
#[derive(Clone, PartialEq, Eq)]
pub struct Config {
    pub data_dir: PathBuf,
    /// `postgres://...` or `sqlite:...`; when set it overrides `data_dir`.
    pub database_url: Option<String>,
    pub listen: SocketAddr,
    pub secure_cookies: bool,
    /// The reverse proxies whose X-Forwarded-For is believed (addresses or networks).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    pub session_idle_minutes: i64,
    pub log_format: LogFormat,
    /// A region file to use instead of the built-in one.
    pub region: Option<PathBuf>,
    /// The server key (`SCHAKEL_SERVER_KEY` or `server_key` in the file; never a flag, so it does
    /// not show in the process list). Without it the public demo key is used, with a warning.
    pub server_key: Option<String>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field(
                "database_url",
                &self.database_url.as_deref().map(mask_database_url),
            )
            .field("listen", &self.listen)
            .field("secure_cookies", &self.secure_cookies)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("session_idle_minutes", &self.session_idle_minutes)
            .field("log_format", &self.log_format)
            .field("region", &self.region)
            .field("server_key", &self.server_key.as_ref().map(|_| "***"))
            .finish()
    }
}

/// The configuration file. Unknown keys are refused so a typo does not silently fall back.
/// Relative paths in it are taken relative to the file's own folder.
#[derive(Deserialize, Default, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub listen: Option<String>,
    pub secure_cookies: Option<bool>,
    pub trusted_proxies: Option<Vec<String>>,
    pub session_idle_minutes: Option<i64>,
    pub log_format: Option<String>,
    pub region: Option<PathBuf>,
    pub server_key: Option<String>,
}

impl std::fmt::Debug for FileConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileConfig")
            .field("data_dir", &self.data_dir)
            .field(
                "database_url",
                &self.database_url.as_deref().map(mask_database_url),
            )
            .field("listen", &self.listen)
            .finish_non_exhaustive()
    }
}

impl FileConfig {
    pub fn load(path: &Path) -> CliResult<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            CliError::input("config", format!("{} niet te lezen: {e}", path.display()))
        })?;
        let mut file: FileConfig = toml::from_str(&text).map_err(|e| {
            let line = e.span().map(|s| line_of(&text, s.start));
            let at = line.map(|l| format!(", regel {l}")).unwrap_or_default();
            CliError::input(
                "config",
                format!("{}{at}: {}", path.display(), e.message().trim()),
            )
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        file.data_dir = file.data_dir.map(|p| base.join(p));
        file.region = file.region.map(|p| base.join(p));
        Ok(file)
    }
}

/// 1-based line number of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Where a value came from, for error messages.
#[derive(Clone, Copy)]
enum Source {
    Flag,
    Env(&'static str),
    File,
}

impl Source {
    fn describe(self) -> String {
        match self {
            Source::Flag => "vlag".to_string(),
            Source::Env(name) => name.to_string(),
            Source::File => "configuratiebestand".to_string(),
        }
    }
}

/// Picks flag, then environment, then file; `None` when none is set.
fn layer(
    flag: Option<String>,
    env: &dyn Fn(&str) -> Option<String>,
    env_name: &'static str,
    file: Option<String>,
) -> Option<(String, Source)> {
    flag.map(|v| (v, Source::Flag))
        .or_else(|| env(env_name).map(|v| (v, Source::Env(env_name))))
        .or_else(|| file.map(|v| (v, Source::File)))
}

fn parse_bool(field: &str, value: &str, source: Source) -> CliResult<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "ja" | "yes" | "on" => Ok(true),
        "0" | "false" | "nee" | "no" | "off" => Ok(false),
        _ => Err(CliError::input(
            field,
            format!(
                "'{value}' is geen ja/nee-waarde (gebruik true of false; uit {})",
                source.describe()
            ),
        )),
    }
}

/// A comma-separated list of IP addresses (`10.0.0.1`) and networks (`10.1.0.0/16`).
fn parse_networks(field: &str, value: &str, source: Source) -> CliResult<Vec<ipnet::IpNet>> {
    value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.parse::<ipnet::IpNet>()
                .or_else(|_| v.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| {
                    CliError::input(
                        field,
                        format!(
                            "'{v}' is geen IP-adres of netwerk zoals 10.0.0.1 of 10.1.0.0/16 (uit {})",
                            source.describe()
                        ),
                    )
                })
        })
        .collect()
}

impl Config {
    /// Resolves the settings from the flags, the environment (`env` looks a name up; empty values
    /// count as unset) and the configuration file named by `--config` or `SCHAKEL_CONFIG`.
    pub fn resolve(flags: &GlobalArgs, env: &dyn Fn(&str) -> Option<String>) -> CliResult<Self> {
        let config_path = flags
            .config
            .clone()
            .or_else(|| env("SCHAKEL_CONFIG").map(PathBuf::from));
        let file = match config_path {
            Some(path) => FileConfig::load(&path)?,
            None => FileConfig::default(),
        };
        Self::resolve_with(flags, env, file)
    }

    /// [`Config::resolve`] with the file already read; the precedence rules live here.
    pub fn resolve_with(
        flags: &GlobalArgs,
        env: &dyn Fn(&str) -> Option<String>,
        file: FileConfig,
    ) -> CliResult<Self> {
        let path_to_string = |p: Option<PathBuf>| p.map(|p| p.to_string_lossy().into_owned());

        let data_dir = layer(
            path_to_string(flags.data_dir.clone()),
            env,
            "SCHAKEL_DATA_DIR",
            path_to_string(file.data_dir),
        )
        .map_or_else(
            || PathBuf::from(DEFAULT_DATA_DIR),
            |(v, _)| PathBuf::from(v),
        );

        let database_url = layer(
            flags.database_url.clone(),
            env,
            "SCHAKEL_DATABASE_URL",
            file.database_url,
        );
        let database_url = match database_url {
            Some((url, source)) => {
                let ok = url.starts_with("sqlite:")
                    || url.starts_with("postgres://")
                    || url.starts_with("postgresql://");
                if !ok {
                    // The value itself is not repeated: it may hold a password.
                    return Err(CliError::input(
                        "database-url",
                        format!(
                            "moet beginnen met postgres:// of sqlite: (uit {})",
                            source.describe()
                        ),
                    ));
                }
                Some(url)
            }
            None => None,
        };

        let listen = match layer(flags.listen.clone(), env, "SCHAKEL_LISTEN", file.listen) {
            Some((v, source)) => v.trim().parse::<SocketAddr>().map_err(|_| {
                CliError::input(
                    "listen",
                    format!(
                        "'{v}' is geen adres:poort zoals 127.0.0.1:8080 (uit {})",
                        source.describe()
                    ),
                )
            })?,
            None => DEFAULT_LISTEN
                .parse()
                .map_err(|_| CliError::failure("standaardadres ongeldig"))?,
        };

        let secure_cookies = match layer(
            flags.secure_cookies.clone(),
            env,
            "SCHAKEL_SECURE_COOKIES",
            file.secure_cookies.map(|b| b.to_string()),
        ) {
            Some((v, source)) => parse_bool("secure-cookies", &v, source)?,
            None => false,
        };

        let trusted_proxies = match layer(
            flags.trusted_proxies.clone(),
            env,
            "SCHAKEL_TRUSTED_PROXIES",
            file.trusted_proxies.map(|l| l.join(",")),
        ) {
            Some((v, source)) => parse_networks("trusted-proxies", &v, source)?,
            None => Vec::new(),
        };

        let session_idle_minutes = match layer(
            flags.session_idle_minutes.clone(),
            env,
            "SCHAKEL_SESSION_IDLE_MINUTES",
            file.session_idle_minutes.map(|m| m.to_string()),
        ) {
            Some((v, source)) => match v.trim().parse::<i64>() {
                Ok(m) if (1..=24 * 60).contains(&m) => m,
                _ => {
                    return Err(CliError::input(
                        "session-idle-minutes",
                        format!(
                            "'{v}' is geen aantal minuten van 1 tot 1440 (uit {})",
                            source.describe()
                        ),
                    ));
                }
            },
            None => DEFAULT_SESSION_IDLE_MINUTES,
        };

        let log_format = match layer(
            flags.log_format.clone(),
            env,
            "SCHAKEL_LOG_FORMAT",
            file.log_format,
        ) {
            Some((v, source)) => match v.trim().to_ascii_lowercase().as_str() {
                "text" => LogFormat::Text,
                "json" => LogFormat::Json,
                _ => {
                    return Err(CliError::input(
                        "log-format",
                        format!("'{v}' is geen text of json (uit {})", source.describe()),
                    ));
                }
            },
            None => LogFormat::Text,
        };

        let region = layer(
            path_to_string(flags.region.clone()),
            env,
            "SCHAKEL_REGION",
            path_to_string(file.region),
        )
        .map(|(v, _)| PathBuf::from(v));

        let server_key = match layer(None, env, "SCHAKEL_SERVER_KEY", file.server_key) {
            Some((v, source)) => {
                // The value itself is never repeated.
                schakel_web::server_key::ServerKey::from_text(&v).map_err(|why| {
                    CliError::input("server-key", format!("{why} (uit {})", source.describe()))
                })?;
                Some(v.trim().to_string())
            }
            None => None,
        };

        Ok(Config {
            data_dir,
            database_url,
            listen,
            secure_cookies,
            trusted_proxies,
            session_idle_minutes,
            log_format,
            region,
            server_key,
        })
    }

    /// Values that must never be printed: the password in the database URL, raw and decoded.
    pub fn secrets(&self) -> Vec<String> {
        let mut out: Vec<String> = self.server_key.iter().cloned().collect();
        let Some(url) = &self.database_url else {
            return out;
        };
        if let Some(p) = url_password(url) {
            out.push(percent_decode(&p));
            out.push(p);
        }
        for key in ["password=", "sslpassword="] {
            if let Some(start) = url.find(key) {
                let value: String = url[start + key.len()..]
                    .chars()
                    .take_while(|c| *c != '&' && *c != '#')
                    .collect();
                out.push(percent_decode(&value));
                out.push(value);
            }
        }
        out.retain(|s| !s.is_empty());
        out
    }

    /// The web layer's settings, with the region's rules as loaded from the region file.
    pub fn web_config(
        &self,
        demo_mode: bool,
        rules: std::sync::Arc<schakel_domain::rules::RegionRules>,
    ) -> schakel_web::WebConfig {
        let server_key = match &self.server_key {
            Some(k) => schakel_web::server_key::ServerKey::from_text(k)
                .unwrap_or_else(|_| schakel_web::server_key::ServerKey::demo()),
            None => {
                if !demo_mode {
                    tracing::warn!(
                        "SCHAKEL_SERVER_KEY is niet gezet: de openbare DEMOSLEUTEL versleutelt de \
                         TOTP-geheimen; dat beschermt niets. Zet een eigen sleutel \
                         (openssl rand -base64 32) voor echte gegevens."
                    );
                }
                schakel_web::server_key::ServerKey::demo()
            }
        };
        schakel_web::WebConfig {
            demo_mode,
            rules,
            server_key,
            secure_cookies: self.secure_cookies,
            trusted_proxies: self.trusted_proxies.clone(),
            session_idle: time::Duration::minutes(self.session_idle_minutes),
            ..schakel_web::WebConfig::default()
        }
    }
}

/// The byte range of the password in `scheme://user:password@host/...`, if there is one.
fn password_range(url: &str) -> Option<(usize, usize)> {
    let start = url.find("://")? + 3;
    // The userinfo ends at the last '@' before the query; a database name rarely holds '@'.
    let end_of_authority = url[start..].find('?').map_or(url.len(), |i| start + i);
    let at = start + url[start..end_of_authority].rfind('@')?;
    let colon = start + url[start..at].find(':')?;
    Some((colon + 1, at))
}

fn url_password(url: &str) -> Option<String> {
    password_range(url).map(|(a, b)| url[a..b].to_string())
}

fn percent_decode(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 3 <= bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The URL with any password (in the userinfo or a `password=` parameter) replaced by `****`.
pub fn mask_database_url(url: &str) -> String {
    let mut masked = match password_range(url) {
        Some((a, b)) => format!("{}****{}", &url[..a], &url[b..]),
        None => url.to_string(),
    };
    for key in ["sslpassword=", "password="] {
        let mut from = 0;
        while let Some(pos) = masked[from..].find(key) {
            let value_start = from + pos + key.len();
            let value_end = masked[value_start..]
                .find(['&', '#'])
                .map_or(masked.len(), |i| value_start + i);
            masked.replace_range(value_start..value_end, "****");
            from = value_start + 4;
        }
    }
    masked
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn defaults_apply_when_nothing_is_set() {
        let c =
            Config::resolve_with(&GlobalArgs::default(), &no_env, FileConfig::default()).unwrap();
        assert_eq!(c.data_dir, PathBuf::from(DEFAULT_DATA_DIR));
        assert_eq!(c.listen.to_string(), DEFAULT_LISTEN);
        assert_eq!(c.database_url, None);
        assert!(!c.secure_cookies);
        assert!(c.trusted_proxies.is_empty());
        assert_eq!(c.session_idle_minutes, 30);
        assert_eq!(c.log_format, LogFormat::Text);
        assert_eq!(c.region, None);
    }

    /// Issue 8 finding 8: the server key comes from the environment or the file, is checked, never
    /// printed, and reaches the web layer; without one the web layer gets the public demo key.
    #[test]
    fn the_server_key_is_read_checked_and_masked() {
        let key = "een-eigen-serversleutel-van-ruim-32-tekens";
        let pairs = [("SCHAKEL_SERVER_KEY", key)];
        let env = env_of(&pairs);
        let c = Config::resolve_with(&GlobalArgs::default(), &env, FileConfig::default()).unwrap();
        assert_eq!(c.server_key.as_deref(), Some(key));
        assert!(!format!("{c:?}").contains(key));
        assert!(c.secrets().contains(&key.to_string()));
        let web = c.web_config(false, Default::default());
        assert!(!web.server_key.is_demo());
        let none =
            Config::resolve_with(&GlobalArgs::default(), &|_| None, FileConfig::default()).unwrap();
        assert!(
            none.web_config(true, Default::default())
                .server_key
                .is_demo()
        );
        let file = FileConfig {
            server_key: Some("kort".into()),
            ..FileConfig::default()
        };
        let err = Config::resolve_with(&GlobalArgs::default(), &|_| None, file).unwrap_err();
        assert!(err.to_string().starts_with("server-key: "), "{err}");
        assert!(!err.to_string().contains("kort"), "{err}");
    }

    #[test]
    fn flag_beats_env_beats_file() {
        let file = FileConfig {
            data_dir: Some("/file/data".into()),
            listen: Some("127.0.0.1:1111".into()),
            session_idle_minutes: Some(11),
            log_format: Some("json".into()),
            secure_cookies: Some(true),
            ..FileConfig::default()
        };
        let env = env_of(&[
            ("SCHAKEL_DATA_DIR", "/env/data"),
            ("SCHAKEL_LISTEN", "127.0.0.1:2222"),
            ("SCHAKEL_SESSION_IDLE_MINUTES", "22"),
            ("SCHAKEL_SECURE_COOKIES", "false"),
        ]);
        let flags = GlobalArgs {
            listen: Some("127.0.0.1:3333".into()),
            ..GlobalArgs::default()
        };
        let c = Config::resolve_with(&flags, &env, file.clone()).unwrap();
        // flag beats env and file
        assert_eq!(c.listen.port(), 3333);
        // env beats file
        assert_eq!(c.data_dir, PathBuf::from("/env/data"));
        assert_eq!(c.session_idle_minutes, 22);
        assert!(!c.secure_cookies);
        // file beats default
        assert_eq!(c.log_format, LogFormat::Json);

        // Without the env, the file wins over the defaults.
        let c = Config::resolve_with(&GlobalArgs::default(), &no_env, file).unwrap();
        assert_eq!(c.data_dir, PathBuf::from("/file/data"));
        assert_eq!(c.listen.port(), 1111);
        assert_eq!(c.session_idle_minutes, 11);
        assert!(c.secure_cookies);
    }

    #[test]
    fn trusted_proxies_are_addresses_or_networks_and_a_flag_overrides_env() {
        let env = env_of(&[("SCHAKEL_TRUSTED_PROXIES", "192.0.2.1")]);
        let flags = GlobalArgs {
            trusted_proxies: Some("10.0.0.1, 10.1.0.0/16,::1".into()),
            ..GlobalArgs::default()
        };
        let c = Config::resolve_with(&flags, &env, FileConfig::default()).unwrap();
        let shown: Vec<String> = c.trusted_proxies.iter().map(|n| n.to_string()).collect();
        assert_eq!(shown, ["10.0.0.1/32", "10.1.0.0/16", "::1/128"]);
        let c = Config::resolve_with(&GlobalArgs::default(), &env, FileConfig::default()).unwrap();
        assert_eq!(c.trusted_proxies.len(), 1);
        let bad = env_of(&[("SCHAKEL_TRUSTED_PROXIES", "10.0.0.1,proxy.example")]);
        let err =
            Config::resolve_with(&GlobalArgs::default(), &bad, FileConfig::default()).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().starts_with("trusted-proxies: "), "{err}");
    }

    #[test]
    fn bad_values_name_the_setting_and_source() {
        let env = env_of(&[("SCHAKEL_LISTEN", "nergens")]);
        let err =
            Config::resolve_with(&GlobalArgs::default(), &env, FileConfig::default()).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let msg = err.to_string();
        assert!(msg.starts_with("listen: "), "{msg}");
        assert!(msg.contains("SCHAKEL_LISTEN"), "{msg}");

        let flags = GlobalArgs {
            log_format: Some("xml".into()),
            ..GlobalArgs::default()
        };
        let err = Config::resolve_with(&flags, &no_env, FileConfig::default()).unwrap_err();
        assert!(err.to_string().starts_with("log-format: "));

        let flags = GlobalArgs {
            session_idle_minutes: Some("0".into()),
            ..GlobalArgs::default()
        };
        let err = Config::resolve_with(&flags, &no_env, FileConfig::default()).unwrap_err();
        assert!(err.to_string().starts_with("session-idle-minutes: "));
    }

    #[test]
    fn a_bad_database_url_is_refused_without_echoing_it() {
        let flags = GlobalArgs {
            database_url: Some("mysql://root:geheim@db/x".into()),
            ..GlobalArgs::default()
        };
        let err = Config::resolve_with(&flags, &no_env, FileConfig::default()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("database-url: "), "{msg}");
        assert!(!msg.contains("geheim"), "{msg}");
    }

    #[test]
    fn debug_masks_the_database_password() {
        let env = env_of(&[(
            "SCHAKEL_DATABASE_URL",
            "postgres://schakel:Zeer%2FGeheim@db.example:5432/schakel?sslmode=require",
        )]);
        let c = Config::resolve_with(&GlobalArgs::default(), &env, FileConfig::default()).unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains("Zeer"), "{shown}");
        assert!(
            shown.contains("postgres://schakel:****@db.example:5432/schakel?sslmode=require"),
            "{shown}"
        );
        let secrets = c.secrets();
        assert!(secrets.contains(&"Zeer%2FGeheim".to_string()));
        assert!(secrets.contains(&"Zeer/Geheim".to_string()));
    }

    #[test]
    fn masking_handles_query_passwords_and_urls_without_one() {
        assert_eq!(
            mask_database_url("postgres://u@h/db?password=abc&sslmode=require"),
            "postgres://u@h/db?password=****&sslmode=require"
        );
        assert_eq!(
            mask_database_url("postgres://u:p@ss@h/db"),
            "postgres://u:****@h/db"
        );
        assert_eq!(mask_database_url("sqlite://x.db"), "sqlite://x.db");
        let file = FileConfig {
            database_url: Some("postgres://a:b3h3im@h/db".into()),
            ..FileConfig::default()
        };
        assert!(!format!("{file:?}").contains("b3h3im"));
    }

    #[test]
    fn config_file_is_read_and_relative_paths_follow_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schakel.toml");
        std::fs::write(
            &path,
            "data_dir = \"data\"\nlisten = \"0.0.0.0:9000\"\nlog_format = \"json\"\n",
        )
        .unwrap();
        let flags = GlobalArgs {
            config: Some(path),
            ..GlobalArgs::default()
        };
        let c = Config::resolve(&flags, &no_env).unwrap();
        assert_eq!(c.data_dir, dir.path().join("data"));
        assert_eq!(c.listen.port(), 9000);
        assert_eq!(c.log_format, LogFormat::Json);
    }

    #[test]
    fn unknown_keys_in_the_config_file_are_refused_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schakel.toml");
        std::fs::write(&path, "listen = \"127.0.0.1:1\"\nlisten_adres = \"x\"\n").unwrap();
        let err = FileConfig::load(&path).unwrap_err();
        let msg = err.to_string();
        assert_eq!(err.exit_code(), 2);
        assert!(msg.starts_with("config: "), "{msg}");
        assert!(msg.contains("regel 2"), "{msg}");
    }
}
