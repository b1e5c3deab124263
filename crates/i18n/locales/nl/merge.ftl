# Issue 7: een ten onrechte gesplitste persoon samenvoegen; contactgegevens van de regiehouder;
# de Nederlandse naam van een filter van Te doen.

merge-queue-field-sorteer = Sorteren op
merge-queue-field-richting = Sorteerrichting
merge-queue-field-pagina = Pagina

