//! The meldcode's use cases (issue 11, item 1): open a dossier, record a step, and send an advies or
//! a melding to Veilig Thuis's intake with what the professional already entered. The policy decides
//! the kind of access ([`schakel_domain::access`], `MeldcodeDossier`), the dossier decides the
//! command, and the event is written after the state it was decided on, or not at all.

use schakel_domain::access::{
    Action, Actor, Decision, Participation, Resource, ResourceKind, Sensitivity, decide,
};
use schakel_domain::case::CaseKind;
use schakel_domain::meldcode::{
    Kindcheck, MAX_TEXT, MeldcodeCommand, MeldcodeDossier, MeldcodeEvent, Prefill, Professional,
    Recorded, SharedCare, melder_type, without_names,
};
use schakel_domain::org::OrgKind;
use schakel_domain::validate::required_text;
use schakel_domain::{FieldError, msg};
use schakel_store::Store;
use schakel_store::meldcode::{DossierHeadline, DossierWrite, NewRequest};
use time::OffsetDateTime;

use crate::Error;

/// The dossier as the policy sees it: its organisation accountable, and the Veilig Thuis
/// organisation that received its melding a contributor (reads, never writes).
pub fn resource(dossier: &MeldcodeDossier) -> Resource {
    let mut participants = vec![(dossier.owner_org.clone(), Participation::Accountable)];
    if let Some(m) = &dossier.melding {
        participants.push((m.what.vt_org.clone(), Participation::Contributor));
    }
    Resource {
        kind: ResourceKind::MeldcodeDossier,
        sensitivity: Sensitivity::Normal,
        participants,
    }
}

/// Asks the policy whether `actor` may `action` something of the meldcode that is no one dossier
/// (starting one, listing one's own).
pub fn allow(actor: &Actor, action: Action) -> Result<(), Error> {
    match decide(actor, action, &Resource::new(ResourceKind::MeldcodeDossier)) {
        Decision::Allow(_) => Ok(()),
        Decision::Deny(reason) => Err(Error::Forbidden(reason)),
    }
}

/// Dossier `id` as its log makes it; [`Error::NotFound`] when there is none. No access check: the
/// caller asks the policy with [`resource`] (the web's gate logs that question).
pub async fn load(store: &Store, id: &str) -> Result<MeldcodeDossier, Error> {
    let events = store.meldcode_events(id).await?;
    MeldcodeDossier::fold(&events).ok_or(Error::NotFound)
}

/// The log of dossier `id`, for its history.
pub async fn history(store: &Store, id: &str) -> Result<Vec<Recorded>, Error> {
    Ok(store.meldcode_events(id).await?)
}

fn headline(dossier: &MeldcodeDossier) -> DossierHeadline {
    DossierHeadline {
        owner_org: dossier.owner_org.clone(),
        reader_org: dossier.melding.as_ref().map(|m| m.what.vt_org.clone()),
        client_name: dossier.client.name.clone(),
        phase: dossier.phase().code(),
    }
}

/// What a dossier is after `event` is appended to `events`.
fn after(
    events: &[Recorded],
    event: &MeldcodeEvent,
    by: &Professional,
    at: OffsetDateTime,
) -> Result<MeldcodeDossier, Error> {
    let mut all = events.to_vec();
    all.push(Recorded {
        seq: events.last().map_or(1, |e| e.seq + 1),
        at,
        by: by.clone(),
        event: event.clone(),
    });
    MeldcodeDossier::fold(&all).ok_or(Error::NotFound)
}

/// Opens a dossier for a client of `actor`'s organisation; its id.
pub async fn open(
    store: &Store,
    actor: &Actor,
    by: &Professional,
    client_name: &str,
    client_birth_date: &str,
    concern: &str,
    now: OffsetDateTime,
) -> Result<String, Error> {
    allow(actor, Action::Create)?;
    let today = schakel_domain::calendar::dutch_local_date(now);
    let event = MeldcodeDossier::open(
        &actor.org_id,
        client_name,
        client_birth_date,
        concern,
        today,
    )?;
    let dossier = after(&[], &event, by, now)?;
    let id = uuid::Uuid::now_v7().to_string();
    store
        .append_meldcode_event(
            &id,
            0,
            &DossierWrite {
                event: &event,
                at: now,
                by,
                headline: &headline(&dossier),
                request: None,
            },
        )
        .await?;
    Ok(id)
}

