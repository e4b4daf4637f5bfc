/**
 * When each content file last changed, from git, read once at build time for the sitemap's
 * `lastmod`. Without git or a repository (a source tarball) there are no dates, and the sitemap
 * simply leaves `lastmod` out rather than guess.
 */
import { execFileSync } from 'node:child_process'

import { parseLastModified } from '@/lib/catalog/lastmod'

let cached: Map<string, string> | undefined

export function contentDates(): Map<string, string> {
  if (cached) return cached
  try {
    const log = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--', 'content'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    cached = parseLastModified(log)
  } catch {
    cached = new Map()
  }
  return cached
}
