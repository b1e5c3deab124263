//! Places the blocks of a document on A4 pages: line wrapping, page breaks, tables, footers.

use crate::metrics::{Font, bytes_width, wrap_bytes};
use crate::{Block, Document, Table};

/// A4 portrait in points (210 × 297 mm).
pub(crate) const PAGE_WIDTH: f32 = 595.28;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
/// 20 mm left and right and at the top.
pub(crate) const MARGIN_X: f32 = 56.69;
const MARGIN_TOP: f32 = 56.69;
/// 25 mm at the bottom, which leaves room below the text for two footer lines.
const MARGIN_BOTTOM: f32 = 70.87;
pub(crate) const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
const TOP_Y: f32 = PAGE_HEIGHT - MARGIN_TOP;

const TITLE_SIZE: f32 = 20.0;
const BODY_SIZE: f32 = 10.0;
const BODY_LEADING: f32 = 13.0;
const BLOCK_GAP: f32 = 6.0;
const TABLE_SIZE: f32 = 9.0;
const TABLE_LEADING: f32 = 11.0;
const CELL_PAD: f32 = 3.0;
const FOOTER_SIZE: f32 = 8.0;
const FOOTER_LEADING: f32 = 10.0;
const FOOTER_BASELINE: f32 = MARGIN_BOTTOM - 24.0;
/// Gray levels (0 black, 1 white) of the table header band and of the rules.
pub(crate) const HEADER_GRAY: f32 = 0.9;
pub(crate) const RULE_GRAY: f32 = 0.6;

/// One drawing operation on a page, in PDF user space (origin bottom left, points).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    /// A line of WinAnsi text with its baseline starting at (x, y).
    Text {
        font: Font,
        size: f32,
        x: f32,
        y: f32,
        bytes: Vec<u8>,
    },
    /// A thin horizontal rule.
    Rule { x1: f32, x2: f32, y: f32 },
    /// A gray rectangle behind a table header.
    Fill { x: f32, y: f32, w: f32, h: f32 },
}

struct Layout {
    pages: Vec<Vec<Op>>,
    /// Top of the free space on the current page.
    y: f32,
}

