//! `schakel demo`: a demonstration database with the region's organisations and a demo user for
//! every role, all fictional and all with one known password.
//!
//! [`prepare`] is the one entry point other code uses (tests, the benchmark). [`run`] adds the
//! synthetic year of cases ([`crate::synthetic`]) when the database has none yet, then serves.

use schakel_domain::org::{OrgKind, Role};
use schakel_store::Store;
use schakel_store::orgs::Organisation;
use schakel_store::users::NewUser;

use crate::cli::DemoArgs;
use crate::config::Config;
use crate::error::{CliError, CliResult};
use crate::region::Region;
use crate::serve::{MODE_DEMO, MODE_SETTING};
use crate::synthetic::{self, YearOptions};
use crate::{db, serve};

/// The one password of every demo user. Demo data is fictional; the banner says so.
pub const DEMO_PASSWORD: &str = "schakel-demo-2026";

/// A demo user: which kind of organisation they work for and in what role. The organisation is
/// picked by kind (see [`pick_organisation`]) so the demo works with any region file.
#[derive(Debug, Clone, Copy)]
pub struct DemoUser {
    /// The user name; `{centrum}` is replaced by the centrumgemeente in lower case (e.g. `venlo`).
    pub username: &'static str,
    pub display_name: &'static str,
    pub kind: OrgKind,
    pub role: Role,
}

/// One demo user for every role the chain has. Display names are plainly fictional.
pub const DEMO_USERS: &[DemoUser] = &[
    DemoUser {
        username: "vt.medewerker",
        display_name: "Vera Veilig (demo)",
        kind: OrgKind::VeiligThuis,
        role: Role::Medewerker,
    },
    DemoUser {
        username: "vt.teamleider",
        display_name: "Teun Teamleider (demo)",
        kind: OrgKind::VeiligThuis,
        role: Role::Teamleider,
    },
    DemoUser {
        username: "wijkteam.{centrum}",
        display_name: "Wim Wijk (demo)",
        kind: OrgKind::LokaalTeam,
        role: Role::Medewerker,
    },
    DemoUser {
        username: "wijkteam.{centrum}.tl",
        display_name: "Tamara Wijkteam (demo)",
        kind: OrgKind::LokaalTeam,
        role: Role::Teamleider,
    },
    DemoUser {
        username: "politie",
        display_name: "Paul Politie (demo)",
        kind: OrgKind::Politie,
        role: Role::Medewerker,
    },
    DemoUser {
        username: "mda",
        display_name: "Mira MDA (demo)",
        kind: OrgKind::MdaTeam,
        role: Role::Medewerker,
    },
    DemoUser {
        username: "opvang",
        display_name: "Olga Opvang (demo)",
        kind: OrgKind::Opvang,
        role: Role::Medewerker,
    },
    DemoUser {
        username: "huisarts",
        display_name: "Hugo Huisarts (demo)",
        kind: OrgKind::Zorg,
        role: Role::Medewerker,
    },
    DemoUser {
        username: "beheerder",
        display_name: "Bea Beheer (demo)",
        kind: OrgKind::Programmabureau,
        role: Role::Beheerder,
    },
    DemoUser {
        username: "privacy",
        display_name: "Pim Privacy (demo)",
        kind: OrgKind::VeiligThuis,
        role: Role::PrivacyOfficer,
    },
    DemoUser {
        username: "beleid",
        display_name: "Bas Beleid (demo)",
        kind: OrgKind::Gemeente,
        role: Role::Beleidsmedewerker,
    },
    DemoUser {
        username: "projectleider",
        display_name: "Petra Programma (demo)",
        kind: OrgKind::Programmabureau,
        role: Role::Teamleider,
    },
    DemoUser {
        username: "school",
        display_name: "Sanne School (demo)",
        kind: OrgKind::School,
        role: Role::SchoolContact,
    },
    DemoUser {
        username: "kinderopvang",
        display_name: "Kim Kinderopvang (demo)",
        kind: OrgKind::Kinderopvang,
        role: Role::SchoolContact,
    },
];

/// A demo account as it is in the database after seeding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    pub username: String,
    pub display_name: String,
    pub organisation: String,
    pub role: Role,
    /// Whether this run created the account (false: it was already there).
    pub created: bool,
}

/// Lower-case letters and digits of a gemeente name, other runs of characters as one `-`:
/// "Bergen (L.)" becomes "bergen-l".
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The organisation of `kind` a demo user works for: one that serves the centrumgemeente, with the
/// fewest gemeenten (the centrumgemeente's own wijkteam rather than a regional one), then by name.
pub fn pick_organisation<'a>(
    orgs: &'a [Organisation],
    kind: OrgKind,
    centrumgemeente: &str,
) -> Option<&'a Organisation> {
    orgs.iter().filter(|o| o.kind == kind).min_by_key(|o| {
        (
            !o.gemeenten.iter().any(|g| g == centrumgemeente),
            o.gemeenten.len(),
            o.name.clone(),
        )
    })
}

