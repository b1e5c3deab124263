//! A case-action form that was refused comes back on the case page as it was sent (issue 7): with
//! its input, every wrong field in the NLDS error summary and at the field, or, when someone changed
//! the case in the meantime, with what changed since the form was opened.

use std::collections::HashMap;

use schakel_domain::FieldError;

use crate::forms::FormErrors;
use crate::i18n::t;

/// The refused form: which action, what was typed, and why it came back. Empty on a plain view.
#[derive(Default)]
pub struct Redisplay {
    actie: String,
    values: HashMap<String, String>,
    errors: FormErrors,
    /// The labels of the events after the form's sequence number, when it came back as stale.
    conflict: Option<Vec<String>>,
}

static NO_ERRORS: FormErrors = FormErrors { items: Vec::new() };

impl Redisplay {
    /// A form refused for its input.
    pub fn invalid(pairs: &[(String, String)], errors: &[FieldError]) -> Self {
        let actie = value_of(pairs, "actie");
        let errors = FormErrors::placed(errors, |field| place(&actie, field));
        Self {
            values: values(pairs),
            actie,
            errors,
            conflict: None,
        }
    }

    /// A form refused because the case changed after it was opened; `changes` are the labels of
    /// what happened since.
    pub fn stale(pairs: &[(String, String)], changes: Vec<String>) -> Self {
        Self {
            actie: value_of(pairs, "actie"),
            values: values(pairs),
            errors: FormErrors::default(),
            conflict: Some(changes),
        }
    }

    /// Whether this is the form of `actie` that came back.
    pub fn is(&self, actie: impl AsRef<str>) -> bool {
        !self.actie.is_empty() && self.actie == actie.as_ref()
    }

    /// The errors of the form of `actie` (none for every other form).
    pub fn errors(&self, actie: impl AsRef<str>) -> &FormErrors {
        if self.is(actie) {
            &self.errors
        } else {
            &NO_ERRORS
        }
    }

    /// What was typed in field `name` of the form of `actie`; empty for every other form.
    pub fn val(&self, actie: impl AsRef<str>, name: impl AsRef<str>) -> &str {
        if self.is(actie) {
            self.values.get(name.as_ref()).map_or("", String::as_str)
        } else {
            ""
        }
    }

    /// Whether `value` was chosen in field `name` of the form of `actie`.
    pub fn chose(
        &self,
        actie: impl AsRef<str>,
        name: impl AsRef<str>,
        value: impl AsRef<str>,
    ) -> bool {
        self.is(actie)
            && self
                .values
                .get(name.as_ref())
                .is_some_and(|v| v == value.as_ref())
    }

    /// What changed since the form of `actie` was opened, when it came back as stale.
    pub fn changes(&self, actie: impl AsRef<str>) -> Option<&[String]> {
        if self.is(actie) {
            self.conflict.as_deref()
        } else {
            None
        }
    }
}

