# English: the interface's second language. A missing key shows the Dutch text.

app-name = Schakel
nav-skip-to-content = Skip to content
nav-main-menu = Main menu
nav-start = Start
nav-work-queue = To do
nav-new-intake = New advice request or report
nav-users = Users
nav-access-log = Access log
nav-break-glass = Emergency access
nav-organisations = Organisations
nav-logout = Log out
demo-banner = Demo environment: all data is made up.
footer-tagline = Schakel · together for safety in Noord- en Midden-Limburg
vt-phone-line = Veilig Thuis: { $number } (free, day and night)

error-heading-unauthenticated = Not logged in
error-heading-forbidden = No access
error-heading-not-found = Not found
error-heading-conflict = Changed in the meantime
error-heading-throttled = Please wait
error-heading-bad-input = Please check your input
error-heading-internal = Something went wrong
error-unauthenticated = You are not logged in (any more).
error-not-found = Not found.
error-unknown-route = This route does not exist.
error-method-not-allowed = This method is not allowed here.
error-conflict = Someone else changed this in the meantime. Reload the page and try again.
error-throttled = Too many failed attempts. Wait a quarter of an hour and try again.
error-too-large = The request is too large.
error-internal = Something went wrong on our side. Please try again later.
error-csrf = the form has expired or did not come from Schakel; reload the page
error-back-to-start = To the start page

break-glass-heading = Emergency access
break-glass-intro = Do you need this case now to protect someone? Then you can ask for emergency access. Your reason is recorded and the privacy officer reviews every emergency access.
break-glass-reason = Reason (at least 10 characters)
break-glass-submit = Ask for emergency access
