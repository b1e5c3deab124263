# Strony publiczne dla mieszkańców, świadków i pracodawców (issue 11). Prosty język. Tłumaczenie nie
# zostało jeszcze sprawdzone przez native speakera (schakel_domain::public_help::translation_reviewed).

# The frame of every public page.
public-site-name = Niepokój o przemoc w domu
public-skip = Przejdź do treści
public-quick-exit = Szybkie wyjście
public-languages = Język:
public-language-unknown = Nie mamy języka „{ $code }”. Wybierz język z tej listy.
public-not-reviewed = To tłumaczenie nie zostało jeszcze sprawdzone przez osobę, dla której polski jest językiem ojczystym.
public-back = Wróć do początku
public-more-title = Przeczytaj też
public-call-box-title = Telefony
public-danger-title = Bezpośrednie zagrożenie?
public-danger-call = Zadzwoń pod
public-vt-title = Niepokój lub wątpliwości?
public-vt-call = Zadzwoń do Veilig Thuis:
public-vt-free = Bezpłatnie, w dzień i w nocy. Możesz pozostać anonimowy.
public-privacy-title = Twoja prywatność
public-privacy-nothing-stored = Ta strona nic o Tobie nie zapisuje. Nie ma plików cookie.
public-quick-exit-explained = Przycisk Szybkie wyjście od razu przenosi Cię na inną stronę internetową. Możesz też dwa razy nacisnąć klawisz Esc.
public-privacy-history = Twoja przeglądarka pamięta jednak, jakie strony oglądałeś. Nie chcesz tego? Użyj okna prywatnego (incognito). Albo usuń potem historię przeglądarki.
public-login-link = Martwisz się o kogoś? Przeczytaj, co możesz zrobić.

# Links between the pages.
public-start-link = Martwię się o kogoś: od czego zacząć?
public-call-link = Dzwonić pod 112 czy do Veilig Thuis?
public-after-link = Co się dzieje, gdy zadzwonię do Veilig Thuis?
public-employers-link = Informacje dla pracodawców

# The start page.
public-start-title = Martwisz się o kogoś?
public-start-intro = Może widzisz lub słyszysz, że ktoś w domu jest bity, zastraszany lub poniżany. Albo że dziecko nie ma dobrej opieki. To trudne.
public-start-not-alone = Nie musisz rozwiązywać tego sam. Tutaj przeczytasz, co możesz zrobić.
public-start-choose = O kogo się martwisz?
public-start-who-buur = O sąsiada, sąsiadkę lub dziecko sąsiadów
public-start-who-familielid = O kogoś z mojej rodziny
public-start-who-collega = O kolegę lub koleżankę z pracy
public-start-who-werknemer = O pracownika
public-start-who-kind = O dziecko
public-start-self = Chodzi o Ciebie? Wtedy też możesz zadzwonić do Veilig Thuis.

# One page per situation.
public-topic-signs-title = Co możesz zauważyć?
public-topic-signs-doubt = Nie musisz mieć pewności. Wątpliwość wystarczy, żeby poprosić o radę.
public-topic-do-title = Co możesz zrobić?

public-buur-title = Niepokój o sąsiadów
public-buur-intro = Przez ścianę słyszysz krzyki, płacz lub uderzenia. Albo widzisz, że coś jest nie tak.
public-buur-sign-1 = Często słyszysz głośne kłótnie, wrzaski albo tłuczenie.
public-buur-sign-2 = Widzisz kogoś z siniakami lub ranami.
public-buur-sign-3 = Dziecko jest często samo, jest głodne albo boi się wracać do domu.
public-buur-do-1 = Słyszysz przemoc teraz? Zadzwoń pod 112.
public-buur-do-2 = Masz wątpliwości? Zadzwoń do Veilig Thuis po radę. Nie musisz podawać swojego nazwiska.
public-buur-do-3 = Porozmawiaj czasem z sąsiadami. Zapytaj, co słychać. Wtedy wiedzą, że jesteś obok.
public-buur-note = Nie rozwiązuj kłótni sam. Możesz narazić siebie lub innych na niebezpieczeństwo.

public-familielid-title = Niepokój o kogoś z rodziny
public-familielid-intro = Jest szczególnie trudno, gdy chodzi o własną rodzinę. Chcesz pomóc, ale nie chcesz stracić kontaktu. Mimo to możesz coś zrobić.
public-familielid-sign-1 = Ktoś coraz rzadziej widuje rodzinę i przyjaciół.
public-familielid-sign-2 = Partner decyduje o wszystkim: o pieniądzach, o ubraniach, o tym, z kim ktoś rozmawia.
public-familielid-sign-3 = Starsza osoba w rodzinie nie ma dobrej opieki albo ktoś zabiera jej pieniądze.
public-familielid-do-1 = Znajdź spokojną chwilę sam na sam z tą osobą. Powiedz, że się martwisz i chcesz pomóc.
public-familielid-do-2 = Słuchaj. Nie obwiniaj. Nie naciskaj, jeśli ktoś nie chce jeszcze rozmawiać.
public-familielid-do-3 = Zadzwoń do Veilig Thuis. Pomogą Ci zastanowić się, co możesz zrobić.
public-familielid-note = Bądź w kontakcie, nawet jeśli to długo trwa. To pomaga bardziej, niż myślisz.

