// Methods for recruiting: requisitions, the candidate board, profiles, scorecards, comparison and funnel figures.
import { z } from 'zod'
import {
  BEHAVIOUR_TOPICS,
  CANDIDATE_SOURCES,
  CANDIDATE_STAGES,
  RECOMMENDATIONS,
  REQUISITION_STATUSES,
  type BehaviourTopic,
  type CandidateSource,
  type CandidateStage,
  type ProgressStage,
  type QuestionTopic,
  type Recommendation,
  type RequisitionStatus
} from '../recruiting'
import { REP_ROLES } from '../domain'
import { method } from './method'
import { id, isoDate, paging, type Page } from './common'

export interface RequisitionRow {
  id: number
  title: string
  teamId: number | null
  teamName: string | null
  hiringManager: string | null
  targetStart: string | null
  headcount: number
  status: RequisitionStatus
  createdAt: string
  activeCandidates: number
  hired: number
}

export interface InterviewQuestion {
  id: number
  topic: QuestionTopic
  position: number
  prompt: string
  anchorLow: string
  anchorHigh: string
}

export interface RequisitionDetail extends RequisitionRow {
  questions: InterviewQuestion[]
}

export interface BoardCard {
  applicationId: number
  candidateId: number
  name: string
  currentTitle: string | null
  currentCompany: string | null
  source: CandidateSource
  stage: CandidateStage
  stageEnteredAt: string
  daysInStage: number
  stalled: boolean
  exitReason: string | null
  latestAttainmentPct: number | null
  scorecards: number
  warning: boolean
}

export interface Board {
  requisition: RequisitionRow
  columns: { stage: CandidateStage; total: number; cards: BoardCard[] }[]
}

export interface TrackRecordRow {
  id: number
  year: number
  quotaMinor: number | null
  currency: string
  attainmentPct: number | null
  rankInTeam: number | null
  teamSize: number | null
  avgDealMinor: number | null
  segment: string | null
}

export interface StageMove {
  fromStage: CandidateStage | null
  stage: CandidateStage
  reason: string | null
  enteredAt: string
}

export interface ApplicationView {
  id: number
  requisitionId: number
  requisitionTitle: string
  stage: CandidateStage
  exitReason: string | null
  stageEnteredAt: string
  daysInStage: number
  stalled: boolean
  daysInProcess: number
  history: StageMove[]
  /** For a hire: the rep on a team this person became (candidates.linkRep); null until linked. */
  linkedRep: LinkedRep | null
}

export interface LinkedRep {
  id: number
  name: string
  teamName: string | null
}

/** A hire and the rep they became, after candidates.linkRep. */
export interface HireLink {
  applicationId: number
  candidateId: number
  requisitionId: number
  rep: LinkedRep | null
}

/** One full calendar quarter of a hire's first year on a team: won deals closed in it against a quarter of the annual quota. */
export interface HireQuarter {
  start: string
  end: string
  quotaMinor: number
  wonMinor: number
  /** wonMinor / quotaMinor, as the Team page's rep cards compute it; null when the rep has no quota. */
  attainment: number | null
}

export interface HireOutcomeRow {
  applicationId: number
  candidateId: number
  candidateName: string
  requisitionId: number
  requisitionTitle: string
  repId: number
  repName: string
  hireDate: string | null
  currency: string
  /** The first full quarters after the hire date that have ended (two to four). */
  quarters: HireQuarter[]
  /** Mean attainment over those quarters; null when the hire is not counted. */
  attainment: number | null
  /** Counted in the figures: at least two full quarters since the hire date, with a quota. */
  counted: boolean
  /** Why a hire is not counted yet, in plain words; null when counted. */
  note: string | null
}

/** How well a question's ratings ranked the hires who later performed, in plain words. */
export type OutcomeReading = 'well' | 'weakly' | 'not_at_all' | 'backwards' | 'no_spread' | 'too_few'

export interface QuestionOutcomeRow {
  /** The five built-in topics are one row each across roles; a role's own question is one row per prompt. */
  key: string
  topic: QuestionTopic
  prompt: string
  /** Hires with at least one rating on this question (no rating leaves a hire out; it is never a zero). */
  n: number
  /** Spearman rank correlation between the hire's mean rating and later attainment; null below 3 hires or without spread. */
  rho: number | null
  reading: OutcomeReading
}

export interface HireOutcomes {
  requisitionId: number | null
  /** Hires linked to a rep in scope. */
  linked: number
  /** Linked hires with enough history to count. */
  withOutcome: number
  /** Hires with outcomes needed before any question is judged. */
  threshold: number
  enough: boolean
  /** Empty until enough is true. */
  questions: QuestionOutcomeRow[]
  hires: HireOutcomeRow[]
}

