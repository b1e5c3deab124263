#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop the test loudly

//! The kit builds what it promises, on every backend.

use schakel_domain::case::Phase;
use schakel_testkit::{Kit, on_each_backend};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_melding_offered_to_the_wijkteam_is_in_handover_and_still_with_veilig_thuis() {
    on_each_backend(|db| async move {
        let kit = Kit::on(db).await;
        let vt = kit.vt_medewerker("vt.mw").await;
        let case = kit.melding(&vt, 1).await;
        assert_eq!(case.seq, 2);
        let offered = kit.offered_to(&vt, &case, &kit.region.team).await;
        assert_eq!(offered.phase, Phase::Overdracht);
        assert!(offered.handover_id.is_some());
        assert_eq!(offered.accountable_org, kit.region.vt);
        kit.db
    })
    .await;
}
