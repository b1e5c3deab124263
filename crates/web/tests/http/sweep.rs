//! The authorisation sweep (issue 8, "The proof, in the repository"): every route of the running
//! server (pages and API, taken from the routers themselves by [`schakel_web::route_table`]) is
//! asked by a user of every role in an organisation of every kind, about cases of every relation
//! that organisation can have to a case. The expected answer is the access policy's
//! ([`decide`] for the status, [`disclose`] for what an allowed reader may see), never written out
//! here; the observed one comes from the server. Every refusal body is searched for the case's
//! personal data (full names, dates of birth, BSN, addresses), and so is every allowed body for
//! the categories the reader's view withholds.
//!
//! A route without an entry in [`probes`] fails the test, and so does an entry for a route that no
//! longer exists. The fixture is built once and the server is shared by all requests.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use schakel_app::{Acting, CaseCommand, RegisterIntake};
use schakel_domain::access::{
    Action, Actor, DataCategory, Participation, Resource, ResourceKind, Sensitivity, decide,
    disclose,
};
use schakel_domain::case::CaseKind;
use schakel_domain::intake::{Betrokkene, Gender, Intake, Melder};
use schakel_domain::org::{OrgKind, Role};
use schakel_store::sessions::NewSession;
use schakel_testkit::Login;
use schakel_testkit::region::Region;
use serde_json::{Value, json};

use crate::harness::App;

/// What a refused request for an existing case the user's organisation takes no part in answers:
/// the answer for a missing case, so the answer does not tell whether a case exists (issue 8,
/// finding 4). An organisation that takes part gets [`DENIED`].
const DENIED_CASE: u16 = 404;
/// What a refused request for anything else answers.
const DENIED: u16 = 403;
/// What a request about a case that does not exist answers, whoever asks.
const MISSING: u16 = 404;

const BREAK_GLASS_REASON: &str = "Kind meldt zich met letsel, regiehouder onbereikbaar";

/// The relations an organisation can have to a case, as the sweep builds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Relation {
    /// Veilig Thuis: its own melding; another organisation: a handover it accepted without
    /// veiligheidsvoorwaarden.
    Accountable,
    /// A handover offered to the organisation, not yet answered.
    ReceiverBefore,
    /// A handover the organisation accepted, with veiligheidsvoorwaarden under monitoring.
    ReceiverAfter,
    /// Veilig Thuis after it handed the case over; another organisation after it sent the case
    /// back to Veilig Thuis.
    FormerRegiehouder,
    /// The organisation reported the melding.
    Reporter,
    /// A case the organisation has nothing to do with.
    Unrelated,
    /// A case id that does not exist.
    Missing,
}

impl Relation {
    const ALL: [Relation; 7] = [
        Relation::Accountable,
        Relation::ReceiverBefore,
        Relation::ReceiverAfter,
        Relation::FormerRegiehouder,
        Relation::Reporter,
        Relation::Unrelated,
        Relation::Missing,
    ];
}

/// One case of the fixture with the participants the policy should see and the personal data it
/// holds.
#[derive(Debug, Clone)]
struct SweepCase {
    id: String,
    participants: Vec<(String, Participation)>,
    person_ids: Vec<String>,
    secrets: Secrets,
}

/// The personal data of a case, as it could appear in a body.
#[derive(Debug, Clone, Default)]
struct Secrets {
    full_names: Vec<String>,
    birth_dates: Vec<String>,
    bsns: Vec<String>,
    addresses: Vec<String>,
}

impl Secrets {
    /// The strings of the categories `hidden` that `body` contains.
    fn leaks(&self, body: &str, hidden: &[DataCategory]) -> Vec<String> {
        let mut out = Vec::new();
        for category in hidden {
            let values: Vec<&String> = match category {
                DataCategory::Identity => self.full_names.iter().chain(&self.birth_dates).collect(),
                DataCategory::Bsn => self.bsns.iter().collect(),
                DataCategory::Address => self.addresses.iter().collect(),
                _ => Vec::new(),
            };
            out.extend(
                values
                    .into_iter()
                    .filter(|v| body.contains(v.as_str()))
                    .cloned(),
            );
        }
        out
    }
}

/// Whether `user` may break the glass on a case their organisation takes no part in: the policy
/// allows their role, and the demo region their kind of organisation (issue 8, finding 6; the
/// sweep's users break it once each, below the region's daily limit).
fn may_break_glass(user: &SweepUser) -> bool {
    decide(
        &user.actor(true),
        Action::Read,
        &Resource::case(Vec::new(), Sensitivity::Normal),
    )
    .is_allowed()
        && schakel_domain::access::break_glass::BreakGlassRules::default()
            .allows(user.org_kind, 0)
            .is_ok()
}

/// The categories of personal data the sweep looks for.
const PERSONAL: [DataCategory; 3] = [
    DataCategory::Identity,
    DataCategory::Bsn,
    DataCategory::Address,
];

/// Whose answer a route is.
#[derive(Debug, Clone, Copy)]
enum Subject {
    /// One case (`{id}` in the path): the policy decides for the actor's relation to it.
    Case,
    /// Something that is not one case: the policy decides on the kind.
    Kind(ResourceKind),
    /// Something about one case (`{id}` in the path) of another kind than the case itself (the
    /// feedback sent to a reporter): the policy decides on that kind with the case's participants.
    CaseKind(ResourceKind),
    /// The fixture's meldcode dossier (`{id}` in the path): a school's, with a melding made to
    /// Veilig Thuis; the policy decides for the actor's relation to it.
    Dossier,
    /// Not one case; a rule of the domain decides on the actor (the account routes of issue 8:
    /// separation of duties).
    Rule(fn(&Actor) -> bool),
    /// Anyone signed in with a role.
    SignedIn,
    /// Not access-controlled (login, logout, health, static files, the OpenAPI document): the
    /// answer must not depend on who asks.
    Open,
}

#[derive(Debug, Clone)]
enum Body {
    None,
    /// Form fields; `{csrf}`, `{seq}` are filled in.
    Form(Vec<(&'static str, &'static str)>),
    /// JSON; `"{seq}"` is replaced by the case's sequence number.
    Json(Value),
}

/// One request of the sweep for one route.
#[derive(Debug, Clone)]
struct Probe {
    method: &'static str,
    /// The route as recorded, `{id}` for its parameter.
    route: &'static str,
    /// Appended to the path (a query string).
    query: &'static str,
    subject: Subject,
    action: Action,
    break_glass: bool,
    body: Body,
    /// The status when the policy allows.
    ok: u16,
    /// Ends or changes the session: sent with a session of its own.
    own_session: bool,
    /// The status when the policy allows, for a relation whose case state answers otherwise, for
    /// organisations other than Veilig Thuis (Veilig Thuis's former case is one it handed over,
    /// another organisation's one it sent back to Veilig Thuis).
    ok_on: Vec<(Relation, u16)>,
    /// As `ok_on`, for Veilig Thuis's own users.
    ok_on_vt: Vec<(Relation, u16)>,
    /// A page that offers break-the-glass (403) where the region allows the organisation to break
    /// the glass and it takes no part in the case, missing or not (issue 8, findings 4 and 6).
    offers_break_glass: bool,
}

