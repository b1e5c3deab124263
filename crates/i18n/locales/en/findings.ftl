# Issue 8 findings 5, 10 and 12, issue 7 acceptance: login forms, verify of the read models, benches.
login-form-invalid = This login form has already been used or belongs to another browser window. Please fill in the form below again.
login-form-expired = This login form has expired. Please fill in the form below again.
