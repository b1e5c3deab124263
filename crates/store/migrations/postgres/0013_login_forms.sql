-- Login form pre-sessions (issue 8 finding 5): GET /login opens one, its random id goes into the
-- browser's cookie, and the form's token is bound to it with the server key. Only the SHA-256 of
-- the id is kept here. POST /login deletes the row, so a form is accepted once; rows past
-- expires_at are refused and purged.
CREATE TABLE login_forms (
    id_hash TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
);
CREATE INDEX login_forms_expires_at ON login_forms (expires_at);
