//! The `schakel` binary from the outside: exit codes, the one line on standard error, what is and is
//! not written, and the demo server's announced address. Every test uses its own temporary folder.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_schakel");

/// A `schakel` command run in `dir`, with no SCHAKEL_* settings leaking in from the test's environment.
fn schakel(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir);
    for (name, _) in std::env::vars() {
        if name.starts_with("SCHAKEL_") || name == "RUST_LOG" {
            cmd.env_remove(name);
        }
    }
    cmd
}

/// Runs to completion (with a deadline, so a command that wrongly starts serving fails the test).
fn run(mut cmd: Command) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_output(&mut child, Duration::from_secs(60))
}

fn run_with_stdin(mut cmd: Command, input: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    wait_output(&mut child, Duration::from_secs(60))
}

fn wait_output(child: &mut Child, limit: Duration) -> Output {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stdout = Vec::new();
            let mut stderr = Vec::new();
            child
                .stdout
                .take()
                .unwrap()
                .read_to_end(&mut stdout)
                .unwrap();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_end(&mut stderr)
                .unwrap();
            return Output {
                status,
                stdout,
                stderr,
            };
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("schakel did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit code 2 and exactly one line on standard error, starting with `schakel: <prefix>`.
#[track_caller]
fn assert_bad_input(o: &Output, prefix: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "want one line, got: {err:?}");
    assert!(
        err.starts_with(&format!("schakel: {prefix}")),
        "want 'schakel: {prefix}...', got: {err:?}"
    );
}

fn user_add(dir: &Path, username: &str, org: &str, role: &str) -> Command {
    let mut cmd = schakel(dir);
    cmd.args([
        "user",
        "add",
        "--username",
        username,
        "--name",
        "Test Gebruiker",
        "--org",
        org,
        "--role",
        role,
    ]);
    cmd
}

fn user_list(dir: &Path) -> String {
    let mut cmd = schakel(dir);
    cmd.args(["user", "list"]);
    let o = run(cmd);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

fn org_list(dir: &Path) -> String {
    let mut cmd = schakel(dir);
    cmd.args(["org", "list"]);
    let o = run(cmd);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn a_bad_username_exits_2_naming_the_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(user_add(
        dir.path(),
        "<script>",
        "Wijkteam Venlo",
        "medewerker",
    ));
    assert_bad_input(&o, "gebruikersnaam: ");
    assert!(
        !dir.path().join("schakel-data").exists(),
        "bad input must not even create the database"
    );
}

#[test]
fn a_bad_role_exits_2_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(user_add(
        dir.path(),
        "jan.jansen",
        "Wijkteam Venlo",
        "admin",
    ));
    assert_bad_input(&o, "rol: onbekende rol 'admin'");
    assert!(!user_list(dir.path()).contains("jan.jansen"));
}

#[test]
fn a_role_that_does_not_fit_the_organisation_exits_2_and_adds_no_user() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(user_add(
        dir.path(),
        "jan.jansen",
        "Veilig Thuis Noord- en Midden-Limburg",
        "school_contact",
    ));
    assert_bad_input(
        &o,
        "rol: de rol Contactpersoon school (Handle with Care) past niet",
    );
    assert!(!user_list(dir.path()).contains("jan.jansen"));
}

#[test]
fn an_unknown_organisation_exits_2_and_adds_no_user() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(user_add(
        dir.path(),
        "jan.jansen",
        "Wijkteam Atlantis",
        "medewerker",
    ));
    assert_bad_input(&o, "organisatie: onbekende organisatie 'Wijkteam Atlantis'");
    assert!(!user_list(dir.path()).contains("jan.jansen"));
}

#[test]
fn a_missing_flag_exits_2_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args(["user", "add", "--username", "jan.jansen", "--name", "Jan"]);
    let o = run(cmd);
    assert_bad_input(&o, "--org");
}

#[test]
fn a_bad_setting_exits_2_naming_it_and_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = schakel(dir.path());
    cmd.env("SCHAKEL_LISTEN", "overal").arg("verify");
    let o = run(cmd);
    assert_bad_input(&o, "listen: ");
    assert!(stderr(&o).contains("SCHAKEL_LISTEN"));
}

#[test]
fn user_add_then_list_shows_the_user_and_the_password_once() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(user_add(
        dir.path(),
        "jan.jansen",
        "Veilig Thuis Noord- en Midden-Limburg",
        "teamleider",
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let password_line = out
        .lines()
        .find(|l| l.starts_with("Wachtwoord"))
        .expect("generated password is printed");
    let password = password_line.rsplit(' ').next().unwrap();
    assert!(password.len() >= 20, "{password}");

    let list = user_list(dir.path());
    let row = list.lines().find(|l| l.starts_with("jan.jansen")).unwrap();
    assert!(row.contains("Test Gebruiker"), "{row}");
    assert!(
        row.contains("teamleider @ Veilig Thuis Noord- en Midden-Limburg"),
        "{row}"
    );
    assert!(!list.contains(password), "a password is shown once only");

    // The same name again is bad input, exit 2.
    let o = run(user_add(
        dir.path(),
        "jan.jansen",
        "Wijkteam Venlo",
        "medewerker",
    ));
    assert_bad_input(&o, "gebruikersnaam: ");
}

#[test]
fn passwords_from_stdin_are_checked_and_never_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = user_add(dir.path(), "piet", "Wijkteam Venlo", "medewerker");
    cmd.arg("--password-stdin");
    let o = run_with_stdin(cmd, "kort\n");
    assert_bad_input(&o, "wachtwoord: ");

    let mut cmd = user_add(dir.path(), "piet", "Wijkteam Venlo", "medewerker");
    cmd.arg("--password-stdin");
    let o = run_with_stdin(cmd, "een-lang-en-geheim-wachtwoord\n");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).contains("geheim"));
    assert!(!stdout(&o).contains("Wachtwoord"));

    let mut cmd = schakel(dir.path());
    cmd.args(["user", "reset-password", "piet", "--password-stdin"]);
    let o = run_with_stdin(cmd, "nog-een-lang-wachtwoord\n");
    assert!(o.status.success(), "{}", stderr(&o));

    let mut cmd = schakel(dir.path());
    cmd.args(["user", "reset-password", "niemand"]);
    assert_bad_input(&run(cmd), "gebruikersnaam: onbekende gebruiker");
}

