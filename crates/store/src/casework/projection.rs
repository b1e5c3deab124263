//! From a case's domain state to its read models.

use schakel_domain::access::Participation;
use schakel_domain::calendar::dutch_date;
use schakel_domain::case::{CaseKind, CaseState, DeadlineKind};
use schakel_domain::classification::{MeldingClass, VervolgMoment};
use schakel_domain::intake::{Gender, age_band};

use crate::cases::{CaseProjection, PersonRecord};
use crate::readmodels::{DeadlineRow, FactBetrokkene, MeldingFact, ReadModels};
use crate::time_text;
use schakel_domain::rules::RegionRules;

fn kind_code(kind: CaseKind) -> &'static str {
    match kind {
        CaseKind::Advies => "advies",
        CaseKind::Melding => "melding",
    }
}

/// A title that names no one: kind, day of receipt and gemeente, e.g. "Melding 12-03-2026 · Venlo".
pub fn title(state: &CaseState) -> String {
    let kind = match state.case_kind {
        CaseKind::Advies => "Advies",
        CaseKind::Melding => "Melding",
    };
    match state.intakes.first() {
        Some(first) => match first.intake.gemeente() {
            Some(g) => format!("{kind} {} · {g}", dutch_date(first.intake.received_on())),
            None => format!("{kind} {}", dutch_date(first.intake.received_on())),
        },
        None => format!(
            "{kind} {}",
            dutch_date(schakel_domain::calendar::dutch_local_date(state.opened_at))
        ),
    }
}

/// The case row, participants and persons.
///
/// Participants: the accountable organisation; the receiver of an open handover (it sees what it
/// needs to decide); the reporter's organisation, which gets feedback (RULES.md 2.4); and Veilig
/// Thuis as contributor once another organisation is accountable, since it keeps its own statutory
/// file and monitors the veiligheidsvoorwaarden (RULES.md 2.5, 8.1: Wmo art. 4.1.1). An earlier
/// regiehouder whose case was re-escalated keeps a read-only view (issue 7 item 7).
///
/// Persons: the named betrokkenen of a melding. An advies keeps the family anonymous (RULES.md 1.3),
/// so its betrokkenen are no persons in Schakel and are not found by the known-before check.
pub fn case_projection(state: &CaseState) -> CaseProjection {
    let mut participants = vec![(state.accountable_org.clone(), Participation::Accountable)];
    if let Some(h) = &state.open_handover {
        participants.push((h.to_org.clone(), Participation::HandoverReceiver));
    }
    if state.accountable_org != state.vt_org {
        participants.push((state.vt_org.clone(), Participation::Contributor));
    }
    // Issue 7 item 7: a regiehouder whose case was re-escalated keeps a read-only view.
    for f in &state.former_regie {
        if !participants.iter().any(|(o, _)| o == &f.org) {
            participants.push((f.org.clone(), Participation::FormerRegie));
        }
    }
    for i in &state.intakes {
        if let Some(org) = &i.intake.melder.org_id
            && !participants.iter().any(|(o, _)| o == org)
        {
            participants.push((org.clone(), Participation::Reporter));
        }
    }
    let mut persons = Vec::new();
    if state.case_kind == CaseKind::Melding {
        for i in &state.intakes {
            for b in &i.intake.betrokkenen {
                let Some(name) = &b.name else { continue };
                persons.push((
                    PersonRecord {
                        id: b.person_id.clone(),
                        display_name: name.clone(),
                        birth_date: b.birth_date.map(|d| d.to_string()),
                        bsn: b.bsn.clone(),
                        gemeente: Some(b.gemeente.clone()),
                    },
                    b.role.clone(),
                ));
            }
        }
    }
    CaseProjection {
        kind: kind_code(state.case_kind).into(),
        status: state.phase.code().into(),
        accountable_org: state.accountable_org.clone(),
        title: title(state),
        participants,
        persons,
        received_year: state.intakes.first().map(|i| i.intake.received_on().year()),
        gemeente: state
            .intakes
            .first()
            .and_then(|i| i.intake.gemeente())
            .map(str::to_string),
        acute: state.is_acute_now(),
        assigned_user: state.assigned_user.clone(),
        merged_persons: state.merged_persons.clone(),
    }
}

/// The deadlines (always) and the monitor facts (when `with_facts`).
pub fn read_models(state: &CaseState, rules: &RegionRules, with_facts: bool) -> ReadModels {
    ReadModels {
        deadlines: deadline_rows(state, rules),
        facts: with_facts.then(|| facts(state)),
    }
}

