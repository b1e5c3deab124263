//! The generator's plan: how many adviezen and meldingen in which period, which betrokkenen (with
//! invented names and birth dates) of which ages, which kinds of violence, and which meldingen are
//! about a household seen before; pure and deterministic from the seed. Counts are allocated exactly
//! (scaled reference counts, rounded) and then dealt out, so the period matches the reference by
//! construction; only the repeats, which take an earlier household's persons, move the age bands a
//! little.

use schakel_domain::calendar::dutch_local_date;
use schakel_domain::intake::{AGE_BANDS, age_band};
use schakel_store::year_totals::YearTotals;
use schakel_store::year_totals::reference::{
    ADVIEZEN, BETROKKENEN_BY_AGE, MELDINGEN, VIOLENCE_2018,
};
use time::{Date, Duration, Month, OffsetDateTime, Time, UtcOffset};

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

/// The days the intakes fall on: `days` days from `first_day`, none after `until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub first_day: Date,
    pub days: u32,
    /// Nothing is received or done after this moment (the demo's "now").
    pub until: OffsetDateTime,
}

impl Period {
    /// A calendar year, everything in it done.
    pub fn year(year: i32) -> Period {
        let first = |y: i32| {
            Date::from_calendar_date(y, Month::January, 1)
                .unwrap_or(Date::MIN)
                .midnight()
                .assume_offset(UtcOffset::UTC)
        };
        Period {
            first_day: first(year).date(),
            days: if time::util::is_leap_year(year) {
                366
            } else {
                365
            },
            until: first(year + 1),
        }
    }

    /// The 365 days up to and including today (Dutch date): a working week's state at `now`.
    pub fn ending(now: OffsetDateTime) -> Period {
        Period {
            first_day: dutch_local_date(now) - Duration::days(364),
            days: 365,
            until: now,
        }
    }

    /// The day after the last day.
    pub fn end(&self) -> Date {
        self.first_day + Duration::days(i64::from(self.days))
    }
}

/// Plainly invented surnames: nobody should mistake a synthetic case for a real family.
const SURNAMES: [&str; 32] = [
    "Verzonnen",
    "Fictief",
    "Voorbeeld",
    "Proefmans",
    "Testeling",
    "Denkbeeld",
    "Namaak",
    "Schijnveld",
    "Bedachtsma",
    "Verdichter",
    "Fantasia",
    "Nepperman",
    "Droomers",
    "Bedenkers",
    "Verbeeldt",
    "Sprookjes",
    "Luchtkastel",
    "Schetsma",
    "Ontwerpers",
    "Maaksel",
    "Probeersma",
    "Oefenaar",
    "Modelhuis",
    "Papierman",
    "Proefdruk",
    "Schaduwveld",
    "Wolkenburg",
    "Niemandsland",
    "Zomaar",
    "Verinnen",
    "Gedachtel",
    "Ideaalsma",
];
const FIRST_NAMES: [&str; 32] = [
    "Anna", "Bram", "Fenna", "Daan", "Sanne", "Luuk", "Noor", "Sem", "Lotte", "Milan", "Iris",
    "Jesse", "Roos", "Thijs", "Ela", "Kacper", "Zofia", "Andrei", "Ioana", "Georgi", "Mila",
    "Finn", "Yara", "Bilal", "Sara", "Mees", "Julia", "Ruben", "Fleur", "Stijn", "Lina", "Oskar",
];

/// One invented betrokkene.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedPerson {
    pub first_name: &'static str,
    pub birth_date: Date,
    /// Set when the reporter knew only an age (every advies; a few meldingen): no birth date then.
    pub estimated_age: Option<u32>,
    pub female: bool,
}

impl PlannedPerson {
    /// Age on `day`, as the monitor facts count it.
    pub fn age_on(&self, day: Date) -> u32 {
        match self.estimated_age {
            Some(a) => a,
            None => schakel_domain::intake::age_on(self.birth_date, day),
        }
    }
}

/// One planned adviesvraag or melding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedIntake {
    pub melding: bool,
    pub received_at: OffsetDateTime,
    pub gemeente: usize,
    pub surname: &'static str,
    /// Oldest first; an advies has one, with an estimated age.
    pub persons: Vec<PlannedPerson>,
    pub violence: Vec<&'static str>,
    /// Drives the rest of the case's course.
    pub course: u64,
    /// An advies that Veilig Thuis later turns into a melding (the monitor then counts a melding).
    pub converted: bool,
    /// An earlier melding (its position in the plan) about the same household: this one is then a
    /// hermelding, a vervolgmelding or a melding that joins its open casus, as Schakel finds.
    pub repeat_of: Option<usize>,
}

