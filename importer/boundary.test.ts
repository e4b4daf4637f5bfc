/**
 * The importer is build tooling: the site's code (lib/, app/, components/, the server) must
 * never import it, or it would be bundled into what the site runs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const SITE = ['lib', 'app', 'components', 'server.ts', 'content-collections.ts', 'next.config.mjs']
/** An import or re-export specifier that names the importer folder (`@/importer`, `../../importer/…`). */
const IMPORTS_IMPORTER =
  /\bfrom\s+['"](?:@\/|(?:\.\.\/)+)importer(?:\/[^'"]*)?['"]|\bimport\(\s*['"](?:@\/|(?:\.\.\/)+)importer\b/

function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return /\.(ts|tsx|mts|mjs)$/.test(path) ? [path] : []
  return readdirSync(path).flatMap((name) => sourceFiles(join(path, name)))
}

describe('importer/', () => {
  it('is not imported by anything the site runs', () => {
    const offenders = SITE.flatMap((p) => sourceFiles(join(ROOT, p)))
      .filter((file) => IMPORTS_IMPORTER.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file))
    expect(offenders).toEqual([])
  })
})
