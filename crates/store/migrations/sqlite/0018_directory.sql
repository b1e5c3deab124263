-- The sociale kaart (issue 11 item 3): the region's help services, one row each, with the service
-- as JSON (the domain's `Service`), and the history of every change (who, when, which fields).
-- No personal data of clients: only providers' contact data, so reads are not access-logged.
-- The directory holds hundreds of entries; search and filters run in memory after loading.
CREATE TABLE directory_services (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    payload TEXT NOT NULL,
    last_reviewed TEXT NOT NULL,
    reviewed_by TEXT NOT NULL,
    archived BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE directory_changes (
    service_id TEXT NOT NULL REFERENCES directory_services(id),
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    changes TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    by_user_id TEXT NOT NULL,
    by_name TEXT NOT NULL,
    PRIMARY KEY (service_id, seq)
);
