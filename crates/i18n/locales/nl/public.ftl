# The public pages for citizens, bystanders and employers (issue 11). Plain Dutch (B1): short
# sentences, common words. Every key here must exist in en, pl, ro and bg too (a test checks).

# The frame of every public page.
public-site-name = Zorgen over geweld thuis
public-skip = Naar de inhoud
public-quick-exit = Snel weg
public-languages = Taal:
public-language-unknown = De taal "{ $code }" hebben we niet. Kies een taal uit deze lijst.
public-not-reviewed = Deze vertaling is nog niet nagekeken door iemand met deze taal als moedertaal.
public-back = Terug naar het begin
public-more-title = Lees ook
public-call-box-title = Bellen
public-danger-title = Direct gevaar?
public-danger-call = Bel
public-vt-title = Zorgen of twijfel?
public-vt-call = Bel Veilig Thuis:
public-vt-free = Gratis, dag en nacht. U mag anoniem blijven.
public-privacy-title = Uw privacy
public-privacy-nothing-stored = Deze website bewaart niets over u. Er zijn geen cookies.
public-quick-exit-explained = Met de knop Snel weg gaat u meteen naar een andere website. U kunt ook twee keer op de Esc-toets drukken.
public-privacy-history = Uw browser onthoudt wel welke pagina's u bekeek. Wilt u dat niet? Gebruik een privévenster (incognito). Of wis daarna de geschiedenis van uw browser.
public-login-link = Zorgen over iemand? Lees wat u kunt doen.

# Links between the pages.
public-start-link = Zorgen over iemand: waar begin ik?
public-call-link = Bel ik 112 of Veilig Thuis?
public-after-link = Wat gebeurt er als ik Veilig Thuis bel?
public-employers-link = Informatie voor werkgevers

# The start page.
public-start-title = Maakt u zich zorgen over iemand?
public-start-intro = Misschien ziet of hoort u dat iemand thuis wordt geslagen, bedreigd of vernederd. Of dat een kind niet goed wordt verzorgd. Dat is moeilijk.
public-start-not-alone = U hoeft dit niet alleen op te lossen. Hier leest u wat u kunt doen.
public-start-choose = Over wie maakt u zich zorgen?
public-start-who-buur = Een buurman, buurvrouw of buurkind
public-start-who-familielid = Iemand in mijn familie
public-start-who-collega = Een collega
public-start-who-werknemer = Een werknemer
public-start-who-kind = Een kind
public-start-self = Gaat het over uzelf? Ook dan kunt u Veilig Thuis bellen.

# One page per situation.
public-topic-signs-title = Wat kunt u merken?
public-topic-signs-doubt = U hoeft het niet zeker te weten. Twijfel is genoeg om advies te vragen.
public-topic-do-title = Wat kunt u doen?

public-buur-title = Zorgen over uw buren
public-buur-intro = U hoort door de muur geschreeuw, gehuil of klappen. Of u ziet dat er iets niet klopt.
public-buur-sign-1 = U hoort vaak harde ruzie, gegil of iets dat breekt.
public-buur-sign-2 = U ziet iemand met blauwe plekken of wonden.
public-buur-sign-3 = Een kind is vaak alleen, heeft honger of is bang om naar huis te gaan.
public-buur-do-1 = Hoort u nu geweld? Bel 112.
public-buur-do-2 = Twijfelt u? Bel Veilig Thuis voor advies. U hoeft uw naam niet te zeggen.
public-buur-do-3 = Maak een praatje met uw buren. Vraag hoe het gaat. Zo weten ze dat u er bent.
public-buur-note = Ga niet zelf een ruzie oplossen. Dan kunt u uzelf of anderen in gevaar brengen.

public-familielid-title = Zorgen over iemand in uw familie
public-familielid-intro = Het is extra moeilijk als het om uw eigen familie gaat. U wilt helpen, maar u wilt het contact niet kwijt. U kunt toch iets doen.
public-familielid-sign-1 = Iemand ziet familie en vrienden steeds minder.
public-familielid-sign-2 = De partner bepaalt alles: het geld, de kleren, met wie iemand praat.
public-familielid-sign-3 = Een oudere in de familie krijgt geen goede zorg, of iemand neemt zijn of haar geld af.
public-familielid-do-1 = Zoek een rustig moment, alleen met die persoon. Zeg dat u zich zorgen maakt en dat u wilt helpen.
public-familielid-do-2 = Luister. Geef geen schuld. Dring niet aan als iemand nog niet wil praten.
public-familielid-do-3 = Bel Veilig Thuis. Zij denken met u mee over wat u kunt doen.
public-familielid-note = Blijf in contact, ook als het lang duurt. Dat helpt meer dan u denkt.