#[test]
fn disable_and_enable_show_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        run(user_add(
            dir.path(),
            "kees",
            "Politie Limburg",
            "medewerker"
        ))
        .status
        .success()
    );
    let mut cmd = schakel(dir.path());
    cmd.args(["user", "disable", "kees"]);
    assert!(run(cmd).status.success());
    let list = user_list(dir.path());
    let header = list.lines().next().unwrap();
    let row = list.lines().find(|l| l.starts_with("kees")).unwrap();
    // The GEBLOKKEERD column says ja.
    let col = header.find("GEBLOKKEERD").unwrap();
    assert!(row[col..].starts_with("ja"), "{row}");

    let mut cmd = schakel(dir.path());
    cmd.args(["user", "enable", "kees"]);
    assert!(run(cmd).status.success());
    let list = user_list(dir.path());
    let row = list.lines().find(|l| l.starts_with("kees")).unwrap();
    assert!(row[col..].starts_with("nee"), "{row}");
}

#[test]
fn org_import_of_a_csv_adds_organisations() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("orgs.csv");
    std::fs::write(
        &file,
        "name,kind,gemeenten\n\
         Basisschool Het Testlokaal,school,Venlo;Venray\n\
         \"Zorggroep Proef, Weert\",zorg,Weert\n\
         Regionale Testdienst,ggd,*\n",
    )
    .unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args(["org", "import"]).arg(&file);
    let o = run(cmd);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("3 organisatie(s)"), "{}", stdout(&o));

    let list = org_list(dir.path());
    let row = list
        .lines()
        .find(|l| l.starts_with("Basisschool Het Testlokaal"))
        .unwrap();
    assert!(
        row.contains("school") && row.contains("Venlo, Venray"),
        "{row}"
    );
    assert!(list.contains("Zorggroep Proef, Weert"));
    let row = list
        .lines()
        .find(|l| l.starts_with("Regionale Testdienst"))
        .unwrap();
    assert!(row.contains("alle 14 gemeenten"), "{row}");
    // The region's own organisations are there too.
    assert!(list.contains("Veilig Thuis Noord- en Midden-Limburg"));

    // Importing again changes nothing (upserts by name).
    let mut cmd = schakel(dir.path());
    cmd.args(["org", "import"]).arg(&file);
    assert!(run(cmd).status.success());
    assert_eq!(org_list(dir.path()), list);
}

#[test]
fn a_bad_csv_row_exits_2_naming_line_and_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("orgs.csv");
    std::fs::write(
        &file,
        "name,kind,gemeenten\n\
         Basisschool Het Testlokaal,school,Venlo\n\
         Bakkerij De Korst,bakkerij,Venlo\n",
    )
    .unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args(["org", "import"]).arg(&file);
    let o = run(cmd);
    assert_bad_input(&o, "regel 3: kind: onbekende soort organisatie 'bakkerij'");
    assert!(
        !org_list(dir.path()).contains("Basisschool Het Testlokaal"),
        "the good row before the bad one must not be written either"
    );

    std::fs::write(
        &file,
        "name,kind,gemeenten\nBasisschool Het Testlokaal,school,Maastricht\n",
    )
    .unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args(["org", "import"]).arg(&file);
    assert_bad_input(
        &run(cmd),
        "regel 2: gemeenten: onbekende gemeente 'Maastricht'",
    );
}

#[test]
fn org_import_of_toml_uses_the_region_file_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("orgs.toml");
    std::fs::write(
        &file,
        "[[organisation]]\nname = \"Sportclub De Proef\"\nkind = \"school\"\ngemeenten = [\"Gennep\"]\n",
    )
    .unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args(["org", "import"]).arg(&file);
    let o = run(cmd);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(org_list(dir.path()).contains("Sportclub De Proef"));

    std::fs::write(
        &file,
        "[[organisation]]\nname = \"X\"\nkind = \"school\"\ngemeenten = [\"Gennep\"]\nkleur = \"rood\"\n",
    )
    .unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args(["org", "import"]).arg(&file);
    assert_bad_input(&run(cmd), "regel ");
}

#[test]
fn verify_on_a_fresh_database_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = schakel(dir.path());
    cmd.arg("migrate");
    assert!(run(cmd).status.success());
    let mut cmd = schakel(dir.path());
    cmd.arg("verify");
    let o = run(cmd);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("casussen:"), "{}", stdout(&o));
}

/// Issue 8, finding 14: a mistyped data folder or an empty file is no database that verifies.
#[test]
fn verify_refuses_a_missing_or_empty_database_in_one_line_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args(["--data-dir", "getypt-verkeerd", "verify"]);
    let o = run(cmd);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(stderr(&o).trim().lines().count(), 1, "{}", stderr(&o));
    assert!(!stdout(&o).contains("kloppen"), "{}", stdout(&o));
    assert!(
        !dir.path().join("getypt-verkeerd").exists(),
        "nothing created"
    );

    std::fs::create_dir_all(dir.path().join("leeg")).unwrap();
    std::fs::write(dir.path().join("leeg/schakel.db"), b"").unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args(["--data-dir", "leeg", "verify"]);
    let o = run(cmd);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(stderr(&o).trim().lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("leeg"), "{}", stderr(&o));
    assert_eq!(
        std::fs::metadata(dir.path().join("leeg/schakel.db"))
            .unwrap()
            .len(),
        0,
        "still empty"
    );
    // demo does not start on the empty file either.
    let mut cmd = schakel(dir.path());
    cmd.args([
        "--data-dir",
        "leeg",
        "demo",
        "--listen",
        "127.0.0.1:0",
        "--scale",
        "0",
    ]);
    let o = run(cmd);
    assert_ne!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stdout(&o).contains("luistert"), "{}", stdout(&o));
}

