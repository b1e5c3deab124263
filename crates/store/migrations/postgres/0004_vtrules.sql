-- Issue 7 items 1 and 8: queue items meant for one role in the owning organisation (an unanswered
-- handover escalated to Veilig Thuis's teamleider) and items shown only from a day on (the
-- escalation once the answer time has passed). Both NULL for every item before.
ALTER TABLE case_deadlines ADD COLUMN for_role TEXT;
ALTER TABLE case_deadlines ADD COLUMN shown_from TEXT;
