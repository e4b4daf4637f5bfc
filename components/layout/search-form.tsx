/** A plain GET form to the models index (`/models?q=…`): works without JavaScript. */
export function SearchForm({
  id,
  placeholder = 'Search models',
  className,
}: {
  id: string
  placeholder?: string
  className?: string
}) {
  return (
    <search className={className}>
      <form action="/models" method="get" className="flex gap-2">
        <label htmlFor={id} className="sr-only">
          Search models
        </label>
        <input
          id={id}
          name="q"
          type="search"
          placeholder={placeholder}
          className="min-h-10 flex-1 rounded-md border bg-card px-3"
        />
        <button type="submit" className="min-h-10 rounded-md bg-accent px-4 font-medium text-accent-foreground">
          Search
        </button>
      </form>
    </search>
  )
}
