import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { createServer, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CompressedBodies } from './compress'
import { ASSET_CACHE_CONTROL, serveStaticAsset, staticAssetPath } from './static-assets'

describe('staticAssetPath', () => {
  it('maps a built script or style to its file under the build directory', () => {
    expect(staticAssetPath('/b/.next', '/_next/static/chunks/0abc_d.js')).toEqual({
      file: '/b/.next/static/chunks/0abc_d.js',
      type: 'application/javascript; charset=UTF-8',
    })
    expect(staticAssetPath('/b/.next', '/_next/static/chunks/3znetf8.css')?.type).toBe('text/css; charset=UTF-8')
  })

  it('refuses anything that could leave the directory or is not a script or style', () => {
    for (const p of [
      '/_next/static/../../etc/passwd.js',
      '/_next/static/chunks/../../../x.js',
      '/_next/static/%2e%2e/x.js',
      '/_next/static/.hidden.js',
      '/_next/static/media/font.woff2',
      '/_next/static/chunks/x.js.map',
      '/_next/static/',
      '/other/x.js',
    ])
      expect(staticAssetPath('/b/.next', p), p).toBeUndefined()
  })
})

describe('serveStaticAsset', () => {
  let dir = ''
  let server: Server
  let base = ''
  const script = `/* built */ ${'export const x = "a long enough script to be worth compressing";\n'.repeat(200)}`
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'assets-'))
    mkdirSync(join(dir, 'static', 'chunks'), { recursive: true })
    writeFileSync(join(dir, 'static', 'chunks', 'app.js'), script)
    const bodies = new CompressedBodies()
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname
      void serveStaticAsset(req, res, path, { distDir: dir, bodies, headers: { 'x-frame-options': 'DENY' } }).then(
        (served) => {
          if (!served) res.writeHead(299).end('left to Next')
        },
      )
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  })
  afterAll(async () => {
    await new Promise((r) => server.close(r))
    rmSync(dir, { recursive: true, force: true })
  })

  const get = (path: string, headers: Record<string, string>, method = 'GET') =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve, reject) => {
        const req = request(`${base}${path}`, { headers, method }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          )
        })
        req.on('error', reject)
        req.end()
      },
    )

  it('answers a browser with the script in brotli, kept for good, with the site headers', async () => {
    const res = await get('/_next/static/chunks/app.js', { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toBe('application/javascript; charset=UTF-8')
    expect(res.headers['cache-control']).toBe(ASSET_CACHE_CONTROL)
    expect(res.headers.vary).toBe('Accept-Encoding')
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    expect(brotliDecompressSync(res.body).toString()).toBe(script)
    expect(res.body.length).toBeLessThan(script.length / 10)
  })

  it('answers a gzip-only client with gzip, and HEAD with the headers only', async () => {
    const res = await get('/_next/static/chunks/app.js', { 'accept-encoding': 'gzip' })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(res.body).toString()).toBe(script)
    const head = await get('/_next/static/chunks/app.js', { 'accept-encoding': 'br' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers['content-encoding']).toBe('br')
    expect(head.body.length).toBe(0)
  })

  it('leaves to Next a client that takes neither encoding, a file that is not there, and other methods', async () => {
    expect((await get('/_next/static/chunks/app.js', {})).status).toBe(299)
    expect((await get('/_next/static/chunks/missing.js', { 'accept-encoding': 'br' })).status).toBe(299)
    expect((await get('/_next/static/chunks/app.js', { 'accept-encoding': 'br' }, 'POST')).status).toBe(299)
  })
})
