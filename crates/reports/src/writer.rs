//! Serialises laid-out pages as PDF 1.4: objects, uncompressed content streams, the
//! cross-reference table and the trailer.

use std::fmt::Write as _;

use crate::Document;
use crate::layout::{HEADER_GRAY, Op, PAGE_HEIGHT, PAGE_WIDTH, RULE_GRAY};
use crate::metrics::Font;

/// Fixed object numbers; page k (from 0) is object `FIRST_PAGE + 2k`, its content the next one.
const CATALOG: usize = 1;
const PAGES: usize = 2;
const FIRST_FONT: usize = 3;
const INFO: usize = 6;
const FIRST_PAGE: usize = 7;

/// A number as PDF wants it: at most two decimals, no exponent, no trailing zeros.
pub(crate) fn num(value: f32) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text.is_empty() {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A literal string of WinAnsi bytes. `(`, `)` and `\` are escaped; bytes outside printable
/// ASCII are written as octal escapes so the file stays 7-bit apart from its binary marker.
pub(crate) fn literal(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('(');
    for b in bytes {
        match b {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(char::from(*b));
            }
            0x20..=0x7E => out.push(char::from(*b)),
            _ => {
                let _ = write!(out, "\\{b:03o}");
            }
        }
    }
    out.push(')');
    out
}

/// A text string for the document information dictionary. Those are PDFDocEncoding or UTF-16BE,
/// not WinAnsi, so anything beyond ASCII goes as UTF-16BE with a byte order mark.
fn text_string(text: &str) -> String {
    if text.chars().all(|c| (' '..='~').contains(&c)) {
        return literal(text.as_bytes());
    }
    let mut out = String::from("<FEFF");
    for unit in text.encode_utf16() {
        let _ = write!(out, "{unit:04X}");
    }
    out.push('>');
    out
}

fn content_stream(ops: &[Op]) -> String {
    let mut out = String::new();
    for op in ops {
        match op {
            Op::Text {
                font,
                size,
                x,
                y,
                bytes,
            } => {
                let _ = writeln!(
                    out,
                    "BT /{} {} Tf {} {} Td {} Tj ET",
                    font.resource(),
                    num(*size),
                    num(*x),
                    num(*y),
                    literal(bytes)
                );
            }
            Op::Rule { x1, x2, y } => {
                let _ = writeln!(
                    out,
                    "{} G 0.5 w {} {} m {} {} l S",
                    num(RULE_GRAY),
                    num(*x1),
                    num(*y),
                    num(*x2),
                    num(*y)
                );
            }
            Op::Fill { x, y, w, h } => {
                let _ = writeln!(
                    out,
                    "{} g {} {} {} {} re f 0 g",
                    num(HEADER_GRAY),
                    num(*x),
                    num(*y),
                    num(*w),
                    num(*h)
                );
            }
        }
    }
    out
}

struct Writer {
    out: Vec<u8>,
    /// Byte offset of each object, indexed by object number (0 is the free-list head).
    offsets: Vec<usize>,
}

impl Writer {
    fn object(&mut self, number: usize, body: &str) {
        if self.offsets.len() <= number {
            self.offsets.resize(number + 1, 0);
        }
        if let Some(slot) = self.offsets.get_mut(number) {
            *slot = self.out.len();
        }
        self.out
            .extend_from_slice(format!("{number} 0 obj\n{body}\nendobj\n").as_bytes());
    }
}

pub(crate) fn write(document: &Document, pages: &[Vec<Op>]) -> Vec<u8> {
    let mut w = Writer {
        out: Vec::new(),
        offsets: Vec::new(),
    };
    // The second line has bytes above 127 so that transfer tools treat the file as binary.
    w.out.extend_from_slice(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");

    w.object(CATALOG, &format!("<< /Type /Catalog /Pages {PAGES} 0 R >>"));
    let kids: Vec<String> = (0..pages.len())
        .map(|k| format!("{} 0 R", FIRST_PAGE + 2 * k))
        .collect();
    w.object(
        PAGES,
        &format!(
            "<< /Type /Pages /Kids [{}] /Count {} /MediaBox [0 0 {} {}] >>",
            kids.join(" "),
            pages.len(),
            num(PAGE_WIDTH),
            num(PAGE_HEIGHT)
        ),
    );
    for (i, font) in Font::ALL.iter().enumerate() {
        w.object(
            FIRST_FONT + i,
            &format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding >>",
                font.base_font()
            ),
        );
    }
    let mut info = format!(
        "<< /Title {} /Author {} /Producer (Schakel)",
        text_string(&document.title),
        text_string(&document.author)
    );
    if let Some(date) = &document.created {
        let _ = write!(info, " /CreationDate {}", literal(date.as_bytes()));
    }
    info.push_str(" >>");
    w.object(INFO, &info);

    let fonts: Vec<String> = Font::ALL
        .iter()
        .enumerate()
        .map(|(i, f)| format!("/{} {} 0 R", f.resource(), FIRST_FONT + i))
        .collect();
    let resources = format!("<< /Font << {} >> >>", fonts.join(" "));
    for (k, ops) in pages.iter().enumerate() {
        let page = FIRST_PAGE + 2 * k;
        w.object(
            page,
            &format!(
                "<< /Type /Page /Parent {PAGES} 0 R /Resources {resources} /Contents {} 0 R >>",
                page + 1
            ),
        );
        let stream = content_stream(ops);
        w.object(
            page + 1,
            &format!(
                "<< /Length {} >>\nstream\n{stream}\nendstream",
                stream.len()
            ),
        );
    }

    let xref = w.out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", w.offsets.len());
    for offset in w.offsets.iter().skip(1) {
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root {CATALOG} 0 R /Info {INFO} 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        w.offsets.len()
    );
    w.out.extend_from_slice(table.as_bytes());
    w.out
}
