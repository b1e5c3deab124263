# The frame of every page, the menu, error pages and the errors of the web layer.
# Keys: area-what, lowercase. Dutch is the complete language: a key used in code must exist here.

app-name = Schakel
nav-skip-to-content = Naar de inhoud
nav-main-menu = Hoofdmenu
nav-start = Start
nav-work-queue = Te doen
nav-new-intake = Nieuw advies of melding
nav-users = Gebruikers
nav-access-log = Toegangslog
nav-break-glass = Noodtoegang
nav-organisations = Organisaties
nav-logout = Uitloggen
demo-banner = Demo-omgeving: alle gegevens zijn verzonnen.
footer-tagline = Schakel · samen voor veiligheid in Noord- en Midden-Limburg
vt-phone-line = Veilig Thuis: { $number } (gratis, dag en nacht)

error-heading-unauthenticated = Niet ingelogd
error-heading-forbidden = Geen toegang
error-heading-not-found = Niet gevonden
error-heading-conflict = Intussen gewijzigd
error-heading-throttled = Even geduld
error-heading-bad-input = Controleer uw invoer
error-heading-internal = Er ging iets mis
error-unauthenticated = U bent niet (meer) ingelogd.
error-not-found = Niet gevonden.
error-unknown-route = Deze route bestaat niet.
error-method-not-allowed = Deze methode is hier niet toegestaan.
error-conflict = Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.
error-throttled = Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.
error-too-large = Het verzoek is te groot.
error-internal = Er ging bij ons iets mis. Probeer het later opnieuw.
error-csrf = het formulier is verlopen of komt niet van Schakel; laad de pagina opnieuw
error-back-to-start = Naar de startpagina

break-glass-heading = Noodtoegang
break-glass-intro = Heeft u deze casus nu nodig om iemand te beschermen? Dan kunt u noodtoegang vragen. Uw reden wordt vastgelegd en de privacy officer beoordeelt elke noodtoegang.
break-glass-reason = Reden (minstens 10 tekens)
break-glass-submit = Noodtoegang vragen