public-collega-title = Niepokój o kolegę z pracy
public-collega-intro = Często widujesz swojego kolegę lub koleżankę. Dlatego możesz jako pierwszy zauważyć, że coś jest nie tak.
public-collega-sign-1 = Ta osoba często się spóźnia, choruje albo musi wcześniej iść do domu.
public-collega-sign-2 = Ta osoba ma rany lub siniaki i dziwnie tłumaczy, skąd się wzięły.
public-collega-sign-3 = Partner często dzwoni albo niespodziewanie przychodzi do pracy.
public-collega-do-1 = Spokojnie zapytaj, jak się czuje, gdy jesteście sami.
public-collega-do-2 = Słuchaj i uwierz w to, co mówi. Nie mów o tym innym, zanim nie zapytasz.
public-collega-do-3 = Zadzwoń do Veilig Thuis po radę. Albo porozmawiaj z przełożonym, jeśli ta osoba się zgadza.
public-collega-note = Czy ta osoba jest teraz w niebezpieczeństwie? Zadzwoń pod 112.

public-werknemer-title = Niepokój o pracownika
public-werknemer-intro = Jesteś pracodawcą lub przełożonym. Pracownikowi nie wiedzie się dobrze i myślisz o przemocy w domu.
public-werknemer-sign-1 = Pracownik często jest nieobecny albo nagle pracuje dużo gorzej.
public-werknemer-sign-2 = Pracownik ma rany albo jest wystraszony i cichy.
public-werknemer-sign-3 = Ktoś z domu kontroluje pracownika, na przykład ciągle do niego dzwoni.
public-werknemer-do-1 = Porozmawiaj z pracownikiem w cztery oczy. Powiedz, co widzisz, bez oceniania.
public-werknemer-do-2 = Zaoferuj wsparcie: wolne na wizytę u specjalisty, inne godziny pracy, bezpieczne miejsce w pracy.
public-werknemer-do-3 = Poproś Veilig Thuis o radę. Czy Twoja organizacja ma procedurę zgłaszania (meldcode)? Postępuj wtedy według jej kroków.
public-werknemer-note = Więcej przeczytasz na stronie dla pracodawców:

public-kind-title = Niepokój o dziecko
public-kind-intro = Dziecko często nie potrafi samo się obronić. Dlatego Twój niepokój jest ważny, nawet jeśli nie masz pewności.
public-kind-sign-1 = Dziecko często ma siniaki lub rany.
public-kind-sign-2 = Dziecko jest wystraszone, bardzo ciche albo bardzo złe.
public-kind-sign-3 = Dziecko jest często głodne, ma brudne ubrania albo często zostaje samo w domu.
public-kind-do-1 = Dziecko coś Ci mówi? Zachowaj spokój i słuchaj. Powiedz, że dobrze, że o tym mówi.
public-kind-do-2 = Nie obiecuj, że zachowasz to w tajemnicy. Powiedz, że poprosisz o pomoc.
public-kind-do-3 = Zadzwoń do Veilig Thuis. Razem ustalicie, co jest najlepsze dla dziecka.
public-kind-note = Dzieci mogą same porozmawiać bezpłatnie i anonimowo z telefonem zaufania De Kindertelefoon (po niderlandzku):

# When to call 112 and when Veilig Thuis.
public-call-title = Dzwonić pod 112 czy do Veilig Thuis?
public-call-intro = Jest zagrożenie teraz? Zadzwoń pod 112. Martwisz się, ale nie ma bezpośredniego zagrożenia? Zadzwoń do Veilig Thuis.
public-call-112-title = Zadzwoń pod 112 przy bezpośrednim zagrożeniu
public-call-112-text = Jest zagrożenie teraz? Na przykład: ktoś jest teraz bity lub zastraszany, ktoś jest ranny albo słyszysz, że ktoś woła o pomoc. Zadzwoń wtedy od razu pod 112.
public-call-112-doubt = Nie wiesz, czy teraz jest niebezpiecznie? Zadzwoń wtedy też pod 112.
public-call-112-link = Zadzwoń pod 112
public-call-vt-title = Zadzwoń do Veilig Thuis, gdy się martwisz
public-call-vt-text = Nie ma bezpośredniego zagrożenia, ale się martwisz? Albo masz wątpliwości? Zadzwoń do Veilig Thuis. Veilig Thuis pomaga w sprawach przemocy domowej, krzywdzenia dzieci i krzywdzenia osób starszych.
public-call-vt-free = Rozmowa jest bezpłatna.
public-call-vt-always = Możesz dzwonić w dzień i w nocy, także w weekend.
public-call-vt-anonymous = Możesz poprosić o radę bez podawania nazwiska.
public-call-vt-report = Możesz też złożyć zgłoszenie (melding). Wtedy Veilig Thuis samo zajmie się sprawą.
public-call-vt-link = Zadzwoń do Veilig Thuis: { $number }
public-call-site-title = Więcej informacji
public-call-site-text = Więcej przeczytasz na stronie internetowej Veilig Thuis (po niderlandzku).
public-call-police-title = Policja, gdy sprawa nie jest pilna
public-call-police-text = Chcesz porozmawiać z policją, ale sprawa nie jest pilna? Zadzwoń na zwykły numer policji.

