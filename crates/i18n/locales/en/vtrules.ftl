# Issue 7, rule breaches 1, 2, 3 and 8: every melding assessed, conditions that travel, receivers
# that can receive, unanswered handovers escalate.

event-follow-up-revised = Follow-up decision revised

deadline-vtrules-overdracht-onbeantwoord = Escalated: handover not answered within the term
deadline-vtrules-nieuwe-ontvanger = Handover refused: find a new receiver
deadline-vtrules-melding-urgentie = Assess the urgency of report { $n }
deadline-vtrules-melding-acute-actie = Acute report { $n }: act now
deadline-vtrules-melding-beoordeling = Finish the safety assessment of report { $n }
deadline-vtrules-nieuwe-melding = New report { $n } at Veilig Thuis: being assessed

error-vtrules-receiver-unknown = choose an organisation from the list; this organisation does not exist
error-vtrules-receiver-cannot-take-regie = an organisation of the kind { $kind } cannot take over the direction of a case
error-vtrules-receiver-does-not-fit-track = an organisation of the kind { $kind } does not fit the follow-up track '{ $track }'
error-vtrules-conditions-dropped-need-reason = give a reason for not handing over these safety conditions: { $conditions }
error-vtrules-decision-revise-with-reason = A follow-up has already been decided. Revise the decision with a reason.
error-vtrules-revision-not-now = A decision can only be revised while Veilig Thuis holds the case and no handover is open.
error-vtrules-melding-position = the order of the reports does not match; reload the case
error-vtrules-melding-unknown = this report does not belong to the case
error-vtrules-melding-urgency-done = The urgency of this report has already been assessed.
error-vtrules-melding-urgency-first = Assess the urgency of this report first.
error-vtrules-melding-assessed = This report has already been assessed.
error-vtrules-case-not-closable-melding-open = The case cannot be closed: a report still awaits its safety assessment.
error-vtrules-no-melding-waiting = no report awaits this assessment
error-vtrules-org-unknown = this organisation does not exist

queue-vtrules-escalated = Escalated
case-vtrules-melding = Report
case-vtrules-melding-n = Report { $n }
case-vtrules-melding-hint = Which report? By default the oldest one waiting.
case-vtrules-dropped-reason = Reason for not handing over conditions
case-vtrules-dropped-reason-hint = Only needed when you leave out a decided safety condition.
case-vtrules-revise = Revise decision
case-vtrules-revise-reason = Reason for the revision
