//! Running the web server: `schakel serve` on a real database and the server half of `schakel demo`.

use std::net::SocketAddr;
use std::sync::Arc;

use schakel_store::Store;
use schakel_web::{AppState, WebConfig};
use tokio::net::TcpListener;

use crate::config::Config;
use crate::db;
use crate::error::{CliError, CliResult};
use crate::region::{self, Region};

/// The setting that marks a database as holding demonstration data only.
pub const MODE_SETTING: &str = "mode";
pub const MODE_DEMO: &str = "demo";

/// `schakel serve`: reads the region file (its rules at every start), refuses a demo database,
/// loads the region into an empty one, serves.
pub async fn serve(config: &Config) -> CliResult<()> {
    let region = Region::load(config.region.as_deref())?;
    let (store, _) = db::open(config).await?;
    if store.setting(MODE_SETTING).await?.as_deref() == Some(MODE_DEMO) {
        store.close().await;
        return Err(CliError::failure(
            "deze database bevat demogegevens; gebruik `schakel demo` (of kies een andere --data-dir / --database-url)",
        ));
    }
    region::ensure_applied(&store, &region).await?;
    tracing::info!(database = %db::describe(config, &store), "database ready");
    if let Some(warning) = insecure_serving_warning(config) {
        eprintln!("{warning}");
        tracing::warn!("{warning}");
    }
    let rules = Arc::new(region.rules);
    run(store, config.web_config(false, rules), config.listen).await
}

/// The start-up warning for real (non-demo) data served without secure cookies on an address
/// other hosts can reach (issue 8, finding 9): the session cookie would travel without TLS.
pub fn insecure_serving_warning(config: &Config) -> Option<String> {
    (!config.secure_cookies && !config.listen.ip().is_loopback()).then(|| {
        format!(
            "WAARSCHUWING: Schakel dient echte gegevens op {} zonder --secure-cookies: \
             sessiecookies gaan dan zonder TLS over het netwerk. Zet TLS (of een proxy met TLS) \
             ervoor en start met --secure-cookies, of luister alleen op 127.0.0.1.",
            config.listen
        )
    })
}

/// Binds `listen`, prints the address actually bound (so `--listen 127.0.0.1:0` can be found) and
/// serves until Ctrl-C or SIGTERM, then lets requests in flight finish and closes the database.
pub async fn run(store: Store, web: WebConfig, listen: SocketAddr) -> CliResult<()> {
    let listener = TcpListener::bind(listen)
        .await
        .map_err(|e| CliError::failure(format!("kan niet luisteren op {listen}: {e}")))?;
    let addr = listener
        .local_addr()
        .map_err(|e| CliError::failure(format!("adres onbekend: {e}")))?;
    let demo = web.demo_mode;
    // AppState gives the store handle the web configuration's region rules.
    let state = AppState::new(store.clone(), web);
    tokio::spawn(purge_now_and_then(state.clone()));
    let app = schakel_web::router(state);
    println!("Schakel luistert op http://{addr}");
    tracing::info!(%addr, demo, "listening");
    let result = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await;
    store.close().await;
    result.map_err(|e| CliError::failure(format!("server gestopt: {e}")))?;
    tracing::info!("stopped");
    Ok(())
}

/// Ended sessions and old login attempts are removed every ten minutes, and the planner's
/// statistics refreshed.
async fn purge_now_and_then(state: AppState) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        every.tick().await;
        match schakel_web::purge_expired(&state).await {
            Ok((sessions, attempts)) => tracing::debug!(sessions, attempts, "purged"),
            Err(e) => tracing::warn!(error = ?e, "purge failed"),
        }
        // The planner's statistics follow the data as it grows (see Store::refresh_statistics).
        if let Err(e) = state.store.refresh_statistics().await {
            tracing::warn!(error = ?e, "refreshing the planner's statistics failed");
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
