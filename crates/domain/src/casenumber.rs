//! Case numbers: a short, unique number a worker can say on the phone and type into the search,
//! such as `VT-2026-00123` (issue 7, "Fit for daily work").
//!
//! Shape (the example; no law or protocol prescribes one): the prefix of the Veilig Thuis
//! organisation accountable for the region, the year the (first) melding or adviesvraag was received,
//! and a sequence number per prefix and year starting at 1, at least five digits. The store hands out
//! the sequence inside the transaction that opens the case, so two cases never share a number.

/// The prefix of the region's Veilig Thuis. One region per database today, so one prefix; a second
/// region in the same database would get its own prefix (and so its own sequence).
pub const DEFAULT_PREFIX: &str = "VT";

/// `VT-2026-00123`: prefix, year of receipt, sequence (five digits, more when the year needs them).
pub fn format(prefix: &str, year: i32, seq: i64) -> String {
    format!("{prefix}-{year:04}-{seq:05}")
}

/// A search text that looks like a case number (case and surrounding spaces ignored), normalised to
/// the stored form: `vt-2026-123` finds `VT-2026-00123`.
pub fn parse(text: &str) -> Option<String> {
    let text = text.trim();
    let mut parts = text.split('-');
    let prefix = parts.next()?.trim();
    let year = parts.next()?.trim();
    let seq = parts.next()?.trim();
    if parts.next().is_some()
        || prefix.is_empty()
        || !prefix.chars().all(|c| c.is_ascii_alphabetic())
        || year.len() != 4
        || !year.chars().all(|c| c.is_ascii_digit())
        || seq.is_empty()
        || seq.len() > 12
        || !seq.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let seq: i64 = seq.parse().ok()?;
    (seq > 0).then(|| format(&prefix.to_ascii_uppercase(), year, seq))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_five_digits_and_more_when_needed() {
        assert_eq!(format("VT", 2026, 123), "VT-2026-00123");
        assert_eq!(format("VT", 2026, 1), "VT-2026-00001");
        assert_eq!(format("VT", 2027, 123_456), "VT-2027-123456");
    }

    #[test]
    fn parses_what_a_worker_types() {
        assert_eq!(parse("vt-2026-123").as_deref(), Some("VT-2026-00123"));
        assert_eq!(parse(" VT-2026-00123 ").as_deref(), Some("VT-2026-00123"));
        assert_eq!(parse("29-11-2026"), None);
        assert_eq!(parse("Jan de Vries"), None);
        assert_eq!(parse("VT-26-1"), None);
        assert_eq!(parse("VT-2026-0"), None);
    }
}