/// Issue 8, finding 14: a corrupt file is named in one line at once by verify, and demo and serve
/// refuse a file that fails SQLite's quick check.
#[test]
fn a_corrupt_database_is_reported_at_once_and_refused_by_demo_and_serve() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("kapot")).unwrap();
    std::fs::write(
        dir.path().join("kapot/schakel.db"),
        "dit is geen database maar een tekst die er lang genoeg voor is. ".repeat(200),
    )
    .unwrap();
    for args in [
        vec!["verify"],
        vec!["demo", "--listen", "127.0.0.1:0", "--scale", "0"],
        vec!["serve", "--listen", "127.0.0.1:0"],
    ] {
        let started = Instant::now();
        let mut cmd = schakel(dir.path());
        cmd.args(["--data-dir", "kapot"]).args(&args);
        let o = run(cmd);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert_eq!(
            stderr(&o).trim().lines().count(),
            1,
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{args:?} took {:?}",
            started.elapsed()
        );
    }
    // A database whose pages are damaged fails the quick check: demo and serve refuse it.
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = schakel(dir.path());
    cmd.arg("migrate");
    assert!(run(cmd).status.success());
    let file = dir.path().join("schakel-data/schakel.db");
    let mut bytes = std::fs::read(&file).unwrap();
    let page = 4096;
    assert!(bytes.len() > 3 * page);
    for b in &mut bytes[page + 100..2 * page] {
        *b = 0x5a;
    }
    std::fs::write(&file, &bytes).unwrap();
    for args in [
        vec!["verify"],
        vec!["demo", "--listen", "127.0.0.1:0", "--scale", "0"],
        vec!["serve", "--listen", "127.0.0.1:0"],
    ] {
        let mut cmd = schakel(dir.path());
        cmd.args(&args);
        let o = run(cmd);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert_eq!(
            stderr(&o).trim().lines().count(),
            1,
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(!stdout(&o).contains("luistert"), "{args:?}");
    }
}

/// Issue 8, finding 14: a PostgreSQL server that does not answer is reported within seconds.
#[test]
fn an_unreachable_postgres_is_reported_within_seconds() {
    let dir = tempfile::tempdir().unwrap();
    for url in [
        "postgres://postgres@127.0.0.1:1/schakel",
        "postgres://postgres@192.0.2.1:5432/schakel",
    ] {
        let started = Instant::now();
        let mut cmd = schakel(dir.path());
        cmd.env("SCHAKEL_DATABASE_URL", url).arg("verify");
        let o = run(cmd);
        assert_eq!(o.status.code(), Some(1), "{url}: {}", stderr(&o));
        assert_eq!(
            stderr(&o).trim().lines().count(),
            1,
            "{url}: {}",
            stderr(&o)
        );
        assert!(stderr(&o).contains("niet bereikbaar"), "{}", stderr(&o));
        assert!(
            started.elapsed() < Duration::from_secs(12),
            "{url} took {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn migrate_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        let mut cmd = schakel(dir.path());
        cmd.arg("migrate");
        let o = run(cmd);
        assert!(o.status.success(), "{}", stderr(&o));
    }
}

#[test]
fn the_data_dir_flag_beats_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = schakel(dir.path());
    cmd.env("SCHAKEL_DATA_DIR", "van-env")
        .args(["--data-dir", "van-vlag", "migrate"]);
    assert!(run(cmd).status.success());
    assert!(dir.path().join("van-vlag/schakel.db").exists());
    assert!(!dir.path().join("van-env").exists());

    let mut cmd = schakel(dir.path());
    std::fs::write(dir.path().join("c.toml"), "data_dir = \"van-bestand\"\n").unwrap();
    cmd.env("SCHAKEL_CONFIG", "c.toml").arg("migrate");
    assert!(run(cmd).status.success());
    assert!(dir.path().join("van-bestand/schakel.db").exists());
}

#[test]
fn demo_refuses_a_database_with_a_real_user() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        run(user_add(
            dir.path(),
            "echt.mens",
            "Wijkteam Venlo",
            "medewerker"
        ))
        .status
        .success()
    );
    let mut cmd = schakel(dir.path());
    cmd.args(["demo", "--listen", "127.0.0.1:0"]);
    let o = run(cmd);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    let last = err.lines().last().unwrap();
    assert!(last.contains("echte gebruikers"), "{err}");
}

#[test]
fn demo_refuses_a_postgres_url_as_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = schakel(dir.path());
    cmd.env("SCHAKEL_DATABASE_URL", "postgres://u:geheim@127.0.0.1:1/x")
        .arg("demo");
    let o = run(cmd);
    assert_bad_input(&o, "database-url: ");
    assert!(!stderr(&o).contains("geheim"));
}

/// Starts `schakel demo --listen 127.0.0.1:0 --scale 0` (no synthetic year: these tests are about
/// the server) and returns the child, the announced address and the lines printed before it.
fn start_demo(dir: &Path) -> (Child, String, Vec<String>) {
    start_demo_with(dir, &["--scale", "0"])
}

