/** Fixtures, temporary content directories and file readers shared by the importer's tests. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { parse } from 'yaml'

import { modelSchema } from '@/lib/catalog/schema'

import type { SourceKind } from './input'

export const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url))
export const MODELSDEV = join(FIXTURES, 'modelsdev-offers.json')
export const OPENROUTER = join(FIXTURES, 'openrouter.json')
export const LITELLM = join(FIXTURES, 'litellm.json')

/** The models.dev and OpenRouter fixtures, in that order. */
export const BOTH: Array<{ kind: SourceKind; file: string }> = [
  { kind: 'models.dev', file: MODELSDEV },
  { kind: 'openrouter', file: OPENROUTER },
]

/** A temp content dir with the fixture vendors only (no models, no providers). */
export function emptyContent(): string {
  const d = mkdtempSync(join(tmpdir(), 'catalog-import-'))
  cpSync(join(FIXTURES, 'content/vendors'), join(d, 'vendors'), { recursive: true })
  return d
}

/** A temp content dir with the fixture vendors plus the hand-written (partly locked) gpt-4o-mini. */
export function handWrittenContent(): string {
  const d = mkdtempSync(join(tmpdir(), 'catalog-import-'))
  cpSync(join(FIXTURES, 'content'), d, { recursive: true })
  return d
}

/** Every file under a directory → its bytes as text. */
export function tree(root: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const p = rel ? `${rel}/${name}` : name
      if (statSync(join(root, p)).isDirectory()) walk(p)
      else out.set(p, readFileSync(join(root, p), 'utf8'))
    }
  }
  walk('')
  return out
}

/** A model file in a content dir, parsed and schema-checked. */
export function readModel(contentDir: string, id: string) {
  return modelSchema.parse(parse(readFileSync(join(contentDir, 'models', `${id}.yaml`), 'utf8')))
}
