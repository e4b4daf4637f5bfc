/**
 * Zod schemas for every content file. The single source of truth for the content model:
 * content-collections validates each file against these at build time, and the types used
 * everywhere else are inferred from them. Pure: no `server-only`, no `next/*`.
 *
 * Units: prices are USD per 1M tokens unless the field says otherwise; limits are tokens.
 */
import { z } from 'zod'

import { checkHistory } from './history-rules'
import type { Capability, Offer } from './vocab'
import { CAPABILITY_KEYS, MODALITIES, MODES, OFFERS, STATUSES } from './vocab'

/** `YYYY-MM-DD`. Quoted in YAML so it stays a string. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date as "YYYY-MM-DD"')

/** `YYYY-MM` or `YYYY-MM-DD`: knowledge cut-offs are often known to the month only. */
export const isoMonthOrDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'expected a month "YYYY-MM" or a date "YYYY-MM-DD"')

const url = z.url({ message: 'expected an absolute URL (https://…)' })
const nonEmpty = z.string().trim().min(1, 'must not be empty')
/** A count of tokens: a positive whole number. */
const tokens = z.number().int('expected a whole number of tokens').positive('must be positive')
/** A price: USD, zero or more. */
const usd = z.number().nonnegative('a price cannot be negative').finite()

// Where lib/importer (not in this folder's hands) reads them from; new code imports ./vocab.
export type { Capability, Modality, Mode, Offer, Status } from './vocab'
export { CAPABILITY_KEYS, MODALITIES } from './vocab'

export const modalitySchema = z.enum(MODALITIES)
export const statusSchema = z.enum(STATUSES)
export const modeSchema = z.enum(MODES)

export const capabilitiesSchema = z.strictObject(
  Object.fromEntries(CAPABILITY_KEYS.map((k) => [k, z.boolean()])) as Record<Capability, z.ZodBoolean>,
)
export type Capabilities = z.infer<typeof capabilitiesSchema>

/** Prices above a prompt-size threshold (e.g. long-context pricing). USD per 1M tokens. */
export const priceTierSchema = z.strictObject({
  /** Applies when the prompt is larger than this many tokens. */
  above: tokens,
  input: usd.optional(),
  output: usd.optional(),
  cacheRead: usd.optional(),
  cacheWrite: usd.optional(),
})
export type PriceTier = z.infer<typeof priceTierSchema>

export const pricingSchema = z.strictObject({
  /** USD per 1M input (prompt) tokens. */
  input: usd,
  /** USD per 1M output (completion) tokens. */
  output: usd,
  /** USD per 1M input tokens read from the prompt cache. */
  cacheRead: usd.optional(),
  /** USD per 1M input tokens written to the prompt cache. */
  cacheWrite: usd.optional(),
  /** USD per 1M reasoning tokens, where billed apart from output. */
  reasoning: usd.optional(),
  /** USD per request, on top of tokens. */
  request: usd.optional(),
  /** USD per input image. */
  image: usd.optional(),
  /** Higher prices above a prompt-size threshold, ascending by threshold. */
  tiers: z.array(priceTierSchema).optional(),
})
export type Pricing = z.infer<typeof pricingSchema>

export const offerSchema = z.enum(Object.keys(OFFERS) as [Offer, ...Offer[]])

/** A required price of a history period: its absence is named, not just "expected number". */
const periodPrice = (what: string) =>
  z
    .number({
      error: (issue) =>
        issue.input === undefined ? `a price period needs ${what} price (USD per 1M tokens)` : undefined,
    })
    .nonnegative('a price cannot be negative')
    .finite()

/**
 * One period of an endpoint's past prices: the prices (the same fields as `pricing`, USD per
 * 1M tokens) in force from `from` until the next period's `from`, or until `to` when the
 * endpoint had no price for a while after it (a gap). Written one period per line.
 */
export const pricePeriodSchema = z.strictObject({
  /** First day (UTC) the prices applied, `YYYY-MM-DD`. */
  from: isoDate,
  /** Only for a gap: the first day (UTC) the prices no longer applied; absent = until the next period. */
  to: isoDate.optional(),
  ...pricingSchema.shape,
  input: periodPrice('an input'),
  output: periodPrice('an output'),
})
export type PricePeriod = z.infer<typeof pricePeriodSchema>

export const endpointSchema = z
  .strictObject({
    /** Provider id: the file name of a `content/providers/*.yaml`. */
    provider: nonEmpty,
    /** The provider's own id for the model, as sent in its API requests. */
    modelId: nonEmpty,
    /** Tokens, on this provider. */
    contextWindow: tokens,
    /** Tokens, on this provider. */
    maxOutputTokens: tokens.optional(),
    pricing: pricingSchema,
    status: statusSchema.default('available'),
    /** Absent: the provider's list price. Otherwise what kind of offer the price belongs to (OFFERS). */
    offer: offerSchema.optional(),
    /**
     * The day (UTC) the provider stopped offering it: a retired endpoint is kept (never deleted),
     * shown as retired, and prices nothing.
     */
    retirementDate: isoDate.optional(),
    /**
     * Past and current prices, oldest first: dates ascending, periods never overlap, and the last
     * period's prices equal `pricing` (history-rules.ts).
     */
    history: z.array(pricePeriodSchema).optional(),
  })
  .superRefine((e, ctx) => {
    for (const issue of checkHistory(e)) ctx.addIssue({ code: 'custom', ...issue })
  })
export type Endpoint = z.infer<typeof endpointSchema>

export const parameterSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a snake_case request parameter name'),
  /** The model's default value, where it has one. */
  default: z.union([z.number(), z.string(), z.boolean()]).optional(),
})
export type Parameter = z.infer<typeof parameterSchema>

