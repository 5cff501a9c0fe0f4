// Files bigger than one call, staged by main in a private temporary folder chunk by chunk: the window sends bytes,
// never a path, and main reads only files it wrote itself.
//
// When a staged file goes (the wizard holds one file at a time, and may dry-run it, fix the mapping and try again):
// - a real import of it that commits removes it: its rows are in the workspace now, and the wizard asks for a file
//   again before anything else;
// - a dry run, a failed and a cancelled import keep it, so the wizard can apply it, or apply it again, as it offers;
// - a new upload (or a file picked in main's dialog) removes the earlier ones: the user has moved on to another file;
// - an upload a running import is reading is never removed under it: it goes when that import ends;
// - the process exiting removes whatever is left (and clear() does, for whoever ends the session: tests today).
import { randomUUID } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES, type ImportUpload } from '@shared/contract/imports'
import { TouchlineError } from '@shared/errors'
import { fileSource, type ByteSource } from './stream'

interface Upload {
  id: string
  fileName: string
  size: number
  received: number
  /** The staging folder main made, removed with the upload; null for a file the user picked in main's dialog. */
  dir: string | null
  path: string
  fd: number | null
  /** Running imports reading it. */
  readers: number
  /** Let go of (a newer upload came) while an import was reading it: removed when the last reader ends. */
  released: boolean
}

/** Staged files are large and the wizard holds one file at a time: a new upload lets go of the earlier ones. */
const KEEP = 1

const live = new Set<Upload>()
let hooked = false
/** Staged files never outlive the process, however it ends normally. */
function removeAllOnExit(): void {
  if (hooked) return
  hooked = true
  process.once('exit', () => {
    for (const u of live) discard(u)
  })
}

function discard(u: Upload): void {
  if (u.fd !== null) {
    try {
      closeSync(u.fd)
    } catch {
      // already closed
    }
    u.fd = null
  }
  try {
    if (u.dir !== null) rmSync(u.dir, { recursive: true, force: true })
  } catch {
    // Windows keeps a file that a running import still reads; the OS's temp cleanup takes it later.
  }
  live.delete(u)
}

export class StagedUploads {
  private readonly uploads = new Map<string, Upload>()

  begin(fileName: string, size: number): ImportUpload {
    if (size > MAX_UPLOAD_BYTES) throw new TouchlineError('INVALID_INPUT', `file "${fileName}" is larger than ${MAX_UPLOAD_BYTES / 1073741824} GB`)
    removeAllOnExit()
    const dir = mkdtempSync(join(tmpdir(), 'touchline-upload-'))
    const path = join(dir, 'file')
    // 'wx': a fresh file of our own; 0o600: nobody else on the machine reads the export.
    const fd = openSync(path, 'wx', 0o600)
    return this.add({ id: `upload-${randomUUID()}`, fileName, size, received: 0, dir, path, fd, readers: 0, released: false })
  }

  /**
   * A file the user picked in main's own open dialog (the desktop app): read where it is, never copied or removed.
   * Only main's dialog may hand a path here; no contract input ever carries one.
   */
  adoptPicked(path: string): ImportUpload {
    const size = statSync(path).size
    if (size === 0) throw new TouchlineError('INVALID_INPUT', `file "${basename(path)}" is empty`)
    return this.add({ id: `upload-${randomUUID()}`, fileName: basename(path), size, received: size, dir: null, path, fd: null, readers: 0, released: false })
  }

  private add(upload: Upload): ImportUpload {
    live.add(upload)
    this.uploads.set(upload.id, upload)
    const all = [...this.uploads.values()]
    for (const old of all.slice(0, Math.max(0, all.length - KEEP))) this.letGo(old)
    return this.view(upload)
  }

  /** Chunks come in order: each must start where the last one ended, and none may run past the declared size. */
  chunk(id: string, offset: number, bytes: Uint8Array): ImportUpload {
    const u = this.find(id)
    if (u.fd === null) throw new TouchlineError('CONFLICT', `upload of "${u.fileName}" is already finished`)
    if (bytes.length === 0) throw new TouchlineError('INVALID_INPUT', 'the chunk is empty')
    if (bytes.length > UPLOAD_CHUNK_BYTES) throw new TouchlineError('INVALID_INPUT', `a chunk is at most ${UPLOAD_CHUNK_BYTES / 1048576} MB`)
    if (offset !== u.received) throw new TouchlineError('INVALID_INPUT', `upload of "${u.fileName}": the chunk starts at byte ${offset}, expected ${u.received}`)
    if (u.received + bytes.length > u.size) throw new TouchlineError('INVALID_INPUT', `upload of "${u.fileName}": the chunks run past the ${u.size} bytes declared`)
    let written = 0
    while (written < bytes.length) written += writeSync(u.fd, bytes, written, bytes.length - written, u.received + written)
    u.received += bytes.length
    return this.view(u)
  }

  finish(id: string): ImportUpload {
    const u = this.find(id)
    if (u.received !== u.size) throw new TouchlineError('INVALID_INPUT', `upload of "${u.fileName}" has ${u.received} of its ${u.size} bytes`)
    if (u.fd !== null) {
      closeSync(u.fd)
      u.fd = null
    }
    return this.view(u)
  }

  /** The bytes of a finished upload, streamed from its staged file. */
  source(id: string): ByteSource {
    const u = this.find(id)
    if (u.fd !== null) throw new TouchlineError('INVALID_INPUT', `upload of "${u.fileName}" is not finished (${u.received} of ${u.size} bytes)`)
    return fileSource(u.path, u.fileName)
  }

  /**
   * The bytes of a finished upload for an import that reads it to the end: the file is kept while the import runs
   * (whatever else is uploaded meanwhile), and `done` says how it ended: a committed import removes the file, a dry
   * run, a failure or a cancel keeps it for another try. Call `done` exactly once.
   */
  read(id: string): { source: ByteSource; done: (committed: boolean) => void } {
    const source = this.source(id)
    const u = this.find(id)
    u.readers++
    let ended = false
    return {
      source,
      done: (committed) => {
        if (ended) return
        ended = true
        u.readers--
        if (committed) u.released = true
        if (u.released && u.readers === 0) this.drop(u)
      }
    }
  }

  /** The staged file of an upload, while it exists (tests: to see it go); null for an unknown upload. */
  stagedPath(id: string): string | null {
    return this.uploads.get(id)?.path ?? null
  }

  /** Removes every staged file (the workspace closes, or tests end). */
  clear(): void {
    for (const u of [...this.uploads.values()]) this.drop(u)
  }

  /** An upload the user moved on from: removed now, or when the import reading it ends. */
  private letGo(u: Upload): void {
    u.released = true
    if (u.readers === 0) this.drop(u)
  }

  private drop(u: Upload): void {
    if (this.uploads.get(u.id) === u) this.uploads.delete(u.id)
    discard(u)
  }

  private find(id: string): Upload {
    const u = this.uploads.get(id)
    if (!u) throw new TouchlineError('NOT_FOUND', `no upload ${id}: a staged file is removed once an import of it is applied, or when another file is chosen; choose the file again`)
    return u
  }

  private view(u: Upload): ImportUpload {
    return { uploadId: u.id, fileName: u.fileName, size: u.size, received: u.received }
  }
}
