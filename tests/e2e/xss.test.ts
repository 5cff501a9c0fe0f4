// Stored XSS proved absent: the payload corpus is written through the contract into every free-text field, then every
// page that shows them is opened in Chromium; nothing runs, no link leaves, CSP stays quiet, the text shows literally.
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dispatch, type Context } from '../../src/main/dispatch'
import { handlers } from '../../src/main/handlers'
import { WorkspaceSession } from '../../src/main/session'
import type { MethodName, MethodOutput } from '../../src/shared/contract'
import { byId, fitting, LONG_UNBROKEN, PAYLOADS, type Payload } from '../fixtures/xss-payloads'
import { launchApp, type AppUnderTest } from '../support/browser'
import { clock, tempDir } from '../support/workspace'

/**
 * Every free-text field of the contract (found by grepping src/shared/contract for z.string()) and how it is filled
 * here. Fields that only take a constrained shape are not free text and are listed at the end with why.
 */
export const COVERED_FIELDS = {
  'teams.create / teams.rename': ['name', 'managerName'],
  'reps.create / reps.update': ['name'],
  'reps.markLeft': ['reason'],
  'import.apply (deals CSV)': ['fileName', 'deal name', 'account name', 'owner (new rep name)', 'next step', 'external id'],
  'import.apply (LinkedIn connections)': ['first name', 'last name', 'company', 'position'],
  'activities.create': ['subject', 'outcome'],
  'flags.acknowledge': ['reason'],
  'criteria.set': ['evidence'],
  'pipelineViews.save': ['name'],
  'oneOnOnes.start': ['agenda'],
  'notes.save': ['body (Markdown, rendered)'],
  'actionItems.add': ['text'],
  'focus.rate': ['evidence'],
  'search.notes': ['query'],
  'requisitions.create': ['title', 'hiringManager', 'questions[].prompt', 'questions[].anchorLow', 'questions[].anchorHigh'],
  'candidates.create': ['name', 'phone', 'location', 'currentCompany', 'currentTitle', 'linkedinUrl', 'otherLinks', 'researchNotes (Markdown, rendered)', 'trackRecord[].segment'],
  'candidates.move': ['reason'],
  'scorecards.submit': ['interviewer', 'summary', 'ratings[].notes'],
  'competitors.create / competitors.update / competitors.addPerson': ['name', 'aliases', 'people[].name', 'people[].title'],
  'socialRules.set': ['conduct'],
  'forecast.recordCall': ['label']
} as const
/** Not free text: ids, enums, ISO dates, emails, base64 and currency codes are refused unless they match their shape. */
export const CONSTRAINED_FIELDS = ['email', 'backups.restore name (a listed file name)', 'app.exportPdf name (letters, digits, . _ - ( ))', 'import contentBase64', 'currency']

const IMG = byId('img-onerror').text
const SCRIPT = byId('script').text
const BREAKOUT = byId('breakout-dq').text
const TEMPLATE = byId('template').text
const MD_LINK = byId('md-link-js').text
const SVG = byId('svg-onload').text

interface Seeded {
  dealRepId: number
  renamedRepId: number
  renamedRepName: string
  teamName: string
  oneOnOneId: number
  requisitionId: number
  candidateIds: number[]
  candidateNames: string[]
  firstCandidateName: string
  competitorName: string
  importFileName: string
  dealName: string
}

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodOutput<M>>

