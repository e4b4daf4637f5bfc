import type { ListKey } from './check-list'
import { CheckList } from './check-list'

const ignore = () => {}

/**
 * What a reader without JavaScript gets in the vendor or provider menu of /models until they ask
 * for the whole list: the ticked choices (still ticked, so "Apply" keeps them) and a link to the
 * same view with that menu open on every choice (`pick=vendor`). The lists are hundreds of rows;
 * sent in every page's HTML they were ~2.2 KB of its brotli size (16 %), for readers with
 * JavaScript who never see them (the live menu renders from the page's data when opened).
 */
export function NoScriptFacet({
  name,
  field,
  options,
  selected,
  pickHref,
  noun,
}: {
  name: string
  field: ListKey
  options: { value: string; label: string; count?: number }[]
  selected: readonly string[]
  /** The current view with this menu open on the whole list. */
  pickHref: string
  /** Plural, for the link: "vendors". */
  noun: string
}) {
  const ticked = options.filter((o) => selected.includes(o.value))
  return (
    <>
      {ticked.length > 0 ? (
        <CheckList name={name} field={field} options={ticked} selected={selected} onToggle={ignore} />
      ) : null}
      <p className="px-1.5 py-1 text-sm">
        <a href={pickHref} className="text-accent hover:underline">
          {`Choose from all ${options.length} ${noun}`}
        </a>
      </p>
    </>
  )
}
