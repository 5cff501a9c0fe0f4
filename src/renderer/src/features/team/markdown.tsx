// Coaching notes as safe minimal Markdown: headings, bullets, bold, emphasis, code and link text become elements; nothing becomes HTML.
import type { ReactNode } from 'react'

function inline(text: string): ReactNode[] {
  // React escapes every string; links show their text only and open nothing inside the app.
  return text.split(/(\*\*[^*]+\*\*|\*[^*]+\*|_[^_]+_|`[^`]+`|\[[^\]]+\]\([^)]*\))/g).map((part, i) => {
    if (/^\*\*[^*]+\*\*$/.test(part)) return <strong key={i}>{part.slice(2, -2)}</strong>
    if (/^(\*[^*]+\*|_[^_]+_)$/.test(part)) return <em key={i}>{part.slice(1, -1)}</em>
    if (/^`[^`]+`$/.test(part)) return <code key={i}>{part.slice(1, -1)}</code>
    const link = /^\[([^\]]+)\]\(([^)]*)\)$/.exec(part)
    if (link) return <span key={i} className="md-link" title={link[2]}>{link[1]}</span>
    return part
  })
}

export function Markdown({ text, empty = 'Nothing written yet.' }: { text: string; empty?: string }) {
  if (!text.trim()) return <p className="muted">{empty}</p>
  const blocks: ReactNode[] = []
  let bullets: string[] = []
  const flush = () => {
    if (!bullets.length) return
    const items = bullets
    blocks.push(<ul key={`ul-${blocks.length}`}>{items.map((b, i) => <li key={i}>{inline(b)}</li>)}</ul>)
    bullets = []
  }
  for (const line of text.split('\n')) {
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line)
    if (bullet) {
      bullets.push(bullet[1] ?? '')
      continue
    }
    flush()
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    if (heading) blocks.push(<h4 key={blocks.length}>{inline(heading[2] ?? '')}</h4>)
    else if (line.trim()) blocks.push(<p key={blocks.length}>{inline(line)}</p>)
  }
  flush()
  return <div className="markdown">{blocks}</div>
}
