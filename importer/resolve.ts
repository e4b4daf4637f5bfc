/**
 * A provider's own model id (`accounts/fireworks/models/glm-5p1`, `anthropic.claude-haiku-4-5-20251001-v1:0`,
 * `Pro/deepseek-ai/DeepSeek-V3.2`, `meta-llama/Llama-3.3-70B-Instruct-Turbo`) → the catalog model it
 * serves. Pure. Used for source rows that carry no canonical model id (most of models.dev's rows).
 *
 * 1. `cleanProviderId` strips what only says how or where the provider serves the model: path
 *    wrappers (`accounts/…/models/`, `@cf/`, `hf:`, `Pro/`, Clarifai's `org/app/models/`), cloud
 *    spellings (Bedrock's `vendor.model-v1:0`, SAP's `vendor--model`), product prefixes
 *    (`duo-chat-`, `databricks-`, `alicloud-`, `cerebras-`), quantisation and runtime tags
 *    (`-fp8`, `-nvfp4`, `-int4…`, `-gguf`, `-mlx-4bit`, `:671b`, `-tee`, `-maas`, `-tput`,
 *    `-instruct-turbo`) and the `:free` / `-free` promotion tag.
 * 2. What is left is matched, by `compactKey` (lower case, only letters and digits), against
 *    the known ids: the catalog's models and aliases and the canonical ids the source itself uses.
 *    The vendor the id names (its org prefix, or the name: `claude` → anthropic) must agree when
 *    there is one; an ambiguous match is no match.
 * 3. Unmatched: the model is `<vendor>/<cleaned id>`, the vendor from the org prefix
 *    (ORG_VENDORS, else the org itself), else from the name (NAME_VENDORS), else the provider
 *    (a model only that provider makes, e.g. `the-grid-ai/agent-max`).
 */
import { safeSegment } from './ids'

/** Org prefixes (Hugging Face orgs, router prefixes) whose vendor id differs. Others map to themselves. */
export const ORG_VENDORS: Readonly<Record<string, string>> = {
  qwen: 'alibaba',
  'alibaba-nlp': 'alibaba',
  alicloud: 'alibaba',
  'meta-llama': 'meta',
  llama: 'meta',
  'deepseek-ai': 'deepseek',
  minimaxai: 'minimax',
  'zai-org': 'zhipuai',
  'z-ai': 'zhipuai',
  zai: 'zhipuai',
  thudm: 'zhipuai',
  moonshot: 'moonshotai',
  mistralai: 'mistral',
  'x-ai': 'xai',
  grok: 'xai',
  'ibm-granite': 'ibm',
  'bytedance-seed': 'bytedance',
  xiaomimimo: 'xiaomi',
  'stepfun-ai': 'stepfun',
  'sakana-ai': 'sakana',
  sarvamai: 'sarvam',
  'arcee-ai': 'arcee-ai',
  'arcee-ai-afm': 'arcee-ai',
  arcee_ai: 'arcee-ai',
  'ai21-labs': 'ai21',
  primeintellect: 'prime-intellect',
  'prime-intellect': 'prime-intellect',
  liquidai: 'liquid',
  inclusionai: 'inclusionai',
  'nvidia-nemotron': 'nvidia',
  'black-forest-labs': 'black-forest-labs',
  'openai-community': 'openai',
  gemini: 'google',
  anthropic: 'anthropic',
  openai: 'openai',
  cohereforai: 'cohere',
  cohere: 'cohere',
  'cohere-labs': 'cohere',
  coherelabs: 'cohere',
  rekaai: 'rekaai',
  reka: 'rekaai',
  'nex-agi': 'nex-agi',
  'tencent-hunyuan': 'tencent',
  baichuan: 'baichuan',
  'baichuan-inc': 'baichuan',
  paddlepaddle: 'baidu',
  facebook: 'meta',
  volcengine: 'bytedance',
  kuaishou: 'kwaipilot',
  'tongyi-zhiwen': 'alibaba',
  arcee: 'arcee-ai',
  'sentence-transformers': 'sentence-transformers',
  'nomic-ai': 'nomic-ai',
  stabilityai: 'stability-ai',
}

