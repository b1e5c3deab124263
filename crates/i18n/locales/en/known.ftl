# Known to Veilig Thuis: comparing a betrokkene with a known person (issue 7, point 5).
known-reason-bsn-gelijk = same BSN
known-reason-bsn-anders = different BSN
known-reason-naam-gelijk = same name
known-reason-naam-lijkt = similar name
known-reason-naam-anders = different name
known-reason-geboortedatum-gelijk = same date of birth
known-reason-geboortedatum-dag-verschil = date of birth 1 day off
known-reason-geboortedatum-anders = different date of birth
known-reason-leeftijd-past = estimated age fits