/// [`start_demo`] with more arguments (e.g. `--scale 0`).
fn start_demo_with(dir: &Path, extra: &[&str]) -> (Child, String, Vec<String>) {
    let mut cmd = schakel(dir);
    let mut child = cmd
        .args(["demo", "--listen", "127.0.0.1:0"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => {
                if let Some(url) = line.strip_prefix("Schakel luistert op http://") {
                    return (child, url.to_string(), lines);
                }
                lines.push(line);
            }
            Err(_) => {
                child.kill().ok();
                child.wait().ok();
                panic!("no address announced; output so far: {lines:?}");
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn demo_serves_on_the_announced_port_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, addr, printed) = start_demo(dir.path());
    let printed = printed.join("\n");
    for user in [
        "vt.medewerker",
        "vt.teamleider",
        "wijkteam.venlo",
        "wijkteam.venlo.tl",
        "politie",
        "beheerder",
        "privacy",
        "beleid",
        "school",
    ] {
        assert!(
            printed
                .lines()
                .any(|l| l.split_whitespace().next() == Some(user)),
            "{user} missing from: {printed}"
        );
    }
    assert!(printed.contains("schakel-demo-2026"));

    assert!(!addr.ends_with(":0"), "the real port is announced: {addr}");
    let mut conn = std::net::TcpStream::connect(&addr).unwrap();
    conn.write_all(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    conn.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1."), "{response}");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let start = Instant::now();
    let exit = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no shutdown");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(exit.success(), "graceful shutdown exits 0: {exit:?}");

    // The demo users are demo accounts; running demo again keeps them (created only if missing).
    let list = user_list(dir.path());
    let row = list
        .lines()
        .find(|l| l.starts_with("vt.medewerker"))
        .unwrap();
    assert!(row.contains("Vera Veilig (demo)"), "{row}");

    // `serve` refuses the demo database.
    let mut cmd = schakel(dir.path());
    cmd.args(["serve", "--listen", "127.0.0.1:0"]);
    let o = run(cmd);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("schakel demo"), "{}", stderr(&o));

    // A second demo run on the same folder starts again without duplicating anyone.
    let (mut child, _, _) = start_demo(dir.path());
    child.kill().unwrap();
    child.wait().unwrap();
    let again = user_list(dir.path());
    assert_eq!(again, list);
}

/// Writes a case with three events straight through the store, then runs `tampering` behind the
/// store's back, as an intruder with database access would.
async fn tamper_with_a_case(data_dir: &Path, tampering: &[&str]) {
    use schakel_domain::access::Participation;
    use schakel_store::cases::{Author, CaseProjection, EventDraft};

    let db = schakel_testkit::TestDb::open_sqlite(data_dir).await;
    let store = &db.store;
    let vt = store
        .organisation_by_name("Veilig Thuis Noord- en Midden-Limburg")
        .await
        .unwrap()
        .unwrap()
        .id;
    let drafts: Vec<EventDraft> = (1..=3)
        .map(|n| EventDraft {
            kind: "note_added".into(),
            payload: serde_json::json!({ "n": n }),
            at: time::OffsetDateTime::now_utc(),
        })
        .collect();
    let projection = CaseProjection {
        kind: "melding".into(),
        status: "open".into(),
        accountable_org: vt.clone(),
        title: "Testcasus".into(),
        participants: vec![(vt.clone(), Participation::Accountable)],
        persons: vec![],
        ..Default::default()
    };
    let author = Author {
        user_id: "u-test".into(),
        org_id: vt,
        on_behalf_of: None,
    };
    store
        .append_case_events("c-test", 0, &author, &drafts, Some(&projection))
        .await
        .unwrap();
    for statement in tampering {
        db.exec(statement).await;
    }
    db.cleanup().await;
}

#[test]
fn verify_names_the_case_and_position_of_a_changed_deleted_or_reordered_event_and_exits_1() {
    let changed: &[&str] =
        &["UPDATE case_events SET payload = '{\"n\":99}' WHERE case_id = 'c-test' AND seq = 2"];
    let deleted: &[&str] = &["DELETE FROM case_events WHERE case_id = 'c-test' AND seq = 2"];
    let reordered: &[&str] = &[
        "UPDATE case_events SET seq = 100 WHERE case_id = 'c-test' AND seq = 2",
        "UPDATE case_events SET seq = 2 WHERE case_id = 'c-test' AND seq = 3",
        "UPDATE case_events SET seq = 3 WHERE case_id = 'c-test' AND seq = 100",
    ];
    for (what, tampering) in [
        ("changed", changed),
        ("deleted", deleted),
        ("reordered", reordered),
    ] {
        let dir = tempfile::tempdir().unwrap();
        // Loads the region into the default data folder.
        org_list(dir.path());
        let data_dir = dir.path().join("schakel-data");
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(tamper_with_a_case(&data_dir, tampering));

        let mut cmd = schakel(dir.path());
        cmd.arg("verify");
        let o = run(cmd);
        assert_eq!(o.status.code(), Some(1), "{what}: {}", stderr(&o));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{what}: {err}");
        assert!(err.contains("casus c-test, gebeurtenis 2"), "{what}: {err}");
    }
}

/// Writes a SQLite database as Schakel made it before migration 0003: the schema of 0001-0002 as the
/// old migrator recorded it, a case whose chain hashes raw payloads, and one access-log entry.
async fn database_from_before_0003(data_dir: &Path) {
    use schakel_store::hashchain::{GENESIS, digest, link};
    std::fs::create_dir_all(data_dir).unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        data_dir.join("schakel.db").display()
    );
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    let exec = |sql: String| {
        let pool = pool.clone();
        async move {
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(&pool)
                .await
                .unwrap();
        }
    };
    exec(
        "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, \
          checksum TEXT NOT NULL, applied_at TEXT NOT NULL)"
            .into(),
    )
    .await;
    for (version, name, sql) in [
        (
            1,
            "foundation",
            include_str!("../../../store/migrations/sqlite/0001_foundation.sql"),
        ),
        (
            2,
            "vt_flow",
            include_str!("../../../store/migrations/sqlite/0002_vt_flow.sql"),
        ),
    ] {
        exec(sql.into()).await;
        exec(format!(
            "INSERT INTO schema_migrations VALUES ({version}, '{name}', '{}', '2024-01-01T00:00:00.000000Z')",
            digest(sql)
        ))
        .await;
    }
    let mut prev = GENESIS.to_string();
    for seq in 1..=2 {
        let at = format!("2024-02-0{seq}T10:00:00.000000Z");
        let payload = format!(r#"{{"n":{seq}}}"#);
        let hash = link(
            &prev,
            &[
                Some("c-old"),
                Some(&seq.to_string()),
                Some(&at),
                Some("u-1"),
                Some("org-vt"),
                None,
                Some("note_added"),
                Some(&payload),
            ],
        );
        exec(format!(
            "INSERT INTO case_events VALUES ('c-old', {seq}, '{at}', 'u-1', 'org-vt', NULL, 'note_added', \
             '{payload}', '{prev}', '{hash}')"
        ))
        .await;
        prev = hash;
    }
    exec(format!(
        "INSERT INTO cases VALUES ('c-old', 'melding', 'open', 'org-vt', 'Oud', \
         '2024-02-01T10:00:00.000000Z', '2024-02-02T10:00:00.000000Z', 2, '{prev}')"
    ))
    .await;
    let at = "2024-02-03T10:00:00.000000Z";
    let hash = link(
        GENESIS,
        &[
            Some("1"),
            Some(at),
            Some("read"),
            Some("case"),
            Some("c-old"),
            Some("allowed"),
            Some("u-1"),
            Some("jan"),
            None,
            None,
            None,
            Some("10.0.0.1"),
            None,
            None,
            Some(""),
        ],
    );
    exec(format!(
        "INSERT INTO access_log VALUES (1, '{at}', 'read', 'case', 'c-old', 'allowed', 'u-1', 'jan', NULL, \
         NULL, NULL, '10.0.0.1', NULL, NULL, '', '{GENESIS}', '{hash}')"
    ))
    .await;
    exec(format!(
        "UPDATE access_log_head SET seq = 1, hash = '{hash}'"
    ))
    .await;
    pool.close().await;
}

#[test]
fn a_database_from_before_the_digest_chain_migrates_and_verify_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(database_from_before_0003(&dir.path().join("schakel-data")));
    // verify opens read-only: an old schema asks for `schakel migrate` first.
    let mut cmd = schakel(dir.path());
    cmd.arg("verify");
    let o = run(cmd);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("schakel migrate"), "{}", stderr(&o));
    let mut cmd = schakel(dir.path());
    cmd.arg("migrate");
    assert!(run(cmd).status.success());
    let mut cmd = schakel(dir.path());
    cmd.arg("verify");
    let o = run(cmd);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("gebeurtenissen:    2"), "{out}");
    assert!(out.contains("toegangslogregels: 1"), "{out}");
    assert!(out.contains("Alle ketens kloppen."), "{out}");
}

