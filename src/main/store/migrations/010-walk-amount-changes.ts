// Schema v10: amount changes by day, so the forecast walk looks up history only for deals that changed after `from`.
// Released steps are never edited: add a new step instead.

/**
 * The walk reads a deal's amount on a day from deal_amount_history (schema v9). Most deals in a period did not change
 * between two snapshots; with this index the walk finds the few that did in one range and takes every other deal's
 * current amount as it is (an org-wide quarter on the large workspace: ~50,000 deals, a few hundred changed).
 */
export default `
CREATE INDEX deal_amount_history_changed ON deal_amount_history(changed_at, deal_id);
`
