import type { Segment } from '@/lib/snippets/segments'
import { cn } from '@/lib/utils'

/**
 * Code coloured by build-time token styles (`sk<n>` classes; their CSS comes with the snippet
 * data, see lib/snippets/highlight.ts). No hooks: renders on the server and in the browser.
 */
export function HighlightedCode({
  segments,
  grammar,
  className,
  id,
}: {
  segments: readonly Segment[]
  grammar: string
  className?: string
  id?: string
}) {
  return (
    <pre
      id={id}
      data-language={grammar}
      className={cn('snippet-code overflow-x-auto p-4 text-[13px] leading-relaxed', className)}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: long lines scroll sideways; keyboard users need to focus the block to scroll it (WCAG 2.1.1, axe scrollable-region-focusable)
      tabIndex={0}
    >
      <code>
        {segments.map(([style, text], i) =>
          style === 0 ? (
            text
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: runs of text have no identity but their place; the list is rebuilt whole when the code changes
            <span key={i} className={`sk${style}`}>
              {text}
            </span>
          ),
        )}
      </code>
    </pre>
  )
}