/// Stops a server with SIGTERM and waits for it.
#[cfg(unix)]
fn terminate(mut child: Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < Duration::from_secs(30), "no shutdown");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_bad_demo_scale_exits_2_naming_it_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args(["demo", "--listen", "127.0.0.1:0", "--scale", "101"]);
    assert_bad_input(&run(cmd), "scale: ");

    let mut cmd = schakel(dir.path());
    cmd.env("SCHAKEL_DEMO_SCALE", "veel")
        .args(["demo", "--listen", "127.0.0.1:0"]);
    let o = run(cmd);
    assert_bad_input(&o, "scale: ");
    assert!(stderr(&o).contains("SCHAKEL_DEMO_SCALE"), "{}", stderr(&o));

    let mut cmd = schakel(dir.path());
    cmd.args(["demo", "--listen", "127.0.0.1:0", "--year", "twintig"]);
    assert_bad_input(&run(cmd), "year: ");
    assert!(!dir.path().join("schakel-data").exists());

    let mut cmd = schakel(dir.path());
    cmd.args(["monitor", "totals", "--scale", "-1"]);
    assert_bad_input(&run(cmd), "scale: ");
    let mut cmd = schakel(dir.path());
    cmd.args(["bench", "intake", "--clients", "0"]);
    assert_bad_input(&run(cmd), "clients: ");
}

/// Parses the totals table: what -> (counted, deviation marked as over 5%).
fn totals_rows(out: &str) -> Vec<(String, u64, bool)> {
    out.lines()
        .skip_while(|l| !l.starts_with("TOTAAL"))
        .skip(1)
        .take_while(|l| !l.starts_with("Alle "))
        .map(|l| {
            let cells: Vec<&str> = l
                .split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            (
                cells[0].to_string(),
                cells[1].parse().unwrap(),
                l.ends_with("> 5%"),
            )
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn demo_generates_a_synthetic_year_once_and_monitor_totals_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    // No --year: the 365 days ending today, as a working week looks.
    let args = ["--scale", "0.05", "--seed", "7"];
    let (child, _, printed) = start_demo_with(dir.path(), &args);
    terminate(child);
    let printed = printed.join("\n");
    let made = printed
        .lines()
        .find(|l| l.contains("vervolgstappen in"))
        .unwrap_or_else(|| panic!("no generation line in: {printed}"));
    // 5% of 1,752 adviezen and 3,634 meldingen.
    let expected_cases = 88 + 182;
    assert!(
        made.starts_with(&format!("{expected_cases} adviezen en meldingen")),
        "{made}"
    );
    assert!(made.contains("nog na vandaag"), "{made}");

    let mut cmd = schakel(dir.path());
    cmd.args(["monitor", "totals"]);
    let o = run(cmd);
    let out = stdout(&o);
    // The demo recorded its period and scale; the totals command uses them.
    let first_line = out.lines().next().unwrap_or_default();
    assert!(first_line.contains(" tot en met "), "{out}");
    assert!(
        !first_line.contains("01-01-"),
        "a calendar year instead of the last 365 days: {out}"
    );
    assert!(out.contains("2018 x 0.05"), "{out}");
    let rows = totals_rows(&out);
    let count = |what: &str| rows.iter().find(|r| r.0 == what).map(|r| r.1);
    // A converted advies counts as a melding.
    let (adviezen, meldingen) = (count("adviezen").unwrap(), count("meldingen").unwrap());
    assert_eq!(adviezen + meldingen, 270, "{out}");
    assert!(meldingen >= 182, "{out}");
    assert!(count("leeftijd 0-20").unwrap() > 0, "{out}");
    assert!(count("aard psychisch_geweld").unwrap() > 0, "{out}");
    assert_eq!(rows.len(), 3 + 9 + 13, "{out}");
    // Exit code 0 exactly when no row is marked (small scales round the smallest bands off).
    let marked = rows.iter().filter(|r| r.2).count();
    if marked == 0 {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    } else {
        assert_eq!(o.status.code(), Some(1), "{out}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(&format!("{marked} van de 25 totalen")),
            "{err}"
        );
    }

    // Another year has nothing: every total deviates, exit 1.
    let mut cmd = schakel(dir.path());
    cmd.args(["monitor", "totals", "--year", "2023"]);
    let o = run(cmd);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(count_in(&stdout(&o), "adviezen"), Some(0));

    // A restart keeps the cases and generates nothing more.
    let (child, _, printed) = start_demo_with(dir.path(), &args);
    terminate(child);
    assert!(
        printed.iter().any(|l| l.contains("bevat al casussen")),
        "{printed:?}"
    );
    let mut cmd = schakel(dir.path());
    cmd.args(["monitor", "totals", "--json"]);
    let o = run(cmd);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["totals"]["adviezen"], adviezen);
    assert_eq!(report["totals"]["meldingen"], meldingen);
    assert_eq!(report["within"], o.status.success());
}

fn count_in(out: &str, what: &str) -> Option<u64> {
    totals_rows(out)
        .into_iter()
        .find(|r| r.0 == what)
        .map(|r| r.1)
}

#[test]
fn bench_intake_completes_at_a_tiny_size_and_reports_a_ratio() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args([
        "bench",
        "intake",
        "--clients",
        "4",
        "--intakes",
        "24",
        "--population",
        "0.01",
        "--json",
    ]);
    let o = run(cmd);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["backend"], "sqlite");
    assert_eq!(r["intake"]["intakes"], 24);
    // 18 rows per intake, as the store's raw insert documents.
    assert_eq!(r["raw"]["rows"], 24 * 18);
    assert!(r["population_cases"].as_u64().unwrap() > 0);
    let ratio = r["ratio"].as_f64().unwrap();
    assert!(ratio > 0.0, "{r}");
    let ms = |k: &str| r["intake"][k].as_f64().unwrap();
    assert!(ms("p50_ms") <= ms("p95_ms") && ms("p95_ms") <= ms("p99_ms"));
    assert!(ms("p99_ms") <= ms("max_ms") && ms("max_ms") > 0.0);
    assert_eq!(r["ratio_met"], ratio >= 0.5);
    // It works on its own temporary database, never the configured data folder.
    assert!(!dir.path().join("schakel-data").exists());

    // The table form names the ratio too.
    let mut cmd = schakel(dir.path());
    cmd.args([
        "bench",
        "intake",
        "--clients",
        "2",
        "--intakes",
        "4",
        "--population",
        "0",
    ]);
    let o = run(cmd);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("verhouding intake/ruw: "),
        "{}",
        stdout(&o)
    );
}
/// Region, demo users and one open melding for Veilig Thuis (registered through the use case, as
/// the test kit does) before the server starts. Returns the case id.
async fn prepare_demo_with_a_case(data_dir: &Path) -> String {
    use schakel_domain::org::OrgKind;

    let db = schakel_testkit::TestDb::open_sqlite(data_dir).await;
    let region = schakel::region::Region::builtin().unwrap();
    schakel::demo::prepare(&db.store, &region).await.unwrap();
    let vt = db
        .store
        .organisation_by_name("Veilig Thuis Noord- en Midden-Limburg")
        .await
        .unwrap()
        .unwrap();
    let user = db
        .store
        .user_by_username("vt.medewerker")
        .await
        .unwrap()
        .unwrap();
    let by = schakel_testkit::kit::acting(&user.id, "vt.medewerker", &vt.id, OrgKind::VeiligThuis);
    let case = schakel_testkit::kit::melding(&db.store, &by, 1).await;
    db.cleanup().await;
    case.case_id
}

