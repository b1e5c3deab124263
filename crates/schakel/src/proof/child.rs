//! A server as a child process: `schakel bench server` on 127.0.0.1 with a port the system picks,
//! found from the line the server prints. It can be killed outright (SIGKILL: no shutdown, no
//! flush), and on Linux its memory and open files are read from `/proc`.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use super::Fresh;
use crate::error::{CliError, CliResult};

/// How long a server may take to start listening (migrations run first).
const START_LIMIT: Duration = Duration::from_secs(60);
/// What the server prints once it listens (see [`crate::serve::run`]).
const LISTENING: &str = "Schakel luistert op ";

/// The running binary: the child is the same `schakel`.
pub fn own_binary() -> CliResult<PathBuf> {
    std::env::current_exe().map_err(|e| CliError::failure(format!("eigen programma: {e}")))
}

pub struct Server {
    process: Child,
    pid: u32,
    /// `http://127.0.0.1:PORT`
    pub base: String,
}

impl Server {
    /// Starts a server on `fresh` and waits until it listens.
    pub async fn start(fresh: &Fresh, region: Option<&Path>) -> CliResult<Server> {
        let mut cmd = Command::new(own_binary()?);
        cmd.args(["bench", "server", "--listen", "127.0.0.1:0"]);
        if let Some(file) = region {
            cmd.arg("--region").arg(file);
        }
        fresh.configure(&mut cmd);
        cmd.env("SCHAKEL_LOG", "error")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        let mut process = cmd
            .spawn()
            .map_err(|e| CliError::failure(format!("server starten: {e}")))?;
        let pid = process
            .id()
            .ok_or_else(|| CliError::failure("server stopte meteen"))?;
        let stdout = process
            .stdout
            .take()
            .ok_or_else(|| CliError::failure("uitvoer van de server niet te lezen"))?;
        let mut lines = BufReader::new(stdout).lines();
        let base = tokio::time::timeout(START_LIMIT, async {
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(url) = line.strip_prefix(LISTENING) {
                    return Some(url.trim().to_string());
                }
            }
            None
        })
        .await
        .ok()
        .flatten();
        let Some(base) = base else {
            let _ = process.start_kill();
            let _ = process.wait().await;
            return Err(CliError::failure(
                "de server luisterde niet binnen een minuut (zie de meldingen hierboven)",
            ));
        };
        // Keep reading what it prints, so a full pipe never blocks it.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(Server { process, pid, base })
    }

    /// SIGKILL and wait until the process is gone.
    pub async fn kill(mut self) {
        let _ = self.process.start_kill();
        let _ = self.process.wait().await;
    }

    /// Resident memory in KiB (`VmRSS`), on Linux.
    pub fn rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid)).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
    }

    /// Open file descriptors, on Linux.
    pub fn open_fds(&self) -> Option<u64> {
        std::fs::read_dir(format!("/proc/{}/fd", self.pid))
            .ok()
            .map(|d| d.count() as u64)
    }
}