/// Runs `command` on dossier `id` for `actor` (shown as `by`). With `expected`, the command is
/// refused as stale unless the dossier is still at that event (a form says what it saw).
pub async fn run(
    store: &Store,
    actor: &Actor,
    by: &Professional,
    id: &str,
    expected: Option<u64>,
    command: MeldcodeCommand,
    now: OffsetDateTime,
) -> Result<MeldcodeDossier, Error> {
    let events = store.meldcode_events(id).await?;
    let dossier = MeldcodeDossier::fold(&events).ok_or(Error::NotFound)?;
    check(actor, Action::Update, &dossier)?;
    if let Some(seen) = expected
        && seen != dossier.seq
    {
        return Err(Error::Store(schakel_store::StoreError::DossierChanged {
            expected: seen as i64,
            actual: dossier.seq as i64,
        }));
    }
    let event = dossier.decide(command)?;
    let next = after(&events, &event, by, now)?;
    store
        .append_meldcode_event(
            id,
            dossier.seq as i64,
            &DossierWrite {
                event: &event,
                at: now,
                by,
                headline: &headline(&next),
                request: None,
            },
        )
        .await?;
    Ok(next)
}

fn check(actor: &Actor, action: Action, dossier: &MeldcodeDossier) -> Result<(), Error> {
    match decide(actor, action, &resource(dossier)) {
        Decision::Allow(_) => Ok(()),
        Decision::Deny(reason) => Err(Error::Forbidden(reason)),
    }
}

/// The sender's side of a request: who sends, from which organisation, and how Veilig Thuis can
/// reach them.
pub struct Sender<'a> {
    pub actor: &'a Actor,
    pub by: &'a Professional,
    pub org_name: &'a str,
    pub org_kind: OrgKind,
    pub contact: &'a str,
}

/// What a dossier would send as `kind` (the page shows it before sending): the prefill, or why not.
pub fn preview(
    dossier: &MeldcodeDossier,
    kind: CaseKind,
    sender: &Sender<'_>,
) -> Result<Prefill, Error> {
    check(sender.actor, Action::Update, dossier)?;
    Ok(dossier.prefill(kind, sender.by)?)
}

