//! The gate to case data: the only way this crate reaches a case. It asks the access policy, writes
//! the access log entry (allowed or denied), and only then hands out the data.
