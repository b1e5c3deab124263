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
