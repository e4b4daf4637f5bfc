import { existsSync, readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { routeHeaders } from './route-headers'

const manifest = {
  version: 3,
  headers: [
    {
      source: '/:path*',
      regex: '^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$',
      headers: [
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'X-A', value: '1' },
      ],
    },
    {
      source: '/api/:path*',
      regex: '^/api(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$',
      headers: [{ key: 'X-A', value: '2' }],
    },
    {
      source: '/api/:path*',
      regex: '^/api(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$',
      has: [{ type: 'header', key: 'x-debug' }],
      headers: [{ key: 'X-Debug', value: 'yes' }],
    },
  ],
}

describe('routeHeaders', () => {
  it('collects the matching rules, later ones winning, and leaves conditional rules out', () => {
    expect(routeHeaders(manifest, '/api/chat')).toEqual({ 'x-frame-options': 'DENY', 'x-a': '2' })
    expect(routeHeaders(manifest, '/models')).toEqual({ 'x-frame-options': 'DENY', 'x-a': '1' })
  })

  it('rejects a manifest it does not understand, rather than serve without headers', () => {
    expect(() => routeHeaders({ headers: [{ source: '/x' }] }, '/x')).toThrow()
  })

  it.runIf(existsSync('.next/routes-manifest.json'))(
    'finds the security headers of next.config.mjs in the build',
    () => {
      const headers = routeHeaders(
        JSON.parse(readFileSync('.next/routes-manifest.json', 'utf8')),
        '/api/v1/chat/completions',
      )
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['content-security-policy']).toContain("default-src 'self'")
    },
  )
})
