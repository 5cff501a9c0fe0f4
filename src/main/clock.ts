// The current time is passed to services, never read inside them, so tests can fix it.

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export function fixedClock(iso: string): Clock {
  const t = Date.parse(iso)
  return { now: () => new Date(t) }
}
