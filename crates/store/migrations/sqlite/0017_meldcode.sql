-- Meldcode dossiers (issue 11): a professional's recorded walk through the five steps of the
-- meldcode, its own log and hash chain apart from every case. The dossier belongs to the
-- professional's organisation; once a melding is made, the Veilig Thuis organisation that received
-- it may read it too (reader_org). The head row carries what a list shows, so listing does not fold
-- every log.
CREATE TABLE meldcode_dossiers (
    id TEXT PRIMARY KEY,
    owner_org TEXT NOT NULL,
    reader_org TEXT,
    client_name TEXT NOT NULL,
    phase TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    head_seq BIGINT NOT NULL,
    head_hash TEXT NOT NULL
);

CREATE INDEX meldcode_dossiers_by_owner ON meldcode_dossiers (owner_org, updated_at);

CREATE TABLE meldcode_events (
    dossier_id TEXT NOT NULL REFERENCES meldcode_dossiers(id),
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    by_user_id TEXT NOT NULL,
    by_name TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (dossier_id, seq)
);

-- What a dossier sent to Veilig Thuis: an advies (anonymous) or a melding, with the intake form's
-- prefilled fields, waiting in Veilig Thuis's intake until a worker registers it as a casus.
CREATE TABLE meldcode_requests (
    id TEXT PRIMARY KEY,
    dossier_id TEXT NOT NULL REFERENCES meldcode_dossiers(id),
    vt_org TEXT NOT NULL,
    kind TEXT NOT NULL,
    fields TEXT NOT NULL,
    summary TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    sent_by_user_id TEXT NOT NULL,
    sent_by_name TEXT NOT NULL,
    sender_org TEXT NOT NULL,
    case_id TEXT,
    registered_at TEXT
);

CREATE INDEX meldcode_requests_waiting ON meldcode_requests (vt_org, registered_at, sent_at);
CREATE INDEX meldcode_requests_by_dossier ON meldcode_requests (dossier_id);
