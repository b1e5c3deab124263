# Accounts, second factor and break-the-glass (issue 8 findings 1, 6, 8).

## Refusals
deny-break-glass-not-for-organisation = Noodtoegang is in deze regio niet toegestaan voor uw soort organisatie. Neem contact op met Veilig Thuis.
deny-break-glass-limit-reached = U heeft het aantal keren noodtoegang voor vandaag bereikt. Neem contact op met uw privacy officer.
deny-not-own-organisation = Accounts en rollen van een organisatie worden beheerd door een beheerder van die organisatie.
deny-second-person-required = Een tweede persoon van de organisatie moet deze aanvraag goedkeuren, niet wie hem deed of voor wie hij is.
error-break-glass-kind-without-cases = { $kind } werkt niet met casussen en kan geen noodtoegang krijgen.

## Second factor
login-code-used = Deze code is al gebruikt. Wacht op de volgende code in uw app.
totp-recovery-hint = App kwijt? Vul dan een van uw herstelcodes in.
recovery-title = Uw herstelcodes
recovery-intro = Bewaar deze codes op een veilige plek. Raakt u uw authenticator-app kwijt, dan kunt u met een herstelcode inloggen. Elke code werkt één keer.
recovery-once = Deze codes worden maar één keer getoond.
recovery-continue = Verder

## Accounts and roles (separation of duties)
accounts-created = Het account is aangemaakt. Geef de gebruiker deze activatiecode (eenmalig, { $days } dagen geldig): { $code } — op /activeren kiest de gebruiker zelf een wachtwoord. De rol werkt pas als een tweede beheerder of teamleider van de organisatie hem goedkeurt.
accounts-new-explained = U kiest geen wachtwoord: de gebruiker krijgt een eenmalige activatiecode en kiest zelf een wachtwoord en een tweede factor. De rol werkt pas na goedkeuring door een tweede persoon van de organisatie.
accounts-role-requested = De rol is aangevraagd. Hij werkt pas als een tweede beheerder of teamleider van de organisatie hem goedkeurt.
accounts-request-role = Rol aanvragen
accounts-requests-title = Aanvragen voor rollen
accounts-requests-intro = Een rol werkt pas als een tweede persoon van de organisatie hem goedkeurt. U kunt geen aanvraag goedkeuren die u zelf deed of die voor uzelf is.
accounts-requests-none = Er wachten geen aanvragen.
accounts-requested-by = Aangevraagd door
accounts-approve = Goedkeuren
accounts-refuse = Afwijzen
accounts-request-approved = De aanvraag is goedgekeurd; de rol werkt vanaf nu.
accounts-request-refused = De aanvraag is afgewezen.
accounts-activate-title = Account activeren
accounts-activate-intro = Vul de activatiecode in die u van uw beheerder kreeg en kies zelf een wachtwoord van minstens 12 tekens. Bij de eerste keer inloggen stelt u uw tweede factor in.
accounts-activation-code = Activatiecode
accounts-new-password = Nieuw wachtwoord
accounts-activate = Activeren
accounts-activated = Uw account is geactiveerd. U kunt inloggen zodra uw rol is goedgekeurd.
accounts-to-login = Naar inloggen
accounts-activation-unknown = Deze activatiecode is onbekend, al gebruikt of verlopen.

## Break-the-glass
break-glass-unneeded = U vroeg om noodtoegang, maar uw organisatie is al bij deze casus betrokken. U kijkt op grond van die betrokkenheid; noodtoegang is niet gebruikt.
break-glass-notice-heading = Noodtoegang tot casussen van uw organisatie
break-glass-notice = { $user } gebruikte noodtoegang op { $at }. Reden: { $reason }
break-glass-review-title = Noodtoegang beoordelen
break-glass-review-intro = Elke noodtoegang wacht hier tot u hem beoordeelt: akkoord, of gemarkeerd voor nader onderzoek. De organisatie die verantwoordelijk is voor de casus ziet de noodtoegang in haar werkvoorraad.
break-glass-review-open = Te beoordelen
break-glass-review-flagged-heading = Gemarkeerd voor nader onderzoek
break-glass-review-none = Geen.
break-glass-review-when = Moment
break-glass-review-reason = Reden
break-glass-review-accept = Akkoord
break-glass-review-flag = Markeren
break-glass-review-accepted = De noodtoegang is akkoord bevonden.
break-glass-review-flagged = De noodtoegang is gemarkeerd voor nader onderzoek.
break-glass-review-log = Alle noodtoegang in het toegangslog
