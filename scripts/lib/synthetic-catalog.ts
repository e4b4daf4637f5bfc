/**
 * A made-up but realistic catalog of any size, for build benchmarks: ~20 vendors with a skewed
 * share of the models (a few large labs, a long tail), ~25 providers (first-party APIs and
 * hosts), 1-8 endpoints per model (open-weights models on more hosts), prices with cache and
 * long-context tiers, parameters, FAQs and prose of a few paragraphs. Deterministic: the same
 * options always give the same files. Every file passes lib/catalog/schema.ts and the integrity
 * check (a benchmark of a failing build would measure nothing).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

import { Document, isScalar, visit } from 'yaml'

export interface SyntheticCatalogOptions {
  /** Number of models. */
  models: number
  /** Seed of the random generator. Default 1. */
  seed?: number
}

export interface SyntheticCatalog {
  /** Path relative to the content root → file text. */
  files: Map<string, string>
  models: number
  vendors: number
  providers: number
  endpoints: number
  /** Models per vendor id, largest first. */
  modelsPerVendor: [string, number][]
}

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const chance = (p: number) => next() < p
  /** `count` distinct items, in their original order. */
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const chosen = new Set<number>()
    while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(next() * items.length))
    return [...chosen].sort((x, y) => x - y).map((i) => items[i]!)
  }
  return { next, int, pick, chance, sample }
}
type Random = ReturnType<typeof random>

const VENDORS = [
  ['aurora', 'Aurora Labs'],
  ['nimbus', 'Nimbus AI'],
  ['cobalt', 'Cobalt Research'],
  ['meridian', 'Meridian'],
  ['helix', 'Helix Intelligence'],
  ['lumen', 'Lumen AI'],
  ['quanta', 'Quanta Systems'],
  ['sable', 'Sable'],
  ['tessellate', 'Tessellate'],
  ['orbital', 'Orbital Minds'],
  ['kestrel', 'Kestrel AI'],
  ['vireo', 'Vireo Labs'],
  ['pallas', 'Pallas Research'],
  ['corvid', 'Corvid'],
  ['ember', 'Ember Intelligence'],
  ['halcyon', 'Halcyon'],
  ['juniper', 'Juniper AI'],
  ['marlin', 'Marlin Labs'],
  ['obsidian', 'Obsidian Research'],
  ['zephyr', 'Zephyr AI'],
] as const

/** The first ten vendors run their own API; the rest of the providers are hosts and clouds. */
const FIRST_PARTY = VENDORS.slice(0, 10)
const HOSTS = [
  ['fleet-inference', 'Fleet Inference'],
  ['groundwork', 'Groundwork Cloud'],
  ['hyperlane', 'Hyperlane'],
  ['inferno', 'Inferno'],
  ['latticeworks', 'Latticeworks'],
  ['mesa', 'Mesa Compute'],
  ['northwind', 'Northwind AI'],
  ['parallax', 'Parallax Cloud'],
  ['quarry', 'Quarry'],
  ['relay', 'Relay AI'],
  ['silo', 'Silo Serve'],
  ['tandem', 'Tandem GPU'],
  ['undertow', 'Undertow'],
  ['vantage', 'Vantage Hosting'],
  ['waypoint', 'Waypoint AI'],
] as const

