# Issue 7: een ten onrechte gesplitste persoon samenvoegen; contactgegevens van de regiehouder;
# de Nederlandse naam van een filter van Te doen.

merge-queue-field-sorteer = Sorteren op
merge-queue-field-richting = Sorteerrichting
merge-queue-field-pagina = Pagina

event-person-merged = Persoon samengevoegd
merge-error-same-person = Kies een andere persoon: een persoon kan niet met zichzelf worden samengevoegd.
merge-error-different-bsn = Beide personen hebben een ander geldig BSN. Bevestig dat het toch dezelfde persoon is.
merge-error-person-not-in-case = Deze persoon is geen betrokkene in deze casus.
merge-error-unknown-person = Deze persoon is niet gevonden in een casus.
merge-error-already-merged = Deze persoon is al samengevoegd met een andere persoon.
merge-error-choose-person = Kies de persoon die dezelfde is.
merge-error-choose-keep = Kies welke gegevens blijven.

merge-title = Zelfde persoon samenvoegen
merge-intro = Is een betrokkene per vergissing twee keer als persoon geregistreerd? Voeg dan de twee samen. Alle casussen houden hun geschiedenis; elke casus van de persoon die opgaat in de ander krijgt een gebeurtenis. Casus:
merge-vt-only = Alleen Veilig Thuis kan personen samenvoegen.
merge-this-person = Deze betrokkene
merge-born = geboren
merge-bsn = BSN
merge-no-candidates = Geen andere persoon gevonden met een gelijkende naam, geboortedatum of hetzelfde BSN in een casus die u mag inzien.
merge-choose-person = Welke betrokkene is dezelfde persoon als iemand anders?
merge-same-person-as = Zelfde persoon als …
merge-field-person = Betrokkene
merge-field-candidate = Zelfde persoon als
merge-field-keep = Welke gegevens blijven
merge-keep-hint = Naam, geboortedatum en BSN van de gekozen persoon blijven; de andere persoon gaat erin op.
merge-keep-this = De gegevens van deze betrokkene
merge-keep-candidate = De gegevens van de gekozen persoon
merge-field-confirm-bsn = Beide hebben een ander geldig BSN, en het is toch dezelfde persoon
merge-field-reason = Reden
merge-submit = Samenvoegen
merge-conflict = Een van de casussen is intussen gewijzigd. Controleer de gegevens en voeg opnieuw samen.

org-contact-phone-invalid = Vul een telefoonnummer in met alleen cijfers, spaties, streepjes en eventueel een + vooraan, zoals 088-1234567.
org-contact-email-invalid = Vul een e-mailadres in zoals naam@voorbeeld.nl.
org-contact-phone = Telefoon
org-contact-email = E-mail
org-contact-edit = Contactgegevens wijzigen
org-contact-save = Opslaan
org-contact-heading = Contactgegevens van { $org }
org-contact-hint = Beide zijn niet verplicht. Ze staan bij de regiehouder op de casuspagina.
