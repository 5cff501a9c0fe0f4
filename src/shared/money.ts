// Money is integer minor units plus an ISO currency; this module is the only one that formats it.

export function formatMoney(minor: number, currency: string, opts: { compact?: boolean } = {}): string {
  const value = minor / 100
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      notation: opts.compact ? 'compact' : 'standard',
      maximumFractionDigits: opts.compact ? 1 : 0
    }).format(value)
  } catch {
    return `${currency} ${Math.round(value).toLocaleString('en-US')}`
  }
}
