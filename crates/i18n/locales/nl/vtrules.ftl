# Issue 7, rule breaches 1, 2, 3 and 8: every melding assessed, conditions that travel, receivers
# that can receive, unanswered handovers escalate.

event-follow-up-revised = Besluit over het vervolg herzien

deadline-vtrules-overdracht-onbeantwoord = Geëscaleerd: overdracht niet beantwoord binnen de termijn
deadline-vtrules-nieuwe-ontvanger = Overdracht geweigerd: nieuwe ontvanger zoeken
deadline-vtrules-melding-urgentie = Urgentie beoordelen van melding { $n }
deadline-vtrules-melding-acute-actie = Acute melding { $n }: direct handelen
deadline-vtrules-melding-beoordeling = Veiligheidsbeoordeling afronden van melding { $n }
deadline-vtrules-nieuwe-melding = Nieuwe melding { $n } bij Veilig Thuis: wordt beoordeeld

error-vtrules-receiver-unknown = kies een organisatie uit de lijst; deze organisatie bestaat niet
error-vtrules-receiver-cannot-take-regie = een organisatie van het soort { $kind } kan geen regie over een casus overnemen
error-vtrules-receiver-does-not-fit-track = een organisatie van het soort { $kind } past niet bij het vervolgtraject '{ $track }'
error-vtrules-conditions-dropped-need-reason = geef een reden om deze veiligheidsvoorwaarden niet mee te geven: { $conditions }
error-vtrules-decision-revise-with-reason = Er is al een besluit over het vervolg. Herzie het besluit met een reden.
error-vtrules-revision-not-now = Een besluit kan alleen worden herzien zolang Veilig Thuis de casus heeft en er geen overdracht openstaat.
error-vtrules-melding-position = de volgorde van de meldingen klopt niet; laad de casus opnieuw
error-vtrules-melding-unknown = deze melding hoort niet bij de casus
error-vtrules-melding-urgency-done = De urgentie van deze melding is al beoordeeld.
error-vtrules-melding-urgency-first = Beoordeel eerst de urgentie van deze melding.
error-vtrules-melding-assessed = Deze melding is al beoordeeld.
error-vtrules-case-not-closable-melding-open = De casus kan niet worden gesloten: een melding wacht nog op haar veiligheidsbeoordeling.
error-vtrules-no-melding-waiting = er wacht geen melding op deze beoordeling
error-vtrules-org-unknown = deze organisatie bestaat niet

queue-vtrules-escalated = Geëscaleerd
case-vtrules-melding = Melding
case-vtrules-melding-n = Melding { $n }
case-vtrules-melding-hint = Welke melding? Standaard de oudste die nog wacht.
case-vtrules-dropped-reason = Reden om voorwaarden niet mee te geven
case-vtrules-dropped-reason-hint = Alleen nodig als u een besloten veiligheidsvoorwaarde weglaat.
case-vtrules-revise = Besluit herzien
case-vtrules-revise-reason = Reden van de herziening