const FAMILY_WORDS = [
  'atlas',
  'beacon',
  'cinder',
  'delta',
  'echo',
  'fable',
  'garnet',
  'harbor',
  'iris',
  'jade',
  'koi',
  'lark',
  'mosaic',
  'nova',
  'onyx',
  'prism',
  'quill',
  'ripple',
  'sierra',
  'talon',
  'umber',
  'vela',
  'willow',
  'xenon',
  'yarrow',
  'zinnia',
  'amber',
  'birch',
  'coral',
  'dune',
  'ember',
  'fjord',
  'glade',
  'heron',
  'ivory',
  'juno',
  'kite',
  'lotus',
  'maple',
  'nectar',
  'opal',
  'pebble',
  'quartz',
  'raven',
  'saffron',
  'tundra',
  'vortex',
  'wren',
  'yonder',
  'zest',
  'arbor',
  'bramble',
  'cobble',
  'drift',
  'ether',
  'flint',
  'grove',
  'halo',
  'inlet',
  'jasper',
  'knoll',
  'lumen',
  'mirth',
  'north',
  'orchid',
  'pine',
  'quest',
  'reef',
  'spire',
  'thistle',
  'umbra',
  'verve',
  'wisp',
  'yew',
  'zenith',
]
const VERSIONS = ['1', '1.5', '2', '2.1', '2.5', '3', '3.1', '3.5', '4', '4.1', '4.5', '5']
const VARIANTS = [
  '',
  'mini',
  'pro',
  'flash',
  'lite',
  'turbo',
  'max',
  'nano',
  'instruct',
  'vision',
  'coder',
  'chat',
  'preview',
  '8b',
  '32b',
  '70b',
  '405b',
  'long',
]

const PARAMETERS: [string, (number | string | boolean)?][] = [
  ['frequency_penalty', 0],
  ['logit_bias'],
  ['logprobs', false],
  ['max_tokens'],
  ['min_p', 0],
  ['parallel_tool_calls', true],
  ['presence_penalty', 0],
  ['reasoning_effort', 'medium'],
  ['repetition_penalty', 1],
  ['response_format'],
  ['seed'],
  ['stop'],
  ['structured_outputs'],
  ['temperature', 1],
  ['tool_choice'],
  ['tools'],
  ['top_k', 40],
  ['top_logprobs'],
  ['top_p', 1],
]
const CONTEXTS = [8192, 16384, 32768, 65536, 128000, 131072, 200000, 256000, 1000000, 2000000]

const pad = (n: number) => String(n).padStart(2, '0')
const date = (r: Random, fromYear: number, toYear: number, toMonth = 12) => {
  const year = r.int(fromYear, toYear)
  return `${year}-${pad(r.int(1, year === toYear ? toMonth : 12))}-${pad(r.int(1, 28))}`
}
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const round = (n: number) => Math.round(n * 1000) / 1000

/** Share of models per vendor: rank^-0.6, so the largest lab has ~12 % and the median ~3 %. */
function vendorCounts(total: number): number[] {
  const weights = VENDORS.map((_, i) => (i + 1) ** -0.6)
  const sum = weights.reduce((a, b) => a + b, 0)
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)))
  for (let i = 0; counts.reduce((a, b) => a + b, 0) < total; i = (i + 1) % counts.length) counts[i]!++
  while (counts.reduce((a, b) => a + b, 0) > total) {
    const i = counts.findLastIndex((c) => c > 0)
    counts[i]!--
  }
  return counts
}

const SENTENCES = {
  intro: [
    (m: M) => `${m.name} is a ${m.size} model from ${m.vendorName} for ${m.use}, released in ${m.year}.`,
    (m: M) => `${m.vendorName} built ${m.name} for ${m.use}, as a ${m.size} member of the ${title(m.family)} family.`,
    (m: M) =>
      `Released in ${m.year}, ${m.name} is a ${m.size} ${m.mode} model from ${m.vendorName}, tuned for ${m.use}.`,
  ],
  strengths: [
    (m: M) => `It reads ${m.inputs} and answers with ${m.outputs}, within a context window of ${m.context} tokens.`,
    (m: M) =>
      `Its context window holds ${m.context} tokens, enough for long documents, large code files or a long conversation history.`,
    () => `In our testing it followed formatting instructions closely and kept answers short unless asked otherwise.`,
    () => `It handles multi-step instructions well and is notably steady when asked to produce structured data.`,
    () =>
      `Compared with the previous generation it is faster at the same quality, and it refuses fewer harmless requests.`,
  ],
  usage: [
    () =>
      `Typical uses include classification, extraction, summaries, retrieval-augmented chat and routing requests to larger models.`,
    () => `Teams use it for support assistants, document question answering, data cleaning and first drafts of code.`,
    () => `It works best with a clear system prompt, a few worked examples and an explicit output format.`,
    (m: M) =>
      `Most providers serve it through an OpenAI-compatible API, so switching to ${m.name} is usually a one-line change.`,
  ],
  limits: [
    () =>
      `Like every language model it can state wrong facts with confidence; check anything that matters against a source.`,
    () => `Long prompts cost more than they seem to: the price of a request grows with every token of context sent.`,
    (m: M) =>
      `Prices and limits differ between providers; the table on this page lists each provider's offer for ${m.name}.`,
    () => `Latency varies with load and provider, so measure it on your own traffic before committing to a deployment.`,
  ],
}
interface M {
  name: string
  vendorName: string
  family: string
  size: string
  use: string
  year: string
  mode: string
  inputs: string
  outputs: string
  context: string
}
const USES = [
  'everyday chat',
  'coding',
  'long documents',
  'agents and tool use',
  'high-volume extraction',
  'reasoning-heavy tasks',
  'multilingual support',
  'low-latency assistants',
]