/// Logs in as the demo's Veilig Thuis worker; returns a client holding the session cookie and the
/// CSRF token.
async fn login(base: &str) -> (reqwest::Client, String) {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let res = client
        .post(format!("{base}/api/v1/session"))
        .json(&serde_json::json!({"username": "vt.medewerker", "password": "schakel-demo-2026"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    assert!(
        res.cookies().any(|c| c.name() == "schakel_sessie"),
        "session cookie set"
    );
    let body: serde_json::Value = res.json().await.unwrap();
    let csrf = body["csrf_token"].as_str().unwrap().to_string();
    (client, csrf)
}

/// Every write the server acknowledged (201) survives SIGKILL right after the last one: the
/// database syncs before it answers. After the restart all notes are in the case's history and
/// `schakel verify` finds every chain intact.
#[cfg(unix)]
#[test]
fn acknowledged_writes_survive_kill_9() {
    const NOTES: i64 = 30;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let case_id = rt.block_on(prepare_demo_with_a_case(&data));
    let data_arg = data.to_str().unwrap();
    let args = ["--scale", "0", "--data-dir", data_arg];

    let (mut child, addr, _) = start_demo_with(dir.path(), &args);
    let base = format!("http://{addr}");
    let acknowledged: Vec<(i64, String)> = rt.block_on(async {
        let (client, csrf) = login(&base).await;
        let mut seq = 2_i64;
        let mut done = Vec::new();
        for i in 1..=NOTES {
            let text = format!("Notitie {i} van de kill-9-test");
            let res = client
                .post(format!("{base}/api/v1/cases/{case_id}/notes"))
                .header("X-CSRF-Token", &csrf)
                .json(&serde_json::json!({"expected_seq": seq, "text": text}))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 201, "note {i}");
            let body: serde_json::Value = res.json().await.unwrap();
            seq = body["seq"].as_i64().unwrap();
            done.push((seq, text));
        }
        done
    });
    // SIGKILL at once after the last acknowledgement: no graceful shutdown, no checkpoint.
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(acknowledged.last().unwrap().0, 2 + NOTES);

    let (child, addr, _) = start_demo_with(dir.path(), &args);
    let base = format!("http://{addr}");
    let events: Vec<serde_json::Value> = rt.block_on(async {
        let (client, _) = login(&base).await;
        let res = client
            .get(format!("{base}/api/v1/cases/{case_id}/events"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        res.json().await.unwrap()
    });
    terminate(child);
    assert_eq!(events.len() as i64, 2 + NOTES);
    for (seq, text) in &acknowledged {
        let e = events
            .iter()
            .find(|e| e["seq"].as_i64() == Some(*seq))
            .unwrap_or_else(|| panic!("acknowledged event {seq} lost"));
        assert!(e.to_string().contains(text.as_str()), "{e}");
    }

    let mut cmd = schakel(dir.path());
    cmd.args(["verify", "--data-dir", data_arg]);
    let o = run(cmd);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Alle ketens kloppen."),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("casussen:          1"),
        "{}",
        stdout(&o)
    );
}

/// The due date of the veiligheidsbeoordeling of a melding received on Thursday 2 April 2026
/// (before Easter), registered over the API of `schakel demo` with these extra arguments and read
/// back from the work queue.
#[cfg(unix)]
fn assessment_due_in_the_work_queue(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["--scale", "0"];
    args.extend_from_slice(extra);
    let (child, addr, _) = start_demo_with(dir, &args);
    let base = format!("http://{addr}");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let due = rt.block_on(async {
        let (client, csrf) = login(&base).await;
        let intake = serde_json::json!({"intake": {
            "soort": "melding",
            "ontvangen_op": "2026-04-02T10:00:00+02:00",
            "kanaal": "politiemelding",
            "melder": {"type": "justitie_en_veiligheid", "organisatie": "Politie Limburg"},
            "betrokkenen": [{"rol": "kind_in_gezin", "naam": "Fenna Verzonnen",
                "geboortedatum": "2016-05-04", "geslacht": "vrouw", "gemeente": "Venlo"}],
            "aard_geweld_versie": "regio-2018",
            "aard_geweld": ["psychisch_geweld"],
            "omschrijving": "Verzonnen melding voor de termijntest."
        }});
        let res = client
            .post(format!("{base}/api/v1/intakes"))
            .header("X-CSRF-Token", &csrf)
            .json(&intake)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 201);
        let queue: serde_json::Value = client
            .get(format!("{base}/api/v1/work-queue"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        queue
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["what"] == "Veiligheidsbeoordeling afronden")
            .map(|e| e["due"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no assessment deadline in {queue}"))
    });
    terminate(child);
    due
}

/// Issue 6 item 5: a region file that makes Goede Vrijdag a day off gives a later due date in the
/// work queue (domain calendar tests: 10 April by default, 13 April with Goede Vrijdag off).
#[cfg(unix)]
#[test]
fn a_region_file_with_goede_vrijdag_off_moves_the_due_date_in_the_work_queue() {
    let builtin = tempfile::tempdir().unwrap();
    assert_eq!(
        assessment_due_in_the_work_queue(builtin.path(), &[]),
        "2026-04-10"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("regio.toml");
    let text = schakel::region::DEFAULT_REGION_TOML.replacen(
        "\ngoede_vrijdag = false",
        "\ngoede_vrijdag = true ",
        1,
    );
    assert_ne!(text, schakel::region::DEFAULT_REGION_TOML);
    std::fs::write(&file, text).unwrap();
    assert_eq!(
        assessment_due_in_the_work_queue(dir.path(), &["--region", file.to_str().unwrap()]),
        "2026-04-13"
    );
}

#[test]
fn a_bad_rule_in_the_region_file_exits_2_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("regio.toml");
    let text = schakel::region::DEFAULT_REGION_TOML.replacen(
        "\nbevrijdingsdag = \"lustrum\"",
        "\nbevrijdingsdag = \"soms\"",
        1,
    );
    std::fs::write(&file, text).unwrap();
    for command in ["serve", "demo"] {
        let mut cmd = schakel(dir.path());
        cmd.args([command, "--listen", "127.0.0.1:0", "--region"])
            .arg(&file);
        let o = run(cmd);
        assert_bad_input(&o, &format!("{}: regel ", file.display()));
        assert!(
            stderr(&o).contains("bevrijdingsdag: onbekende waarde 'soms'"),
            "{}",
            stderr(&o)
        );
        assert!(
            !dir.path().join("schakel-data").exists(),
            "{command} stopped before opening a database"
        );
    }
}

/// Issue 8, finding 9: serving real data on a reachable address without secure cookies warns
/// clearly at start-up; on loopback, or with secure cookies, it does not.
#[cfg(unix)]
#[test]
fn serve_warns_when_real_data_is_served_without_secure_cookies_on_a_reachable_address() {
    for (listen, secure, warns) in [
        ("0.0.0.0:0", false, true),
        ("0.0.0.0:0", true, false),
        ("127.0.0.1:0", false, false),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let err_file = dir.path().join("stderr.txt");
        let mut cmd = schakel(dir.path());
        cmd.args(["serve", "--listen", listen]);
        if secure {
            cmd.arg("--secure-cookies");
        }
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&err_file).unwrap())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let mut announced = false;
        for line in BufReader::new(out).lines() {
            if line.unwrap().starts_with("Schakel luistert op") {
                announced = true;
                break;
            }
        }
        assert!(announced, "{listen}");
        terminate(child);
        let err = std::fs::read_to_string(&err_file).unwrap();
        assert_eq!(
            err.contains("WAARSCHUWING") && err.contains("--secure-cookies"),
            warns,
            "{listen} secure={secure}: {err}"
        );
    }
}

/// The crash test's and the soak's server serves only a database a benchmark made: a PostgreSQL
/// database with another name is bad input, a data folder that is no demo database a failure.
#[test]
fn bench_server_refuses_a_database_no_benchmark_made() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = schakel(dir.path());
    cmd.env(
        "SCHAKEL_DATABASE_URL",
        "postgres://u:geheim@127.0.0.1:1/productie",
    )
    .args(["bench", "server", "--listen", "127.0.0.1:0"]);
    let o = run(cmd);
    assert_bad_input(&o, "database-url: ");
    assert!(!stderr(&o).contains("geheim"));

    assert!(
        run(user_add(
            dir.path(),
            "echt.mens",
            "Wijkteam Venlo",
            "medewerker"
        ))
        .status
        .success()
    );
    let mut cmd = schakel(dir.path());
    cmd.args(["bench", "server", "--listen", "127.0.0.1:0"]);
    let o = run(cmd);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("demodatabase"), "{}", stderr(&o));
}

#[test]
fn bench_crash_and_soak_name_a_bad_option() {
    let dir = tempfile::tempdir().unwrap();
    for (args, field) in [
        (&["bench", "crash", "--cycles", "0"][..], "cycles: "),
        (&["bench", "crash", "--clients", "veel"][..], "clients: "),
        (&["bench", "soak", "--rate", "0"][..], "rate: "),
        (&["bench", "soak", "--minutes", "0.01"][..], "minutes: "),
    ] {
        let mut cmd = schakel(dir.path());
        cmd.args(args);
        assert_bad_input(&run(cmd), field);
    }
}

/// One kill cycle of the crash test on SQLite: writes are acknowledged, none is lost, nothing is
/// half written and verify passes (CI runs more cycles on both engines from `.ci/run`).
#[cfg(unix)]
#[test]
fn one_crash_cycle_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args([
        "bench",
        "crash",
        "--cycles",
        "1",
        "--clients",
        "2",
        "--seed",
        "7",
    ]);
    let o = run(cmd);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}\n{}", stderr(&o));
    assert!(out.contains("zaad 7"), "{out}");
    assert!(out.contains(", 0 kwijt, 0 half geschreven"), "{out}");
    let summary = out
        .lines()
        .find(|l| l.starts_with("Crashtest sqlite:"))
        .unwrap();
    let acknowledged: u64 = summary
        .split(", ")
        .find_map(|part| part.strip_suffix(" bevestigde schrijfacties"))
        .unwrap()
        .parse()
        .unwrap();
    assert!(acknowledged > 0, "{out}");
}

