//! Ages and the age bands the region reports betrokkenen in.

use time::Date;

/// The age bands of the region's 2018 figures (reference/vt-noord-midden-limburg-2018.json,
/// `betrokkenen_by_age`): 0-20, 20-30, ... 80-90 and 90+. A band includes its lower bound and
/// excludes its upper one (the seed's table does not say; Schakel's reading [P]).
pub const AGE_BANDS: [&str; 9] = [
    "0-20", "20-30", "30-40", "40-50", "50-60", "60-70", "70-80", "80-90", "90+",
];

/// The band an age falls in.
pub fn age_band(age: u32) -> &'static str {
    let i = match age {
        0..=19 => 0,
        20..=89 => (age / 10 - 1) as usize,
        _ => 8,
    };
    AGE_BANDS.get(i).copied().unwrap_or("90+")
}

/// Whole years from `birth` to `on` (0 when `on` is before `birth`). Someone born on 29 February
/// turns a year older on 1 March in common years.
pub fn age_on(birth: Date, on: Date) -> u32 {
    if on < birth {
        return 0;
    }
    let mut years = on.year() - birth.year();
    if (on.month() as u8, on.day()) < (birth.month() as u8, birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}
