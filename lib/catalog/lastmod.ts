/**
 * When each content file last changed, from `git log --format=%x00%cI --name-only`: the sitemap's
 * `lastmod` (a page's date is the newest of the files it is built from). Pure: the caller runs git.
 */

/** File path → ISO date of the newest commit touching it. The log lists newest commits first. */
export function parseLastModified(log: string): Map<string, string> {
  const dates = new Map<string, string>()
  for (const record of log.split('\0')) {
    const [date, ...files] = record.split('\n').filter((l) => l.trim() !== '')
    if (!date || !/^\d{4}-\d{2}-\d{2}T/.test(date)) continue
    for (const f of files) if (!dates.has(f)) dates.set(f, date)
  }
  return dates
}

/** The newest of the files' dates; `undefined` when none is known. */
export function newestOf(dates: ReadonlyMap<string, string>, files: Iterable<string>): string | undefined {
  let newest: string | undefined
  for (const f of files) {
    const d = dates.get(f)
    if (d && (!newest || Date.parse(d) > Date.parse(newest))) newest = d
  }
  return newest
}
