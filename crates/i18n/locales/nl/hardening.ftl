# Issue 8 (hardening): identifiers, proxies, readiness, origin checks, error details.
error-identifier-format = is geen geldige verwijzing (1 tot 64 letters, cijfers, punten, streepjes of liggende streepjes)
health-database-not-writable = database neemt geen wijzigingen aan (schijf vol of alleen-lezen?)
error-organisation-unknown = is geen organisatie in het register
error-expected-seq-positive = moet 1 of hoger zijn: het volgnummer van de laatste gebeurtenis die u zag
api-role-needs-organisation = is verplicht wanneer een rol gekozen wordt
api-demo-no-totp = de demo vraagt geen tweede factor; laat totp weg
api-field-unknown = is geen bekend veld
api-value-not-in-list = '{ $value }' is geen toegestane waarde; kies uit: { $allowed }
api-value-wrong-kind = heeft de verkeerde soort waarde
api-expected-text = moet tekst zijn
api-expected-boolean = moet true of false zijn
api-expected-integer = moet een geheel getal zijn
api-expected-list = moet een lijst zijn
api-expected-object = moet een object zijn
api-value-wrong-length = heeft een verkeerd aantal elementen
api-body-too-large = het verzoek is te groot
error-cross-origin = Dit verzoek komt van een andere website en is daarom geweigerd.
