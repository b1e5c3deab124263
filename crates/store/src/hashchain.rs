//! The hash chain shared by the case event log and the access log: each entry's hash is SHA-256 over
//! the previous entry's hash and a canonical encoding of the entry, so changing, removing or
//! reordering one entry breaks every link after it. Case events enter the chain through the digest
//! of their payload (see [`digest`]), so a payload can later give way to a tombstone.

use sha2::{Digest, Sha256};

/// The hash before the first entry of a chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Hashes `prev` and the fields of one entry. Each field is length-prefixed, so no choice of field
/// values can make two different entries encode alike; an absent field differs from an empty one.
pub fn link(prev: &str, fields: &[Option<&str>]) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    for field in fields {
        match field {
            Some(v) => {
                h.update(b"s");
                h.update((v.len() as u64).to_be_bytes());
                h.update(v.as_bytes());
            }
            None => h.update(b"n"),
        }
    }
    hex::encode(h.finalize())
}

/// SHA-256 of `text` as lower-case hex: how a case event's payload enters its chain.
pub fn digest(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_and_the_predecessor_count() {
        let base = link(GENESIS, &[Some("a"), Some("bc"), None]);
        assert_eq!(base.len(), 64);
        assert_eq!(base, link(GENESIS, &[Some("a"), Some("bc"), None]));
        assert_ne!(base, link(GENESIS, &[Some("ab"), Some("c"), None]));
        assert_ne!(base, link(GENESIS, &[Some("a"), Some("bc"), Some("")]));
        assert_ne!(base, link(&base, &[Some("a"), Some("bc"), None]));
    }

    #[test]
    fn digest_is_sha256_hex() {
        assert_eq!(
            digest(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
