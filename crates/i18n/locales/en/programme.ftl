# The regional action programme (issue 12).
programme-status-niet-gestart = Not started
programme-status-loopt = In progress
programme-status-vertraagd = Delayed
programme-status-afgerond = Completed
programme-status-vervallen = Dropped
programme-body-bestuurscommissie = Steering committee
programme-body-ambtelijke-werkgroep = Civil servants' working group
error-programme-body-kind-unknown = Unknown kind of body; choose bestuurscommissie or ambtelijke_werkgroep.
error-programme-status-unknown = Unknown status; choose not started, in progress, delayed, completed or dropped.
error-programme-period-backwards = The last year is before the first year.
error-programme-client-unknown = The client { $naam } is not one of the programme's bodies.
error-programme-duplicate = Appears twice; each value must be unique.
error-programme-group-unknown = There is no working group with the code { $code }.
