// Schema v15: the activity indexes on deal, account and contact leave out the rows with no deal, account or contact.
// Released steps are never edited: add a new step instead.

/**
 * A quarter of activities are a rep's own social presence, on no deal, account or contact, and no query looks them
 * up by a missing deal, account or contact: every read through these indexes names one (deal_id = ?, IN (...), a
 * join on the id, or deal_id IS NOT NULL for the grouped evidence pass), which SQLite accepts as implying the
 * index's IS NOT NULL. Their query plans are unchanged (checked with EXPLAIN QUERY PLAN); each index holds 25–40%
 * fewer entries, which takes about 4 s of CPU off building them for the large demo (two million activities).
 */
export default `
DROP INDEX activities_deal;
CREATE INDEX activities_deal ON activities(deal_id, occurred_at, direction) WHERE deal_id IS NOT NULL;
DROP INDEX activities_account;
CREATE INDEX activities_account ON activities(account_id, occurred_at) WHERE account_id IS NOT NULL;
DROP INDEX activities_contact;
CREATE INDEX activities_contact ON activities(contact_id, occurred_at) WHERE contact_id IS NOT NULL;
`
