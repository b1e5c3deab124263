//! What the policy's table tests share: one organisation asking, in each relation a case can give it.

use super::*;

pub(super) const ORG: &str = "org-a";

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Rel {
    Is(Participation),
    None,
    BreakGlass,
}

pub(super) const RELATIONS: [Rel; 8] = [
    Rel::Is(Participation::Accountable),
    Rel::Is(Participation::Contributor),
    Rel::Is(Participation::HandoverReceiver),
    Rel::Is(Participation::Reporter),
    Rel::Is(Participation::SignalRecipient),
    Rel::Is(Participation::FormerRegie),
    Rel::None,
    Rel::BreakGlass,
];

pub(super) fn actor(kind: OrgKind, role: Role, second_factor: bool, rel: Rel) -> Actor {
    Actor {
        user_id: "u1".into(),
        org_id: ORG.into(),
        org_kind: kind,
        role,
        second_factor,
        break_glass: (rel == Rel::BreakGlass)
            .then(|| "acute zorg, regiehouder onbereikbaar".to_string()),
    }
}
