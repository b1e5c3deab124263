//! Writes a sample progress appendix to the path given (default `sample.pdf`), to look at the
//! layout in a reader or check the file with `qpdf --check` and `pdftotext`.

use schakel_reports::{Document, Table};
use time::macros::datetime;

fn main() -> std::io::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "sample.pdf".to_owned());
    let mut doc = Document::new("Voortgangsrapportage actieprogramma 2019–2021, tweede helft 2026");
    doc.created_at(datetime!(2026-11-29 18:30:00 +01:00))
        .footer("Bevat geen persoonsgegevens van cliënten")
        .paragraph(
            "Deze bijlage geeft per actielijn de stand van de acties, met de opmerkingen van de \
             trekkers en de wijzigingen sinds de vorige ronde (‘peildatum’ 1 juli).",
        )
        .label_value("Opdrachtgever", "Bestuurscommissie")
        .label_value(
            "Budget projectleider",
            "€ 85.000 per jaar (DUVO – centrumgemeente)",
        );
    for line in 1..=3 {
        doc.heading(1, format!("Actielijn {line}: “Eerder en beter in beeld”"))
            .heading(2, "Wat: deskundigheid van professionals")
            .note("Toelichting: de werkgroep heeft de planning herzien; één actie is vervallen.");
        let mut table = Table::new([
            ("Hoe", 0.45),
            ("Wanneer", 0.15),
            ("Trekker", 0.2),
            ("Status", 0.2),
        ]);
        for i in 1..=40 {
            table.row([
                format!("Actie {line}.{i}: scholing van aandachtsfunctionarissen (meldcode \\ afwegingskader)"),
                "2019/2020".to_owned(),
                format!("Werkgroep {}", i % 4 + 1),
                if i % 3 == 0 { "vertraagd" } else { "loopt" }.to_owned(),
            ]);
        }
        doc.table(table);
    }
    std::fs::write(&path, doc.render())?;
    println!("{path}: {} pages", doc.page_count());
    Ok(())
}
