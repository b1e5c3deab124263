# Issue 8 findings 5, 10 and 12, issue 7 acceptance: login forms, verify of the read models, benches.
login-form-invalid = Dit inlogformulier is al gebruikt of hoort bij een ander browservenster. Vul het formulier hieronder opnieuw in.
login-form-expired = Dit inlogformulier is verlopen. Vul het formulier hieronder opnieuw in.