export interface QuestionScoreRow {
  questionId: number
  requisitionId: number
  topic: QuestionTopic
  prompt: string
  mean: number | null
  spread: number | null
  rated: number
  unrated: number
  disagreement: boolean
}

export interface BehaviourWarningView {
  attainmentPct: number
  year: number
  weak: BehaviourTopic[]
  missing: BehaviourTopic[]
  message: string
}

export interface ScorecardSummary {
  scorecards: number
  /** True when the viewer named is an interviewer who has not yet submitted: the panel's views stay hidden. */
  withheld: boolean
  recommendations: Record<Recommendation, number>
  questions: QuestionScoreRow[]
  topics: { topic: BehaviourTopic; mean: number | null; disagreement: boolean }[]
  warning: BehaviourWarningView | null
}

export interface InterviewEntry {
  scorecardId: number
  requisitionId: number
  interviewer: string
  submittedAt: string
  recommendation: Recommendation | null
}

export interface SocialFacts {
  connections: number | null
  followers: number | null
  posts90d: number | null
  visibilityShare: number | null
}

export interface CandidateDetail {
  id: number
  name: string
  email: string | null
  phone: string | null
  location: string | null
  currentCompany: string | null
  currentTitle: string | null
  source: CandidateSource
  linkedinUrl: string | null
  otherLinks: string[]
  researchNotes: string
  social: SocialFacts
  mergedInto: number | null
  createdAt: string
  trackRecord: TrackRecordRow[]
  applications: ApplicationView[]
  interviews: InterviewEntry[]
  summary: ScorecardSummary
}

export interface DuplicateMatch {
  id: number
  name: string
  currentCompany: string | null
  matchedOn: ('email' | 'linkedin' | 'name_company')[]
}

export interface ScorecardView {
  id: number
  candidateId: number
  requisitionId: number
  interviewer: string
  recommendation: Recommendation
  summary: string | null
  submittedAt: string
  ratings: { questionId: number; topic: QuestionTopic; prompt: string; rating: number | null; notes: string | null }[]
}

export interface ScorecardList {
  /** False until the named interviewer has submitted their own scorecard for this candidate and role. */
  visible: boolean
  submitted: number
  own: ScorecardView | null
  scorecards: ScorecardView[]
}

export interface CompareRow {
  id: number
  name: string
  currentTitle: string | null
  currentCompany: string | null
  stage: CandidateStage | null
  requisitionTitle: string | null
  daysInProcess: number | null
  trackRecord: TrackRecordRow[]
  latestAttainmentPct: number | null
  averageAttainmentPct: number | null
  topics: { topic: BehaviourTopic; mean: number | null; disagreement: boolean }[]
  recommendations: Record<Recommendation, number>
  visibilityShare: number | null
  followers: number | null
  warning: BehaviourWarningView | null
}

/** What erasing a candidate removed: the profile, and every row that held something of theirs. */
export interface CandidateErasure {
  candidateId: number
  /** Profiles removed: the one named plus any duplicates that had been merged into it (the same person). */
  profiles: number
  applications: number
  stageMoves: number
  trackRecordYears: number
  scorecards: number
  ratings: number
  /** Attachment rows removed; their files are deleted from disk unless another candidate holds the same file. */
  attachments: number
}

export interface Funnel {
  requisitionId: number | null
  applications: number
  steps: { stage: ProgressStage; reached: number; passThrough: number | null }[]
  timeInStage: { stage: CandidateStage; medianDays: number | null; meanDays: number | null; samples: number }[]
  timeToHire: { medianDays: number | null; meanDays: number | null; hires: number }
  exitReasons: { stage: 'rejected' | 'withdrawn'; reason: string; count: number }[]
  sources: { source: CandidateSource; candidates: number; interviewed: number; offers: number; hired: number; hireRate: number | null }[]
}

