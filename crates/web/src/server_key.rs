//! The server key: one secret shared by every instance of a deployment (from `SCHAKEL_SERVER_KEY`
//! or `server_key` in the configuration file), from which the keys for data Schakel must keep
//! secret at rest are derived: the TOTP secrets (encrypted, XChaCha20-Poly1305, bound to their
//! user) and the recovery codes (keyed hashes, so a stolen database does not give them away).
//!
//! Demo mode, and a server started without a key, use [`DEMO_SERVER_KEY`]: it is public (it is
//! in this file), so it protects nothing, and the binary says so loudly at start.

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The key of demo mode and of a server without a configured key. PUBLIC: NOT FOR REAL DATA.
pub const DEMO_SERVER_KEY: &str = "DEMO-SLEUTEL-openbaar-alleen-voor-fictieve-gegevens";

/// The shortest server key accepted (characters): a key is meant to be 32+ random bytes, for
/// example `openssl rand -base64 32`.
pub const MIN_SERVER_KEY_CHARS: usize = 32;

/// The prefix of an encrypted TOTP secret; anything else in the column is a secret stored in
/// plain text by an older version, which is read once and then stored encrypted.
const SEALED_PREFIX: &str = "v1.";

#[derive(Clone)]
pub struct ServerKey {
    secret_key: [u8; 32],
    recovery_key: [u8; 32],
    login_form_key: [u8; 32],
    demo: bool,
}

impl std::fmt::Debug for ServerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerKey")
            .field("demo", &self.demo)
            .finish_non_exhaustive()
    }
}

impl Default for ServerKey {
    fn default() -> Self {
        Self::demo()
    }
}

fn derive(key: &str, label: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    if let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes()) {
        mac.update(label.as_bytes());
        out.copy_from_slice(&mac.finalize().into_bytes());
    }
    out
}

impl ServerKey {
    /// A configured key; refused when shorter than [`MIN_SERVER_KEY_CHARS`] or the demo key.
    pub fn from_text(key: &str) -> Result<Self, String> {
        let key = key.trim();
        if key == DEMO_SERVER_KEY {
            return Err("de demosleutel is openbaar en geen serversleutel".into());
        }
        if key.chars().count() < MIN_SERVER_KEY_CHARS {
            return Err(format!(
                "een serversleutel heeft minstens {MIN_SERVER_KEY_CHARS} tekens (bijvoorbeeld: openssl rand -base64 32)"
            ));
        }
        Ok(Self::derive_from(key, false))
    }

    /// The public demo key.
    pub fn demo() -> Self {
        Self::derive_from(DEMO_SERVER_KEY, true)
    }

    fn derive_from(key: &str, demo: bool) -> Self {
        Self {
            secret_key: derive(key, "schakel/totp-secret/v1"),
            recovery_key: derive(key, "schakel/recovery-code/v1"),
            login_form_key: derive(key, "schakel/login-form/v1"),
            demo,
        }
    }

    /// Whether this is the public demo key.
    pub fn is_demo(&self) -> bool {
        self.demo
    }

    /// Encrypts a TOTP secret for `user_id` (the user id is authenticated data: a sealed secret
    /// copied to another account does not open).
    pub fn seal(&self, user_id: &str, secret: &str) -> Option<String> {
        let cipher = XChaCha20Poly1305::new((&self.secret_key).into());
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: secret.as_bytes(),
                    aad: user_id.as_bytes(),
                },
            )
            .ok()?;
        let mut bytes = nonce.to_vec();
        bytes.extend(sealed);
        Some(format!(
            "{SEALED_PREFIX}{}",
            data_encoding::BASE64URL_NOPAD.encode(&bytes)
        ))
    }

    /// Whether a stored value is sealed (not an old plain-text secret).
    pub fn is_sealed(stored: &str) -> bool {
        stored.starts_with(SEALED_PREFIX)
    }

    /// The TOTP secret in `stored`: opened when sealed, as is when an older version stored it in
    /// plain text. `None` when it was sealed with another key or for another user.
    pub fn open(&self, user_id: &str, stored: &str) -> Option<String> {
        let Some(body) = stored.strip_prefix(SEALED_PREFIX) else {
            return Some(stored.to_string());
        };
        let bytes = data_encoding::BASE64URL_NOPAD
            .decode(body.as_bytes())
            .ok()?;
        if bytes.len() < 24 {
            return None;
        }
        let (nonce, sealed) = bytes.split_at(24);
        let cipher = XChaCha20Poly1305::new((&self.secret_key).into());
        let plain = cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: user_id.as_bytes(),
                },
            )
            .ok()?;
        String::from_utf8(plain).ok()
    }

    /// The login form's token for the pre-session `pre_session_id`: a keyed hash, so a token
    /// belongs to exactly one pre-session and cannot be made without the server key.
    pub fn login_form_token(&self, pre_session_id: &str) -> String {
        let mut out = String::new();
        if let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&self.login_form_key) {
            mac.update(pre_session_id.as_bytes());
            out = data_encoding::BASE64URL_NOPAD.encode(&mac.finalize().into_bytes());
        }
        out
    }

    /// The keyed hash a recovery code of `user_id` is stored as.
    pub fn recovery_hash(&self, user_id: &str, code: &str) -> String {
        let normal: String = code
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let mut out = String::new();
        if let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&self.recovery_key) {
            mac.update(user_id.as_bytes());
            mac.update(b"\0");
            mac.update(normal.as_bytes());
            out = hex::encode(mac.finalize().into_bytes());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "een-serversleutel-van-minstens-32-tekens!";

    #[test]
    fn a_sealed_secret_opens_only_with_the_same_key_for_the_same_user() {
        let key = ServerKey::from_text(KEY).unwrap();
        let sealed = key.seal("u1", "GEZDGNBVGY3TQOJQ").unwrap();
        assert!(ServerKey::is_sealed(&sealed));
        assert!(!sealed.contains("GEZDGNBVGY3TQOJQ"));
        assert_eq!(key.open("u1", &sealed).as_deref(), Some("GEZDGNBVGY3TQOJQ"));
        assert_eq!(key.open("u2", &sealed), None);
        assert_eq!(ServerKey::demo().open("u1", &sealed), None);
        // Two seals of one secret differ (random nonce).
        assert_ne!(sealed, key.seal("u1", "GEZDGNBVGY3TQOJQ").unwrap());
        // An old plain-text secret reads as itself.
        assert_eq!(key.open("u1", "GEZDGNBV").as_deref(), Some("GEZDGNBV"));
    }

    #[test]
    fn short_keys_and_the_demo_key_are_refused() {
        assert!(ServerKey::from_text("kort").is_err());
        assert!(ServerKey::from_text(DEMO_SERVER_KEY).is_err());
        assert!(!ServerKey::from_text(KEY).unwrap().is_demo());
        assert!(ServerKey::demo().is_demo());
    }

    #[test]
    fn recovery_hashes_depend_on_key_user_and_code_but_not_on_layout() {
        let key = ServerKey::from_text(KEY).unwrap();
        let h = key.recovery_hash("u1", "abcd-efgh-jk");
        assert_eq!(h, key.recovery_hash("u1", "ABCDEFGHJK"));
        assert_ne!(h, key.recovery_hash("u2", "abcd-efgh-jk"));
        assert_ne!(h, ServerKey::demo().recovery_hash("u1", "abcd-efgh-jk"));
        assert_ne!(h, key.recovery_hash("u1", "abcd-efgh-jm"));
    }
}
