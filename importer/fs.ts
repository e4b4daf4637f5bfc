/**
 * The importer's only file-system code: read the content directory into a snapshot, read the
 * input files, write the planned files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

import type { ParsedSource, SourceKind } from './input'
import { ImportInputError, parseSource } from './input'
import { OVERRIDES_FILE } from './overrides'
import type { ContentSnapshot, FileWrite } from './types'

function list(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : []
}

/** Read `<contentDir>/{models/*\/*.{yaml,mdx}, vendors/*.yaml, providers/*.yaml}`. */
export function readContent(contentDir: string): ContentSnapshot {
  const snapshot: ContentSnapshot = { models: new Map(), vendors: new Map(), providers: new Map() }
  for (const f of list(join(contentDir, 'vendors'))) {
    if (f.endsWith('.yaml')) snapshot.vendors.set(f.slice(0, -5), readFileSync(join(contentDir, 'vendors', f), 'utf8'))
  }
  for (const f of list(join(contentDir, 'providers'))) {
    if (f.endsWith('.yaml'))
      snapshot.providers.set(f.slice(0, -5), readFileSync(join(contentDir, 'providers', f), 'utf8'))
  }
  const overrides = join(contentDir, OVERRIDES_FILE)
  if (existsSync(overrides)) snapshot.overrides = readFileSync(overrides, 'utf8')
  const modelsDir = join(contentDir, 'models')
  for (const vendor of list(modelsDir)) {
    const vdir = join(modelsDir, vendor)
    if (!statSync(vdir).isDirectory()) continue
    for (const f of list(vdir)) {
      const m = /^(.*)\.(yaml|mdx)$/.exec(f)
      if (!m) continue
      const id = `${vendor}/${m[1]}`
      const entry = snapshot.models.get(id) ?? {}
      const text = readFileSync(join(vdir, f), 'utf8')
      if (m[2] === 'yaml') entry.yaml = text
      else entry.mdx = text
      snapshot.models.set(id, entry)
    }
  }
  return snapshot
}

/** Read and validate one input file; errors name the file. */
export function readSource(kind: SourceKind, file: string): ParsedSource {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new ImportInputError(`${kind} input ${file} cannot be read: ${(e as Error).message}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new ImportInputError(`${kind} input ${file} is not valid JSON: ${(e as Error).message}`)
  }
  return parseSource(kind, file, data)
}

export function writeContent(contentDir: string, writes: FileWrite[]): void {
  for (const w of writes) {
    const path = join(contentDir, w.path)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, w.content)
  }
}
