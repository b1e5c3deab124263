//! Who is asking: passwords, the second factor, sessions and login throttling.

pub mod login;
pub mod password;
pub mod session;
pub mod totp;