const text = (max: number) => z.string().trim().min(1).max(max)
const webUrl = z
  .string()
  .trim()
  .max(500)
  .url('expected a web address')
  .refine((s) => /^https?:\/\//i.test(s), 'only http and https addresses are kept')

export const trackYearInput = z
  .object({
    year: z.number().int().min(1950).max(2200),
    quotaMinor: z.number().int().min(0).max(1e13).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected a 3-letter currency code').default('USD'),
    attainmentPct: z.number().min(0).max(1000).optional(),
    rankInTeam: z.number().int().min(1).max(10_000).optional(),
    teamSize: z.number().int().min(1).max(10_000).optional(),
    avgDealMinor: z.number().int().min(0).max(1e13).optional(),
    segment: text(80).optional()
  })
  .strict()

const questionInput = z.object({ prompt: text(500), anchorLow: text(500), anchorHigh: text(500) }).strict()

const exitReasonRule = (v: { stage?: CandidateStage; reason?: string }) =>
  !(v.stage === 'rejected' || v.stage === 'withdrawn') || (v.reason !== undefined && v.reason.length > 0)
const exitReasonMessage = { message: 'a reason is required when a candidate is rejected or withdraws', path: ['reason'] }

export const candidateInput = z
  .object({
    name: text(200),
    email: z.string().trim().max(320).email('expected an email address').optional(),
    phone: text(60).optional(),
    location: text(200).optional(),
    currentCompany: text(200).optional(),
    currentTitle: text(200).optional(),
    source: z.enum(CANDIDATE_SOURCES).default('other'),
    linkedinUrl: webUrl.optional(),
    otherLinks: z.array(webUrl).max(10).default([]),
    researchNotes: z.string().max(20_000).default(''),
    social: z
      .object({
        connections: z.number().int().min(0).max(1e9).optional(),
        followers: z.number().int().min(0).max(1e9).optional(),
        posts90d: z.number().int().min(0).max(100_000).optional(),
        visibilityShare: z.number().min(0).max(1).optional()
      })
      .strict()
      .default({}),
    trackRecord: z.array(trackYearInput).max(30).default([]),
    requisitionId: id.optional(),
    stage: z.enum(CANDIDATE_STAGES).default('sourced'),
    reason: text(500).optional(),
    allowDuplicate: z.boolean().default(false)
  })
  .strict()
  .refine(exitReasonRule, exitReasonMessage)

/** One CSV row that became (or would have become) a candidate. */
export interface CandidateImportRow {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number
  /** The candidate created; null when a possible duplicate was skipped. */
  candidateId: number | null
  name: string
  email: string | null
  currentCompany: string | null
  /** Existing candidates it looks like (email, LinkedIn profile, name at the same company). */
  matches: DuplicateMatch[]
  /** An earlier row of the same file it looks like. */
  duplicateOfRow: number | null
}

export interface CandidateImportProblem {
  row: number
  /** The CSV column as the file names it; null for a problem with the whole row. */
  column: string | null
  message: string
}

export interface CandidateImportResult {
  fileName: string
  /** False when any row has a problem: then nothing was written. */
  applied: boolean
  rowsRead: number
  requisitionId: number | null
  created: CandidateImportRow[]
  /** Possible duplicates: skipped, or created and listed here for merging when onDuplicate is 'create'. */
  flagged: CandidateImportRow[]
  errors: CandidateImportProblem[]
  ignoredColumns: string[]
}

/** A file attached to a candidate, as the profile lists it. `name` is what the user's file was called: display only. */
export interface AttachmentRow {
  id: number
  candidateId: number
  name: string
  mediaType: string
  sizeBytes: number
  addedAt: string
}

export interface AttachmentAdded {
  attachment: AttachmentRow
  /** True when this candidate already held the same content: nothing new was stored, the earlier row is returned. */
  alreadyAttached: boolean
}

/**
 * What opening did. The desktop shell hands a copy to the OS viewer; the browser shell cannot reach one, so it returns
 * the bytes and the window offers them as a download.
 */
export type AttachmentOpened =
  | { via: 'viewer'; name: string }
  | { via: 'download'; name: string; mediaType: string; dataBase64: string }

/** Attachments are at most 20 MB each; checked in the window before sending and again in main. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
/** Extensions the allow-list takes (the content must match too); the window's file picker offers only these. */
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.docx', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.txt', '.md', '.csv'] as const

/** Candidate CSVs are read whole in main; 5 MB is some 30,000 rows. */
export const CANDIDATE_CSV_MAX_CHARS = 5_000_000

