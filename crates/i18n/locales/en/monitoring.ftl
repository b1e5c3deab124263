# Monitoring, the end of Veilig Thuis involvement and feedback to the reporter (issue 7, items 6, 7, 9).

## Item 6: the end of Veilig Thuis's involvement
phase-vt-beeindigd = Veilig Thuis involvement ended
event-vt-involvement-ended = Veilig Thuis involvement ended
involvement-end-handover-without-monitoring = Handover accepted without safety conditions to monitor
involvement-end-monitoring-ended = Monitoring ended
error-involvement-end-not-allowed-org = Only Veilig Thuis or the accountable organisation can end Veilig Thuis's involvement.
error-involvement-end-not-now = Veilig Thuis's involvement ends only once the case has been handed over and nothing is left to monitor.

## Item 7: recording a monitoring moment
error-monitoring-record-not-allowed-org = Only Veilig Thuis or the organisation holding regie records a monitoring moment.
error-monitoring-moment-already-recorded = The moment “{ $moment }” has already been recorded.
error-monitoring-moment-not-due = The moment “{ $moment }” is due only on { $due }. Give a reason to record it earlier.
participation-former-regie = Held regie (read only)
deadline-terug-bij-veilig-thuis = Case back with Veilig Thuis (you held regie)
monitoring-former-regie-notice = Your organisation held regie over this case. The case has gone back to Veilig Thuis; you can read along but no longer change it.
monitoring-due-since = due since { $date }
monitoring-due-on = due on { $date }
monitoring-moment-hint = A moment that is not yet due can only be recorded with a reason.
monitoring-condition = Safety condition
monitoring-met = Met
monitoring-not-met = Not met
monitoring-family-contact = Was there contact with the family?
monitoring-contact-note = Short note on the contact
monitoring-next-step = Next step
monitoring-early-reason = Reason to record early
monitoring-early-reason-hint = Only needed when the moment is not yet due.
monitoring-unmet-hint = If a condition was not met, the case goes back to Veilig Thuis at once.

## Item 9: feedback to the reporter, informing the family
intake-reporter-has-role = The reporter has a role in the follow-up (also receives the safety conditions)
intake-reporter-informant-doctor = The reporter is a doctor who acted only as informant
feedback-handover-offered-not-accepted = Veilig Thuis has offered the care to: { $parties }. That organisation has not accepted yet; until then Veilig Thuis remains responsible.
event-feedback-sent = Feedback sent to the reporter
event-family-informed = Family informed of the outcome
error-feedback-text-required = There is no text to send.
error-family-informed-before-decision = The family is informed of the outcome; there must be a decision first.
error-feedback-informant-doctor-waive = The reporter is a doctor who acted only as informant: there is no standard feedback. Record that it is waived, with the reason.
feedback-recipient-unnamed = the reporter (name not recorded)
family-informed-heading = Family informed of the outcome
family-informed-how = How and whom (for example: by phone, the mother)
family-informed-record = Record that the family was informed
feedback-received-title = Feedback from Veilig Thuis
feedback-received-intro = What Veilig Thuis fed back to your organisation as reporter. You do not see the file itself.
feedback-received-none = No feedback has been sent yet.
feedback-received-to = To { $to }
feedback-received-sent-at = Sent on { $at }