function prose(r: Random, m: M, website: string): string {
  const para = (kind: keyof typeof SENTENCES, count: number) =>
    r
      .sample(SENTENCES[kind], count)
      .map((s) => s(m))
      .join(' ')
  const parts = [
    `${para('intro', 1)} ${para('strengths', 2)}`,
    `${para('usage', 2)} See the [${m.vendorName} website](${website}) for the vendor's own documentation.`,
  ]
  if (r.chance(0.6)) {
    parts.push(
      `**Where it shines:**\n\n` +
        r
          .sample(
            [
              'Tool calling with many functions',
              'Summaries of long reports',
              'JSON output that matches a schema',
              'Short, direct answers',
              'Translation between European languages',
              'Code review comments',
              'Reading charts and screenshots',
            ],
            3,
          )
          .map((s) => `- ${s}`)
          .join('\n'),
    )
  }
  parts.push(para('limits', r.int(1, 2)))
  return `${parts.join('\n\n')}\n`
}

/** YAML in the shape of the hand-written files: dates quoted, so they stay strings in any YAML dialect. */
function toYaml(value: object): string {
  const doc = new Document(value)
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && /Date$|Cutoff$/.test(String(pair.key.value)) && isScalar(pair.value))
        pair.value.type = 'QUOTE_DOUBLE'
    },
  })
  return doc.toString({ lineWidth: 0 })
}

