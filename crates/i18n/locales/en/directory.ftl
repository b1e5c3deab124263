# The directory of help services of the region (issue 11, item 3).
error-directory-code-unknown = The value { $code } is not in the list; choose from the list.
error-directory-choose-one = Choose at least one.
error-directory-gemeente-unknown = { $g } is not a municipality of the region.
error-directory-phone = Enter a phone number of 10 to 15 digits, for example 088-5550101.
error-directory-email = Enter an e-mail address such as name@example.nl.
error-directory-website = Enter a web address starting with https://, for example https://www.example.nl.
error-directory-contact-needed = Enter at least a phone number, e-mail address or website.
error-directory-public-contact = A public listing shows only phone and website; enter one of them.
error-directory-changed = Someone else changed this service in the meantime. Look at the new details and try again.
directory-change-created = Created
directory-change-updated = Changed
directory-change-reviewed = Reviewed
directory-change-archived = Archived
look-resource-directory = Directory of help services
