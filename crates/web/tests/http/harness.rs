use std::net::SocketAddr;
use std::sync::OnceLock;

use schakel_domain::case::{CaseEvent, CaseKind, IntakeEvent};
use schakel_domain::classification::MeldingClass;
use schakel_domain::intake::{Betrokkene, Gender, Intake, Melder};
use schakel_domain::org::{OrgKind, Role};
use schakel_store::Store;
use schakel_store::cases::Author;
use schakel_store::casework;
use schakel_testkit::{Login, Region, TestDb};
use schakel_web::{AppState, Clock, WebConfig};

pub const PASSWORD: &str = "een-lang-testwachtwoord";
pub const TOTP_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

pub struct Org {
    pub id: String,
}

pub struct App {
    pub base: String,
    pub store: Store,
    pub clock: Clock,
    pub vt: Org,
    pub team: Org,
    pub school: Org,
    /// Demo mode: the second factor is waived (and a `totp` refused).
    pub demo: bool,
    _db: TestDb,
}

/// One password hash for all test users: argon2id is slow on purpose, so compute it once.
fn password_hash() -> String {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        std::thread::spawn(|| {
            let rt = tokio::runtime::Runtime::new().unwrap();
            rt.block_on(schakel_web::hash_password(PASSWORD.to_string()))
                .unwrap()
        })
        .join()
        .unwrap()
    })
    .clone()
}

impl App {
    pub async fn start(config: WebConfig) -> App {
        let db = TestDb::sqlite().await;
        let store = db.store.clone();
        let region = Region::seed(&store).await;
        let vt = Org { id: region.vt };
        let team = Org { id: region.team };
        let school = Org {
            id: Region::add(&store, "Basisschool De Linde", OrgKind::School, &["Venlo"]).await,
        };
        let gemeente = Region::add(&store, "Gemeente Venlo", OrgKind::Gemeente, &["Venlo"]).await;
        let demo = config.demo_mode;
        let state = AppState::new(store.clone(), config);
        let clock = state.clock.clone();
        let app = schakel_web::router(state);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
            .unwrap();
        });
        let app = App {
            base: format!("http://{addr}"),
            store,
            clock,
            vt,
            team,
            school,
            demo,
            _db: db,
        };
        app.user("vt.mw", &app.vt.id.clone(), Role::Medewerker)
            .await;
        app.user("team.mw", &app.team.id.clone(), Role::Medewerker)
            .await;
        app.user("beheer", &app.vt.id.clone(), Role::Beheerder)
            .await;
        app.user("privacy", &app.vt.id.clone(), Role::PrivacyOfficer)
            .await;
        app.user("beleid", &gemeente, Role::Beleidsmedewerker).await;
        app.user("school", &app.school.id.clone(), Role::SchoolContact)
            .await;
        app
    }

    pub async fn demo() -> App {
        App::start(WebConfig {
            demo_mode: true,
            ..WebConfig::default()
        })
        .await
    }

    /// A user with the test password and the test TOTP secret.
    pub async fn user(&self, username: &str, org_id: &str, role: Role) -> String {
        let login = Login {
            password_hash: password_hash(),
            totp_secret: Some(TOTP_SECRET.to_string()),
        };
        schakel_testkit::kit::user(&self.store, &login, username, org_id, role).await
    }

    /// Runs SQL behind the store's back (to inject a fault).
    pub async fn exec(&self, sql: &str) {
        self._db.exec(sql).await;
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// A fresh TOTP code: the clock first moves to the next 30-second step, because a code (its
    /// step) is accepted only once per user (issue 8 finding 8) and tests log in again and again.
    pub fn totp_now(&self) -> String {
        self.clock.advance(time::Duration::seconds(30));
        self.totp_code()
    }

    /// The TOTP code of the current step, without moving the clock.
    pub fn totp_code(&self) -> String {
        schakel_web::auth::totp::code_at(TOTP_SECRET, self.clock.now().unix_timestamp()).unwrap()
    }

    /// Logs in over the API (with the second factor) and returns the client and its CSRF token.
    pub async fn api_login(&self, username: &str) -> (reqwest::Client, String) {
        let c = self.client();
        let res = c
            .post(self.url("/api/v1/session"))
            .json(&if self.demo {
                serde_json::json!({"username": username, "password": PASSWORD})
            } else {
                serde_json::json!({"username": username, "password": PASSWORD, "totp": self.totp_now()})
            })
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            201,
            "login of {username}: {}",
            res.text().await.unwrap()
        );
        let body: serde_json::Value = res.json().await.unwrap();
        (c, body["csrf_token"].as_str().unwrap().to_string())
    }

    /// Creates a melding accountable to Veilig Thuis through the real intake, with two fictional
    /// persons; returns the case id. The title is the store's non-identifying title.
    ///
    /// Written through the store's case work rather than the test kit's `melding` (the use case):
    /// the access tests name the case (`case-<label>`) and its persons (`<case>-p1`), and expect
    /// the access log to hold only what they did, which registering through the use case changes.
    pub async fn seed_case(&self, label: &str) -> String {
        let id = format!("case-{}", label.to_lowercase().replace(' ', "-"));
        let user = self.store.user_by_username("vt.mw").await.unwrap().unwrap();
        let now = self.clock.now();
        let person = |suffix: &str, role: &str, name: &str, born: Option<time::Date>| Betrokkene {
            person_id: format!("{id}-{suffix}"),
            role: role.into(),
            name: Some(name.into()),
            birth_date: born,
            estimated_age: if born.is_none() { Some(40) } else { None },
            gender: Gender::Onbekend,
            bsn: None,
            address: None,
            gemeente: "Venlo".into(),
        };
        let intake = Intake {
            case_kind: CaseKind::Melding,
            received_at: now,
            channel: "politiemelding".into(),
            melder: Melder {
                melder_type: "justitie_en_veiligheid".into(),
                name: None,
                organisation: Some("Politie".into()),
                org_id: None,
                contact: None,
                anonymous_to_family: false,
                has_role: false,
                informant_doctor: false,
            },
            betrokkenen: vec![
                person(
                    "p1",
                    "kind_in_gezin",
                    "Geheime Naam",
                    Some(time::macros::date!(2014 - 02 - 03)),
                ),
                person("p2", "pleger", "Andere Naam", None),
            ],
            violence_version: "regio-2018".into(),
            violence: vec!["psychisch_geweld".into()],
            specific_groups: vec![],
            description: format!("{label}: ruzie in het gezin."),
        };
        let events = vec![
            CaseEvent::Intake(IntakeEvent::Opened {
                case_kind: CaseKind::Melding,
                received_at: now,
                accountable_org: self.vt.id.clone(),
            }),
            CaseEvent::Intake(IntakeEvent::IntakeRecorded {
                intake: Box::new(intake),
                classification: Some(MeldingClass::EersteMelding),
                n: None,
            }),
        ];
        let author = Author {
            user_id: user.id,
            org_id: self.vt.id.clone(),
            on_behalf_of: None,
        };
        casework::record(
            &self.store,
            &id,
            0,
            &author,
            OrgKind::VeiligThuis,
            events,
            now,
        )
        .await
        .unwrap();
        id
    }

    pub async fn case_title(&self, id: &str) -> String {
        self.store.case_summary(id).await.unwrap().unwrap().title
    }
}

