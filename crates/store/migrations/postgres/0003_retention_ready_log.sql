-- A retention-ready, scalable log (postgres). See ../sqlite for the twin.
--
-- Case events: the chain now links a SHA-256 digest of the payload instead of the payload itself, so
-- retention can replace a payload by a tombstone and the chain still verifies. Existing events get
-- their digest and new hashes from the migrator's data step right after this file (SHA-256 is not
-- available in SQL on SQLite, so both engines share that one Rust step); until then payload_digest is NULL, which the partial index finds.
ALTER TABLE case_events ADD COLUMN payload_digest TEXT;
ALTER TABLE case_events ADD COLUMN tombstoned_at TEXT;
CREATE INDEX case_events_undigested ON case_events(case_id) WHERE payload_digest IS NULL;

-- Access log: many chains instead of one (one per day and writer stripe), each with its own head
-- row, so concurrent writers rarely wait for each other. Existing entries stay one chain, named
-- 'legacy', verified under the rule they were written with (positions are their seq numbers).
ALTER TABLE access_log ADD COLUMN chain TEXT NOT NULL DEFAULT 'legacy';
ALTER TABLE access_log ADD COLUMN pos BIGINT;
CREATE UNIQUE INDEX access_log_by_chain ON access_log(chain, pos);

-- One row per chain: its head (last position, last seq, last hash) and its place in the registry of
-- chains, itself a hash chain (n, prev_hash, hash), so a whole deleted chain is detected too.
CREATE TABLE access_log_chains (
    chain TEXT PRIMARY KEY,
    n BIGINT NOT NULL UNIQUE,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    pos BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    head_hash TEXT NOT NULL
);

-- The legacy chain is registered first; its registry hash is hashchain::link(GENESIS, ["1", "legacy"])
-- (a constant, checked by a unit test). access_log_head from here on is the registry's head: seq is
-- the number of chains, hash the last registry hash.
INSERT INTO access_log_chains (chain, n, prev_hash, hash, pos, last_seq, head_hash)
SELECT 'legacy', 1, '0000000000000000000000000000000000000000000000000000000000000000',
       '39f9233810d34b27d8ea7bdd7ccb0c8be9389fd6d8e024d0b3fb827d434dfc85', seq, seq, hash
FROM access_log_head WHERE id = 1;
UPDATE access_log_head SET seq = 1, hash = '39f9233810d34b27d8ea7bdd7ccb0c8be9389fd6d8e024d0b3fb827d434dfc85'
WHERE id = 1;

-- New entries take their seq from a sequence, so writers of different chains never wait on one
-- counter (SQLite's single writer takes MAX(seq) + 1 instead; see dialect.rs).
CREATE SEQUENCE access_log_seq;
SELECT setval('access_log_seq', (SELECT COALESCE(MAX(seq), 0) + 1 FROM access_log), false);
