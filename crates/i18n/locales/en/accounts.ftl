# Accounts, second factor and break-the-glass (issue 8 findings 1, 6, 8).

## Refusals
deny-break-glass-not-for-organisation = This region does not allow break-the-glass access for your kind of organisation. Contact Veilig Thuis.
deny-break-glass-limit-reached = You have used break-the-glass access as often as allowed today. Contact your privacy officer.
deny-not-own-organisation = An organisation's accounts and roles are managed by an administrator of that organisation.
deny-second-person-required = A second person of the organisation must approve this request, not the one who made it or the one it is for.
error-break-glass-kind-without-cases = { $kind } does not work with cases and cannot be given break-the-glass access.

## Second factor
login-code-used = This code has been used already. Wait for the next code in your app.
totp-recovery-hint = Lost your app? Enter one of your recovery codes instead.
recovery-title = Your recovery codes
recovery-intro = Keep these codes in a safe place. If you lose your authenticator app, you can sign in with a recovery code. Each code works once.
recovery-once = These codes are shown only once.
recovery-continue = Continue

## Accounts and roles (separation of duties)
accounts-created = The account has been created. Give the user this activation code (once, valid { $days } days): { $code } — at /activeren the user chooses their own password. The role takes effect only when a second administrator or team leader of the organisation approves it.
accounts-new-explained = You do not choose a password: the user gets a one-time activation code and chooses their own password and second factor. The role takes effect only after a second person of the organisation approves it.
accounts-role-requested = The role has been requested. It takes effect only when a second administrator or team leader of the organisation approves it.
accounts-request-role = Request role
accounts-requests-title = Role requests
accounts-requests-intro = A role takes effect only when a second person of the organisation approves it. You cannot approve a request you made or one for yourself.
accounts-requests-none = No requests are waiting.
accounts-requested-by = Requested by
accounts-approve = Approve
accounts-refuse = Refuse
accounts-request-approved = The request has been approved; the role is in effect now.
accounts-request-refused = The request has been refused.
accounts-activate-title = Activate account
accounts-activate-intro = Enter the activation code your administrator gave you and choose your own password of at least 12 characters. At your first login you set up your second factor.
accounts-activation-code = Activation code
accounts-new-password = New password
accounts-activate = Activate
accounts-activated = Your account has been activated. You can sign in once your role has been approved.
accounts-to-login = To login
accounts-activation-unknown = This activation code is unknown, used already or expired.

## Break-the-glass
break-glass-unneeded = You asked for break-the-glass access, but your organisation already takes part in this case. You are reading on the ground of that part; break-the-glass was not used.
break-glass-notice-heading = Break-the-glass access to your organisation's cases
break-glass-notice = { $user } used break-the-glass access at { $at }. Reason: { $reason }
break-glass-review-title = Review break-the-glass access
break-glass-review-intro = Every break-the-glass access waits here until you review it: accepted, or flagged for further inquiry. The organisation accountable for the case sees the access in its work queue.
break-glass-review-open = To review
break-glass-review-flagged-heading = Flagged for further inquiry
break-glass-review-none = None.
break-glass-review-when = When
break-glass-review-reason = Reason
break-glass-review-accept = Accept
break-glass-review-flag = Flag
break-glass-review-accepted = The break-the-glass access has been accepted.
break-glass-review-flagged = The break-the-glass access has been flagged for further inquiry.
break-glass-review-log = All break-the-glass access in the access log