fn probe(method: &'static str, route: &'static str, subject: Subject, action: Action) -> Probe {
    Probe {
        method,
        route,
        query: "",
        subject,
        action,
        break_glass: false,
        body: Body::None,
        ok: 200,
        own_session: false,
        ok_on: Vec::new(),
        ok_on_vt: Vec::new(),
        offers_break_glass: false,
    }
}

impl Probe {
    fn ok(mut self, status: u16) -> Self {
        self.ok = status;
        self
    }
    fn form(mut self, fields: Vec<(&'static str, &'static str)>) -> Self {
        self.body = Body::Form(fields);
        self
    }
    fn json(mut self, value: Value) -> Self {
        self.body = Body::Json(value);
        self
    }
    fn query(mut self, q: &'static str) -> Self {
        self.query = q;
        self
    }
    fn own_session(mut self) -> Self {
        self.own_session = true;
        self
    }
    fn break_glass(mut self) -> Self {
        self.break_glass = true;
        self
    }
    fn ok_on(mut self, rel: Relation, status: u16) -> Self {
        self.ok_on.push((rel, status));
        self
    }
    fn ok_on_vt(mut self, rel: Relation, status: u16) -> Self {
        self.ok_on_vt.push((rel, status));
        self
    }
    fn offers_break_glass(mut self) -> Self {
        self.offers_break_glass = true;
        self
    }
}

/// An intake that parses but fails validation (an unknown gemeente): registering and the
/// known-before check ask the policy first, so the policy's refusal comes before the field error.
fn invalid_intake() -> Value {
    json!({
        "intake": {
            "soort": "melding",
            "ontvangen_op": "2026-01-05T10:00:00+01:00",
            "kanaal": "politiemelding",
            "melder": {"type": "justitie_en_veiligheid", "organisatie": "Politie Limburg"},
            "betrokkenen": [
                {"rol": "kind_in_gezin", "naam": "Verzonnen Kind", "geboortedatum": "2016-05-04",
                 "geslacht": "vrouw", "gemeente": "Nergenshuizen"}
            ],
            "aard_geweld_versie": "regio-2018",
            "aard_geweld": ["psychisch_geweld"],
            "specifieke_groepen": [],
            "omschrijving": "Verzonnen."
        }
    })
}

