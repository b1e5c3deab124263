# Paginile publice pentru cetățeni, martori și angajatori (issue 11). Limbaj simplu. Traducerea nu a fost
# încă verificată de un vorbitor nativ (schakel_domain::public_help::translation_reviewed).

# The frame of every public page.
public-site-name = Îngrijorare privind violența în familie
public-skip = Salt la conținut
public-quick-exit = Ieșire rapidă
public-languages = Limba:
public-language-unknown = Nu avem limba „{ $code }”. Alegeți o limbă din această listă.
public-not-reviewed = Această traducere nu a fost încă verificată de un vorbitor nativ de limba română.
public-back = Înapoi la început
public-more-title = Citiți și
public-call-box-title = Numere de telefon
public-danger-title = Pericol imediat?
public-danger-call = Sunați la
public-vt-title = Îngrijorare sau îndoială?
public-vt-call = Sunați la Veilig Thuis:
public-vt-free = Gratuit, zi și noapte. Puteți rămâne anonim.
public-privacy-title = Confidențialitatea dumneavoastră
public-privacy-nothing-stored = Acest site nu păstrează nimic despre dumneavoastră. Nu există cookie-uri.
public-quick-exit-explained = Butonul Ieșire rapidă vă duce imediat pe un alt site. Puteți apăsa și de două ori tasta Esc.
public-privacy-history = Browserul dumneavoastră ține totuși minte ce pagini ați văzut. Nu doriți asta? Folosiți o fereastră privată (incognito). Sau ștergeți apoi istoricul browserului.
public-login-link = Vă faceți griji pentru cineva? Citiți ce puteți face.

# Links between the pages.
public-start-link = Îmi fac griji pentru cineva: de unde încep?
public-call-link = Sun la 112 sau la Veilig Thuis?
public-after-link = Ce se întâmplă când sun la Veilig Thuis?
public-employers-link = Informații pentru angajatori

# The start page.
public-start-title = Vă faceți griji pentru cineva?
public-start-intro = Poate vedeți sau auziți că cineva este lovit, amenințat sau umilit acasă. Sau că un copil nu este îngrijit bine. Este greu.
public-start-not-alone = Nu trebuie să rezolvați asta singur. Aici citiți ce puteți face.
public-start-choose = Pentru cine vă faceți griji?
public-start-who-buur = Un vecin, o vecină sau copilul unor vecini
public-start-who-familielid = Cineva din familia mea
public-start-who-collega = Un coleg de muncă
public-start-who-werknemer = Un angajat
public-start-who-kind = Un copil
public-start-self = Este vorba despre dumneavoastră? Și atunci puteți suna la Veilig Thuis.

# One page per situation.
public-topic-signs-title = Ce puteți observa?
public-topic-signs-doubt = Nu trebuie să fiți sigur. O îndoială este de ajuns ca să cereți un sfat.
public-topic-do-title = Ce puteți face?

public-buur-title = Griji pentru vecinii dumneavoastră
public-buur-intro = Prin perete auziți țipete, plâns sau lovituri. Sau vedeți că ceva nu este în regulă.
public-buur-sign-1 = Auziți des certuri puternice, țipete sau ceva care se sparge.
public-buur-sign-2 = Vedeți pe cineva cu vânătăi sau răni.
public-buur-sign-3 = Un copil este des singur, îi este foame sau îi este frică să meargă acasă.
public-buur-do-1 = Auziți violență chiar acum? Sunați la 112.
public-buur-do-2 = Aveți îndoieli? Sunați la Veilig Thuis pentru un sfat. Nu trebuie să vă spuneți numele.
public-buur-do-3 = Stați de vorbă cu vecinii. Întrebați-i ce mai fac. Așa știu că sunteți acolo.
public-buur-note = Nu încercați să opriți singur o ceartă. Vă puteți pune pe dumneavoastră sau pe alții în pericol.

public-familielid-title = Griji pentru cineva din familie
public-familielid-intro = Este și mai greu când este vorba despre propria familie. Vreți să ajutați, dar nu vreți să pierdeți legătura. Totuși, puteți face ceva.
public-familielid-sign-1 = Cineva își vede tot mai rar familia și prietenii.
public-familielid-sign-2 = Partenerul hotărăște totul: banii, hainele, cu cine vorbește persoana.
public-familielid-sign-3 = O persoană în vârstă din familie nu este îngrijită bine sau cineva îi ia banii.
public-familielid-do-1 = Găsiți un moment liniștit, doar cu acea persoană. Spuneți că vă faceți griji și că vreți să ajutați.
public-familielid-do-2 = Ascultați. Nu dați vina. Nu insistați dacă cineva nu vrea încă să vorbească.
public-familielid-do-3 = Sunați la Veilig Thuis. Ei vă ajută să vă gândiți ce puteți face.
public-familielid-note = Păstrați legătura, chiar dacă durează mult. Asta ajută mai mult decât credeți.

