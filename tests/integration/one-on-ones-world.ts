// A rep's history for the 1:1 tests: two held 1:1s and a skipped one, deals that change between them, an unfinished item.
import { QUALIFICATION_CRITERIA } from '@shared/domain'
import { makeWorkspace, NOW, type TempWorkspace } from '../support/workspace'

export const REP = 1
export const OTHER_REP = 2
export const FIRST_1ON1 = '2026-10-26T10:00:00Z'
export const LAST_1ON1 = '2026-11-09T10:00:00Z'

/**
 * Ana Souza (rep 1), North team, $400k a year ($100k this quarter):
 * - D1 Acme — Platform: commit, $50k, moved to negotiation and slipped after the last 1:1, silent since 20 Oct.
 * - D2 Globex — Expansion: best case since 18 Nov (was pipeline), lowered from $30k to $20k, active.
 * - D3 Initech — Pilot: lost to pricing on 17 Nov.
 * - D4 Acme — Add-on: created 19 Nov.
 * - D5 Globex — Renewal: won on 5 Oct (before the last 1:1: not a change, but counts toward attainment).
 * 1:1s on 26 Oct and 9 Nov (held) and 16 Nov (skipped); from the first, "Send the ROI model to Acme" is still open.
 */
export function oneOnOneWorld(): TempWorkspace {
  const w = makeWorkspace()
  const s = w.store.sqlite
  s.prepare("INSERT INTO teams (id, name, created_at) VALUES (1, 'North', ?)").run(NOW)
  s.prepare("INSERT INTO reps (id, team_id, name, role, quota_minor) VALUES (1, 1, 'Ana Souza', 'ae', 40000000)").run()
  s.prepare("INSERT INTO reps (id, team_id, name, role, quota_minor) VALUES (2, 1, 'Zoë Brandt', 'ae', 40000000)").run()
  const accounts = ['Acme', 'Globex', 'Initech']
  accounts.forEach((name, i) => s.prepare('INSERT INTO accounts (id, name, name_key, tier) VALUES (?, ?, ?, 1)').run(i + 1, name, name.toLowerCase()))
  s.prepare("INSERT INTO contacts (id, account_id, name, buying_role) VALUES (1, 1, 'Carla CFO', 'economic_buyer'), (2, 1, 'Tom Tech', 'technical_buyer'), (3, 2, 'Uma User', 'user_buyer')").run()

  const deal = s.prepare(
    `INSERT INTO deals (id, name, owner_id, account_id, amount_minor, currency, stage, probability, forecast_category, close_date, created_date,
       closed_date, status, loss_reason, updated_at) VALUES (?, ?, ?, ?, ?, 'USD', ?, 50, ?, ?, ?, ?, ?, ?, ?)`
  )
  deal.run(1, 'Acme — Platform', 1, 1, 5_000_000, 'negotiation', 'commit', '2026-12-15', '2026-09-01', null, 'open', null, '2026-11-15T09:00:00Z')
  deal.run(2, 'Globex — Expansion', 1, 2, 3_000_000, 'proposal', 'pipeline', '2026-12-20', '2026-09-15', null, 'open', null, '2026-09-15T09:00:00Z')
  deal.run(3, 'Initech — Pilot', 1, 3, 1_500_000, 'proposal', 'closed', '2026-11-17', '2026-08-01', '2026-11-17', 'lost', 'pricing', '2026-11-17T16:00:00Z')
  deal.run(4, 'Acme — Add-on', 1, 1, 800_000, 'prospecting', 'pipeline', '2027-02-28', '2026-11-19', null, 'open', null, '2026-11-19T09:00:00Z')
  deal.run(5, 'Globex — Renewal', 1, 2, 2_500_000, 'negotiation', 'closed', '2026-10-05', '2026-07-01', '2026-10-05', 'won', null, '2026-10-05T09:00:00Z')
  // Another rep's deal, changed in the same weeks: never on Ana's sheet.
  deal.run(6, 'Acme — Other team', 2, 1, 900_000, 'qualifying', 'pipeline', '2026-12-01', '2026-11-20', null, 'open', null, '2026-11-20T09:00:00Z')
  // The writes after the last 1:1 go through UPDATE, as the app and importers write them: deal_history records them.
  s.prepare("UPDATE deals SET amount_minor = 2_000_000, forecast_category = 'best_case', updated_at = '2026-11-18T12:00:00Z' WHERE id = 2".replace('2_000_000', '2000000')).run()

  const stage = s.prepare('INSERT INTO deal_stage_history (deal_id, stage, entered_at) VALUES (?, ?, ?)')
  stage.run(1, 'proposal', '2026-09-01T09:00:00Z')
  stage.run(1, 'negotiation', '2026-11-12T10:00:00Z')
  stage.run(2, 'proposal', '2026-09-15T09:00:00Z')
  stage.run(3, 'proposal', '2026-08-01T09:00:00Z')
  stage.run(4, 'prospecting', '2026-11-19T09:00:00Z')
  stage.run(6, 'qualifying', '2026-11-20T09:00:00Z')
  const close = s.prepare('INSERT INTO deal_close_date_history (deal_id, close_date, previous_close_date, changed_at) VALUES (?, ?, ?, ?)')
  close.run(1, '2026-11-30', null, '2026-09-01T09:00:00Z')
  close.run(1, '2026-12-15', '2026-11-30', '2026-11-15T09:00:00Z')
  for (const id of [1, 2, 4]) {
    for (const c of QUALIFICATION_CRITERIA) {
      s.prepare('INSERT INTO qualification_criteria (deal_id, criterion, met, evidence, updated_at) VALUES (?, ?, 1, ?, ?)').run(id, c, 'Heard on a call', NOW)
    }
  }
  s.prepare('INSERT INTO deal_contacts (deal_id, contact_id) VALUES (1, 1), (1, 2), (2, 3)').run()

  const act = s.prepare('INSERT INTO activities (rep_id, kind, direction, occurred_at, subject, deal_id, account_id, contact_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  act.run(1, 'meeting', 'inbound', '2026-10-20T14:00:00Z', 'Pricing review', 1, 1, 1)
  act.run(1, 'call', 'outbound', '2026-10-19T10:00:00Z', 'Legal check-in', 1, 1, 2)
  act.run(1, 'meeting', 'inbound', '2026-11-20T15:00:00Z', 'Scoping workshop', 2, 2, 3)
  act.run(1, 'email', 'outbound', '2026-11-18T08:00:00Z', 'Revised proposal', 2, 2, 3)
  act.run(1, 'social_post', 'outbound', '2026-11-02T08:00:00Z', 'Post', null, null, null)
  act.run(1, 'social_comment', 'outbound', '2026-11-16T08:00:00Z', 'Comment', null, null, null)
  act.run(1, 'social_share', 'outbound', '2026-11-16T18:00:00Z', 'Share', null, null, null)
  act.run(1, 'social_reaction', 'outbound', '2026-11-21T08:00:00Z', 'Like (not public)', null, null, null)

  const meeting = s.prepare('INSERT INTO one_on_ones (id, rep_id, scheduled_for, held_at, status, created_at) VALUES (?, ?, ?, ?, ?, ?)')
  meeting.run(1, 1, '2026-10-26', FIRST_1ON1, 'held', FIRST_1ON1)
  meeting.run(2, 1, '2026-11-09', LAST_1ON1, 'held', LAST_1ON1)
  meeting.run(3, 1, '2026-11-16', null, 'skipped', LAST_1ON1)
  const item = s.prepare('INSERT INTO action_items (id, rep_id, one_on_one_id, text, owner, due, created_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  item.run(1, 1, 1, 'Send the ROI model to Acme', 'rep', '2026-11-13', FIRST_1ON1, null)
  item.run(2, 1, 1, 'Intro to our CFO reference', 'manager', null, FIRST_1ON1, '2026-11-02T10:00:00Z')
  item.run(3, 1, 2, 'Map the buying committee at Globex', 'rep', '2026-12-01', LAST_1ON1, null)
  return w
}
