/**
 * Mapping rules shared by the sources: modalities, mode, status, dates. Pure functions.
 */
import type { Modality, Mode, Status } from '@/lib/catalog/schema'
import { MODALITIES } from '@/lib/catalog/schema'

/**
 * Source modality names → ours, in our canonical order (text, image, audio, video, file).
 * `pdf` (models.dev) and `file` (OpenRouter) both become `file`; unknown names are dropped and
 * returned so the caller can report them.
 */
export function mapModalities(list: readonly string[] | null | undefined): { value: Modality[]; unknown: string[] } {
  const seen = new Set<Modality>()
  const unknown: string[] = []
  for (const raw of list ?? []) {
    const m = raw.toLowerCase() === 'pdf' ? 'file' : raw.toLowerCase()
    if ((MODALITIES as readonly string[]).includes(m)) seen.add(m as Modality)
    else unknown.push(raw)
  }
  return { value: MODALITIES.filter((m) => seen.has(m)), unknown }
}

/**
 * `mode` is `chat` unless the id or the modalities make another mode obvious:
 * - `embed` in the id → embedding; `rerank` → rerank;
 * - `whisper`/`transcribe` in the id, or audio in and only text out → audio-transcription;
 * - no text out: image out → image-generation, audio out → audio-speech.
 * Models that write text *and* images or audio (Gemini image models, GPT audio) stay `chat`.
 */
export function detectMode(id: string, input: readonly Modality[], output: readonly Modality[]): Mode {
  const s = id.toLowerCase()
  if (/embed/.test(s)) return 'embedding'
  if (/rerank/.test(s)) return 'rerank'
  if (/whisper|transcri/.test(s)) return 'audio-transcription'
  if (input.length === 1 && input[0] === 'audio' && output.length === 1 && output[0] === 'text') {
    return 'audio-transcription'
  }
  if (!output.includes('text')) {
    if (output.includes('image')) return 'image-generation'
    if (output.includes('audio')) return 'audio-speech'
  }
  return 'chat'
}

/** models.dev status → ours: null → available, deprecated → deprecated, alpha/beta → preview. */
export function mapStatus(status: string | null | undefined): Status | undefined {
  if (status == null || status === '') return 'available'
  const s = status.toLowerCase()
  if (s === 'deprecated') return 'deprecated'
  if (s === 'alpha' || s === 'beta' || s === 'preview') return 'preview'
  if (s === 'available' || s === 'active') return 'available'
  return undefined
}

const FULL_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** A real calendar date `YYYY-MM-DD` (rejects 2025-02-31). */
export function isFullDate(s: string | null | undefined): s is string {
  const m = s ? FULL_DATE.exec(s) : null
  if (!m) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

export function isMonth(s: string | null | undefined): s is string {
  return !!s && MONTH.test(s)
}

/** Knowledge cut-off as `YYYY-MM` (sources give months or whole dates, some impossible). */
export function toMonth(s: string | null | undefined): string | undefined {
  if (!s) return undefined
  const head = s.slice(0, 7)
  return isMonth(head) ? head : undefined
}

/** Unix seconds → `YYYY-MM-DD` (UTC). */
export function unixToDate(seconds: number): string | undefined {
  const d = new Date(seconds * 1000)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10)
}

/** A positive whole number of tokens, or undefined (sources use 0 for "unknown"). */
export function tokens(n: number | null | undefined): number | undefined {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined
}

/** "OpenAI: GPT-4o-mini (free)" → "GPT-4o-mini": routers prefix the vendor and tag variants. */
export function cleanModelName(name: string): string {
  return name
    .replace(/^[^:]{1,40}:\s+/, '')
    .replace(/\s*\((free|beta)\)\s*$/i, '')
    .trim()
}
