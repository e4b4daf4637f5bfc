import { CopyButton } from '@/components/ui/copy-button'

/** A block of code with a copy button. Plain text for now; highlighting comes with the snippet generator. */
export function CodeBlock({ code, language, label }: { code: string; language: string; label: string }) {
  return (
    <figure className="overflow-hidden rounded-lg border">
      <figcaption className="flex items-center justify-between border-b bg-muted px-3 py-2 text-xs">
        <span className="font-medium">{label}</span>
        <CopyButton value={code} label="Copy code" />
      </figcaption>
      <pre className="overflow-x-auto bg-card p-4 text-sm leading-relaxed" data-language={language}>
        <code>{code}</code>
      </pre>
    </figure>
  )
}
