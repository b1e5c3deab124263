//! The access policy as a full table of roles x relations x actions (in the style of kanidm's
//! access tests): the expected outcome for case data is written out literally below, so a change to
//! the policy that is not also a change to this table fails.

use super::*;

use super::table_fixtures::{ORG, RELATIONS, Rel, actor};

fn resource(kind: ResourceKind, sensitivity: Sensitivity, rel: Rel) -> Resource {
    let mut participants = vec![("org-b".to_string(), Participation::Accountable)];
    if let Rel::Is(p) = rel {
        participants.push((ORG.to_string(), p));
    }
    Resource {
        kind,
        sensitivity,
        participants,
    }
}

/// Expected outcome for a medewerker or teamleider of a case-handling organisation, per relation,
/// with one pair of characters per action in the order read, search, create, update, respond,
/// export, print:
/// the first for normal data, the second for special categories. A = allow, - = deny,
/// c = allow only for Veilig Thuis (intake).
const CASE_TABLE: [(Rel, &str); 8] = [
    //                                          read search create update respond export print
    (Rel::Is(Participation::Accountable), "AA AA cc AA -- AA AA"),
    (Rel::Is(Participation::Contributor), "AA AA cc AA -- -- --"),
    (
        Rel::Is(Participation::HandoverReceiver),
        "A- AA cc -- AA -- --",
    ),
    (Rel::Is(Participation::Reporter), "-- AA cc -- -- -- --"),
    (
        Rel::Is(Participation::SignalRecipient),
        "-- AA cc -- -- -- --",
    ),
    (Rel::Is(Participation::FormerRegie), "AA AA cc -- -- -- --"),
    (Rel::None, "-- AA cc -- -- -- --"),
    (Rel::BreakGlass, "AA AA cc -- -- -- --"),
];

fn expected_case(kind: OrgKind, rel: Rel, action: Action, sensitivity: Sensitivity) -> bool {
    let row = CASE_TABLE
        .iter()
        .find(|(r, _)| *r == rel)
        .map(|(_, s)| *s)
        .unwrap_or_default();
    let cells: Vec<&str> = row.split(' ').collect();
    let col = Action::ALL
        .iter()
        .position(|a| *a == action)
        .unwrap_or(usize::MAX);
    let cell = cells.get(col).copied().unwrap_or("--");
    let c = if sensitivity == Sensitivity::Normal {
        cell.as_bytes()[0]
    } else {
        cell.as_bytes()[1]
    };
    match c {
        b'A' => true,
        b'c' => kind == OrgKind::VeiligThuis,
        _ => false,
    }
}

