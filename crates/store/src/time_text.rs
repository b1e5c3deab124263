//! Times as text: UTC, RFC 3339, always six fraction digits, so that text order is time order on
//! both engines and the value hashes the same wherever it is read.

use time::format_description::FormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

const FORMAT: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

pub fn format(t: OffsetDateTime) -> String {
    t.to_offset(UtcOffset::UTC)
        .format(FORMAT)
        .unwrap_or_else(|_| t.unix_timestamp().to_string())
}

pub fn parse(s: &str) -> Option<OffsetDateTime> {
    time::PrimitiveDateTime::parse(s, FORMAT)
        .ok()
        .map(|p| p.assume_utc())
}

pub fn now() -> String {
    format(OffsetDateTime::now_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn round_trips_and_sorts_as_text() {
        let a = datetime!(2026-03-29 01:59:59.5 +01:00);
        let b = datetime!(2026-03-29 03:00:00 +02:00);
        assert_eq!(format(a), "2026-03-29T00:59:59.500000Z");
        assert_eq!(parse(&format(a)), Some(a));
        assert!(format(a) < format(b));
    }
}
