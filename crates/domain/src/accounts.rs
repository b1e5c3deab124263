//! Separation of duties for accounts and roles (issue 8 finding 1).
//!
//! NEN 7513 ch. 8 and the AVG's "appropriate measures" (RULES.md 8) ask that access to personal
//! data is granted by someone accountable for it and checked by a second person. So:
//!
//! - a role in an organisation is asked for only by an administrator (beheerder) of that same
//!   organisation, acting for it; an administrator of another organisation (the Programmabureau's,
//!   say) cannot give anyone access to Veilig Thuis's cases;
//! - the role takes effect only when a second person of that organisation approves it: an
//!   administrator or a teamleider, who is neither the one who asked nor the one it is for. This
//!   holds for every role, the privileged ones (privacy officer, administrator) included;
//! - the new account sets its own password (one-time activation code) and its own second factor
//!   (at its first login); no administrator ever knows either.
//!
//! The machine's operator (`schakel user` on the server itself) stands outside this: whoever runs
//! commands there already holds the database. The CLI says so and logs it.

use crate::access::{Actor, DenyReason};
use crate::org::Role;

/// Whether `actor` may ask for `role` in the organisation `org_id`.
/// Every role is subject to the same rule; the role is named so the rule can grow per role.
pub fn may_request_role(actor: &Actor, org_id: &str, _role: Role) -> Result<(), DenyReason> {
    if actor.role != Role::Beheerder {
        return Err(DenyReason::RoleNotPermitted);
    }
    if actor.org_id != org_id {
        return Err(DenyReason::NotOwnOrganisation);
    }
    Ok(())
}

/// The facts of a role request an approver decides on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request<'a> {
    pub org_id: &'a str,
    /// The account the role is for.
    pub user_id: &'a str,
    /// Who asked for it.
    pub requested_by: &'a str,
}

/// Whether `actor` may approve (or refuse) `request`.
pub fn may_decide(actor: &Actor, request: &Request<'_>) -> Result<(), DenyReason> {
    if !matches!(actor.role, Role::Beheerder | Role::Teamleider) {
        return Err(DenyReason::RoleNotPermitted);
    }
    if actor.org_id != request.org_id {
        return Err(DenyReason::NotOwnOrganisation);
    }
    if actor.user_id == request.requested_by || actor.user_id == request.user_id {
        return Err(DenyReason::SecondPersonRequired);
    }
    Ok(())
}

/// Whether `actor` may see the requests waiting in its organisation.
pub fn may_review_requests(actor: &Actor) -> bool {
    matches!(actor.role, Role::Beheerder | Role::Teamleider) && actor.second_factor
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::OrgKind;

    fn actor(user: &str, org: &str, kind: OrgKind, role: Role) -> Actor {
        Actor {
            user_id: user.into(),
            org_id: org.into(),
            org_kind: kind,
            role,
            second_factor: true,
            break_glass: None,
        }
    }

    #[test]
    fn only_an_administrator_of_the_organisation_itself_asks_for_a_role_there() {
        let pb = actor(
            "pb",
            "programmabureau",
            OrgKind::Programmabureau,
            Role::Beheerder,
        );
        let vt = actor("vtb", "vt", OrgKind::VeiligThuis, Role::Beheerder);
        let tl = actor("tl", "vt", OrgKind::VeiligThuis, Role::Teamleider);
        for role in Role::ALL {
            assert_eq!(
                may_request_role(&pb, "vt", role),
                Err(DenyReason::NotOwnOrganisation),
                "{role:?}"
            );
            assert_eq!(may_request_role(&vt, "vt", role), Ok(()), "{role:?}");
            assert_eq!(
                may_request_role(&tl, "vt", role),
                Err(DenyReason::RoleNotPermitted)
            );
        }
    }

    #[test]
    fn a_second_person_of_the_organisation_decides() {
        let req = Request {
            org_id: "vt",
            user_id: "new",
            requested_by: "vtb",
        };
        let asker = actor("vtb", "vt", OrgKind::VeiligThuis, Role::Beheerder);
        let other_admin = actor("vtb2", "vt", OrgKind::VeiligThuis, Role::Beheerder);
        let teamleider = actor("tl", "vt", OrgKind::VeiligThuis, Role::Teamleider);
        let worker = actor("mw", "vt", OrgKind::VeiligThuis, Role::Medewerker);
        let elsewhere = actor("x", "team", OrgKind::LokaalTeam, Role::Beheerder);
        let themselves = actor("new", "vt", OrgKind::VeiligThuis, Role::Beheerder);
        assert_eq!(
            may_decide(&asker, &req),
            Err(DenyReason::SecondPersonRequired)
        );
        assert_eq!(
            may_decide(&themselves, &req),
            Err(DenyReason::SecondPersonRequired)
        );
        assert_eq!(may_decide(&other_admin, &req), Ok(()));
        assert_eq!(may_decide(&teamleider, &req), Ok(()));
        assert_eq!(may_decide(&worker, &req), Err(DenyReason::RoleNotPermitted));
        assert_eq!(
            may_decide(&elsewhere, &req),
            Err(DenyReason::NotOwnOrganisation)
        );
    }
}
