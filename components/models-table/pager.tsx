import { PAGE_ROWS } from '@/lib/table/state'
import { formatCount } from '@/lib/utils'

/**
 * Links through the pages of the view, for readers without JavaScript (the server HTML holds one
 * page; the live table holds every row). Plain GET links: each page is the same view's URL with `page`.
 */
export function Pager({
  page,
  pages,
  shown,
  hrefOf,
  noscript,
}: {
  page: number
  pages: number
  /** Rows in the whole view. */
  shown: number
  hrefOf: (page: number) => string
  /** Only for readers without JavaScript (inside <noscript>). */
  noscript?: boolean
}) {
  if (pages <= 1) return null
  const first = (page - 1) * PAGE_ROWS + 1
  const last = Math.min(page * PAGE_ROWS, shown)
  const link = 'inline-flex min-h-9 min-w-9 items-center justify-center rounded-md border bg-card px-2.5 hover:bg-muted'
  // Every page number when there are few; else the first, the last and the two around this one.
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b)
  const nav = (
    <nav aria-label="Pages of models" className="flex flex-wrap items-center gap-2 text-sm" data-testid="pager">
      <p className="mr-auto text-muted-foreground">
        Rows {formatCount(first)}–{formatCount(last)} of {formatCount(shown)}
      </p>
      {page > 1 ? (
        <a href={hrefOf(page - 1)} className={link} rel="prev">
          Previous
        </a>
      ) : null}
      {numbers.map((n, i) => (
        <span key={n} className="contents">
          {i > 0 && n - numbers[i - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
          {n === page ? (
            <span aria-current="page" className={`${link} border-accent font-semibold`}>
              {n}
            </span>
          ) : (
            <a href={hrefOf(n)} className={link} aria-label={`Page ${n}`}>
              {n}
            </a>
          )}
        </span>
      ))}
      {page < pages ? (
        <a href={hrefOf(page + 1)} className={link} rel="next">
          Next
        </a>
      ) : null}
    </nav>
  )
  return noscript ? <noscript>{nav}</noscript> : nav
}
