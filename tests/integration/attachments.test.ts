// Candidate attachments through the contract on a real workspace: the allow-list, the size limit, hostile names, one copy per content, cleanup.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { zipSync, strToU8 } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_ATTACHMENT_BYTES, type AttachmentRow, type MethodInput, type MethodName, type MethodOutput } from '../../src/shared/contract'
import type { WireError } from '../../src/shared/errors'
import { dispatch, type Context } from '../../src/main/dispatch'
import { handlers } from '../../src/main/handlers'
import { WorkspaceSession } from '../../src/main/session'
import { createWorkspace } from '../../src/main/store/open'
import { attachmentFolder, displayName } from '../../src/main/services/recruiting/attachments'
import { clock, NOW, tempDir } from '../support/workspace'

let root: { dir: string; dispose(): void }
let path: string
let files: string
let session: WorkspaceSession
let ctx: Context

async function call<K extends MethodName>(method: K, input: MethodInput<K>, context = ctx): Promise<MethodOutput<K>> {
  const envelope = await dispatch(handlers, context, method, input)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value as MethodOutput<K>
}

async function refusal<K extends MethodName>(method: K, input: MethodInput<K>, context = ctx): Promise<WireError> {
  const envelope = await dispatch(handlers, context, method, input)
  if (envelope.ok) throw new Error(`${method} was expected to fail, got ${JSON.stringify(envelope.value).slice(0, 200)}`)
  return envelope.error
}

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64')
const sha = (bytes: Uint8Array | string) => createHash('sha256').update(Buffer.from(bytes)).digest('hex')

/** Every file and folder under the temp root (relative, with sizes), so a stray write anywhere shows up. */
function tree(dir = root.dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    const rel = relative(root.dir, full)
    const st = lstatSync(full)
    if (st.isDirectory()) return [`${rel}/`, ...tree(full)]
    return [`${rel} ${st.size}`]
  })
}
/** Only the workspace's own files change with the database (its log and lock); these are ignored when comparing trees. */
const outsideStore = (t: string[]) => t.filter((e) => !/touchline\.sqlite(-wal|-shm|\.lock)? \d+$/.test(e))

function blobsOnDisk(): string[] {
  if (!existsSync(files)) return []
  return readdirSync(files).flatMap((shard) => (statSync(join(files, shard)).isDirectory() ? readdirSync(join(files, shard)).map((f) => `${shard}/${f}`) : [shard]))
}

// ---- small real files of each kind ----
const PDF = strToU8('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9])
const GIF = strToU8('GIF89a\x01\x00\x01\x00\x00\x00\x00;')
const WEBP = Uint8Array.from([...strToU8('RIFF'), 26, 0, 0, 0, ...strToU8('WEBPVP8 '), 14, 0, 0, 0, 0x30, 1, 0, 0x9d, 1, 0x2a, 1, 0, 1, 0, 2, 0, 0x34, 0x25])
const DOCX = zipSync({
  '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  'word/document.xml': strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Resume</w:t></w:r></w:p></w:body></w:document>')
})
const DOCM = zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'word/vbaProject.bin': Uint8Array.from([1, 2, 3]) })
const ZIP = zipSync({ 'resume.pdf': PDF })
const ELF = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0])
const MZ = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])
const HTML = '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
const TEXT = 'Maren Holt — notes from the reference call.\nStrong on team selling; ask about 2024.\n'

let amara: number
let bjorn: number

async function candidate(name: string): Promise<number> {
  return (await call('candidates.create', { name, allowDuplicate: true })).id
}

beforeAll(async () => {
  root = tempDir('touchline-attach-')
  // Nested, so a name climbing out of the attachments folder would still land inside the tree this test watches.
  path = join(root.dir, 'a', 'b', 'work', 'touchline.sqlite')
  mkdirSync(dirname(path), { recursive: true })
  createWorkspace(path, { now: NOW }).close()
  session = new WorkspaceSession(path)
  expect((await session.openExisting(clock)).state).toBe('open')
  ctx = { session, clock, shell: 'browser' }
  files = attachmentFolder(path)
  amara = await candidate('Amara Okonkwo')
  bjorn = await candidate('Bjørn Halvorsen')
})

afterAll(async () => {
  await session?.close()
  root?.dispose()
})