/// A demo database with one melding registered through the use case with the builtin region's
/// rules (as the demo server registers them), then `tampering` run behind the store's back.
async fn demo_case_then(data_dir: &Path, tampering: &[&str]) -> String {
    use schakel_domain::org::OrgKind;

    let db = schakel_testkit::TestDb::open_sqlite(data_dir).await;
    let region = schakel::region::Region::builtin().unwrap();
    schakel::demo::prepare(&db.store, &region).await.unwrap();
    let store = db
        .store
        .clone()
        .with_rules(std::sync::Arc::new(region.rules.clone()));
    let vt = store
        .organisation_by_name("Veilig Thuis Noord- en Midden-Limburg")
        .await
        .unwrap()
        .unwrap();
    let user = store
        .user_by_username("vt.medewerker")
        .await
        .unwrap()
        .unwrap();
    let by = schakel_testkit::kit::acting(&user.id, "vt.medewerker", &vt.id, OrgKind::VeiligThuis);
    let case = schakel_testkit::kit::melding(&store, &by, 1).await;
    for statement in tampering {
        db.exec(&statement.replace("{case}", &case.case_id)).await;
    }
    db.cleanup().await;
    case.case_id
}

/// Issue 8 finding 10: verify rebuilds the read models from the events; an altered work queue
/// item or case row fails it (exit 1) naming the case and the read model, read-only.
#[test]
fn verify_rebuilds_the_read_models_and_names_an_altered_one() {
    let run_on = |tampering: &[&str]| {
        let dir = tempfile::tempdir().unwrap();
        let data_dir = dir.path().join("schakel-data");
        let case = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(demo_case_then(&data_dir, tampering));
        let before = std::fs::read(data_dir.join("schakel.db")).unwrap();
        let mut cmd = schakel(dir.path());
        cmd.arg("verify");
        let o = run(cmd);
        assert_eq!(
            std::fs::read(data_dir.join("schakel.db")).unwrap(),
            before,
            "verify writes nothing"
        );
        (o, case)
    };
    let (o, _) = run_on(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("leesmodellen herbouwd: 1 casussen"));
    assert!(stdout(&o).contains("Alle leesmodellen kloppen met de gebeurtenissen."));

    for (tampering, read_model) in [
        (
            "UPDATE case_deadlines SET due = '2099-12-31' WHERE case_id = '{case}'",
            "werkvoorraad",
        ),
        (
            "UPDATE cases SET accountable_org = 'elders' WHERE id = '{case}'",
            "casus",
        ),
        (
            "UPDATE melding_facts SET gemeente = 'Elders' WHERE case_id = '{case}'",
            "monitorfeiten",
        ),
    ] {
        let (o, case) = run_on(&[tampering]);
        assert_eq!(o.status.code(), Some(1), "{tampering}: {}", stdout(&o));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(&format!("casus {case}, leesmodel {read_model}")),
            "{err}"
        );
    }
}

