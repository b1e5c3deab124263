# Work queue, search, case numbers and assignment (issue 7, "Fit for daily work").

event-assigned = Assigned
error-assign-not-member = Choose a worker of your own organisation.
error-search-empty = Enter a name, date of birth, BSN or case number.
error-search-too-long = Use at most 200 characters.
error-search-bsn = This is no valid BSN (9 digits, elfproef).
error-search-word = Use words of a name, a date like 29-11-2026, a BSN or a case number like VT-2026-00123.
error-queue-flag = Choose on (1) or off (0).
error-queue-choose = Choose one of the options.

worklist-intro = What your organisation must do. Acute items first, then the earliest deadline.
worklist-totals = Totals per task
worklist-overdue-count = { $n } overdue
worklist-filters = Filter
worklist-all = All
worklist-gemeente = Municipality
worklist-assigned = Assigned to
worklist-assigned-me = To me
worklist-unassigned = Nobody
worklist-acute-only = Acute only
worklist-overdue-only = Overdue only
worklist-filter = Show
worklist-clear = Clear all filters
worklist-matching = { $n ->
    [one] 1 task
   *[other] { $n } tasks
}
worklist-acute = Acute
worklist-page = Page { $n }
worklist-load = Load per worker
worklist-worker = Worker
worklist-open-cases = Open cases
worklist-items = Tasks
worklist-kind-urgentie = Assess urgency
worklist-kind-acute-actie = Acute action
worklist-kind-veiligheidsbeoordeling = Safety assessment
worklist-kind-overdracht-accepteren = Accept or refuse handover
worklist-kind-overdracht-wacht = Handover awaiting acceptance
worklist-kind-monitoringsmoment = Monitoring moment
worklist-kind-onderzoek = Complete investigation
worklist-kind-terugkoppeling = Feedback to reporter

search-title = Search
search-label = Search for a case
search-hint = Name (or part of it), date of birth (29-11-2026), BSN or case number (VT-2026-00123).
search-button = Search
search-results = { $n ->
    [one] 1 case found
   *[other] { $n } cases found
}
search-none = No case found that you may see.
search-placeholder = Name, date of birth, BSN or case number

home-showing-open = Open cases only.
home-show-closed = Show closed cases too
home-showing-all = Open and closed cases.
home-show-open-only = Show open cases only
worklist-assign-to = Assign to
worklist-assign = Assign
error-queue-page = Choose a page number.
