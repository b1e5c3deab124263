//! The region's 2018 figures the synthetic year is calibrated to
//! (reference/vt-noord-midden-limburg-2018.json, from the seed's "Cijfers Veilig Thuis Noord- en
//! Midden Limburg 2018"). The 80-90 band is derived there as the stated total minus the listed rows.

pub const ADVIEZEN: u64 = 1752;
pub const MELDINGEN: u64 = 3634;
pub const BETROKKENEN: u64 = 13045;

/// In the order of `schakel_domain::intake::AGE_BANDS`.
pub const BETROKKENEN_BY_AGE: [u64; 9] = [5398, 1793, 2377, 1983, 939, 311, 62, 162, 20];

/// The 13 kinds of the regio-2018 list, registered per melding (6,767 over 3,634 meldingen).
pub const VIOLENCE_2018: [(&str, u64); 13] = [
    ("anders_onveilig", 1983),
    ("psychisch_geweld", 1025),
    ("lichamelijke_mishandeling", 714),
    ("pedagogische_verwaarlozing", 374),
    ("affectieve_verwaarlozing", 214),
    ("getuige_van_geweld_in_gezin", 182),
    ("lichamelijke_verwaarlozing", 121),
    ("seksueel_misbruik", 118),
    ("ouderenmishandeling", 53),
    ("financiele_uitbuiting", 45),
    ("eergerelateerd_geweld", 19),
    ("pediatric_condition_falsification", 9),
    ("anders_niet_onveilig", 1910),
];
