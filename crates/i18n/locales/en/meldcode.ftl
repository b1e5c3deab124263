# The meldcode for professionals (issue 11, item 1): the five steps, the kindcheck and the
# afwegingskader (RULES.md 1).

meldcode-step-signals = Map the signals
meldcode-step-consultation = Consult a colleague and, if needed, Veilig Thuis
meldcode-step-conversation = Talk with the client
meldcode-step-weighing = Weigh the domestic violence or child abuse
meldcode-step-decision = Decide: organise help and/or report

meldcode-question-1 = Based on steps 1 to 4, do I suspect (a threat of) domestic violence and/or child abuse?
meldcode-question-2 = Do I judge that there is acute unsafety and/or structural unsafety?
meldcode-question-3 = Am I able to give or organise effective help to avert the threat of (future) domestic violence and/or child abuse?
meldcode-question-4 = Do those involved accept help, and are they willing to work at it?
meldcode-question-5 = Does the help lead, within the desired time, to the necessary results for the safety and/or well-being (recovery) of everyone involved?

meldcode-outcome-no-suspicion = No suspicion: close and record in the file
meldcode-outcome-report-unsafety = Report to Veilig Thuis: there is acute and/or structural unsafety
meldcode-outcome-report-cannot-help = Report to Veilig Thuis: I cannot give or organise effective help myself
meldcode-outcome-report-help-not-accepted = Report to Veilig Thuis: those involved do not accept the help
meldcode-outcome-offer-help = Offer or organise help and follow its effects
meldcode-outcome-report-again = Report (again) to Veilig Thuis: the help does not bring the necessary safety in time
meldcode-outcome-close-help = Close the help, with agreements with the family and partners on following (un)safety

meldcode-leads-to-melding = A report (melding) to Veilig Thuis, with the family's details
meldcode-leads-to-help = No report: you offer or organise help and stay responsible. You can ask Veilig Thuis for advice; the family then stays anonymous.
meldcode-leads-to-close = No report: the file is closed

meldcode-kindcheck-no-parental-problems = no signals of problems in the client that may harm children
meldcode-kindcheck-no-children = the client does not care for children and is not pregnant
meldcode-kindcheck-one-child = 1 child ({ $leeftijden } years)
meldcode-kindcheck-children = { $aantal } children ({ $leeftijden } years)
meldcode-kindcheck-pregnant = pregnant
meldcode-kindcheck-shared = care shared with { $met_wie }
meldcode-kindcheck-shared-anonymous = care shared
meldcode-kindcheck-not-shared = care not shared

meldcode-skip-safety = The safety of the client, of me or of someone else is at stake.
meldcode-skip-contact-break = I have good reason to believe the client would then break off contact with me.

meldcode-phase-at-step = Step { $nummer }: { $stap }
meldcode-phase-following-help = Help under way: answer question 5 when the effect of the help shows
meldcode-phase-melding-due = Report to Veilig Thuis
meldcode-phase-reported = Reported to Veilig Thuis
meldcode-phase-closed = Closed

meldcode-prefill-concern = Concern
meldcode-prefill-kindcheck = Kindcheck
meldcode-prefill-vt-advice = Advice from Veilig Thuis
meldcode-prefill-no-conversation = No conversation with the client
meldcode-prefill-responsibility-stays = I offer or organise help myself and stay responsible; I am asking for advice.
meldcode-prefill-name-removed = [name]

error-meldcode-question-not-reached = This question does not come up: the answer to question { $vraag } already decides the outcome. Leave this question open.
error-meldcode-question-answer-first = Answer this question first, or leave the questions after it open too.
error-meldcode-kindcheck-not-asked = This question does not come up after your earlier answers in the kindcheck. Leave it empty.
error-meldcode-kindcheck-number = Enter a number of children from 1 to { $max }.
error-meldcode-kindcheck-age = Enter an age from 0 to 17 years.
error-meldcode-kindcheck-count = You entered { $aantal } children but { $leeftijden } ages. Enter an age for each child.
error-meldcode-skip-ground-unknown = Choose why the conversation did not take place.
error-meldcode-field-not-asked = This field does not go with your answer. Leave it empty.
error-meldcode-birth-date-future = The date of birth lies in the future.
error-meldcode-step-first = Record step { $nummer } first: { $stap }.
error-meldcode-melding-decided = The decision is to report to Veilig Thuis. The steps can no longer be added to.
error-meldcode-no-suspicion-after-decision = There is already a decision. No suspicion any more? Then weigh again and answer question 1 with no.
error-meldcode-doubt-consult-vt = When in doubt, always consult Veilig Thuis. Record the advice of Veilig Thuis in step 2 first.
error-meldcode-weigh-again = Weigh again (step 4) before you decide again.
error-meldcode-no-melding-due = There is no decision to report, or the report has been made already.
error-meldcode-close-melding-due = The decision is to report to Veilig Thuis. Make the report first; then you can close the file.
error-meldcode-closed = This meldcode file is closed.
error-meldcode-prefill-no-melding = A report follows from the decision to report. There is no such decision, or the report has been made already.
error-meldcode-prefill-no-advies = You can ask for advice once the signals are recorded and there is no decision to report yet.
error-meldcode-no-such-veilig-thuis = Choose the Veilig Thuis organisation the advice request or report goes to.
