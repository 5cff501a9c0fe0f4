// Turns a file's bytes into text: BOMs, UTF-16, and the single-byte legacy encodings old Excel saves still produce.

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'mac-roman' | 'shift_jis'

export interface Decoded {
  encoding: Encoding
  text: string
}

// Mac Roman's upper half (0x80–0xFF); Node's TextDecoder has no 'macintosh' label in every build, so the table lives here.
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ'

function decodeMacRoman(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192)
    out += Array.from(chunk, (b) => (b < 0x80 ? String.fromCharCode(b) : MAC_ROMAN_HIGH[b - 0x80])).join('')
  }
  return out
}

// Windows-1252's 0x80–0x9F (€, curly quotes, dashes, Š, Ž, Œ, Ÿ …); 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned and stay C1.
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

/**
 * Windows-1252 text. Some Node builds decode the 'windows-1252' label as ISO-8859-1, turning € (0x80) and the curly
 * quotes into invisible C1 controls, so that range is mapped here; where the decoder is right this changes nothing.
 */
function decodeWindows1252(decoder: { decode(bytes: Uint8Array, options: { stream: boolean }): string }, bytes: Uint8Array, stream: boolean): string {
  const text = decoder.decode(bytes, { stream })
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c: string) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c) : text
}

/**
 * How plausible a legacy decoding is: accented lowercase letters inside words are what real names hold;
 * C1 controls, uppercase letters mid-word and maths symbols are what the wrong table produces.
 */
function plausibility(text: string): number {
  let score = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    const ch = text[i] ?? ''
    const prev = text[i - 1] ?? ' '
    if (c >= 0x80 && c <= 0x9f) score -= 3
    else if (/\p{Ll}/u.test(ch)) score += 1
    else if (/\p{Lu}/u.test(ch)) score += /\p{L}/u.test(prev) ? -2 : 1
    else if (/[€£¥©®°–—‘’“”…•]/u.test(ch)) score += 0
    else score -= 1
  }
  return score
}

/** Zero bytes in most odd (or even) positions: UTF-16 saved without a BOM. */
function looksUtf16(bytes: Uint8Array, odd: boolean): boolean {
  const n = Math.min(bytes.length, 4096)
  if (n < 4) return false
  let zeros = 0
  for (let i = odd ? 1 : 0; i < n; i += 2) if (bytes[i] === 0) zeros++
  return zeros / (n / 2) > 0.6
}

// BOMs are kept wherever they are: a leading one is dropped by the caller, one inside (files joined end to end) is text.
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Where the line after `from` starts (past its LF, CR or CRLF), or -1 when the bytes hold no line end. */
function nextLineStart(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]
    if (b === 0x0a) return i + 1
    if (b === 0x0d) return bytes[i + 1] === 0x0a ? i + 2 : i + 1
  }
  return -1
}

/**
 * Text that is UTF-8 in some lines and a legacy table in others (exports joined end to end, one re-saved by Excel;
 * a pasted cell): each line is read as UTF-8 when it is valid UTF-8, else in the legacy table, so neither part
 * turns into mojibake.
 */
function decodeMixed(bytes: Uint8Array, legacy: (line: Uint8Array) => string): string {
  try {
    return utf8Strict.decode(bytes)
  } catch {
    let out = ''
    for (let start = 0; start < bytes.length; ) {
      const next = nextLineStart(bytes, start)
      const end = next < 0 ? bytes.length : next
      const line = bytes.subarray(start, end)
      let text: string
      try {
        text = utf8Strict.decode(line)
      } catch {
        text = legacy(line)
      }
      out += text
      start = end
    }
    return out
  }
}

function legacyDecoder(encoding: Encoding): (line: Uint8Array) => string {
  if (encoding === 'mac-roman') return decodeMacRoman
  const decoder = new TextDecoder('windows-1252')
  return (line) => decodeWindows1252(decoder, line, false)
}

/**
 * Shift_JIS, as Japanese Excel saves CSV and Salesforce exports for Japanese users. A European legacy file can be
 * valid Shift_JIS by chance (an accented letter pairs with the next byte into a kanji or a kana; bytes C0–DF are
 * half-width katakana), but those characters stand alone between Latin letters, where Japanese writing runs them
 * together. So it is accepted only when valid throughout, holding kana, with most of its Japanese characters in runs
 * of two or more and few half-width katakana. `complete` false: a character cut at the end does not count against it.
 */
