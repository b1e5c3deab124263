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
