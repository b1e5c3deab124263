# Monitoring, the end of Veilig Thuis involvement and feedback to the reporter (issue 7, items 6, 7, 9).

## Item 6: the end of Veilig Thuis's involvement
phase-vt-beeindigd = Betrokkenheid Veilig Thuis beëindigd
event-vt-involvement-ended = Betrokkenheid Veilig Thuis beëindigd
involvement-end-handover-without-monitoring = Overdracht aanvaard zonder veiligheidsvoorwaarden om te monitoren
involvement-end-monitoring-ended = Monitoring beëindigd
error-involvement-end-not-allowed-org = Alleen Veilig Thuis of de organisatie die verantwoordelijk is, kan de betrokkenheid van Veilig Thuis beëindigen.
error-involvement-end-not-now = De betrokkenheid van Veilig Thuis eindigt pas als de casus is overgedragen en er niets meer te monitoren is.

## Item 7: recording a monitoring moment
error-monitoring-record-not-allowed-org = Alleen Veilig Thuis of de organisatie met de regie legt een monitoringsmoment vast.
error-monitoring-moment-already-recorded = Het moment „{ $moment }” is al vastgelegd.
error-monitoring-moment-not-due = Het moment „{ $moment }” is pas op { $due } aan de beurt. Geef een reden om het eerder vast te leggen.
participation-former-regie = Had de regie (alleen lezen)
deadline-terug-bij-veilig-thuis = Casus terug bij Veilig Thuis (u had de regie)
monitoring-former-regie-notice = Uw organisatie had de regie over deze casus. De casus is teruggegaan naar Veilig Thuis; u kunt meelezen, niet meer wijzigen.
monitoring-due-since = aan de beurt sinds { $date }
monitoring-due-on = aan de beurt op { $date }
monitoring-moment-hint = Een moment dat nog niet aan de beurt is, legt u alleen vast met een reden.
monitoring-condition = Veiligheidsvoorwaarde
monitoring-met = Nageleefd
monitoring-not-met = Niet nageleefd
monitoring-family-contact = Contact met het gezin gehad?
monitoring-contact-note = Korte toelichting op het contact
monitoring-next-step = Volgende stap
monitoring-early-reason = Reden om eerder vast te leggen
monitoring-early-reason-hint = Alleen nodig als het moment nog niet aan de beurt is.
monitoring-unmet-hint = Is een voorwaarde niet nageleefd, dan gaat de casus meteen terug naar Veilig Thuis.

## Item 9: feedback to the reporter, informing the family
intake-reporter-has-role = De melder heeft een rol in het vervolg (krijgt ook de veiligheidsvoorwaarden)
intake-reporter-informant-doctor = De melder is een arts die alleen als informant optrad
feedback-handover-offered-not-accepted = Veilig Thuis heeft de zorg aangeboden aan: { $parties }. Die organisatie heeft dit nog niet aanvaard; tot dan blijft Veilig Thuis verantwoordelijk.
event-feedback-sent = Terugkoppeling aan melder verstuurd
event-family-informed = Gezin geïnformeerd over de uitkomst
error-feedback-text-required = Er is geen tekst om te versturen.
error-family-informed-before-decision = Het gezin wordt geïnformeerd over de uitkomst; eerst moet er een besluit zijn.
error-feedback-informant-doctor-waive = De melder is een arts die alleen als informant optrad: er is geen standaardterugkoppeling. Leg vast dat die vervalt, met de reden.
feedback-recipient-unnamed = de melder (naam niet vastgelegd)
family-informed-heading = Gezin geïnformeerd over de uitkomst
family-informed-how = Hoe en wie (bijvoorbeeld: telefonisch, moeder)
family-informed-record = Vastleggen dat het gezin is geïnformeerd
feedback-received-title = Terugkoppeling van Veilig Thuis
feedback-received-intro = Wat Veilig Thuis uw organisatie als melder heeft teruggekoppeld. Het dossier zelf ziet u niet.
feedback-received-none = Er is nog geen terugkoppeling verstuurd.
feedback-received-to = Aan { $to }
feedback-received-sent-at = Verstuurd op { $at }