function shiftJis(bytes: Uint8Array, complete: boolean): string | null {
  let text: string
  try {
    text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes, { stream: !complete })
  } catch {
    return null
  }
  if (!/[\u3041-\u3096\u30a1-\u30fa]/.test(text)) return null
  const japanese = text.match(/[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e\uffe5]/g)?.length ?? 0
  const inRuns = (text.match(/[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e\uffe5]{2,}/g) ?? []).reduce((n, run) => n + run.length, 0)
  const halfWidth = text.match(/[\uff61-\uff9f]/g)?.length ?? 0
  return japanese >= 2 && inRuns >= japanese * 0.6 && halfWidth <= japanese * 0.2 ? text : null
}

export function decodeBytes(bytes: Uint8Array, complete = true): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8-bom', text: decodeMixed(bytes.subarray(3), legacyDecoder('windows-1252')) }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) }
  if (looksUtf16(bytes, true)) return { encoding: 'utf-16le', text: new TextDecoder('utf-16le').decode(bytes) }
  if (looksUtf16(bytes, false)) return { encoding: 'utf-16be', text: new TextDecoder('utf-16be').decode(bytes) }
  try {
    return { encoding: 'utf-8', text: utf8Strict.decode(bytes) }
  } catch {
    const japanese = shiftJis(bytes, complete)
    if (japanese !== null) return { encoding: 'shift_jis', text: japanese }
    // Not valid UTF-8: a single-byte legacy file (or one with legacy lines). Pick the table whose reading looks like words.
    const windows = decodeMixed(bytes, legacyDecoder('windows-1252'))
    const mac = decodeMixed(bytes, legacyDecoder('mac-roman'))
    return plausibility(mac) > plausibility(windows) ? { encoding: 'mac-roman', text: mac } : { encoding: 'windows-1252', text: windows }
  }
}

/**
 * The encoding of a file judged from its opening bytes (the rest may not be read yet): a multi-byte character
 * cut at the end of the head does not count against UTF-8.
 */
export function detectEncoding(head: Uint8Array, complete: boolean): Encoding {
  let bytes = head
  if (!complete) {
    // Drop a trailing incomplete UTF-8 sequence (at most 3 bytes) before judging.
    let cut = bytes.length
    for (let back = 1; back <= 3 && cut - back >= 0; back++) {
      const b = bytes[cut - back] ?? 0
      if ((b & 0xc0) === 0x80) continue
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
      if (need > back) cut -= back
      break
    }
    bytes = bytes.subarray(0, cut)
  }
  return decodeBytes(bytes, complete).encoding
}

/**
 * Decodes a file chunk by chunk in the encoding found from its head; BOMs are dropped. Single-byte and UTF-8 files
 * are decoded whole lines at a time (a line cut at a chunk's end waits for the next chunk), so a line in the other
 * encoding is read as decodeBytes reads it: UTF-8 where valid, else the legacy table (Windows-1252 for a UTF-8 file).
 */
export function chunkDecoder(encoding: Encoding): (chunk: Uint8Array, last: boolean) => string {
  if (encoding === 'utf-16le' || encoding === 'utf-16be' || encoding === 'shift_jis') {
    const decoder = new TextDecoder(encoding)
    return (chunk, last) => decoder.decode(chunk, { stream: !last })
  }
  const legacy = legacyDecoder(encoding === 'mac-roman' ? 'mac-roman' : 'windows-1252')
  let carry: Uint8Array | null = null
  return (chunk, last) => {
    let head = ''
    let body = chunk
    if (carry !== null) {
      // The line cut at the previous chunk's end, completed by this chunk's first line.
      const next = last ? chunk.length : nextLineStart(chunk, 0)
      if (next < 0) {
        carry = Buffer.concat([carry, chunk])
        return ''
      }
      head = decodeMixed(Buffer.concat([carry, chunk.subarray(0, next)]), legacy)
      body = chunk.subarray(next)
      carry = null
    }
    if (!last) {
      let cut = body.length
      while (cut > 0 && body[cut - 1] !== 0x0a && body[cut - 1] !== 0x0d) cut--
      // A CR at the very end may be the first half of a CRLF: it stays with the line it ends either way.
      if (cut < body.length) carry = body.slice(cut)
      body = body.subarray(0, cut)
    }
    return head + decodeMixed(body, legacy)
  }
}
