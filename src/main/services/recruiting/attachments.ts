// Files attached to candidates: checked by content and name, stored once under their sha256 in the folder beside the workspace.
import { createHash, randomBytes } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs'
import { basename, dirname, extname, join, resolve, sep } from 'node:path'
import { unzipSync } from 'fflate'
import type { Kysely } from 'kysely'
import { MAX_ATTACHMENT_BYTES, type AttachmentAdded, type AttachmentRow, type Page, type ParsedInput } from '@shared/contract'
import { TouchlineError } from '@shared/errors'
import type { DB } from '../../store/schema'

/**
 * Where a workspace keeps its attachments: `<stem>-files/` beside the workspace file, as its backups go in
 * `<stem>-backups/`. Copying the workspace file alone leaves its attachments behind; copying the folder beside it
 * takes them along. Inside, a file lives at `ab/abcdef…` (the first two hex digits of its sha256, then the whole hash),
 * so no folder grows past a few hundred entries and nothing the user typed ever becomes part of a path.
 */
export function attachmentFolder(workspacePath: string): string {
  return join(dirname(workspacePath), `${basename(workspacePath, extname(workspacePath))}-files`)
}

interface Kind {
  mediaType: string
  label: string
  /** Extensions this kind may be named with; the first is the one a viewer copy gets. */
  extensions: readonly string[]
}

const PDF: Kind = { mediaType: 'application/pdf', label: 'a PDF', extensions: ['.pdf'] }
const DOCX: Kind = {
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  label: 'a Word document (.docx)',
  extensions: ['.docx']
}
const PNG: Kind = { mediaType: 'image/png', label: 'a PNG image', extensions: ['.png'] }
const JPEG: Kind = { mediaType: 'image/jpeg', label: 'a JPEG image', extensions: ['.jpg', '.jpeg'] }
const GIF: Kind = { mediaType: 'image/gif', label: 'a GIF image', extensions: ['.gif'] }
const WEBP: Kind = { mediaType: 'image/webp', label: 'a WebP image', extensions: ['.webp'] }
const TEXT: Kind = { mediaType: 'text/plain', label: 'plain text', extensions: ['.txt'] }
const MARKDOWN: Kind = { mediaType: 'text/markdown', label: 'plain text', extensions: ['.md'] }
const CSV: Kind = { mediaType: 'text/csv', label: 'plain text', extensions: ['.csv'] }

/** The allow-list. The extension says which kind the file claims to be; the content must then prove it. */
const BY_EXTENSION = new Map<string, Kind>(
  [PDF, DOCX, PNG, JPEG, GIF, WEBP, TEXT, MARKDOWN, CSV].flatMap((k) => k.extensions.map((e) => [e, k] as const))
)
const BY_MEDIA_TYPE = new Map<string, Kind>([PDF, DOCX, PNG, JPEG, GIF, WEBP, TEXT, MARKDOWN, CSV].map((k) => [k.mediaType, k]))

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b)
const ascii = (bytes: Uint8Array, from: number, text: string) => [...text].every((ch, i) => bytes[from + i] === ch.charCodeAt(0))

/** What the content is, by its first bytes; used both to accept a file and to say what a refused one really is. */
function sniff(bytes: Uint8Array): { kind: Kind | null; is: string } {
  if (ascii(bytes, 0, '%PDF-')) return { kind: PDF, is: 'a PDF' }
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { kind: PNG, is: 'a PNG image' }
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return { kind: JPEG, is: 'a JPEG image' }
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return { kind: GIF, is: 'a GIF image' }
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return { kind: WEBP, is: 'a WebP image' }
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return zipKind(bytes)
  if (startsWith(bytes, 0x7f, 0x45, 0x4c, 0x46)) return { kind: null, is: 'a program (ELF executable)' }
  if (ascii(bytes, 0, 'MZ')) return { kind: null, is: 'a Windows program' }
  if (bytes.includes(0)) return { kind: null, is: 'binary data of an unknown kind' }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { kind: null, is: 'neither text in UTF-8 nor a known file type' }
  }
  const head = text.slice(0, 1024).replace(/^\uFEFF/, '').trimStart().toLowerCase()
  // Text, but a viewer or browser handed it might run its scripts: refused whatever it is called.
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return { kind: null, is: 'an SVG image (which can carry scripts)' }
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return { kind: null, is: 'a web page (HTML)' }
  return { kind: TEXT, is: 'plain text' }
}