/// Issue 8 finding 12: `bench logins` logs in through the pages and reports the resident memory
/// at each stage (a figure, not a timed test: nothing here depends on how fast the machine is).
#[test]
fn bench_logins_reports_resident_memory_at_each_stage() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args([
        "bench",
        "logins",
        "--logins",
        "3",
        "--concurrent",
        "5",
        "--round",
        "2",
        "--json",
    ]);
    let o = run(cmd);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (r["sequential"].as_u64(), r["concurrent"].as_u64()),
        (Some(3), Some(5))
    );
    for stage in [
        "rss_start_mib",
        "rss_after_sequential_mib",
        "rss_after_concurrent_mib",
        "rss_idle_mib",
    ] {
        assert!(r[stage].as_f64().unwrap() > 0.0, "{stage}: {r}");
    }
    assert_eq!(
        r["target_met"].as_bool().unwrap(),
        r["rss_after_sequential_mib"].as_f64().unwrap() < 150.0
    );
    assert!(
        !dir.path().join("schakel-data").exists(),
        "a temporary database"
    );
    let mut cmd = schakel(dir.path());
    cmd.args(["bench", "logins", "--logins", "0"]);
    assert_bad_input(&run(cmd), "logins");
}

/// Issue 7 acceptance: `bench pages` times Te doen and every kind of search on the configured
/// database against /healthz measured in the same run.
#[test]
fn bench_pages_times_te_doen_and_search_against_a_reference() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("schakel-data");
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(demo_case_then(&data_dir, &[]));
    let mut cmd = schakel(dir.path());
    cmd.args(["bench", "pages", "--requests", "3", "--json"]);
    let o = run(cmd);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["cases"], 1);
    assert_eq!(r["reference"]["path"], "/healthz");
    let kinds = r["kinds"].as_array().unwrap();
    let paths: Vec<&str> = kinds.iter().map(|k| k["path"].as_str().unwrap()).collect();
    for expected in [
        "/werkvoorraad",
        "/werkvoorraad?acuut=1",
        "/werkvoorraad?verlopen=1",
        "/werkvoorraad?sorteer=termijn&richting=af",
    ] {
        assert!(paths.contains(&expected), "{paths:?}");
    }
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with("/werkvoorraad?gemeente="))
    );
    assert!(
        paths.iter().filter(|p| p.starts_with("/zoeken?q=")).count() >= 3,
        "{paths:?}"
    );
    for k in kinds {
        assert_eq!(k["requests"], 3);
        assert!(k["ratio_p50"].as_f64().unwrap() > 0.0, "{k}");
        assert!(k["p50_ms"].as_f64().unwrap() <= k["p99_ms"].as_f64().unwrap());
        assert_eq!(
            k["target_met"].as_bool().unwrap(),
            k["p99_ms"].as_f64().unwrap() < 50.0
        );
    }
    let mut cmd = schakel(dir.path());
    cmd.args(["bench", "pages", "--user", "niemand", "--requests", "1"]);
    assert_bad_input(&run(cmd), "user");
}

#[test]
fn programme_import_reads_the_regions_file_and_refuses_a_bad_one_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let region_file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../regions/noord-midden-limburg-programma.toml");
    let mut cmd = schakel(dir.path());
    cmd.args(["programme", "import"]).arg(&region_file);
    let o = run(cmd);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("58 acties"), "{}", stdout(&o));

    let bad = dir.path().join("programma.toml");
    let text = std::fs::read_to_string(&region_file).unwrap().replacen(
        "soort = \"bestuurscommissie\"",
        "soort = \"gemeenteraad\"",
        1,
    );
    std::fs::write(&bad, text).unwrap();
    let mut cmd = schakel(dir.path());
    cmd.args(["programme", "import", "--id", "tweede"])
        .arg(&bad);
    assert_bad_input(&run(cmd), "orgaan[0].soort:");

    let mut cmd = schakel(dir.path());
    cmd.args(["programme", "import", "--id", "niet goed"])
        .arg(&region_file);
    assert_bad_input(&run(cmd), "id:");

    let mut cmd = schakel(dir.path());
    cmd.args(["verify"]);
    let o = run(cmd);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("actieprogramma's:  1"),
        "{}",
        stdout(&o)
    );
}
