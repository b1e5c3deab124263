//! The burgerservicenummer (BSN), validated by the elfproef.
//!
//! A BSN is data of a sensitive nature (RULES.md 8.1: AVG art. 10 category in the VT privacy
//! regulations), so the type shows it in full only through [`Bsn::as_str`] and `Display`, and
//! offers [`Bsn::masked`] for lists and logs.

use crate::msg;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::FieldError;

/// A BSN that passed the elfproef: nine digits, stored with leading zeros.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bsn([u8; 9]);

impl Bsn {
    /// Parses a BSN, naming `field` when it is wrong. Spaces, dots and hyphens are ignored; an
    /// 8-digit number gets a leading zero (older BSNs are often written without it).
    ///
    /// Elfproef (Besluit BSN / the BSN specification of RvIG): 9*d1 + 8*d2 + ... + 2*d8 - 1*d9
    /// must be divisible by 11; the all-zero number is not a BSN.
    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        let cleaned: String = value
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-'))
            .collect();
        if cleaned.is_empty() {
            return Err(FieldError::new(field, msg("error-required")));
        }
        if !cleaned.chars().all(|c| c.is_ascii_digit()) {
            return Err(FieldError::new(field, msg("error-bsn-digits-only")));
        }
        let padded = match cleaned.len() {
            9 => cleaned,
            8 => format!("0{cleaned}"),
            _ => {
                return Err(FieldError::new(field, msg("error-bsn-nine-digits")));
            }
        };
        let mut digits = [0_u8; 9];
        for (slot, b) in digits.iter_mut().zip(padded.bytes()) {
            *slot = b - b'0';
        }
        if digits.iter().all(|d| *d == 0) {
            return Err(FieldError::new(field, msg("error-bsn-invalid")));
        }
        let sum: i32 = digits
            .iter()
            .zip([9, 8, 7, 6, 5, 4, 3, 2, -1])
            .map(|(d, w)| i32::from(*d) * w)
            .sum();
        if sum.rem_euclid(11) != 0 {
            return Err(FieldError::new(field, msg("error-bsn-elfproef")));
        }
        Ok(Self(digits))
    }

    /// All nine digits.
    pub fn as_str(&self) -> String {
        self.0.iter().map(|d| char::from(b'0' + d)).collect()
    }

    /// Only the last three digits visible, e.g. `******333`.
    pub fn masked(&self) -> String {
        let full = self.as_str();
        format!("******{}", &full[6..])
    }
}

impl fmt::Display for Bsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_str())
    }
}

/// Debug never prints the full number, so a BSN does not leak into logs through `{:?}`.
impl fmt::Debug for Bsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bsn({})", self.masked())
    }
}

impl Serialize for Bsn {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.as_str())
    }
}

impl<'de> Deserialize<'de> for Bsn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Bsn::parse("bsn", &raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_numbers_pass() {
        for raw in [
            "111222333",
            "123456782",
            "999999990",
            "1234.56.782",
            " 111 222 333 ",
        ] {
            assert!(Bsn::parse("bsn", raw).is_ok(), "{raw} should be valid");
        }
        assert_eq!(
            Bsn::parse("bsn", "123456782").map(|b| b.to_string()),
            Ok("123456782".into())
        );
    }

    #[test]
    fn eight_digits_get_a_leading_zero() {
        // 012345672: 0*9+1*8+2*7+3*6+4*5+5*4+6*3+7*2-2 = 110, divisible by 11.
        let bsn = Bsn::parse("bsn", "12345672");
        assert_eq!(bsn.map(|b| b.as_str()), Ok("012345672".into()));
    }

    #[test]
    fn invalid_numbers_name_the_field() {
        for raw in [
            "123456789",
            "111222334",
            "000000000",
            "12345",
            "1234567890",
            "12345678a",
            "",
        ] {
            let err = Bsn::parse("betrokkene.bsn", raw).unwrap_err();
            assert_eq!(err.field, "betrokkene.bsn", "{raw}");
        }
        assert!(
            Bsn::parse("bsn", "123456789")
                .unwrap_err()
                .text()
                .contains("elfproef")
        );
    }

    #[test]
    fn a_single_changed_digit_always_fails() {
        // The elfproef detects every single-digit error: weights 9..2 and -1 are all non-zero mod 11.
        let valid = "123456782";
        for pos in 0..9 {
            for d in b'0'..=b'9' {
                let mut bytes = valid.as_bytes().to_vec();
                if bytes[pos] == d {
                    continue;
                }
                bytes[pos] = d;
                let changed = String::from_utf8(bytes).unwrap();
                assert!(Bsn::parse("bsn", &changed).is_err(), "{changed}");
            }
        }
    }

    #[test]
    fn masked_and_debug_show_only_the_last_three_digits() {
        let bsn = Bsn::parse("bsn", "111222333").unwrap();
        assert_eq!(bsn.masked(), "******333");
        let debug = format!("{bsn:?}");
        assert!(!debug.contains("111222"));
        assert!(debug.contains("333"));
    }

    #[test]
    fn serde_round_trips_and_validates() {
        let bsn = Bsn::parse("bsn", "123456782").unwrap();
        let json = serde_json::to_string(&bsn).unwrap();
        assert_eq!(json, "\"123456782\"");
        assert_eq!(serde_json::from_str::<Bsn>(&json).unwrap(), bsn);
        assert!(serde_json::from_str::<Bsn>("\"123456789\"").is_err());
    }
}
