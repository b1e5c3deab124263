# Issue 8 finding 7: before it accepts, a handover's receiver only answers the offer.
event-handover-question-asked = Question about the handover
error-handover-question-receiver-only = Only the receiving organisation ({ $to_org }) can ask a question about this handover.
actions-handover-question = Question to Veilig Thuis about this handover
actions-ask-question = Ask a question
