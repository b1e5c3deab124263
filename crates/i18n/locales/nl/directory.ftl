# De sociale kaart: de hulpdiensten van de regio (issue 11, punt 3).
error-directory-code-unknown = De waarde { $code } staat niet in de lijst; kies uit de lijst.
error-directory-choose-one = Kies er ten minste één.
error-directory-gemeente-unknown = { $g } is geen gemeente van de regio.
error-directory-phone = Vul een telefoonnummer in van 10 tot 15 cijfers, bijvoorbeeld 088-5550101.
error-directory-email = Vul een e-mailadres in zoals naam@voorbeeld.nl.
error-directory-website = Vul een webadres in dat begint met https://, bijvoorbeeld https://www.voorbeeld.nl.
error-directory-contact-needed = Vul ten minste een telefoonnummer, e-mailadres of website in.
error-directory-public-contact = Een openbare vermelding toont alleen telefoon en website; vul er een van in.
error-directory-changed = Iemand anders heeft deze dienst intussen gewijzigd. Bekijk de nieuwe gegevens en probeer het opnieuw.
directory-change-created = Aangemaakt
directory-change-updated = Gewijzigd
directory-change-reviewed = Gecontroleerd
directory-change-archived = Gearchiveerd
look-resource-directory = Sociale kaart
