/**
 * Second half of `npm run build`: bundles the production server (`server.ts`) with the proxy,
 * the catalog and the content layer's generated collections into `dist/server.mjs`, which
 * `npm start` runs with plain `node`, and the usage store's worker thread into
 * `dist/store-worker.mjs`. Packages stay in node_modules (Next must be the one the site was built
 * with); only project code is bundled.
 */
import { build } from 'esbuild'

await build({
  entryPoints: ['server.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      // `server-only` throws outside React's server build; in this server nothing reaches a browser.
      name: 'server-only',
      setup(b) {
        b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }))
        b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }))
      },
    },
  ],
})
// The usage store's worker thread (lib/store/worker-backend.ts looks for it beside the bundle).
await build({
  entryPoints: ['lib/store/store-worker.ts'],
  outfile: 'dist/store-worker.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
console.log('built dist/server.mjs, dist/store-worker.mjs')