/**
 * Orgs in ids that are a provider or a quantiser, not the model's maker (`cerebras/gpt-oss-120b-cs`
 * on Poe, `neuralmagic/Mistral-Nemo-Instruct-2407-FP8`): the vendor comes from the model name.
 */
const RESELLER_ORGS: ReadonlySet<string> = new Set([
  'cerebras',
  'fireworks-ai',
  'baseten',
  'chutesai',
  'siliconflow',
  'empiriolabs',
  'neuralmagic',
  'redhatai',
  'cortecs',
  'intel',
  'groq',
  'together',
  'novita',
  'deepinfra',
  'tee',
])

/** A model's vendor from its name, when the id has no org prefix. First match wins. */
const NAME_VENDORS: ReadonlyArray<readonly [RegExp, string]> = [
  [/nemotron/, 'nvidia'],
  [/^claude/, 'anthropic'],
  [
    /^(gpt|chatgpt|o[1-9](-|$)|text-embedding|davinci|babbage|codex|whisper|tts-|dall-e|omni-moderation|computer-use)/,
    'openai',
  ],
  [/^(gemini|gemma|imagen|veo|learnlm|medgemma|text-multilingual-embedding|text-embedding-00)/, 'google'],
  [/^(qwen|qwq|qvq|tongyi|wan2)/, 'alibaba'],
  [/^deepseek/, 'deepseek'],
  [/^(glm|chatglm|codegeex|cogview)/, 'zhipuai'],
  [/^(kimi|moonshot)/, 'moonshotai'],
  [/^(minimax|abab)/, 'minimax'],
  [
    /^(mistral|mixtral|codestral|devstral|magistral|ministral|pixtral|voxtral|open-mistral|open-mixtral|labs-devstral)/,
    'mistral',
  ],
  [/^grok/, 'xai'],
  [/^(command|aya|c4ai|embed-(english|multilingual|v)|rerank-(english|multilingual|v)|cohere-)/, 'cohere'],
  [/^(nova-|amazon)/, 'amazon'],
  [/^ernie/, 'baidu'],
  [/^(hunyuan|hy[0-9])/, 'tencent'],
  [/^mimo/, 'xiaomi'],
  [/^step-/, 'stepfun'],
  [/^phi-/, 'microsoft'],
  [/^granite/, 'ibm'],
  [/^jamba/, 'ai21'],
  [/^hermes/, 'nousresearch'],
  [/^(sonar|r1-1776)/, 'perplexity'],
  [/^(seed|doubao)/, 'bytedance'],
  [/^(ling|ring)-/, 'inclusionai'],
  [/^solar/, 'upstage'],
  [/^mercury/, 'inception'],
  [/^lfm/, 'liquid'],
  [/^olmo/, 'allenai'],
  [/^(trinity|afm-)/, 'arcee-ai'],
  [/^(llama|meta-llama)/, 'meta'],
  [/^(baichuan)/, 'baichuan'],
  [/^cogito/, 'deepcogito'],
  [/^yi-/, '01-ai'],
  [/^bge-/, 'baai'],
  [/^(multilingual-)?e5-/, 'intfloat'],
  [/^gte-/, 'alibaba'],
  [/^(all-mini-?lm|all-mpnet|multi-qa-)/, 'sentence-transformers'],
  [/^(stable-diffusion|sdxl)/, 'stability-ai'],
  [/^nomic-/, 'nomic-ai'],
  [/^flux/, 'black-forest-labs'],
  [/^brave/, 'brave'],
  [/^exa-/, 'exa'],
  [/^(fastgpt|universal-summarizer)/, 'kagi'],
  [/^asi1-/, 'fetch-ai'],
  [/^holo\d/, 'hcompany'],
  [/^mirothinker/, 'miromind'],
  [/^venice-/, 'venice'],
  [/^v0-/, 'vercel'],
  [/^kat-/, 'kwaipilot'],
  [/^(aion-)/, 'aion-labs'],
  [/^laguna/, 'poolside'],
  [/^intellect/, 'prime-intellect'],
]

/** Leading path segments that are a provider's own wrappers, not an org. */
const WRAPPER_SEGMENTS = new Set(['pro', 'public', 'route', 'lora', 'hf', 'workers-ai', 'tee'])

