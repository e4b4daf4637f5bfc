import { relative, resolve } from 'node:path'

import { defineCollection, defineConfig } from '@content-collections/core'
import { compileMDX } from '@content-collections/mdx'

import {
  modelListSchema,
  modelProseSchema,
  modelSchema,
  providerSchema,
  routerSchema,
  vendorSchema,
} from './lib/catalog/schema'

// The content root can be swapped (benchmarks build a synthetic catalog, tests a broken one).
// content-collections resolves directories against the project root, so an absolute path is
// made relative to it (the build runs from the project root).
const root = relative(process.cwd(), resolve(process.env.CATALOG_CONTENT_DIR ?? 'content')) || '.'

const vendors = defineCollection({
  name: 'vendors',
  directory: `${root}/vendors`,
  include: '*.yaml',
  parser: 'yaml',
  schema: vendorSchema,
  transform: (doc) => ({ ...doc, id: doc._meta.path }),
})

const providers = defineCollection({
  name: 'providers',
  directory: `${root}/providers`,
  include: '*.yaml',
  parser: 'yaml',
  schema: providerSchema,
  transform: (doc) => ({ ...doc, id: doc._meta.path }),
})

const models = defineCollection({
  name: 'models',
  directory: `${root}/models`,
  include: '*/*.yaml',
  parser: 'yaml',
  schema: modelSchema,
  transform: (doc) => ({ ...doc, id: doc._meta.path, file: `${root}/models/${doc._meta.filePath}` }),
})

const modelPages = defineCollection({
  name: 'modelPages',
  directory: `${root}/models`,
  include: '*/*.mdx',
  schema: modelProseSchema,
  transform: async (doc, context) => ({
    id: doc._meta.path,
    file: `${root}/models/${doc._meta.filePath}`,
    markdown: doc.content,
    generated: doc.generated === true,
    mdx: await compileMDX(context, doc),
  }),
})

const routers = defineCollection({
  name: 'routers',
  directory: `${root}/routers`,
  include: '*.yaml',
  parser: 'yaml',
  schema: routerSchema,
  transform: (doc) => ({
    ...doc,
    id: `router/${doc._meta.path}`,
    slug: doc._meta.path,
    file: `${root}/routers/${doc._meta.filePath}`,
  }),
})

// Curated lists (`featured`): people's picks, as content rather than code.
const lists = defineCollection({
  name: 'lists',
  directory: `${root}/lists`,
  include: '*.yaml',
  parser: 'yaml',
  schema: modelListSchema,
  transform: (doc) => ({ ...doc, id: doc._meta.path, file: `${root}/lists/${doc._meta.filePath}` }),
})

export default defineConfig({ content: [vendors, providers, models, modelPages, routers, lists] })
