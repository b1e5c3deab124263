//! What each reader sees of a case, as a literal table of relations x data categories x the
//! reporter's anonymity, for Veilig Thuis and for every other case-handling organisation. A change to
//! the policy that is not also a change to this table fails.

use super::*;

use super::table_fixtures::{ORG, RELATIONS, Rel, actor};

fn case(rel: Rel) -> Resource {
    let mut participants = vec![("org-vt".to_string(), Participation::Accountable)];
    if let Rel::Is(p) = rel {
        participants.push((ORG.to_string(), p));
    }
    Resource::case(participants, Sensitivity::Normal)
}

/// One letter per category in [`DataCategory::ALL`] order:
/// household, identity, gemeente, bsn, address, violence kinds, intake text, reporter identity,
/// risk assessment (instruments), conditions, journal. S = shown, - = hidden. The first string holds
/// for a reporter who did not ask for anonymity towards the family, the second for one who did.
#[rustfmt::skip]
const VEILIG_THUIS: [(Rel, &str, &str); 8] = [
    //                                                    HIGBAVTRSCJ    HIGBAVTRSCJ
    (Rel::Is(Participation::Accountable),      "SSSSSSSSSSS", "SSSSSSSSSSS"),
    (Rel::Is(Participation::Contributor),      "SSSSSSSSSSS", "SSSSSSSSSSS"),
    (Rel::Is(Participation::HandoverReceiver), "S-S--S---S-", "S-S--S---S-"),
    (Rel::Is(Participation::Reporter),         "-----------", "-----------"),
    (Rel::Is(Participation::SignalRecipient),  "-----------", "-----------"),
    (Rel::Is(Participation::FormerRegie),      "SSSSSSSSSSS", "SSSSSSSSSSS"),
    (Rel::None,                                "-----------", "-----------"),
    (Rel::BreakGlass,                          "SSSSSSSSSSS", "SSSSSSSSSSS"),
];

/// The same for every other organisation that handles cases (lokaal team, police, zorg, ...).
#[rustfmt::skip]
const OTHER: [(Rel, &str, &str); 8] = [
    //                                                    HIGBAVTRSCJ    HIGBAVTRSCJ
    (Rel::Is(Participation::Accountable),      "SSSSSSSSSSS", "SSSSSSS-SSS"),
    (Rel::Is(Participation::Contributor),      "SSSSSSSSSSS", "SSSSSSS-SSS"),
    (Rel::Is(Participation::HandoverReceiver), "S-S--S---S-", "S-S--S---S-"),
    (Rel::Is(Participation::Reporter),         "-----------", "-----------"),
    (Rel::Is(Participation::SignalRecipient),  "-----------", "-----------"),
    (Rel::Is(Participation::FormerRegie),      "SSSSSSSSSSS", "SSSSSSS-SSS"),
    (Rel::None,                                "-----------", "-----------"),
    (Rel::BreakGlass,                          "SSSSSSSSSSS", "SSSSSSS-SSS"),
];

fn expected(kind: OrgKind, role: Role, rel: Rel, category: DataCategory, anonymous: bool) -> bool {
    if !kind.handles_cases() || !matches!(role, Role::Medewerker | Role::Teamleider) {
        return false;
    }
    let table = if kind == OrgKind::VeiligThuis {
        &VEILIG_THUIS
    } else {
        &OTHER
    };
    let Some((_, plain, anon)) = table.iter().find(|(r, _, _)| *r == rel) else {
        return false;
    };
    let row = if anonymous { anon } else { plain };
    let col = DataCategory::ALL
        .iter()
        .position(|c| *c == category)
        .unwrap_or(usize::MAX);
    row.as_bytes().get(col) == Some(&b'S')
}