/// Every route's entry: what to send and what the policy is asked.
fn probes() -> Vec<Probe> {
    use Subject::{Case, CaseKind, Kind, Open, Rule, SignedIn};
    fn may_review_requests(actor: &Actor) -> bool {
        schakel_domain::accounts::may_review_requests(actor)
    }
    let read = Action::Read;
    vec![
        // Pages.
        probe("GET", "/", SignedIn, read),
        probe("GET", "/login", Open, read),
        probe("POST", "/login", Open, read).form(vec![]),
        probe("GET", "/login/tweede-factor", Open, read),
        probe("POST", "/login/tweede-factor", Open, read).form(vec![("csrf", "{csrf}")]),
        probe("GET", "/login/tweede-factor/instellen", Open, read),
        probe("POST", "/login/tweede-factor/instellen", Open, read).form(vec![("csrf", "{csrf}")]),
        probe("GET", "/kies-rol", Open, read),
        probe("POST", "/kies-rol", Open, read)
            .form(vec![("csrf", "{csrf}"), ("keuze", "geen")])
            .own_session(),
        probe("POST", "/uitloggen", Open, read)
            .form(vec![("csrf", "{csrf}")])
            .own_session(),
        probe("GET", "/healthz", Open, read),
        probe("GET", "/readyz", Open, read),
        probe("GET", "/activeren", Open, read),
        probe("POST", "/activeren", Open, read).form(vec![("csrf", "{csrf}")]),
        probe("GET", "/static/schakel.css", Open, read),
        probe(
            "GET",
            "/organisaties",
            Kind(ResourceKind::Organisation),
            read,
        ),
        // Issue 7: the beheerder changes an organisation's contact details (the sweep's id is no
        // organisation: refused for the `id` field once the policy allows).
        probe(
            "GET",
            "/organisaties/{id}/contact",
            Kind(ResourceKind::Organisation),
            Action::Update,
        )
        .ok(422),
        probe(
            "POST",
            "/organisaties/{id}/contact",
            Kind(ResourceKind::Organisation),
            Action::Update,
        )
        .form(vec![("csrf", "{csrf}")])
        .ok(422),
        probe(
            "GET",
            "/beheer/gebruikers",
            Kind(ResourceKind::UserAccount),
            Action::Search,
        ),
        probe(
            "POST",
            "/beheer/gebruikers",
            Kind(ResourceKind::UserAccount),
            Action::Create,
        )
        .form(vec![("csrf", "{csrf}")])
        .ok(422),
        probe(
            "POST",
            "/beheer/gebruikers/{id}/blokkeren",
            Kind(ResourceKind::UserAccount),
            Action::Update,
        )
        .form(vec![("csrf", "{csrf}")])
        .ok(303),
        probe(
            "POST",
            "/beheer/gebruikers/{id}/deblokkeren",
            Kind(ResourceKind::UserAccount),
            Action::Update,
        )
        .form(vec![("csrf", "{csrf}")])
        .ok(303),
        // Issue 8 finding 1: a role is asked for by the organisation's own beheerder (a form
        // without a role is refused for its field first, whoever sends it) and decided by a
        // second person of that organisation (no request has the sweep's id: 404 for everyone).
        probe(
            "POST",
            "/beheer/gebruikers/{id}/rol",
            SignedIn,
            Action::Update,
        )
        .form(vec![("csrf", "{csrf}")])
        .ok(422),
        probe(
            "GET",
            "/beheer/aanvragen",
            Rule(may_review_requests),
            Action::Search,
        ),
        probe(
            "POST",
            "/beheer/aanvragen/{id}/goedkeuren",
            SignedIn,
            Action::Update,
        )
        .form(vec![("csrf", "{csrf}")])
        .ok(404),
        probe(
            "POST",
            "/beheer/aanvragen/{id}/afwijzen",
            SignedIn,
            Action::Update,
        )
        .form(vec![("csrf", "{csrf}")])
        .ok(404),
        // Issue 8 finding 6: the privacy officer's review of break-the-glass.
        probe(
            "GET",
            "/noodtoegang",
            Kind(ResourceKind::AccessLog),
            Action::Search,
        ),
        probe(
            "POST",
            "/noodtoegang/{id}/akkoord",
            Kind(ResourceKind::AccessLog),
            read,
        )
        .form(vec![("csrf", "{csrf}")])
        // No use of break-the-glass has the sweep's id: refused for its field once allowed.
        .ok(422),
        probe(
            "POST",
            "/noodtoegang/{id}/markeren",
            Kind(ResourceKind::AccessLog),
            read,
        )
        .form(vec![("csrf", "{csrf}")])
        // No use of break-the-glass has the sweep's id: refused for its field once allowed.
        .ok(422),
        probe(
            "GET",
            "/toegangslog",
            Kind(ResourceKind::AccessLog),
            Action::Search,
        ),
        probe(
            "GET",
            "/toegangslog/persoon/{id}",
            Kind(ResourceKind::AccessLog),
            Action::Search,
        ),
        probe("GET", "/intake", Kind(ResourceKind::Case), Action::Create),
        probe("POST", "/intake", Kind(ResourceKind::Case), Action::Create)
            .form(vec![("csrf", "{csrf}"), ("stap", "meer")]),
        probe(
            "GET",
            "/werkvoorraad",
            Kind(ResourceKind::Case),
            Action::Search,
        ),
        probe("GET", "/casussen/{id}", Case, read).offers_break_glass(),
        probe("POST", "/casussen/{id}/noodtoegang", Case, read)
            .form(vec![("csrf", "{csrf}"), ("reden", BREAK_GLASS_REASON)])
            .break_glass()
            .offers_break_glass(),
        probe("POST", "/casussen/{id}/notities", Case, Action::Update)
            .form(vec![
                ("csrf", "{csrf}"),
                ("volgnummer", "{seq}"),
                ("tekst", "Notitie van de sweep."),
            ])
            .ok(303),
        // Issue 7: assigning the case to nobody, a change by the accountable organisation.
        probe("POST", "/casussen/{id}/toewijzen", Case, Action::Update)
            .form(vec![
                ("csrf", "{csrf}"),
                ("volgnummer", "{seq}"),
                ("medewerker", ""),
            ])
            .ok(303)
            // Veilig Thuis after a handover may still write (it monitors) but no longer assigns.
            .ok_on_vt(Relation::FormerRegiehouder, 422),
        // Issue 7: merging a wrongly split person, a change of every case involved; the page
        // lists the case's persons, a form without a person is refused at its fields.
        probe("GET", "/casussen/{id}/samenvoegen", Case, Action::Update),
        probe("POST", "/casussen/{id}/samenvoegen", Case, Action::Update)
            .form(vec![("csrf", "{csrf}")])
            .ok(422),
        // Issue 7: search by name, birth date, BSN or case number, filtered by the policy.
        probe("GET", "/zoeken", Kind(ResourceKind::Case), Action::Search).query("?q=Verzonnen"),
        probe("POST", "/casussen/{id}/acties", Case, Action::Respond)
            .form(vec![
                ("csrf", "{csrf}"),
                ("volgnummer", "{seq}"),
                ("actie", "vraag"),
                ("vraag", "Is de school op de hoogte?"),
            ])
            .ok(303),
        // The former regiehouder may read the case (RULES.md 2.5), but it is back at Veilig Thuis,
        // which has not decided anew: there is no feedback to draft (422 after the policy allows).
        probe("GET", "/casussen/{id}/terugkoppeling", Case, read)
            .query("?moment=na_beoordeling")
            .ok_on(Relation::FormerRegiehouder, 422),
        probe(
            "GET",
            "/casussen/{id}/terugkoppeling/ontvangen",
            CaseKind(ResourceKind::ReporterFeedback),
            read,
        ),
        // API.
        probe("POST", "/api/v1/session", Open, read).json(json!({})),
        probe("DELETE", "/api/v1/session", Open, read).own_session(),
        probe("GET", "/api/v1/me", SignedIn, read),
        probe("GET", "/api/v1/openapi.json", Open, read),
        probe(
            "GET",
            "/api/v1/organisations",
            Kind(ResourceKind::Organisation),
            read,
        ),
        probe(
            "GET",
            "/api/v1/cases",
            Kind(ResourceKind::Case),
            Action::Search,
        ),
        probe(
            "GET",
            "/api/v1/search",
            Kind(ResourceKind::Case),
            Action::Search,
        )
        .query("?q=Verzonnen"),
        probe("GET", "/api/v1/cases/{id}", Case, read),
        probe("GET", "/api/v1/cases/{id}/events", Case, read),
        probe("POST", "/api/v1/cases/{id}/notes", Case, Action::Update)
            .json(json!({"expected_seq": "{seq}", "text": "Notitie van de sweep."}))
            .ok(201),
        probe("POST", "/api/v1/cases/{id}/events", Case, Action::Update)
            .json(json!({"expected_seq": "{seq}",
                "command": {"type": "add_note", "text": "Notitie van de sweep."}}))
            .ok(201),
        probe("POST", "/api/v1/cases/{id}/events", Case, Action::Respond)
            .json(json!({"expected_seq": "{seq}",
                "command": {"type": "ask_question", "question": "Is de school op de hoogte?"}}))
            .ok(201),
        // Issue 7: a merge naming persons the case does not hold is refused for that field.
        probe(
            "POST",
            "/api/v1/cases/{id}/persons/merge",
            Case,
            Action::Update,
        )
        .json(
            json!({"kept_person": "persoon-bestaat-niet", "merged_person": "ook-niet",
                "reason": "Zelfde kind twee keer geregistreerd."}),
        )
        .ok(422),
        probe("GET", "/api/v1/cases/{id}/feedback", Case, read)
            .query("?moment=na_beoordeling")
            .ok_on(Relation::FormerRegiehouder, 422),
        probe(
            "GET",
            "/api/v1/cases/{id}/feedback/sent",
            CaseKind(ResourceKind::ReporterFeedback),
            read,
        ),
        probe(
            "GET",
            "/api/v1/access-log",
            Kind(ResourceKind::AccessLog),
            Action::Search,
        ),
        probe(
            "GET",
            "/api/v1/access-log/persons/{id}",
            Kind(ResourceKind::AccessLog),
            Action::Search,
        ),
        probe(
            "POST",
            "/api/v1/intakes",
            Kind(ResourceKind::Case),
            Action::Create,
        )
        .json(invalid_intake())
        .ok(422),
        probe(
            "POST",
            "/api/v1/intakes/known-check",
            Kind(ResourceKind::Case),
            Action::Create,
        )
        .json(invalid_intake()["intake"].clone())
        .ok(422),
        probe(
            "GET",
            "/api/v1/work-queue",
            Kind(ResourceKind::Case),
            Action::Search,
        ),
    ]
    .into_iter()
    .chain(programme_probes())
    .chain(meldcode_probes())
    .chain(directory_probes())
    .chain(public_probes())
    .collect()
}

