//! Password hashing with argon2id at the OWASP-recommended parameters (19 MiB, 2 passes, 1 lane).
//! Hashing is slow on purpose, so it runs off the async runtime.
//!
//! Memory (issue 8 finding 12): every hash needs 19 MiB of working memory. Left to itself, each hash
//! allocated and freed that block on whichever blocking thread ran it; glibc then raised its mmap
//! threshold and kept the freed blocks in per-thread arenas, so the server grew with every login
//! and never gave the memory back. Now at most [`permits`] hashes run at once (a semaphore sized to
//! the cores: more would only queue for the CPU), and each takes its working memory from a small
//! pool that holds at most one block per permit, reused from login to login. The memory a server
//! spends on hashing is thus bounded by cores x 19 MiB, whatever the number of logins.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::Semaphore;

use crate::AppError;

/// The largest working memory a stored hash may ask for (64 MiB): a hash with a higher cost is not
/// one Schakel wrote and is refused rather than allowed to exhaust memory.
const MAX_M_COST_KIB: u32 = 64 * 1024;

fn params() -> Result<Params, AppError> {
    Params::new(19 * 1024, 2, 1, None).map_err(|e| AppError::internal(format!("argon2: {e}")))
}

/// How many password hashes may run at once: the number of cores.
pub fn permits() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

fn semaphore() -> &'static Semaphore {
    static SEMAPHORE: OnceLock<Semaphore> = OnceLock::new();
    SEMAPHORE.get_or_init(|| Semaphore::new(permits()))
}

/// Working memory left by finished hashes, at most one block per permit.
static POOL: Mutex<Vec<Vec<Block>>> = Mutex::new(Vec::new());
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The most hashes that ever ran at the same time in this process (for tests and diagnostics).
pub fn peak_concurrent_hashes() -> usize {
    PEAK.load(Ordering::SeqCst)
}

/// Working memory of at least `blocks` blocks: a pooled one when there is one.
fn take_memory(blocks: usize) -> Vec<Block> {
    let pooled = POOL.lock().ok().and_then(|mut p| p.pop());
    let mut memory = pooled.unwrap_or_default();
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    memory
}

fn give_back(memory: Vec<Block>) {
    if let Ok(mut pool) = POOL.lock()
        && pool.len() < permits()
    {
        pool.push(memory);
    }
}

/// Runs `work` on a blocking thread once a permit is free, with pooled working memory.
async fn with_memory<T: Send + 'static>(
    work: impl FnOnce(&mut Vec<Block>) -> T + Send + 'static,
) -> Result<T, AppError> {
    let permit = semaphore()
        .acquire()
        .await
        .map_err(|e| AppError::internal(format!("hash permit: {e}")))?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let now = IN_FLIGHT.fetch_add(1, Ordering::SeqCst) + 1;
        PEAK.fetch_max(now, Ordering::SeqCst);
        let mut memory = take_memory(0);
        let result = work(&mut memory);
        give_back(memory);
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
        result
    })
    .await
    .map_err(|e| AppError::internal(format!("hash task: {e}")))
}

fn hash_blocking(password: &str, memory: &mut Vec<Block>) -> Result<String, AppError> {
    let err = |e: &dyn std::fmt::Display| AppError::internal(format!("argon2: {e}"));
    let params = params()?;
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt
        .as_salt()
        .decode_b64(&mut salt_bytes)
        .map_err(|e| err(&e))?;
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    if memory.len() < params.block_count() {
        memory.resize(params.block_count(), Block::default());
    }
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password_into_with_memory(
            password.as_bytes(),
            salt_bytes,
            &mut out,
            &mut memory[..params.block_count()],
        )
        .map_err(|e| err(&e))?;
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| err(&e))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|e| err(&e))?),
    };
    Ok(hash.to_string())
}

