// The one door to the browser's print dialog, so no component touches `window` (Electron prints the same page to PDF).
export function printPage(): void {
  window.print()
}