/// Reads the login form's CSRF token from the page.
pub fn hidden_csrf(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("csrf field") + marker.len();
    html[start..].split('"').next().unwrap().to_string()
}

/// Fetches the login form and posts it with its CSRF token.
pub async fn post_login(
    app: &App,
    c: &reqwest::Client,
    user: &str,
    password: &str,
) -> reqwest::Response {
    let form = c
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = hidden_csrf(&form);
    c.post(app.url("/login"))
        .form(&[
            ("gebruikersnaam", user),
            ("wachtwoord", password),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap()
}

/// Logs in through the pages (form with CSRF, then the second factor if asked). Returns the client
/// and the session's CSRF token for further forms.
pub async fn page_login(app: &App, username: &str) -> (reqwest::Client, String) {
    let c = app.client();
    let res = post_login(app, &c, username, PASSWORD).await;
    assert_eq!(res.status(), 303, "login of {username}");
    let mut to = res.headers()["location"].to_str().unwrap().to_string();
    if to == "/login/tweede-factor" {
        let page = c
            .get(app.url(&to))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = hidden_csrf(&page);
        let res = c
            .post(app.url(&to))
            .form(&[("code", app.totp_now().as_str()), ("csrf", &csrf)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        to = res.headers()["location"].to_str().unwrap().to_string();
    }
    assert_eq!(to, "/");
    let home = c.get(app.url("/")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    let csrf = hidden_csrf(&home.text().await.unwrap());
    (c, csrf)
}

/// Posts the beheerder's new-user form with the given values.
pub async fn post_new_user(
    app: &App,
    c: &reqwest::Client,
    csrf: &str,
    username: &str,
    name: &str,
    org_id: &str,
    role: &str,
) -> reqwest::Response {
    c.post(app.url("/beheer/gebruikers"))
        .form(&[
            ("csrf", csrf),
            ("gebruikersnaam", username),
            ("naam", name),
            ("organisatie", org_id),
            ("rol", role),
        ])
        .send()
        .await
        .unwrap()
}