function caller(ctx: Context): Call {
  return async (method, input) => {
    const envelope = await dispatch(handlers, ctx, method, input)
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`)
    return envelope.value as MethodOutput<typeof method>
  }
}

const cycle = (list: Payload[], i: number) => list[i % list.length]!.text
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

/** Writes the corpus through the contract (validation included) into a demo workspace. */
async function seed(session: WorkspaceSession): Promise<Seeded> {
  const call = caller({ session, clock, shell: 'browser' })
  const short80 = fitting(80, { controls: false, newlines: false })
  const short120 = fitting(120, { controls: false, newlines: false })
  const short200 = fitting(200, { controls: false, newlines: false })

  // Teams and reps: names show on nearly every page.
  const teams = await call('teams.list', {})
  const teamName = SVG
  await call('teams.rename', { id: teams[0]!.id, name: teamName })
  const newTeam = await call('teams.create', { name: short80[3]!.text, managerName: short120[5]!.text })
  const reps = await call('reps.list', { status: 'active', limit: 50 })
  const renamedRepName = IMG
  const renamedRepId = reps.rows[0]!.id
  await call('reps.update', { id: renamedRepId, name: renamedRepName })
  await call('reps.update', { id: reps.rows[1]!.id, name: BREAKOUT })
  await call('reps.update', { id: reps.rows[2]!.id, name: `${'W'.repeat(120)}` })
  const extra = await call('reps.create', { name: TEMPLATE, teamId: newTeam.id, role: 'ae', hireDate: '2025-01-06', quotaMinor: 100_000_00 })
  await call('reps.markLeft', { id: extra.id, leftOn: '2026-11-01', reason: byId('a-entity-js').text })

  // A deals CSV carrying a payload in every text column, through import.apply (the same call the Import page makes).
  // A NUL makes the importer refuse the file as binary (its own test covers that), so the CSV carries the rest.
  const textual = fitting(100_000, { controls: false })
  const rows = textual.map((p, i) => ({
    'External ID': `XSS-${i}-${p.id}`,
    Deal: p.text,
    Company: i % 3 === 0 ? `${p.text} ${'W'.repeat(150)}` : cycle(short120, i + 7),
    Owner: i % 2 === 0 ? byId('md-link-upper').text : byId('rtl-override').text,
    Stage: 'Discovery',
    Value: String(1000 + i),
    'Close Date': '2027-02-26',
    'Next Step': cycle(textual, i + 3)
  }))
  const csv = Papa.unparse(rows, { newline: '\r\n' })
  const importFileName = `"><img src=x onerror=window.__pwned=1>.csv`
  await call('import.apply', { fileName: importFileName, contentBase64: base64(csv), source: 'generic-deals' })
  const imported = await call('reps.list', { status: 'active', limit: 200 })
  const dealRep = imported.rows.find((r) => r.name === byId('md-link-upper').text)
  if (!dealRep) throw new Error('the import did not create the payload-named owner')
  const connections = Papa.unparse(
    fitting(120, { controls: false, newlines: false }).slice(0, 12).map((p, i) => ({
      'First Name': p.text,
      'Last Name': cycle(short80, i + 2),
      URL: '',
      'Email Address': '',
      Company: cycle(short120, i + 4),
      Position: cycle(short120, i + 9),
      'Connected On': '12 Oct 2026'
    })),
    { newline: '\r\n' }
  )
  await call('import.apply', { fileName: 'Connections.csv', contentBase64: base64(connections), source: 'linkedin-connections', repId: dealRep.id })

  // Deals: activities, a flag acknowledgement, criterion evidence, a saved view.
  const dealList = await call('pipeline.list', { filters: { ownerId: dealRep.id }, limit: 100 })
  const dealName = dealList.rows.find((d) => d.name === SCRIPT)?.name ?? dealList.rows[0]!.name
  for (const [i, d] of dealList.rows.slice(0, 8).entries()) {
    await call('activities.create', {
      repId: dealRep.id,
      dealId: d.id,
      kind: 'call',
      occurredAt: `2026-11-${String(10 + i).padStart(2, '0')}T10:00:00Z`,
      subject: cycle(fitting(500), i),
      outcome: i === 0 ? 'W'.repeat(2000) : cycle(fitting(2000), i + 11)
    })
    const inspection = await call('deals.inspect', { id: d.id })
    const flag = inspection.flags[0]
    if (flag) await call('flags.acknowledge', { dealId: d.id, flag: flag.flag, reason: cycle(fitting(500), i + 5), until: '2026-12-31' })
    await call('criteria.set', { dealId: d.id, criterion: 'identified_pain', met: true, evidence: cycle(fitting(1000), i + 13) })
  }
  await call('pipelineViews.save', { name: byId('a-javascript').text, filters: { ownerId: dealRep.id }, sort: 'evidence_score', direction: 'asc' })

  // One-on-ones: agenda, the Markdown note, action items, focus evidence.
  const started = await call('oneOnOnes.start', { repId: renamedRepId, agenda: PAYLOADS.map((p) => p.text).join('\n').slice(0, 5000) })
  const meeting = started.oneOnOne
  const body = [...PAYLOADS.map((p) => p.text), '- bullet <img src=x onerror=window.__pwned=1>', '## Heading <script>window.__pwned=1</script>', LONG_UNBROKEN].join('\n\n')
  await call('notes.save', { oneOnOneId: meeting.id, body })
  for (const p of fitting(1000).slice(0, 10)) await call('actionItems.add', { repId: renamedRepId, oneOnOneId: meeting.id, text: p.text })
  await call('actionItems.add', { repId: renamedRepId, oneOnOneId: meeting.id, text: 'W'.repeat(1000) })
  await call('focus.rate', { repId: renamedRepId, oneOnOneId: meeting.id, skill: 'pricing', rating: 2, evidence: MD_LINK })
  await call('focus.rate', { repId: renamedRepId, oneOnOneId: meeting.id, skill: 'discovery', rating: 3, evidence: 'W'.repeat(500) })

  // Recruiting: a role whose questions are payloads, candidates made of payloads, scorecards, an exit reason.
  const requisition = await call('requisitions.create', {
    title: byId('iframe-srcdoc').text,
    hiringManager: byId('breakout-sq').text,
    questions: [
      { prompt: byId('style-import').text, anchorLow: byId('md-image-js').text, anchorHigh: byId('object-data').text },
      { prompt: 'W'.repeat(500), anchorLow: byId('emoji').text, anchorHigh: byId('zero-width').text }
    ]
  })
  const candidateIds: number[] = []
  const people = short200.slice(0, 10)
  for (const [i, p] of people.entries()) {
    const created = await call('candidates.create', {
      name: p.text,
      phone: cycle(fitting(60, { controls: false, newlines: false }), i + 1),
      location: cycle(short200, i + 2),
      currentCompany: i === 1 ? 'W'.repeat(200) : cycle(short200, i + 3),
      currentTitle: cycle(short200, i + 4),
      linkedinUrl: `https://www.linkedin.com/in/x-${i}?q="><img src=x onerror=window.__pwned=1>`,
      otherLinks: ['https://example.com/<script>window.__pwned=1</script>', `https://example.com/${'W'.repeat(300)}`],
      researchNotes: i === 1 ? LONG_UNBROKEN : PAYLOADS.map((q) => q.text).join('\n\n') + '\n- **bold** [x](javascript:window.__pwned=1)',
      trackRecord: [{ year: 2025, attainmentPct: 120, segment: cycle(fitting(80, { controls: false, newlines: false }), i) }],
      requisitionId: requisition.id,
      stage: 'interviews',
      allowDuplicate: true
    })
    candidateIds.push(created.id)
  }
  const [q1, q2] = requisition.questions
  for (const [i, candidateId] of candidateIds.slice(0, 3).entries()) {
    await call('scorecards.submit', {
      candidateId,
      requisitionId: requisition.id,
      interviewer: cycle(short200, i + 6),
      recommendation: 'yes',
      summary: i === 0 ? 'W'.repeat(5000) : PAYLOADS.map((p) => p.text).join('\n').slice(0, 5000),
      ratings: [
        { questionId: q1!.id, rating: 2, notes: cycle(fitting(5000), i + 8) },
        { questionId: q2!.id, rating: 3, notes: cycle(fitting(5000), i + 9) }
      ]
    })
  }
  await call('candidates.move', { candidateId: candidateIds[9]!, requisitionId: requisition.id, stage: 'rejected', reason: byId('details-toggle').text })

  // Visibility: competitors and their people, social rules of conduct.
  const competitor = await call('competitors.create', {
    name: byId('input-autofocus').text,
    aliases: fitting(120, { controls: false, newlines: false }).slice(0, 5).map((p) => p.text),
    people: fitting(120, { controls: false, newlines: false }).slice(5, 11).map((p, i) => ({ name: p.text, title: cycle(fitting(160, { controls: false, newlines: false }), i + 2), role: i % 2 ? 'seller' : 'leader' }))
  })
  await call('competitors.addPerson', { competitorId: competitor.id, name: 'W'.repeat(120), title: 'W'.repeat(160), role: 'seller' })
  await call('socialRules.set', { role: 'ae', platforms: ['linkedin'], cadencePerWeek: 3, responseTimeHours: 24, conduct: PAYLOADS.map((p) => p.text).join('\n').slice(0, 4000) })
  await call('socialRules.set', { role: 'sdr', platforms: ['linkedin', 'x'], cadencePerWeek: 5, responseTimeHours: 4, conduct: 'W'.repeat(4000) })

  // Forecast: call labels.
  const periods = await call('forecast.periods', {})
  const open = periods.find((p) => p.closedAt === null) ?? periods[0]!
  for (const [i, p] of fitting(40, { controls: false, newlines: false }).slice(0, 4).entries()) {
    await call('forecast.recordCall', { periodId: open.id, repId: renamedRepId, label: p.text, takenOn: `2026-11-${String(10 + i).padStart(2, '0')}`, repCommitMinor: 1000, repBestCaseMinor: 2000, managerCallMinor: 1500 })
  }

  return {
    dealRepId: dealRep.id,
    renamedRepId,
    renamedRepName,
    teamName,
    oneOnOneId: meeting.id,
    requisitionId: requisition.id,
    candidateIds,
    candidateNames: people.map((p) => p.text.trim()),
    firstCandidateName: people[0]!.text,
    competitorName: competitor.name,
    importFileName,
    dealName
  }
}

/** Installed before the app's own script (as text: the node-side tsconfig has no DOM types): records CSP violations. */
const CANARY = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  }, true);
`

/** Everything in the live DOM that could run script or leave the app: handler attributes, script URLs, frames. */
const DOM_HAZARDS = `(() => {
  const found = [];
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'srcset'];
  const squash = (v) => v.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) found.push('<' + tag + ' ' + name + '="' + a.value.slice(0, 60) + '">');
      if (name === 'srcdoc') found.push('<' + tag + ' srcdoc>');
      if (urlAttrs.includes(name)) {
        const v = squash(a.value);
        if (/^(javascript|vbscript):/.test(v)) found.push('<' + tag + ' ' + name + '="' + a.value.slice(0, 60) + '">');
        if (/^data:/.test(v) && !(tag === 'img' && /^data:image\\/(png|gif|jpeg|webp)/.test(v))) found.push('<' + tag + ' ' + name + '="' + a.value.slice(0, 60) + '">');
      }
    }
    if (tag === 'a' && el.hasAttribute('href')) {
      const href = el.href;
      if (!/^(https?:|mailto:|blob:)/.test(href) && !href.startsWith(location.origin)) found.push('<a href="' + href.slice(0, 60) + '">');
    }
  }
  for (const tag of ['iframe', 'frame', 'object', 'embed', 'base', 'meta', 'style', 'link', 'script']) {
    for (const el of document.body.querySelectorAll(tag)) found.push('<' + tag + '> in the body: ' + el.outerHTML.slice(0, 80));
  }
  for (const el of document.head.querySelectorAll('script')) {
    const src = el.getAttribute('src') || '';
    if (!/^\\.?\\/assets\\//.test(src) || (el.textContent || '').trim()) found.push('head script ' + el.outerHTML.slice(0, 80));
  }
  return found;
})()`

/** Elements whose right edge passes the viewport while none of their children's does: where a layout breaks. */
const WIDE_ELEMENTS = `(() => {
  const out = [];
  const name = (el) => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/ +/).join('.') : '');
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    const spill = getComputedStyle(el).overflowX === 'visible' ? r.left + el.scrollWidth : r.right;
    if (spill <= window.innerWidth + 1) continue;
    if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > window.innerWidth + 1 || (getComputedStyle(c).overflowX === 'visible' && c.getBoundingClientRect().left + c.scrollWidth > window.innerWidth + 1))) continue;
    out.push(name(el) + ' in ' + (el.parentElement ? name(el.parentElement) : '') + ' "' + (el.textContent || '').slice(0, 30) + '"');
    if (out.length >= 6) break;
  }
  return out;
})()`

describe('stored XSS: every payload shown, none run', () => {
  const temp = tempDir('touchline-xss-')
  const workspacePath = join(temp.dir, 'xss.sqlite')
  let app: AppUnderTest
  let seeded: Seeded
  let provoked = 0

  beforeAll(async () => {
    const session = new WorkspaceSession(workspacePath)
    expect(session.create('demo', clock).state).toBe('open')
    seeded = await seed(session)
    await session.close()
    app = await launchApp({ workspacePath })
    // A missing text fails on its own locator within the test's time, not as a bare test timeout.
    app.page.setDefaultTimeout(10_000)
    await app.page.addInitScript({ content: CANARY })
    await app.page.goto(app.server.url)
    await app.page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor()
  }, 180_000)

  afterAll(async () => {
    await app?.close()
    temp.dispose()
  })

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && app) await app.screenshot(`xss-failed-${ctx.task.name.split(':')[0]!.replace(/\W+/g, '-')}`)
  })

  const allowedProblem = (p: string) => provoked > 0 && /Refused to execute inline script|Content Security Policy/.test(p)

  /** The page's state after showing payloads: nothing ran, nothing reported, nothing dangerous in the DOM, no sideways scroll. */
  async function assertClean(page: Page, where: string) {
    await page.waitForLoadState('networkidle')
    const state = await page.evaluate<{ pwned: unknown; violations: unknown[] | null; overflow: number }>(
      '({ pwned: window.__pwned, violations: window.__violations ?? null, overflow: document.documentElement.scrollWidth - window.innerWidth })'
    )
    expect(state.pwned, `${where}: window.__pwned was set`).toBeUndefined()
    expect(state.violations, `${where}: the canary is installed`).not.toBeNull()
    expect(state.violations, `${where}: CSP violations`).toEqual([])
    expect(await page.evaluate<string[]>(DOM_HAZARDS), `${where}: dangerous DOM`).toEqual([])
    if (state.overflow > 1) {
      // Name the widest culprits (elements sticking out on the right with no child that does) to fix the CSS.
      const culprits = await page.evaluate<string[]>(WIDE_ELEMENTS)
      expect(state.overflow, `${where}: the page scrolls sideways by ${state.overflow}px; widest: ${culprits.join(' | ')}`).toBeLessThanOrEqual(1)
    }
    expect(app.problems.filter((p) => !allowedProblem(p)), `${where}: console errors`).toEqual([])
    await app.screenshot(`xss-${where}`)
  }

  /** A table in a scrolling frame never widens the page, so check it directly: it fits its frame and no cell spills. */
  async function assertTableFits(table: ReturnType<Page['getByRole']>, what: string) {
    const fits = await table.evaluate((t) => ({
      table: t.scrollWidth,
      frame: t.parentElement?.clientWidth ?? 0,
      spilling: Array.from(t.querySelectorAll('td, th') as unknown as ArrayLike<{ scrollWidth: number; clientWidth: number; textContent: string | null }>)
        .filter((c) => c.scrollWidth > c.clientWidth + 1)
        .map((c) => (c.textContent ?? '').slice(0, 40))
    }))
    expect(fits.table, `${what} is no wider than its frame`).toBeLessThanOrEqual(fits.frame + 1)
    expect(fits.spilling, `${what}: cells whose text spills out`).toEqual([])
  }

  const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click()

  it('proves the canary works: a script injected on purpose is blocked by CSP and reported', async () => {
    const { page } = app
    expect(await page.evaluate<unknown[]>('window.__violations'), 'violations before anything was provoked').toEqual([])
    provoked++
    await page.evaluate("(() => { const s = document.createElement('script'); s.textContent = 'window.__provoked = 1'; document.body.appendChild(s); s.remove() })()")
    // One report per policy: the browser shell sends the CSP as a header and the page carries it in a meta tag.
    await expect.poll(() => page.evaluate<number>('window.__violations.length')).toBeGreaterThanOrEqual(1)
    const reports = await page.evaluate<{ directive: string; blocked: string }[]>('window.__violations')
    for (const r of reports) expect(r).toMatchObject({ directive: expect.stringMatching(/^script-src/), blocked: 'inline' })
    expect(await page.evaluate<unknown>('window.__provoked')).toBeUndefined()
    // And the DOM scan sees a planted handler attribute.
    await page.evaluate("document.body.setAttribute('onclick', 'x')")
    expect(await page.evaluate<string[]>(DOM_HAZARDS)).toContain('<body onclick="x">')
    await page.evaluate("document.body.removeAttribute('onclick'); window.__violations.length = 0")
  })

  it('the contract refuses script, data and other non-web links in URL fields, naming the field, and stores nothing', async () => {
    const ctx: Context = { session: app.session, clock, shell: 'browser' }
    const before = (await caller(ctx)('competitors.list', {})).length
    for (const url of ['javascript:window.__pwned=1', 'JaVaScRiPt:window.__pwned=1', `data:text/html;base64,${'PHNjcmlwdD4='}`, 'file:///etc/passwd', 'app://touchline@evil']) {
      const candidate = await dispatch(handlers, ctx, 'candidates.create', { name: 'Link test', linkedinUrl: url })
      expect(candidate, url).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('linkedinUrl') } })
      const competitor = await dispatch(handlers, ctx, 'competitors.create', { name: 'Link test', people: [{ name: 'P', role: 'seller', profileUrl: url }] })
      expect(competitor, url).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('profileUrl') } })
    }
    expect((await caller(ctx)('competitors.list', {})).length).toBe(before)
  })

  it('Pipeline: the imported deals, accounts and owner names and the saved view show as text', async () => {
    const { page } = app
    await page.getByLabel('Rep').selectOption(String(seeded.dealRepId))
    // The owner of every other imported row; the rest belong to the right-to-left-override rep.
    const table = page.getByRole('table')
    for (const id of ['script', 'svg-onload', 'a-javascript', 'md-image-js']) await table.getByText(byId(id).text, { exact: true }).first().waitFor()
    await table.getByText(byId('md-link-upper').text).first().waitFor()
    // The table scrolls sideways by design (many columns); a long deal name wraps but keeps its column readable.
    const dealColumn = await table.locator('tbody tr').first().locator('td').first().boundingBox()
    expect(dealColumn!.width, 'the deal column keeps its width').toBeGreaterThanOrEqual(200)
    await assertClean(page, 'pipeline')
  })

  it('Pipeline deal drawer: the activity subjects and outcomes, acknowledgements and evidence show as text', async () => {
    const { page } = app
    await page.getByRole('table').getByText(SCRIPT).first().click()
    const drawer = page.getByRole('dialog', { name: 'Deal details' })
    await drawer.waitFor()
    await drawer.getByText(SCRIPT).first().waitFor()
    await assertClean(page, 'pipeline-drawer')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
  })

  it('Team: rep cards, the prep sheet, the 1:1 note rendered as Markdown, action items and focus evidence', async () => {
    const { page } = app
    await nav(page, 'Team & 1:1s')
    await page.getByRole('heading', { name: 'Team & 1:1s', level: 1 }).waitFor()
    await page.getByRole('button', { name: `Open ${IMG}` }).waitFor()
    await assertClean(page, 'team-cards')
    await page.goto(`${app.server.url.split('#')[0]}#/team?rep=${seeded.renamedRepId}&meeting=${seeded.oneOnOneId}`)
    const notes = page.getByRole('textbox', { name: '1:1 notes' })
    await notes.waitFor()
    await expect(notes.inputValue()).resolves.toContain(SCRIPT)
    await page.locator('.action-items').getByText(IMG).first().waitFor()
    await assertClean(page, 'team-one-on-one')
    await page.getByRole('button', { name: /Preview/ }).click()
    const rendered = page.locator('.markdown')
    await rendered.getByText(SCRIPT).first().waitFor()
    // A Markdown link shows its text only, never as an anchor: the javascript: target stays inert in a tooltip.
    const link = rendered.locator('.md-link', { hasText: 'click me' }).first()
    await link.waitFor()
    expect(await link.evaluate((el) => el.tagName)).toBe('SPAN')
    expect(await rendered.locator('a, img, iframe, script').count()).toBe(0)
    await assertClean(page, 'team-note-preview')
  })

  it('Recruiting: the board, a candidate drawer with rendered research notes and scorecards, and the comparison', async () => {
    const { page } = app
    await nav(page, 'Recruiting')
    await page.getByRole('heading', { name: 'Recruiting', level: 1 }).waitFor()
    await page.getByLabel('Role').selectOption(String(seeded.requisitionId))
    const board = page.getByLabel('Candidate board')
    await board.getByText(seeded.firstCandidateName).first().waitFor()
    await assertClean(page, 'recruiting-board')
    await board.getByRole('article', { name: seeded.firstCandidateName }).getByRole('button').first().click()
    const drawer = page.getByRole('dialog', { name: `Candidate ${seeded.firstCandidateName}` })
    await drawer.waitFor()
    await drawer.getByText(IMG).first().waitFor()
    await drawer.getByText('[x](javascript:window.__pwned=1)').first().waitFor()
    // Wrapping long user text must not squeeze the drawer's own controls: "Close" stays on one line.
    const close = await page.getByRole('button', { name: 'Close the candidate profile' }).boundingBox()
    expect(close!.height, 'the close button is one line high').toBeLessThan(44)
    await assertClean(page, 'recruiting-candidate')
    await page.getByRole('button', { name: 'Close the candidate profile' }).click()
    for (const name of seeded.candidateNames.slice(0, 3)) await board.getByRole('checkbox', { name: `Compare ${name}`, exact: true }).check()
    await page.getByRole('button', { name: /^Compare \(/ }).click()
    const comparison = page.getByRole('region', { name: 'Comparison' })
    await comparison.waitFor()
    await assertTableFits(comparison.getByRole('table'), 'the comparison')
    await assertClean(page, 'recruiting-compare')
  })

  it('Visibility: competitors and people, social rules of conduct, and presentation mode', async () => {
    const { page } = app
    await nav(page, 'Visibility')
    await page.getByRole('heading', { name: 'Visibility', level: 1 }).waitFor()
    await assertClean(page, 'visibility')
    await page.getByRole('tab', { name: 'Social rules' }).click()
    await page.getByRole('table').getByText(SCRIPT).first().waitFor()
    // The table sits in a scrolling frame, so a spilling cell would not widen the page: check the rules table itself.
    await assertTableFits(page.getByRole('table').filter({ hasText: 'Rules of conduct' }), 'the rules table')
    await assertClean(page, 'visibility-rules')
    await page.getByRole('button', { name: /Start presentation/ }).click()
    const deck = page.getByRole('dialog', { name: 'Presentation' })
    await deck.waitFor()
    for (let i = 0; i < 5; i++) {
      await assertClean(page, `visibility-deck-${i + 1}`)
      await page.keyboard.press('ArrowRight')
    }
    await page.keyboard.press('Escape')
    await deck.waitFor({ state: 'detached' })
  })

  it('Forecast: the grid with payload rep and team names and the call labels', async () => {
    const { page } = app
    await nav(page, 'Forecast')
    await page.getByRole('heading', { name: 'Forecast', level: 1 }).waitFor()
    await page.getByText(IMG).first().waitFor()
    // A 120-character rep name with no break point wraps in its cell; the amounts stay in view.
    await assertTableFits(page.getByRole('table').filter({ hasText: 'W'.repeat(60) }).first(), 'the forecast grid')
    await assertClean(page, 'forecast')
  })

  it('Import: the history names the payload file, and a payload CSV previews as text', async () => {
    const { page } = app
    await nav(page, 'Import')
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor()
    await page.getByText(seeded.importFileName).first().waitFor()
    await assertTableFits(page.getByRole('table').filter({ hasText: seeded.importFileName }), 'the import history')
    await assertClean(page, 'import-history')
    const csv = Papa.unparse(PAYLOADS.filter((p) => !/[\u0000\u0001]/.test(p.text)).map((p, i) => ({ Deal: p.text, Company: p.text, Stage: 'Discovery', 'Close Date': '2027-03-31', Owner: i ? 'Pat' : IMG })))
    await page.getByLabel('Export file').setInputFiles({ name: `${SCRIPT}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.getByRole('table', { name: 'Preview rows' }).getByText(IMG).first().waitFor()
    await assertClean(page, 'import-preview')
  })

  it('Settings: the workspace page with payload team names', async () => {
    const { page } = app
    await nav(page, 'Settings')
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
    await assertClean(page, 'settings')
  })
})
