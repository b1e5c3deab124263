//! The generator's plan: how many adviezen and meldingen, which betrokkenen of which ages, which
//! kinds of violence, pure and deterministic from the seed. Counts are allocated exactly (scaled
//! reference counts, rounded) and then dealt out, so the year matches the reference by construction.

use schakel_domain::intake::AGE_BANDS;
use time::{Date, Duration, Month, OffsetDateTime, Time, UtcOffset};

use super::reference::{ADVIEZEN, BETROKKENEN_BY_AGE, MELDINGEN, VIOLENCE_2018};

/// splitmix64: small, fast, good enough for synthetic data, no dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// True with probability `p` (in percent).
    pub fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len() as u64) as usize)
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

/// One planned adviesvraag or melding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedIntake {
    pub melding: bool,
    pub received_at: OffsetDateTime,
    pub gemeente: usize,
    /// Ages of the betrokkenen, oldest first (a melding); an advies has one, estimated.
    pub ages: Vec<u32>,
    pub violence: Vec<&'static str>,
    /// Drives the rest of the case's course.
    pub course: u64,
}

fn scaled(n: u64, scale: f64) -> u64 {
    (n as f64 * scale).round().max(0.0) as u64
}

/// Population weights of the 14 gemeenten (CBS population, rounded to thousands, 2019). Used only
/// to spread synthetic cases plausibly; no reference figure depends on it.
pub const GEMEENTE_WEIGHTS: [(&str, u64); 14] = [
    ("Beesel", 13),
    ("Bergen (L.)", 13),
    ("Echt-Susteren", 32),
    ("Gennep", 17),
    ("Horst aan de Maas", 42),
    ("Leudal", 36),
    ("Maasgouw", 24),
    ("Nederweert", 17),
    ("Peel en Maas", 43),
    ("Roerdalen", 21),
    ("Roermond", 58),
    ("Venlo", 101),
    ("Venray", 44),
    ("Weert", 50),
];

/// The plan for one year. `gemeenten` is how many gemeenten to spread over (weighted by
/// [`GEMEENTE_WEIGHTS`] where the index exists, else evenly).
pub fn plan(year: i32, scale: f64, seed: u64, gemeenten: usize) -> Vec<PlannedIntake> {
    let mut rng = Rng::new(seed);
    let adviezen = scaled(ADVIEZEN, scale);
    let meldingen = scaled(MELDINGEN, scale) as usize;

    // Ages: every scaled band count, as ages within the band, shuffled.
    let mut ages: Vec<u32> = Vec::new();
    for (band, count) in AGE_BANDS.iter().zip(BETROKKENEN_BY_AGE) {
        let (lo, width) = match *band {
            "0-20" => (0, 20),
            "90+" => (90, 8),
            b => (b[..2].parse::<u32>().unwrap_or(20), 10),
        };
        for _ in 0..scaled(count, scale) {
            ages.push(lo + rng.below(width) as u32);
        }
    }
    rng.shuffle(&mut ages);
    // Every melding has at least one betrokkene; the rest are dealt at random, at most 8 each.
    let mut sizes = vec![1_usize; meldingen];
    let mut left = ages.len().saturating_sub(meldingen);
    while left > 0 && meldingen > 0 {
        let i = rng.below(meldingen as u64) as usize;
        if sizes[i] < 8 {
            sizes[i] += 1;
            left -= 1;
        }
    }
    // Kinds: scaled counts as a list grouped by kind, dealt round-robin, so no melding gets a kind
    // twice (each count is below the number of meldingen) and every melding gets at least one.
    let mut kinds: Vec<&'static str> = Vec::new();
    for (code, count) in VIOLENCE_2018 {
        for _ in 0..scaled(count, scale).min(meldingen as u64) {
            kinds.push(code);
        }
    }
    while kinds.len() < meldingen {
        kinds.push("anders_onveilig");
    }
    let mut violence: Vec<Vec<&'static str>> = vec![Vec::new(); meldingen];
    for (i, k) in kinds.into_iter().enumerate() {
        if let Some(v) = violence.get_mut(i % meldingen.max(1)) {
            v.push(k);
        }
    }
    rng.shuffle(&mut violence);

    let start = Date::from_calendar_date(year, Month::January, 1).unwrap_or(Date::MIN);
    let days = if time::util::is_leap_year(year) {
        366
    } else {
        365
    };
    let when = |rng: &mut Rng| {
        let day = start + Duration::days(rng.below(days) as i64);
        let t = Time::from_hms(8 + rng.below(10) as u8, rng.below(60) as u8, 0)
            .unwrap_or(Time::MIDNIGHT);
        day.with_time(t).assume_offset(UtcOffset::UTC)
    };
    let total_weight: u64 = GEMEENTE_WEIGHTS.iter().take(gemeenten).map(|g| g.1).sum();
    let gemeente = |rng: &mut Rng| {
        let mut r = rng.below(total_weight.max(1));
        for (i, (_, w)) in GEMEENTE_WEIGHTS.iter().take(gemeenten).enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        rng.below(gemeenten.max(1) as u64) as usize
    };

    let mut out = Vec::with_capacity(meldingen + adviezen as usize);
    let mut next_age = ages.into_iter();
    for (size, kinds) in sizes.into_iter().zip(violence) {
        let mut household: Vec<u32> = next_age.by_ref().take(size).collect();
        household.sort_unstable_by(|a, b| b.cmp(a));
        out.push(PlannedIntake {
            melding: true,
            received_at: when(&mut rng),
            gemeente: gemeente(&mut rng),
            ages: household,
            violence: kinds,
            course: rng.next_u64(),
        });
    }
    for _ in 0..adviezen {
        out.push(PlannedIntake {
            melding: false,
            received_at: when(&mut rng),
            gemeente: gemeente(&mut rng),
            ages: vec![rng.below(18) as u32],
            violence: Vec::new(),
            course: rng.next_u64(),
        });
    }
    out.sort_by_key(|p| p.received_at);
    out
}
