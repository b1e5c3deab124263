//! The transition function: one event applied to one state.

use crate::calendar::dutch_local_date;
use crate::codes::{DecisionCategory, decision_category};
use crate::org::OrgKind;
use crate::validate::required_text;

use super::{
    CaseEvent, CaseKind, CaseState, Decision, EventContext, FeedbackMoment, Handover, Monitoring,
    Onderzoek, Phase, RecordedIntake, SafetyAssessment, TransitionError,
};

use super::guards::{
    MAX_ID, MAX_TEXT, by_accountable, by_vt, check_closable, check_intake, not_allowed,
    open_handover, owe_feedback, receiver_only, reopen, running_onderzoek, settle_feedback, texts,
};

/// Applies one event. `state` is `None` before the first event. Returns the new state, or why the
/// event is not allowed; the old state is never changed.
pub fn apply(
    state: Option<&CaseState>,
    event: &CaseEvent,
    ctx: &EventContext,
) -> Result<CaseState, TransitionError> {
    match (state, event) {
        (
            None,
            CaseEvent::Opened {
                case_kind,
                received_at,
                accountable_org,
            },
        ) => {
            // DESIGN.md / RULES.md 1.3: Veilig Thuis registers adviezen and meldingen and is
            // accountable from the start.
            if ctx.org_kind != OrgKind::VeiligThuis {
                return Err(not_allowed(
                    "Alleen Veilig Thuis registreert een advies of melding.",
                ));
            }
            let accountable = required_text("accountable_org", accountable_org, MAX_ID)?;
            if accountable != ctx.org_id {
                return Err(not_allowed(
                    "De Veilig Thuis-organisatie die registreert, is ook verantwoordelijk voor de casus.",
                ));
            }
            Ok(CaseState {
                case_kind: *case_kind,
                phase: match case_kind {
                    CaseKind::Advies => Phase::Advies,
                    CaseKind::Melding => Phase::Intake,
                },
                vt_org: accountable.clone(),
                accountable_org: accountable,
                opened_at: *received_at,
                assessment_from: *received_at,
                acute: None,
                safety: None,
                decision: None,
                open_handover: None,
                handover_ids: Vec::new(),
                monitoring: None,
                onderzoek: None,
                feedback_pending: Vec::new(),
                closed_from: None,
                intakes: Vec::new(),
                instruments: Vec::new(),
            })
        }
        (None, _) => Err(not_allowed(
            "Een casus begint met het registreren van een advies of melding.",
        )),
        (Some(_), CaseEvent::Opened { .. }) => Err(not_allowed("Deze casus is al geopend.")),
        (Some(s), CaseEvent::Reopened) => reopen(s, ctx),
        (Some(s), _) if s.phase == Phase::Gesloten => {
            Err(not_allowed("De casus is gesloten. Heropen de casus eerst."))
        }
        (Some(s), e) => transition(s, e, ctx),
    }
}

/// The event the lifecycle demands right after `event` brought the case to `after`, if any.
/// RULES.md 2.5 and issue 3: safety must hold after a handover; a monitoring check that finds a
/// veiligheidsvoorwaarde unmet returns the case to Veilig Thuis at once.
pub fn follow_up(after: &CaseState, event: &CaseEvent) -> Option<CaseEvent> {
    match event {
        CaseEvent::MonitoringRecorded { .. } => {
            let unmet = &after.monitoring.as_ref()?.unmet;
            (!unmet.is_empty()).then(|| CaseEvent::ReEscalated {
                reason: format!(
                    "Veiligheidsvoorwaarden niet nageleefd: {}",
                    unmet.join("; ")
                ),
            })
        }
        _ => None,
    }
}

/// Folds a whole history. Returns the index of the first rejected event with its error.
pub fn replay<'a>(
    events: impl IntoIterator<Item = (&'a CaseEvent, &'a EventContext)>,
) -> Result<Option<CaseState>, (usize, TransitionError)> {
    let mut state: Option<CaseState> = None;
    for (i, (event, ctx)) in events.into_iter().enumerate() {
        state = Some(apply(state.as_ref(), event, ctx).map_err(|e| (i, e))?);
    }
    Ok(state)
}

