// The built-in source mappings: which headers each export uses for which field, and how a file is recognised.
import type { ImportField, ImportMapping, ImportSource } from '@shared/contract/imports'
import { ImportError } from './errors'
import { headerKey } from './table'
import { withoutHeaderCurrency } from './values'

export type DealField =
  | 'externalId'
  | 'name'
  | 'account'
  | 'accountId'
  | 'owner'
  | 'stage'
  | 'amount'
  | 'currency'
  | 'probability'
  | 'forecastCategory'
  | 'closeDate'
  | 'createdDate'
  | 'isClosed'
  | 'isWon'
  | 'status'
  | 'nextStep'
  | 'lossReason'
export type ConnectionField = 'firstName' | 'lastName' | 'url' | 'email' | 'company' | 'position' | 'connectedOn'
export type ActivityField = 'occurredAt' | 'activityType' | 'rep' | 'subject' | 'direction' | 'outcome' | 'deal' | 'dealId'
export type Field = DealField | ConnectionField | ActivityField

/** The fields a column of each kind of file can fill (any source of that kind: a HubSpot file may map a Won column). */
export const KIND_FIELDS: Record<SourceMapping['kind'], readonly Field[]> = {
  deals: ['externalId', 'name', 'account', 'accountId', 'owner', 'stage', 'amount', 'currency', 'probability', 'forecastCategory', 'closeDate', 'createdDate', 'isClosed', 'isWon', 'status', 'nextStep', 'lossReason'],
  connections: ['firstName', 'lastName', 'url', 'email', 'company', 'position', 'connectedOn'],
  activities: ['occurredAt', 'activityType', 'rep', 'subject', 'direction', 'outcome', 'dealId', 'deal', 'account']
}

export const FIELD_LABELS: Record<ImportField, string> = {
  externalId: 'External id',
  name: 'Deal',
  account: 'Account',
  accountId: 'Account id',
  owner: 'Owner',
  stage: 'Stage',
  amount: 'Amount',
  currency: 'Currency',
  probability: 'Probability',
  forecastCategory: 'Forecast category',
  closeDate: 'Close date',
  createdDate: 'Created',
  isClosed: 'Closed?',
  isWon: 'Won?',
  status: 'Status',
  nextStep: 'Next step',
  lossReason: 'Loss reason',
  firstName: 'First name',
  lastName: 'Last name',
  url: 'Profile URL',
  email: 'Email',
  company: 'Company',
  position: 'Position',
  connectedOn: 'Connected on',
  occurredAt: 'Occurred at',
  activityType: 'Activity type',
  rep: 'Rep',
  subject: 'Subject',
  direction: 'Direction',
  outcome: 'Outcome',
  deal: 'Deal',
  dealId: 'Deal id'
}

export interface SourceMapping {
  source: ImportSource
  label: string
  kind: 'deals' | 'connections' | 'activities'
  /** field → header names it may appear under (compared case-insensitively). */
  fields: Partial<Record<Field, readonly string[]>>
  required: readonly Field[]
  /** Headers only this source uses: they decide between sources with overlapping columns. */
  signature: readonly string[]
}