fn deadline_code(kind: &DeadlineKind) -> &'static str {
    match kind {
        DeadlineKind::Urgentie => "urgentie",
        DeadlineKind::AcuteActie => "acute_actie",
        DeadlineKind::Veiligheidsbeoordeling => "veiligheidsbeoordeling",
        DeadlineKind::OverdrachtAccepteren { .. } => "overdracht_accepteren",
        DeadlineKind::OverdrachtOnbeantwoord { .. } => "overdracht_onbeantwoord",
        DeadlineKind::NieuweOntvanger { .. } => "nieuwe_ontvanger",
        DeadlineKind::MeldingUrgentie { .. } => "urgentie",
        DeadlineKind::MeldingAcuteActie { .. } => "acute_actie",
        DeadlineKind::MeldingBeoordeling { .. } => "veiligheidsbeoordeling",
        DeadlineKind::NieuweMelding { .. } => "nieuwe_melding",
        DeadlineKind::Monitoringsmoment { .. } => "monitoringsmoment",
        DeadlineKind::Onderzoek => "onderzoek",
        DeadlineKind::Terugkoppeling { .. } => "terugkoppeling",
        DeadlineKind::TerugBijVeiligThuis => "terug_bij_veilig_thuis",
    }
}

fn deadline_rows(state: &CaseState, rules: &RegionRules) -> Vec<DeadlineRow> {
    let mut rows = Vec::new();
    for d in state.deadlines(&rules.calendar, &rules.terms) {
        let since = match &d.what {
            DeadlineKind::OverdrachtAccepteren { .. }
            | DeadlineKind::OverdrachtOnbeantwoord { .. } => state
                .open_handover
                .as_ref()
                .map(|h| time_text::format(h.offered_at)),
            _ => None,
        };
        if let DeadlineKind::OverdrachtAccepteren { .. } = &d.what {
            // Issue 3: until acceptance the handover shows in both queues with its age; Veilig
            // Thuis stays accountable (RULES.md 0).
            rows.push(DeadlineRow {
                kind: "overdracht_wacht".into(),
                label: "Overdracht wacht op acceptatie".into(),
                due: d.due.to_string(),
                due_at: None,
                since: since.clone(),
                owner_org: state.vt_org.clone(),
                for_role: None,
                shown_from: None,
            });
        }
        rows.push(DeadlineRow {
            kind: deadline_code(&d.what).into(),
            label: d.what.label(),
            due: d.due.to_string(),
            due_at: d.due_at.map(time_text::format),
            since,
            owner_org: d.owner_org,
            for_role: d.for_role.map(|r| r.code().to_string()),
            shown_from: d.shown_from.map(|d| d.to_string()),
        });
    }
    rows
}

/// The stable code of a CBS class, as the monitor stores it.
pub fn class_code(class: MeldingClass) -> String {
    match class {
        MeldingClass::EersteMelding => "eerste_melding".into(),
        MeldingClass::Hermelding => "hermelding".into(),
        MeldingClass::Vervolgmelding(m) => format!(
            "vervolgmelding_{}",
            match m {
                VervolgMoment::TijdensBeoordeling => "tijdens_beoordeling",
                VervolgMoment::NaBeoordeling => "na_beoordeling",
                VervolgMoment::TijdensMonitoring => "tijdens_monitoring",
            }
        ),
        MeldingClass::NietIngedeeld => "niet_ingedeeld".into(),
    }
}

fn gender_code(g: Gender) -> &'static str {
    match g {
        Gender::Man => "man",
        Gender::Vrouw => "vrouw",
        Gender::Anders => "anders",
        Gender::Onbekend => "onbekend",
    }
}

fn facts(state: &CaseState) -> Vec<MeldingFact> {
    state
        .intakes
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let i = &r.intake;
            let received = i.received_on();
            // The case's own intake counts as what the case is now (an advies converted to a
            // melding counts as a melding, RULES.md 1.3); a joined one is a melding.
            let kind = if n == 0 { state.case_kind } else { i.case_kind };
            MeldingFact {
                kind: kind_code(kind).into(),
                received_on: received.to_string(),
                gemeente: i.gemeente().unwrap_or_default().to_string(),
                classification: r.classification.map(class_code),
                melder_type: i.melder.melder_type.clone(),
                channel: i.channel.clone(),
                violence_version: i.violence_version.clone(),
                violence: i.violence.clone(),
                specific_groups: i.specific_groups.clone(),
                betrokkenen: i
                    .betrokkenen
                    .iter()
                    .map(|b| FactBetrokkene {
                        role: b.role.clone(),
                        age_band: b.age_on(received).map(|a| age_band(a).to_string()),
                        gender: gender_code(b.gender).into(),
                    })
                    .collect(),
            }
        })
        .collect()
}