export const recruitingMethods = {
  'requisitions.list': method<Page<RequisitionRow>>()(
    z.object({ status: z.enum([...REQUISITION_STATUSES, 'all']).default('open'), ...paging }).strict()
  ),
  'requisitions.get': method<RequisitionDetail>()(z.object({ id }).strict()),
  'requisitions.create': method<RequisitionDetail>()(
    z
      .object({
        title: text(200),
        teamId: id.optional(),
        hiringManager: text(200).optional(),
        targetStart: isoDate.optional(),
        headcount: z.number().int().min(1).max(1000).default(1),
        questions: z.array(questionInput).max(20).default([])
      })
      .strict()
  ),
  'candidates.board': method<Board>()(
    z.object({ requisitionId: id, limitPerStage: z.number().int().min(1).max(500).default(200) }).strict()
  ),
  'candidates.duplicates': method<DuplicateMatch[]>()(
    z
      .object({
        name: text(200),
        email: z.string().trim().max(320).optional(),
        linkedinUrl: z.string().trim().max(500).optional(),
        currentCompany: z.string().trim().max(200).optional(),
        excludeId: id.optional()
      })
      .strict()
  ),
  'candidates.create': method<CandidateDetail>()(candidateInput),
  'candidates.get': method<CandidateDetail>()(z.object({ id, viewer: text(200).optional() }).strict()),
  'candidates.merge': method<CandidateDetail>()(
    z
      .object({ keepId: id, mergeId: id })
      .strict()
      .refine((v) => v.keepId !== v.mergeId, { message: 'a candidate cannot be merged into itself', path: ['mergeId'] })
  ),
  'candidates.move': method<BoardCard>()(
    z
      .object({ candidateId: id, requisitionId: id, stage: z.enum(CANDIDATE_STAGES), reason: text(500).optional() })
      .strict()
      .refine(exitReasonRule, exitReasonMessage)
  ),
  'candidates.compare': method<CompareRow[]>()(
    z
      .object({ ids: z.array(id).min(2, 'compare at least 2 candidates').max(4, 'compare at most 4 candidates') })
      .strict()
      .refine((v) => new Set(v.ids).size === v.ids.length, { message: 'each candidate once', path: ['ids'] })
  ),
  'scorecards.submit': method<ScorecardView>()(
    z
      .object({
        candidateId: id,
        requisitionId: id,
        interviewer: text(200),
        recommendation: z.enum(RECOMMENDATIONS),
        summary: z.string().trim().max(5000).optional(),
        ratings: z
          .array(
            z
              .object({
                questionId: id,
                rating: z.number().int().min(1).max(4).nullable(),
                notes: z.string().trim().max(5000).optional()
              })
              .strict()
          )
          .max(50)
      })
      .strict()
  ),
  'scorecards.list': method<ScorecardList>()(
    z.object({ candidateId: id, requisitionId: id, interviewer: text(200) }).strict()
  ),
  /** Adds candidates from a CSV (Name or First/Last Name, Email, Phone, Location, Company, Title, Source, LinkedIn URL, Social Media, Website, Job, Notes: an ATS bulk template reads as is): every row checked, then one transaction. */
  'candidates.importCsv': method<CandidateImportResult>()(
    z
      .object({
        requisitionId: id.optional(),
        fileName: text(260),
        text: z.string().max(CANDIDATE_CSV_MAX_CHARS, 'a candidate CSV is at most 5 MB; split the file'),
        onDuplicate: z.enum(['skip', 'create']).default('skip')
      })
      .strict()
  ),
  'recruiting.funnel': method<Funnel>()(z.object({ requisitionId: id.optional() }).strict()),
  /** Stores a file for a candidate under its content hash beside the workspace; the name is display only, the type is checked by content and extension. */
  'attachments.add': method<AttachmentAdded>()(
    z
      .object({
        candidateId: id,
        fileName: z.string().min(1, 'the file needs a name').max(1000),
        dataBase64: z
          .string()
          // A little over the limit still parses, so a file just too big is refused by name in main.
          .max(Math.ceil((MAX_ATTACHMENT_BYTES + 1024) / 3) * 4, 'a file is at most 20 MB')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file content must be base64')
      })
      .strict()
  ),
  'attachments.list': method<Page<AttachmentRow>>()(z.object({ candidateId: id, ...paging }).strict()),
  'attachments.remove': method<{ removed: number; fileDeleted: boolean }>()(z.object({ id }).strict()),
  'attachments.open': method<AttachmentOpened>()(z.object({ id }).strict()),
  /** Links a hired candidate's application to the rep they became (repId null unlinks); a rep is linked to one hire at most. */
  'candidates.linkRep': method<HireLink>()(z.object({ candidateId: id, requisitionId: id, repId: id.nullable() }).strict()),
  /** Adds a hired candidate to a team as a new rep (name and email from the profile) and links the two in one step. */
  'candidates.hireAsRep': method<HireLink>()(
    z
      .object({
        candidateId: id,
        requisitionId: id,
        teamId: id,
        role: z.enum(REP_ROLES),
        hireDate: isoDate,
        quotaMinor: z.number().int('expected whole minor units (cents)').min(0, 'must not be negative').max(1e13, 'is implausibly large'),
        quotaCurrency: z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter currency code like USD').default('USD')
      })
      .strict()
  ),
  /** Did the interview predict the hire: per question, how its ratings ranked the hires' attainment in their first full quarters. */
  'recruiting.hireOutcomes': method<HireOutcomes>()(z.object({ requisitionId: id.optional() }).strict()),
  /** Removes a candidate and every trace of them from the workspace; confirmName must repeat their name (a guard against erasing the wrong person). */
  'recruiting.eraseCandidate': method<CandidateErasure>()(z.object({ id, confirmName: z.string().max(200) }).strict())
}