fn value_of(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// The typed values, without the form's own bookkeeping (the token and the sequence number are
/// rendered fresh).
fn values(pairs: &[(String, String)]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (k, v) in pairs {
        if k != "csrf" && k != "volgnummer" {
            out.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
    out
}

/// Where an error of `field` of the form of `actie` shows: the element's id in
/// `case_actions.html` and the label the user reads there. Field names of the domain (a refused
/// event) are mapped to the form's; an error of no field of the form goes to the form itself.
fn place(actie: &str, field: &str) -> (String, String) {
    let (id, key): (&str, &str) = match (actie, field) {
        ("urgentie", "melding") => ("urg-melding", "case-vtrules-melding"),
        ("urgentie", "acuut") => ("urg-ja", "forms-urgency"),
        ("beoordeling", "melding") => ("ass-melding", "case-vtrules-melding"),
        ("beoordeling", "acuut" | "acute_unsafety") => ("a-ja", "actions-part-a"),
        ("beoordeling", "structureel" | "structural_unsafety") => ("b-ja", "actions-part-b"),
        ("beoordeling", "multiprobleem" | "multi_problem") => ("c-ja", "actions-part-c"),
        ("beoordeling", "instrument" | "versie" | "instrument_version") => {
            ("instrument", "forms-instrument-and-version")
        }
        ("besluit", "traject" | "track") => ("traject", "actions-track"),
        ("besluit", "voorwaarden" | "veiligheidsvoorwaarden") => {
            ("voorwaarden", "actions-conditions-per-line")
        }
        ("besluit_herzien", "traject" | "track") => ("herzien-traject", "actions-track"),
        ("besluit_herzien", "voorwaarden" | "veiligheidsvoorwaarden") => {
            ("herzien-voorwaarden", "actions-conditions-per-line")
        }
        ("besluit_herzien", "reden" | "reason") => ("herzien-reden", "case-vtrules-revise-reason"),
        ("overdracht", "naar" | "to_org") => ("naar", "actions-to"),
        ("overdracht", "voorwaarden" | "veiligheidsvoorwaarden") => {
            ("ov-voorwaarden", "actions-conditions-per-line")
        }
        ("overdracht", "afspraken" | "monitoring_agreements") => {
            ("afspraken", "actions-agreements-per-line")
        }
        ("overdracht", "reden_voorwaarden" | "conditions_dropped_reason") => {
            ("reden-voorwaarden", "case-vtrules-dropped-reason")
        }
        ("aanvaarden", "regiehouder") => ("regiehouder", "actions-regiehouder"),
        ("weigeren", "reden" | "reason") => ("weiger-reden", "actions-refuse-reason"),
        ("vraag", "vraag" | "question") => ("overdracht-vraag", "actions-handover-question"),
        ("intrekken", "reden" | "reason") => ("intrek-reden", "actions-withdraw-reason"),
        ("monitoring", "moment") => ("moment", "actions-moment"),
        ("monitoring", "contact") => ("contact-ja", "monitoring-family-contact"),
        ("monitoring", "volgende_stap") => ("volgende-stap", "monitoring-next-step"),
        ("monitoring", "reden_eerder") => ("reden-eerder", "monitoring-early-reason"),
        ("monitoring", f) if f.starts_with("vw") => {
            return (format!("{f}-ja"), t("monitoring-condition"));
        }
        ("monitoring_einde", "reden" | "reason") => ("mon-reden", "actions-end-monitoring-reason"),
        ("gezin_geinformeerd", "moment") => ("gezin-moment", "actions-moment"),
        ("gezin_geinformeerd", "hoe" | "how") => ("gezin-hoe", "family-informed-how"),
        ("omzetten_melding" | "omzetten_advies", "reden" | "reason") => {
            ("omzet-reden", "forms-reason")
        }
        ("opschalen", "reden" | "reason") => ("opschaal-reden", "actions-why-unsafe"),
        ("sluiten", "reden" | "reason") => ("sluit-reden", "actions-close-reason"),
        ("notitie", "tekst" | "text") => ("tekst", "case-note"),
        _ => return (format!("actie-{actie}"), t("forms-the-form")),
    };
    (id.to_string(), t(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use schakel_domain::msg;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_refused_form_keeps_its_input_and_places_its_errors() {
        let posted = pairs(&[
            ("csrf", "x"),
            ("volgnummer", "3"),
            ("actie", "beoordeling"),
            ("acuut", "nee"),
        ]);
        let errors = [
            FieldError::new("structureel", msg("case-choose-yes-no")),
            FieldError::new("multi_problem", msg("case-choose-yes-no")),
            FieldError::new("iets", msg("case-required")),
        ];
        let r = Redisplay::invalid(&posted, &errors);
        assert!(r.chose("beoordeling", "acuut", "nee"));
        assert_eq!(r.val("beoordeling", "volgnummer"), "");
        assert_eq!(r.val("besluit", "acuut"), "");
        let ids: Vec<&str> = r
            .errors("beoordeling")
            .items
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, ["b-ja", "c-ja", "actie-beoordeling"]);
        assert!(r.errors("besluit").is_empty());
    }
}
