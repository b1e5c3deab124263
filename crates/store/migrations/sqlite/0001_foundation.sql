-- Foundation schema for SQLite. Times are UTC text in one fixed RFC 3339 format, so they sort as
-- text; flags are 0/1 integers; hashes are lower-case hex. See ../postgres for the twin.

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE gemeenten (
    name TEXT PRIMARY KEY,
    region TEXT NOT NULL,
    centrumgemeente INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    gemeenten TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    totp_secret TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    is_demo INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users(id),
    org_id TEXT NOT NULL REFERENCES organisations(id),
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, org_id, role)
);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    membership_org TEXT,
    membership_role TEXT,
    second_factor INTEGER NOT NULL,
    complete INTEGER NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    client_addr TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE login_attempts (
    throttle_key TEXT NOT NULL,
    at TEXT NOT NULL,
    succeeded INTEGER NOT NULL
);
CREATE INDEX login_attempts_by_key ON login_attempts(throttle_key, at);

CREATE TABLE case_events (
    case_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    org_id TEXT NOT NULL,
    on_behalf_of TEXT,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
);

CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    accountable_org TEXT NOT NULL,
    title TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_seq INTEGER NOT NULL,
    head_hash TEXT NOT NULL
);
CREATE INDEX cases_by_accountable ON cases(accountable_org, updated_at);

CREATE TABLE case_participants (
    case_id TEXT NOT NULL REFERENCES cases(id),
    org_id TEXT NOT NULL,
    participation TEXT NOT NULL,
    PRIMARY KEY (case_id, org_id, participation)
);
CREATE INDEX case_participants_by_org ON case_participants(org_id, case_id);

CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    birth_date TEXT,
    bsn TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX persons_by_name ON persons(name_key, birth_date);
CREATE INDEX persons_by_bsn ON persons(bsn);

CREATE TABLE case_persons (
    case_id TEXT NOT NULL REFERENCES cases(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    role TEXT NOT NULL,
    PRIMARY KEY (case_id, person_id)
);
CREATE INDEX case_persons_by_person ON case_persons(person_id);

CREATE TABLE access_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    resource_kind TEXT NOT NULL,
    resource_id TEXT,
    outcome TEXT NOT NULL,
    user_id TEXT,
    username TEXT NOT NULL,
    role TEXT,
    org_id TEXT,
    responsible_user TEXT,
    access_point TEXT NOT NULL,
    ground TEXT,
    reason TEXT,
    clients TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX access_log_by_user ON access_log(user_id, at);
CREATE INDEX access_log_by_time ON access_log(at);
CREATE INDEX access_log_break_glass ON access_log(ground, at);

CREATE TABLE access_log_clients (
    person_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (person_id, seq)
);

CREATE TABLE access_log_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO access_log_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
