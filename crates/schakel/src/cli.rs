//! The command line: subcommands and the global settings flags. Values stay text here; they are
//! checked in [`crate::config`], where flags, environment and the configuration file meet, so a bad
//! value gets the same one-line message naming the setting wherever it came from.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Schakel: one system for the regional chain approach to domestic violence and child abuse.
///
/// Settings come from flags, then SCHAKEL_* environment variables, then the configuration file
/// (--config / SCHAKEL_CONFIG), then built-in defaults.
#[derive(Parser)]
#[command(name = "schakel", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Settings shared by every subcommand. No `Debug`: the database URL may carry a password; the
/// resolved [`crate::config::Config`] has a `Debug` that masks it.
#[derive(Args, Default, Clone)]
pub struct GlobalArgs {
    /// Configuration file (TOML) [env: SCHAKEL_CONFIG]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Folder for the embedded SQLite database (schakel.db) [env: SCHAKEL_DATA_DIR] [default: ./schakel-data]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// postgres://... (or sqlite:...) instead of the data folder; prefer the environment variable,
    /// a flag is visible in the process list [env: SCHAKEL_DATABASE_URL]
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,
    /// Address to serve on, for serve and demo [env: SCHAKEL_LISTEN] [default: 127.0.0.1:8080]
    #[arg(long, global = true, value_name = "ADDR:PORT")]
    pub listen: Option<String>,
    /// Set the Secure flag on cookies (behind TLS) [env: SCHAKEL_SECURE_COOKIES]
    #[arg(long, global = true, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub secure_cookies: Option<String>,
    /// Reverse proxies whose X-Forwarded-For is believed: comma-separated addresses or networks
    /// (10.0.0.1,10.1.0.0/16). The client is the rightmost address in the header that is not one
    /// of them [env: SCHAKEL_TRUSTED_PROXIES] [default: none, the header is ignored]
    #[arg(long, global = true, value_name = "LIST")]
    pub trusted_proxies: Option<String>,
    /// A session ends after this many minutes without activity [env: SCHAKEL_SESSION_IDLE_MINUTES] [default: 30]
    #[arg(long, global = true, value_name = "MINUTES")]
    pub session_idle_minutes: Option<String>,
    /// Log format: text or json [env: SCHAKEL_LOG_FORMAT] [default: text]; the filter comes from SCHAKEL_LOG or RUST_LOG
    #[arg(long, global = true, value_name = "FORMAT")]
    pub log_format: Option<String>,
    /// Region file (TOML) to load instead of the built-in Noord- en Midden-Limburg [env: SCHAKEL_REGION]
    #[arg(long, global = true, value_name = "FILE")]
    pub region: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve Schakel on a real (non-demo) database.
    Serve,
    /// Start a demonstration server on the embedded SQLite database with demo users for every role
    /// and, when the database has no cases yet, a year of synthetic (fictional) cases.
    Demo(DemoArgs),
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage the organisations of the chain.
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Check every case event chain and the access log for alterations.
    Verify,
    /// Figures from the database.
    Monitor {
        #[command(subcommand)]
        command: MonitorCommand,
    },
    /// The regional action programme.
    Programme {
        #[command(subcommand)]
        command: ProgrammeCommand,
    },
    /// Benchmarks: intake and logins on a fresh, temporary database; pages on the configured one.
    Bench {
        #[command(subcommand)]
        command: BenchCommand,
    },
}

/// Options of `schakel demo`. Values stay text; they are checked in [`crate::synthetic`].
#[derive(Args, Default, Clone, Debug)]
pub struct DemoArgs {
    /// Size of the synthetic year: 1 is the region's 2018 volume (about 5,400 cases), 0 none, at
    /// most 100 [env: SCHAKEL_DEMO_SCALE] [default: 1]
    #[arg(long, value_name = "F", allow_negative_numbers = true)]
    pub scale: Option<String>,
    /// Seed of the synthetic year; the same seed gives the same cases [default: 2018]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub seed: Option<String>,
    /// A calendar year for the synthetic cases, everything in it done [default: the 365 days
    /// ending today, with recent work still open]
    #[arg(long, value_name = "YEAR", allow_negative_numbers = true)]
    pub year: Option<String>,
}