public-collega-title = Griji pentru un coleg de muncă
public-collega-intro = Vă vedeți des colegul. De aceea poate observați primul că ceva nu este în regulă.
public-collega-sign-1 = Colegul întârzie des, este des bolnav sau trebuie mereu să plece devreme acasă.
public-collega-sign-2 = Colegul are răni sau vânătăi și o poveste ciudată despre ele.
public-collega-sign-3 = Partenerul sună des sau vine pe neașteptate la locul de muncă.
public-collega-do-1 = Întrebați liniștit ce mai face, când sunteți doar voi doi.
public-collega-do-2 = Ascultați și credeți ce vă spune colegul. Nu spuneți mai departe fără să întrebați mai întâi.
public-collega-do-3 = Sunați la Veilig Thuis pentru un sfat. Sau vorbiți cu șeful dumneavoastră, dacă este de acord colegul.
public-collega-note = Este colegul în pericol chiar acum? Sunați la 112.

public-werknemer-title = Griji pentru un angajat
public-werknemer-intro = Sunteți angajator sau șef. Unui angajat nu îi merge bine și vă gândiți la violență în familie.
public-werknemer-sign-1 = Angajatul lipsește des sau dintr-odată lucrează mult mai slab.
public-werknemer-sign-2 = Angajatul are răni sau este speriat și tăcut.
public-werknemer-sign-3 = Cineva de acasă îl controlează pe angajat, de exemplu sunând tot timpul.
public-werknemer-do-1 = Vorbiți cu angajatul între patru ochi. Spuneți ce vedeți, fără să judecați.
public-werknemer-do-2 = Oferiți sprijin: timp liber pentru o programare la un specialist, alt program de lucru, un loc sigur la muncă.
public-werknemer-do-3 = Cereți sfatul Veilig Thuis. Are organizația dumneavoastră un cod de raportare (meldcode)? Atunci urmați pașii lui.
public-werknemer-note = Citiți mai mult pe pagina pentru angajatori:

public-kind-title = Griji pentru un copil
public-kind-intro = Un copil de multe ori nu se poate proteja singur. De aceea grijile dumneavoastră sunt importante, chiar dacă nu sunteți sigur.
public-kind-sign-1 = Copilul are des vânătăi sau răni.
public-kind-sign-2 = Copilul este speriat, foarte tăcut sau, dimpotrivă, foarte furios.
public-kind-sign-3 = Copilului îi este des foame, are haine murdare sau este des singur acasă.
public-kind-do-1 = Vă spune un copil ceva? Rămâneți calm și ascultați. Spuneți-i că e bine că vă spune.
public-kind-do-2 = Nu promiteți că păstrați secretul. Spuneți că veți cere ajutor.
public-kind-do-3 = Sunați la Veilig Thuis. Împreună discutați ce este mai bine pentru copil.
public-kind-note = Copiii pot vorbi singuri, gratuit și anonim, cu linia pentru copii De Kindertelefoon (în neerlandeză):

# When to call 112 and when Veilig Thuis.
public-call-title = Sun la 112 sau la Veilig Thuis?
public-call-intro = Există pericol chiar acum? Sunați la 112. Vă faceți griji, dar nu există un pericol imediat? Sunați la Veilig Thuis.
public-call-112-title = Sunați la 112 când există pericol imediat
public-call-112-text = Există pericol chiar acum? De exemplu: cineva este lovit sau amenințat chiar acum, cineva este rănit sau auziți pe cineva strigând după ajutor. Sunați imediat la 112.
public-call-112-doubt = Nu sunteți sigur dacă acum este periculos? Sunați tot la 112.
public-call-112-link = Sunați la 112
public-call-vt-title = Sunați la Veilig Thuis când vă faceți griji
public-call-vt-text = Nu există un pericol imediat, dar vă faceți griji? Sau aveți îndoieli? Sunați la Veilig Thuis. Veilig Thuis ajută în cazuri de violență în familie, abuz asupra copiilor și abuz asupra persoanelor în vârstă.
public-call-vt-free = Apelul este gratuit.
public-call-vt-always = Puteți suna zi și noapte, și în weekend.
public-call-vt-anonymous = Puteți cere un sfat fără să vă spuneți numele.
public-call-vt-report = Puteți face și o sesizare (melding). Atunci Veilig Thuis se ocupă singur de caz.
public-call-vt-link = Sunați la Veilig Thuis: { $number }
public-call-site-title = Mai multe informații
public-call-site-text = Mai multe citiți pe site-ul Veilig Thuis (în neerlandeză).
public-call-police-title = Poliția, când nu este urgent
public-call-police-text = Vreți să vorbiți cu poliția, dar nu este urgent? Sunați la numărul obișnuit al poliției.

