# Texts the web crate's Rust code shows: start page, beheer, login, case page, work queue,
# access log, intake form, and the mapping of store errors.

## Start page
home-welcome = Welcome, { $name }
home-intro-teamleider = Your team's work queue: cases your organisation is responsible for, works on, or must answer a handover for.
home-intro-medewerker = Your work queue: cases your organisation is responsible for, works on, or must answer a handover for.
home-queue-title-team = The team's work queue
home-queue-title = Work queue
home-intro-beheerder = You manage the people and organisations that work with Schakel. You see no case data.
home-link-users = Users
home-link-users-description = Create and block accounts, and assign roles per organisation.
home-link-organisations = Organisations
home-link-organisations-description = The partners in the region and the area they serve.
home-intro-privacy-officer = You oversee who viewed which personal data (NEN 7513). Break-the-glass access always asks for your review.
home-link-access-log = Access log
home-link-access-log-description = Search by user, client and period.
home-link-break-glass = Break-the-glass access
home-link-break-glass-description = Every access without involvement, with the reason given.
home-intro-region = You see the region in outline. Personal data is not visible to you.
home-intro-school-contact = As the Handle with Care contact, you hear from Veilig Thuis THAT something serious happened at a pupil's home, never WHAT. That way the school can support the child the next school day.

## Beheer
admin-user-added = The user has been added.
admin-user-changed = The user has been changed.
admin-choose-organisation = choose an organisation from the list
admin-cannot-block-self = you cannot block your own account

## Login
login-wrong-credentials = username or password incorrect
login-no-role = this account has no role in an organisation yet
login-second-factor-state = the second factor is already set up or not yet set up
login-code-wrong = the code is wrong or has expired
login-choose-role = choose an organisation and role from the list

## Case page
case-kind-advies = Advice
case-kind-melding = Report
case-melder-withheld = withheld
case-description-withheld = Description withheld.
case-content-withheld = Content withheld.
case-person-born = { $role }, born { $born }
case-sequence-invalid = missing or not a number
case-moment-after-assessment = after the safety assessment
case-moment-after-investigation = after the investigation
case-moment-choose = choose na_beoordeling or na_onderzoek
case-choose-yes-no = choose ja or nee
case-required = is required
case-choose-track = choose a follow-up track from the list
case-choose-from-list = choose from the list
case-unknown-action = unknown action

## Work queue
queue-since = { $date } ({ $days } days)
queue-since-today = { $date } (today)
queue-since-one-day = { $date } (1 day)
queue-heading-team = To do for the team
queue-heading = To do

## Access log
log-outcome-allowed = allowed
log-outcome-denied = denied
log-heading-break-glass = Break-the-glass access
log-heading = Access log
log-heading-client = Who looked at the file of client { $id }

## Intake form
intake-received-invalid = not a valid time (yyyy-mm-ddThh:mm)
intake-received-invalid-rfc3339 = not a valid time (RFC 3339)
intake-choose-kind = choose advies or melding
intake-age-whole-years = give an age in whole years
intake-choose-from-list = choose from the list
intake-gender-unknown = Unknown
intake-gender-woman = Woman
intake-gender-man = Man
intake-gender-other = Other
intake-match-bsn = same BSN
intake-match-name-birth-date = same name and date of birth
intake-match-similar = looks like (similarity { $percent }%)

## Store errors and the health check
store-not-found = { $what } does not exist
store-duplicate = already exists
health-database-unreachable = database not reachable

## Access log search
log-until-before-from = is before the start date

## API
api-csrf-invalid = missing or incorrect
api-content-type-json = must be application/json
api-body-unreadable = could not be read
api-json-invalid = not valid JSON (line { $line }, column { $column })
api-value-invalid = invalid value
api-path-invalid = invalid path: { $detail }
api-limit-range = must be between 1 and 500
api-offset-negative = must not be negative
api-enrol-on-website = set up the second factor on the website first
api-second-factor-required = second factor required
api-no-role-in-organisation = you have no role in this organisation