# What happens after you call Veilig Thuis.
public-after-title = Co się dzieje, gdy zadzwonię do Veilig Thuis?
public-after-intro = Rozmowa z Veilig Thuis nie jest straszna. Sam decydujesz, co powiesz.
public-after-listen-title = Ktoś Cię wysłucha
public-after-listen = Odbierze pracownik Veilig Thuis. Wysłucha Twojej historii i zada pytania. Śmiało powiedz, jeśli czegoś nie jesteś pewien.
public-after-advice-title = Możesz poprosić o radę
public-after-advice = Nie musisz podawać swojego nazwiska. Nie musisz też podawać nazwiska rodziny. Dostaniesz wskazówki, co możesz zrobić sam. Veilig Thuis nie idzie wtedy do rodziny.
public-after-report-title = Możesz też złożyć zgłoszenie
public-after-report = W zgłoszeniu (melding) mówisz, o kogo chodzi. Veilig Thuis sprawdza wtedy, czy wszyscy są bezpieczni. Czasem prowadzi dochodzenie. Rozmawia wtedy z rodziną, a czasem z innymi, na przykład ze szkołą lub lekarzem rodzinnym.
public-after-name-title = Czy moje nazwisko pozostanie tajemnicą?
public-after-name = Przy zgłoszeniu podajesz swoje nazwisko Veilig Thuis. Veilig Thuis nie mówi rodzinie, kto złożył zgłoszenie, chyba że się na to zgodzisz.
public-after-feedback-title = Czy dowiem się czegoś później?
public-after-feedback = Po zgłoszeniu Veilig Thuis zwykle mówi Ci, co z nim robi. Nie wszystko o rodzinie mogą Ci powiedzieć.
public-after-together-title = Kto jeszcze pomaga?
public-after-together = Veilig Thuis współpracuje z zespołem pomocy gminy (wijkteam), lekarzem rodzinnym, policją i innymi specjalistami. Dzięki temu rodzina dostaje odpowiednią pomoc.

# For employers.
public-employers-title = Informacje dla pracodawców
public-employers-intro = Przemoc w domu nie kończy się za drzwiami. Widać ją też w pracy. Jako pracodawca lub przełożony możesz wiele zrobić.
public-employers-signs-title = Na co możesz zwrócić uwagę?
public-employers-sign-1 = Ktoś często się spóźnia lub często choruje.
public-employers-sign-2 = Ktoś ma siniaki lub rany i dziwnie tłumaczy, skąd się wzięły.
public-employers-sign-3 = Ktoś jest cichy, wystraszony albo łatwo się płoszy.
public-employers-sign-4 = Partner ciągle dzwoni albo czeka pod pracą.
public-employers-do-title = Co możesz zrobić?
public-employers-do-1 = Porozmawiaj spokojnie z pracownikiem w cztery oczy. Powiedz, co widzisz.
public-employers-do-2 = Słuchaj i nie oceniaj. Zapytaj, czego pracownik potrzebuje.
public-employers-do-3 = Daj przestrzeń, na przykład wolne na wizytę u specjalisty.
public-employers-do-4 = Poproś Veilig Thuis o radę. Możesz to zrobić bez podawania nazwisk.
public-employers-meldcode-title = Procedura zgłaszania (meldcode)
public-employers-meldcode = Czy Twoja organizacja działa w opiece zdrowotnej, edukacji, opiece nad dziećmi, pomocy młodzieży, pomocy społecznej lub wymiarze sprawiedliwości? Wtedy musi mieć procedurę zgłaszania (meldcode). Opisuje ona krok po kroku, co robić, gdy się martwisz. Postępuj według tych kroków.
public-employers-no-meldcode = Twoja organizacja nie ma procedury zgłaszania? Zawsze możesz poprosić Veilig Thuis o radę lub złożyć zgłoszenie.
public-employers-migrants-title = Pracownicy z innych krajów
public-employers-migrants = W tym regionie pracuje wiele osób z innych krajów, na przykład z Polski, Rumunii i Bułgarii. Często nie znają pomocy w Holandii. Z powodu języka czasem boją się zadzwonić. Powiedz im, że Veilig Thuis jest bezpłatne i że mogą anonimowo poprosić o radę.
public-employers-migrants-share = Te strony są dostępne także po niderlandzku, angielsku, rumuńsku i bułgarsku. Wybierz język na górze strony i udostępnij link swoim pracownikom.
public-employers-migrants-interpreter = Pracownik nie mówi po niderlandzku? Zapytaj Veilig Thuis, czy może pomóc tłumacz.