/// The action programme (issue 12). The fixture imported a programme with a round held last half
/// year. Updating an action takes the policy's `Update` and membership of the owning working group;
/// no sweep user is a member, so only the projectleider may ([`is_projectleider`]). The API's
/// writes send a stale sequence number on purpose: allowed, they answer 409, and nothing changes.
fn programme_probes() -> Vec<Probe> {
    use Subject::{Kind, Rule};
    let programme = ResourceKind::Programme;
    let projectleider: fn(&Actor) -> bool = schakel_domain::access::is_projectleider;
    vec![
        probe("GET", "/programma", Kind(programme), Action::Read),
        probe(
            "GET",
            "/programma/acties/{key}",
            Kind(programme),
            Action::Read,
        ),
        probe(
            "POST",
            "/programma/acties/{key}",
            Rule(projectleider),
            Action::Update,
        )
        .form(vec![
            ("csrf", "{csrf}"),
            ("status", "loopt"),
            ("toelichting", "Sweep"),
        ])
        .ok(303),
        probe(
            "POST",
            "/programma/acties/{key}/budget",
            Kind(programme),
            Action::Create,
        )
        .form(vec![("csrf", "{csrf}")])
        .ok(422),
        probe("GET", "/programma/rondes", Kind(programme), Action::Read),
        probe("POST", "/programma/rondes", Kind(programme), Action::Create)
            .form(vec![("csrf", "{csrf}"), ("uiterlijk", "2099-12-31")])
            .ok(303),
        probe(
            "POST",
            "/programma/rondes/sluiten",
            Kind(programme),
            Action::Create,
        )
        .form(vec![("csrf", "{csrf}")])
        .ok(303),
        probe(
            "GET",
            "/programma/werkgroepen",
            Kind(programme),
            Action::Read,
        ),
        probe(
            "POST",
            "/programma/werkgroepen",
            Kind(programme),
            Action::Create,
        )
        .form(vec![("csrf", "{csrf}")])
        .ok(422),
        probe(
            "POST",
            "/programma/werkgroepen/ontkoppelen",
            Kind(programme),
            Action::Create,
        )
        .form(vec![("csrf", "{csrf}")])
        .ok(422),
        probe("GET", "/programma/bijlage", Kind(programme), Action::Print),
        probe(
            "GET",
            "/programma/bijlage.pdf",
            Kind(programme),
            Action::Export,
        ),
        probe(
            "GET",
            "/programma/bijlage.csv",
            Kind(programme),
            Action::Export,
        ),
        probe("GET", "/api/v1/programme", Kind(programme), Action::Read),
        probe(
            "POST",
            "/api/v1/programme/actions/{key}",
            Rule(projectleider),
            Action::Update,
        )
        .json(json!({"expected_seq": 0, "status": "loopt", "note": "Sweep"}))
        .ok(409),
        probe(
            "POST",
            "/api/v1/programme/rounds",
            Kind(programme),
            Action::Create,
        )
        .json(json!({"expected_seq": 0, "due": "2099-12-31"}))
        .ok(409),
    ]
}

fn meldcode_probes() -> Vec<Probe> {
    use Subject::{Dossier, Kind};
    let kind = ResourceKind::MeldcodeDossier;
    vec![
        probe("GET", "/meldcode", Kind(kind), Action::Search),
        probe("GET", "/meldcode/nieuw", Kind(kind), Action::Create),
        probe("POST", "/meldcode/nieuw", Kind(kind), Action::Create)
            .form(vec![("csrf", "{csrf}")])
            .ok(422),
        probe("GET", "/meldcode/{id}", Dossier, Action::Read),
        // Closing without a reason: refused at the field, nothing written.
        probe("POST", "/meldcode/{id}", Dossier, Action::Update)
            .form(vec![("csrf", "{csrf}"), ("actie", "afsluiten")])
            .ok(422),
        // The melding was made: nothing more to send.
        probe("GET", "/meldcode/{id}/versturen", Dossier, Action::Update)
            .query("?soort=melding")
            .ok(422),
        probe("POST", "/meldcode/{id}/versturen", Dossier, Action::Update)
            .form(vec![("csrf", "{csrf}"), ("soort", "melding")])
            .ok(422),
    ]
}

/// A meldcode dossier of `school` walked to a melding sent to `vt_org` (issue 11): its owner
/// reads and writes it, Veilig Thuis reads it, nobody else knows it exists.
async fn meldcode_dossier(app: &App, school: &Acting, vt_org: &str) -> (String, Resource) {
    use schakel_domain::meldcode::{AnswerSheet, KindcheckInput, MeldcodeCommand, Professional};
    let actor = Actor {
        user_id: school.user_id.clone(),
        org_id: school.org_id.clone(),
        org_kind: school.org_kind,
        role: Role::SchoolContact,
        second_factor: true,
        break_glass: None,
    };
    let by = Professional {
        user_id: school.user_id.clone(),
        name: "Sweep".into(),
    };
    let now = time::OffsetDateTime::now_utc();
    let store = &app.store;
    let id = schakel_app::meldcode::open(store, &actor, &by, "Sweep Kind", "", "Zorgen", now)
        .await
        .unwrap();
    for command in [
        MeldcodeCommand::RecordSignals {
            signals: "Signalen".into(),
            kindcheck: KindcheckInput::default(),
        },
        MeldcodeCommand::RecordConsultation {
            colleague: "Collega".into(),
            summary: "Overleg".into(),
            vt_asked: false,
            vt_advice: String::new(),
        },
        MeldcodeCommand::RecordConversation {
            held: true,
            summary: "Gesprek".into(),
            skip_ground: String::new(),
            skip_explanation: String::new(),
        },
        MeldcodeCommand::RecordWeighing {
            assessment: "Acuut".into(),
            in_doubt: false,
            answers: AnswerSheet {
                q1: Some(true),
                q2: Some(true),
                ..AnswerSheet::default()
            },
        },
        MeldcodeCommand::Decide {
            note: "Melden".into(),
        },
    ] {
        schakel_app::meldcode::run(store, &actor, &by, &id, None, command, now)
            .await
            .unwrap();
    }
    let sender = schakel_app::meldcode::Sender {
        actor: &actor,
        by: &by,
        org_name: "Sweep school",
        org_kind: school.org_kind,
        contact: "",
    };
    schakel_app::meldcode::send(
        store,
        &sender,
        &id,
        schakel_domain::case::CaseKind::Melding,
        vt_org,
        None,
        now,
    )
    .await
    .unwrap();
    let dossier = schakel_app::meldcode::load(store, &id).await.unwrap();
    (id, schakel_app::meldcode::resource(&dossier))
}