/// Sends an advies or a melding from dossier `id` to Veilig Thuis organisation `vt_org`: it waits
/// in that organisation's intake with the intake form's fields filled in. A melding is recorded in
/// the dossier in the same transaction, and from then on Veilig Thuis may read the dossier; an
/// advies leaves the dossier as it is and carries no names (RULES.md 1.3). The request's id.
///
/// `description`, when given, is the text as the professional reviewed it on the page; for an
/// advies the names the dossier knows are taken out of it again.
pub async fn send(
    store: &Store,
    sender: &Sender<'_>,
    id: &str,
    kind: CaseKind,
    vt_org: &str,
    description: Option<&str>,
    now: OffsetDateTime,
) -> Result<String, Error> {
    let events = store.meldcode_events(id).await?;
    let dossier = MeldcodeDossier::fold(&events).ok_or(Error::NotFound)?;
    let mut prefill = preview(&dossier, kind, sender)?;
    if let Some(text) = description {
        let text = required_text("omschrijving", text, MAX_TEXT)?;
        prefill.description = match kind {
            CaseKind::Advies => {
                let co_carer = match dossier.signals.as_ref().map(|s| &s.what.kindcheck) {
                    Some(Kindcheck::Children {
                        shared_care: SharedCare::Yes { with_whom },
                        ..
                    }) => Some(with_whom.as_str()),
                    _ => None,
                };
                let mut names = vec![dossier.client.name.as_str()];
                names.extend(co_carer);
                without_names(&text, &names)
            }
            CaseKind::Melding => text,
        };
    }
    let receiver = match store.organisation(vt_org).await {
        Ok(org) if org.kind == OrgKind::VeiligThuis => org,
        _ => {
            return Err(Error::Invalid(FieldError::new(
                "veilig_thuis",
                msg("error-meldcode-no-such-veilig-thuis"),
            )));
        }
    };
    let fields = serde_json::to_string(&intake_fields(&prefill, sender))
        .map_err(|e| Error::Store(schakel_store::StoreError::Corrupt(e.to_string())))?;
    let request = NewRequest {
        id: uuid::Uuid::now_v7().to_string(),
        vt_org: receiver.id.clone(),
        kind: kind_code(kind).to_string(),
        fields,
        summary: summary(&prefill),
        sender_org: sender.actor.org_id.clone(),
    };
    match kind {
        CaseKind::Melding => {
            let event = dossier.decide(MeldcodeCommand::RecordMeldingMade {
                vt_org: receiver.id,
                case_id: String::new(),
            })?;
            let next = after(&events, &event, sender.by, now)?;
            store
                .append_meldcode_event(
                    id,
                    dossier.seq as i64,
                    &DossierWrite {
                        event: &event,
                        at: now,
                        by: sender.by,
                        headline: &headline(&next),
                        request: Some(&request),
                    },
                )
                .await?;
        }
        CaseKind::Advies => {
            store
                .send_meldcode_request(id, now, sender.by, &request)
                .await?;
        }
    }
    Ok(request.id)
}

fn kind_code(kind: CaseKind) -> &'static str {
    match kind {
        CaseKind::Advies => "advies",
        CaseKind::Melding => "melding",
    }
}

/// One line for Veilig Thuis's list of what is waiting: the first 140 characters of the concern
/// (for an advies already without the names the dossier knows).
fn summary(prefill: &Prefill) -> String {
    let first_part = prefill.description.split("\n\n").next().unwrap_or_default();
    let mut line: String = first_part.chars().take(140).collect();
    if first_part.chars().count() > 140 {
        line.push('…');
    }
    line
}

/// The intake form's fields (`crates/web/src/intake/page/form.rs` reads the same names) for
/// `prefill`: the kind, the channel, the reporter, for a melding the client and the children by
/// age, and the description. What the dossier does not know (roles, gemeente, BSN) Veilig Thuis
/// fills in.
pub fn intake_fields(prefill: &Prefill, sender: &Sender<'_>) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = vec![
        ("soort".into(), kind_code(prefill.kind).into()),
        // The request reaches Veilig Thuis through Schakel's own forms.
        ("kanaal".into(), "web".into()),
        ("melder.type".into(), melder_type(sender.org_kind).into()),
        ("melder.naam".into(), prefill.reporter.name.clone()),
        ("melder.organisatie".into(), sender.org_name.into()),
        ("melder.contact".into(), sender.contact.into()),
        ("omschrijving".into(), prefill.description.clone()),
    ];
    if let Some(family) = &prefill.family {
        let row = |i: usize, name: &str, value: String| (format!("betrokkenen[{i}].{name}"), value);
        f.push(row(0, "naam", family.client.name.clone()));
        if let Some(born) = family.client.birth_date {
            f.push(row(0, "geboortedatum", born.to_string()));
        }
        for (n, age) in prefill.children_ages.iter().enumerate() {
            f.push(row(n + 1, "rol", "kind_in_gezin".into()));
            f.push(row(n + 1, "geschatte_leeftijd", age.to_string()));
        }
    }
    f
}

/// The organisations of kind Veilig Thuis a request may go to.
pub async fn veilig_thuis_organisations(
    store: &Store,
) -> Result<Vec<schakel_store::orgs::Organisation>, Error> {
    Ok(store
        .organisations()
        .await?
        .into_iter()
        .filter(|o| o.kind == OrgKind::VeiligThuis)
        .collect())
}
