//! Reads the text back out of a PDF this crate wrote, for tests here and in the crates that
//! serve the documents. It is not a general PDF reader: it expects uncompressed content streams
//! with a direct `/Length`, and text shown with `Tj` in WinAnsi, which is what the writer makes.

use crate::metrics::decode;

/// The text of each page, in drawing order, one line per text-showing operation.
///
/// A wrapped paragraph therefore comes back as several lines; table cells come back one line
/// per cell line, row by row. Streams that are compressed or otherwise filtered are skipped.
#[doc(hidden)]
pub fn extract_pages(pdf: &[u8]) -> Vec<String> {
    content_streams(pdf)
        .into_iter()
        .map(|stream| {
            let mut text = String::new();
            for line in shown_strings(stream) {
                text.push_str(&decode(&line));
                text.push('\n');
            }
            text
        })
        .collect()
}

/// The text of the whole document: the pages of [`extract_pages`], each ended by a form feed
/// (`\u{c}`), as `pdftotext` does.
#[doc(hidden)]
pub fn extract_text(pdf: &[u8]) -> String {
    let mut text = String::new();
    for page in extract_pages(pdf) {
        text.push_str(&page);
        text.push('\u{c}');
    }
    text
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn rfind(haystack: &[u8], needle: &[u8], before: usize) -> Option<usize> {
    haystack
        .get(..before)?
        .windows(needle.len())
        .rposition(|w| w == needle)
}

/// The data of every unfiltered stream, in file order (the writer puts pages in order).
fn content_streams(pdf: &[u8]) -> Vec<&[u8]> {
    let mut streams = Vec::new();
    let mut at = 0;
    while let Some(keyword) = find(pdf, b"stream", at) {
        at = keyword + b"stream".len();
        if keyword >= 3 && pdf.get(keyword - 3..keyword) == Some(b"end") {
            continue;
        }
        let Some(dict_start) = rfind(pdf, b"<<", keyword) else {
            continue;
        };
        let dict = pdf.get(dict_start..keyword).unwrap_or_default();
        if find(dict, b"/Filter", 0).is_some() {
            continue;
        }
        let Some(length) = find(dict, b"/Length", 0).and_then(|p| number_at(dict, p + 7)) else {
            continue;
        };
        // The keyword is followed by CRLF or LF before the data.
        let mut data = at;
        if pdf.get(data) == Some(&b'\r') {
            data += 1;
        }
        if pdf.get(data) == Some(&b'\n') {
            data += 1;
        }
        if let Some(bytes) = pdf.get(data..data + length) {
            streams.push(bytes);
            at = data + length;
        }
    }
    streams
}

fn number_at(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let digits: Vec<u8> = rest
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .copied()
        .collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

/// The operands of every `Tj` in a content stream, unescaped.
fn shown_strings(stream: &[u8]) -> Vec<Vec<u8>> {
    let mut shown = Vec::new();
    let mut last_string: Option<Vec<u8>> = None;
    let mut i = 0;
    while let Some(&b) = stream.get(i) {
        match b {
            b'(' => {
                let (string, next) = literal_string(stream, i + 1);
                last_string = Some(string);
                i = next;
            }
            b'%' => {
                while stream.get(i).is_some_and(|c| *c != b'\n' && *c != b'\r') {
                    i += 1;
                }
            }
            b if b.is_ascii_alphabetic() || b == b'\'' || b == b'"' => {
                let start = i;
                while stream.get(i).is_some_and(|c| {
                    c.is_ascii_alphanumeric() || *c == b'*' || *c == b'\'' || *c == b'"'
                }) {
                    i += 1;
                }
                let operator = stream.get(start..i).unwrap_or_default();
                if matches!(operator, b"Tj" | b"'" | b"\"") {
                    if let Some(string) = last_string.take() {
                        shown.push(string);
                    }
                } else {
                    last_string = None;
                }
            }
            _ => i += 1,
        }
    }
    shown
}

/// A literal string starting just after its `(`: the bytes and the position after its `)`.
fn literal_string(stream: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut depth = 0usize;
    while let Some(&b) = stream.get(i) {
        i += 1;
        match b {
            b'\\' => {
                let Some(&next) = stream.get(i) else { break };
                i += 1;
                match next {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(0x08),
                    b'f' => out.push(0x0C),
                    b'0'..=b'7' => {
                        let mut value = u32::from(next - b'0');
                        for _ in 0..2 {
                            match stream.get(i) {
                                Some(d @ b'0'..=b'7') => {
                                    value = value * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push(u8::try_from(value & 0xFF).unwrap_or(b'?'));
                    }
                    // A backslash before a line end continues the string on the next line.
                    b'\n' => {}
                    b'\r' => {
                        if stream.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    other => out.push(other),
                }
            }
            b'(' => {
                depth += 1;
                out.push(b);
            }
            b')' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
                out.push(b);
            }
            _ => out.push(b),
        }
    }
    (out, i)
}
