// Schema v8: the Pipeline board — one index over open deals by stage. Released: never edit, add a new step instead.

/**
 * The board counts and totals open deals per stage and pages each column weakest evidence first. With
 * (is_open, stage, evidence_score, deal_id) a column's page is an index range that stops after its cards,
 * and the trailing amount makes the per-stage count and total a covering, already-grouped pass.
 */
export default `
CREATE INDEX deal_evidence_stage ON deal_evidence(is_open, stage, evidence_score, deal_id, amount_minor);
`