export const SOURCES: readonly SourceMapping[] = [
  {
    source: 'salesforce-api',
    label: 'Salesforce opportunities (API field names)',
    kind: 'deals',
    fields: {
      externalId: ['Id'],
      name: ['Name'],
      account: ['Account.Name', 'AccountName'],
      accountId: ['AccountId'],
      owner: ['Owner.Name', 'OwnerName', 'OwnerId'],
      stage: ['StageName'],
      amount: ['Amount'],
      currency: ['CurrencyIsoCode'],
      probability: ['Probability'],
      forecastCategory: ['ForecastCategoryName', 'ForecastCategory'],
      closeDate: ['CloseDate'],
      createdDate: ['CreatedDate'],
      isClosed: ['IsClosed'],
      isWon: ['IsWon'],
      nextStep: ['NextStep'],
      lossReason: ['Loss_Reason__c']
    },
    required: ['externalId', 'name', 'stage', 'closeDate'],
    signature: ['stagename', 'accountid', 'ownerid', 'isclosed', 'iswon', 'forecastcategory', 'closedate']
  },
  {
    source: 'salesforce-report',
    label: 'Salesforce opportunity report',
    kind: 'deals',
    fields: {
      // English labels first, then the German, French, Spanish and Japanese ones a report run in those languages is exported with.
      externalId: ['Opportunity ID', 'Opportunity Id', 'Opportunity ID (18)', 'Opportunity-ID', "ID de l'opportunité", 'Id. de oportunidad', '商談 ID', '商談ID'],
      name: ['Opportunity Name', 'Opportunity-Name', "Nom de l'opportunité", 'Nombre de la oportunidad', '商談名'],
      account: ['Account Name', 'Accountname', 'Account-Name', 'Nom du compte', 'Nombre de la cuenta', '取引先名'],
      owner: ['Opportunity Owner', 'Owner', 'Owner Full Name', 'Opportunity-Inhaber', "Propriétaire de l'opportunité", 'Propietario de oportunidad', 'Propietario de la oportunidad', '商談 所有者', '商談所有者', '所有者'],
      stage: ['Stage', 'Phase', 'Étape', 'Etapa', 'フェーズ'],
      amount: ['Amount', 'Amount (converted)', 'Total Amount', 'Betrag', 'Montant', 'Importe', '金額'],
      currency: ['Opportunity Currency', 'Amount Currency', 'Currency', 'Opportunity-Währung', "Devise de l'opportunité", 'Divisa de la oportunidad'],
      probability: ['Probability (%)', 'Probability', 'Wahrscheinlichkeit (%)', 'Probabilité (%)', 'Probabilidad (%)', '確度(%)', '確度 (%)'],
      forecastCategory: ['Forecast Category', 'Prognosekategorie', 'Catégorie de prévision', 'Categoría de pronóstico', '売上予測分類'],
      closeDate: ['Close Date', 'Schlusstermin', 'Date de clôture', 'Fecha de cierre', '完了予定日'],
      createdDate: ['Created Date', 'Erstellungsdatum', 'Erstelldatum', 'Date de création', 'Fecha de creación', '作成日'],
      isClosed: ['Closed'],
      isWon: ['Won'],
      nextStep: ['Next Step', 'Nächster Schritt', 'Étape suivante', 'Paso siguiente'],
      lossReason: ['Loss Reason']
    },
    required: ['name', 'account', 'stage', 'closeDate'],
    signature: [
      'opportunity name', 'opportunity owner', 'opportunity id', 'probability (%)', 'account name',
      'opportunity-name', 'opportunity-inhaber', 'wahrscheinlichkeit (%)', "nom de l'opportunité", "propriétaire de l'opportunité",
      'probabilité (%)', 'nombre de la oportunidad', 'probabilidad (%)', '商談名', '取引先名', '確度(%)'
    ]
  },
  {
    source: 'hubspot',
    label: 'HubSpot deals',
    kind: 'deals',
    fields: {
      externalId: ['Record ID'],
      name: ['Deal Name'],
      account: ['Associated Company', 'Associated Company (Primary)', 'Company name'],
      owner: ['Deal owner'],
      stage: ['Deal Stage'],
      // Newer exports name the company-currency amount apart from the deal's own.
      amount: ['Amount', 'Amount in company currency', 'Deal amount'],
      currency: ['Currency', 'Deal currency code'],
      probability: ['Deal probability'],
      forecastCategory: ['Forecast category'],
      closeDate: ['Close Date'],
      createdDate: ['Create Date'],
      nextStep: ['Next step'],
      lossReason: ['Closed Lost Reason']
    },
    required: ['externalId', 'name', 'stage', 'closeDate'],
    signature: ['record id', 'deal name', 'deal stage', 'deal owner', 'create date', 'associated company']
  },
  {
    source: 'pipedrive',
    label: 'Pipedrive deals',
    kind: 'deals',
    fields: {
      externalId: ['Deal - ID', 'Deal - Id'],
      name: ['Deal - Title'],
      account: ['Deal - Organization', 'Deal - Organisation'],
      owner: ['Deal - Owner'],
      stage: ['Deal - Stage'],
      amount: ['Deal - Value'],
      currency: ['Deal - Currency'],
      probability: ['Deal - Probability'],
      closeDate: ['Deal - Expected close date', 'Deal - Won time', 'Deal - Lost time'],
      createdDate: ['Deal - Deal created'],
      status: ['Deal - Status'],
      lossReason: ['Deal - Lost reason'],
      nextStep: ['Deal - Next activity subject']
    },
    required: ['name', 'account', 'stage', 'closeDate'],
    signature: ['deal - title', 'deal - value', 'deal - organization', 'deal - stage', 'deal - status']
  },
  {
    // Any other deals CSV: the column names people type by hand. Last, with no signature, so it only wins alone.
    source: 'generic-deals',
    label: 'Deals (generic CSV)',
    kind: 'deals',
    fields: {
      externalId: ['External ID', 'Deal ID', 'ID'],
      name: ['Deal', 'Deal Name', 'Opportunity', 'Name', 'Title'],
      account: ['Account', 'Company', 'Organization', 'Organisation', 'Customer'],
      owner: ['Owner', 'Rep', 'Sales Rep', 'Salesperson', 'Deal Owner'],
      stage: ['Stage', 'Deal Stage', 'Status'],
      amount: ['Amount', 'Value', 'Deal Value', 'ACV', 'ARR'],
      currency: ['Currency'],
      probability: ['Probability', 'Probability (%)', 'Win Probability'],
      forecastCategory: ['Forecast Category', 'Forecast'],
      closeDate: ['Close Date', 'Expected Close Date', 'Expected Close', 'Close'],
      createdDate: ['Created Date', 'Created', 'Create Date', 'Deal created'],
      // Open, won, lost (as Pipedrive writes it without its "Deal - " prefixes) when a Stage column is there too.
      status: ['Status', 'Deal Status'],
      nextStep: ['Next Step'],
      lossReason: ['Loss Reason', 'Lost Reason']
    },
    required: ['name', 'account', 'stage', 'closeDate'],
    signature: []
  },
  {
    source: 'linkedin-connections',
    label: 'LinkedIn connections',
    kind: 'connections',
    fields: {
      firstName: ['First Name'],
      lastName: ['Last Name'],
      url: ['URL', 'Profile URL'],
      email: ['Email Address'],
      company: ['Company'],
      position: ['Position'],
      connectedOn: ['Connected On']
    },
    required: ['firstName', 'lastName', 'company', 'connectedOn'],
    signature: ['first name', 'last name', 'connected on', 'position', 'company']
  },
  {
    // Calls, meetings, emails and social touches logged in a CRM: one row per activity, the rep named on each row.
    source: 'activities',
    label: 'Activities (CSV)',
    kind: 'activities',
    fields: {
      occurredAt: ['Occurred At', 'Activity Date', 'Date', 'Date/Time', 'Timestamp', 'Start Time'],
      activityType: ['Activity Type', 'Type', 'Kind', 'Activity'],
      rep: ['Rep', 'Activity Owner', 'Owner', 'Assigned To', 'Assigned', 'Sales Rep', 'User'],
      subject: ['Subject', 'Title', 'Description'],
      direction: ['Direction'],
      outcome: ['Outcome', 'Result', 'Call Result'],
      dealId: ['Deal ID', 'Deal External ID', 'Opportunity ID'],
      deal: ['Deal', 'Deal Name', 'Opportunity', 'Opportunity Name'],
      account: ['Account', 'Account Name', 'Company', 'Organization', 'Organisation']
    },
    required: ['occurredAt', 'activityType', 'rep'],
    signature: ['activity type', 'occurred at', 'activity date', 'direction', 'outcome', 'activity owner']
  }
]