/// Of 100 meldingen, about this many concern a household Veilig Thuis saw earlier in the period
/// (no reference figure; CBS reports roughly a third of meldingen as herhaald over longer periods).
const REPEAT_PERCENT: u64 = 18;
/// Of 100 adviezen, about this many become a melding later.
const CONVERTED_PERCENT: u64 = 2;
/// How far back (in planned meldingen) a repeat looks for its household.
const REPEAT_WINDOW: usize = 1500;

/// The plan for one period. `gemeenten` is how many gemeenten to spread over (weighted by
/// [`GEMEENTE_WEIGHTS`] where the index exists, else evenly).
pub fn plan(period: Period, scale: f64, seed: u64, gemeenten: usize) -> Vec<PlannedIntake> {
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

    let when = |rng: &mut Rng| {
        let day = period.first_day + Duration::days(rng.below(u64::from(period.days)) as i64);
        let t = Time::from_hms(7 + rng.below(10) as u8, rng.below(60) as u8, 0)
            .unwrap_or(Time::MIDNIGHT);
        let at = day.with_time(t).assume_offset(UtcOffset::UTC);
        // Today's intakes arrived before now; a later time moves to the day before.
        if at > period.until {
            at - Duration::days(1)
        } else {
            at
        }
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
    let person = |rng: &mut Rng, age: u32, received: OffsetDateTime, estimated: bool| {
        let day = dutch_local_date(received);
        // A birthday that gives exactly this age on the day of receipt.
        let birth_date = day
            .replace_year(day.year() - age as i32)
            .unwrap_or_else(|_| day - Duration::days(365 * i64::from(age)))
            - Duration::days(rng.below(360) as i64);
        PlannedPerson {
            first_name: rng.pick(&FIRST_NAMES).copied().unwrap_or("Anna"),
            birth_date,
            estimated_age: estimated.then_some(age),
            female: rng.percent(50),
        }
    };

    let mut out = Vec::with_capacity(meldingen + adviezen as usize);
    let mut next_age = ages.into_iter();
    for (size, kinds) in sizes.into_iter().zip(violence) {
        let mut household: Vec<u32> = next_age.by_ref().take(size).collect();
        household.sort_unstable_by(|a, b| b.cmp(a));
        let received_at = when(&mut rng);
        let persons = household
            .into_iter()
            .map(|age| {
                let estimated = rng.percent(5);
                person(&mut rng, age, received_at, estimated)
            })
            .collect();
        out.push(PlannedIntake {
            melding: true,
            received_at,
            gemeente: gemeente(&mut rng),
            surname: rng.pick(&SURNAMES).copied().unwrap_or("Verzonnen"),
            persons,
            violence: kinds,
            course: rng.next_u64(),
            converted: false,
            repeat_of: None,
        });
    }
    for _ in 0..adviezen {
        let received_at = when(&mut rng);
        let age = rng.below(18) as u32;
        out.push(PlannedIntake {
            melding: false,
            received_at,
            gemeente: gemeente(&mut rng),
            surname: rng.pick(&SURNAMES).copied().unwrap_or("Verzonnen"),
            persons: vec![person(&mut rng, age, received_at, true)],
            violence: Vec::new(),
            course: rng.next_u64(),
            converted: rng.percent(CONVERTED_PERCENT),
            repeat_of: None,
        });
    }
    out.sort_by_key(|p| p.received_at);
    plan_repeats(&mut out, &mut rng);
    out
}

fn age_bands(p: &PlannedIntake) -> Vec<&'static str> {
    let day = dutch_local_date(p.received_at);
    p.persons.iter().map(|x| age_band(x.age_on(day))).collect()
}