#[test]
fn view_table_for_every_organisation_kind_role_relation_category_and_anonymity() {
    let mut checked = 0;
    for kind in OrgKind::ALL {
        for role in Role::ALL {
            for rel in RELATIONS {
                let view = disclose(&actor(kind, role, true, rel), &case(rel));
                for category in DataCategory::ALL {
                    for anonymous in [false, true] {
                        assert_eq!(
                            view.shows_for(category, anonymous),
                            expected(kind, role, rel, category, anonymous),
                            "{kind:?} {role:?} {rel:?} {category:?} anonymous={anonymous}: {view:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(checked, 14 * 6 * 8 * 11 * 2);
}

#[test]
fn without_second_factor_the_view_is_empty() {
    for kind in OrgKind::ALL {
        for rel in RELATIONS {
            let view = disclose(&actor(kind, Role::Medewerker, false, rel), &case(rel));
            assert_eq!(view, View::nothing(), "{kind:?} {rel:?}");
        }
    }
}

#[test]
fn special_categories_are_shown_only_where_the_policy_allows_special_data() {
    for kind in OrgKind::ALL {
        for role in Role::ALL {
            for rel in RELATIONS {
                let a = actor(kind, role, true, rel);
                let view = disclose(&a, &case(rel));
                let mut special = case(rel);
                special.sensitivity = Sensitivity::Special;
                let allowed = decide(&a, Action::Read, &special).is_allowed();
                for category in DataCategory::ALL
                    .into_iter()
                    .filter(|c| c.sensitivity() == Sensitivity::Special)
                {
                    assert_eq!(view.shows(category), allowed, "{kind:?} {role:?} {rel:?}");
                }
                // A view is never wider than the read decision.
                if !decide(&a, Action::Read, &case(rel)).is_allowed() {
                    assert_eq!(view, View::nothing());
                }
            }
        }
    }
}

#[test]
fn a_receiver_learns_what_it_will_see_once_it_accepts() {
    let receiver = Rel::Is(Participation::HandoverReceiver);
    let a = actor(OrgKind::LokaalTeam, Role::Medewerker, true, receiver);
    let now = disclose(&a, &case(receiver));
    let later = disclose_after_acceptance(&a, &case(receiver)).expect("a receiver");
    assert_eq!(
        later,
        disclose(&a, &case(Rel::Is(Participation::Accountable)),)
    );
    use DataCategory as C;
    assert_eq!(
        now.gained_in(&later, true),
        vec![
            C::Identity,
            C::Bsn,
            C::Address,
            C::IntakeText,
            C::RiskAssessment,
            C::Journal
        ]
    );
    assert_eq!(
        now.gained_in(&later, false),
        vec![
            C::Identity,
            C::Bsn,
            C::Address,
            C::IntakeText,
            C::ReporterIdentity,
            C::RiskAssessment,
            C::Journal
        ]
    );
    let accountable = Rel::Is(Participation::Accountable);
    let b = actor(OrgKind::LokaalTeam, Role::Medewerker, true, accountable);
    assert_eq!(disclose_after_acceptance(&b, &case(accountable)), None);
    let no_factor = actor(OrgKind::LokaalTeam, Role::Medewerker, false, receiver);
    assert_eq!(disclose_after_acceptance(&no_factor, &case(receiver)), None);
}

#[test]
fn list_queries_ask_the_policy_which_participations_may_read() {
    use Participation as P;
    let worker = actor(OrgKind::LokaalTeam, Role::Medewerker, true, Rel::None);
    assert_eq!(
        participations_that_may(&worker, Action::Read, ResourceKind::Case),
        vec![
            P::Accountable,
            P::Contributor,
            P::HandoverReceiver,
            P::FormerRegie
        ]
    );
    assert_eq!(
        participations_that_may(&worker, Action::Export, ResourceKind::Case),
        vec![P::Accountable]
    );
    // Break-the-glass opens one case, never a list.
    let glass = actor(OrgKind::LokaalTeam, Role::Medewerker, true, Rel::BreakGlass);
    assert_eq!(
        participations_that_may(&glass, Action::Read, ResourceKind::Case),
        vec![
            P::Accountable,
            P::Contributor,
            P::HandoverReceiver,
            P::FormerRegie
        ]
    );
    let school = actor(OrgKind::School, Role::SchoolContact, true, Rel::None);
    assert!(participations_that_may(&school, Action::Read, ResourceKind::Case).is_empty());
    assert_eq!(
        participations_that_may(&school, Action::Read, ResourceKind::HwcSignal),
        vec![P::SignalRecipient]
    );
    let beheer = actor(OrgKind::VeiligThuis, Role::Beheerder, true, Rel::None);
    assert!(participations_that_may(&beheer, Action::Read, ResourceKind::Case).is_empty());
    let no_factor = actor(OrgKind::VeiligThuis, Role::Medewerker, false, Rel::None);
    assert!(participations_that_may(&no_factor, Action::Read, ResourceKind::Case).is_empty());
}

#[test]
fn category_codes_are_unique_and_labels_dutch() {
    let mut codes: Vec<&str> = DataCategory::ALL.iter().map(|c| c.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), DataCategory::ALL.len());
    assert!(View::everything().is_complete());
    assert!(!View::nothing().is_complete());
    assert_eq!(DataCategory::Bsn.label(), "BSN");
}
