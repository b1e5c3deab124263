//! A store with the region, its users and cases made the way production makes them: through
//! `schakel_app::register_intake` and `schakel_app::execute`, never by writing events directly.

use schakel_app::{Acting, CaseCommand, Logged, Recorded, Registered};
use schakel_domain::access::Actor;
use schakel_domain::org::{OrgKind, Role};
use schakel_store::Store;
use schakel_store::users::NewUser;
use time::OffsetDateTime;

use crate::db::TestDb;
use crate::region::Region;

/// How test users sign in. The default cannot sign in at all (the hash is not a password hash),
/// which is enough for tests below the web layer.
#[derive(Debug, Clone)]
pub struct Login {
    pub password_hash: String,
    pub totp_secret: Option<String>,
}

impl Default for Login {
    fn default() -> Self {
        Self {
            password_hash: "x".into(),
            totp_secret: None,
        }
    }
}

/// Creates a demo user `username` (shown as "Test username") with `login` and one membership.
pub async fn user(
    store: &Store,
    login: &Login,
    username: &str,
    org_id: &str,
    role: Role,
) -> String {
    let u = store
        .create_user(&NewUser {
            username,
            display_name: &format!("Test {username}"),
            password_hash: &login.password_hash,
            is_demo: true,
        })
        .await
        .unwrap();
    if let Some(secret) = &login.totp_secret {
        store.set_totp_secret(&u.id, Some(secret)).await.unwrap();
    }
    store.add_membership(&u.id, org_id, role).await.unwrap();
    u.id
}

/// Who acts in a use case.
pub fn acting(user_id: &str, username: &str, org_id: &str, org_kind: OrgKind) -> Acting {
    Acting {
        user_id: user_id.into(),
        username: username.into(),
        org_id: org_id.into(),
        org_kind,
    }
}

/// The policy of the CLI and the bench for `acting` in `role` (second factor done, access logged
/// with access point `test`).
pub fn logged<'a>(store: &'a Store, acting: &Acting, role: Role) -> Logged<'a> {
    Logged {
        store,
        actor: Actor {
            user_id: acting.user_id.clone(),
            org_id: acting.org_id.clone(),
            org_kind: acting.org_kind,
            role,
            second_factor: true,
            break_glass: None,
        },
        username: acting.username.clone(),
        access_point: "test".into(),
        now: OffsetDateTime::now_utc(),
    }
}

/// Registers the bench's fictional melding number `n` (a household of three in Venlo) as `by`, a
/// medewerker, through the use case the web and the bench use. Works on any store whose region has
/// Venlo, e.g. one the binary prepared.
pub async fn melding(store: &Store, by: &Acting, n: u64) -> Registered {
    let now = OffsetDateTime::now_utc();
    let policy = logged(store, by, Role::Medewerker);
    let intake = schakel_store::bench::intake(n, now);
    schakel_app::register_deciding_other(store, by, &policy, now, intake)
        .await
        .unwrap()
}

/// A fresh store with the region loaded.
pub struct Kit {
    pub db: TestDb,
    pub region: Region,
    pub login: Login,
}

impl Kit {
    /// On SQLite in a temporary folder.
    pub async fn sqlite() -> Kit {
        Kit::on(TestDb::sqlite().await).await
    }

    /// On a given fresh database (see [`crate::on_each_backend`]).
    pub async fn on(db: TestDb) -> Kit {
        let region = Region::seed(&db.store).await;
        Kit {
            db,
            region,
            login: Login::default(),
        }
    }

    pub fn store(&self) -> &Store {
        &self.db.store
    }

    /// A user of `org_id` in `role`, signing in with [`Kit::login`].
    pub async fn user(&self, username: &str, org_id: &str, role: Role) -> String {
        user(&self.db.store, &self.login, username, org_id, role).await
    }

    /// A medewerker of Veilig Thuis, ready to act.
    pub async fn vt_medewerker(&self, username: &str) -> Acting {
        let id = self.user(username, &self.region.vt, Role::Medewerker).await;
        acting(&id, username, &self.region.vt, OrgKind::VeiligThuis)
    }

    /// A medewerker of the wijkteam, ready to act.
    pub async fn team_medewerker(&self, username: &str) -> Acting {
        let id = self
            .user(username, &self.region.team, Role::Medewerker)
            .await;
        acting(&id, username, &self.region.team, OrgKind::LokaalTeam)
    }

    /// Registers the bench's fictional melding number `n` as `by` (see [`melding`]).
    pub async fn melding(&self, by: &Acting, n: u64) -> Registered {
        melding(&self.db.store, by, n).await
    }

    /// Runs one command on a case as `by`.
    pub async fn execute(
        &self,
        by: &Acting,
        case_id: &str,
        seq: i64,
        cmd: CaseCommand,
    ) -> Recorded {
        let now = OffsetDateTime::now_utc();
        schakel_app::execute(&self.db.store, by, now, case_id, seq, cmd)
            .await
            .unwrap()
    }

    /// Takes a registered melding through triage to a handover offered to `to_org`: not acute,
    /// structurally unsafe, follow-up by the lokaal veld with one veiligheidsvoorwaarde.
    pub async fn offered_to(&self, by: &Acting, case: &Registered, to_org: &str) -> Recorded {
        let conditions = vec!["Vader verblijft niet in de woning".to_string()];
        let r = self
            .execute(
                by,
                &case.case_id,
                case.seq,
                CaseCommand::AssessUrgency {
                    acute: false,
                    melding: None,
                },
            )
            .await;
        let r = self
            .execute(
                by,
                &case.case_id,
                r.seq,
                CaseCommand::AssessSafety {
                    acute_unsafety: false,
                    structural_unsafety: true,
                    multi_problem: None,
                    instrument: "Triage-instrument Veilig Thuis".into(),
                    instrument_version: "0.6".into(),
                    melding: None,
                },
            )
            .await;
        let r = self
            .execute(
                by,
                &case.case_id,
                r.seq,
                CaseCommand::DecideFollowUp {
                    track: "overdracht_lokaal_veld".into(),
                    veiligheidsvoorwaarden: conditions.clone(),
                },
            )
            .await;
        self.execute(
            by,
            &case.case_id,
            r.seq,
            CaseCommand::OfferHandover {
                to_org: to_org.into(),
                veiligheidsvoorwaarden: conditions,
                monitoring_agreements: vec![],
                conditions_dropped_reason: None,
            },
        )
        .await
    }

    pub async fn cleanup(self) {
        self.db.cleanup().await;
    }
}
