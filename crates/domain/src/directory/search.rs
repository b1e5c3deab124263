//! Full-text search over the directory that tolerates Dutch word forms (issue 11 item 3), without
//! any engine's full-text index: the directory holds hundreds of entries, so the text is matched in
//! memory, the same on SQLite and PostgreSQL.
//!
//! Both the query and the entry's text go through the same steps: lower case without diacritics
//! ([`normalise`]), words, and a small Dutch stemmer ([`stem`]) that folds plurals, diminutives and
//! a few common suffixes onto one form ("kinderen" and "kindje" to "kind", "behandelingen" to
//! "behandel"). A query word then matches an entry's word when it is the same, when it begins it,
//! or when it is a later part of a compound ("hulp" in "schuldhulp", "trauma" in
//! "traumabehandeling"); see [`word_matches`]. Every query word must match. This is Schakel's own
//! approach \[NC\]; it is tuned for recall on a small list that people scan by eye.

/// Words that carry no meaning in a search ("trauma voor kinderen" searches "trauma kinderen").
const STOP_WORDS: &[&str] = &[
    "de", "het", "een", "en", "of", "van", "voor", "in", "op", "met", "bij", "aan", "te", "naar",
    "door", "om", "die", "dat", "er", "als", "tot", "uit", "over", "the", "for", "and", "of", "to",
];

/// A later part of a compound is only looked for when the part before it could be a word of its
/// own (three letters or more): "hulp" is found in "schuldhulp", "arm" not in "warm".
const MIN_COMPOUND_HEAD: usize = 3;

/// Query words shorter than this match only an entry's word that begins with them ("ggz"); longer
/// ones are also looked for inside compounds.
const MIN_INFIX_QUERY: usize = 4;

/// Lower case, diacritics removed ("Financiële" becomes "financiele"), `ĳ` as `ij`.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => out.push('i'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'ñ' | 'ń' => out.push('n'),
            'ś' | 'š' | 'ș' | 'ş' => out.push('s'),
            'ț' | 'ţ' => out.push('t'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            'ł' => out.push('l'),
            'ĳ' => out.push_str("ij"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// The words of `text`, normalised: runs of letters and digits.
pub fn words(text: &str) -> Vec<String> {
    normalise(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Strips `suffix` when at least `keep` letters stay.
fn strip<'a>(word: &'a str, suffix: &str, keep: usize) -> Option<&'a str> {
    word.strip_suffix(suffix).filter(|s| s.len() >= keep)
}

/// One Dutch form for the word forms of one word (after [`normalise`]). Light on purpose: it
/// folds what people type differently for the same thing, not every inflection.
///
/// - diminutives: -etje(s), -tje(s), -pje(s), -je(s) ("kindje", "vrouwtje", "balletje");
/// - plurals and endings: -eren and -ere ("kinderen", "oudere"), -heden to -heid, -ingen and -ing ("behandelingen",
///   "begeleiding"), -en ("vrouwen", "groepen"), -s after -er/-el/-en/-em ("plegers"), a final -e
///   ("financiele", "oudere");
/// - spelling: a doubled final consonant is undoubled ("mannen" to "man"),
///   `v`/`z` at the end become `f`/`s` ("brieven" to "brief", "huizen" to "huis"), and a long vowel
///   before the last consonant is written single ("taal" and "talen" both "tal").
pub fn stem(word: &str) -> String {
    if word.len() <= 3 || !word.is_ascii() {
        return word.to_string();
    }
    let mut w: &str = word;
    // Diminutives first: their -s is the diminutive's plural, not a plural of the stem.
    for suffix in ["etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je"] {
        if let Some(s) = strip(w, suffix, 3) {
            w = s;
            break;
        }
    }
    let mut out: String = if let Some(s) = strip(w, "heden", 2) {
        format!("{s}heid")
    } else if let Some(s) = strip(w, "ingen", 3).or_else(|| strip(w, "ing", 3)) {
        s.to_string()
    } else if let Some(s) = strip(w, "eren", 3).or_else(|| strip(w, "ere", 3)) {
        s.to_string()
    } else if let Some(s) = strip(w, "en", 3) {
        s.to_string()
    } else if w.len() > 4
        && (w.ends_with("ers") || w.ends_with("els") || w.ends_with("ens") || w.ends_with("ems"))
    {
        w[..w.len() - 1].to_string()
    } else if let Some(s) = strip(w, "e", 3).filter(|s| !is_vowel(s.as_bytes()[s.len() - 1])) {
        s.to_string()
    } else {
        w.to_string()
    };
    tidy_end(&mut out);
    out
}

/// The spelling steps of [`stem`] at the end of a stem.
fn tidy_end(w: &mut String) {
    let b = w.as_bytes();
    let n = b.len();
    if n < 3 {
        return;
    }
    // "mannen" -> "mann" -> "man".
    if b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]) {
        w.pop();
        return;
    }
    match b[n - 1] {
        b'v' => {
            w.pop();
            w.push('f');
        }
        b'z' => {
            w.pop();
            w.push('s');
        }
        _ => {}
    }
    let b = w.as_bytes();
    let n = b.len();
    // "taal" -> "tal": a doubled vowel before the last consonant is written single.
    if n >= 4
        && !is_vowel(b[n - 1])
        && b[n - 2] == b[n - 3]
        && matches!(b[n - 2], b'a' | b'e' | b'o' | b'u')
    {
        w.remove(n - 2);
    }
}

/// The stemmed words of `text` that carry meaning (stop words left out), in order.
pub fn terms(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

/// Whether the stemmed query word `query` finds the stemmed entry word `word`: the same word, the
/// start of it, or (for query words of [`MIN_INFIX_QUERY`] letters or more) a later part of a
/// compound with a head of at least [`MIN_COMPOUND_HEAD`] letters.
pub fn word_matches(query: &str, word: &str) -> bool {
    if query.is_empty() {
        return false;
    }
    if word.starts_with(query) {
        return true;
    }
    if query.len() < MIN_INFIX_QUERY {
        return false;
    }
    word.match_indices(query)
        .any(|(at, _)| at >= MIN_COMPOUND_HEAD)
}

/// The searchable text of one entry, prepared once: its stemmed words, and each two neighbours
/// written together (so "traumabehandeling" finds "trauma behandeling").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchText {
    words: Vec<String>,
}

impl SearchText {
    pub fn new<'a>(parts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut words = Vec::new();
        for part in parts {
            let t = terms(part);
            for pair in t.windows(2) {
                words.push(format!("{}{}", pair[0], pair[1]));
            }
            words.extend(t);
        }
        words.sort();
        words.dedup();
        Self { words }
    }

    /// Whether every meaningful word of `query` finds a word of this text. A query of stop words
    /// only, or empty, finds everything.
    pub fn matches(&self, query: &Query) -> bool {
        query
            .terms
            .iter()
            .all(|q| self.words.iter().any(|w| word_matches(q, w)))
    }
}

/// A search query, prepared once for every entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        let mut terms = terms(text);
        terms.dedup();
        Self { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}
