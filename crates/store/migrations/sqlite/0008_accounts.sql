-- Accounts, second factor and break-the-glass (sqlite; see ../postgres for the twin). Issue 8 findings 1, 6 and 8.

-- The last TOTP time step a user signed in with: a code of that step or an earlier one is refused
-- (RFC 6238 section 5.2: a code is accepted once). The secret column now holds the secret sealed
-- with the server key ('v1.' prefix); a plain-text secret from before is sealed at its next use.
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

-- A new account sets its own password through a one-time activation code; only its hash is kept.
-- Until then the account's password hash is '!', which no password matches.
ALTER TABLE users ADD COLUMN activation_hash TEXT;
ALTER TABLE users ADD COLUMN activation_expires TEXT;

-- Recovery codes for a lost authenticator: keyed hashes, each usable once.
CREATE TABLE totp_recovery_codes (
    user_id TEXT NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT,
    PRIMARY KEY (user_id, code_hash)
);

-- Separation of duties: a role is requested by an administrator of the organisation and becomes a
-- membership only when a second person of that organisation (administrator or teamleider) approves.
CREATE TABLE role_requests (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    org_id TEXT NOT NULL REFERENCES organisations(id),
    role TEXT NOT NULL,
    requested_by TEXT NOT NULL REFERENCES users(id),
    requested_at TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_by TEXT REFERENCES users(id),
    decided_at TEXT
);
CREATE INDEX role_requests_open ON role_requests(org_id, status);

-- Every break-the-glass access, for the privacy officer's review (accepted or flagged) and as a
-- notice to the case's accountable organisation; also what the per-user limit counts.
CREATE TABLE break_glass_uses (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    username TEXT NOT NULL,
    org_id TEXT NOT NULL,
    accountable_org_id TEXT,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    status TEXT NOT NULL,
    reviewed_by TEXT,
    reviewed_at TEXT
);
CREATE INDEX break_glass_uses_by_user ON break_glass_uses(user_id, at);
CREATE INDEX break_glass_uses_by_status ON break_glass_uses(status, at);
CREATE INDEX break_glass_uses_by_accountable ON break_glass_uses(accountable_org_id, at);