describe('attachments.add: the allow-list', () => {
  const allowed: [string, Uint8Array | string, string][] = [
    ['Amara Okonkwo CV.pdf', PDF, 'application/pdf'],
    ['resume.DOCX', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['headshot.png', PNG, 'image/png'],
    ['award.jpeg', JPEG, 'image/jpeg'],
    ['award-copy.jpg', Uint8Array.from([...JPEG, 0]), 'image/jpeg'],
    ['spinner.gif', GIF, 'image/gif'],
    ['badge.webp', WEBP, 'image/webp'],
    ['reference call.txt', TEXT, 'text/plain'],
    ['pitch.md', '# Pitch\n\n- **Territory**: Nordics ✓\n', 'text/markdown'],
    ['quota.csv', '\uFEFFyear,attainment\n2024,131\n', 'text/csv']
  ]

  it.each(allowed)('stores %s by content hash, listed as %s', async (fileName, content, mediaType) => {
    const bytes = Buffer.from(content)
    const added = await call('attachments.add', { candidateId: amara, fileName, dataBase64: b64(bytes) })
    expect(added.alreadyAttached).toBe(false)
    expect(added.attachment).toMatchObject({ candidateId: amara, name: fileName, mediaType, sizeBytes: bytes.length, addedAt: NOW })
    const h = sha(bytes)
    expect(readFileSync(join(files, h.slice(0, 2), h))).toEqual(bytes)
    const list = await call('attachments.list', { candidateId: amara, limit: 500 })
    expect(list.rows.map((r) => r.id)).toContain(added.attachment.id)
  })

  it('leaves no temporary file behind in the folder', () => {
    expect(readdirSync(files).filter((f) => f.startsWith('.'))).toEqual([])
  })

  const refused: [string, string, Uint8Array | string, RegExp][] = [
    ['a Linux program', 'setup.exe', ELF, /files ending in \.exe are not accepted \(the content is a program/],
    ['a Windows program called a PDF', 'resume.pdf', MZ, /name says a PDF but the content is a Windows program/],
    ['a web page', 'portfolio.html', HTML, /files ending in \.html are not accepted \(the content is a web page/],
    ['a web page called text', 'notes.txt', HTML, /name says plain text but the content is a web page \(HTML\)/],
    ['an SVG (scripts)', 'logo.svg', SVG, /files ending in \.svg are not accepted/],
    ['an SVG called a PNG', 'logo.png', SVG, /name says a PNG image but the content is an SVG image \(which can carry scripts\)/],
    ['an SVG called text', 'logo.txt', `<?xml version="1.0"?>\n${SVG}`, /content is an SVG image/],
    ['a ZIP called a PDF', 'resume.pdf', ZIP, /name says a PDF but the content is a ZIP archive/],
    ['a ZIP called a Word document', 'resume.docx', ZIP, /name says a Word document \(\.docx\) but the content is a ZIP archive/],
    ['a Word document with macros', 'resume.docx', DOCM, /content is a Word document with macros/],
    ['a damaged ZIP', 'resume.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /content is a damaged ZIP archive/],
    ['a PNG called a JPEG', 'photo.jpg', PNG, /name says a JPEG image but the content is a PNG image/],
    ['a PDF with no extension', 'resume', PDF, /the name has no extension \(the content is a PDF\)/],
    ['Latin-1 text', 'notes.txt', Uint8Array.from([0x4e, 0x6f, 0x72, 0x64, 0xe9, 0x6e]), /content is neither text in UTF-8/],
    ['binary called text', 'notes.txt', Uint8Array.from([0x61, 0, 0x62]), /content is binary data/],
    ['an empty file', 'empty.txt', '', /"empty\.txt" is empty/]
  ]

  it.each(refused)('refuses %s, naming the file and the reason, and writes nothing', async (_what, fileName, content, reason) => {
    const before = tree()
    const rows = (await call('attachments.list', { candidateId: amara, limit: 500 })).total
    const error = await refusal('attachments.add', { candidateId: amara, fileName, dataBase64: b64(content) })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(/^attachments\.add: input\.(fileName|dataBase64): /)
    expect(error.message).toContain(JSON.stringify(fileName))
    expect(error.message).toMatch(reason)
    expect(outsideStore(tree())).toEqual(outsideStore(before))
    expect((await call('attachments.list', { candidateId: amara, limit: 500 })).total).toBe(rows)
  })

  it('refuses a file for a candidate that does not exist, before storing anything', async () => {
    const before = tree()
    expect(await refusal('attachments.add', { candidateId: 9_999_999, fileName: 'x.txt', dataBase64: b64('never stored') })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('input.candidateId')
    })
    expect(outsideStore(tree())).toEqual(outsideStore(before))
  })
})

describe('attachments.add: the size limit', () => {
  it('takes a file of exactly 20 MB and refuses one byte more by name; far larger never reaches the service', async () => {
    const line = 'Quota attainment notes, year by year, with the deals behind them.\n'
    const limit = Buffer.alloc(MAX_ATTACHMENT_BYTES, line)
    const atLimit = await call('attachments.add', { candidateId: bjorn, fileName: 'long notes.txt', dataBase64: b64(limit) })
    expect(atLimit.attachment.sizeBytes).toBe(MAX_ATTACHMENT_BYTES)

    const before = tree()
    const over = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, line)
    const error = await refusal('attachments.add', { candidateId: bjorn, fileName: 'longer notes.txt', dataBase64: b64(over) })
    expect(error).toMatchObject({ code: 'INVALID_INPUT' })
    expect(error.message).toContain('"longer notes.txt" is 20.0 MB; attachments are at most 20 MB')
    const huge = await refusal('attachments.add', { candidateId: bjorn, fileName: 'huge.txt', dataBase64: 'A'.repeat(40 * 1024 * 1024) })
    expect(huge).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('input.dataBase64: a file is at most 20 MB') })
    expect(outsideStore(tree())).toEqual(outsideStore(before))
    await call('attachments.remove', { id: atLimit.attachment.id })
  })
})

