/**
 * Ids, file names and the rules that match one source's ids to another's.
 *
 * A model id is `<vendor>/<model>`; it is also the file path (content/models/<vendor>/<model>.yaml)
 * and the URL path of the model page, so each segment is restricted to `[a-z0-9._-]`, starting
 * with a letter or digit.
 */

export const SAFE_SEGMENT = /^[a-z0-9][a-z0-9._-]*$/

/**
 * Make one id segment safe for a file name and a URL path segment: lower-case, anything outside
 * `[a-z0-9._-]` becomes `-`, runs of `-` collapse, leading/trailing separators go. Returns ''
 * when nothing usable is left.
 */
export function safeSegment(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '')
}

/** `vendor/model` → a safe id, or undefined when a segment is empty after normalising. */
export function safeModelId(vendor: string, model: string): string | undefined {
  const v = safeSegment(vendor)
  const m = safeSegment(model)
  return v && m ? `${v}/${m}` : undefined
}

export function splitId(id: string): { vendor: string; model: string } {
  const i = id.indexOf('/')
  return i < 0 ? { vendor: '', model: id } : { vendor: id.slice(0, i), model: id.slice(i + 1) }
}

/**
 * OpenRouter's vendor prefixes that differ from our vendor ids. Any prefix not listed maps to
 * itself (`openai`, `google`, `deepseek`, …); whether the vendor exists is checked against the
 * vendor files.
 */
export const OPENROUTER_VENDOR_MAP: Readonly<Record<string, string>> = {
  'x-ai': 'xai',
  mistralai: 'mistral',
  'meta-llama': 'meta',
  qwen: 'alibaba',
  'z-ai': 'zhipuai',
  moonshotai: 'moonshotai',
  'sakana-ai': 'sakana',
  sarvamai: 'sarvam',
  'stepfun-ai': 'stepfun',
}

/** OpenRouter's variant suffixes: `:free`, `:beta`, `:thinking`, `:extended`, … */
export function stripVariantSuffix(slug: string): { base: string; suffix: string | undefined } {
  const i = slug.indexOf(':')
  return i < 0 ? { base: slug, suffix: undefined } : { base: slug.slice(0, i), suffix: slug.slice(i + 1) }
}

/**
 * The match keys of an id, strongest first. Level 0 is the id itself (lower-case), level 1 the
 * normalised form (`.` → `-`, so `gpt-4.1` = `gpt-4-1` and `claude-opus-4.7` = `claude-opus-4-7`),
 * level 2 additionally drops a trailing snapshot date (`-20250514`, `-2025-05-14`), so a router's
 * undated `claude-opus-4` finds the vendor's dated `claude-opus-4-20250514`.
 */
export function matchKeys(id: string): string[] {
  const lower = id.toLowerCase()
  const dotless = lower.replace(/\./g, '-')
  const undated = dotless.replace(/-(\d{8}|\d{4}-\d{2}-\d{2})$/, '')
  return [lower, dotless, undated]
}
