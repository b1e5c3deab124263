//! The demo's meldcode dossiers (issue 11): the school's contact halfway through the steps for a
//! pupil, and the GP's melding about a mother with young children waiting in Veilig Thuis's intake,
//! so both sides of the meldcode can be tried at once. All names are fictional.

use schakel_app::meldcode::{self, Sender};
use schakel_domain::access::Actor;
use schakel_domain::case::CaseKind;
use schakel_domain::meldcode::{AnswerSheet, KindcheckInput, MeldcodeCommand, Professional};
use schakel_domain::org::OrgKind;
use schakel_store::Store;
use time::{Duration, OffsetDateTime};

use crate::error::{CliError, CliResult};

/// A demo user as the meldcode's actor, with their organisation's name and kind.
struct DemoProfessional {
    actor: Actor,
    by: Professional,
    org_name: String,
    org_kind: OrgKind,
}

async fn professional(store: &Store, username: &str) -> CliResult<Option<DemoProfessional>> {
    let Some(user) = store.user_by_username(username).await? else {
        return Ok(None);
    };
    let Some(m) = store.memberships(&user.id).await?.into_iter().next() else {
        return Ok(None);
    };
    let org = store.organisation(&m.org_id).await?;
    Ok(Some(DemoProfessional {
        actor: Actor {
            user_id: user.id.clone(),
            org_id: m.org_id,
            org_kind: org.kind,
            role: m.role,
            second_factor: true,
            break_glass: None,
        },
        by: Professional {
            user_id: user.id,
            name: user.display_name,
        },
        org_name: org.name,
        org_kind: org.kind,
    }))
}

fn failed(e: schakel_app::Error) -> CliError {
    CliError::failure(format!("demo-meldcode: {e}"))
}

impl DemoProfessional {
    async fn walk(
        &self,
        store: &Store,
        client: (&str, &str),
        concern: &str,
        steps: Vec<MeldcodeCommand>,
        at: OffsetDateTime,
    ) -> CliResult<String> {
        let id = meldcode::open(
            store,
            &self.actor,
            &self.by,
            client.0,
            client.1,
            concern,
            at,
        )
        .await
        .map_err(failed)?;
        for (n, command) in steps.into_iter().enumerate() {
            let when = at + Duration::hours(2 * (n as i64 + 1));
            meldcode::run(store, &self.actor, &self.by, &id, None, command, when)
                .await
                .map_err(failed)?;
        }
        Ok(id)
    }
}

fn signals(text: &str, kindcheck: KindcheckInput) -> MeldcodeCommand {
    MeldcodeCommand::RecordSignals {
        signals: text.into(),
        kindcheck,
    }
}

fn consultation(colleague: &str, summary: &str) -> MeldcodeCommand {
    MeldcodeCommand::RecordConsultation {
        colleague: colleague.into(),
        summary: summary.into(),
        vt_asked: false,
        vt_advice: String::new(),
    }
}

/// Seeds the two dossiers once; a database that has any dossier of the school keeps what it has.
pub async fn seed(store: &Store, now: OffsetDateTime) -> CliResult<()> {
    let (Some(school), Some(gp)) = (
        professional(store, "school").await?,
        professional(store, "huisarts").await?,
    ) else {
        return Ok(());
    };
    if !store
        .meldcode_dossiers_of(&school.actor.org_id, true)
        .await?
        .is_empty()
    {
        return Ok(());
    }
    school
        .walk(
            store,
            ("Daan Verzonnen", "2015-06-21"),
            "Daan is de laatste weken stil en teruggetrokken en wil na school niet naar huis.",
            vec![
                signals(
                    "Daan zegt dat het thuis 'weer ruzie' was. Hij valt in de klas in slaap en heeft zijn gymspullen al drie weken niet bij zich.",
                    KindcheckInput::default(),
                ),
                consultation(
                    "Intern begeleider (demo)",
                    "De intern begeleider herkent de signalen. We nodigen moeder uit voor een gesprek.",
                ),
            ],
            now - Duration::days(3),
        )
        .await?;
    let reported = gp
        .walk(
            store,
            ("Ria Verzonnen", "1990-02-11"),
            "Ria komt met letsel op het spreekuur en zegt dat haar partner haar slaat.",
            vec![
                signals(
                    "Blauwe plek rond het linkeroog en op de bovenarm; Ria vertelt over dreigementen van haar partner.",
                    KindcheckInput {
                        parental_problems: true,
                        cares_for_children: true,
                        number_of_children: "2".into(),
                        ages: vec!["3".into(), "6".into()],
                        ..KindcheckInput::default()
                    },
                ),
                consultation(
                    "Praktijkondersteuner (demo)",
                    "Samen besproken: de kinderen zijn getuige van het geweld.",
                ),
                MeldcodeCommand::RecordConversation {
                    held: true,
                    summary: "Ria wil hulp maar is bang voor haar partner. Zij weet dat ik Veilig Thuis inschakel.".into(),
                    skip_ground: String::new(),
                    skip_explanation: String::new(),
                },
                MeldcodeCommand::RecordWeighing {
                    assessment: "Herhaald geweld waar jonge kinderen bij zijn. Zelf kan ik de veiligheid niet organiseren.".into(),
                    in_doubt: false,
                    answers: AnswerSheet {
                        q1: Some(true),
                        q2: Some(false),
                        q3: Some(false),
                        ..AnswerSheet::default()
                    },
                },
                MeldcodeCommand::Decide {
                    note: "Melden bij Veilig Thuis; ik blijf Ria's huisarts en zie haar volgende week terug.".into(),
                },
            ],
            now - Duration::days(1),
        )
        .await?;
    let Some(vt) = meldcode::veilig_thuis_organisations(store)
        .await
        .map_err(failed)?
        .into_iter()
        .next()
    else {
        return Ok(());
    };
    let sender = Sender {
        actor: &gp.actor,
        by: &gp.by,
        org_name: &gp.org_name,
        org_kind: gp.org_kind,
        contact: "",
    };
    meldcode::send(
        store,
        &sender,
        &reported,
        CaseKind::Melding,
        &vt.id,
        None,
        now - Duration::hours(6),
    )
    .await
    .map_err(failed)?;
    Ok(())
}