export const faqSchema = z.strictObject({ question: nonEmpty, answer: nonEmpty })
export type Faq = z.infer<typeof faqSchema>

/** Fields the importer may set; listing one under `locked` keeps the importer's hands off it. */
export const LOCKABLE_FIELDS = [
  'name',
  'status',
  'deprecationDate',
  'retirementDate',
  'releaseDate',
  'knowledgeCutoff',
  'family',
  'aliases',
  'mode',
  'modalities',
  'capabilities',
  'tokenizer',
  'moderated',
  'openWeights',
  'license',
  'contextWindow',
  'maxOutputTokens',
  'parameters',
  'endpoints',
] as const
export type LockableField = (typeof LOCKABLE_FIELDS)[number]

export const modelSchema = z.strictObject({
  /** Display name, e.g. "GPT-4o mini". */
  name: nonEmpty,
  /** Vendor id (the lab): must match the folder the file is in. */
  vendor: nonEmpty,
  status: statusSchema,
  /** When the vendor announced the deprecation, or the date it takes effect. */
  deprecationDate: isoDate.optional(),
  /** When the model stops answering. */
  retirementDate: isoDate.optional(),
  /**
   * When the vendor released the model. Left out when no source knows it (a model only LiteLLM
   * lists): pages then say "Unknown", never a placeholder date.
   */
  releaseDate: isoDate.optional(),
  knowledgeCutoff: isoMonthOrDate.optional(),
  family: nonEmpty.optional(),
  /** Other ids that name this model, e.g. dated snapshots. */
  aliases: z.array(nonEmpty).default([]),
  mode: modeSchema,
  modalities: z.strictObject({
    input: z.array(modalitySchema).min(1, 'at least one input modality'),
    output: z.array(modalitySchema).min(1, 'at least one output modality'),
  }),
  capabilities: capabilitiesSchema,
  tokenizer: nonEmpty.optional(),
  /** Whether the vendor moderates inputs and outputs. */
  moderated: z.boolean(),
  openWeights: z.boolean(),
  license: nonEmpty.optional(),
  /** Tokens: the model's own context window (input and output together). */
  contextWindow: tokens,
  /** Tokens: the most the model can generate in one response. */
  maxOutputTokens: tokens.optional(),
  /** Supported request parameters. */
  parameters: z.array(parameterSchema).default([]),
  faq: z.array(faqSchema).default([]),
  /** One per provider that serves the model. */
  endpoints: z.array(endpointSchema).default([]),
  /** Fields set by hand that the importer must never change. */
  locked: z.array(z.enum(LOCKABLE_FIELDS)).default([]),
})
export type ModelFile = z.infer<typeof modelSchema>

export const vendorSchema = z.strictObject({
  name: nonEmpty,
  website: url,
  /** One or two sentences, in our own words. */
  description: nonEmpty,
})
export type VendorFile = z.infer<typeof vendorSchema>

export const providerSchema = z.strictObject({
  name: nonEmpty,
  website: url,
  docs: url.optional(),
  /** OpenAI-compatible base URL (ending before `/chat/completions`), where the provider has one. */
  baseUrl: url.optional(),
  description: nonEmpty.optional(),
})
export type ProviderFile = z.infer<typeof providerSchema>

/** Prose for a model page (`content/models/<vendor>/<model>.mdx`). */
export const modelProseSchema = z.strictObject({
  /**
   * Frontmatter `generated: true`: the importer wrote this description from the facts table
   * (importer/prose.ts); pages say so. Remove it when the text is rewritten in our own words.
   */
  generated: z.boolean().optional(),
  /** The MDX body. */
  content: z.string().trim().min(1, 'the description must not be empty'),
})

/** Request defaults a router variant applies when the caller did not set them. */
export const variantDefaultsSchema = z.strictObject({
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  max_tokens: tokens.optional(),
  presence_penalty: z.number().min(-2).max(2).optional(),
  frequency_penalty: z.number().min(-2).max(2).optional(),
  seed: z.number().int().optional(),
})
export type VariantDefaults = z.infer<typeof variantDefaultsSchema>

/** A router (`content/routers/<name>.yaml`), called as `router/<name>`. */
export const routerSchema = z.strictObject({
  /** Display name. */
  name: nonEmpty,
  description: nonEmpty,
  /** The models a call is spread over, each with a relative weight. */
  variants: z
    .array(
      z.strictObject({
        /** A catalog model id, `<vendor>/<model>`. */
        model: nonEmpty,
        /** Relative share of calls: positive; weights need not sum to 100. */
        weight: z.number().positive('a weight must be positive').finite(),
        defaults: variantDefaultsSchema.optional(),
      }),
    )
    .min(1, 'a router needs at least one variant'),
  /**
   * Model ids tried, in order, when the chosen variant fails before its first byte. Defaults to
   * the other variants by descending weight.
   */
  fallbacks: z.array(nonEmpty).optional(),
})
export type RouterFile = z.infer<typeof routerSchema>

/**
 * A curated list of models (`content/lists/<name>.yaml`), chosen by people, not computed:
 * `featured` is the home page's "Featured models".
 */
export const modelListSchema = z.strictObject({
  /** The heading the list is shown under. */
  title: nonEmpty,
  /** One sentence under the heading: what the list is for (our own words). */
  description: nonEmpty.optional(),
  /** The models, in the order shown. */
  models: z
    .array(
      z.strictObject({
        /** A catalog model id, `<vendor>/<model>`. */
        id: nonEmpty,
        /** Why it is on the list, a few words shown on its card (our own words, no figures: those come from the facts). */
        note: nonEmpty.optional(),
      }),
    )
    .min(1, 'a list needs at least one model'),
})
export type ModelListFile = z.infer<typeof modelListSchema>