describe('attachments.add: the name is display only', () => {
  const hostile: [string, string][] = [
    ['../../x.txt', 'x.txt'],
    ['../../../../../../../../tmp/escape.txt', 'escape.txt'],
    ['/etc/cron.d/evil.txt', 'evil.txt'],
    ['C:\\Windows\\System32\\evil.txt', 'evil.txt'],
    ['..\\..\\back.txt', 'back.txt'],
    ['nul\u0000byte.txt', 'nulbyte.txt'],
    ['report\u202Etxt.exe.txt', 'reporttxt.exe.txt'],
    ['.hidden.txt', 'hidden.txt'],
    ['CON.txt', 'CON.txt'],
    ['  spaced\tout  .txt', 'spaced out .txt']
  ]

  it.each(hostile)('%j is stored under its hash inside the folder, shown as %j, and nothing is written elsewhere', async (fileName, shown) => {
    const before = tree()
    const content = `a file first called ${JSON.stringify(fileName)}\n`
    const added = await call('attachments.add', { candidateId: bjorn, fileName, dataBase64: b64(content) })
    expect(added.attachment.name).toBe(shown)
    const after = tree()
    const added_ = outsideStore(after).filter((e) => !before.includes(e))
    const h = sha(content)
    // The only new entries: the hash's shard folder (if new) and the file named by the hash.
    const rel = relative(root.dir, files)
    expect(added_.filter((e) => e !== `${rel}/${h.slice(0, 2)}/`)).toEqual([`${rel}/${h.slice(0, 2)}/${h} ${Buffer.byteLength(content)}`])
    expect(resolve(files, h.slice(0, 2), h).startsWith(resolve(files) + sep)).toBe(true)
    expect(existsSync(resolve(files, fileName.replace(/\u0000/g, '')))).toBe(fileName.startsWith('/') ? existsSync(fileName) : false)
    expect(existsSync(join(root.dir, 'a', 'x.txt'))).toBe(false)
  })

  it('a very long name is cut to 200 characters, keeping its extension', () => {
    const name = displayName(`${'long '.repeat(100)}.pdf`)
    expect(name.length).toBeLessThanOrEqual(200)
    expect(name.endsWith('.pdf')).toBe(true)
    expect(displayName('..')).toBe('attachment')
    expect(displayName('a/b/')).toBe('attachment')
  })

  it('refuses to write through a shard folder that is a link leading out of the attachments folder', async () => {
    const content = 'written through a planted link?\n'
    const h = sha(content)
    const outside = join(root.dir, 'outside')
    mkdirSync(outside)
    const shard = join(files, h.slice(0, 2))
    expect(existsSync(shard)).toBe(false)
    symlinkSync(outside, shard, 'dir')
    try {
      const error = await refusal('attachments.add', { candidateId: bjorn, fileName: 'link.txt', dataBase64: b64(content) })
      expect(error.code).toBe('CONFLICT')
      expect(error.message).toContain('leads outside the attachments folder')
      expect(readdirSync(outside)).toEqual([])
    } finally {
      rmSync(shard)
      rmSync(outside, { recursive: true })
    }
  })
})

