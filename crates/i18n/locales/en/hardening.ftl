# Issue 8 (hardening): identifiers, proxies, readiness, origin checks, error details.
error-identifier-format = is not a valid reference (1 to 64 letters, digits, dots, hyphens or underscores)
health-database-not-writable = database does not accept writes (disk full or read-only?)
error-organisation-unknown = is not an organisation in the directory
error-expected-seq-positive = must be 1 or more: the sequence number of the last event you saw
api-role-needs-organisation = is required when a role is chosen
api-demo-no-totp = the demo asks no second factor; leave totp out
api-field-unknown = is not a known field
api-value-not-in-list = '{ $value }' is not an allowed value; choose from: { $allowed }
api-value-wrong-kind = has the wrong kind of value
api-expected-text = must be text
api-expected-boolean = must be true or false
api-expected-integer = must be a whole number
api-expected-list = must be a list
api-expected-object = must be an object
api-value-wrong-length = has the wrong number of elements
api-body-too-large = the request is too large
error-cross-origin = This request comes from another website and was therefore refused.
