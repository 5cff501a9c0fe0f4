// A child process that writes through the real contract until it is killed; prints "ok N" after each call returns.
import { dispatch, type Context } from '../../src/main/dispatch'
import { handlers } from '../../src/main/handlers'
import { WorkspaceSession } from '../../src/main/session'
import { fixedClock } from '../../src/main/clock'
import { readFileSync } from 'node:fs'
import { NOTE } from './note'
import { IMPORT_FILES, importFile } from './harness'

const [workload, path, template] = process.argv.slice(2)
const clock = fixedClock('2026-11-23T09:00:00Z')

async function call(ctx: Context, method: string, input: unknown): Promise<unknown> {
  const result = await dispatch(handlers, ctx, method, input)
  if (!result.ok) {
    process.stderr.write(`${method} failed: ${result.error.code} ${result.error.message}\n`)
    process.exit(3)
  }
  return result.value
}

async function main(): Promise<void> {
  const session = new WorkspaceSession(path!)
  const status = await session.openExisting(clock)
  if (status.state !== 'open') throw new Error(`could not open ${path}: ${status.error?.message}`)
  const ctx: Context = { session, clock, shell: 'browser' }
  process.stdout.write('open\n')
  if (workload === 'migration') return
  if (workload === 'edits') {
    // A burst of deal edits: each logged activity also rewrites its deal's evidence row in the same transaction.
    for (let i = 1; ; i++) {
      await call(ctx, 'activities.create', {
        repId: 1,
        kind: 'call',
        occurredAt: '2026-11-23T08:00:00Z',
        subject: `crash ${i}`,
        dealId: 1 + (i % 50)
      })
      process.stdout.write(`ok ${i}\n`)
    }
  }
  if (workload === 'import') {
    // Activity files imported one after another, each in one transaction (after its pre-import backup).
    for (let k = 1; k <= IMPORT_FILES; k++) {
      const file = importFile(template!, k)
      await call(ctx, 'import.apply', { fileName: `activities-${k}.csv`, contentBase64: readFileSync(file).toString('base64') })
      process.stdout.write(`ok ${k}\n`)
    }
    return
  }
  if (workload === 'notes') {
    // Autosave while typing: every keystroke saves the note so far.
    const started = (await call(ctx, 'oneOnOnes.start', { repId: 1 })) as { oneOnOne: { id: number } }
    const meeting = started.oneOnOne
    process.stdout.write(`meeting ${meeting.id}\n`)
    const text = NOTE.repeat(20)
    for (let k = 1; k <= text.length; k++) {
      await call(ctx, 'notes.save', { oneOnOneId: meeting.id, body: text.slice(0, k) })
      process.stdout.write(`ok ${k}\n`)
    }
  }
}

void main().catch((err) => {
  process.stderr.write(`${(err as Error).message}\n`)
  process.exit(2)
})