/// Whether `password` matches the PHC string `stored`, computed in `memory`.
fn verify_blocking(password: &str, stored: &str, memory: &mut Vec<Block>) -> Option<bool> {
    let parsed = PasswordHash::new(stored).ok()?;
    let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
    let version = match parsed.version {
        Some(v) => Version::try_from(v).ok()?,
        None => Version::default(),
    };
    let params = Params::try_from(&parsed).ok()?;
    if params.m_cost() > MAX_M_COST_KIB {
        return None;
    }
    let expected = parsed.hash?;
    let mut salt_buf = [0u8; 64];
    let salt = parsed.salt?.decode_b64(&mut salt_buf).ok()?;
    let blocks = params.block_count();
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    let mut out = vec![0u8; expected.len()];
    Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(password.as_bytes(), salt, &mut out, &mut memory[..blocks])
        .ok()?;
    // `Output`'s equality is constant-time.
    Some(Output::new(&out).ok()? == expected)
}

/// Hashes a new password (argon2id, random salt).
pub async fn hash_password(password: String) -> Result<String, AppError> {
    with_memory(move |memory| hash_blocking(&password, memory)).await?
}

/// A hash of a password nobody knows, computed once: checked against when the user does not exist,
/// so a wrong user name costs the same time as a wrong password and timing reveals nothing.
fn dummy_hash(memory: &mut Vec<Block>) -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        hash_blocking("schakel-dummy-password-never-valid", memory).unwrap_or_default()
    })
}

/// Checks `password` against `stored` (or the dummy hash when there is no user).
pub async fn verify_password(password: String, stored: Option<String>) -> bool {
    with_memory(move |memory| {
        let user_exists = stored.is_some();
        let hash_text = stored.unwrap_or_else(|| dummy_hash(memory).to_string());
        let matches = verify_blocking(&password, &hash_text, memory).unwrap_or(false);
        matches && user_exists
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use argon2::PasswordVerifier;

    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_use_argon2id_with_owasp_parameters() {
        let h = hash_password("correct horse battery".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_password("correct horse battery".into(), Some(h.clone())).await);
        assert!(!verify_password("wrong horse battery".into(), Some(h)).await);
    }

    #[tokio::test]
    async fn hashes_are_interchangeable_with_the_argon2_crates_own() {
        let ours = hash_password("correct horse battery".into()).await.unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"correct horse battery", &parsed)
                .is_ok()
        );
        // A hash the crate wrote (as older Schakel versions did) still verifies.
        use argon2::PasswordHasher;
        let theirs = Argon2::default()
            .hash_password(b"old password here", &SaltString::generate(&mut OsRng))
            .unwrap()
            .to_string();
        assert!(verify_password("old password here".into(), Some(theirs.clone())).await);
        assert!(!verify_password("old password hers".into(), Some(theirs)).await);
    }

    #[tokio::test]
    async fn unknown_users_never_verify_even_with_the_dummy_password() {
        assert!(!verify_password("schakel-dummy-password-never-valid".into(), None).await);
        assert!(!verify_password("x".into(), Some("not a hash".into())).await);
    }

    #[tokio::test]
    async fn a_hash_asking_for_more_memory_than_schakel_writes_is_refused() {
        let huge = "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHRzYWx0$\
                    AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assert!(!verify_password("x".into(), Some(huge.into())).await);
    }

    /// Finding 12: many logins at once never run more hashes than there are cores, and the pool
    /// of working memory never holds more than one block per permit.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn the_semaphore_bounds_concurrent_hashes_to_the_cores() {
        let h = hash_password("correct horse battery".into()).await.unwrap();
        let tasks: Vec<_> = (0..4 * permits() + 4)
            .map(|_| tokio::spawn(verify_password("wrong".into(), Some(h.clone()))))
            .collect();
        for t in tasks {
            assert!(!t.await.unwrap());
        }
        let peak = peak_concurrent_hashes();
        assert!(peak >= 1, "no hash was counted");
        assert!(
            peak <= permits(),
            "{peak} hashes ran at once on {} cores",
            permits()
        );
        assert!(POOL.lock().unwrap().len() <= permits());
    }
}
