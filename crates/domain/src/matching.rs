//! Name matching for the known-before check (issue 3: "close matches by name similarity and date of
//! birth for a human to confirm or reject"). No source prescribes a measure; Schakel uses
//! Jaro-Winkler over normalised names, a common choice for person names [NC].

/// Names whose similarity reaches this are shown as possible matches. Schakel default [NC]: 0.88
/// catches one typo or a swapped letter pair in a typical Dutch full name, and rejects different
/// first names within one family ("Anna Verzonnen" vs "Bram Verzonnen").
pub const SIMILAR_FROM: f64 = 0.88;

/// Lower case, diacritics folded for the common Latin letters, anything not a letter or digit as
/// a single space: "Zoë  van 't Hof" and "zoe van t hof" compare equal.
pub fn normalise_name(name: &str) -> String {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ł' => 'l',
            'ș' | 'ş' | 'š' => 's',
            'ț' | 'ţ' => 't',
            'ă' => 'a',
            'ž' | 'ź' | 'ż' => 'z',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Jaro-Winkler similarity in [0, 1] of two strings (by character).
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_match = vec![false; a.len()];
    let mut b_match = vec![false; b.len()];
    let mut matches = 0_usize;
    for (i, ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_match[j] && b[j] == *ca {
                a_match[i] = true;
                b_match[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let a_seq = a.iter().zip(&a_match).filter(|(_, m)| **m).map(|(c, _)| c);
    let b_seq = b.iter().zip(&b_match).filter(|(_, m)| **m).map(|(c, _)| c);
    let half_transpositions = a_seq.zip(b_seq).filter(|(x, y)| x != y).count();
    let m = matches as f64;
    let t = half_transpositions as f64 / 2.0;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - t) / m) / 3.0;
    let prefix = a.iter().zip(&b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

/// Whether two names are close enough to show as a possible match.
pub fn similar(a: &str, b: &str) -> Option<f64> {
    let score = jaro_winkler(&normalise_name(a), &normalise_name(b));
    (score >= SIMILAR_FROM).then_some(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_diacritics_and_punctuation() {
        assert_eq!(normalise_name("Zoë  van 't Hof"), "zoe van t hof");
        assert_eq!(normalise_name("ŁUKASZ Nowak-Șerban"), "lukasz nowak serban");
    }

    #[test]
    fn jaro_winkler_known_values() {
        let close = |a: &str, b: &str, want: f64| {
            let got = jaro_winkler(a, b);
            assert!((got - want).abs() < 0.001, "{a}/{b}: {got}");
        };
        close("martha", "marhta", 0.961);
        close("dwayne", "duane", 0.84);
        close("dixon", "dicksonx", 0.813);
        close("abc", "abc", 1.0);
        close("abc", "xyz", 0.0);
        assert_eq!(jaro_winkler("", ""), 1.0);
        assert_eq!(jaro_winkler("a", ""), 0.0);
    }

    #[test]
    fn typos_match_and_other_family_members_do_not() {
        assert!(similar("Anna Verzonnen", "Ana Verzonnen").is_some());
        assert!(similar("Anna Verzonnen", "Anna Verzonen").is_some());
        assert!(similar("Anna Verzonnen", "Bram Verzonnen").is_none());
        assert!(similar("Anna Verzonnen", "Piet Fictief").is_none());
    }
}
