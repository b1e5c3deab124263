//! Printable reports of Schakel. For now: a small PDF writer for documents such as the programme's
//! half-yearly progress appendix (issue 12).
//!
//! A [`Document`] is a title and a list of blocks (headings, paragraphs, notes, "label: value"
//! lines, tables) that [`Document::render`] lays out on A4 portrait pages and writes as PDF 1.4.
//! Every page carries a footer with the document's footer text and "Pagina N van M".
//!
//! The text uses the standard Helvetica faces, which every PDF reader has, so nothing is
//! embedded and the files stay small. They are set in WinAnsiEncoding (Windows-1252), which holds
//! everything Dutch needs: é ë ï ö ü and the other Latin-1 letters, €, the en and em dash, and
//! the curly quotes ‘ ’ “ ”. **Characters outside WinAnsi are printed as `?`**: other scripts,
//! emoji, and letters written with a separate combining accent (normalise to NFC first).
//!
//! The output is deterministic: the same document gives the same bytes, with the creation date
//! only when one is given ([`Document::created_at`]).
//!
//! ```
//! use schakel_reports::{Document, Table};
//!
//! let mut doc = Document::new("Voortgangsrapportage actieprogramma");
//! doc.footer("Bevat geen persoonsgegevens van cliënten")
//!     .heading(1, "Actielijn 1 – Aanpak")
//!     .paragraph("De werkgroep heeft de ‘Handle with Care’-aanpak uitgerold.")
//!     .label_value("Status", "loopt");
//! let mut table = Table::new([("Actie", 0.6), ("Status", 0.4)]);
//! table.row(["Scholing aandachtsfunctionarissen", "afgerond"]);
//! doc.table(table);
//! let pdf = doc.render();
//! assert!(pdf.starts_with(b"%PDF-"));
//! assert!(schakel_reports::extract_text(&pdf).contains("Pagina 1 van 1"));
//! ```

mod extract;
mod layout;
mod metrics;
mod writer;

use time::OffsetDateTime;

#[doc(hidden)]
pub use extract::{extract_pages, extract_text};
pub use metrics::{Font, decode, encode, encode_char, text_width, wrap};

/// The usable text width of a page in points (A4 less 20 mm margins left and right), for callers
/// that measure with [`text_width`] or [`wrap`].
pub const TEXT_WIDTH: f32 = layout::CONTENT_WIDTH;

/// A document to render as PDF: a title, metadata, a footer and a list of blocks.
#[derive(Debug, Clone)]
pub struct Document {
    title: String,
    author: String,
    /// Already in PDF date form (`D:YYYYMMDDHHmmSS+HH'mm'`).
    created: Option<String>,
    footer: String,
    blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
enum Block {
    Heading(u8, String),
    Paragraph(String),
    Note(String),
    LabelValue(String, String),
    Table(Table),
}

impl Document {
    /// A document whose first page opens with `title` (also its /Title in the metadata). The
    /// author is "Schakel" until [`Document::author`] says otherwise.
    pub fn new(title: impl Into<String>) -> Self {
        Document {
            title: title.into(),
            author: "Schakel".to_owned(),
            created: None,
            footer: String::new(),
            blocks: Vec::new(),
        }
    }

    /// The /Author in the metadata.
    pub fn author(&mut self, author: impl Into<String>) -> &mut Self {
        self.author = author.into();
        self
    }

    /// The /CreationDate in the metadata, with its UTC offset. Without it the metadata has no
    /// date, so that the bytes depend only on the content.
    pub fn created_at(&mut self, at: OffsetDateTime) -> &mut Self {
        self.created = Some(pdf_date(at));
        self
    }

    /// Text at the bottom left of every page (for example that the document holds no personal
    /// data of clients); keep it to a line or two.
    pub fn footer(&mut self, text: impl Into<String>) -> &mut Self {
        self.footer = text.into();
        self
    }

    /// A bold heading; level 1 is the largest, levels above 3 are set as 3 and 0 as 1. A heading
    /// that would end up at the foot of a page moves to the next one with its text.
    pub fn heading(&mut self, level: u8, text: impl Into<String>) -> &mut Self {
        self.blocks
            .push(Block::Heading(level.clamp(1, 3), text.into()));
        self
    }

    /// Body text wrapped to the page width. Line breaks (`\n`) in the text are kept.
    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Paragraph(text.into()));
        self
    }

    /// A paragraph in oblique type, for remarks and explanations beside the main text.
    pub fn note(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Note(text.into()));
        self
    }

    /// A line "label: value" with the label in bold; a long value wraps under itself.
    pub fn label_value(&mut self, label: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.blocks
            .push(Block::LabelValue(label.into(), value.into()));
        self
    }

    /// A table across the text width (see [`Table`]).
    pub fn table(&mut self, table: Table) -> &mut Self {
        self.blocks.push(Block::Table(table));
        self
    }

    /// The document as the bytes of a PDF file.
    pub fn render(&self) -> Vec<u8> {
        let pages = layout::layout(self);
        writer::write(self, &pages)
    }

    /// How many pages [`Document::render`] makes of this document.
    pub fn page_count(&self) -> usize {
        layout::layout(self).len()
    }
}

/// A table: a bold header row on a gray band, then rows of cells whose text wraps within its
/// column. A row is never split over two pages unless it is taller than a page by itself; a row
/// that does not fit moves to the next page, where the header is repeated.
#[derive(Debug, Clone)]
pub struct Table {
    columns: Vec<(String, f32)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these columns: header text and share of the width. The shares are relative
    /// (they need not add up to 1); if none is a positive number the columns get equal widths.
    pub fn new<H: Into<String>>(columns: impl IntoIterator<Item = (H, f32)>) -> Self {
        Table {
            columns: columns.into_iter().map(|(h, f)| (h.into(), f)).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row. Missing cells at the end are left empty; cells beyond the columns are ignored.
    pub fn row<C: Into<String>>(&mut self, cells: impl IntoIterator<Item = C>) -> &mut Self {
        self.rows.push(cells.into_iter().map(Into::into).collect());
        self
    }

    /// The number of rows, header not counted.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table has no rows besides its header.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// `D:YYYYMMDDHHmmSS+HH'mm'`, the date format of PDF metadata (PDF 1.4, section 3.8.3).
fn pdf_date(at: OffsetDateTime) -> String {
    let offset = at.offset();
    let sign = if offset.is_negative() { '-' } else { '+' };
    format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}{sign}{:02}'{:02}'",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        offset.whole_hours().unsigned_abs(),
        offset.minutes_past_hour().unsigned_abs(),
    )
}
