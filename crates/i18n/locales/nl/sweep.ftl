# Issue 8 finding 7: before it accepts, a handover's receiver only answers the offer.
event-handover-question-asked = Vraag over de overdracht
error-handover-question-receiver-only = Alleen de ontvangende organisatie ({ $to_org }) kan een vraag over deze overdracht stellen.
actions-handover-question = Vraag aan Veilig Thuis over deze overdracht
actions-ask-question = Vraag stellen