public-collega-title = Zorgen over een collega
public-collega-intro = U ziet uw collega vaak. Daarom merkt u misschien als eerste dat er iets niet goed gaat.
public-collega-sign-1 = Uw collega is vaak te laat of ziek, of moet steeds vroeg naar huis.
public-collega-sign-2 = Uw collega heeft wonden of blauwe plekken, en een vreemd verhaal daarover.
public-collega-sign-3 = De partner belt vaak, of komt onverwacht langs op het werk.
public-collega-do-1 = Vraag rustig hoe het gaat, als u samen alleen bent.
public-collega-do-2 = Luister en geloof wat uw collega vertelt. Vertel het niet verder zonder het eerst te vragen.
public-collega-do-3 = Bel Veilig Thuis voor advies. Of praat met uw leidinggevende, als uw collega dat goed vindt.
public-collega-note = Is uw collega nu in gevaar? Bel 112.

public-werknemer-title = Zorgen over een werknemer
public-werknemer-intro = U bent werkgever of leidinggevende. Het gaat niet goed met een werknemer, en u denkt aan geweld thuis.
public-werknemer-sign-1 = Uw werknemer is vaak afwezig, of werkt opeens veel minder goed.
public-werknemer-sign-2 = Uw werknemer heeft wonden, of is bang en stil.
public-werknemer-sign-3 = Iemand van thuis controleert uw werknemer, bijvoorbeeld door steeds te bellen.
public-werknemer-do-1 = Praat met uw werknemer, alleen met z'n tweeën. Zeg wat u ziet, zonder te oordelen.
public-werknemer-do-2 = Bied steun: vrij voor een afspraak met de hulpverlening, andere werktijden, een veilige plek op het werk.
public-werknemer-do-3 = Vraag Veilig Thuis om advies. Heeft uw organisatie een meldcode? Volg dan de stappen daarvan.
public-werknemer-note = Meer leest u op de pagina voor werkgevers:

public-kind-title = Zorgen over een kind
public-kind-intro = Een kind kan zich vaak niet zelf beschermen. Uw zorgen zijn daarom belangrijk, ook als u het niet zeker weet.
public-kind-sign-1 = Het kind heeft vaak blauwe plekken of wonden.
public-kind-sign-2 = Het kind is bang, heel stil of juist heel boos.
public-kind-sign-3 = Het kind heeft vaak honger of vieze kleren, of is vaak alleen thuis.
public-kind-do-1 = Vertelt een kind u iets? Blijf rustig en luister. Zeg dat het goed is dat het kind dit vertelt.
public-kind-do-2 = Beloof niet dat u het geheim houdt. Zeg dat u hulp gaat vragen.
public-kind-do-3 = Bel Veilig Thuis. Samen bespreekt u wat het beste is voor het kind.
public-kind-note = Kinderen kunnen zelf gratis en anoniem praten met De Kindertelefoon:

# When to call 112 and when Veilig Thuis.
public-call-title = Bel ik 112 of Veilig Thuis?
public-call-intro = Is er nu gevaar? Bel dan 112. Maakt u zich zorgen, maar is er geen direct gevaar? Bel dan Veilig Thuis.
public-call-112-title = Bel 112 bij direct gevaar
public-call-112-text = Is er nu gevaar? Bijvoorbeeld: iemand wordt nu geslagen of bedreigd, iemand is gewond, of u hoort iemand om hulp roepen. Bel dan meteen 112.
public-call-112-doubt = Twijfelt u of het nu gevaarlijk is? Bel dan ook 112.
public-call-112-link = Bel 112
public-call-vt-title = Bel Veilig Thuis bij zorgen
public-call-vt-text = Is er geen direct gevaar, maar maakt u zich zorgen? Of twijfelt u? Bel dan Veilig Thuis. Veilig Thuis helpt bij huiselijk geweld, kindermishandeling en ouderenmishandeling.
public-call-vt-free = Bellen is gratis.
public-call-vt-always = U kunt dag en nacht bellen, ook in het weekend.
public-call-vt-anonymous = U mag advies vragen zonder uw naam te zeggen.
public-call-vt-report = U kunt ook een melding doen. Dan gaat Veilig Thuis zelf aan de slag.
public-call-vt-link = Bel Veilig Thuis: { $number }
public-call-site-title = Meer informatie
public-call-site-text = Op de website van Veilig Thuis leest u meer.
public-call-police-title = Politie zonder spoed
public-call-police-text = Wilt u de politie spreken, maar is er geen spoed? Bel dan het gewone nummer van de politie.