/** A zip is a .docx only if it holds word/document.xml; one carrying macros is refused. Entries are listed, never unpacked. */
function zipKind(bytes: Uint8Array): { kind: Kind | null; is: string } {
  const names: string[] = []
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name)
        return false
      }
    })
  } catch {
    return { kind: null, is: 'a damaged ZIP archive' }
  }
  if (!names.includes('word/document.xml')) return { kind: null, is: 'a ZIP archive' }
  if (names.some((n) => /vbaProject\.bin$/i.test(n))) return { kind: null, is: 'a Word document with macros' }
  return { kind: DOCX, is: 'a Word document (.docx)' }
}

/** Characters that must not reach a name shown to the user or given to a viewer copy. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * The name the user's file is shown under: its last path segment (either separator), without control or bidi
 * characters (a right-to-left override can make `cv‮fdp.exe` read as `cvexe.pdf`), leading dots or Windows-reserved
 * characters, at most 200 characters with the extension kept. Display only: it never becomes a path in the store.
 */
export function displayName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? ''
  let name = last.normalize('NFC').replace(/[\t\n\r\v\f]/g, ' ').replace(UNSAFE_NAME, '').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '')
  if (name.length > 200) {
    const ext = extname(name).slice(0, 10)
    name = name.slice(0, 200 - ext.length).trimEnd() + ext
  }
  return name || 'attachment'
}

/** Throws unless the content is one of the allowed kinds and the name's extension claims that same kind. */
export function checkAttachment(where: string, name: string, bytes: Uint8Array): Kind {
  const shown = JSON.stringify(name)
  if (bytes.length === 0) throw new TouchlineError('INVALID_INPUT', `${where}: input.dataBase64: ${shown} is empty; nothing was attached.`)
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new TouchlineError(
      'INVALID_INPUT',
      `${where}: input.dataBase64: ${shown} is ${(bytes.length / 1048576).toFixed(1)} MB; attachments are at most ${MAX_ATTACHMENT_BYTES / 1048576} MB. Nothing was attached.`
    )
  }
  const ext = extname(name).toLowerCase()
  const claimed = BY_EXTENSION.get(ext)
  const found = sniff(bytes)
  const allowed = 'PDF, Word (.docx), PNG, JPEG, GIF, WebP or plain text (.txt, .md, .csv)'
  if (!claimed) {
    const what = ext ? `files ending in ${ext} are not accepted` : 'the name has no extension'
    throw new TouchlineError('INVALID_INPUT', `${where}: input.fileName: ${shown} is refused: ${what} (the content is ${found.is}). Attach ${allowed}.`)
  }
  // .txt, .md and .csv are all plain text to the sniffer.
  const matches = claimed.mediaType.startsWith('text/') ? found.kind === TEXT : found.kind === claimed
  if (!matches) {
    throw new TouchlineError(
      'INVALID_INPUT',
      `${where}: input.dataBase64: ${shown} is refused: its name says ${claimed.label} but the content is ${found.is}. Nothing was attached.`
    )
  }
  return claimed
}

const SHA256 = /^[0-9a-f]{64}$/

/** The one place a stored file's path is made: from the hash alone, and checked to stay inside the folder. */
export function blobPath(folder: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new TouchlineError('INTERNAL', `An attachment's hash is malformed (${sha256.slice(0, 80)}).`)
  const root = resolve(folder)
  const path = resolve(root, sha256.slice(0, 2), sha256)
  if (!path.startsWith(root + sep)) throw new TouchlineError('INTERNAL', `An attachment path left its folder "${root}".`)
  return path
}

/** Refuses a shard folder that is a link leading out of the attachments folder. */
function assertInside(folder: string, path: string): void {
  const root = realpathSync(folder)
  const real = realpathSync(path)
  if (real !== root && !real.startsWith(root + sep)) {
    throw new TouchlineError('CONFLICT', `"${path}" leads outside the attachments folder "${root}"; nothing was written.`)
  }
}

/**
 * Writes the bytes under their hash unless the same content is already there. Atomic: a temp file in the same folder,
 * flushed to disk, then renamed over, so a crash leaves either no file or the whole one, never half. Synchronous on
 * purpose: no other request runs between the check and the rename.
 */
export function storeBlob(folder: string, sha256: string, bytes: Uint8Array, where = 'attachments.add'): { path: string; created: boolean } {
  const path = blobPath(folder, sha256)
  if (existsSync(path) && statSync(path).size === bytes.length) return { path, created: false }
  try {
    mkdirSync(dirname(path), { recursive: true })
  } catch (err) {
    throw storageError(err, where, folder)
  }
  assertInside(folder, dirname(path))
  const temp = join(resolve(folder), `.incoming-${randomBytes(8).toString('hex')}`)
  try {
    const fd = openSync(temp, 'wx', 0o600)
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  } catch (err) {
    rmSync(temp, { force: true })
    throw storageError(err, where, folder)
  }
  syncFolder(dirname(path))
  return { path, created: true }
}

