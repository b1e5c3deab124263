# Het regionale actieprogramma (issue 12).
programme-status-niet-gestart = Niet gestart
programme-status-loopt = Loopt
programme-status-vertraagd = Vertraagd
programme-status-afgerond = Afgerond
programme-status-vervallen = Vervallen
programme-body-bestuurscommissie = Bestuurscommissie
programme-body-ambtelijke-werkgroep = Ambtelijke werkgroep
error-programme-body-kind-unknown = Onbekende soort orgaan; kies bestuurscommissie of ambtelijke_werkgroep.
error-programme-status-unknown = Onbekende status; kies niet gestart, loopt, vertraagd, afgerond of vervallen.
error-programme-period-backwards = Het laatste jaar ligt vóór het eerste jaar.
error-programme-client-unknown = De opdrachtgever { $naam } staat niet bij de organen van het programma.
error-programme-duplicate = Komt twee keer voor; elke waarde moet uniek zijn.
error-programme-group-unknown = Er is geen werkgroep met de code { $code }.