#[derive(Subcommand)]
pub enum ProgrammeCommand {
    /// Import a programme file (TOML, the format documented at the top of
    /// regions/noord-midden-limburg-programma.toml); importing again replaces the definition and
    /// keeps the progress recorded per action number.
    Import {
        /// The programme file
        file: PathBuf,
        /// The programme's id [default: the region's programme, `regio`]
        #[arg(long)]
        id: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum MonitorCommand {
    /// A year's totals counted from the database (adviezen, meldingen, betrokkenen, age bands,
    /// kinds of violence) beside the region's 2018 reference; exits 0 when every total is within
    /// 5% of the reference, 1 otherwise.
    Totals {
        /// The calendar year to count [default: the demo's synthetic period, else last year]
        #[arg(long, value_name = "YEAR", allow_negative_numbers = true)]
        year: Option<String>,
        /// The reference times this factor is expected [default: the demo's scale, else 1]
        #[arg(long, value_name = "F", allow_negative_numbers = true)]
        scale: Option<String>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Complete intakes (known-before check, classification, new casus) by concurrent clients,
    /// against the raw insert rate of the same rows measured in the same run. Uses a temporary
    /// SQLite database, or with --database-url postgres://... a fresh database created on that
    /// server and dropped afterwards.
    Intake(BenchIntakeArgs),
    /// Crash test: concurrent intakes and case updates against a server that is killed (SIGKILL)
    /// at random moments and restarted; after every restart each acknowledged write must be there,
    /// nothing half written, and every chain must verify. A temporary SQLite folder, or with
    /// --database-url postgres://... a fresh database (also two servers writing the same cases).
    Crash(BenchCrashArgs),
    /// Soak: mixed reads and writes at a steady rate against a server; its memory and open files
    /// sampled every 10 seconds must stay flat after the warm-up; latency per kind of request.
    Soak(BenchSoakArgs),
    /// Resident memory (VmRSS) of the server at start, after sequential logins, after concurrent
    /// logins in rounds and when idle, on a fresh temporary demo database.
    Logins(BenchLoginsArgs),
    /// Server time of Te doen (with filters) and search (name, birth date, BSN, case number) on
    /// the CONFIGURED database (e.g. a demo data folder), against /healthz measured in the same run.
    Pages(BenchPagesArgs),
    /// The server `bench crash` and `bench soak` start: demo mode on the database they made.
    #[command(hide = true)]
    Server,
}

#[derive(Args, Default, Clone, Debug)]
pub struct BenchCrashArgs {
    /// Kill-and-restart cycles [default: 5]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub cycles: Option<String>,
    /// Concurrent clients [default: 4]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub clients: Option<String>,
    /// Seed of the random kill moments and choices [default: from the clock, printed]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub seed: Option<String>,
}

#[derive(Args, Default, Clone, Debug)]
pub struct BenchSoakArgs {
    /// How long to run [default: 10]
    #[arg(long, value_name = "F", allow_negative_numbers = true)]
    pub minutes: Option<String>,
    /// Requests per second, steady [default: 20]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub rate: Option<String>,
    /// Background population: a synthetic year at this scale [default: 0.05]
    #[arg(long, value_name = "F", allow_negative_numbers = true)]
    pub population: Option<String>,
}

#[derive(Args, Default, Clone, Debug)]
pub struct BenchLoginsArgs {
    /// Sequential logins [default: 1000]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub logins: Option<String>,
    /// Concurrent logins after them [default: 160]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub concurrent: Option<String>,
    /// Concurrent logins per round [default: 16]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub round: Option<String>,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Default, Clone, Debug)]
pub struct BenchPagesArgs {
    /// Requests per kind [default: 200]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub requests: Option<String>,
    /// The user the pages are asked as [default: vt.medewerker]
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Default, Clone, Debug)]
pub struct BenchIntakeArgs {
    /// Concurrent clients [default: 32]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub clients: Option<String>,
    /// Intakes to measure [default: 2000]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub intakes: Option<String>,
    /// Background population: a synthetic year at this scale (1 = about 5,400 cases), searched by
    /// every known-before check [default: 1]
    #[arg(long, value_name = "F", allow_negative_numbers = true)]
    pub population: Option<String>,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user with one role in one organisation; prints a generated password once unless
    /// --password-stdin is given.
    Add {
        #[arg(long)]
        username: String,
        /// Display name
        #[arg(long)]
        name: String,
        /// Organisation name, exactly as `schakel org list` shows it
        #[arg(long)]
        org: String,
        /// medewerker, teamleider, beheerder, privacy_officer, beleidsmedewerker or school_contact
        #[arg(long)]
        role: String,
        /// Read the password from the first line of standard input
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a new password (generated, or from standard input) and end the user's sessions.
    ResetPassword {
        username: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Disable an account and end its sessions.
    Disable { username: String },
    /// Enable a disabled account.
    Enable { username: String },
    /// List accounts with their roles per organisation.
    List,
}

#[derive(Subcommand)]
pub enum OrgCommand {
    /// List organisations with kind and gemeenten.
    List,
    /// Import organisations from a .toml file ([[organisation]] tables, as in a region file) or a
    /// .csv file (header: name,kind,gemeenten; gemeenten separated by ';', '*' for all).
    /// Every row is checked first; nothing is written when one is wrong.
    Import { file: PathBuf },
}

impl Command {
    /// The log filter when neither SCHAKEL_LOG nor RUST_LOG is set: servers tell what they do,
    /// administrative commands keep standard error for the one line that matters.
    pub fn default_log_filter(&self) -> &'static str {
        match self {
            Command::Serve | Command::Demo(_) => "info,sqlx=warn",
            // sqlx warns about slow statements (the schema, the raw insert); in a benchmark that
            // is expected and would bury the figures.
            Command::Bench { .. } => "warn,sqlx=error",
            _ => "warn",
        }
    }
}
