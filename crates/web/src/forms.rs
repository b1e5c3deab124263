//! The NL Design System form pattern (issue 7): every wrong field at once, in one error summary at
//! the top of the form (its items link to the fields) and as a message at each field. The markup is
//! `templates/field.html`; this is what it shows. A page places each error on the element it belongs
//! to (`id`) with the label the user reads there.

use schakel_domain::FieldError;

use crate::i18n::{t, t_args};

/// One wrong field as shown: the element it links to, its label, and what is wrong.
pub struct ErrorItem {
    pub id: String,
    pub label: String,
    pub message: String,
}

/// The errors of one form, in form order. Empty when the form has none.
#[derive(Default)]
pub struct FormErrors {
    pub items: Vec<ErrorItem>,
}

impl FormErrors {
    /// Places every error with `place`, which gives the element id and label for a field name.
    /// Two errors placed on one element show as the first only.
    pub fn placed<'a>(
        errors: impl IntoIterator<Item = &'a FieldError>,
        place: impl Fn(&str) -> (String, String),
    ) -> Self {
        let mut items: Vec<ErrorItem> = Vec::new();
        for e in errors {
            let (id, label) = place(&e.field);
            if items.iter().any(|i| i.id == id) {
                continue;
            }
            items.push(ErrorItem {
                id,
                label,
                message: e.text(),
            });
        }
        Self { items }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// "Er is 1 fout" / "Er zijn 3 fouten".
    pub fn heading(&self) -> String {
        match self.items.len() {
            1 => t("forms-summary-one"),
            n => t_args("forms-summary-many", &[("n", &n.to_string())]),
        }
    }

    /// The message at the element `id`, if it is wrong.
    pub fn msg(&self, id: impl AsRef<str>) -> Option<&str> {
        let id = id.as_ref();
        self.items
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.message.as_str())
    }

    /// Whether the element `id` is wrong.
    pub fn has(&self, id: impl AsRef<str>) -> bool {
        self.msg(id).is_some()
    }

    /// The `aria-describedby` value of element `id`: its hint (may be empty) and, when wrong, its
    /// message.
    pub fn described_by(&self, id: impl AsRef<str>, hint: impl AsRef<str>) -> String {
        let (id, hint) = (id.as_ref(), hint.as_ref());
        let error = self.has(id).then(|| format!("{id}-fout"));
        [Some(hint.to_string()).filter(|h| !h.is_empty()), error]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Whether a macro's `kind` argument (a string behind any number of references) is `want`.
pub fn kind_is(kind: impl AsRef<str>, want: &str) -> bool {
    kind.as_ref() == want
}

/// The marker of a field that may stay empty (NLDS: mark the optional fields, not the required
/// ones; Schakel does so on every form).
pub fn optional_marker() -> String {
    t("forms-optional")
}

#[cfg(test)]
mod tests {
    use super::*;
    use schakel_domain::msg;

    #[test]
    fn errors_are_placed_once_per_element_and_counted() {
        let errors = [
            FieldError::new("a", msg("error-required")),
            FieldError::new("a2", msg("error-required")),
            FieldError::new("b", msg("error-required")),
        ];
        let form = FormErrors::placed(&errors, |f| {
            (f.trim_end_matches('2').to_string(), f.to_uppercase())
        });
        assert_eq!(form.items.len(), 2);
        assert_eq!(form.heading(), "Er zijn 2 fouten");
        assert!(form.has("a") && form.has("b") && !form.has("c"));
        assert_eq!(form.described_by("a", "a-hint"), "a-hint a-fout");
        assert_eq!(form.described_by("c", ""), "");
    }
}