export function sourceMapping(source: ImportSource): SourceMapping {
  const found = SOURCES.find((s) => s.source === source)
  if (!found) throw new Error(`no mapping for ${source}`)
  return found
}

/** Every header name any mapping understands: used to find the header row past a preamble. */
export const KNOWN_HEADERS: ReadonlySet<string> = new Set(
  SOURCES.flatMap((s) => Object.values(s.fields).flatMap((names) => (names ?? []).map(headerKey)))
)

export interface ResolvedColumns {
  /** field → column index (the first of duplicated columns wins). */
  index: Partial<Record<Field, number>>
  /** per column, the field it fills. */
  fieldOf: (Field | null)[]
  /** per column, whether the mapping's column overrides decided it. */
  overridden: boolean[]
  missing: Field[]
  duplicates: string[]
}

export type ColumnOverrides = ImportMapping['columns']

/**
 * Refuses column overrides that do not fit the file, naming the column: a header the file lacks, a field this kind of
 * file does not have, a header or a field given twice. Nothing is read or written before this passes.
 */
export function checkColumnOverrides(file: string, headerLine: number, headers: readonly string[], kind: SourceMapping['kind'], label: string, overrides: ColumnOverrides): void {
  const keys = headers.map(headerKey)
  const byField = new Map<Field, string>()
  const seenHeaders = new Set<string>()
  for (const o of overrides) {
    const key = headerKey(o.header)
    if (!keys.includes(key)) throw new ImportError({ file, row: headerLine, column: o.header }, 'the mapping names a column this file does not have')
    if (seenHeaders.has(key)) throw new ImportError({ file, row: headerLine, column: o.header }, 'the mapping names this column twice')
    seenHeaders.add(key)
    if (o.field === null) continue
    if (!(KIND_FIELDS[kind] as readonly string[]).includes(o.field)) {
      throw new ImportError({ file, row: headerLine, column: o.header }, `"${o.field}" is not a field of a ${label} file (${KIND_FIELDS[kind].join(', ')})`)
    }
    const other = byField.get(o.field)
    if (other !== undefined) throw new ImportError({ file, row: headerLine, column: o.header }, `the field ${FIELD_LABELS[o.field]} is mapped to two columns, "${other}" and "${o.header}"`)
    byField.set(o.field, o.header)
  }
}