fn transition(
    s: &CaseState,
    event: &CaseEvent,
    ctx: &EventContext,
) -> Result<CaseState, TransitionError> {
    let mut next = s.clone();
    match event {
        CaseEvent::Opened { .. } | CaseEvent::Reopened => {
            return Err(not_allowed(
                "Deze gebeurtenis past niet bij een open casus.",
            ));
        }
        // A journal note records what a worker did or learned; it changes nothing in the lifecycle.
        CaseEvent::NoteAdded { text } => {
            required_text("tekst", text, MAX_TEXT)?;
        }
        CaseEvent::InstrumentScored { record, assessor } => {
            required_text("assessor", assessor, MAX_ID)?;
            record.validate(&crate::instruments::InstrumentSpec::default_for(
                record.kind,
            ))?;
            next.instruments.push(record.clone());
        }
        CaseEvent::IntakeRecorded {
            intake,
            classification,
        } => {
            by_vt(s, ctx)?;
            let intake = intake.normalised(None)?;
            check_intake(s, &intake, *classification)?;
            next.intakes.push(RecordedIntake {
                intake,
                classification: *classification,
                at: ctx.at,
            });
        }
        CaseEvent::ConvertedToMelding { reason } => {
            by_vt(s, ctx)?;
            required_text("reason", reason, MAX_TEXT)?;
            if s.phase != Phase::Advies {
                return Err(not_allowed("Alleen een advies kan een melding worden."));
            }
            // RULES.md 1.3: from now on VT carries zicht op veiligheid; the 5-day term runs from here.
            next.case_kind = CaseKind::Melding;
            next.phase = Phase::Intake;
            next.assessment_from = ctx.at;
            next.acute = None;
        }
        CaseEvent::ConvertedToAdvies { reason } => {
            by_vt(s, ctx)?;
            required_text("reason", reason, MAX_TEXT)?;
            let decided_no_steps = s.phase == Phase::Besloten
                && s.decision.as_ref().map(|d| d.category)
                    == Some(DecisionCategory::GeenVervolgstappen);
            // RULES.md 2.2 track 2: converting to advies is a "no further steps" decision.
            if !matches!(s.phase, Phase::Intake | Phase::Beoordeling) && !decided_no_steps {
                return Err(not_allowed(
                    "Een melding wordt alleen tijdens de beoordeling of na het besluit 'geen vervolgstappen' omgezet naar een advies.",
                ));
            }
            if running_onderzoek(s) {
                return Err(not_allowed("Er loopt nog een onderzoek."));
            }
            next.case_kind = CaseKind::Advies;
            next.phase = Phase::Advies;
        }
        CaseEvent::UrgencyAssessed { acute } => {
            by_vt(s, ctx)?;
            // RULES.md 2.1: each melding is first read for urgency.
            if s.phase != Phase::Intake {
                return Err(not_allowed(
                    "De urgentie wordt beoordeeld direct na ontvangst van een melding; dat is hier al gebeurd of niet van toepassing.",
                ));
            }
            next.acute = Some(*acute);
            next.phase = Phase::Beoordeling;
        }
        CaseEvent::SafetyAssessed {
            acute_unsafety,
            structural_unsafety,
            multi_problem,
            instrument,
            instrument_version,
            assessor,
        } => {
            by_vt(s, ctx)?;
            if s.phase != Phase::Beoordeling {
                return Err(not_allowed(
                    "Een veiligheidsbeoordeling volgt op de urgentiebeoordeling en gaat vooraf aan het besluit.",
                ));
            }
            // RULES.md 2.1: part C (multi-problem) may only be skipped when part B is positive.
            if multi_problem.is_none() && !structural_unsafety {
                return Err(crate::FieldError::new(
                    "multi_problem",
                    "deel C is verplicht als er geen structurele onveiligheid is",
                )
                .into());
            }
            next.safety = Some(SafetyAssessment {
                acute_unsafety: *acute_unsafety,
                structural_unsafety: *structural_unsafety,
                multi_problem: *multi_problem,
                instrument: required_text("instrument", instrument, MAX_ID)?,
                instrument_version: required_text(
                    "instrument_version",
                    instrument_version,
                    MAX_ID,
                )?,
                assessor: required_text("assessor", assessor, MAX_ID)?,
                at: ctx.at,
            });
        }
        CaseEvent::FollowUpDecided {
            track,
            veiligheidsvoorwaarden,
        } => {
            by_vt(s, ctx)?;
            match s.phase {
                Phase::Beoordeling if s.safety.is_some() => {}
                Phase::Besloten => {}
                Phase::Beoordeling => {
                    return Err(not_allowed("Leg eerst de veiligheidsbeoordeling vast."));
                }
                _ => {
                    return Err(not_allowed(
                        "Een vervolg wordt besloten na de veiligheidsbeoordeling, zonder openstaande overdracht of lopende monitoring.",
                    ));
                }
            }
            let category = decision_category(track).ok_or_else(|| {
                crate::FieldError::new("track", format!("onbekend vervolgtraject '{track}'"))
            })?;
            let conditions = texts("veiligheidsvoorwaarden", veiligheidsvoorwaarden)?;
            // RULES.md 2.2: Voorwaarden & Vervolg means VT sets veiligheidsvoorwaarden.
            if track == "voorwaarden_en_vervolg" && conditions.is_empty() {
                return Err(crate::FieldError::new(
                    "veiligheidsvoorwaarden",
                    "bij Voorwaarden en vervolg zijn veiligheidsvoorwaarden verplicht",
                )
                .into());
            }
            if track == "onderzoek" && !running_onderzoek(s) {
                next.onderzoek = Some(Onderzoek {
                    started_on: dutch_local_date(ctx.at),
                    outcome: None,
                });
            }
            if s.phase == Phase::Beoordeling {
                owe_feedback(&mut next, FeedbackMoment::NaBeoordeling, ctx);
            }
            next.decision = Some(Decision {
                track: track.clone(),
                category,
                veiligheidsvoorwaarden: conditions,
                at: ctx.at,
            });
            next.phase = Phase::Besloten;
        }
        CaseEvent::HandoverOffered {
            handover_id,
            to_org,
            veiligheidsvoorwaarden,
            monitoring_agreements,
        } => {
            by_vt(s, ctx)?;
            if s.open_handover.is_some() {
                return Err(not_allowed(
                    "Er staat al een overdracht open. Wacht op het antwoord of trek die eerst in.",
                ));
            }
            if s.phase != Phase::Besloten {
                return Err(not_allowed(
                    "Overdragen kan na een besluit over het vervolg.",
                ));
            }
            if s.decision.as_ref().map(|d| d.category) == Some(DecisionCategory::GeenVervolgstappen)
            {
                return Err(not_allowed(
                    "Het besluit is 'geen vervolgstappen'; daar hoort geen overdracht bij.",
                ));
            }
            let id = required_text("handover_id", handover_id, MAX_ID)?;
            if s.handover_ids.contains(&id) {
                return Err(
                    crate::FieldError::new("handover_id", "deze overdracht bestaat al").into(),
                );
            }
            let to = required_text("to_org", to_org, MAX_ID)?;
            if to == s.vt_org {
                return Err(crate::FieldError::new(
                    "to_org",
                    "Veilig Thuis kan een casus niet aan zichzelf overdragen",
                )
                .into());
            }
            next.handover_ids.push(id.clone());
            next.open_handover = Some(Handover {
                id,
                to_org: to,
                veiligheidsvoorwaarden: texts("veiligheidsvoorwaarden", veiligheidsvoorwaarden)?,
                monitoring_agreements: texts("monitoring_agreements", monitoring_agreements)?,
                offered_at: ctx.at,
            });
            // RULES.md 0: VT stays accountable until the receiver has accepted.
            next.phase = Phase::Overdracht;
        }
        CaseEvent::HandoverAccepted {
            handover_id,
            regiehouder_user,
        } => {
            let h = open_handover(s, handover_id)?;
            receiver_only(h, ctx, "accepteren")?;
            required_text("regiehouder_user", regiehouder_user, MAX_ID)?;
            // RULES.md 0 / 2.5: acceptance by the receiver moves accountability; VT monitors the
            // veiligheidsvoorwaarden it set.
            next.accountable_org = h.to_org.clone();
            next.monitoring = (!h.veiligheidsvoorwaarden.is_empty()).then(|| Monitoring {
                started_at: ctx.at,
                monitored_by: s.vt_org.clone(),
                veiligheidsvoorwaarden: h.veiligheidsvoorwaarden.clone(),
                agreements: h.monitoring_agreements.clone(),
                recorded_moments: Vec::new(),
                unmet: Vec::new(),
            });
            next.phase = if next.monitoring.is_some() {
                Phase::Monitoring
            } else {
                Phase::Overgedragen
            };
            next.open_handover = None;
        }
        CaseEvent::HandoverRefused {
            handover_id,
            reason,
        } => {
            let h = open_handover(s, handover_id)?;
            receiver_only(h, ctx, "weigeren")?;
            required_text("reason", reason, MAX_TEXT)?;
            next.open_handover = None;
            next.phase = Phase::Besloten;
        }
        CaseEvent::HandoverWithdrawn {
            handover_id,
            reason,
        } => {
            by_vt(s, ctx)?;
            open_handover(s, handover_id)?;
            required_text("reason", reason, MAX_TEXT)?;
            next.open_handover = None;
            next.phase = Phase::Besloten;
        }
        CaseEvent::MonitoringRecorded {
            moment,
            conditions_met,
        } => {
            by_vt(s, ctx)?;
            let Some(m) = &s.monitoring else {
                return Err(not_allowed("Er loopt geen monitoring."));
            };
            let moment = required_text("moment", moment, MAX_ID)?;
            let mut unmet = Vec::new();
            for (i, (name, met)) in conditions_met.iter().enumerate() {
                if !m.veiligheidsvoorwaarden.contains(name) {
                    return Err(crate::FieldError::new(
                        format!("conditions_met[{i}]"),
                        "geen veiligheidsvoorwaarde van deze casus",
                    )
                    .into());
                }
                if conditions_met[..i].iter().any(|(n, _)| n == name) {
                    return Err(crate::FieldError::new(
                        format!("conditions_met[{i}]"),
                        "deze voorwaarde is al beoordeeld",
                    )
                    .into());
                }
                if !met {
                    unmet.push(name.clone());
                }
            }
            if let Some(missing) = m
                .veiligheidsvoorwaarden
                .iter()
                .find(|c| !conditions_met.iter().any(|(n, _)| n == *c))
            {
                return Err(crate::FieldError::new(
                    "conditions_met",
                    format!("beoordeel elke veiligheidsvoorwaarde; '{missing}' ontbreekt"),
                )
                .into());
            }
            if let Some(nm) = next.monitoring.as_mut() {
                if !nm.recorded_moments.contains(&moment) {
                    nm.recorded_moments.push(moment);
                }
                nm.unmet = unmet;
            }
        }
        CaseEvent::ReEscalated { reason } => {
            if ctx.org_id != s.vt_org && ctx.org_id != s.accountable_org {
                return Err(not_allowed(
                    "Alleen Veilig Thuis of de verantwoordelijke organisatie kan opschalen.",
                ));
            }
            if !matches!(s.phase, Phase::Monitoring | Phase::Overgedragen) {
                return Err(not_allowed(
                    "Opschalen kan na een overdracht: tijdens de monitoring of bij de ontvangende organisatie.",
                ));
            }
            required_text("reason", reason, MAX_TEXT)?;
            // RULES.md 2.5: safety must hold; when it does not, accountability returns to VT, which
            // reads the case for urgency and assesses it anew (RULES.md 2.1).
            next.accountable_org = s.vt_org.clone();
            next.monitoring = None;
            next.safety = None;
            next.decision = None;
            next.acute = None;
            next.assessment_from = ctx.at;
            next.phase = Phase::Intake;
        }
        CaseEvent::MonitoringEnded { reason } => {
            by_vt(s, ctx)?;
            if s.monitoring.is_none() {
                return Err(not_allowed("Er loopt geen monitoring."));
            }
            required_text("reason", reason, MAX_TEXT)?;
            next.monitoring = None;
            next.phase = if s.accountable_org == s.vt_org {
                Phase::Besloten
            } else {
                Phase::Overgedragen
            };
        }
        CaseEvent::OnderzoekCompleted { outcome } => {
            by_vt(s, ctx)?;
            if !running_onderzoek(s) {
                return Err(not_allowed("Er loopt geen onderzoek."));
            }
            if let Some(o) = next.onderzoek.as_mut() {
                o.outcome = Some(*outcome);
            }
            owe_feedback(&mut next, FeedbackMoment::NaOnderzoek, ctx);
        }
        CaseEvent::FeedbackGiven { moment } => {
            by_vt(s, ctx)?;
            settle_feedback(&mut next, *moment)?;
        }
        CaseEvent::FeedbackWaived { moment, reason } => {
            by_vt(s, ctx)?;
            required_text("reason", reason, MAX_TEXT)?;
            settle_feedback(&mut next, *moment)?;
        }
        CaseEvent::Closed { reason } => {
            by_accountable(s, ctx)?;
            required_text("reason", reason, MAX_TEXT)?;
            check_closable(s)?;
            next.closed_from = Some(s.phase);
            next.phase = Phase::Gesloten;
        }
    }
    Ok(next)
}