/// Refuses a database with real accounts, loads the region, marks the database as demo and seeds
/// the demo users. Idempotent: running it again changes nothing.
pub async fn prepare(store: &Store, region: &Region) -> CliResult<Vec<DemoAccount>> {
    if store.has_real_users().await? {
        return Err(CliError::failure(
            "deze database bevat echte gebruikers; `schakel demo` draait alleen op een lege of demodatabase (kies een andere --data-dir)",
        ));
    }
    region.apply(store).await?;
    store.set_setting(MODE_SETTING, MODE_DEMO).await?;
    seed_contacts(store).await?;
    crate::directory_demo::seed(store).await?;
    let accounts = seed_users(store, &region.centrumgemeente).await?;
    crate::programme::seed_demo(store).await?;
    crate::meldcode_demo::seed(store, time::OffsetDateTime::now_utc()).await?;
    Ok(accounts)
}

/// Fictional contact details for an organisation of the demo (issue 7: the case page shows the
/// regiehouder with phone and e-mail): an 088 number made from the organisation's position in the
/// list and an address at example.nl, a domain reserved for examples. Never a real number.
pub fn demo_contact(position: usize, name: &str) -> schakel_domain::org::contact::Contact {
    schakel_domain::org::contact::Contact {
        phone: Some(format!("088-{:07}", 5_550_000 + position)),
        email: Some(format!("{}@example.nl", slug(name))),
    }
}

/// Gives every organisation without contact details fictional ones ([`demo_contact`]).
/// Idempotent: details already set are kept.
pub async fn seed_contacts(store: &Store) -> CliResult<()> {
    for (n, org) in store.organisations().await?.iter().enumerate() {
        if org.phone.is_none() && org.email.is_none() {
            store
                .set_organisation_contact(&org.id, &demo_contact(n, &org.name))
                .await?;
        }
    }
    Ok(())
}

/// Creates every missing demo user (with [`DEMO_PASSWORD`], marked as demo) and their membership.
/// A demo user whose kind of organisation the region lacks is skipped with a warning.
pub async fn seed_users(store: &Store, centrumgemeente: &str) -> CliResult<Vec<DemoAccount>> {
    let orgs = store.organisations().await?;
    let centrum = slug(centrumgemeente);
    let mut hash: Option<String> = None;
    let mut out = Vec::with_capacity(DEMO_USERS.len());
    for d in DEMO_USERS {
        let username = d.username.replace("{centrum}", &centrum);
        let Some(org) = pick_organisation(&orgs, d.kind, centrumgemeente) else {
            tracing::warn!(%username, kind = d.kind.code(), "no organisation of this kind; demo user skipped");
            continue;
        };
        let (user, created) = match store.user_by_username(&username).await? {
            Some(u) => (u, false),
            None => {
                // Hashing is slow on purpose: once per run is enough for one shared demo password.
                let h = match &hash {
                    Some(h) => h.clone(),
                    None => {
                        let h = schakel_web::hash_password(DEMO_PASSWORD.to_string()).await?;
                        hash = Some(h.clone());
                        h
                    }
                };
                let u = store
                    .create_user(&NewUser {
                        username: &username,
                        display_name: d.display_name,
                        password_hash: &h,
                        is_demo: true,
                    })
                    .await?;
                (u, true)
            }
        };
        store.add_membership(&user.id, &org.id, d.role).await?;
        out.push(DemoAccount {
            username,
            display_name: user.display_name,
            organisation: org.name.clone(),
            role: d.role,
            created,
        });
    }
    Ok(out)
}

/// `schakel demo`: prepares the demo database in the data folder, prints the accounts, fills an
/// empty database with a synthetic year and serves.
pub async fn run(
    config: &Config,
    args: &DemoArgs,
    env: &dyn Fn(&str) -> Option<String>,
) -> CliResult<()> {
    let year = YearOptions::resolve(args, env)?;
    if config
        .database_url
        .as_deref()
        .is_some_and(|u| !u.starts_with("sqlite:"))
    {
        return Err(CliError::input(
            "database-url",
            "schakel demo gebruikt alleen de ingebouwde SQLite-database in --data-dir; laat --database-url weg",
        ));
    }
    let region = Region::load(config.region.as_deref())?;
    let rules = std::sync::Arc::new(region.rules.clone());
    let (store, _) = db::open(config).await?;
    // The synthetic year's deadlines follow the region's rules, as the server's will.
    let store = store.with_rules(rules.clone());
    let accounts = match prepare(&store, &region).await {
        Ok(a) => a,
        Err(e) => {
            store.close().await;
            return Err(e);
        }
    };
    print_accounts(&region, &accounts);
    if let Err(e) = synthetic_year(&store, &region, &year).await {
        store.close().await;
        return Err(e);
    }
    serve::run(store, config.web_config(true, rules), config.listen).await
}