/**
 * The columns of a file under a mapping: the user's overrides first (a header to a field, or to nothing), then the
 * source's built-in header names for every field and column the overrides left free. Overrides must have passed
 * checkColumnOverrides; here a field unknown to the kind is ignored (detection tries every source).
 */
export function resolveColumns(mapping: SourceMapping, headers: readonly string[], overrides: ColumnOverrides = []): ResolvedColumns {
  const keys = headers.map(headerKey)
  const index: Partial<Record<Field, number>> = {}
  const fieldOf: (Field | null)[] = headers.map(() => null)
  const overridden: boolean[] = headers.map(() => false)
  const duplicates: string[] = []
  const seen = new Set<string>()
  keys.forEach((k, i) => {
    if (seen.has(k) && k !== '') duplicates.push(headers[i] ?? k)
    seen.add(k)
  })
  const allowed = KIND_FIELDS[mapping.kind] as readonly string[]
  for (const o of overrides) {
    const at = keys.indexOf(headerKey(o.header))
    if (at < 0 || overridden[at]) continue
    if (o.field !== null && (!allowed.includes(o.field) || index[o.field as Field] !== undefined)) continue
    overridden[at] = true
    if (o.field !== null) {
      index[o.field as Field] = at
      fieldOf[at] = o.field as Field
    }
  }
  // `Amount (EUR)` answers to Amount when no column is called that exactly (the currency is read from the name).
  const bare = keys.map(withoutHeaderCurrency)
  for (const [field, names] of Object.entries(mapping.fields) as [Field, readonly string[]][]) {
    if (index[field] !== undefined) continue
    // Earlier names in the list are preferred (Owner.Name over OwnerId).
    for (const name of names) {
      const key = headerKey(name)
      let at = keys.indexOf(key)
      if (at < 0 || fieldOf[at] !== null || overridden[at]) at = bare.indexOf(key)
      if (at >= 0 && fieldOf[at] === null && !overridden[at]) {
        index[field] = at
        fieldOf[at] = field
        break
      }
    }
  }
  const missing = mapping.required.filter((f) => index[f] === undefined)
  return { index, fieldOf, overridden, missing, duplicates }
}

/**
 * For the wizard only: the source the headers look like (two or more of its signature headers) when some of its
 * required columns are missing under other names, so the user can map them. Null when nothing looks close.
 */
export function detectPartialSource(headers: readonly string[], overrides: ColumnOverrides = []): SourceMapping | null {
  const keys = new Set(headers.map(headerKey))
  let best: SourceMapping | null = null
  let bestScore = 0
  for (const mapping of SOURCES) {
    const hits = mapping.signature.filter((h) => keys.has(h)).length
    const resolved = resolveColumns(mapping, headers, overrides)
    if (hits < 2 || resolved.missing.length >= mapping.required.length) continue
    const score = hits * 10 + Object.keys(resolved.index).length
    if (score > bestScore) {
      best = mapping
      bestScore = score
    }
  }
  return best
}

/** The mapping whose signature and fields the headers match best; null when none has its required columns. */
export function detectSource(headers: readonly string[], overrides: ColumnOverrides = []): SourceMapping | null {
  const keys = new Set(headers.map(headerKey))
  let best: SourceMapping | null = null
  let bestScore = 0
  for (const mapping of SOURCES) {
    const resolved = resolveColumns(mapping, headers, overrides)
    if (resolved.missing.length > 0) continue
    const score = mapping.signature.filter((h) => keys.has(h)).length * 10 + Object.keys(resolved.index).length
    if (score > bestScore) {
      best = mapping
      bestScore = score
    }
  }
  return best
}