# What happens after you call Veilig Thuis.
public-after-title = Wat gebeurt er als ik Veilig Thuis bel?
public-after-intro = Bellen met Veilig Thuis is niet eng. U beslist zelf wat u vertelt.
public-after-listen-title = Iemand luistert naar u
public-after-listen = U krijgt een medewerker van Veilig Thuis aan de telefoon. Die luistert naar uw verhaal en stelt vragen. Zeg gerust als u iets niet zeker weet.
public-after-advice-title = U kunt advies vragen
public-after-advice = U hoeft uw naam niet te zeggen. U hoeft ook de naam van de familie niet te zeggen. U krijgt tips over wat u zelf kunt doen. Veilig Thuis gaat dan niet naar de familie.
public-after-report-title = U kunt ook een melding doen
public-after-report = Bij een melding zegt u om wie het gaat. Veilig Thuis kijkt dan of iedereen veilig is. Soms doen ze onderzoek. Ze praten dan met de familie, en soms met anderen, zoals de school of de huisarts.
public-after-name-title = Blijft mijn naam geheim?
public-after-name = Bij een melding geeft u uw naam aan Veilig Thuis. Veilig Thuis vertelt de familie niet wie de melding deed, tenzij u dat goed vindt.
public-after-feedback-title = Hoor ik nog iets?
public-after-feedback = Na een melding hoort u meestal van Veilig Thuis wat ze ermee doen. Niet alles over de familie mogen ze aan u vertellen.
public-after-together-title = Wie helpen er nog meer?
public-after-together = Veilig Thuis werkt samen met het wijkteam van de gemeente, de huisarts, de politie en andere hulpverleners. Zo krijgt de familie de hulp die past.

# For employers.
public-employers-title = Informatie voor werkgevers
public-employers-intro = Geweld thuis stopt niet bij de voordeur. U merkt het ook op het werk. Als werkgever of leidinggevende kunt u veel doen.
public-employers-signs-title = Waar kunt u op letten?
public-employers-sign-1 = Iemand is vaak te laat of vaak ziek.
public-employers-sign-2 = Iemand heeft blauwe plekken of wonden, en een vreemd verhaal daarover.
public-employers-sign-3 = Iemand is stil, bang of schrikt snel.
public-employers-sign-4 = Een partner belt steeds, of wacht bij het werk.
public-employers-do-title = Wat kunt u doen?
public-employers-do-1 = Praat rustig met uw werknemer, alleen met z'n tweeën. Zeg wat u ziet.
public-employers-do-2 = Luister en oordeel niet. Vraag wat uw werknemer nodig heeft.
public-employers-do-3 = Geef ruimte, bijvoorbeeld vrij voor een afspraak met de hulpverlening.
public-employers-do-4 = Vraag Veilig Thuis om advies. Dat kan zonder namen te noemen.
public-employers-meldcode-title = De meldcode
public-employers-meldcode = Werkt uw organisatie in de zorg, het onderwijs, de kinderopvang, de jeugdhulp, het welzijn of bij justitie? Dan moet uw organisatie een meldcode hebben. Daarin staat stap voor stap wat u doet bij zorgen. Volg die stappen.
public-employers-no-meldcode = Heeft uw organisatie geen meldcode? Dan mag u Veilig Thuis altijd om advies vragen of een melding doen.
public-employers-migrants-title = Werknemers uit andere landen
public-employers-migrants = In deze regio werken veel mensen uit andere landen, zoals Polen, Roemenië en Bulgarije. Zij kennen de hulp in Nederland vaak niet. Door de taal durven ze soms niet te bellen. Vertel dat Veilig Thuis gratis is en dat ze anoniem advies kunnen vragen.
public-employers-migrants-share = Deze pagina's zijn er ook in het Engels, Pools, Roemeens en Bulgaars. Kies de taal bovenaan de pagina en deel de link met uw werknemers.
public-employers-migrants-interpreter = Spreekt uw werknemer geen Nederlands? Vraag Veilig Thuis of een tolk kan helpen.
