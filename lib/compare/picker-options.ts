/**
 * The compare picker's list of every model, as `/compare/models.json` sends it: one array per
 * model, `[id, name, vendorName, aliases?]` (the vendor id is the id's first part). The picker
 * fetches it when first used, so the compare page's own HTML and RSC payload carry only the
 * chosen models. Pure and zod-free (the picker's bundle reads it).
 */
import type { PickerOption } from './selection'

export type PackedOption = [id: string, name: string, vendorName: string, aliases?: string[]]

/** Where the picker finds the list: a static route, built once with the site. */
export const PICKER_OPTIONS_URL = '/compare/models.json'

export function packOptions(options: readonly PickerOption[]): PackedOption[] {
  return options.map((o) =>
    o.aliases?.length ? [o.id, o.name, o.vendorName, o.aliases] : [o.id, o.name, o.vendorName],
  )
}

/** The options back; anything that is not a list of such arrays gives an empty list. */
export function unpackOptions(data: unknown): PickerOption[] {
  if (!Array.isArray(data)) return []
  const out: PickerOption[] = []
  for (const item of data) {
    if (!Array.isArray(item)) continue
    const [id, name, vendorName, aliases] = item as unknown[]
    if (typeof id !== 'string' || typeof name !== 'string' || typeof vendorName !== 'string') continue
    const o: PickerOption = { id, name, vendor: id.split('/')[0] ?? id, vendorName }
    if (Array.isArray(aliases) && aliases.every((a) => typeof a === 'string')) o.aliases = aliases
    out.push(o)
  }
  return out
}
