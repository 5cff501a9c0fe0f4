// The one door to saving a file from the page: a Blob behind a temporary link, so no component touches `document`.
export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  // A BOM so spreadsheet apps read the UTF-8 names (é, ü, —) correctly.
  const blob = new Blob(['\uFEFF', text], { type: mime })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