/** Product prefixes some providers put before a model id (`duo-chat-gpt-5-1`, `databricks-gpt-oss-120b`). */
const PRODUCT_PREFIXES =
  /^(duo-chat-|databricks-|alicloud-|cerebras-|groq-(?=llama)|sambanova-|azure-(?=gpt|o\d)|coding-|deep-(?=deepseek))/

/** Serving tags after the model id: quantisation, runtime, region, confidential computing, promotion. */
const SERVING_SUFFIXES =
  /(-(fp8|fp4|nvfp4|bf16|fp16|int4|int8|awq|gptq|gguf|mlx(-\d+bit)?|\d+bit|q\d(_k(_[ms])?)?|iq\d_[a-z]+|tee|maas|tput|dynamic|mixed-ar|free|hf))+$/

/**
 * Routers and auto-pickers: an id that chooses a model per request (`openrouter/auto`,
 * `nanogpt/coding-router`, Azure's `model-router`, Fireworks' `routers/…`). Not a model.
 */
export function isRouterId(raw: string): boolean {
  const s = raw.toLowerCase()
  return (
    /(^|\/)(auto|custom|free|router|route-llm|auto-model(-[a-z]+)?|model-router|[a-z-]*-router(:[a-z]+)?)$/.test(s) ||
    /\/routers\//.test(s) ||
    /^kilo-auto\//.test(s) ||
    /^(openrouter\/)?(bodybuilder|pareto-code)$/.test(s.replace(/^kilo\//, ''))
  )
}

export interface CleanedId {
  /** The org prefix, lower-case, when the id has one (`qwen` in `Qwen/Qwen3-32B`). */
  org?: string
  /** The model part, lower-case, without wrappers and serving tags. */
  model: string
  /** It carried a `:free` / `-free` tag. */
  free: boolean
}

/** Strip a provider's wrappers and serving tags from its model id (see the module comment). */
export function cleanProviderId(provider: string, raw: string): CleanedId {
  let s = raw.trim()
  let free = /(:|-)free$/i.test(s)
  s = s.replace(/^accounts\/[^/]+\/models\//i, '')
  s = s.replace(/^@(cf|hf)\//i, '')
  s = s.replace(/^hf:/i, '')
  // Clarifai: `org/app/models/Name`.
  s = s.replace(/^([^/]+)\/[^/]+\/models\//i, '$1/')
  let parts = s.split('/').filter(Boolean)
  while (parts.length > 1 && WRAPPER_SEGMENTS.has(parts[0]!.toLowerCase())) parts = parts.slice(1)
  // Bedrock: `[region.]vendor.model-v1:0`.
  if (parts.length === 1 && provider.includes('bedrock')) {
    const m = /^(?:(?:global|us|eu|apac|au|jp|ca|us-gov)\.)?([a-z0-9-]+)\.(.+)$/i.exec(parts[0]!)
    if (m) parts = [m[1]!, m[2]!.replace(/-v\d+(:\d+)?$/i, '').replace(/:\d+$/, '')]
  }
  // SAP AI Core: `vendor--model`.
  if (parts.length === 1 && parts[0]!.includes('--')) {
    const [org, ...rest] = parts[0]!.split('--')
    parts = [org!, rest.join('-')]
  }
  let org = parts.length > 1 ? parts[parts.length - 2]!.toLowerCase() : undefined
  let model = parts[parts.length - 1]!.toLowerCase()
  // Ollama-style size tags (`deepseek-v3.1:671b`) and router variants (`:free`, `:thinking` stays).
  // Ollama-style size tags (`deepseek-v3.1:671b`) and router modes (`:free`, `:thinking`, `:web`):
  // the same model served another way.
  model = model.replace(/(:[a-z0-9.]+)+$/, '')
  model = model.replace(PRODUCT_PREFIXES, '')
  if (provider === 'fireworks-ai') model = model.replace(/(\d)p(\d)/g, '$1.$2')
  model = model.replace(/-instruct-turbo$/, '-instruct')
  // Claude has no separate thinking models: extended thinking is a request option. Resellers
  // list it as `claude-opus-4-6-think` or `…-thinking`; it is the same model.
  if (model.startsWith('claude')) model = model.replace(/-(thinking|think)$/, '')
  const stripped = model.replace(SERVING_SUFFIXES, '')
  if (stripped && stripped !== model) {
    if (/-free$/.test(model)) free = true
    model = stripped
  }
  // A vendor word written before the model (`anthropic-claude-3-opus`, `google-gemma-3-27b-it`, `meta-llama-3.3-70b`).
  if (!org) {
    const m =
      /^(anthropic|openai|google|alibaba|meta|mistralai|mistral|deepseek|xai|x-ai|cohere|amazon|nvidia|qwen|zai|arcee|aion-labs)-(.+)$/.exec(
        model,
      )
    if (m && vendorFromName(m[2]!)) {
      org = m[1]
      model = m[2]!
    }
  }
  if (org && /^meta-llama-/.test(model)) model = model.slice('meta-'.length)
  if (org && RESELLER_ORGS.has(org)) {
    // The reseller's tag after the id (`-cs`, `-fw`, `-el` on Poe).
    model = model.replace(/-(cs|fw|el)$/, '')
    org = undefined
  }
  return { org, model, free }
}

/** Only letters and digits, lower-case: `Qwen2.5-72B-Instruct` = `qwen-2.5-72b-instruct`. */
export function compactKey(s: string): string {
  // Claude 4+ ids put the tier first (`claude-haiku-4-5`), routers often write it last (`claude-4.5-haiku`).
  const tierLast = s.toLowerCase().replace(/^claude-(opus|sonnet|haiku)-(\d+(?:[.-]\d+)?)/, 'claude-$2-$1')
  return tierLast.replace(/[^a-z0-9]/g, '')
}

export function vendorFromName(model: string): string | undefined {
  const s = model.toLowerCase()
  for (const [re, vendor] of NAME_VENDORS) if (re.test(s)) return vendor
  return undefined
}

/** The vendor an org prefix names. */
export function vendorFromOrg(org: string): string {
  return ORG_VENDORS[org] ?? safeSegment(org)
}

/**
 * Known model ids by compact key of their model part: `compactKey(model)` → ids (`vendor/model`).
 * Built from the catalog's ids and aliases and the canonical ids of the source being applied.
 */
export class KnownIds {
  private readonly byKey = new Map<string, Set<string>>()

  add(id: string, spelling = id): void {
    const model = spelling.slice(spelling.indexOf('/') + 1)
    const key = compactKey(model)
    if (!key) return
    const set = this.byKey.get(key) ?? new Set()
    set.add(id)
    this.byKey.set(key, set)
  }

  /**
   * The id whose model part has this compact key (of this vendor, when given): the one spelled
   * exactly so, else the first added (the catalog's ids are added first). Undefined when none, or
   * when several vendors claim the key and the vendor is not known.
   */
  find(model: string, vendor: string | undefined): string | undefined {
    const ids = [...(this.byKey.get(compactKey(model)) ?? [])]
    const fit = vendor ? ids.filter((id) => id.startsWith(`${vendor}/`)) : ids
    if (!vendor && new Set(fit.map((id) => id.split('/')[0])).size > 1) return undefined
    return fit.find((id) => id.endsWith(`/${model}`)) ?? fit[0]
  }
}

export interface Resolved {
  /** `vendor/model`: an existing id when `matched`, else a new, URL-safe one. */
  id: string
  matched: boolean
  free: boolean
}

/** The catalog model a provider's row serves (see the module comment), or undefined when no usable id is left. */
export function resolveProviderId(provider: string, raw: string, known: KnownIds): Resolved | undefined {
  if (isRouterId(raw)) return undefined
  const c = cleanProviderId(provider, raw)
  const vendor = c.org ? vendorFromOrg(c.org) : vendorFromName(c.model)
  const hit =
    known.find(c.model, vendor) ??
    // An org we do not know as a vendor (a reseller's folder, `nvidia/DeepSeek-V3.2`): match by the name.
    (c.org && vendorFromName(c.model) ? known.find(c.model, vendorFromName(c.model)) : undefined)
  if (hit) return { id: hit, matched: true, free: c.free }
  const v = safeSegment(vendor ?? provider)
  const m = safeSegment(c.model)
  if (!v || !m) return undefined
  return { id: `${v}/${m}`, matched: false, free: c.free }
}
