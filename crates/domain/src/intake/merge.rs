//! Merging a person who was wrongly split (issue 7 rule breach 5: "A person wrongly split can be
//! merged (an event, both cases keep their history)"). The known-before check (RULES.md 2.1 radar
//! function; RULES.md 3: a casus is the meldingen about the same directbetrokkenen) can miss a
//! match, or a worker can choose "andere persoon" wrongly; then one human being is two persons in
//! Schakel. A Veilig Thuis worker merges the second (`merged`) into the first (`kept`):
//!
//! - every case that holds the merged person records a [`super::Event::PersonMerged`] in its own
//!   log, so each case's history stays and shows the merge;
//! - the kept person's identifying facts survive (name, date of birth, BSN): the worker sees both
//!   beforehand and chooses which person is kept;
//! - two different valid BSNs say two people: refused unless the worker confirms explicitly
//!   (Schakel's choice [NC]: a BSN can be typed wrongly, so the worker may overrule it, on record);
//! - a person is never merged into itself, and a reason is always required.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::bsn::Bsn;
use crate::case::guards::{MAX_ID, MAX_TEXT, by_vt, not_allowed};
use crate::case::{CaseState, EventContext, TransitionError};
use crate::validate::required_text;
use crate::{Collector, FieldError, FieldErrors, msg};

/// The identifying facts of one person at the moment of the merge, as the event records them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergedPerson {
    pub id: String,
    #[serde(rename = "naam")]
    pub name: String,
    #[serde(
        rename = "geboortedatum",
        default,
        with = "crate::calendar::iso_date::option"
    )]
    pub birth_date: Option<Date>,
    #[serde(default)]
    pub bsn: Option<String>,
}

/// A merge as a worker asks for it, before it becomes events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeRequest {
    pub kept: MergedPerson,
    pub merged: MergedPerson,
    pub reason: String,
    /// The worker confirmed that two different valid BSNs are one person nonetheless.
    pub confirm_different_bsn: bool,
}

/// Whether both persons have a valid BSN and the two differ.
pub fn different_valid_bsns(a: &MergedPerson, b: &MergedPerson) -> bool {
    let valid = |p: &MergedPerson| {
        p.bsn
            .as_deref()
            .and_then(|s| Bsn::parse("bsn", s).ok())
            .map(|b| b.as_str())
    };
    matches!((valid(a), valid(b)), (Some(x), Some(y)) if x != y)
}

/// The rules of a merge request, every failing field at once. Field names as the API and the form
/// name them: `merged_person`, `reason`, `confirm_different_bsn`.
pub fn check_merge(req: &MergeRequest) -> Result<(), FieldErrors> {
    let mut c = Collector::new();
    // A person merged into itself would only erase history.
    if req.kept.id == req.merged.id {
        c.push(FieldError::new(
            "merged_person",
            msg("merge-error-same-person"),
        ));
    }
    c.check(required_text("reason", &req.reason, MAX_TEXT));
    // Two different valid BSNs identify two people: only an explicit confirmation overrules that.
    if different_valid_bsns(&req.kept, &req.merged) && !req.confirm_different_bsn {
        c.push(FieldError::new(
            "confirm_different_bsn",
            msg("merge-error-different-bsn"),
        ));
    }
    c.finish(())
}

