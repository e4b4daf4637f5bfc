/**
 * Second half of `npm run build`: bundles the production server (`server.ts`) with the proxy,
 * the catalog and the content layer's generated collections into `dist/server.mjs`, which
 * `npm start` runs with plain `node`. Packages stay in node_modules (Next must be the one the
 * site was built with); only project code is bundled.
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
console.log('built dist/server.mjs')
