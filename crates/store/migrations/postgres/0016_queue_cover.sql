-- Te doen at national scale (issue 7: under 50 ms with the demo at scale 10). The queue is sorted
-- acute first, which lives on the case, so every open deadline of the organisation is joined with
-- its case before the first page is known. Both sides are now read from covering indexes alone:
-- the deadline's index holds every column the filters and sorts use, the case's index the case's
-- columns they use, and the page's other columns are read for its rows only.
DROP INDEX case_deadlines_queue;
CREATE INDEX case_deadlines_queue ON case_deadlines(
    owner_org, sort_key, case_id, n, for_role, shown_from, kind, due, due_at, label
);
CREATE INDEX cases_queue_cover ON cases(id, acute, gemeente, assigned_user, case_number);
