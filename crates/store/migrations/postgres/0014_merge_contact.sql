-- Issue 7. A person wrongly split in two is merged into the kept person: the merged person's row
-- stays (its id appears in the events of the cases that held it) and names the kept person, so a
-- lookup by the old id leads to the person that remains. Its case links and name words move to
-- the kept person through the cases' projections.
ALTER TABLE persons ADD COLUMN merged_into TEXT;

-- The regiehouder's contact details on the case page: an organisation's phone number and e-mail
-- address, optional.
ALTER TABLE organisations ADD COLUMN phone TEXT;
ALTER TABLE organisations ADD COLUMN email TEXT;
