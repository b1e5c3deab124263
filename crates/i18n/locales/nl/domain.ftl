# Labels of the domain: the chain stages' event kinds, phases, code lists and deadlines.
# Keys are area-what; each stage names its own event kinds (event-<kind>).

## Event kinds, by stage
# intake
event-opened = Geregistreerd
event-intake-recorded = Advies of melding vastgelegd
event-converted-to-melding = Omgezet naar melding
event-converted-to-advies = Omgezet naar advies
# triage
event-urgency-assessed = Urgentie beoordeeld
event-safety-assessed = Veiligheidsbeoordeling
event-follow-up-decided = Vervolg besloten
event-onderzoek-completed = Onderzoek afgerond
event-instrument-scored = Risicotaxatie vastgelegd
# feedback to the reporter
event-feedback-given = Terugkoppeling gegeven
event-feedback-waived = Geen terugkoppeling
# handover
event-handover-offered = Overdracht aangeboden
event-handover-accepted = Overdracht aanvaard
event-handover-refused = Overdracht geweigerd
event-handover-withdrawn = Overdracht ingetrokken
# monitoring of the veiligheidsvoorwaarden
event-monitoring-recorded = Monitoring vastgelegd
event-re-escalated = Terug naar Veilig Thuis
event-monitoring-ended = Monitoring beëindigd
# the case as a whole
event-closed = Gesloten
event-reopened = Heropend
event-note-added = Notitie

## Phases, participations, organisation kinds, roles, access refusals, instruments, holidays
phase-advies = Advies
phase-intake = Intake
phase-beoordeling = Veiligheidsbeoordeling
phase-besloten = Vervolg besloten
phase-overdracht = Overdracht aangeboden
phase-overgedragen = Overgedragen
phase-monitoring = Monitoring
phase-gesloten = Gesloten
participation-accountable = verantwoordelijk
participation-contributor = werkt mee
participation-handover-receiver = overdracht aangeboden
participation-reporter = melder
participation-signal-recipient = Handle with Care-signaal
org-kind-veilig-thuis = Veilig Thuis
org-kind-lokaal-team = Lokaal team / wijkteam
org-kind-politie = Politie
org-kind-openbaar-ministerie = Openbaar Ministerie
org-kind-raad-kinderbescherming = Raad voor de Kinderbescherming
org-kind-gemeente = Gemeente / beleid
org-kind-school = School
org-kind-kinderopvang = Kinderopvang
org-kind-opvang = Opvang
org-kind-ggd = GGD
org-kind-zorg = Huisarts / zorg
org-kind-reclassering = Reclassering
org-kind-mda-team = MDA++-team
org-kind-programmabureau = Programmabureau
role-medewerker = Medewerker
role-teamleider = Teamleider / regiehouder
role-beheerder = Functioneel beheerder
role-privacy-officer = Privacy officer / logbeheerder
role-beleidsmedewerker = Beleidsmedewerker (alleen lezen)
role-school-contact = Contactpersoon school (Handle with Care)
deny-second-factor-required = Voor persoonsgegevens is inloggen met een tweede factor nodig.
deny-role-not-permitted = Uw rol geeft geen toegang tot deze gegevens.
deny-organisation-not-permitted = Uw organisatie heeft geen toegang tot deze gegevens.
deny-no-relation = Uw organisatie is niet betrokken bij deze casus.
deny-break-glass-reason-too-short = Geef een reden van minstens 10 tekens om zonder betrokkenheid toegang te krijgen.
deny-break-glass-only-for-reading = Noodtoegang geeft alleen leesrecht.
instrument-rihg = Risicotaxatie-instrument Huiselijk Geweld (RiHG)
instrument-care-nl = CARE-NL
instrument-b-safer = B-SAFER
instrument-dash = DASH-risicochecklist
instrument-triage-vt = Triage-instrument Veilig Thuis
holiday-nieuwjaarsdag = Nieuwjaarsdag
holiday-goede-vrijdag = Goede Vrijdag
holiday-eerste-paasdag = Eerste Paasdag
holiday-tweede-paasdag = Tweede Paasdag
holiday-koningsdag = Koningsdag
holiday-bevrijdingsdag = Bevrijdingsdag
holiday-hemelvaartsdag = Hemelvaartsdag
holiday-eerste-pinksterdag = Eerste Pinksterdag
holiday-tweede-pinksterdag = Tweede Pinksterdag
holiday-eerste-kerstdag = Eerste Kerstdag
holiday-tweede-kerstdag = Tweede Kerstdag
## CBS classes of a melding (85361NED) and deadlines
melding-class-eerste-melding = 1e melding
melding-class-hermelding = Hermelding
melding-class-vervolgmelding-tijdens-beoordeling = Vervolgmelding tijdens beoordeling
melding-class-vervolgmelding-na-beoordeling = Vervolgmelding na beoordeling
melding-class-vervolgmelding-tijdens-monitoring = Vervolgmelding tijdens monitoring
melding-class-niet-ingedeeld = Niet ingedeeld
deadline-urgentie = Urgentie beoordelen
deadline-acute-actie = Acute melding: direct handelen
deadline-veiligheidsbeoordeling = Veiligheidsbeoordeling afronden
deadline-overdracht-accepteren = Overdracht accepteren of weigeren
deadline-monitoringsmoment = Monitoringsmoment na { $moment }
deadline-onderzoek = Onderzoek afronden
deadline-terugkoppeling-na-beoordeling = Terugkoppeling aan melder na beoordeling
deadline-terugkoppeling-na-onderzoek = Terugkoppeling aan melder na onderzoek