# What happens after you call Veilig Thuis.
public-after-title = Ce se întâmplă când sun la Veilig Thuis?
public-after-intro = Nu trebuie să vă fie frică să sunați la Veilig Thuis. Dumneavoastră hotărâți ce spuneți.
public-after-listen-title = Cineva vă ascultă
public-after-listen = Vă răspunde un angajat al Veilig Thuis. Vă ascultă povestea și vă pune întrebări. Spuneți liniștit dacă nu sunteți sigur de ceva.
public-after-advice-title = Puteți cere un sfat
public-after-advice = Nu trebuie să vă spuneți numele. Nu trebuie să spuneți nici numele familiei. Primiți sfaturi despre ce puteți face singur. Veilig Thuis nu merge atunci la familie.
public-after-report-title = Puteți face și o sesizare
public-after-report = Într-o sesizare (melding) spuneți despre cine este vorba. Veilig Thuis verifică atunci dacă toată lumea este în siguranță. Uneori face o anchetă. Atunci vorbește cu familia și uneori cu alții, de exemplu cu școala sau cu medicul de familie.
public-after-name-title = Numele meu rămâne secret?
public-after-name = La o sesizare vă spuneți numele la Veilig Thuis. Veilig Thuis nu spune familiei cine a făcut sesizarea, decât dacă sunteți de acord.
public-after-feedback-title = Voi mai afla ceva?
public-after-feedback = După o sesizare, Veilig Thuis vă spune de obicei ce face cu ea. Nu vă pot spune totul despre familie.
public-after-together-title = Cine mai ajută?
public-after-together = Veilig Thuis lucrează împreună cu echipa socială a primăriei (wijkteam), medicul de familie, poliția și alți specialiști. Așa familia primește ajutorul potrivit.

# For employers.
public-employers-title = Informații pentru angajatori
public-employers-intro = Violența în familie nu se oprește la ușa casei. Se observă și la muncă. Ca angajator sau șef puteți face multe.
public-employers-signs-title = La ce puteți fi atent?
public-employers-sign-1 = Cineva întârzie des sau este des bolnav.
public-employers-sign-2 = Cineva are vânătăi sau răni și o poveste ciudată despre ele.
public-employers-sign-3 = Cineva este tăcut, speriat sau se sperie ușor.
public-employers-sign-4 = Un partener sună tot timpul sau așteaptă la locul de muncă.
public-employers-do-title = Ce puteți face?
public-employers-do-1 = Vorbiți liniștit cu angajatul, între patru ochi. Spuneți ce vedeți.
public-employers-do-2 = Ascultați și nu judecați. Întrebați de ce are nevoie angajatul.
public-employers-do-3 = Oferiți spațiu, de exemplu timp liber pentru o programare la un specialist.
public-employers-do-4 = Cereți sfatul Veilig Thuis. Puteți face asta fără să spuneți nume.
public-employers-meldcode-title = Codul de raportare (meldcode)
public-employers-meldcode = Lucrează organizația dumneavoastră în sănătate, educație, îngrijirea copiilor, ajutor pentru tineri, asistență socială sau justiție? Atunci organizația trebuie să aibă un cod de raportare (meldcode). Acesta spune pas cu pas ce faceți când vă faceți griji. Urmați acești pași.
public-employers-no-meldcode = Organizația dumneavoastră nu are un cod de raportare? Puteți oricând să cereți sfatul Veilig Thuis sau să faceți o sesizare.
public-employers-migrants-title = Angajați din alte țări
public-employers-migrants = În această regiune lucrează mulți oameni din alte țări, de exemplu din Polonia, România și Bulgaria. Adesea nu cunosc ajutorul din Țările de Jos. Din cauza limbii, uneori nu îndrăznesc să sune. Spuneți-le că Veilig Thuis este gratuit și că pot cere un sfat anonim.
public-employers-migrants-share = Aceste pagini există și în neerlandeză, engleză, poloneză și bulgară. Alegeți limba în partea de sus a paginii și trimiteți linkul angajaților dumneavoastră.
public-employers-migrants-interpreter = Angajatul nu vorbește neerlandeză? Întrebați Veilig Thuis dacă poate ajuta un interpret.
