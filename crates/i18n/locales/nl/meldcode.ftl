# De meldcode voor professionals (issue 11, onderdeel 1): de vijf stappen, de kindcheck en het
# afwegingskader (RULES.md 1).

meldcode-step-signals = Signalen in kaart brengen
meldcode-step-consultation = Collegiale consultatie en zo nodig Veilig Thuis raadplegen
meldcode-step-conversation = Gesprek met de cliënt
meldcode-step-weighing = Wegen van het huiselijk geweld of de kindermishandeling
meldcode-step-decision = Beslissen: hulp organiseren en/of melden

meldcode-question-1 = Heb ik op basis van stappen 1 tot en met 4 een vermoeden van (dreiging van) huiselijk geweld en/of kindermishandeling?
meldcode-question-2 = Schat ik in dat er sprake is van acute onveiligheid en/of structurele onveiligheid?
meldcode-question-3 = Ben ik in staat effectieve hulp te bieden of te organiseren om dreiging van (toekomstig) huiselijk geweld en/of kindermishandeling af te wenden?
meldcode-question-4 = Aanvaarden de betrokkenen hulp en zijn zij bereid zich hiervoor in te zetten?
meldcode-question-5 = Leidt de hulp binnen de gewenste termijn tot de noodzakelijke resultaten ten aanzien van de veiligheid en/of het welzijn (herstel) van alle betrokkenen?

meldcode-outcome-no-suspicion = Geen vermoeden: afsluiten en vastleggen in het dossier
meldcode-outcome-report-unsafety = Melden bij Veilig Thuis: er is acute en/of structurele onveiligheid
meldcode-outcome-report-cannot-help = Melden bij Veilig Thuis: ik kan zelf geen effectieve hulp bieden of organiseren
meldcode-outcome-report-help-not-accepted = Melden bij Veilig Thuis: de betrokkenen aanvaarden de hulp niet
meldcode-outcome-offer-help = Hulp bieden of organiseren en de effecten volgen
meldcode-outcome-report-again = (Opnieuw) melden bij Veilig Thuis: de hulp leidt niet op tijd tot de nodige veiligheid
meldcode-outcome-close-help = Hulp afsluiten, met afspraken met het gezin en de samenwerkingspartners over het volgen van de (on)veiligheid

meldcode-leads-to-melding = Een melding bij Veilig Thuis, met de gegevens van het gezin
meldcode-leads-to-help = Geen melding: u biedt of organiseert hulp en blijft verantwoordelijk. U kunt Veilig Thuis om advies vragen; het gezin blijft dan anoniem.
meldcode-leads-to-close = Geen melding: het dossier wordt afgesloten

meldcode-kindcheck-no-parental-problems = geen signalen van problemen bij de cliënt die kinderen kunnen schaden
meldcode-kindcheck-no-children = de cliënt zorgt niet voor kinderen en is niet zwanger
meldcode-kindcheck-one-child = 1 kind ({ $leeftijden } jaar)
meldcode-kindcheck-children = { $aantal } kinderen ({ $leeftijden } jaar)
meldcode-kindcheck-pregnant = zwanger
meldcode-kindcheck-shared = zorg gedeeld met { $met_wie }
meldcode-kindcheck-shared-anonymous = zorg gedeeld
meldcode-kindcheck-not-shared = zorg niet gedeeld

meldcode-skip-safety = De veiligheid van de cliënt, van mij of van een ander is in het geding.
meldcode-skip-contact-break = Ik heb goede redenen om aan te nemen dat de cliënt dan het contact met mij verbreekt.

meldcode-phase-at-step = Stap { $nummer }: { $stap }
meldcode-phase-following-help = Hulp loopt: beantwoord vraag 5 als het effect van de hulp zichtbaar is
meldcode-phase-melding-due = Melden bij Veilig Thuis
meldcode-phase-reported = Gemeld bij Veilig Thuis
meldcode-phase-closed = Afgesloten

meldcode-prefill-concern = Zorg
meldcode-prefill-kindcheck = Kindcheck
meldcode-prefill-vt-advice = Advies van Veilig Thuis
meldcode-prefill-no-conversation = Geen gesprek met de cliënt
meldcode-prefill-responsibility-stays = Ik bied of organiseer zelf hulp en blijf verantwoordelijk; ik vraag advies.
meldcode-prefill-name-removed = [naam]

error-meldcode-question-not-reached = Deze vraag komt niet aan de orde: het antwoord op vraag { $vraag } bepaalt al de uitkomst. Laat deze vraag open.
error-meldcode-question-answer-first = Beantwoord deze vraag eerst, of laat ook de vragen erna open.
error-meldcode-kindcheck-not-asked = Deze vraag komt niet aan de orde bij uw eerdere antwoorden in de kindcheck. Laat haar leeg.
error-meldcode-kindcheck-number = Vul een aantal kinderen in van 1 tot en met { $max }.
error-meldcode-kindcheck-age = Vul een leeftijd in van 0 tot en met 17 jaar.
error-meldcode-kindcheck-count = U vulde { $aantal } kinderen in, maar { $leeftijden } leeftijden. Vul voor elk kind een leeftijd in.
error-meldcode-skip-ground-unknown = Kies waarom het gesprek niet plaatsvond.
error-meldcode-field-not-asked = Dit veld hoort niet bij uw antwoord. Laat het leeg.
error-meldcode-birth-date-future = De geboortedatum ligt in de toekomst.
error-meldcode-step-first = Leg eerst stap { $nummer } vast: { $stap }.
error-meldcode-melding-decided = Het besluit is melden bij Veilig Thuis. De stappen kunnen niet meer worden aangevuld.
error-meldcode-no-suspicion-after-decision = Er is al een besluit. Is er geen vermoeden meer? Weeg dan opnieuw en beantwoord vraag 1 met nee.
error-meldcode-doubt-consult-vt = Bij twijfel raadpleegt u altijd Veilig Thuis. Leg eerst het advies van Veilig Thuis vast bij stap 2.
error-meldcode-weigh-again = Weeg eerst opnieuw (stap 4) voordat u weer beslist.
error-meldcode-no-melding-due = Er is geen besluit om te melden, of de melding is al gedaan.
error-meldcode-close-melding-due = Het besluit is melden bij Veilig Thuis. Doe eerst de melding; daarna kunt u het dossier afsluiten.
error-meldcode-closed = Dit meldcodedossier is afgesloten.
error-meldcode-prefill-no-melding = Een melding volgt uit het besluit om te melden. Dat besluit is er niet, of de melding is al gedaan.
error-meldcode-prefill-no-advies = Om advies vragen kan als de signalen zijn vastgelegd en er nog geen besluit is om te melden.
error-meldcode-no-such-veilig-thuis = Kies de Veilig Thuis-organisatie waar het advies of de melding heen gaat.
