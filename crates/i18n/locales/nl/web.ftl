# Texts the web crate's Rust code shows: start page, beheer, login, case page, work queue,
# access log, intake form, and the mapping of store errors.

## Start page
home-welcome = Welkom, { $name }
home-intro-teamleider = De werkvoorraad van uw team: casussen waarvoor uw organisatie verantwoordelijk is, meewerkt of een overdracht moet beantwoorden.
home-intro-medewerker = Uw werkvoorraad: casussen waarvoor uw organisatie verantwoordelijk is, meewerkt of een overdracht moet beantwoorden.
home-queue-title-team = Werkvoorraad van het team
home-queue-title = Werkvoorraad
home-intro-beheerder = U beheert de mensen en organisaties die met Schakel werken. U ziet geen casusgegevens.
home-link-users = Gebruikers
home-link-users-description = Accounts aanmaken, blokkeren en rollen per organisatie.
home-link-organisations = Organisaties
home-link-organisations-description = De ketenpartners in de regio en hun werkgebied.
home-intro-privacy-officer = U bewaakt wie welke persoonsgegevens inzag (NEN 7513). Noodtoegang vraagt altijd uw beoordeling.
home-link-access-log = Toegangslog
home-link-access-log-description = Zoeken op gebruiker, cliënt en periode.
home-link-break-glass = Noodtoegang
home-link-break-glass-description = Elke toegang zonder betrokkenheid, met de opgegeven reden.
home-intro-region = U ziet de regio op hoofdlijnen. Persoonsgegevens zijn voor u niet zichtbaar.
home-intro-school-contact = Als contactpersoon Handle with Care hoort u van Veilig Thuis DAT er thuis iets ernstigs is gebeurd bij een leerling, nooit WAT. Zo kan de school het kind de volgende schooldag opvangen.

## Beheer
admin-user-added = De gebruiker is toegevoegd.
admin-user-changed = De gebruiker is gewijzigd.
admin-choose-organisation = kies een organisatie uit de lijst
admin-cannot-block-self = u kunt uw eigen account niet blokkeren

## Login
login-wrong-credentials = gebruikersnaam of wachtwoord onjuist
login-no-role = dit account heeft nog geen rol in een organisatie
login-second-factor-state = de tweede factor is al ingesteld of nog niet ingesteld
login-code-wrong = de code klopt niet of is verlopen
login-choose-role = kies een organisatie en rol uit de lijst

## Case page
case-kind-advies = Advies
case-kind-melding = Melding
case-melder-withheld = verborgen
case-description-withheld = Omschrijving verborgen.
case-content-withheld = Inhoud verborgen.
case-person-born = { $role }, geboren { $born }
case-sequence-invalid = ontbreekt of is geen getal
case-moment-after-assessment = na de veiligheidsbeoordeling
case-moment-after-investigation = na het onderzoek
case-moment-choose = kies na_beoordeling of na_onderzoek
case-choose-yes-no = kies ja of nee
case-required = is verplicht
case-choose-track = kies een vervolgtraject uit de lijst
case-choose-from-list = kies uit de lijst
case-unknown-action = onbekende actie

## Work queue
queue-since = { $date } ({ $days } dagen)
queue-since-today = { $date } (vandaag)
queue-since-one-day = { $date } (1 dag)
queue-heading-team = Te doen voor het team
queue-heading = Te doen

## Access log
log-outcome-allowed = toegestaan
log-outcome-denied = geweigerd
log-heading-break-glass = Noodtoegang
log-heading = Toegangslog
log-heading-client = Wie keek in het dossier van cliënt { $id }

## Intake form
intake-received-invalid = geen geldig tijdstip (jjjj-mm-ddThh:mm)
intake-received-invalid-rfc3339 = geen geldig tijdstip (RFC 3339)
intake-choose-kind = kies advies of melding
intake-age-whole-years = geef een leeftijd in hele jaren
intake-choose-from-list = kies uit de lijst
intake-gender-unknown = Onbekend
intake-gender-woman = Vrouw
intake-gender-man = Man
intake-gender-other = Anders
intake-match-bsn = zelfde BSN
intake-match-name-birth-date = zelfde naam en geboortedatum
intake-match-similar = lijkt op (gelijkenis { $percent }%)

## Store errors and the health check
store-not-found = { $what } bestaat niet
store-duplicate = bestaat al
health-database-unreachable = database niet bereikbaar

## Access log search
log-until-before-from = ligt vóór de begindatum

## API
api-csrf-invalid = ontbreekt of klopt niet
api-content-type-json = moet application/json zijn
api-body-unreadable = kon niet worden gelezen
api-json-invalid = geen geldige JSON (regel { $line }, kolom { $column })
api-value-invalid = ongeldige waarde
api-path-invalid = ongeldig pad: { $detail }
api-limit-range = moet tussen 1 en 500 liggen
api-offset-negative = mag niet negatief zijn
api-enrol-on-website = stel eerst de tweede factor in via de website
api-second-factor-required = tweede factor vereist
api-no-role-in-organisation = u heeft geen rol in deze organisatie