/// The sociale kaart (issue 11 item 3): every signed-in user reads and searches it; only the
/// beheerder writes. The sweep's `{id}` names no service, so an allowed request about one answers
/// 404 (the policy is asked before the service is looked up); a form without fields is refused at
/// its fields (422). The public page is open and the same for everyone.
fn directory_probes() -> Vec<Probe> {
    use Subject::{Kind, Open};
    let directory = ResourceKind::Directory;
    vec![
        probe("GET", "/sociale-kaart", Kind(directory), Action::Search)
            .query("?q=trauma+kind&gemeente=Venlo&doelgroep=kinderen"),
        probe("GET", "/sociale-kaart/openbaar", Open, Action::Read),
        probe(
            "GET",
            "/sociale-kaart/nieuw",
            Kind(directory),
            Action::Create,
        ),
        probe(
            "POST",
            "/sociale-kaart/nieuw",
            Kind(directory),
            Action::Create,
        )
        .form(vec![("csrf", "{csrf}")])
        .ok(422),
        probe("GET", "/sociale-kaart/{id}", Kind(directory), Action::Read).ok(404),
        probe(
            "GET",
            "/sociale-kaart/{id}/bewerken",
            Kind(directory),
            Action::Update,
        )
        .ok(404),
        probe(
            "POST",
            "/sociale-kaart/{id}/bewerken",
            Kind(directory),
            Action::Update,
        )
        .form(vec![("csrf", "{csrf}"), ("versie", "1")])
        .ok(404),
        probe(
            "POST",
            "/sociale-kaart/{id}/controleren",
            Kind(directory),
            Action::Update,
        )
        .form(vec![("csrf", "{csrf}"), ("versie", "1")])
        .ok(404),
        probe(
            "POST",
            "/sociale-kaart/{id}/archiveren",
            Kind(directory),
            Action::Update,
        )
        .form(vec![("csrf", "{csrf}"), ("versie", "1")])
        .ok(404),
        probe("GET", "/api/v1/directory", Kind(directory), Action::Search)
            .query("?soort=traumabehandeling&taal=nl"),
        probe(
            "GET",
            "/api/v1/directory/{id}",
            Kind(directory),
            Action::Read,
        )
        .ok(404),
    ]
}

/// The public pages for citizens (issue 11): open to anyone, the same answer whoever asks.
fn public_probes() -> Vec<Probe> {
    use Subject::Open;
    let read = Action::Read;
    vec![
        probe("GET", "/hulp", Open, read),
        probe("GET", "/hulp/{onderwerp}", Open, read),
        probe("GET", "/hulp/112-of-veilig-thuis", Open, read),
        probe("GET", "/hulp/na-je-telefoontje", Open, read),
        probe("GET", "/hulp/werkgevers", Open, read),
        probe("GET", "/static/public.css", Open, read),
        probe("GET", "/static/snel-weg.js", Open, read),
    ]
}

/// A demo user of the sweep: one role in one organisation, with a session made for it.
struct SweepUser {
    username: String,
    org_id: String,
    org_kind: OrgKind,
    role: Role,
    cookie: String,
    csrf: String,
}

impl SweepUser {
    fn actor(&self, break_glass: bool) -> Actor {
        Actor {
            user_id: String::new(),
            org_id: self.org_id.clone(),
            org_kind: self.org_kind,
            role: self.role,
            // The sweep runs in demo mode, where the second factor is waived.
            second_factor: true,
            break_glass: break_glass.then(|| BREAK_GLASS_REASON.to_string()),
        }
    }
}

/// A session for `user_id` acting in `org_id` as `role`, written to the store as a completed login
/// writes it: returns the cookie and the CSRF token.
async fn session(app: &App, user_id: &str, org_id: &str, role: Role) -> (String, String) {
    use schakel_web::auth::session::{SESSION_COOKIE, hash_token, random_token};
    let token = random_token();
    let csrf = random_token();
    app.store
        .create_session(
            &NewSession {
                id_hash: &hash_token(&token),
                user_id,
                membership: Some((org_id, role)),
                second_factor: true,
                complete: true,
                csrf_token: &csrf,
                now: app.clock.now(),
                client_addr: "127.0.0.1",
            },
            None,
        )
        .await
        .unwrap();
    (format!("{SESSION_COOKIE}={token}"), csrf)
}

/// A BSN that passes the elfproef, different for every `n`.
fn bsn(n: u32) -> String {
    let mut k = 0;
    loop {
        let base = 10_000_000 + n * 97 + k;
        let digits: Vec<u32> = format!("{base:08}")
            .bytes()
            .map(|b| u32::from(b - b'0'))
            .collect();
        let sum: u32 = digits.iter().zip((2..=9).rev()).map(|(d, w)| d * w).sum();
        let check = sum % 11;
        if check < 10 {
            return format!("{base:08}{check}");
        }
        k += 1;
    }
}

/// Three letters for `n`, so no case's names contain another's.
fn letters(n: u32) -> String {
    let a = |i: u32| char::from(b'a' + u8::try_from(i % 26).unwrap_or(0));
    format!("{}{}{}", a(n / 676), a(n / 26), a(n))
}

/// A melding about a household of two with every kind of personal data, reported by `reporter`.
fn melding(n: u32, now: time::OffsetDateTime, reporter: Option<&str>) -> (Intake, Secrets) {
    let born = time::macros::date!(2012 - 01 - 01) + time::Duration::days(i64::from(n) * 3);
    let child = format!("Anouk Zwaluw{}", letters(n));
    let parent = format!("Bram Zwaluw{}", letters(n));
    let address = format!("Veegstraat {n}b, Venlo");
    let secrets = Secrets {
        full_names: vec![child.clone(), parent.clone()],
        birth_dates: vec![
            born.to_string(),
            format!(
                "{:02}-{:02}-{}",
                born.day(),
                u8::from(born.month()),
                born.year()
            ),
        ],
        bsns: vec![bsn(n)],
        addresses: vec![address.clone()],
    };
    let person = |role: &str, name: String, birth_date, bsn, address| Betrokkene {
        person_id: String::new(),
        role: role.into(),
        name: Some(name),
        birth_date,
        estimated_age: if birth_date.is_none() { Some(41) } else { None },
        gender: Gender::Onbekend,
        bsn,
        address,
        gemeente: "Venlo".into(),
    };
    let intake = Intake {
        case_kind: CaseKind::Melding,
        received_at: now,
        channel: "politiemelding".into(),
        melder: Melder {
            melder_type: "justitie_en_veiligheid".into(),
            name: None,
            organisation: Some("Melder van de sweep".into()),
            org_id: reporter.map(str::to_string),
            contact: None,
            anonymous_to_family: false,
            has_role: false,
            informant_doctor: false,
        },
        betrokkenen: vec![
            person(
                "kind_in_gezin",
                child,
                Some(born),
                Some(bsn(n)),
                Some(address),
            ),
            person("pleger", parent, None, None, None),
        ],
        violence_version: "regio-2018".into(),
        violence: vec!["psychisch_geweld".into()],
        specific_groups: vec![],
        description: "Melding van de autorisatie-sweep; verzonnen.".into(),
    };
    (intake, secrets)
}

