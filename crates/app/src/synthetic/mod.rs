//! A year of FICTIONAL work for the demo and the benchmarks, made the way production makes it:
//! every intake through [`crate::register_intake`] (with the known-before check, so a household seen
//! before becomes a hermelding, a vervolgmelding or joins its open casus) and every later step
//! through [`crate::execute`], by synthetic workers of Veilig Thuis and of the lokale teams, at the
//! moment the course says. The plan is deterministic from the seed and calibrated to the region's
//! 2018 figures; names are plainly invented. A period that ends today leaves recent work open, as
//! a working week would.

mod course;
mod plan;
mod run;

use schakel_domain::access::Actor;
use schakel_domain::org::{OrgKind, Role};
use schakel_store::Store;
use schakel_store::users::NewUser;
use schakel_store::year_totals::{self, YearTotals};

pub use plan::{GEMEENTE_WEIGHTS, Period, PlannedIntake, PlannedPerson, Rng, plan, planned_totals};
pub use run::RunReport;

use crate::{Acting, Error};

/// What to generate.
#[derive(Debug, Clone)]
pub struct SyntheticConfig {
    pub period: Period,
    /// 1.0 is the reference year; more for benchmarks.
    pub scale: f64,
    pub seed: u64,
    pub vt_org_id: String,
    /// The region's gemeenten with the lokaal team that takes handovers there, in the order of
    /// [`GEMEENTE_WEIGHTS`] when they are the 14 of Noord- en Midden-Limburg.
    pub local_teams: Vec<(String, String)>,
}

/// What a generation did.
#[derive(Debug, Clone)]
pub struct Generated {
    /// Counted back from the monitor facts of the period.
    pub totals: YearTotals,
    pub run: RunReport,
}

/// How many Veilig Thuis workers share the synthetic work.
const VT_WORKERS: usize = 6;

/// A synthetic worker: an account that works in the demo's history but cannot sign in (its
/// password hash is no hash), created once and reused.
async fn worker(
    store: &Store,
    username: &str,
    display_name: &str,
    org_id: &str,
    org_kind: OrgKind,
) -> Result<Acting, Error> {
    let user = match store.user_by_username(username).await? {
        Some(u) => u,
        None => {
            let u = store
                .create_user(&NewUser {
                    username,
                    display_name,
                    password_hash: "!geen-wachtwoord",
                    is_demo: true,
                })
                .await?;
            store
                .add_membership(&u.id, org_id, Role::Medewerker)
                .await?;
            u
        }
    };
    Ok(Acting {
        user_id: user.id,
        username: username.to_string(),
        org_id: org_id.to_string(),
        org_kind,
    })
}

/// The policy's view of a synthetic worker.
fn actor(acting: &Acting) -> Actor {
    Actor {
        user_id: acting.user_id.clone(),
        org_id: acting.org_id.clone(),
        org_kind: acting.org_kind,
        role: Role::Medewerker,
        second_factor: true,
        break_glass: None,
    }
}

/// Generates the period's work into `store` (whatever is there already). Steps the domain refuses
/// are counted in the report, not fatal; a store failure is.
pub async fn generate(store: &Store, config: &SyntheticConfig) -> Result<Generated, Error> {
    let mut vt = Vec::with_capacity(VT_WORKERS);
    for i in 1..=VT_WORKERS {
        vt.push(
            worker(
                store,
                &format!("synthetisch.vt{i}"),
                &format!("Collega Veilig Thuis {i} (synthetisch)"),
                &config.vt_org_id,
                OrgKind::VeiligThuis,
            )
            .await?,
        );
    }
    let mut teams = Vec::with_capacity(config.local_teams.len());
    for (i, (gemeente, team)) in config.local_teams.iter().enumerate() {
        teams.push(
            worker(
                store,
                &format!("synthetisch.lt{}", i + 1),
                &format!("Regisseur {gemeente} (synthetisch)"),
                team,
                OrgKind::LokaalTeam,
            )
            .await?,
        );
    }
    let planned = plan(
        config.period,
        config.scale,
        config.seed,
        config.local_teams.len(),
    );
    let run = run::run(store, config, &planned, &vt, &teams).await?;
    let totals =
        year_totals::totals_between(store, config.period.first_day, config.period.end()).await?;
    Ok(Generated { totals, run })
}
