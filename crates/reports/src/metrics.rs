//! Glyph widths of the standard Helvetica faces and the WinAnsi encoding they are used with.
//!
//! The standard 14 fonts are not embedded, so the writer must know their advance widths to wrap
//! text itself. The numbers below are the `WX` values of Adobe's Core 14 AFM files (Helvetica and
//! Helvetica-Bold, version 003) for the glyphs WinAnsiEncoding places at codes 0x20..=0xFF, in
//! thousandths of the font size. Helvetica-Oblique has the same widths as Helvetica. Codes that
//! WinAnsi leaves unassigned (0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D) have width 0: the encoder never
//! produces them.

/// One of the three standard faces a document uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Font {
    /// Helvetica: body text and table cells.
    Regular,
    /// Helvetica-Bold: the title, headings, labels and table headers.
    Bold,
    /// Helvetica-Oblique: notes and the page footer.
    Oblique,
}

impl Font {
    /// Every face, in the order of their resource names `/F1`, `/F2`, `/F3`.
    pub(crate) const ALL: [Font; 3] = [Font::Regular, Font::Bold, Font::Oblique];

    pub(crate) fn resource(self) -> &'static str {
        match self {
            Font::Regular => "F1",
            Font::Bold => "F2",
            Font::Oblique => "F3",
        }
    }

    pub(crate) fn base_font(self) -> &'static str {
        match self {
            Font::Regular => "Helvetica",
            Font::Bold => "Helvetica-Bold",
            Font::Oblique => "Helvetica-Oblique",
        }
    }

    fn widths(self) -> &'static [u16; 224] {
        match self {
            Font::Regular | Font::Oblique => &HELVETICA_WIDTHS,
            Font::Bold => &HELVETICA_BOLD_WIDTHS,
        }
    }

    /// Advance width of one WinAnsi byte in thousandths of the font size.
    pub(crate) fn byte_units(self, byte: u8) -> u32 {
        byte.checked_sub(0x20)
            .and_then(|i| self.widths().get(usize::from(i)))
            .map_or(0, |w| u32::from(*w))
    }
}

const HELVETICA_WIDTHS: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0x30
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 0x50
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 0x60
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0, // 0x70
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 0x80
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, // 0x90
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 0xA0
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 0xF0
];
const HELVETICA_BOLD_WIDTHS: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0x30
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 0x50
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 0x60
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, // 0x70
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 0x80
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, // 0x90
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 0xA0
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 0xF0
];

/// The WinAnsi codes 0x80..=0x9F that differ from Latin-1, with the character each one shows.
/// The rest of 0x20..=0xFF is Latin-1 (the same numbers as Unicode).
const WIN_ANSI_HIGH: [(u8, char); 27] = [
    (0x80, '€'),
    (0x82, '‚'),
    (0x83, 'ƒ'),
    (0x84, '„'),
    (0x85, '…'),
    (0x86, '†'),
    (0x87, '‡'),
    (0x88, 'ˆ'),
    (0x89, '‰'),
    (0x8A, 'Š'),
    (0x8B, '‹'),
    (0x8C, 'Œ'),
    (0x8E, 'Ž'),
    (0x91, '‘'),
    (0x92, '’'),
    (0x93, '“'),
    (0x94, '”'),
    (0x95, '•'),
    (0x96, '–'),
    (0x97, '—'),
    (0x98, '˜'),
    (0x99, '™'),
    (0x9A, 'š'),
    (0x9B, '›'),
    (0x9C, 'œ'),
    (0x9E, 'ž'),
    (0x9F, 'Ÿ'),
];

/// The WinAnsi byte for a character; `?` for anything the encoding cannot show (other scripts,
/// emoji, combining accents, control characters). A tab becomes a space.
pub fn encode_char(c: char) -> u8 {
    match c {
        '\t' => b' ',
        ' '..='~' | '\u{A0}'..='\u{FF}' => u8::try_from(u32::from(c)).unwrap_or(b'?'),
        _ => WIN_ANSI_HIGH
            .iter()
            .find(|(_, ch)| *ch == c)
            .map_or(b'?', |(b, _)| *b),
    }
}

/// The character a WinAnsi byte shows; `?` for the unassigned and control codes.
pub fn decode_byte(b: u8) -> char {
    match b {
        0x20..=0x7E | 0xA0..=0xFF => char::from(b),
        _ => WIN_ANSI_HIGH
            .iter()
            .find(|(code, _)| *code == b)
            .map_or('?', |(_, c)| *c),
    }
}

