-- Read models of the Veilig Thuis flow (sqlite). All are projections of the case event log, written in
-- the same transaction as the events; none is a source of truth.

-- Person fields the known-before check matches on: name key + birth date, birth date alone (for
-- similar names), BSN; and the gemeente.
ALTER TABLE persons ADD COLUMN gemeente TEXT;
CREATE INDEX persons_by_birth ON persons(birth_date, name_key);

-- Every open deadline of every case with its owner, so a work queue is one indexed range scan.
-- sort_key = due date, then the moment when the deadline is one ('~' sorts after any time).
CREATE TABLE case_deadlines (
    case_id TEXT NOT NULL REFERENCES cases(id),
    n INTEGER NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    due TEXT NOT NULL,
    due_at TEXT,
    since TEXT,
    sort_key TEXT NOT NULL,
    owner_org TEXT NOT NULL,
    PRIMARY KEY (case_id, n)
);
CREATE INDEX case_deadlines_queue ON case_deadlines(owner_org, sort_key);

-- One row per adviesvraag or melding (a casus holds one or more), compact, for the regional monitor.
CREATE TABLE melding_facts (
    case_id TEXT NOT NULL REFERENCES cases(id),
    n INTEGER NOT NULL,
    kind TEXT NOT NULL,
    received_on TEXT NOT NULL,
    gemeente TEXT NOT NULL,
    classification TEXT,
    melder_type TEXT NOT NULL,
    channel TEXT NOT NULL,
    violence_version TEXT NOT NULL,
    specific_groups TEXT NOT NULL,
    betrokkenen INTEGER NOT NULL,
    PRIMARY KEY (case_id, n)
);
CREATE INDEX melding_facts_by_date ON melding_facts(received_on, gemeente);

CREATE TABLE melding_fact_violence (
    case_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (case_id, n, code)
);

CREATE TABLE melding_fact_betrokkenen (
    case_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    i INTEGER NOT NULL,
    role TEXT NOT NULL,
    age_band TEXT,
    gender TEXT NOT NULL,
    PRIMARY KEY (case_id, n, i)
);
