# Te doen, zoeken, casusnummers en toewijzen (issue 7, "Fit for daily work").

event-assigned = Toegewezen
error-assign-not-member = Kies een medewerker van de eigen organisatie.
error-search-empty = Vul een naam, geboortedatum, BSN of casusnummer in.
error-search-too-long = Gebruik hoogstens 200 tekens.
error-search-bsn = Dit is geen geldig BSN (9 cijfers, elfproef).
error-search-word = Gebruik woorden van een naam, een datum als 29-11-2026, een BSN of een casusnummer als VT-2026-00123.
error-queue-flag = Kies aan (1) of uit (0).
error-queue-choose = Kies een van de mogelijkheden.

worklist-intro = Wat uw organisatie moet doen. Acute zaken staan bovenaan, daarna de vroegste termijn.
worklist-totals = Totalen per taak
worklist-overdue-count = { $n } verlopen
worklist-filters = Filteren
worklist-all = Alle
worklist-gemeente = Gemeente
worklist-assigned = Toegewezen aan
worklist-assigned-me = Aan mij
worklist-unassigned = Niemand
worklist-acute-only = Alleen acuut
worklist-overdue-only = Alleen verlopen
worklist-filter = Toon
worklist-clear = Alle filters wissen
worklist-matching = { $n ->
    [one] 1 taak
   *[other] { $n } taken
}
worklist-acute = Acuut
worklist-page = Pagina { $n }
worklist-load = Belasting per medewerker
worklist-worker = Medewerker
worklist-open-cases = Open casussen
worklist-items = Taken
worklist-kind-urgentie = Urgentie inschatten
worklist-kind-acute-actie = Acute actie
worklist-kind-veiligheidsbeoordeling = Veiligheidsbeoordeling
worklist-kind-overdracht-accepteren = Overdracht accepteren of weigeren
worklist-kind-overdracht-wacht = Overdracht wacht op acceptatie
worklist-kind-monitoringsmoment = Monitoringsmoment
worklist-kind-onderzoek = Onderzoek afronden
worklist-kind-terugkoppeling = Terugkoppeling aan melder

search-title = Zoeken
search-label = Zoek een casus
search-hint = Naam (of een deel), geboortedatum (29-11-2026), BSN of casusnummer (VT-2026-00123).
search-button = Zoeken
search-results = { $n ->
    [one] 1 casus gevonden
   *[other] { $n } casussen gevonden
}
search-none = Geen casus gevonden die u mag inzien.
search-placeholder = Naam, geboortedatum, BSN of casusnummer

home-showing-open = Alleen open casussen.
home-show-closed = Toon ook gesloten casussen
home-showing-all = Open en gesloten casussen.
home-show-open-only = Toon alleen open casussen
worklist-assign-to = Toewijzen aan
worklist-assign = Toewijzen
error-queue-page = Kies een paginanummer.
