//! Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), the second
//! factor every role that sees personal data must use (NEN 7513 ch. 8; DESIGN.md principle 4).

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha1::Sha1;

const STEP_SECONDS: i64 = 30;
const DIGITS: u32 = 6;

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

fn hotp(secret: &[u8], counter: u64) -> Option<u32> {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).ok()?;
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let code = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    Some(code % 10u32.pow(DIGITS))
}

/// The code for `unix_time`.
pub fn code_at(secret_b32: &str, unix_time: i64) -> Option<String> {
    let secret = data_encoding::BASE32_NOPAD
        .decode(secret_b32.as_bytes())
        .ok()?;
    let counter = u64::try_from(unix_time.div_euclid(STEP_SECONDS)).ok()?;
    hotp(&secret, counter).map(|c| format!("{c:06}"))
}

/// Whether `code` is valid at `unix_time`, allowing one step of clock drift either way.
pub fn verify(secret_b32: &str, code: &str, unix_time: i64) -> bool {
    let code = code.trim().replace(' ', "");
    if code.len() != DIGITS as usize || !code.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    [-STEP_SECONDS, 0, STEP_SECONDS]
        .iter()
        .any(|d| code_at(secret_b32, unix_time + d).is_some_and(|c| c == code))
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
    fn new_secrets_are_distinct_and_decodable() {
        let a = new_secret();
        assert_ne!(a, new_secret());
        assert!(code_at(&a, 0).is_some());
        assert!(provisioning_uri(&a, "x").contains(&a));
    }
}