/// A string in WinAnsi bytes, one byte per character (see [`encode_char`]).
pub fn encode(text: &str) -> Vec<u8> {
    text.chars().map(encode_char).collect()
}

/// Back from WinAnsi bytes to a Rust string.
pub fn decode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| decode_byte(*b)).collect()
}

/// Width in thousandths of the font size; integers so that wrapping decisions are exact.
fn units(bytes: &[u8], font: Font) -> u32 {
    bytes.iter().map(|b| font.byte_units(*b)).sum()
}

/// Width in points of `text` set in `font` at `size` points (no kerning, as the writer sets it).
pub fn text_width(text: &str, font: Font, size: f32) -> f32 {
    bytes_width(&encode(text), font, size)
}

pub(crate) fn bytes_width(bytes: &[u8], font: Font, size: f32) -> f32 {
    units_to_points(units(bytes, font), size)
}

// Widths stay far below 2^24 units, so the conversion is exact.
fn units_to_points(units: u32, size: f32) -> f32 {
    units as f32 * size / 1000.0
}

/// The widest line, in units, that fits `max_width` points at `size`.
// Clamped first, so the conversion neither wraps nor loses the sign.
fn max_units(max_width: f32, size: f32) -> u32 {
    if size <= 0.0 || !max_width.is_finite() {
        return u32::MAX;
    }
    (max_width * 1000.0 / size)
        .floor()
        .clamp(0.0, u32::MAX as f32) as u32
}

/// Wraps text into lines of WinAnsi bytes no wider than `max_width` points.
///
/// Line breaks in the text are kept; runs of spaces collapse to one; a word wider than the line
/// is cut between characters (a single glyph wider than the line is the only way to exceed it).
pub(crate) fn wrap_bytes(text: &str, font: Font, size: f32, max_width: f32) -> Vec<Vec<u8>> {
    let limit = max_units(max_width, size);
    let space = font.byte_units(b' ');
    let mut lines = Vec::new();
    for source_line in text.split('\n') {
        let encoded = encode(source_line.trim_end_matches('\r'));
        let mut line: Vec<u8> = Vec::new();
        let mut line_units = 0u32;
        for word in encoded.split(|b| *b == b' ').filter(|w| !w.is_empty()) {
            let word_units = units(word, font);
            let gap = if line.is_empty() { 0 } else { space };
            if line_units + gap + word_units <= limit {
                if !line.is_empty() {
                    line.push(b' ');
                }
                line.extend_from_slice(word);
                line_units += gap + word_units;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_units = 0;
            }
            if word_units <= limit {
                line.extend_from_slice(word);
                line_units = word_units;
                continue;
            }
            // Too long for any line (a URL, a long compound): cut it where the line is full.
            for b in word {
                let w = font.byte_units(*b);
                if !line.is_empty() && line_units + w > limit {
                    lines.push(std::mem::take(&mut line));
                    line_units = 0;
                }
                line.push(*b);
                line_units += w;
            }
        }
        lines.push(line);
    }
    lines
}

/// Wraps text as the document does (see [`Document`](crate::Document)), for callers that want to
/// know how many lines something takes; characters outside WinAnsi come back as `?`.
pub fn wrap(text: &str, font: Font, size: f32, max_width: f32) -> Vec<String> {
    wrap_bytes(text, font, size, max_width)
        .iter()
        .map(|l| decode(l))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_assigned_winansi_byte_round_trips() {
        for b in 0x20..=0xFFu8 {
            let c = decode_byte(b);
            if c == '?' {
                assert!(
                    matches!(b, b'?' | 0x7F | 0x81 | 0x8D | 0x8F | 0x90 | 0x9D),
                    "{b:#x}"
                );
                continue;
            }
            assert_eq!(encode_char(c), b, "{c:?}");
            assert!(
                Font::Regular.byte_units(b) > 0 && Font::Bold.byte_units(b) > 0,
                "{b:#x}"
            );
        }
    }

    #[test]
    fn dutch_punctuation_maps_to_its_winansi_codes() {
        assert_eq!(
            encode("é ë ï ö ü € – ‘ ’ “ ”"),
            b"\xE9 \xEB \xEF \xF6 \xFC \x80 \x96 \x91 \x92 \x93 \x94"
        );
        assert_eq!(encode("\u{0141}\u{4E2D}\u{1F642}\u{7}"), b"????");
    }

    #[test]
    fn explicit_line_breaks_are_kept_and_spaces_collapse() {
        let lines = wrap("een  twee\r\n\ndrie", Font::Regular, 10.0, 400.0);
        assert_eq!(lines, ["een twee", "", "drie"]);
    }
}
