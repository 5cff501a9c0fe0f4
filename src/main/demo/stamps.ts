// ISO day and second strings for the bulk generator: the same text as isoDay/isoSecond (a unit test holds them to
// it), without a Date object and toISOString per row, which cost seconds over two million activities.
import { DAY_MS, isoDay } from '@shared/dates'

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`)

export function stampMaker(): { day: (ms: number) => string; stamp: (ms: number) => string } {
  const days = new Map<number, string>()
  const day = (ms: number): string => {
    const key = Math.floor(ms / DAY_MS)
    let text = days.get(key)
    if (text === undefined) days.set(key, (text = isoDay(new Date(key * DAY_MS))))
    return text
  }
  const stamp = (ms: number): string => {
    const second = Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / 1000)
    return `${day(ms)}T${two(Math.floor(second / 3600))}:${two(Math.floor(second / 60) % 60)}:${two(second % 60)}Z`
  }
  return { day, stamp }
}