impl Layout {
    fn new() -> Self {
        Layout {
            pages: vec![Vec::new()],
            y: TOP_Y,
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP_Y;
    }

    fn at_page_top(&self) -> bool {
        (self.y - TOP_Y).abs() < f32::EPSILON
    }

    fn space_left(&self) -> f32 {
        self.y - MARGIN_BOTTOM
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty, where
    /// a new page would not help).
    fn ensure(&mut self, height: f32) {
        if height > self.space_left() + 0.01 && !self.at_page_top() {
            self.new_page();
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    fn text(&mut self, font: Font, size: f32, x: f32, baseline: f32, bytes: Vec<u8>) {
        if !bytes.is_empty() {
            self.push(Op::Text {
                font,
                size,
                x,
                y: baseline,
                bytes,
            });
        }
    }

    /// Lines set one below the other; a paragraph may continue on the next page.
    fn lines(&mut self, lines: Vec<Vec<u8>>, font: Font, size: f32, leading: f32, x: f32) {
        for line in lines {
            self.ensure(leading);
            self.text(font, size, x, self.y - size, line);
            self.y -= leading;
        }
    }

    fn gap(&mut self, height: f32) {
        if !self.at_page_top() {
            self.y -= height;
        }
    }

    fn title(&mut self, title: &str) {
        let leading = TITLE_SIZE * 1.2;
        let lines = wrap_bytes(title, Font::Bold, TITLE_SIZE, CONTENT_WIDTH);
        self.lines(lines, Font::Bold, TITLE_SIZE, leading, MARGIN_X);
        self.y -= 2.0 * BLOCK_GAP;
    }

    fn heading(&mut self, level: u8, text: &str) {
        let size = match level {
            0 | 1 => 16.0,
            2 => 13.0,
            _ => 11.0,
        };
        let leading = size * 1.25;
        let lines = wrap_bytes(text, Font::Bold, size, CONTENT_WIDTH);
        self.gap(size * 0.6);
        // Keep a heading with the first lines of what follows it.
        self.ensure(leading * lines.len() as f32 + 3.0 * BODY_LEADING);
        self.lines(lines, Font::Bold, size, leading, MARGIN_X);
        self.y -= size * 0.3;
    }

    fn paragraph(&mut self, text: &str, font: Font) {
        let lines = wrap_bytes(text, font, BODY_SIZE, CONTENT_WIDTH);
        self.lines(lines, font, BODY_SIZE, BODY_LEADING, MARGIN_X);
        self.y -= BLOCK_GAP;
    }

    /// "Label: value" with the value continuing under itself (a hanging indent) when the label is
    /// short, and on the next line when the label takes most of the width.
    fn label_value(&mut self, label: &str, value: &str) {
        let mut label_bytes = crate::metrics::encode(label.trim_end());
        label_bytes.extend_from_slice(b": ");
        let label_width = bytes_width(&label_bytes, Font::Bold, BODY_SIZE);
        let hanging = label_width <= CONTENT_WIDTH * 0.4;
        if hanging {
            let value_x = MARGIN_X + label_width;
            let lines = wrap_bytes(value, Font::Regular, BODY_SIZE, CONTENT_WIDTH - label_width);
            for (i, line) in lines.into_iter().enumerate() {
                self.ensure(BODY_LEADING);
                let baseline = self.y - BODY_SIZE;
                if i == 0 {
                    self.text(
                        Font::Bold,
                        BODY_SIZE,
                        MARGIN_X,
                        baseline,
                        label_bytes.clone(),
                    );
                }
                self.text(Font::Regular, BODY_SIZE, value_x, baseline, line);
                self.y -= BODY_LEADING;
            }
        } else {
            let label_text = crate::metrics::decode(&label_bytes);
            let label_lines =
                wrap_bytes(label_text.trim_end(), Font::Bold, BODY_SIZE, CONTENT_WIDTH);
            self.lines(label_lines, Font::Bold, BODY_SIZE, BODY_LEADING, MARGIN_X);
            let lines = wrap_bytes(value, Font::Regular, BODY_SIZE, CONTENT_WIDTH);
            self.lines(lines, Font::Regular, BODY_SIZE, BODY_LEADING, MARGIN_X);
        }
        self.y -= 2.0;
    }

    fn table(&mut self, table: &Table) {
        let geometry = TableGeometry::new(table);
        if geometry.columns.is_empty() {
            return;
        }
        let header = geometry.wrap_row(table.columns.iter().map(|c| c.0.as_str()), Font::Bold);
        let header_height = row_height(&header);
        let rows: Vec<Vec<Vec<Vec<u8>>>> = table
            .rows
            .iter()
            .map(|r| geometry.wrap_row(r.iter().map(String::as_str), Font::Regular))
            .collect();

        self.gap(BLOCK_GAP);
        // Never leave a header alone at the bottom of a page: it goes with the first row (or as
        // much of a very tall first row as a page holds).
        let first = rows.first().map_or(0.0, |r| row_height(r));
        let page_room = TOP_Y - MARGIN_BOTTOM - header_height;
        self.ensure(header_height + first.min(page_room));
        self.table_header(&geometry, &header, header_height);

        let mut fresh = true; // only the header is on this page so far
        for row in rows {
            let mut rest = row;
            loop {
                let height = row_height(&rest);
                if height <= self.space_left() + 0.01 {
                    self.table_row(&geometry, &rest, height, Font::Regular);
                    fresh = false;
                    break;
                }
                if !fresh {
                    // The row does not fit: it moves whole to the next page, under the header.
                    self.new_page_with_header(&geometry, &header, header_height);
                    fresh = true;
                    continue;
                }
                // The row is taller than a whole page: the only way out is to split it where
                // the page ends and continue it under the header on the next page.
                let fit = ((self.space_left() - 2.0 * CELL_PAD) / TABLE_LEADING).floor();
                let fit = fit.max(1.0) as usize;
                let (now, later): (Vec<_>, Vec<_>) = rest
                    .into_iter()
                    .map(|mut cell| {
                        let tail = cell.split_off(fit.min(cell.len()));
                        (cell, tail)
                    })
                    .unzip();
                self.table_row(&geometry, &now, row_height(&now), Font::Regular);
                rest = later;
                self.new_page_with_header(&geometry, &header, header_height);
            }
        }
        self.y -= BLOCK_GAP;
    }
}

impl Layout {
    fn new_page_with_header(
        &mut self,
        geometry: &TableGeometry,
        header: &[Vec<Vec<u8>>],
        height: f32,
    ) {
        self.new_page();
        self.table_header(geometry, header, height);
    }

    fn table_header(&mut self, geometry: &TableGeometry, header: &[Vec<Vec<u8>>], height: f32) {
        self.push(Op::Fill {
            x: MARGIN_X,
            y: self.y - height,
            w: CONTENT_WIDTH,
            h: height,
        });
        self.table_row(geometry, header, height, Font::Bold);
    }

    /// One row of cells, each cell's lines from the top, and a rule under the row.
    fn table_row(
        &mut self,
        geometry: &TableGeometry,
        cells: &[Vec<Vec<u8>>],
        height: f32,
        font: Font,
    ) {
        for (column, lines) in geometry.columns.iter().zip(cells) {
            let mut top = self.y - CELL_PAD;
            for line in lines {
                self.text(
                    font,
                    TABLE_SIZE,
                    column.x + CELL_PAD,
                    top - TABLE_SIZE,
                    line.clone(),
                );
                top -= TABLE_LEADING;
            }
        }
        self.y -= height;
        self.push(Op::Rule {
            x1: MARGIN_X,
            x2: MARGIN_X + CONTENT_WIDTH,
            y: self.y,
        });
    }
}

struct Column {
    x: f32,
    width: f32,
}

struct TableGeometry {
    columns: Vec<Column>,
}

impl TableGeometry {
    /// Column widths from the fractions, scaled to fill the text width; if the fractions are
    /// unusable (none positive, or not finite) the columns share it equally.
    fn new(table: &Table) -> Self {
        let fractions: Vec<f32> = table
            .columns
            .iter()
            .map(|c| {
                if c.1.is_finite() && c.1 > 0.0 {
                    c.1
                } else {
                    0.0
                }
            })
            .collect();
        let total: f32 = fractions.iter().sum();
        let count = fractions.len().max(1) as f32;
        let mut x = MARGIN_X;
        let columns = fractions
            .iter()
            .map(|f| {
                let width = if total > 0.0 {
                    CONTENT_WIDTH * f / total
                } else {
                    CONTENT_WIDTH / count
                };
                let column = Column { x, width };
                x += width;
                column
            })
            .collect();
        TableGeometry { columns }
    }

    /// The wrapped lines of each cell; missing cells are empty and extra cells are dropped.
    fn wrap_row<'a>(&self, cells: impl Iterator<Item = &'a str>, font: Font) -> Vec<Vec<Vec<u8>>> {
        let mut cells = cells;
        self.columns
            .iter()
            .map(|column| {
                let text = cells.next().unwrap_or("");
                let inner = (column.width - 2.0 * CELL_PAD).max(1.0);
                wrap_bytes(text, font, TABLE_SIZE, inner)
            })
            .collect()
    }
}

fn row_height(cells: &[Vec<Vec<u8>>]) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    lines as f32 * TABLE_LEADING + 2.0 * CELL_PAD
}

/// "Pagina N van M" at the right of every page and the document's footer text at the left.
fn footers(pages: &mut [Vec<Op>], footer: &str) {
    let total = pages.len();
    let widest = crate::metrics::encode(&format!("Pagina {total} van {total}"));
    let number_room = bytes_width(&widest, Font::Regular, FOOTER_SIZE) + 12.0;
    let footer_lines = wrap_bytes(
        footer,
        Font::Oblique,
        FOOTER_SIZE,
        CONTENT_WIDTH - number_room,
    );
    for (i, page) in pages.iter_mut().enumerate() {
        let label = crate::metrics::encode(&format!("Pagina {} van {total}", i + 1));
        let width = bytes_width(&label, Font::Regular, FOOTER_SIZE);
        page.push(Op::Rule {
            x1: MARGIN_X,
            x2: MARGIN_X + CONTENT_WIDTH,
            y: FOOTER_BASELINE + FOOTER_SIZE + 4.0,
        });
        let mut baseline = FOOTER_BASELINE;
        for line in footer_lines.iter().filter(|l| !l.is_empty()) {
            page.push(Op::Text {
                font: Font::Oblique,
                size: FOOTER_SIZE,
                x: MARGIN_X,
                y: baseline,
                bytes: line.clone(),
            });
            baseline -= FOOTER_LEADING;
        }
        page.push(Op::Text {
            font: Font::Regular,
            size: FOOTER_SIZE,
            x: MARGIN_X + CONTENT_WIDTH - width,
            y: FOOTER_BASELINE,
            bytes: label,
        });
    }
}

/// The drawing operations of every page of the document, footers included.
pub(crate) fn layout(document: &Document) -> Vec<Vec<Op>> {
    let mut layout = Layout::new();
    if !document.title.trim().is_empty() {
        layout.title(&document.title);
    }
    for block in &document.blocks {
        match block {
            Block::Heading(level, text) => layout.heading(*level, text),
            Block::Paragraph(text) => layout.paragraph(text, Font::Regular),
            Block::Note(text) => layout.paragraph(text, Font::Oblique),
            Block::LabelValue(label, value) => layout.label_value(label, value),
            Block::Table(table) => layout.table(table),
        }
    }
    footers(&mut layout.pages, &document.footer);
    layout.pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn busy_document() -> Document {
        let mut doc = Document::new(
            "Halfjaarlijkse voortgangsrapportage van het regionale actieprogramma ‘Geweld hoort nergens thuis’",
        );
        doc.footer("Bevat geen persoonsgegevens van cliënten. Gegenereerd door Schakel.");
        for i in 0..12 {
            doc.heading(1 + (i % 3) as u8, format!("Actielijn {i}: eerder en beter in beeld, stoppen en duurzaam oplossen"))
                .paragraph("Deskundigheidsbevordering van professionals in zorg, onderwijs en politie; Onderwijsinstellingenvertegenwoordigersoverleg. ".repeat(4))
                .note("Toelichting van de projectleider bij de stand van zaken.")
                .label_value("Trekker", "Werkgroep Signaleren en ondersteunen, met een lange toelichting die over meer dan één regel doorloopt")
                .label_value("Een heel lang label dat het grootste deel van de regel inneemt, zodat", "de waarde eronder komt");
            let mut table = Table::new([("Wat", 0.3), ("Hoe", 0.5), ("Wanneer", 0.2)]);
            for j in 0..15 {
                table.row([
                    format!("Thema {j}"),
                    "Scholing van aandachtsfunctionarissen over de meldcode en het afwegingskader"
                        .to_owned(),
                    "2019/2020".to_owned(),
                ]);
            }
            doc.table(table);
        }
        doc
    }

    #[test]
    fn all_text_stays_inside_the_margins() {
        let pages = layout(&busy_document());
        assert!(pages.len() > 5);
        let right = PAGE_WIDTH - MARGIN_X + 1e-3;
        for (n, page) in pages.iter().enumerate() {
            let texts: Vec<_> = page
                .iter()
                .filter_map(|op| match op {
                    Op::Text {
                        font,
                        size,
                        x,
                        y,
                        bytes,
                    } => Some((*font, *size, *x, *y, bytes)),
                    _ => None,
                })
                .collect();
            // The footer is the last texts on the page; everything before it is body text.
            let footer_start = texts
                .iter()
                .rposition(|t| t.3 >= MARGIN_BOTTOM)
                .map_or(0, |p| p + 1);
            for (i, (font, size, x, y, bytes)) in texts.iter().enumerate() {
                let end = x + bytes_width(bytes, *font, *size);
                assert!(
                    *x >= MARGIN_X - 1e-3 && end <= right,
                    "page {n}: {x}..{end}"
                );
                assert!(*y <= TOP_Y, "page {n}: text above the top margin at {y}");
                if i < footer_start {
                    // Descenders stay above the bottom margin.
                    assert!(y - 0.25 * size >= MARGIN_BOTTOM - 1e-3, "page {n}: {y}");
                } else {
                    assert!(*y > 0.0 && *y < MARGIN_BOTTOM, "page {n}: footer at {y}");
                }
            }
        }
    }

    #[test]
    fn table_cells_stay_inside_their_columns() {
        let table = {
            let mut t = Table::new([("Eerste kolom", 0.2), ("Tweede", 0.0), ("Derde", 3.0)]);
            t.row([
                "Aandachtsfunctionarissenbijeenkomst",
                "leeg",
                "een wat langere tekst die wrapt",
            ]);
            t
        };
        let geometry = TableGeometry::new(&table);
        let widths: Vec<f32> = geometry.columns.iter().map(|c| c.width).collect();
        assert!((widths.iter().sum::<f32>() - CONTENT_WIDTH).abs() < 0.01);
        assert!(
            widths[1].abs() < f32::EPSILON,
            "a zero share is a zero-width column"
        );
        let cells = geometry.wrap_row(table.rows[0].iter().map(String::as_str), Font::Regular);
        for (column, lines) in geometry.columns.iter().zip(&cells) {
            for line in lines {
                if line.len() > 1 {
                    assert!(
                        bytes_width(line, Font::Regular, TABLE_SIZE)
                            <= column.width - 2.0 * CELL_PAD + 1e-3
                    );
                }
            }
        }
    }

    #[test]
    fn unusable_fractions_share_the_width_equally() {
        let geometry = TableGeometry::new(&Table::new([("a", f32::NAN), ("b", -1.0)]));
        assert!((geometry.columns[0].width - CONTENT_WIDTH / 2.0).abs() < 0.01);
        assert!((geometry.columns[1].x - (MARGIN_X + CONTENT_WIDTH / 2.0)).abs() < 0.01);
    }
}
