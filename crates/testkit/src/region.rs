//! The part of the region the tests need: the gemeenten Venlo (centrumgemeente) and Weert, Veilig
//! Thuis serving both and the wijkteam of Venlo. Further organisations are added with
//! [`Region::add`].

use schakel_domain::org::OrgKind;
use schakel_store::Store;
use schakel_store::orgs::Gemeente;

pub const REGION: &str = "NML";
pub const GEMEENTEN: [&str; 2] = ["Venlo", "Weert"];
pub const VEILIG_THUIS: &str = "Veilig Thuis NML";
pub const WIJKTEAM: &str = "Wijkteam Venlo";

/// The ids of the region's organisations.
#[derive(Debug, Clone)]
pub struct Region {
    pub vt: String,
    pub team: String,
}

impl Region {
    pub async fn seed(store: &Store) -> Region {
        for name in GEMEENTEN {
            store
                .upsert_gemeente(&Gemeente {
                    name: name.into(),
                    region: REGION.into(),
                    centrumgemeente: name == "Venlo",
                })
                .await
                .unwrap();
        }
        let vt = Region::add(store, VEILIG_THUIS, OrgKind::VeiligThuis, &GEMEENTEN).await;
        let team = Region::add(store, WIJKTEAM, OrgKind::LokaalTeam, &["Venlo"]).await;
        Region { vt, team }
    }

    /// Adds (or updates) an organisation serving `gemeenten`; returns its id.
    pub async fn add(store: &Store, name: &str, kind: OrgKind, gemeenten: &[&str]) -> String {
        let gemeenten: Vec<String> = gemeenten.iter().map(|g| g.to_string()).collect();
        store
            .upsert_organisation(name, kind, &gemeenten)
            .await
            .unwrap()
    }
}
