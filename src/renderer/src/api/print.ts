// The one door to printing: the desktop shell saves a PDF of the page; the browser shell opens the print dialog.
import type { PdfExport } from '@shared/contract'
import { call, CallError } from './client'

export function printPage(): void {
  window.print()
}

/** Exports the current page's print layout as a PDF; where the shell cannot (the browser shell), prints instead. */
export async function exportPdf(name: string, landscape = false): Promise<PdfExport | 'printed'> {
  // The main process accepts plain file names only; a rep called O'Brien still gets a brief.
  const safe = name.replace(/[^\p{L}\p{N} ._()–-]/gu, '').trim().slice(0, 80) || 'Touchline'
  try {
    return await call('app.exportPdf', { name: safe, landscape })
  } catch (err) {
    if (err instanceof CallError && err.code === 'UNSUPPORTED') {
      printPage()
      return 'printed'
    }
    throw err
  }
}
