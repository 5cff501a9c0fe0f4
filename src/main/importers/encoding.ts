// Turns a file's bytes into text: BOMs, UTF-16, and the single-byte legacy encodings old Excel saves still produce.

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'mac-roman'

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

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8-bom', text: new TextDecoder('utf-8').decode(bytes.subarray(3)) }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) }
  if (looksUtf16(bytes, true)) return { encoding: 'utf-16le', text: new TextDecoder('utf-16le').decode(bytes) }
  if (looksUtf16(bytes, false)) return { encoding: 'utf-16be', text: new TextDecoder('utf-16be').decode(bytes) }
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    // Not valid UTF-8: a single-byte legacy file. Pick the table whose reading looks like words.
    const windows = decodeWindows1252(new TextDecoder('windows-1252'), bytes, false)
    const mac = decodeMacRoman(bytes)
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
  return decodeBytes(bytes).encoding
}

/** Decodes a file chunk by chunk in the encoding found from its head; BOMs are dropped. */
export function chunkDecoder(encoding: Encoding): (chunk: Uint8Array, last: boolean) => string {
  if (encoding === 'mac-roman') return (chunk) => decodeMacRoman(chunk)
  if (encoding === 'windows-1252') {
    const decoder = new TextDecoder('windows-1252')
    return (chunk, last) => decodeWindows1252(decoder, chunk, !last)
  }
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding
  // Not fatal: a stray byte far into a large file becomes U+FFFD rather than failing the whole import.
  const decoder = new TextDecoder(label)
  return (chunk, last) => decoder.decode(chunk, { stream: !last })
}
