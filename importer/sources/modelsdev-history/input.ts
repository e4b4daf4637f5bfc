/**
 * The models.dev price history file (../shared/refdata/modelsdev_price_history.json; its
 * README section describes it): per offer `<provider>/<model-id>`, dated price records (USD per
 * 1M tokens), `added` and `removed` days. Validated loosely: only what the seed reads is checked.
 */
import { readFileSync } from 'node:fs'

import { z } from 'zod'

import { ImportInputError } from '../../input'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date "YYYY-MM-DD"')

/** One price record: the offer's cost table from `from` on; input and output null = no cost table. */
const priceRecordSchema = z.looseObject({
  from: day,
  commit: z.string().optional(),
  input: z.number().nullable(),
  output: z.number().nullable(),
})
export type PriceRecord = z.infer<typeof priceRecordSchema>

const offerSchema = z.looseObject({
  added: day,
  removed: day.nullable(),
  renamed_to: z.string().optional(),
  prices: z.array(priceRecordSchema).min(1),
})
export type HistoryOffer = z.infer<typeof offerSchema>

const historyFileSchema = z.looseObject({
  source: z.string(),
  from: day,
  to: day,
  units: z.literal('USD per 1M tokens'),
  offers: z.record(z.string(), offerSchema),
})
export type HistoryFile = z.infer<typeof historyFileSchema> & { file: string }

/** Validate parsed JSON; errors name the file, the offer and the field. */
export function parseHistoryFile(file: string, data: unknown): HistoryFile {
  const r = historyFileSchema.safeParse(data)
  if (!r.success) {
    const lines = r.error.issues.slice(0, 5).map((i) => {
      const [top, key, ...rest] = i.path.map(String)
      const where = top === 'offers' && key ? `offer "${key}": ${rest.join('.') || '(the offer)'}` : i.path.join('.')
      return `  - ${where || '(the file)'}: ${i.message}`
    })
    if (r.error.issues.length > 5) lines.push(`  … and ${r.error.issues.length - 5} more problems`)
    throw new ImportInputError(
      `models.dev-history input ${file} is not a models.dev price history ({ offers: { "<provider>/<model>": { prices: [...] } } }):\n${lines.join('\n')}`,
    )
  }
  return { ...r.data, file }
}

export function readHistoryFile(file: string): HistoryFile {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new ImportInputError(`models.dev-history input ${file} cannot be read as JSON: ${(e as Error).message}`)
  }
  return parseHistoryFile(file, data)
}
