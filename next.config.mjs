import { withContentCollections } from '@content-collections/next'

const dev = process.env.NODE_ENV !== 'production'

// Only what the site needs: its own scripts, styles, images and API. Pages are static, so
// per-request nonces (which force dynamic rendering) are not an option; Next's inline bootstrap
// scripts need 'unsafe-inline'. Dev adds 'unsafe-eval' for React's debugging tools.
// https://nextjs.org/docs/app/guides/content-security-policy
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Older browsers ignore CSP frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
]

// The catalog's JSON API is public and read-only (GET, no credentials): any site may read it from
// a browser. Not the chat proxy or the per-key APIs (generation, usage), which take a caller's key.
// https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS#simple_requests
const publicApiHeaders = [{ key: 'Access-Control-Allow-Origin', value: '*' }]
const PUBLIC_API = ['/api/v1/models', '/api/v1/models/:path*', '/api/v1/routers']

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The production server (server.ts) compresses: brotli where the browser takes it, and whole
  // bodies compressed once and kept (lib/server/compress.ts). Next's own is gzip on every request.
  compress: false,
  experimental: {
    // Pages regenerated with fresh measurements (model pages and home, `revalidate = 60`) stay in
    // this instance's memory; the build's files on disk stay as built. Several instances (or a
    // test's own server) on one build never serve each other's figures, and the build directory
    // can be read-only.
    isrFlushToDisk: false,
  },
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      ...PUBLIC_API.map((source) => ({ source, headers: publicApiHeaders })),
    ]
  },
}

export default withContentCollections(nextConfig)
