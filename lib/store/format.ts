/**
 * How measured figures read on the pages. No imports: the providers table's cells (a client
 * component) use these, and must not pull the store's schemas into the browser.
 */

/** "420 ms", "1.2 s", "—". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`
}

/** "85 tok/s", "—". */
export function formatRate(tokensPerSecond: number | null | undefined): string {
  if (tokensPerSecond === null || tokensPerSecond === undefined) return '—'
  return `${tokensPerSecond < 10 ? tokensPerSecond.toFixed(1) : Math.round(tokensPerSecond).toLocaleString('en-US')} tok/s`
}

/**
 * "99.5 %", "100 %", "—". Never rounds a failure away: 99.96 % reads "99.9 %", not "100 %".
 */
export function formatUptime(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—'
  if (share >= 1) return '100 %'
  return `${(Math.floor(share * 1000) / 10).toFixed(1)} %`
}
