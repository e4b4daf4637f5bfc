/** Joins class names, skipping falsy ones. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ')
}

/**
 * 1234567 → "1,234,567", as en-US writes it. Whole numbers are grouped by hand: the first
 * `toLocaleString` of a page makes a number formatter, which took ~100 ms of a 4×-throttled load
 * of /models in a CPU profile (the index's result count and pager are rendered as it hydrates).
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US')
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return n < 0 ? `-${digits}` : digits
}

/** "1 model", "1,234 models": a count in en-US digits with the word for it. */
export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`