/// Makes some meldingen about a household of an earlier melding of the same size (so the number
/// of betrokkenen stays as planned): same surname, persons and gemeente.
fn plan_repeats(out: &mut [PlannedIntake], rng: &mut Rng) {
    let meldingen: Vec<usize> = (0..out.len()).filter(|&i| out[i].melding).collect();
    // Only a household whose members fall in the same age bands, so the bands keep their planned
    // counts (small bands such as 90+ would drift otherwise).
    let bands: Vec<Vec<&'static str>> = meldingen.iter().map(|&i| age_bands(&out[i])).collect();
    for (k, &i) in meldingen.iter().enumerate() {
        if k == 0 || !rng.percent(REPEAT_PERCENT) {
            continue;
        }
        let from = k.saturating_sub(REPEAT_WINDOW);
        let candidates: Vec<usize> = (from..k)
            .filter(|&c| bands[c] == bands[k])
            .map(|c| meldingen[c])
            .collect();
        let Some(&j) = rng.pick(&candidates) else {
            continue;
        };
        let (surname, persons, gemeente) =
            (out[j].surname, out[j].persons.clone(), out[j].gemeente);
        let p = &mut out[i];
        p.surname = surname;
        p.persons = persons;
        p.gemeente = gemeente;
        p.repeat_of = Some(j);
    }
}

/// The totals the plan will produce, without a database (ages on the day of receipt, as the
/// monitor facts count them).
pub fn planned_totals(planned: &[PlannedIntake]) -> YearTotals {
    let mut t = YearTotals::default();
    for p in planned {
        if !p.melding && !p.converted {
            t.adviezen += 1;
            continue;
        }
        t.meldingen += 1;
        let day = dutch_local_date(p.received_at);
        for person in &p.persons {
            t.betrokkenen += 1;
            *t.by_age
                .entry(age_band(person.age_on(day)).to_string())
                .or_default() += 1;
        }
        for v in &p.violence {
            *t.by_violence.entry(v.to_string()).or_default() += 1;
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use schakel_store::year_totals::compare;
    use time::macros::datetime;

    use super::*;

    #[test]
    fn a_planned_year_matches_the_reference_within_5_percent() {
        let planned = plan(Period::year(2026), 1.0, 42, 14);
        let t = planned_totals(&planned);
        assert_eq!(t.by_violence.len(), 13);
        assert_eq!(t.by_age.len(), 9);
        for c in compare(&t, 1.0) {
            assert!(c.deviation.abs() <= 0.05, "{c:?}");
        }
        // Meldingen carry several kinds, every one at least one and none twice.
        assert!(planned.iter().filter(|p| p.melding).all(|p| {
            let mut v = p.violence.clone();
            v.sort();
            v.dedup();
            !p.violence.is_empty() && v.len() == p.violence.len()
        }));
        assert!(planned.iter().all(|p| p.received_at.year() == 2026));
    }

    #[test]
    fn some_meldingen_concern_an_earlier_household_with_the_same_persons() {
        let planned = plan(Period::year(2026), 0.5, 42, 14);
        let repeats: Vec<&PlannedIntake> =
            planned.iter().filter(|p| p.repeat_of.is_some()).collect();
        let meldingen = planned.iter().filter(|p| p.melding).count();
        let share = repeats.len() * 100 / meldingen;
        assert!((12..=24).contains(&share), "{share}%");
        for r in repeats {
            let earlier = &planned[r.repeat_of.unwrap_or(usize::MAX)];
            assert!(earlier.melding && earlier.received_at <= r.received_at);
            assert_eq!((earlier.surname, &earlier.persons), (r.surname, &r.persons));
        }
    }

    #[test]
    fn a_period_ending_now_has_nothing_after_now_and_starts_a_year_before() {
        let now = datetime!(2026-11-29 10:30 UTC);
        let period = Period::ending(now);
        assert_eq!(period.first_day, time::macros::date!(2025 - 11 - 30));
        assert_eq!(period.end(), time::macros::date!(2026 - 11 - 30));
        let planned = plan(period, 0.2, 7, 14);
        assert!(planned.iter().all(|p| p.received_at <= now));
        assert!(
            planned
                .iter()
                .any(|p| dutch_local_date(p.received_at) == now.date())
        );
    }

    #[test]
    fn the_plan_is_deterministic_from_the_seed() {
        let year = Period::year(2026);
        assert_eq!(plan(year, 0.05, 7, 14), plan(year, 0.05, 7, 14));
        assert_ne!(plan(year, 0.05, 7, 14), plan(year, 0.05, 8, 14));
    }

    #[test]
    fn a_skewed_year_is_caught_by_the_comparison() {
        let mut t = planned_totals(&plan(Period::year(2026), 1.0, 42, 14));
        t.meldingen = t.meldingen * 90 / 100;
        assert!(compare(&t, 1.0).iter().any(|c| c.deviation.abs() > 0.05));
    }
}