/// Builds the cases through the use cases, as production does.
struct Builder<'a> {
    app: &'a App,
    vt: Acting,
    n: u32,
}

impl Builder<'_> {
    async fn register(&mut self, reporter: Option<&str>) -> (String, i64, Secrets) {
        self.n += 1;
        let now = self.app.clock.now();
        let (intake, secrets) = melding(self.n, now, reporter);
        let policy = schakel_testkit::kit::logged(&self.app.store, &self.vt, Role::Medewerker);
        let done = schakel_app::register_intake(
            &self.app.store,
            &self.vt,
            &policy,
            now,
            RegisterIntake::new(intake),
        )
        .await
        .unwrap();
        (done.case_id, done.seq, secrets)
    }

    async fn run(&self, by: &Acting, case: &str, seq: i64, cmd: CaseCommand) -> i64 {
        schakel_app::execute(&self.app.store, by, self.app.clock.now(), case, seq, cmd)
            .await
            .unwrap_or_else(|e| panic!("{case}: {e:?}"))
            .seq
    }

    /// A melding assessed and decided for a handover (with or without conditions), offered to `to`.
    async fn offered(
        &mut self,
        to: &str,
        kind: OrgKind,
        conditions: bool,
    ) -> (String, i64, Secrets) {
        // The track must fit the receiver (RULES.md 2.2).
        let track = match kind {
            OrgKind::LokaalTeam => "overdracht_lokaal_veld",
            OrgKind::MdaTeam => "overdracht_multidisciplinair_team",
            _ => "overdracht_betrokken_professional",
        };
        let (id, seq, secrets) = self.decided(track, conditions).await;
        let voorwaarden: Vec<String> = if conditions {
            vec!["Vader verblijft niet in de woning".into()]
        } else {
            Vec::new()
        };
        let vt = self.vt.clone();
        let seq = self
            .run(
                &vt,
                &id,
                seq,
                CaseCommand::OfferHandover {
                    to_org: to.into(),
                    veiligheidsvoorwaarden: voorwaarden,
                    monitoring_agreements: vec![],
                    conditions_dropped_reason: None,
                },
            )
            .await;
        (id, seq, secrets)
    }

    /// A melding assessed and decided for a handover (with or without conditions), so that
    /// feedback to its reporter is owed.
    async fn decided(&mut self, track: &str, conditions: bool) -> (String, i64, Secrets) {
        let (id, seq, secrets) = self.register(None).await;
        let vt = self.vt.clone();
        let voorwaarden: Vec<String> = if conditions {
            vec!["Vader verblijft niet in de woning".into()]
        } else {
            Vec::new()
        };
        let seq = self
            .run(
                &vt,
                &id,
                seq,
                CaseCommand::AssessUrgency {
                    acute: false,
                    melding: None,
                },
            )
            .await;
        let seq = self
            .run(
                &vt,
                &id,
                seq,
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
        let seq = self
            .run(
                &vt,
                &id,
                seq,
                CaseCommand::DecideFollowUp {
                    track: track.into(),
                    veiligheidsvoorwaarden: voorwaarden,
                },
            )
            .await;
        (id, seq, secrets)
    }
}

struct Fixture {
    users: Vec<SweepUser>,
    /// Per organisation, its case of each relation it can have (Missing and Unrelated included).
    cases: BTreeMap<(String, Relation), SweepCase>,
    /// The user the beheerder routes block and unblock.
    target_user: String,
    missing: SweepCase,
    /// The meldcode dossier and the policy's view of it.
    dossier: (String, Resource),
}

