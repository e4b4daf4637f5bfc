/**
 * `npm run content`: generates the typed content collections (`.content-collections/generated`)
 * without a whole `next build`, for the type-check and for unit tests on a fresh checkout. A
 * document that fails validation fails this script as it fails the build.
 */
import { resolve } from 'node:path'

import { createBuilder } from '@content-collections/core'

const builder = await createBuilder(resolve('content-collections.ts'))
let failed = 0
builder.on('transformer:validation-error', (event) => {
  failed++
  console.error(`${event.collection.name}/${event.file.path}: ${event.error.message}`)
})
builder.on('collector:parse-error', (event) => {
  failed++
  console.error(`${event.filePath}: ${event.error.message}`)
})
await builder.build()
if (failed > 0) process.exit(1)