#[test]
fn case_table_for_every_role_relation_action_and_organisation_kind() {
    let mut checked = 0;
    for kind in OrgKind::ALL {
        for role in Role::ALL {
            for rel in RELATIONS {
                for action in Action::ALL {
                    for sensitivity in [Sensitivity::Normal, Sensitivity::Special] {
                        let got = decide(
                            &actor(kind, role, true, rel),
                            action,
                            &resource(ResourceKind::Case, sensitivity, rel),
                        );
                        let case_worker = kind.handles_cases()
                            && matches!(role, Role::Medewerker | Role::Teamleider);
                        let want = case_worker && expected_case(kind, rel, action, sensitivity);
                        assert_eq!(
                            got.is_allowed(),
                            want,
                            "{kind:?} {role:?} {rel:?} {action:?} {sensitivity:?}: got {got:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(checked, 14 * 6 * 8 * 7 * 2);
}

/// Expected outcome for the resources that are not cases, per role, in action order
/// read, search, create, update, respond, export, print (any organisation kind, second factor
/// used). Only a case has a handover offer to respond to.
const ROLE_TABLE: [(ResourceKind, Role, &str); 24] = [
    (ResourceKind::AccessLog, Role::Medewerker, "-------"),
    (ResourceKind::AccessLog, Role::Teamleider, "-------"),
    (ResourceKind::AccessLog, Role::Beheerder, "-------"),
    (ResourceKind::AccessLog, Role::PrivacyOfficer, "AA---AA"),
    (ResourceKind::AccessLog, Role::Beleidsmedewerker, "-------"),
    (ResourceKind::AccessLog, Role::SchoolContact, "-------"),
    (ResourceKind::UserAccount, Role::Medewerker, "-------"),
    (ResourceKind::UserAccount, Role::Teamleider, "-------"),
    (ResourceKind::UserAccount, Role::Beheerder, "AAAA-A-"),
    (ResourceKind::UserAccount, Role::PrivacyOfficer, "-------"),
    (
        ResourceKind::UserAccount,
        Role::Beleidsmedewerker,
        "-------",
    ),
    (ResourceKind::UserAccount, Role::SchoolContact, "-------"),
    (ResourceKind::Organisation, Role::Medewerker, "AA-----"),
    (ResourceKind::Organisation, Role::Teamleider, "AA-----"),
    (ResourceKind::Organisation, Role::Beheerder, "AAAA-AA"),
    (ResourceKind::Organisation, Role::PrivacyOfficer, "AA-----"),
    (
        ResourceKind::Organisation,
        Role::Beleidsmedewerker,
        "AA-----",
    ),
    (ResourceKind::Organisation, Role::SchoolContact, "AA-----"),
    (ResourceKind::Monitor, Role::Medewerker, "-------"),
    (ResourceKind::Monitor, Role::Teamleider, "AA---AA"),
    (ResourceKind::Monitor, Role::Beheerder, "-------"),
    (ResourceKind::Monitor, Role::PrivacyOfficer, "AA---AA"),
    (ResourceKind::Monitor, Role::Beleidsmedewerker, "AA---AA"),
    (ResourceKind::Monitor, Role::SchoolContact, "-------"),
];

#[test]
fn role_table_for_log_users_organisations_and_monitor() {
    for (kind, role, row) in ROLE_TABLE {
        for org_kind in OrgKind::ALL {
            for (i, action) in Action::ALL.into_iter().enumerate() {
                let got = decide(
                    &actor(org_kind, role, true, Rel::None),
                    action,
                    &Resource::new(kind),
                );
                let want = row.as_bytes()[i] == b'A';
                assert_eq!(
                    got.is_allowed(),
                    want,
                    "{kind:?} {role:?} {org_kind:?} {action:?}: {got:?}"
                );
            }
        }
    }
}

#[test]
fn handle_with_care_signals_reach_only_the_school_contact_of_the_recipient() {
    let signal = |rel| resource(ResourceKind::HwcSignal, Sensitivity::Normal, rel);
    let school = |rel| actor(OrgKind::School, Role::SchoolContact, true, rel);
    let recipient = Rel::Is(Participation::SignalRecipient);
    assert!(decide(&school(recipient), Action::Read, &signal(recipient)).is_allowed());
    assert!(decide(&school(recipient), Action::Update, &signal(recipient)).is_allowed());
    assert!(!decide(&school(recipient), Action::Export, &signal(recipient)).is_allowed());
    assert!(!decide(&school(Rel::None), Action::Read, &signal(Rel::None)).is_allowed());
    assert!(!decide(&school(Rel::BreakGlass), Action::Read, &signal(Rel::None)).is_allowed());
    let teacher = actor(OrgKind::School, Role::Medewerker, true, recipient);
    assert!(!decide(&teacher, Action::Read, &signal(recipient)).is_allowed());
    let vt = actor(OrgKind::VeiligThuis, Role::Medewerker, true, Rel::None);
    assert!(decide(&vt, Action::Create, &signal(Rel::None)).is_allowed());
    let police = actor(OrgKind::Politie, Role::Medewerker, true, Rel::None);
    assert!(!decide(&police, Action::Create, &signal(Rel::None)).is_allowed());
}

/// Issue 7 item 9: the reporter's organisation reads the feedback meant for it, whatever its kind;
/// nobody changes it, and without a relation (or by breaking the glass) nobody reads it.
#[test]
fn reporter_feedback_is_read_by_the_reporter_and_the_case_s_organisations_only() {
    for kind in OrgKind::ALL {
        for role in Role::ALL {
            for rel in RELATIONS {
                for action in Action::ALL {
                    let got = decide(
                        &actor(kind, role, true, rel),
                        action,
                        &resource(ResourceKind::ReporterFeedback, Sensitivity::Normal, rel),
                    );
                    let related = matches!(
                        rel,
                        Rel::Is(
                            Participation::Reporter
                                | Participation::Accountable
                                | Participation::Contributor
                        )
                    );
                    let want = related
                        && action == Action::Read
                        && matches!(role, Role::Medewerker | Role::Teamleider);
                    assert_eq!(
                        got.is_allowed(),
                        want,
                        "{kind:?} {role:?} {rel:?} {action:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn without_second_factor_no_personal_data_is_ever_allowed() {
    for kind in ResourceKind::ALL
        .into_iter()
        .filter(|k| k.is_personal_data())
    {
        for org_kind in OrgKind::ALL {
            for role in Role::ALL {
                for rel in RELATIONS {
                    for action in Action::ALL {
                        let got = decide(
                            &actor(org_kind, role, false, rel),
                            action,
                            &resource(kind, Sensitivity::Normal, rel),
                        );
                        assert_eq!(got, Decision::Deny(DenyReason::SecondFactorRequired));
                    }
                }
            }
        }
    }
}

#[test]
fn break_the_glass_needs_a_real_reason_and_is_recorded_as_such() {
    let mut a = actor(OrgKind::LokaalTeam, Role::Medewerker, true, Rel::None);
    let case = resource(ResourceKind::Case, Sensitivity::Special, Rel::None);
    a.break_glass = Some("   spoed   ".into());
    assert_eq!(
        decide(&a, Action::Read, &case),
        Decision::Deny(DenyReason::BreakGlassReasonTooShort)
    );
    a.break_glass = Some("  kind in acuut gevaar, VT gesloten ".into());
    assert_eq!(
        decide(&a, Action::Read, &case),
        Decision::Allow(Ground::BreakTheGlass {
            reason: "kind in acuut gevaar, VT gesloten".into()
        })
    );
    assert_eq!(
        decide(&a, Action::Update, &case),
        Decision::Deny(DenyReason::BreakGlassOnlyForReading)
    );
}

#[test]
fn a_participation_ground_names_the_closest_relation() {
    let a = actor(OrgKind::LokaalTeam, Role::Teamleider, true, Rel::None);
    let case = Resource::case(
        vec![
            (ORG.into(), Participation::Reporter),
            (ORG.into(), Participation::Accountable),
        ],
        Sensitivity::Normal,
    );
    assert_eq!(
        decide(&a, Action::Read, &case),
        Decision::Allow(Ground::Participation {
            participation: Participation::Accountable
        })
    );
    assert_eq!(
        Ground::Participation {
            participation: Participation::Accountable
        }
        .code(),
        "participation:accountable"
    );
}

#[test]
fn deny_messages_are_dutch_and_reveal_nothing_of_the_resource() {
    for reason in [
        DenyReason::SecondFactorRequired,
        DenyReason::RoleNotPermitted,
        DenyReason::OrganisationNotPermitted,
        DenyReason::NoRelation,
        DenyReason::BreakGlassReasonTooShort,
        DenyReason::BreakGlassOnlyForReading,
    ] {
        assert!(!reason.message().is_empty());
        assert!(!reason.code().contains(' '));
    }
}

/// Issue 12: the projectleider steers the programme; policy staff and team leads of any
/// organisation read it and may update actions (their own working group's, checked by the
/// programme); the programme office reads it; nobody else has a part. No second factor is asked:
/// the programme holds no personal data of clients.
#[test]
fn the_programme_is_steered_by_the_projectleider_and_read_by_policy_staff() {
    let allowed = |org_kind, role, action| {
        decide(
            &actor(org_kind, role, false, Rel::None),
            action,
            &Resource::new(ResourceKind::Programme),
        )
        .is_allowed()
    };
    for org_kind in OrgKind::ALL {
        for role in Role::ALL {
            let office = org_kind == OrgKind::Programmabureau;
            let steering = matches!(role, Role::Beleidsmedewerker | Role::Teamleider);
            let reader = steering || (office && role != Role::SchoolContact);
            for action in Action::ALL {
                let want = match action {
                    Action::Read | Action::Search | Action::Export | Action::Print => reader,
                    Action::Update => steering,
                    Action::Create => office && role == Role::Teamleider,
                    Action::Respond => false,
                };
                assert_eq!(
                    allowed(org_kind, role, action),
                    want,
                    "{org_kind:?} {role:?} {action:?}"
                );
            }
        }
    }
    assert!(allowed(
        OrgKind::Programmabureau,
        Role::Teamleider,
        Action::Create
    ));
    assert!(!allowed(
        OrgKind::Gemeente,
        Role::Teamleider,
        Action::Create
    ));
    assert!(!allowed(OrgKind::School, Role::SchoolContact, Action::Read));
    assert!(!allowed(
        OrgKind::VeiligThuis,
        Role::Medewerker,
        Action::Read
    ));
}

/// Issue 11: professionals of every kind of organisation but Veilig Thuis start and list meldcode
/// dossiers; a dossier is read and written by its own organisation only, and read by the Veilig
/// Thuis organisation that received its melding. Roles without casework have no part.
#[test]
fn a_meldcode_dossier_is_its_organisations_and_read_by_the_veilig_thuis_it_reported_to() {
    let dossier = Resource {
        kind: ResourceKind::MeldcodeDossier,
        sensitivity: Sensitivity::Normal,
        participants: vec![
            ("owner".into(), Participation::Accountable),
            ("vt".into(), Participation::Contributor),
        ],
    };
    for org_kind in OrgKind::ALL {
        for role in Role::ALL {
            let professional = matches!(
                role,
                Role::Medewerker | Role::Teamleider | Role::SchoolContact
            );
            for (org, relation) in [("owner", "owner"), ("vt", "vt"), ("other", "none")] {
                let mut a = actor(org_kind, role, true, Rel::None);
                a.org_id = org.into();
                for action in Action::ALL {
                    let want = professional
                        && match (action, relation) {
                            (Action::Create | Action::Search, _) => {
                                org_kind != OrgKind::VeiligThuis
                            }
                            (Action::Read | Action::Update | Action::Print, "owner") => true,
                            (Action::Read | Action::Print, "vt") => true,
                            _ => false,
                        };
                    assert_eq!(
                        decide(&a, action, &dossier).is_allowed(),
                        want,
                        "{org_kind:?} {role:?} {relation} {action:?}"
                    );
                }
            }
        }
    }
    // Personal data: without a second factor nobody reads it.
    let mut owner = actor(OrgKind::School, Role::SchoolContact, false, Rel::None);
    owner.org_id = "owner".into();
    owner.second_factor = false;
    assert!(!decide(&owner, Action::Read, &dossier).is_allowed());
}

/// Issue 11 item 3: everyone signed in reads the sociale kaart; only the beheerder keeps it. No
/// second factor is asked: it holds no personal data of clients.
#[test]
fn the_directory_is_read_by_everyone_and_kept_by_the_beheerder() {
    for org_kind in OrgKind::ALL {
        for role in Role::ALL {
            for action in Action::ALL {
                let want = match action {
                    Action::Read | Action::Search | Action::Export | Action::Print => true,
                    Action::Create | Action::Update => role == Role::Beheerder,
                    Action::Respond => false,
                };
                let got = decide(
                    &actor(org_kind, role, false, Rel::None),
                    action,
                    &Resource::new(ResourceKind::Directory),
                );
                assert_eq!(got.is_allowed(), want, "{org_kind:?} {role:?} {action:?}");
            }
        }
    }
    assert!(!ResourceKind::Directory.is_personal_data());
}
