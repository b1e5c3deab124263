-- The regional action programme (issue 12): its own log and its own hash chain, apart from every
-- case. The state (actions, rounds, working groups, budget) is folded from the log by the domain;
-- a programme holds a few hundred events, so no projection is kept. It holds no personal data of
-- clients: only the names of the people who steer the programme.
CREATE TABLE programmes (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    head_seq BIGINT NOT NULL,
    head_hash TEXT NOT NULL
);

CREATE TABLE programme_events (
    programme_id TEXT NOT NULL REFERENCES programmes(id),
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    by_user_id TEXT NOT NULL,
    by_name TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (programme_id, seq)
);
