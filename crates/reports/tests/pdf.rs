//! The PDF as a reader sees it: structure, cross-references, text, page breaks and footers.

use schakel_reports::{Document, Font, Table, extract_pages, extract_text, text_width, wrap};
use time::macros::datetime;

const FOOTER: &str = "Bevat geen persoonsgegevens van cliënten";

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn sample() -> Document {
    let mut doc = Document::new("Voortgang actieprogramma 2019–2021");
    doc.created_at(datetime!(2026-11-29 18:30:05 +01:00))
        .footer(FOOTER)
        .heading(1, "Actielijn 1: Eerder en beter in beeld")
        .paragraph("De werkgroep ‘Signaleren’ heeft in het eerste halfjaar de meldcode besproken.")
        .label_value("Status", "loopt")
        .label_value("Budget", "€ 12.500");
    doc
}

#[test]
fn starts_with_the_header_and_ends_with_eof() {
    let pdf = sample().render();
    assert!(pdf.starts_with(b"%PDF-1.4\n"));
    assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"));
}

#[test]
fn every_xref_offset_points_at_its_object() {
    let mut doc = sample();
    let mut table = Table::new([("Nr", 0.1), ("Actie", 0.9)]);
    for i in 0..120 {
        table.row([i.to_string(), format!("Actie {i}")]);
    }
    doc.table(table);
    let pdf = doc.render();

    let tail = std::str::from_utf8(&pdf[pdf.len() - 40..]).expect("ASCII trailer");
    let startxref: usize = tail
        .split("startxref")
        .nth(1)
        .and_then(|t| t.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("startxref with a number");
    let xref = std::str::from_utf8(&pdf[startxref..]).expect("ASCII xref");
    let mut lines = xref.lines();
    assert_eq!(lines.next(), Some("xref"));
    let count: usize = lines
        .next()
        .and_then(|l| l.strip_prefix("0 "))
        .and_then(|n| n.parse().ok())
        .expect("one subsection from object 0");
    assert_eq!(lines.next(), Some("0000000000 65535 f "));
    for number in 1..count {
        let entry = lines.next().expect("an entry per object");
        assert_eq!(
            entry.len(),
            19,
            "entries are 20 bytes with the newline: {entry:?}"
        );
        assert!(entry.ends_with(" 00000 n "), "{entry:?}");
        let offset: usize = entry[..10].parse().expect("ten digits");
        let object = format!("{number} 0 obj");
        assert!(
            pdf[offset..].starts_with(object.as_bytes()),
            "xref entry {number} points at {:?}",
            String::from_utf8_lossy(&pdf[offset..offset + 12])
        );
    }
    assert_eq!(lines.next(), Some("trailer"));
    let trailer = lines.next().expect("trailer dictionary");
    assert!(trailer.contains(&format!("/Size {count}")), "{trailer}");
    assert!(trailer.contains("/Root 1 0 R") && trailer.contains("/Info 6 0 R"));
}

#[test]
fn stream_lengths_match_their_data() {
    let pdf = sample().render();
    let mut at = 0;
    let mut seen = 0;
    while let Some(p) = find(&pdf[at..], b"/Length ") {
        let start = at + p + 8;
        let digits: String = pdf[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .map(|b| char::from(*b))
            .collect();
        let length: usize = digits.parse().expect("direct length");
        let data = at + p + find(&pdf[at + p..], b"stream\n").expect("stream keyword") + 7;
        assert_eq!(&pdf[data + length..data + length + 10], b"\nendstream");
        at = data + length;
        seen += 1;
    }
    assert_eq!(seen, 1);
}

#[test]
fn metadata_has_title_author_producer_and_the_given_date() {
    let pdf = sample().render();
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/Author (Schakel) /Producer (Schakel)"));
    assert!(text.contains("/CreationDate (D:20261129183005+01'00')"));
    // The title has an en dash, so it goes as UTF-16BE: "V" is 0056, "–" is 2013.
    assert!(text.contains("/Title <FEFF0056"), "{text}");
    assert!(text.contains("2013"));
    assert_eq!(
        pdf,
        sample().render(),
        "the same document gives the same bytes"
    );
}

#[test]
fn dutch_text_round_trips() {
    let line = "Cliënt, coördinatie, geïnformeerd, één, ‘enkel’ en “dubbel” – € 5 — café Ölçü";
    let mut doc = Document::new("Diakritische tekens: é ë ï ö ü");
    doc.paragraph(line).footer(FOOTER);
    let pdf = doc.render();
    let text = extract_text(&pdf);
    assert!(text.contains(line), "{text}");
    assert!(text.contains("Diakritische tekens: é ë ï ö ü"));
    assert!(text.contains(FOOTER));
    // The fonts say which encoding the bytes are in.
    assert!(find(&pdf, b"/BaseFont /Helvetica /Encoding /WinAnsiEncoding").is_some());
    assert!(
        find(
            &pdf,
            b"/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"
        )
        .is_some()
    );
    assert!(
        find(
            &pdf,
            b"/BaseFont /Helvetica-Oblique /Encoding /WinAnsiEncoding"
        )
        .is_some()
    );
}

#[test]
fn characters_outside_winansi_become_question_marks() {
    let mut doc = Document::new("x");
    doc.paragraph("Łódź 中文 🙂 e\u{301}");
    let text = extract_text(&doc.render());
    assert!(text.contains("?ód? ?? ? e?"), "{text}");
}

#[test]
fn parentheses_and_backslashes_are_escaped() {
    let odd = r"Artikel 7 (lid 2) \ zie ook: (( ) \\ )";
    let mut doc = Document::new("x");
    doc.paragraph(odd);
    let pdf = doc.render();
    assert!(extract_text(&pdf).contains(odd));
    let stream = String::from_utf8_lossy(&pdf);
    assert!(
        stream.contains(r"(Artikel 7 \(lid 2\) \\ zie ook: \(\( \) \\\\ \)) Tj"),
        "{stream}"
    );
}

#[test]
fn a_long_table_breaks_over_pages_with_the_header_repeated() {
    let mut doc = Document::new("Acties per actielijn");
    doc.footer(FOOTER).paragraph("Alle acties met hun status.");
    let mut table = Table::new([("Actie", 0.5), ("Trekker", 0.25), ("Status", 0.25)]);
    for i in 1..=100 {
        table.row([
            format!("Actie {i}: deskundigheidsbevordering van professionals in het onderwijs"),
            format!("Werkgroep {}", i % 4 + 1),
            "loopt".to_owned(),
        ]);
    }
    doc.table(table);
    let pages = extract_pages(&doc.render());
    let count = pages.len();
    assert!(
        count >= 3,
        "100 two-line rows take several pages, got {count}"
    );
    assert_eq!(doc.page_count(), count);

    let mut next = 1;
    for (i, page) in pages.iter().enumerate() {
        let lines: Vec<&str> = page.lines().collect();
        // The header is on every page, and on the pages after the first it comes first.
        let header = lines.iter().position(|l| *l == "Actie").expect("header");
        assert_eq!(lines[header + 1], "Trekker");
        assert_eq!(lines[header + 2], "Status");
        if i > 0 {
            assert_eq!(header, 0, "page {}: {lines:?}", i + 1);
        }
        // Rows continue in order, none lost or repeated, each whole on one page.
        for line in &lines {
            if let Some(rest) = line.strip_prefix("Actie ") {
                let n: usize = rest
                    .split(':')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("row number");
                assert_eq!(n, next);
                next += 1;
            }
        }
        let row_lines = lines.iter().filter(|l| l.starts_with("Actie ")).count();
        let continuation = lines.iter().filter(|l| l.contains("professionals")).count();
        assert_eq!(row_lines, continuation, "page {}: a row was split", i + 1);
        assert_eq!(
            lines.last(),
            Some(&format!("Pagina {} van {count}", i + 1).as_str())
        );
        assert!(lines.contains(&FOOTER));
    }
    assert_eq!(next, 101);
    assert!(pages[1].contains(&format!("Pagina 2 van {count}")));
}

#[test]
fn a_row_taller_than_a_page_is_split_rather_than_lost() {
    let mut doc = Document::new("x");
    let mut table = Table::new([("Actie", 1.0)]);
    let long: Vec<String> = (1..=120).map(|i| format!("regel{i}")).collect();
    table.row([long.join("\n")]).row(["daarna"]);
    doc.table(table);
    let text = extract_text(&doc.render());
    for word in &long {
        assert!(text.contains(&format!("{word}\n")), "{word} missing");
    }
    assert!(text.contains("daarna"));
    assert!(doc.page_count() >= 2);
}

#[test]
fn wrapped_lines_never_exceed_the_width() {
    let text = "Het regionale actieprogramma ‘Geweld hoort nergens thuis’ kent drie actielijnen: \
                eerder en beter in beeld, stoppen en duurzaam oplossen, en het voorkomen van \
                (herhaald) huiselijk geweld en kindermishandeling. Onderwijsinstellingenvertegenwoordigers \
                en Aandachtsfunctionarissenbijeenkomstenverslaglegging zijn lange woorden. "
        .repeat(3);
    for font in [Font::Regular, Font::Bold, Font::Oblique] {
        for size in [8.0, 9.0, 10.0, 13.0, 20.0] {
            for width in [40.0, 61.5, 100.0, 217.3, 481.9] {
                let lines = wrap(&text, font, size, width);
                assert!(lines.len() > 1);
                for line in &lines {
                    let w = text_width(line, font, size);
                    assert!(
                        w <= width + 1e-3,
                        "{font:?} {size} {width}: {line:?} is {w}"
                    );
                    assert!(!line.starts_with(' ') && !line.ends_with(' '));
                }
                // Nothing lost or reordered: only spaces differ (long words are cut).
                let squeeze = |s: &str| s.split_whitespace().collect::<String>();
                assert_eq!(squeeze(&lines.concat()), squeeze(&text));
            }
        }
    }
}

#[test]
fn widths_are_the_helvetica_metrics() {
    // From the AFM files: H 722, e 556, l 222, o 556 in Helvetica; in bold l 278, o 611;
    // ë ö ü 556 and the narrow ï 278.
    assert!((text_width("Hello", Font::Regular, 1000.0) - 2278.0).abs() < 0.01);
    assert!((text_width("Hello", Font::Bold, 1000.0) - 2445.0).abs() < 0.01);
    assert!(
        (text_width("€–‘’“”", Font::Regular, 1000.0) - (556.0 + 556.0 + 222.0 * 2.0 + 333.0 * 2.0))
            .abs()
            < 0.01
    );
    assert!((text_width("ëïöü", Font::Regular, 10.0) - 19.46).abs() < 0.01);
}