describe('one copy per content', () => {
  let first: AttachmentRow
  let shared: AttachmentRow
  const content = 'Reference letter from Fjordline Software, signed by the VP Sales.\n'
  const h = sha(content)

  it('the same file twice for one candidate is stored once and listed once', async () => {
    const blobs = blobsOnDisk().length
    const a = await call('attachments.add', { candidateId: amara, fileName: 'reference.txt', dataBase64: b64(content) })
    const again = await call('attachments.add', { candidateId: amara, fileName: 'reference (1).txt', dataBase64: b64(content) })
    expect(again).toEqual({ attachment: a.attachment, alreadyAttached: true })
    expect(blobsOnDisk().length).toBe(blobs + 1)
    first = a.attachment
  })

  it('two candidates can hold the same file: two rows, one file on disk', async () => {
    const blobs = blobsOnDisk().length
    const b = await call('attachments.add', { candidateId: bjorn, fileName: 'letter.txt', dataBase64: b64(content) })
    expect(b.alreadyAttached).toBe(false)
    expect(b.attachment).toMatchObject({ candidateId: bjorn, name: 'letter.txt' })
    expect(blobsOnDisk().length).toBe(blobs)
    expect(blobsOnDisk().filter((f) => f === `${h.slice(0, 2)}/${h}`)).toHaveLength(1)
    shared = b.attachment
  })

  it('removing one holder keeps the file; removing the last deletes it', async () => {
    expect(await call('attachments.remove', { id: first.id })).toEqual({ removed: 1, fileDeleted: false })
    expect(existsSync(join(files, h.slice(0, 2), h))).toBe(true)
    expect((await call('attachments.list', { candidateId: amara, limit: 500 })).rows.map((r) => r.id)).not.toContain(first.id)
    expect(await call('attachments.remove', { id: shared.id })).toEqual({ removed: 1, fileDeleted: true })
    expect(existsSync(join(files, h.slice(0, 2), h))).toBe(false)
    expect(await refusal('attachments.remove', { id: shared.id })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('input.id') })
  })
})

describe('attachments.open', () => {
  it('in the browser shell returns the bytes for a download', async () => {
    const pdf = Buffer.concat([Buffer.from(PDF), Buffer.from('% open me\n')])
    const added = await call('attachments.add', { candidateId: amara, fileName: 'open me.pdf', dataBase64: b64(pdf) })
    expect(await call('attachments.open', { id: added.attachment.id })).toEqual({
      via: 'download',
      name: 'open me.pdf',
      mediaType: 'application/pdf',
      dataBase64: b64(pdf)
    })
  })

  it('in the desktop shell hands a read-only copy with the checked extension to the OS viewer', async () => {
    const seen: string[] = []
    const desktop: Context = { ...ctx, shell: 'electron', desktop: { exportPdf: async () => ({ saved: false, path: null }), openPath: async (p) => (seen.push(p), '') } }
    // Named .jpeg by the user: the copy gets .jpg, the extension of the kind the content was accepted as.
    const added = await call('attachments.add', { candidateId: amara, fileName: '../Portrait.jpeg', dataBase64: b64(Uint8Array.from([...JPEG, 1])) })
    expect(await call('attachments.open', { id: added.attachment.id }, desktop)).toEqual({ via: 'viewer', name: 'Portrait.jpeg' })
    expect(seen).toHaveLength(1)
    const copy = seen[0]!
    expect(copy.endsWith(`${sep}Portrait.jpg`)).toBe(true)
    expect(copy.startsWith(resolve(files))).toBe(false)
    expect(readFileSync(copy)).toEqual(Buffer.from([...JPEG, 1]))
    expect(statSync(copy).mode & 0o222).toBe(0)
    rmSync(dirname(copy), { recursive: true, force: true })

    const failing: Context = { ...desktop, desktop: { ...desktop.desktop!, openPath: async () => 'No application is registered for this file' } }
    expect(await refusal('attachments.open', { id: added.attachment.id }, failing)).toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringContaining('"Portrait.jpeg": No application is registered')
    })
  })

  it('names a file missing from the folder instead of failing vaguely', async () => {
    const content = 'this file will go missing\n'
    const added = await call('attachments.add', { candidateId: amara, fileName: 'gone.txt', dataBase64: b64(content) })
    const h = sha(content)
    rmSync(join(files, h.slice(0, 2), h))
    expect(await refusal('attachments.open', { id: added.attachment.id })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('"gone.txt" is missing') })
    expect(await refusal('attachments.open', { id: 9_999_999 })).toMatchObject({ code: 'NOT_FOUND' })
    await call('attachments.remove', { id: added.attachment.id })
  })
})

