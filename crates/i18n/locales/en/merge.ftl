# Issue 7: merging a wrongly split person; the regiehouder's contact details; the Dutch name of a
# Te doen filter.

merge-queue-field-sorteer = Sort by
merge-queue-field-richting = Sort direction
merge-queue-field-pagina = Page

