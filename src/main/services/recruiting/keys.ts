// Duplicate-detection keys: the same person typed twice must produce the same email, LinkedIn and name+company key.

export function emailKey(email: string | null | undefined): string | null {
  const k = email?.trim().toLowerCase()
  return k ? k : null
}

/** linkedin.com/in/Jane-Doe/?trk=x, https://uk.linkedin.com/in/jane-doe and www.linkedin.com/in/jane-doe are one profile. */
export function linkedinKey(url: string | null | undefined): string | null {
  const raw = url?.trim()
  if (!raw) return null
  let parsed: URL
  try {
    parsed = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`)
  } catch {
    return raw.toLowerCase()
  }
  const host = parsed.hostname.toLowerCase()
  const path = decodeURIComponent(parsed.pathname).toLowerCase().replace(/\/+$/, '')
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) return `linkedin.com${path}`
  return `${host.replace(/^www\./, '')}${path}`
}

const COMPANY_SUFFIXES = /\b(inc|incorporated|ltd|limited|llc|plc|gmbh|ag|sa|sas|bv|corp|corporation|co|company)\b/g

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** "José  Álvarez" at "Acme, Inc." and "jose alvarez" at "ACME" share a key. */
export function nameCompanyKey(name: string, company: string | null | undefined): string {
  const person = plain(name).split(' ').filter(Boolean).join(' ')
  const firm = company ? plain(company).replace(COMPANY_SUFFIXES, ' ').split(' ').filter(Boolean).join(' ') : ''
  return `${person}|${firm}`
}

/** A key without a company says too little to call two people the same. */
export function hasCompany(key: string): boolean {
  return !key.endsWith('|')
}