async fn fixture(app: &App) -> Fixture {
    // One organisation of every kind: the harness made Veilig Thuis, a lokaal team, a school and a
    // gemeente.
    for kind in OrgKind::ALL {
        let have = app.store.organisations().await.unwrap();
        if !have.iter().any(|o| o.kind == kind) {
            Region::add(
                &app.store,
                &format!("Sweep {}", kind.code()),
                kind,
                &["Venlo"],
            )
            .await;
        }
    }
    let orgs: Vec<(String, OrgKind)> = {
        let all = app.store.organisations().await.unwrap();
        OrgKind::ALL
            .into_iter()
            .map(|k| {
                let o = all.iter().find(|o| o.kind == k).unwrap();
                (o.id.clone(), k)
            })
            .collect()
    };
    let vt_org = orgs[0].0.clone();
    assert_eq!(orgs[0].1, OrgKind::VeiligThuis);
    // Every role that fits each kind, with a session.
    let mut users = Vec::new();
    let mut acting: BTreeMap<String, Acting> = BTreeMap::new();
    for (org_id, kind) in &orgs {
        for role in Role::ALL.into_iter().filter(|r| r.fits(*kind)) {
            let username = format!("sw.{}.{}", kind.code(), role.code());
            let user_id =
                schakel_testkit::kit::user(&app.store, &Login::default(), &username, org_id, role)
                    .await;
            if role == Role::Medewerker {
                acting.insert(
                    org_id.clone(),
                    schakel_testkit::kit::acting(&user_id, &username, org_id, *kind),
                );
            }
            let (cookie, csrf) = session(app, &user_id, org_id, role).await;
            users.push(SweepUser {
                username,
                org_id: org_id.clone(),
                org_kind: *kind,
                role,
                cookie,
                csrf,
            });
        }
    }
    let target_user = schakel_testkit::kit::user(
        &app.store,
        &Login::default(),
        "sw.doelwit",
        &vt_org,
        Role::Medewerker,
    )
    .await;
    schakel_testkit::programme::import(&app.store).await;
    schakel_testkit::programme::held_round(&app.store, app.clock.now()).await;
    let mut b = Builder {
        app,
        vt: acting[&vt_org].clone(),
        n: 0,
    };
    let mut cases = BTreeMap::new();
    let mut add = |org: &str, rel: Relation, id: String, participants, secrets: Secrets| {
        cases.insert(
            (org.to_string(), rel),
            SweepCase {
                id,
                participants,
                person_ids: Vec::new(),
                secrets,
            },
        );
    };
    // Veilig Thuis's own melding, decided: unrelated to everyone else.
    let (own, _, own_secrets) = b.decided("overdracht_lokaal_veld", false).await;
    let vt_only = vec![(vt_org.clone(), Participation::Accountable)];
    add(
        &vt_org,
        Relation::Accountable,
        own.clone(),
        vt_only.clone(),
        own_secrets.clone(),
    );
    let mut former_vt = None;
    for (org, kind) in orgs.iter().skip(1) {
        add(
            org,
            Relation::Unrelated,
            own.clone(),
            vt_only.clone(),
            own_secrets.clone(),
        );
        let (id, _, secrets) = b.register(Some(org)).await;
        add(
            org,
            Relation::Reporter,
            id,
            vec![
                (vt_org.clone(), Participation::Accountable),
                (org.clone(), Participation::Reporter),
            ],
            secrets,
        );
        // Handovers go to organisations that handle cases and may take regie (RULES.md 2.2; the
        // page offers no others).
        if !kind.handles_cases() || !kind.may_take_regie() {
            continue;
        }
        let receiver = acting[org].clone();
        let accept = |rh: &Acting| CaseCommand::AcceptHandover {
            regiehouder: rh.user_id.clone(),
        };
        let after = vec![
            (org.clone(), Participation::Accountable),
            (vt_org.clone(), Participation::Contributor),
        ];
        let (id, _, secrets) = b.offered(org, *kind, true).await;
        add(
            org,
            Relation::ReceiverBefore,
            id,
            vec![
                (vt_org.clone(), Participation::Accountable),
                (org.clone(), Participation::HandoverReceiver),
            ],
            secrets,
        );
        let (id, seq, secrets) = b.offered(org, *kind, false).await;
        b.run(&receiver, &id, seq, accept(&receiver)).await;
        add(org, Relation::Accountable, id, after.clone(), secrets);
        let (id, seq, secrets) = b.offered(org, *kind, true).await;
        b.run(&receiver, &id, seq, accept(&receiver)).await;
        if former_vt.is_none() {
            former_vt = Some((id.clone(), after.clone(), secrets.clone()));
        }
        add(org, Relation::ReceiverAfter, id, after.clone(), secrets);
        let (id, seq, secrets) = b.offered(org, *kind, true).await;
        let seq = b.run(&receiver, &id, seq, accept(&receiver)).await;
        b.run(
            &receiver,
            &id,
            seq,
            CaseCommand::ReEscalate {
                reason: "Onveiligheid neemt toe; terug naar Veilig Thuis.".into(),
            },
        )
        .await;
        // The organisation that sent the case back stays in it as former regiehouder.
        add(
            org,
            Relation::FormerRegiehouder,
            id,
            vec![
                (vt_org.clone(), Participation::Accountable),
                (org.clone(), Participation::FormerRegie),
            ],
            secrets,
        );
    }
    if let Some((id, participants, secrets)) = former_vt {
        add(
            &vt_org,
            Relation::FormerRegiehouder,
            id,
            participants,
            secrets,
        );
    }
    // The store must hold the relations the sweep expects, and the persons the case names.
    for case in cases.values_mut() {
        let mut stored = app.store.case_participants(&case.id).await.unwrap();
        stored.sort();
        let mut want = case.participants.clone();
        want.sort();
        assert_eq!(stored, want, "participants of {}", case.id);
        case.person_ids = app
            .store
            .case_persons(&case.id)
            .await
            .unwrap()
            .into_iter()
            .map(|(p, _)| p.id)
            .collect();
        assert_eq!(case.person_ids.len(), 2, "{}", case.id);
    }
    let missing_id = uuid::Uuid::now_v7().to_string();
    assert!(app.store.case_summary(&missing_id).await.unwrap().is_none());
    let school = orgs
        .iter()
        .find(|(_, k)| *k == OrgKind::School)
        .map(|(id, _)| id.clone())
        .unwrap();
    let school_user = users
        .iter()
        .find(|u| u.org_id == school && u.role == Role::SchoolContact)
        .map(|u| u.username.clone())
        .unwrap();
    let school_user_id = app
        .store
        .user_by_username(&school_user)
        .await
        .unwrap()
        .unwrap()
        .id;
    let school_acting =
        schakel_testkit::kit::acting(&school_user_id, &school_user, &school, OrgKind::School);
    let dossier = meldcode_dossier(app, &school_acting, &vt_org).await;
    Fixture {
        users,
        cases,
        target_user,
        dossier,
        missing: SweepCase {
            id: missing_id,
            participants: Vec::new(),
            person_ids: vec!["persoon-bestaat-niet".into()],
            secrets: Secrets::default(),
        },
    }
}