/** A full disk or a folder that cannot be written is the user's to fix: said so, naming the folder; nothing was attached. */
function storageError(err: unknown, where: string, folder: string): unknown {
  const code = (err as { code?: unknown }).code
  const shown = `"${resolve(folder)}"`
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new TouchlineError('DISK_FULL', `${where}: the disk holding ${shown} is full; nothing was attached. Free some space and try again.`)
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new TouchlineError('READ_ONLY_WORKSPACE', `${where}: the attachments folder ${shown} cannot be written; nothing was attached. Restore write permission and try again.`)
  }
  return err
}

/** Makes the rename itself durable where the OS allows a folder to be flushed (not on Windows). */
function syncFolder(folder: string): void {
  let fd: number | null = null
  try {
    fd = openSync(folder, 'r')
    fsyncSync(fd)
  } catch {
    // Best effort: the file's own fsync already holds its bytes.
  } finally {
    if (fd !== null) closeSync(fd)
  }
}

/**
 * The viewer copies handed out by this process, by the stored file's hash. They go when their file leaves the folder
 * (a removed attachment, an erased candidate: no copy of an erased person's resume is left in the temp folder) and
 * when the process exits. A copy the viewer still holds open (Windows) is left for the OS to clear.
 */
const viewerCopies = new Map<string, Set<string>>()
let clearedOnExit = false

function rememberViewerCopy(sha256: string, dir: string): void {
  if (!clearedOnExit) {
    clearedOnExit = true
    process.once('exit', () => forgetViewerCopies([...viewerCopies.keys()]))
  }
  viewerCopies.set(sha256, (viewerCopies.get(sha256) ?? new Set()).add(dir))
}

export function forgetViewerCopies(hashes: Iterable<string>): void {
  for (const sha256 of hashes) {
    for (const dir of viewerCopies.get(sha256) ?? []) {
      try {
        rmSync(dir, { recursive: true, force: true })
      } catch {
        // Still open in a viewer: the OS clears its temp folder.
      }
    }
    viewerCopies.delete(sha256)
  }
}

/** Deletes each of these files that no row references any more, and the viewer copies made of them; returns how many went. */
export async function deleteUnreferenced(db: Kysely<DB>, folder: string, hashes: Iterable<string>): Promise<number> {
  let deleted = 0
  for (const sha256 of new Set(hashes)) {
    const held = await db.selectFrom('candidate_attachments').where('sha256', '=', sha256).select('id').limit(1).executeTakeFirst()
    if (held) continue
    const path = blobPath(folder, sha256)
    if (!existsSync(path)) continue
    rmSync(path, { force: true })
    forgetViewerCopies([sha256])
    deleted++
    // An emptied shard folder goes too; one still holding another file stays.
    try {
      if (readdirSync(dirname(path)).length === 0) rmdirSync(dirname(path))
    } catch {
      // Left for later: an empty folder holds nothing of anyone.
    }
  }
  return deleted
}

type Row = { id: number; candidate_id: number; name: string; media_type: string; size_bytes: number; added_at: string }
const toRow = (r: Row): AttachmentRow => ({
  id: r.id,
  candidateId: r.candidate_id,
  name: r.name,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  addedAt: r.added_at
})
const COLUMNS = ['id', 'candidate_id', 'name', 'media_type', 'size_bytes', 'added_at'] as const

/** The candidate and the profiles merged into them: one person, whose files are listed and erased together. */
async function personIds(db: Kysely<DB>, where: string, field: string, candidateId: number): Promise<{ ids: number[]; mergedInto: number | null }> {
  const candidate = await db.selectFrom('candidates').where('id', '=', candidateId).select(['id', 'merged_into']).executeTakeFirst()
  if (!candidate) throw new TouchlineError('NOT_FOUND', `${where}: ${field}: there is no candidate with id ${candidateId}.`)
  const merged = await db.selectFrom('candidates').where('merged_into', '=', candidateId).select('id').execute()
  return { ids: [candidate.id, ...merged.map((m) => m.id)], mergedInto: candidate.merged_into }
}