describe('attachments.list', () => {
  it('pages the newest first, and refuses a candidate that does not exist', async () => {
    const page = await call('attachments.list', { candidateId: amara, limit: 2, offset: 1 })
    const all = await call('attachments.list', { candidateId: amara, limit: 500 })
    expect(page.total).toBe(all.total)
    expect(page.rows).toEqual(all.rows.slice(1, 3))
    expect(await refusal('attachments.list', { candidateId: 9_999_999 })).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('a merged profile’s files are listed with the person, and new files go to the survivor', async () => {
    const dup = await candidate('Amara Okonkwo')
    const added = await call('attachments.add', { candidateId: dup, fileName: 'older cv.txt', dataBase64: b64('older cv\n') })
    await call('candidates.merge', { keepId: amara, mergeId: dup })
    expect((await call('attachments.list', { candidateId: amara, limit: 500 })).rows.map((r) => r.id)).toContain(added.attachment.id)
    expect(await refusal('attachments.add', { candidateId: dup, fileName: 'x.txt', dataBase64: b64('x') })).toMatchObject({ code: 'CONFLICT' })
  })
})

describe('erasing a candidate', () => {
  it('deletes the files only they held and keeps a file another candidate also holds', async () => {
    const cleo = await candidate('Cleo Marchetti')
    const dup = await candidate('Cleo Marchetti')
    const own = 'Cleo Marchetti, resume: ten years of enterprise sales.\n'
    const fromDup = 'Cleo Marchetti, earlier resume.\n'
    const shared = 'Panel interview guide, shared by every candidate.\n'
    await call('attachments.add', { candidateId: dup, fileName: 'earlier.txt', dataBase64: b64(fromDup) })
    await call('candidates.merge', { keepId: cleo, mergeId: dup })
    await call('attachments.add', { candidateId: cleo, fileName: 'resume.txt', dataBase64: b64(own) })
    await call('attachments.add', { candidateId: cleo, fileName: 'guide.txt', dataBase64: b64(shared) })
    await call('attachments.add', { candidateId: bjorn, fileName: 'guide.txt', dataBase64: b64(shared) })
    const at = (s: string) => join(files, sha(s).slice(0, 2), sha(s))
    expect([own, fromDup, shared].map((s) => existsSync(at(s)))).toEqual([true, true, true])
    // Opened in the desktop app first: the viewer copies in the temp folder must go with the files.
    const copies: string[] = []
    const desktop: Context = { ...ctx, shell: 'electron', desktop: { exportPdf: async () => ({ saved: false, path: null }), openPath: async (p) => (copies.push(p), '') } }
    for (const row of (await call('attachments.list', { candidateId: cleo, limit: 500 })).rows) await call('attachments.open', { id: row.id }, desktop)
    expect(copies.map((c) => basename(c)).sort()).toEqual(['earlier.txt', 'guide.txt', 'resume.txt'])
    expect(copies.every((c) => existsSync(c))).toBe(true)

    const erased = await call('recruiting.eraseCandidate', { id: cleo, confirmName: 'Cleo Marchetti' })
    // The copies of the files that left go; the copy of the file Bjorn still holds is only cleared when the app exits.
    expect(copies.filter((c) => existsSync(c)).map((c) => basename(c))).toEqual(['guide.txt'])
    expect(copies.filter((c) => !existsSync(dirname(c)))).toHaveLength(2)
    expect(erased).toMatchObject({ candidateId: cleo, profiles: 2, attachments: 3 })
    expect(existsSync(at(own))).toBe(false)
    expect(existsSync(at(fromDup))).toBe(false)
    expect(existsSync(at(shared))).toBe(true)
    expect((await call('attachments.list', { candidateId: bjorn, limit: 500 })).rows.map((r) => r.name)).toContain('guide.txt')
    const sqlite = session.requireStore().sqlite
    expect(sqlite.prepare('SELECT count(*) FROM candidate_attachments WHERE candidate_id IN (?, ?)').pluck().get(cleo, dup)).toBe(0)
    expect(readdirSync(files).some((name) => name.includes('Cleo'))).toBe(false)
  })

  it('a refused erase deletes nothing', async () => {
    const content = 'kept after a mistyped erase\n'
    const dana = await candidate('Dana Whitfield')
    await call('attachments.add', { candidateId: dana, fileName: 'kept.txt', dataBase64: b64(content) })
    expect((await refusal('recruiting.eraseCandidate', { id: dana, confirmName: 'Dana' })).code).toBe('INVALID_INPUT')
    expect(existsSync(join(files, sha(content).slice(0, 2), sha(content)))).toBe(true)
  })
})

/** Makes the attachments folder unwritable for this process: chmod, or as root (CI containers) the immutable attribute. */
function lockFolder(dir: string): (() => void) | null {
  if (process.getuid?.() === 0) {
    if (spawnSync('chattr', ['+i', dir]).status !== 0) return null
    return () => void spawnSync('chattr', ['-i', dir])
  }
  const mode = statSync(dir).mode & 0o777
  chmodSync(dir, 0o555)
  return () => chmodSync(dir, mode)
}

describe('storage', () => {
  it('a folder that cannot be written is refused as READ_ONLY_WORKSPACE naming it, and no row is added', async () => {
    const undo = lockFolder(files)
    if (!undo) return console.info('[attachments] read-only case skipped: chattr +i is not available to root here')
    try {
      const rows = (await call('attachments.list', { candidateId: bjorn, limit: 500 })).total
      const error = await refusal('attachments.add', { candidateId: bjorn, fileName: 'blocked.txt', dataBase64: b64('a brand new file, blocked\n') })
      expect(error.code).toBe('READ_ONLY_WORKSPACE')
      expect(error.message).toContain(`attachments.add: the attachments folder "${files}" cannot be written; nothing was attached.`)
      expect((await call('attachments.list', { candidateId: bjorn, limit: 500 })).total).toBe(rows)
    } finally {
      undo()
    }
  })


  it('keeps everything in <workspace stem>-files beside the workspace, and writes no file there by a user name', () => {
    expect(files).toBe(join(dirname(path), 'touchline-files'))
    for (const entry of blobsOnDisk()) expect(entry).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/)
    writeFileSync(join(root.dir, 'probe'), '')
    expect(tree().filter((e) => /x\.txt|escape|evil|back\.txt|hidden/.test(e))).toEqual([])
  })
})

describe('backups', () => {
  it('carry the files their rows point at: a restore brings back a file removed since, and rotation lets it go', async () => {
    const content = 'Reference letter kept only by an older backup.\n'
    const added = await call('attachments.add', { candidateId: bjorn, fileName: 'reference.txt', dataBase64: b64(content) })
    const backup = await call('backups.create', {})
    const kept = join(path.replace(/\.sqlite$/, '-backups'), 'files', sha(content).slice(0, 2), sha(content))
    expect(readFileSync(kept, 'utf8')).toBe(content)

    await call('attachments.remove', { id: added.attachment.id })
    expect(existsSync(join(files, sha(content).slice(0, 2), sha(content)))).toBe(false)
    expect((await call('attachments.list', { candidateId: bjorn, limit: 500 })).rows.map((r) => r.name)).not.toContain('reference.txt')

    await call('backups.restore', { name: backup.name })
    const back = (await call('attachments.list', { candidateId: bjorn, limit: 500 })).rows.find((r) => r.name === 'reference.txt')
    expect(back).toBeDefined()
    expect(await call('attachments.open', { id: back!.id })).toMatchObject({ via: 'download', dataBase64: b64(content) })

    // Removed again, then enough newer backups that the one holding it rotates out: its kept copy goes with it.
    await call('attachments.remove', { id: back!.id })
    for (let i = 0; i < 15 && existsSync(kept); i++) await call('backups.create', {})
    expect(existsSync(kept)).toBe(false)
    expect((await call('backups.list', {})).backups.map((b) => b.name)).not.toContain(backup.name)
  })
})