export function syntheticCatalog({ models: total, seed = 1 }: SyntheticCatalogOptions): SyntheticCatalog {
  const r = random(seed)
  const files = new Map<string, string>()

  for (const [id, name] of VENDORS) {
    files.set(
      `vendors/${id}.yaml`,
      toYaml({
        name,
        website: `https://${id}.example`,
        description: `${name} is a made-up lab in the synthetic benchmark catalog; it publishes ${r.pick(['frontier', 'open-weights', 'small, fast', 'multimodal'])} models.`,
      }),
    )
  }
  const providers = [...FIRST_PARTY.map(([id, name]) => [id, `${name} API`] as const), ...HOSTS]
  for (const [id, name] of providers) {
    files.set(
      `providers/${id}.yaml`,
      toYaml({
        name,
        website: `https://${id}.example`,
        docs: `https://docs.${id}.example`,
        baseUrl: `https://api.${id}.example/v1`,
        description: `${name} is a made-up provider in the synthetic benchmark catalog.`,
      }),
    )
  }

  const usedFamilies = new Set<string>()
  const usedNames = new Set<string>() // ids and aliases: unique across the catalog
  const counts = vendorCounts(total)
  let endpointCount = 0

  VENDORS.forEach(([vendor, vendorName], v) => {
    const count = counts[v]!
    const firstParty = v < FIRST_PARTY.length
    // Enough families that versions x variants cover the vendor's share.
    const families: string[] = []
    while (families.length < Math.max(2, Math.ceil(count / 40))) {
      const word = r.pick(FAMILY_WORDS)
      const family = usedFamilies.has(word) ? `${word}-${vendor}` : word
      if (usedFamilies.has(family)) continue
      usedFamilies.add(family)
      families.push(family)
    }
    const ids = new Set<string>()
    while (ids.size < count) {
      const family = r.pick(families)
      const variant = r.pick(VARIANTS)
      let id = [family, r.pick(VERSIONS), variant].filter(Boolean).join('-')
      if (ids.has(id)) id = `${id}-${r.int(2401, 2612)}` // a dated snapshot of the same model
      if (ids.has(id)) continue
      ids.add(id)
    }

    for (const id of ids) {
      const family = families.find((f) => id.startsWith(`${f}-`))!
      const rest = id.slice(family.length + 1).split('-')
      const name = `${title(family)} ${rest.map((p) => (/^\d+b$/.test(p) ? p.toUpperCase() : title(p))).join(' ')}`
      const openWeights = !firstParty || r.chance(0.25)
      const mode = r.chance(0.9)
        ? 'chat'
        : r.pick(['embedding', 'image-generation', 'audio-transcription', 'completion'] as const)
      const input =
        mode === 'audio-transcription'
          ? ['audio']
          : ['text', ...r.sample(['image', 'audio', 'video', 'file'], r.int(0, 3))]
      const output =
        mode === 'image-generation' ? ['image'] : mode === 'chat' && r.chance(0.05) ? ['text', 'audio'] : ['text']
      const reasoning = r.chance(0.3)
      const capabilities = {
        tools: mode === 'chat' && r.chance(0.8),
        parallelToolCalls: mode === 'chat' && r.chance(0.5),
        vision: input.includes('image'),
        fileInput: input.includes('file'),
        promptCaching: r.chance(0.4),
        structuredOutputs: r.chance(0.6),
        jsonMode: r.chance(0.7),
        webSearch: r.chance(0.1),
        reasoning,
        streaming: mode !== 'embedding',
      }
      const contextWindow = r.pick(CONTEXTS)
      const maxOutputTokens = Math.min(contextWindow, r.pick([4096, 8192, 16384, 32768, 65536, 128000]))
      const status = r.chance(0.8) ? 'available' : r.chance(0.5) ? 'preview' : 'deprecated'
      const releaseDate = date(r, 2022, 2026, 10)
      const year = releaseDate.slice(0, 4)
      const cutoffYear = Math.max(2021, Number(year) - 1)
      const base = r.pick([0.02, 0.05, 0.1, 0.15, 0.25, 0.4, 0.6, 0.8, 1, 1.25, 2, 2.5, 3, 5, 10, 15])

      // Endpoints: the vendor's own API first where it has one, then hosts (more for open weights).
      const wanted = openWeights ? r.int(2, 8) : r.int(1, 3)
      const hosts = r.sample(
        HOSTS.map(([h]) => h),
        wanted - (firstParty ? 1 : 0),
      )
      const endpointProviders = [...(firstParty ? [vendor] : []), ...hosts].slice(0, Math.max(1, wanted))
      const endpoints = endpointProviders.map((provider) => {
        const markup = provider === vendor ? 1 : 0.7 + r.next() * 0.6
        const input = round(base * markup)
        const pricing: Record<string, unknown> = { input, output: round(input * r.pick([2, 3, 4, 5, 8])) }
        if (capabilities.promptCaching && r.chance(0.7)) pricing.cacheRead = round(input / r.pick([2, 4, 10]))
        if (capabilities.promptCaching && r.chance(0.3)) pricing.cacheWrite = round(input * 1.25)
        if (contextWindow >= 256000 && r.chance(0.5))
          pricing.tiers = [{ above: 200000, input: round(input * 2), output: round(input * 2 * 4) }]
        const epContext = r.chance(0.8) ? contextWindow : Math.min(contextWindow, r.pick([32768, 65536, 131072]))
        return {
          provider,
          modelId:
            provider === vendor
              ? id
              : r.pick([`${vendor}/${id}`, `${vendor}-${id}`, `accounts/${provider}/models/${id.replace(/\./g, 'p')}`]),
          contextWindow: epContext,
          ...(r.chance(0.8) ? { maxOutputTokens: Math.min(epContext, maxOutputTokens) } : {}),
          pricing,
          status: status === 'deprecated' || r.chance(0.05) ? 'deprecated' : 'available',
        }
      })
      endpointCount += endpoints.length

      const alias = `${id}-${releaseDate.replace(/-/g, '')}`
      const aliases = r.chance(0.5) && !usedNames.has(alias) ? [alias] : []
      for (const a of aliases) usedNames.add(a)
      const parameters = r
        .sample(PARAMETERS, mode === 'chat' ? r.int(6, 16) : r.int(1, 4))
        .map(([pname, def]) => (def === undefined ? { name: pname } : { name: pname, default: def }))
      const faq = r.sample(
        [
          {
            question: `Is ${name} open source?`,
            answer: openWeights
              ? `Its weights are published under the ${vendorName} model licence, so you can run it yourself or use a host.`
              : `No. ${vendorName} serves it only through APIs; the weights are not published.`,
          },
          {
            question: `Which ${title(family)} model should I start with?`,
            answer: `Start with the smallest model that passes your own evaluation set, then move up only where it falls short. ${name} is a common starting point for ${r.pick(USES)}.`,
          },
          {
            question: `Does ${name} keep my data?`,
            answer: `That depends on the provider. Most providers listed here do not train on API traffic by default; check each provider's terms before sending personal data.`,
          },
          {
            question: `Why do prices for ${name} differ between providers?`,
            answer: `Providers run it on different hardware and at different utilisation, and some add their own margin or discounts for cached prompts.`,
          },
        ],
        r.int(0, 3),
      )

      const doc = {
        name,
        vendor,
        status,
        ...(status === 'deprecated' ? { deprecationDate: date(r, Number(year), 2026, 10) } : {}),
        releaseDate,
        ...(r.chance(0.7) ? { knowledgeCutoff: `${cutoffYear}-${pad(r.int(1, 12))}` } : {}),
        family,
        aliases,
        mode,
        modalities: { input, output },
        capabilities,
        ...(r.chance(0.6) ? { tokenizer: `${family}-bpe` } : {}),
        moderated: !openWeights && r.chance(0.6),
        openWeights,
        license: openWeights ? r.pick(['Apache-2.0', 'MIT', `${vendorName} Community License`]) : 'Proprietary',
        contextWindow,
        maxOutputTokens,
        parameters,
        faq,
        endpoints,
      }
      files.set(`models/${vendor}/${id}.yaml`, toYaml(doc))
      files.set(
        `models/${vendor}/${id}.mdx`,
        prose(
          r,
          {
            name,
            vendorName,
            family,
            year,
            mode,
            size: r.pick(['compact', 'mid-sized', 'large', 'fast', 'flagship']),
            use: r.pick(USES),
            inputs: input.join(', '),
            outputs: output.join(' and '),
            context: contextWindow.toLocaleString('en-US'),
          },
          `https://${vendor}.example`,
        ),
      )
    }
  })

  return {
    files,
    models: total,
    vendors: VENDORS.length,
    providers: providers.length,
    endpoints: endpointCount,
    modelsPerVendor: VENDORS.map(([id], i) => [id, counts[i]!] as [string, number]).sort((a, b) => b[1] - a[1]),
  }
}

/** Writes the catalog under `dir` (vendors/, providers/, models/) and returns what it wrote. */
export function writeSyntheticCatalog(dir: string, options: SyntheticCatalogOptions): SyntheticCatalog {
  const catalog = syntheticCatalog(options)
  for (const [path, text] of catalog.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return catalog
}