export async function addAttachment(db: Kysely<DB>, folder: string, input: ParsedInput<'attachments.add'>, now: string): Promise<AttachmentAdded> {
  const where = 'attachments.add'
  const { mergedInto } = await personIds(db, where, 'input.candidateId', input.candidateId)
  if (mergedInto !== null) {
    throw new TouchlineError('CONFLICT', `${where}: input.candidateId: candidate ${input.candidateId} was merged into candidate ${mergedInto}; attach the file there.`)
  }
  const name = displayName(input.fileName)
  const bytes = Buffer.from(input.dataBase64, 'base64')
  const kind = checkAttachment(where, name, bytes)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const existing = await db
    .selectFrom('candidate_attachments')
    .where('candidate_id', '=', input.candidateId)
    .where('sha256', '=', sha256)
    .select(COLUMNS)
    .executeTakeFirst()
  if (existing) return { attachment: toRow(existing), alreadyAttached: true }
  const { created } = storeBlob(folder, sha256, bytes)
  try {
    const row = await db
      .insertInto('candidate_attachments')
      .values({ candidate_id: input.candidateId, sha256, name, media_type: kind.mediaType, size_bytes: bytes.length, added_at: now })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow()
    return { attachment: toRow(row), alreadyAttached: false }
  } catch (err) {
    // The row is what keeps a file; a file this call wrote and no row holds is taken back.
    if (created) await deleteUnreferenced(db, folder, [sha256]).catch(() => undefined)
    throw err
  }
}

export async function listAttachments(db: Kysely<DB>, input: ParsedInput<'attachments.list'>): Promise<Page<AttachmentRow>> {
  const { ids } = await personIds(db, 'attachments.list', 'input.candidateId', input.candidateId)
  const base = db.selectFrom('candidate_attachments').where('candidate_id', 'in', ids)
  const [rows, total] = await Promise.all([
    base.select(COLUMNS).orderBy('added_at', 'desc').orderBy('id', 'desc').limit(input.limit).offset(input.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  ])
  return { rows: rows.map(toRow), total: Number(total.n), offset: input.offset, limit: input.limit }
}

async function attachmentRow(db: Kysely<DB>, where: string, id: number) {
  const row = await db.selectFrom('candidate_attachments').where('id', '=', id).select([...COLUMNS, 'sha256']).executeTakeFirst()
  if (!row) throw new TouchlineError('NOT_FOUND', `${where}: input.id: there is no attachment with id ${id}.`)
  return row
}

export async function removeAttachment(db: Kysely<DB>, folder: string, input: ParsedInput<'attachments.remove'>): Promise<{ removed: number; fileDeleted: boolean }> {
  const row = await attachmentRow(db, 'attachments.remove', input.id)
  await db.deleteFrom('candidate_attachments').where('id', '=', row.id).execute()
  const deleted = await deleteUnreferenced(db, folder, [row.sha256])
  return { removed: 1, fileDeleted: deleted > 0 }
}

/** Every file the person (with merged profiles) holds: read before erasing, swept after. */
export async function attachmentHashesOf(db: Kysely<DB>, candidateId: number): Promise<string[]> {
  const merged = db.selectFrom('candidates').where('merged_into', '=', candidateId).select('id')
  const rows = await db
    .selectFrom('candidate_attachments')
    .where((eb) => eb.or([eb('candidate_id', '=', candidateId), eb('candidate_id', 'in', merged)]))
    .select('sha256')
    .execute()
  return rows.map((r) => r.sha256)
}

/** A stored file ready to open: its row, where its bytes are, and the kind it was accepted as. */
export async function storedAttachment(db: Kysely<DB>, folder: string, id: number): Promise<{ row: AttachmentRow; path: string; extension: string }> {
  const where = 'attachments.open'
  const row = await attachmentRow(db, where, id)
  const path = blobPath(folder, row.sha256)
  if (!existsSync(path)) {
    throw new TouchlineError(
      'NOT_FOUND',
      `${where}: input.id: the file of ${JSON.stringify(row.name)} is missing from "${resolve(folder)}" (restoring an older backup brings back rows, not files); remove it and attach it again.`
    )
  }
  const extension = BY_MEDIA_TYPE.get(row.media_type)?.extensions[0] ?? '.bin'
  return { row: toRow(row), path, extension }
}

export function readStored(path: string): Buffer {
  return readFileSync(path)
}

/** Names Windows will not let a file have, whatever its extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/**
 * A read-only copy for the OS viewer, in a fresh folder under `tmpRoot`: a stored file has no extension (its name is
 * its hash), and a viewer picks its application by extension. The copy gets the display name's stem (already free of
 * separators) and the extension of the kind the content was accepted as, never the one the user typed.
 */
export function viewerCopy(stored: { row: AttachmentRow; path: string; extension: string }, tmpRoot: string): string {
  const dir = mkdtempSync(join(tmpRoot, 'touchline-open-'))
  rememberViewerCopy(basename(stored.path), dir)
  const stem = displayName(basename(stored.row.name, extname(stored.row.name))).slice(0, 120)
  const copy = resolve(dir, `${RESERVED.test(stem) ? `_${stem}` : stem}${stored.extension}`)
  if (dirname(copy) !== resolve(dir)) throw new TouchlineError('INTERNAL', `A viewer copy left its folder "${dir}".`)
  copyFileSync(stored.path, copy)
  chmodSync(copy, 0o444)
  return copy
}
