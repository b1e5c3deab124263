//! Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), the second
//! factor every role that sees personal data must use (NEN 7513 ch. 8; DESIGN.md principle 4).
//!
//! The codes are computed and compared (in constant time) by the `totp-rs` crate. What the crate
//! leaves to its caller (RFC 6238 section 5.2: a code is accepted only once) is done here and in
//! the store: [`matching_step`] names the time step a code belongs to, and the login refuses a step
//! not later than the last one the user used. Recovery codes stand in for a lost authenticator:
//! [`new_recovery_codes`] makes them, each is stored as a keyed hash and works once.

use rand::{Rng, RngCore};
use totp_rs::{Algorithm, Builder, Totp};

const STEP_SECONDS: u64 = 30;

/// How many recovery codes a user gets when setting up a second factor.
pub const RECOVERY_CODES: usize = 10;

/// A fresh random secret (160 bits, as RFC 4226 recommends), base32 without padding.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    data_encoding::BASE32_NOPAD.encode(&bytes)
}

/// The otpauth URI an authenticator app reads (as a QR code or typed in).
pub fn provisioning_uri(secret: &str, username: &str) -> String {
    format!(
        "otpauth://totp/Schakel:{username}?secret={secret}&issuer=Schakel&algorithm=SHA1&digits=6&period=30"
    )
}

fn totp(secret_b32: &str) -> Option<Totp> {
    let secret = data_encoding::BASE32_NOPAD
        .decode(secret_b32.trim().as_bytes())
        .ok()?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(STEP_SECONDS)
        .with_secret(secret)
        .build()
        .ok()
}

/// The code for `unix_time`.
pub fn code_at(secret_b32: &str, unix_time: i64) -> Option<String> {
    let t = u64::try_from(unix_time).ok()?;
    Some(totp(secret_b32)?.generate(t).to_string())
}

/// The time step `code` belongs to at `unix_time`, allowing one step of clock drift either way;
/// `None` when it is no valid code now.
pub fn matching_step(secret_b32: &str, code: &str, unix_time: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let t = u64::try_from(unix_time).ok()?;
    totp(secret_b32)?
        .check(&code, t)
        .and_then(|s| i64::try_from(s).ok())
}

/// Whether `code` is valid at `unix_time` (one step of drift either way). Does not remember use:
/// the login refuses a reused step with the store's help.
pub fn verify(secret_b32: &str, code: &str, unix_time: i64) -> bool {
    matching_step(secret_b32, code, unix_time).is_some()
}

/// Letters and digits without look-alikes (0/O, 1/l/I).
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
const LETTERS: usize = 23;

/// Fresh recovery codes, each ten characters in two groups (about 49 bits), shown once.
pub fn new_recovery_codes() -> Vec<String> {
    let mut rng = rand::rngs::OsRng;
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut s = String::new();
            for i in 0..10 {
                if i == 5 {
                    s.push('-');
                }
                // The first character is a letter, so no code looks like a six-digit TOTP code.
                let from = if i == 0 {
                    LETTERS
                } else {
                    RECOVERY_ALPHABET.len()
                };
                let k = rng.gen_range(0..from);
                s.push(char::from(
                    RECOVERY_ALPHABET.get(k).copied().unwrap_or(b'x'),
                ));
            }
            s
        })
        .collect()
}

/// Whether what the user typed has the shape of a recovery code (not of a six-digit code).
pub fn looks_like_recovery_code(code: &str) -> bool {
    let normal: String = code.chars().filter(char::is_ascii_alphanumeric).collect();
    normal.len() == 10 && normal.chars().any(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 6238 appendix B, SHA-1 secret "12345678901234567890"; the RFC lists 8 digits, we use the last 6.
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn matches_the_rfc_6238_test_vectors() {
        for (t, eight) in [
            (59, "94287082"),
            (1111111109, "07081804"),
            (1234567890, "89005924"),
            (2000000000, "69279037"),
        ] {
            assert_eq!(code_at(RFC_SECRET, t).unwrap(), &eight[2..], "t={t}");
        }
    }

    #[test]
    fn accepts_one_step_of_drift_and_nothing_else() {
        let t = 1_700_000_000;
        let now = code_at(RFC_SECRET, t).unwrap();
        assert!(verify(RFC_SECRET, &now, t));
        assert!(verify(RFC_SECRET, &now, t + 30));
        assert!(!verify(RFC_SECRET, &now, t + 90));
        assert!(!verify(RFC_SECRET, "abcdef", t));
        assert!(!verify(RFC_SECRET, "", t));
    }

    #[test]
    fn the_matching_step_is_the_codes_own_step_whatever_the_drift() {
        let t = 1_700_000_000;
        let now = code_at(RFC_SECRET, t).unwrap();
        let step = t / 30;
        assert_eq!(matching_step(RFC_SECRET, &now, t), Some(step));
        assert_eq!(matching_step(RFC_SECRET, &now, t + 30), Some(step));
        assert_eq!(matching_step(RFC_SECRET, &now, t - 30), Some(step));
    }

    #[test]
    fn new_secrets_are_distinct_and_decodable() {
        let a = new_secret();
        assert_ne!(a, new_secret());
        assert!(code_at(&a, 0).is_some());
        assert!(provisioning_uri(&a, "x").contains(&a));
    }

    #[test]
    fn recovery_codes_are_distinct_and_recognisable() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), RECOVERY_CODES);
        assert!(codes.iter().all(|c| looks_like_recovery_code(c)));
        assert!(!looks_like_recovery_code("123456"));
    }
}
