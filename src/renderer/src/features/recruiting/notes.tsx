// Research notes as safe minimal Markdown: headings, bullets and **bold** become elements; everything else stays text.
import type { ReactNode } from 'react'

function inline(text: string): ReactNode[] {
  // Only **bold** and _emphasis_; React escapes the text, so nothing typed can become markup.
  return text.split(/(\*\*[^*]+\*\*|_[^_]+_)/g).map((part, i) => {
    if (/^\*\*[^*]+\*\*$/.test(part)) return <strong key={i}>{part.slice(2, -2)}</strong>
    if (/^_[^_]+_$/.test(part)) return <em key={i}>{part.slice(1, -1)}</em>
    return part
  })
}

export function ResearchNotes({ text }: { text: string }) {
  if (!text.trim()) return <p className="muted">No research notes yet.</p>
  const blocks: ReactNode[] = []
  let bullets: string[] = []
  const flush = () => {
    if (bullets.length) {
      const items = bullets
      blocks.push(
        <ul key={`ul-${blocks.length}`}>
          {items.map((b, i) => (
            <li key={i}>{inline(b)}</li>
          ))}
        </ul>
      )
      bullets = []
    }
  }
  for (const line of text.split('\n')) {
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line)
    if (bullet) {
      bullets.push(bullet[1]!)
      continue
    }
    flush()
    const heading = /^#{1,6}\s+(.*)$/.exec(line)
    if (heading) blocks.push(<h4 key={blocks.length}>{inline(heading[1]!)}</h4>)
    else if (line.trim()) blocks.push(<p key={blocks.length}>{inline(line)}</p>)
  }
  flush()
  return <div className="research-notes">{blocks}</div>
}