/// Sends one probe as `user` about `case` (when the route names one) and returns the status and
/// body.
async fn send(
    app: &App,
    client: &reqwest::Client,
    p: &Probe,
    user: &SweepUser,
    case: &SweepCase,
    fx: &Fixture,
) -> (u16, String) {
    let id = match p.subject {
        Subject::Case | Subject::CaseKind(_) => case.id.clone(),
        Subject::Dossier => fx.dossier.0.clone(),
        _ if p.route.contains("/gebruikers/") => fx.target_user.clone(),
        _ => case.person_ids[0].clone(),
    };
    // The programme's routes name an action of the fixture's programme.
    let path = format!(
        "{}{}",
        p.route
            .replace("{id}", &id)
            .replace("{key}", "1.1.1")
            .replace("{onderwerp}", "kind"),
        p.query
    );
    let seq = match p.subject {
        Subject::Case => app
            .store
            .case_summary(&case.id)
            .await
            .unwrap()
            .map_or(1, |s| s.last_seq),
        _ => 1,
    };
    let (cookie, csrf) = if p.own_session {
        let u = app
            .store
            .user_by_username(&user.username)
            .await
            .unwrap()
            .unwrap();
        session(app, &u.id, &user.org_id, user.role).await
    } else {
        (user.cookie.clone(), user.csrf.clone())
    };
    let method = reqwest::Method::from_bytes(p.method.as_bytes()).unwrap();
    let mut req = client
        .request(method, app.url(&path))
        .header("cookie", cookie)
        .header("origin", app.base.clone())
        .header("x-csrf-token", csrf.clone());
    if p.break_glass && path.starts_with("/api/") {
        req = req.header("x-break-glass-reason", BREAK_GLASS_REASON);
    }
    req = match &p.body {
        Body::None => req,
        Body::Form(fields) => {
            let fields: Vec<(&str, String)> = fields
                .iter()
                .map(|(k, v)| {
                    (
                        *k,
                        v.replace("{csrf}", &csrf)
                            .replace("{seq}", &seq.to_string()),
                    )
                })
                .collect();
            req.form(&fields)
        }
        Body::Json(value) => {
            let text = value.to_string().replace("\"{seq}\"", &seq.to_string());
            req.header("content-type", "application/json").body(text)
        }
    };
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

#[tokio::test]
async fn every_route_answers_every_role_and_relation_as_the_policy_says_and_refusals_leak_nothing()
{
    let started = Instant::now();
    let app = App::demo().await;
    let fx = fixture(&app).await;
    let built = started.elapsed();

    // The routes the server has, from its own routers, against the sweep's entries.
    let router = schakel_web::router(schakel_web::AppState::new(
        app.store.clone(),
        schakel_web::WebConfig::default(),
    ));
    let routes: BTreeSet<(String, String)> = schakel_web::route_table(&router)
        .await
        .unwrap()
        .into_iter()
        .collect();
    let probes = probes();
    let covered: BTreeSet<(String, String)> = probes
        .iter()
        .map(|p| (p.method.to_string(), p.route.to_string()))
        .collect();
    let unswept: Vec<_> = routes.difference(&covered).collect();
    assert!(
        unswept.is_empty(),
        "routes without an entry in the authorisation sweep (tests/http/sweep.rs `probes`): {unswept:?}"
    );
    let stale: Vec<_> = covered.difference(&routes).collect();
    assert!(
        stale.is_empty(),
        "sweep entries for routes the server does not have: {stale:?}"
    );

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut failures = Vec::new();
    let mut requests = 0_usize;
    let mut refusals = 0_usize;
    let mut cells: BTreeSet<(String, String, Relation)> = BTreeSet::new();
    let mut not_applicable = 0_usize;
    // The answer of an open route, which must be the same for everyone.
    let mut open_answers: BTreeMap<(String, String), u16> = BTreeMap::new();
    for user in &fx.users {
        for p in &probes {
            let relations: Vec<Relation> = match p.subject {
                Subject::Case | Subject::CaseKind(_) => Relation::ALL.to_vec(),
                _ => vec![Relation::Unrelated],
            };
            for rel in relations {
                let case = match (p.subject, rel) {
                    (_, Relation::Missing) => fx.missing.clone(),
                    (Subject::Case | Subject::CaseKind(_), rel) => {
                        match fx.cases.get(&(user.org_id.clone(), rel)) {
                            Some(c) => c.clone(),
                            None => {
                                // This organisation cannot have this relation to a case (Veilig Thuis
                                // is never unrelated; a school never receives a handover).
                                not_applicable += 1;
                                continue;
                            }
                        }
                    }
                    // Routes about no case: the access-log routes name a person of a case.
                    _ => fx
                        .cases
                        .values()
                        .find(|c| c.participants.len() > 1)
                        .unwrap()
                        .clone(),
                };
                let (status, body) = send(&app, &client, p, user, &case, &fx).await;
                requests += 1;
                cells.insert((p.method.to_string(), p.route.to_string(), rel));
                let who = format!(
                    "{} {}{} as {} ({:?}) on {:?}",
                    p.method, p.route, p.query, user.username, p.action, rel
                );
                if status >= 500 {
                    failures.push(format!("{who}: {status} {body}"));
                    continue;
                }
                let resource = Resource::case(case.participants.clone(), Sensitivity::Normal);
                let expected = match p.subject {
                    Subject::Open => {
                        let first = open_answers
                            .entry((p.method.to_string(), p.route.to_string()))
                            .or_insert(status);
                        *first
                    }
                    Subject::SignedIn => p.ok,
                    Subject::Kind(kind) => {
                        if decide(&user.actor(false), p.action, &Resource::new(kind)).is_allowed() {
                            p.ok
                        } else {
                            DENIED
                        }
                    }
                    Subject::Rule(rule) => {
                        if rule(&user.actor(false)) {
                            p.ok
                        } else {
                            DENIED
                        }
                    }
                    // A dossier of another organisation answers as one that does not exist.
                    Subject::Dossier => match decide(&user.actor(false), p.action, &fx.dossier.1) {
                        schakel_domain::access::Decision::Allow(_) => p.ok,
                        schakel_domain::access::Decision::Deny(
                            schakel_domain::access::DenyReason::NoRelation,
                        ) => MISSING,
                        schakel_domain::access::Decision::Deny(_) => DENIED,
                    },
                    Subject::Case | Subject::CaseKind(_)
                        if rel == Relation::Missing
                            && !(p.offers_break_glass && may_break_glass(user)) =>
                    {
                        MISSING
                    }
                    Subject::Case | Subject::CaseKind(_) => {
                        let actor = user.actor(p.break_glass);
                        let decision = match p.subject {
                            Subject::CaseKind(kind) => decide(
                                &actor,
                                p.action,
                                &Resource {
                                    kind,
                                    sensitivity: Sensitivity::Normal,
                                    participants: case.participants.clone(),
                                },
                            ),
                            _ => decide(&actor, p.action, &resource),
                        };
                        // The region's limits on break-the-glass (issue 8, finding 6): the demo
                        // region's defaults, one use per user in the sweep.
                        let allowed = rel != Relation::Missing
                            && match &decision {
                                schakel_domain::access::Decision::Allow(
                                    schakel_domain::access::Ground::BreakTheGlass { .. },
                                ) => may_break_glass(user),
                                d => d.is_allowed(),
                            };
                        let takes_part = case.participants.iter().any(|(o, _)| o == &user.org_id);
                        if allowed {
                            let vt = user.org_kind == OrgKind::VeiligThuis;
                            let special = if vt { &p.ok_on_vt } else { &p.ok_on };
                            special
                                .iter()
                                .find(|(r, _)| *r == rel)
                                .map_or(p.ok, |(_, status)| *status)
                        } else if takes_part || (p.offers_break_glass && may_break_glass(user)) {
                            DENIED
                        } else {
                            DENIED_CASE
                        }
                    }
                };
                if status != expected {
                    failures.push(format!(
                        "{who}: got {status}, the policy says {expected}: {}",
                        body.chars().take(300).collect::<String>()
                    ));
                }
                // A refusal says nothing of the case; an allowed answer nothing the view withholds.
                let hidden: Vec<DataCategory> = if status == DENIED
                    || status == DENIED_CASE
                    || status == MISSING
                    || status >= 400
                {
                    refusals += 1;
                    PERSONAL.to_vec()
                } else {
                    let view = match p.subject {
                        Subject::Case => disclose(&user.actor(p.break_glass), &resource),
                        // The feedback is text written for the reporter; not the file's data.
                        Subject::CaseKind(_) => schakel_domain::access::View::nothing(),
                        // Nothing but a case discloses a case's data.
                        _ => schakel_domain::access::View::nothing(),
                    };
                    PERSONAL.into_iter().filter(|c| !view.shows(*c)).collect()
                };
                let leaks = case.secrets.leaks(&body, &hidden);
                if !leaks.is_empty() {
                    failures.push(format!("{who}: {status} shows {leaks:?}"));
                }
            }
        }
    }
    let roles = fx.users.len();
    let routes_n = routes.len();
    println!(
        "authorisation sweep: {routes_n} routes x {roles} roles (role x organisation kind) x {} relations; \
         {requests} requests ({refusals} refusals checked for personal data, {} route-relation cells, \
         {not_applicable} combinations not applicable); fixture {:.1?}, total {:.1?}",
        Relation::ALL.len(),
        cells.len(),
        built,
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} of {requests} answers differ from the policy:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
