# Bekend bij Veilig Thuis: vergelijking van een betrokkene met een bekende persoon (issue 7, punt 5).
known-reason-bsn-gelijk = BSN gelijk
known-reason-bsn-anders = BSN anders
known-reason-naam-gelijk = naam gelijk
known-reason-naam-lijkt = naam lijkt erop
known-reason-naam-anders = naam anders
known-reason-geboortedatum-gelijk = geboortedatum gelijk
known-reason-geboortedatum-dag-verschil = geboortedatum 1 dag anders
known-reason-geboortedatum-anders = geboortedatum anders
known-reason-leeftijd-past = geschatte leeftijd past
