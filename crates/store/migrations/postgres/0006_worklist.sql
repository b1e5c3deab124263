-- A workable Te doen, search and case numbers (issue 7, "Fit for daily work"; postgres). See ../sqlite
-- for the twin.

-- Every case gets a short unique number (VT-2026-00123): prefix, year of receipt, sequence per prefix
-- and year. The sequence lives in a counter row that the transaction opening a case increments.
ALTER TABLE cases ADD COLUMN case_number TEXT;
-- The family's gemeente (of the case's first intake) and whether the case is acute: filters of Te doen.
ALTER TABLE cases ADD COLUMN gemeente TEXT;
ALTER TABLE cases ADD COLUMN acute BIGINT NOT NULL DEFAULT 0;
-- The worker of the accountable organisation the case is assigned to (an event in the case log).
ALTER TABLE cases ADD COLUMN assigned_user TEXT;

CREATE TABLE case_number_counters (
    prefix TEXT NOT NULL,
    year BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    PRIMARY KEY (prefix, year)
);

-- Existing cases: the year of receipt of their first intake (the day they were opened when they have
-- none), numbered in the order they were opened.
WITH years AS (
    SELECT c.id, c.opened_at,
           COALESCE((SELECT CAST(substr(f.received_on, 1, 4) AS BIGINT) FROM melding_facts f
                     WHERE f.case_id = c.id AND f.n = 0),
                    CAST(substr(c.opened_at, 1, 4) AS BIGINT)) AS year
    FROM cases c
),
numbered AS (
    SELECT id, year, ROW_NUMBER() OVER (PARTITION BY year ORDER BY opened_at, id) AS seq FROM years
)
UPDATE cases SET case_number = 'VT-' || numbered.year || '-' || CASE WHEN numbered.seq < 100000 THEN lpad(numbered.seq::text, 5, '0') ELSE numbered.seq::text END
FROM numbered WHERE numbered.id = cases.id;

INSERT INTO case_number_counters (prefix, year, last_seq)
SELECT 'VT', CAST(substr(case_number, 4, 4) AS BIGINT), COUNT(*) FROM cases
WHERE case_number IS NOT NULL GROUP BY substr(case_number, 4, 4);

UPDATE cases SET gemeente = (SELECT f.gemeente FROM melding_facts f WHERE f.case_id = cases.id AND f.n = 0);
UPDATE cases SET acute = 1 WHERE id IN (SELECT case_id FROM case_deadlines WHERE kind = 'acute_actie');

CREATE UNIQUE INDEX cases_by_number ON cases(case_number);
CREATE INDEX cases_by_assigned ON cases(assigned_user, accountable_org);
-- The start page lists open cases by default.
CREATE INDEX cases_open_by_accountable ON cases(accountable_org, status, updated_at);

-- Search by part of a name: every word of a person's name key, so "vries" finds "Jan de Vries" with
-- an indexed prefix scan instead of a LIKE over every person. Filled by the store with the persons;
-- existing persons get theirs from the migrator's data step right after this file.
CREATE TABLE person_name_tokens (
    token TEXT NOT NULL,
    person_id TEXT NOT NULL,
    PRIMARY KEY (token, person_id)
);
CREATE INDEX person_name_tokens_by_person ON person_name_tokens(person_id);
