# Issue 7: merging a wrongly split person; the regiehouder's contact details; the Dutch name of a
# Te doen filter.

merge-queue-field-sorteer = Sort by
merge-queue-field-richting = Sort direction
merge-queue-field-pagina = Page

event-person-merged = Person merged
merge-error-same-person = Choose another person: a person cannot be merged with itself.
merge-error-different-bsn = Both persons have a different valid BSN. Confirm that they are the same person nonetheless.
merge-error-person-not-in-case = This person is not a betrokkene in this case.
merge-error-unknown-person = This person was not found in any case.
merge-error-already-merged = This person has already been merged with another person.
merge-error-choose-person = Choose the person who is the same.
merge-error-choose-keep = Choose whose details remain.

merge-title = Merge the same person
merge-intro = Was a betrokkene registered twice as a person by mistake? Then merge the two. All cases keep their history; each case of the person merged into the other gets an event. Case:
merge-vt-only = Only Veilig Thuis can merge persons.
merge-this-person = This betrokkene
merge-born = born
merge-bsn = BSN
merge-no-candidates = No other person found with a similar name, date of birth or the same BSN in a case you may read.
merge-choose-person = Which betrokkene is the same person as someone else?
merge-same-person-as = Same person as …
merge-field-person = Betrokkene
merge-field-candidate = Same person as
merge-field-keep = Whose details remain
merge-keep-hint = The chosen person's name, date of birth and BSN remain; the other person is merged into it.
merge-keep-this = This betrokkene's details
merge-keep-candidate = The chosen person's details
merge-field-confirm-bsn = Both have a different valid BSN, and it is the same person nonetheless
merge-field-reason = Reason
merge-submit = Merge
merge-conflict = One of the cases was changed in the meantime. Check the details and merge again.

org-contact-phone-invalid = Enter a phone number with only digits, spaces, dashes and an optional leading +, such as 088-1234567.
org-contact-email-invalid = Enter an e-mail address such as name@example.nl.
org-contact-phone = Phone
org-contact-email = E-mail
org-contact-edit = Change contact details
org-contact-save = Save
org-contact-heading = Contact details of { $org }
org-contact-hint = Neither is required. They are shown with the regiehouder on the case page.