/// Generates the synthetic year into a database without cases (so a restart keeps what is there)
/// and says what happened.
async fn synthetic_year(store: &Store, region: &Region, year: &YearOptions) -> CliResult<()> {
    if year.scale <= 0.0 {
        println!("Geen synthetische casussen (schaal 0).");
        return Ok(());
    }
    if synthetic::has_cases(store).await? {
        println!("De database bevat al casussen; geen synthetische casussen aangemaakt.");
        return Ok(());
    }
    let period = match year.year {
        Some(y) => format!("het jaar {y}"),
        None => "de 365 dagen tot en met vandaag".to_string(),
    };
    println!(
        "Synthetisch werk over {period} (schaal {}, zaad {}): ongeveer {} fictieve adviezen en meldingen, \
         vastgelegd zoals medewerkers dat doen...",
        year.scale,
        year.seed,
        synthetic::expected_cases(year.scale)
    );
    let g = synthetic::generate_and_record(store, region, year).await?;
    store.refresh_statistics().await?;
    println!(
        "{} adviezen en meldingen ({} bij een open casus gevoegd, {} herhaald) en {} vervolgstappen in {}; \
         {} stappen liggen nog na vandaag.",
        g.cases(),
        g.run.joined,
        g.run.repeats_found,
        g.run.commands,
        synthetic::seconds(g.elapsed),
        g.run.not_yet
    );
    if g.run.refused > 0 {
        tracing::warn!(
            refused = g.run.refused,
            first = ?g.run.refusals.first(),
            "synthetic steps refused by the domain rules"
        );
    }
    Ok(())
}

fn print_accounts(region: &Region, accounts: &[DemoAccount]) {
    println!(
        "Schakel demo, regio {} (fictieve gegevens). Demogebruikers:",
        region.name
    );
    let rows: Vec<Vec<String>> = accounts
        .iter()
        .map(|a| {
            vec![
                a.username.clone(),
                a.role.code().to_string(),
                a.organisation.clone(),
            ]
        })
        .collect();
    crate::table::print(&["GEBRUIKERSNAAM", "ROL", "ORGANISATIE"], &rows);
    println!("Wachtwoord voor alle demogebruikers: {DEMO_PASSWORD}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_contacts_are_fictional_and_pass_the_contact_rules() {
        let c = demo_contact(3, "Wijkteam Bergen (L.)");
        assert_eq!(c.phone.as_deref(), Some("088-5550003"));
        assert_eq!(c.email.as_deref(), Some("wijkteam-bergen-l@example.nl"));
        let checked = schakel_domain::org::contact::Contact::parse(
            c.phone.as_deref().unwrap_or_default(),
            c.email.as_deref().unwrap_or_default(),
        );
        assert_eq!(checked, Ok(c));
    }

    #[test]
    fn slugs_are_usable_in_user_names() {
        assert_eq!(slug("Venlo"), "venlo");
        assert_eq!(slug("Bergen (L.)"), "bergen-l");
        assert_eq!(slug("Horst aan de Maas"), "horst-aan-de-maas");
        for d in DEMO_USERS {
            let u = d.username.replace("{centrum}", &slug("Bergen (L.)"));
            assert!(
                schakel_domain::validate::username("gebruikersnaam", &u).is_ok(),
                "{u}"
            );
        }
    }

    #[test]
    fn every_role_has_a_demo_user() {
        for role in Role::ALL {
            assert!(DEMO_USERS.iter().any(|d| d.role == role), "{}", role.code());
        }
    }

    #[test]
    fn the_centrumgemeente_own_team_is_picked() {
        let org = |name: &str, kind, gemeenten: &[&str]| Organisation {
            id: name.into(),
            name: name.into(),
            kind,
            gemeenten: gemeenten.iter().map(|g| g.to_string()).collect(),
            phone: None,
            email: None,
        };
        let orgs = vec![
            org("Wijkteam Beesel", OrgKind::LokaalTeam, &["Beesel"]),
            org("Regioteam", OrgKind::LokaalTeam, &["Beesel", "Venlo"]),
            org("Wijkteam Venlo", OrgKind::LokaalTeam, &["Venlo"]),
        ];
        let picked = pick_organisation(&orgs, OrgKind::LokaalTeam, "Venlo").unwrap();
        assert_eq!(picked.name, "Wijkteam Venlo");
        assert!(pick_organisation(&orgs, OrgKind::School, "Venlo").is_none());
    }

    #[test]
    fn the_builtin_region_has_an_organisation_for_every_demo_user() {
        let region = Region::builtin().unwrap();
        for d in DEMO_USERS {
            assert!(
                region.organisations.iter().any(|o| o.kind == d.kind),
                "{}",
                d.username
            );
        }
    }
}
