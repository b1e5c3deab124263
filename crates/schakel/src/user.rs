//! `schakel user`: add, reset-password, disable, enable, list. Passwords are hashed with the web
//! layer's argon2id; a generated password is printed once and never logged.

use std::io::BufRead;

use rand::Rng;
use rand::rngs::OsRng;
use schakel_domain::org::Role;
use schakel_domain::validate;
use schakel_store::Store;
use schakel_store::users::{NewUser, User};

use crate::cli::UserCommand;
use crate::config::Config;
use crate::error::{CliError, CliResult};
use crate::serve::{MODE_DEMO, MODE_SETTING};
use crate::{db, region, table};

const MAX_DISPLAY_NAME_CHARS: usize = 200;

/// Letters and digits without look-alikes (0/O, 1/l/I).
const PASSWORD_ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A strong random password: four groups of six characters from a 56-character alphabet, about
/// 139 bits, from the operating system's random source.
pub fn generate_password() -> String {
    let mut rng = OsRng;
    (0..4)
        .map(|_| {
            (0..6)
                .map(|_| {
                    let i = rng.gen_range(0..PASSWORD_ALPHABET.len());
                    char::from(PASSWORD_ALPHABET.get(i).copied().unwrap_or(b'x'))
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The password to set: the first line of standard input, or a generated one (returned as shown).
fn obtain_password(from_stdin: bool) -> CliResult<Password> {
    if !from_stdin {
        return Ok(Password {
            value: generate_password(),
            generated: true,
        });
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| CliError::input("wachtwoord", format!("niet te lezen van stdin: {e}")))?;
    let line = line.trim_end_matches(['\n', '\r']).to_string();
    Ok(Password {
        value: validate::new_password("wachtwoord", &line)?,
        generated: false,
    })
}

async fn hash(password: String) -> CliResult<String> {
    Ok(schakel_web::hash_password(password).await?)
}

async fn find_user(store: &Store, username: &str) -> CliResult<User> {
    store.user_by_username(username).await?.ok_or_else(|| {
        CliError::input(
            "gebruikersnaam",
            format!("onbekende gebruiker '{username}'"),
        )
    })
}

fn roles_hint() -> String {
    Role::ALL
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A password to set, and whether Schakel made it up (then it is shown once).
struct Password {
    value: String,
    generated: bool,
}

/// A user command whose input has been checked as far as possible without the database.
enum Checked {
    Add {
        username: String,
        name: String,
        org: String,
        role: Role,
        password: Password,
    },
    ResetPassword {
        username: String,
        password: Password,
    },
    SetDisabled {
        username: String,
        disabled: bool,
    },
    List,
}

fn check(command: UserCommand) -> CliResult<Checked> {
    Ok(match command {
        UserCommand::Add {
            username,
            name,
            org,
            role,
            password_stdin,
        } => {
            let username = validate::username("gebruikersnaam", &username)?;
            let name = validate::required_text("naam", &name, MAX_DISPLAY_NAME_CHARS)?;
            let org = validate::required_text("organisatie", &org, MAX_DISPLAY_NAME_CHARS)?;
            let role = Role::parse("rol", role.trim()).map_err(|e| {
                CliError::input("rol", format!("{} (kies uit: {})", e.message, roles_hint()))
            })?;
            Checked::Add {
                username,
                name,
                org,
                role,
                password: obtain_password(password_stdin)?,
            }
        }
        UserCommand::ResetPassword {
            username,
            password_stdin,
        } => Checked::ResetPassword {
            username: validate::username("gebruikersnaam", &username)?,
            password: obtain_password(password_stdin)?,
        },
        UserCommand::Disable { username } => Checked::SetDisabled {
            username: validate::username("gebruikersnaam", &username)?,
            disabled: true,
        },
        UserCommand::Enable { username } => Checked::SetDisabled {
            username: validate::username("gebruikersnaam", &username)?,
            disabled: false,
        },
        UserCommand::List => Checked::List,
    })
}

pub async fn run(config: &Config, command: UserCommand) -> CliResult<()> {
    // Bad input is refused before the database is even opened, so it writes nothing.
    let checked = check(command)?;
    let (store, _) = db::open(config).await?;
    let result = run_checked(&store, config, checked).await;
    store.close().await;
    result
}

async fn run_checked(store: &Store, config: &Config, checked: Checked) -> CliResult<()> {
    match checked {
        Checked::Add {
            username,
            name,
            org,
            role,
            password,
        } => {
            region::ensure_region(store, config.region.as_deref()).await?;
            let organisation = store.organisation_by_name(&org).await?.ok_or_else(|| {
                CliError::input(
                    "organisatie",
                    format!("onbekende organisatie '{org}' (zie `schakel org list`)"),
                )
            })?;
            if store.user_by_username(&username).await?.is_some() {
                return Err(CliError::input(
                    "gebruikersnaam",
                    format!("'{username}' bestaat al"),
                ));
            }
            // A real account in a demo database would lock that database out of both `demo` and
            // `serve`; there, new accounts are demo accounts too.
            let is_demo = store.setting(MODE_SETTING).await?.as_deref() == Some(MODE_DEMO);
            let password_hash = hash(password.value.clone()).await?;
            role.check_fits("rol", organisation.kind)?;
            let new = NewUser {
                username: &username,
                display_name: &name,
                password_hash: &password_hash,
                is_demo,
            };
            let created = store
                .create_user_with_membership(&new, &organisation.id, role)
                .await?;
            log_operator_change(
                store,
                "create",
                &created.id,
                format!(
                    "nieuw account: organisatie={} rol={} (direct, zonder tweede goedkeuring)",
                    organisation.id,
                    role.code()
                ),
            )
            .await?;
            println!("{OPERATOR_NOTE}");
            println!(
                "Gebruiker {username} aangemaakt: {name}, {} bij {}{}.",
                role.code(),
                organisation.name,
                if is_demo { " (demogebruiker)" } else { "" }
            );
            show_once(&password);
            Ok(())
        }
        Checked::ResetPassword { username, password } => {
            let user = find_user(store, &username).await?;
            let password_hash = hash(password.value.clone()).await?;
            store.set_password_hash(&user.id, &password_hash).await?;
            log_operator_change(
                store,
                "update",
                &user.id,
                "wachtwoord opnieuw ingesteld".into(),
            )
            .await?;
            println!(
                "Nieuw wachtwoord ingesteld voor {}; de sessies zijn beëindigd.",
                user.username
            );
            show_once(&password);
            Ok(())
        }
        Checked::SetDisabled { username, disabled } => {
            let user = find_user(store, &username).await?;
            store.set_disabled(&user.id, disabled).await?;
            let what = if disabled {
                "geblokkeerd"
            } else {
                "gedeblokkeerd"
            };
            log_operator_change(store, "update", &user.id, what.into()).await?;
            if disabled {
                println!(
                    "Gebruiker {} geblokkeerd; de sessies zijn beëindigd.",
                    user.username
                );
            } else {
                println!("Gebruiker {} weer actief.", user.username);
            }
            Ok(())
        }
        Checked::List => list(store).await,
    }
}

/// Said at every account made on the command line (issue 8 finding 1).
const OPERATOR_NOTE: &str = "Let op: als beheerder van deze machine maakt u dit account direct aan, \
zonder aanvraag en zonder goedkeuring door een tweede persoon. Dit staat in het toegangslog. \
In de webapplicatie vraagt een beheerder van de organisatie het account aan en keurt een tweede \
persoon het goed.";

/// Who runs the command, as far as the operating system says.
fn operator() -> String {
    let who = std::env::var("SUDO_USER")
        .or_else(|_| std::env::var("USER"))
        .unwrap_or_else(|_| "onbekend".into());
    format!("machinebeheerder:{who}")
}

/// Writes an account change made on the command line to the access log, with the target account.
async fn log_operator_change(
    store: &Store,
    action: &str,
    target_user_id: &str,
    what: String,
) -> CliResult<()> {
    store
        .log_access(&schakel_store::access_log::AccessEntry {
            at: None,
            action: action.into(),
            resource_kind: "user_account".into(),
            resource_id: Some(target_user_id.to_string()),
            outcome: "allowed".into(),
            user_id: None,
            username: operator(),
            role: None,
            org_id: None,
            responsible_user: None,
            access_point: "cli".into(),
            ground: Some("machine_operator".into()),
            reason: Some(what),
            clients: Vec::new(),
        })
        .await?;
    Ok(())
}

fn show_once(password: &Password) {
    if password.generated {
        println!("Wachtwoord (wordt alleen nu getoond): {}", password.value);
    }
}

async fn list(store: &Store) -> CliResult<()> {
    let yes_no = |b: bool| if b { "ja" } else { "nee" }.to_string();
    let mut rows = Vec::new();
    for u in store.users().await? {
        let roles = store
            .memberships(&u.id)
            .await?
            .iter()
            .map(|m| format!("{} @ {}", m.role.code(), m.org_name))
            .collect::<Vec<_>>()
            .join("; ");
        rows.push(vec![
            u.username.clone(),
            u.display_name.clone(),
            yes_no(u.disabled),
            yes_no(u.totp_secret.is_some()),
            yes_no(u.is_demo),
            roles,
        ]);
    }
    if rows.is_empty() {
        println!("Nog geen gebruikers. Voeg er een toe met `schakel user add`.");
        return Ok(());
    }
    table::print(
        &[
            "GEBRUIKERSNAAM",
            "NAAM",
            "GEBLOKKEERD",
            "TOTP",
            "DEMO",
            "ROLLEN",
        ],
        &rows,
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_passwords_are_long_random_and_valid() {
        let a = generate_password();
        let b = generate_password();
        assert_ne!(a, b);
        assert_eq!(a.chars().count(), 27);
        assert!(validate::new_password("wachtwoord", &a).is_ok());
        assert!(
            a.chars()
                .all(|c| c == '-' || PASSWORD_ALPHABET.contains(&(c as u8)))
        );
    }
}
