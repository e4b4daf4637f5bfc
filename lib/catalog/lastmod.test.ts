import { describe, expect, it } from 'vitest'

import { newestOf, parseLastModified } from './lastmod'

describe('last modified dates from git log', () => {
  const log = [
    '',
    '2026-12-05T10:00:00+00:00\n\ncontent/models/a/x.yaml\ncontent/models/a/x.mdx\n',
    '2026-11-01T09:00:00+00:00\n\ncontent/models/a/x.yaml\ncontent/models/b/y.yaml\n',
  ].join('\0')

  it('keeps each file’s newest commit', () => {
    const dates = parseLastModified(log)
    expect(dates.get('content/models/a/x.yaml')).toBe('2026-12-05T10:00:00+00:00')
    expect(dates.get('content/models/b/y.yaml')).toBe('2026-11-01T09:00:00+00:00')
    expect(parseLastModified('')).toEqual(new Map())
  })

  it('dates a page by the newest of its files', () => {
    const dates = parseLastModified(log)
    expect(newestOf(dates, ['content/models/b/y.yaml', 'content/models/a/x.mdx'])).toBe('2026-12-05T10:00:00+00:00')
    expect(newestOf(dates, ['content/nope.yaml'])).toBeUndefined()
  })
})