/// Applies a merge to one case (open or closed: a correction of who is who, not a step in the
/// lifecycle). Every betrokkene that is the merged person becomes the kept person, with the kept
/// person's identifying facts; the recorded intake events themselves stay as they were.
pub(crate) fn apply(
    s: &CaseState,
    next: &mut CaseState,
    req: &MergeRequest,
    by: &str,
    ctx: &EventContext,
) -> Result<(), TransitionError> {
    by_vt(s, ctx)?;
    let (kept, merged) = (&req.kept, &req.merged);
    required_text("kept_person", &kept.id, MAX_ID)?;
    required_text("merged_person", &merged.id, MAX_ID)?;
    required_text("by", by, MAX_ID)?;
    check_merge(req).map_err(|e| TransitionError::Field(e.first().clone()))?;
    let mut found = false;
    for recorded in &mut next.intakes {
        for b in &mut recorded.intake.betrokkenen {
            if b.person_id == merged.id {
                found = true;
                b.person_id = kept.id.clone();
                b.name = Some(kept.name.clone());
                b.bsn = kept.bsn.clone();
                b.birth_date = kept.birth_date;
                if kept.birth_date.is_some() {
                    b.estimated_age = None;
                }
            }
        }
    }
    if !found {
        return Err(not_allowed(msg("merge-error-person-not-in-case")));
    }
    next.merged_persons
        .push((merged.id.clone(), kept.id.clone()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::case::tests::{LT, VT, closed, ctx, opened, run};
    use crate::case::{CaseEvent, CaseKind, IntakeEvent, apply};
    use crate::classification::MeldingClass;

    // Two BSNs that pass the elfproef.
    const BSN_A: &str = "111222333";
    const BSN_B: &str = "123456782";

    fn person(id: &str, name: &str, bsn: Option<&str>) -> MergedPerson {
        MergedPerson {
            id: id.into(),
            name: name.into(),
            birth_date: Some(date!(2017 - 05 - 01)),
            bsn: bsn.map(str::to_string),
        }
    }

    fn request(kept: MergedPerson, merged: MergedPerson) -> MergeRequest {
        MergeRequest {
            kept,
            merged,
            reason: "Zelfde kind, bij de tweede melding zonder BSN geregistreerd.".into(),
            confirm_different_bsn: false,
        }
    }

    fn fields(r: Result<(), FieldErrors>) -> Vec<String> {
        r.err()
            .map(|e| e.iter().map(|f| f.field.clone()).collect())
            .unwrap_or_default()
    }

    fn merged_event(req: &MergeRequest) -> CaseEvent {
        CaseEvent::Intake(IntakeEvent::PersonMerged {
            kept: req.kept.clone(),
            merged: req.merged.clone(),
            reason: req.reason.clone(),
            by: "vt.mw".into(),
            confirm_different_bsn: req.confirm_different_bsn,
        })
    }

    /// A melding case whose first betrokkene is person `p1` ("Fenna Verzonnen").
    fn case_steps() -> Vec<(&'static str, CaseEvent)> {
        vec![
            (VT, opened(CaseKind::Melding)),
            (
                VT,
                CaseEvent::Intake(IntakeEvent::IntakeRecorded {
                    intake: Box::new(crate::intake::tests::melding()),
                    classification: Some(MeldingClass::EersteMelding),
                    n: None,
                }),
            ),
        ]
    }

    #[test]
    fn a_person_is_never_merged_into_itself() {
        let p = person("p1", "Fenna Verzonnen", None);
        assert_eq!(
            fields(check_merge(&request(p.clone(), p))),
            ["merged_person"]
        );
    }

    #[test]
    fn a_reason_is_required_and_all_errors_come_at_once() {
        let p = person("p1", "Fenna Verzonnen", Some(BSN_A));
        let mut req = request(p.clone(), p);
        req.reason = "  ".into();
        req.merged.bsn = Some(BSN_B.into());
        assert_eq!(
            fields(check_merge(&req)),
            ["merged_person", "reason", "confirm_different_bsn"]
        );
    }

    #[test]
    fn two_different_valid_bsns_need_an_explicit_confirmation() {
        let mut req = request(
            person("a", "Fenna Verzonnen", Some(BSN_A)),
            person("b", "Fenna Verzonnen", Some(BSN_B)),
        );
        assert_eq!(fields(check_merge(&req)), ["confirm_different_bsn"]);
        req.confirm_different_bsn = true;
        assert_eq!(check_merge(&req), Ok(()));
        // The same BSN, one BSN missing, or an invalid one: nothing to confirm.
        for other in [Some(BSN_A), None, Some("123456789")] {
            let req = request(
                person("a", "Fenna Verzonnen", Some(BSN_A)),
                person("b", "Fenna Verzonnen", other),
            );
            assert_eq!(check_merge(&req), Ok(()), "{other:?}");
        }
    }

    #[test]
    fn a_merge_repoints_the_betrokkene_to_the_kept_person_with_its_facts() {
        let mut kept = person("a", "Fenna Verzonnen-Jansen", Some(BSN_A));
        kept.birth_date = Some(date!(2017 - 05 - 02));
        let req = request(kept.clone(), person("p1", "Fenna Verzonnen", None));
        let mut steps = case_steps();
        steps.push((VT, merged_event(&req)));
        let s = run(&steps).expect("merge applies");
        let b = &s.intakes[0].intake.betrokkenen[0];
        assert_eq!(b.person_id, "a");
        assert_eq!(b.name.as_deref(), Some("Fenna Verzonnen-Jansen"));
        assert_eq!(b.bsn.as_deref(), Some(BSN_A));
        assert_eq!(b.birth_date, Some(date!(2017 - 05 - 02)));
        assert_eq!(s.merged_persons, [("p1".to_string(), "a".to_string())]);
        // The other betrokkenen are untouched.
        assert_eq!(s.intakes[0].intake.betrokkenen[1].person_id, "p2");
    }

    #[test]
    fn a_closed_case_takes_the_merge_and_keeps_its_history() {
        let req = request(
            person("a", "Fenna Verzonnen", None),
            person("p1", "Fenna Verzonnen", None),
        );
        let mut steps = case_steps();
        steps.push((
            VT,
            CaseEvent::Intake(IntakeEvent::ConvertedToAdvies {
                reason: "Geen vervolg".into(),
            }),
        ));
        steps.push((VT, closed()));
        let before = run(&steps).expect("closed case");
        assert!(!before.is_open());
        let after = apply(
            Some(&before),
            &merged_event(&req),
            &ctx(VT, time::macros::datetime!(2026-03-03 09:00 +1)),
        )
        .expect("merge on a closed case");
        assert!(!after.is_open(), "still closed");
        assert_eq!(after.intakes[0].intake.betrokkenen[0].person_id, "a");
    }

    #[test]
    fn a_merge_is_refused_outside_veilig_thuis_for_a_stranger_and_for_an_invalid_request() {
        let base = run(&case_steps()).expect("case");
        let at = time::macros::datetime!(2026-03-03 09:00 +1);
        let ok = request(
            person("a", "Fenna Verzonnen", None),
            person("p1", "Fenna Verzonnen", None),
        );
        // The local team cannot merge persons of Veilig Thuis's registration.
        assert!(apply(Some(&base), &merged_event(&ok), &ctx(LT, at)).is_err());
        // A person this case does not hold.
        let stranger = request(
            person("a", "Fenna Verzonnen", None),
            person("p9", "Iemand Anders", None),
        );
        let err = apply(Some(&base), &merged_event(&stranger), &ctx(VT, at)).unwrap_err();
        assert!(
            matches!(err, crate::case::TransitionError::NotAllowed(_)),
            "{err:?}"
        );
        // Into itself, or two valid BSNs without confirmation: the event is refused on replay too.
        let same = request(
            person("p1", "Fenna Verzonnen", None),
            person("p1", "Fenna Verzonnen", None),
        );
        assert!(apply(Some(&base), &merged_event(&same), &ctx(VT, at)).is_err());
        let bsns = request(
            person("a", "Fenna Verzonnen", Some(BSN_A)),
            person("p1", "Fenna Verzonnen", Some(BSN_B)),
        );
        let err = apply(Some(&base), &merged_event(&bsns), &ctx(VT, at)).unwrap_err();
        assert!(
            matches!(&err, crate::case::TransitionError::Field(f) if f.field == "confirm_different_bsn"),
            "{err:?}"
        );
    }

    #[test]
    fn the_stored_form_round_trips_and_omits_an_unconfirmed_flag() {
        let req = request(
            person("a", "Fenna Verzonnen", None),
            person("p1", "Fenna Verzonnen", None),
        );
        let e = merged_event(&req);
        let json = serde_json::to_value(&e).expect("json");
        assert_eq!(json["kind"], "person_merged");
        assert!(json.get("confirm_different_bsn").is_none());
        let back: CaseEvent = serde_json::from_value(json).expect("reads back");
        assert_eq!(back, e);
    }
}
