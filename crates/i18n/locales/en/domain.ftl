# Labels of the domain: the chain stages' event kinds, phases, code lists and deadlines.
# Keys are area-what; each stage names its own event kinds (event-<kind>).

## Event kinds, by stage
# intake
event-opened = Registered
event-intake-recorded = Advice request or report recorded
event-converted-to-melding = Converted to a report
event-converted-to-advies = Converted to an advice request
# triage
event-urgency-assessed = Urgency assessed
event-safety-assessed = Safety assessment
event-follow-up-decided = Follow-up decided
event-onderzoek-completed = Investigation completed
event-instrument-scored = Risk assessment recorded
# feedback to the reporter
event-feedback-given = Feedback given
event-feedback-waived = No feedback
# handover
event-handover-offered = Handover offered
event-handover-accepted = Handover accepted
event-handover-refused = Handover refused
event-handover-withdrawn = Handover withdrawn
# monitoring of the safety conditions
event-monitoring-recorded = Monitoring recorded
event-re-escalated = Back to Veilig Thuis
event-monitoring-ended = Monitoring ended
# the case as a whole
event-closed = Closed
event-reopened = Reopened
event-note-added = Note

## Phases, participations, organisation kinds, roles, access refusals, instruments, holidays
phase-advies = Advice
phase-intake = Intake
phase-beoordeling = Safety assessment
phase-besloten = Follow-up decided
phase-overdracht = Handover offered
phase-overgedragen = Handed over
phase-monitoring = Monitoring
phase-gesloten = Closed
participation-accountable = accountable
participation-contributor = contributes
participation-handover-receiver = handover offered
participation-reporter = reporter
participation-signal-recipient = Handle with Care signal
org-kind-veilig-thuis = Veilig Thuis
org-kind-lokaal-team = Local team / neighbourhood team
org-kind-politie = Police
org-kind-openbaar-ministerie = Public Prosecution Service
org-kind-raad-kinderbescherming = Child Protection Board
org-kind-gemeente = Municipality / policy
org-kind-school = School
org-kind-kinderopvang = Childcare
org-kind-opvang = Shelter
org-kind-ggd = Public health service (GGD)
org-kind-zorg = GP / care
org-kind-reclassering = Probation service
org-kind-mda-team = MDA++ team
org-kind-programmabureau = Programme office
role-medewerker = Case worker
role-teamleider = Team leader / case director
role-beheerder = Functional administrator
role-privacy-officer = Privacy officer / log administrator
role-beleidsmedewerker = Policy officer (read only)
role-school-contact = School contact person (Handle with Care)
deny-second-factor-required = Personal data require signing in with a second factor.
deny-role-not-permitted = Your role gives no access to these data.
deny-organisation-not-permitted = Your organisation has no access to these data.
deny-no-relation = Your organisation is not involved in this case.
deny-break-glass-reason-too-short = Give a reason of at least 10 characters to get access without involvement.
deny-break-glass-only-for-reading = Emergency access is read only.
instrument-rihg = Risk assessment instrument for domestic violence (RiHG)
instrument-care-nl = CARE-NL
instrument-b-safer = B-SAFER
instrument-dash = DASH risk checklist
instrument-triage-vt = Veilig Thuis triage instrument
holiday-nieuwjaarsdag = New Year's Day
holiday-goede-vrijdag = Good Friday
holiday-eerste-paasdag = Easter Sunday
holiday-tweede-paasdag = Easter Monday
holiday-koningsdag = King's Day
holiday-bevrijdingsdag = Liberation Day
holiday-hemelvaartsdag = Ascension Day
holiday-eerste-pinksterdag = Whit Sunday
holiday-tweede-pinksterdag = Whit Monday
holiday-eerste-kerstdag = Christmas Day
holiday-tweede-kerstdag = Boxing Day

## CBS classes of a melding (85361NED) and deadlines
melding-class-eerste-melding = 1st report
melding-class-hermelding = Repeat report
melding-class-vervolgmelding-tijdens-beoordeling = Follow-up report during assessment
melding-class-vervolgmelding-na-beoordeling = Follow-up report after assessment
melding-class-vervolgmelding-tijdens-monitoring = Follow-up report during monitoring
melding-class-niet-ingedeeld = Not classified
deadline-urgentie = Assess urgency
deadline-acute-actie = Acute report: act now
deadline-veiligheidsbeoordeling = Complete the safety assessment
deadline-overdracht-accepteren = Accept or refuse the handover
deadline-monitoringsmoment = Monitoring moment after { $moment }
deadline-onderzoek = Complete the investigation
deadline-terugkoppeling-na-beoordeling = Feedback to the reporter after assessment
deadline-terugkoppeling-na-onderzoek = Feedback to the reporter after investigation
