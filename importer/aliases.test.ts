/** A dated snapshot merged into its undated model: source rows for the alias map onto the model. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { checkContent } from './check'
import { readContent, writeContent } from './fs'
import { runImport } from './index'
import type { ModelsDevRow } from './input'
import { parseSource } from './input'
import { planImport } from './plan'
import { BOTH, emptyContent, MODELSDEV, OPENROUTER, readModel } from './test-helpers'

let dir: string

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('a dated snapshot merged into its undated model', () => {
  const SONNET = 'models/anthropic/claude-sonnet-4-5.yaml'
  const DATED = 'claude-sonnet-4-5-20250929'

  /** The fixture import, then the dated id added to claude-sonnet-4-5's aliases by hand. */
  function merged(): void {
    dir = emptyContent()
    runImport({ sources: BOTH, contentDir: dir })
    const path = join(dir, SONNET)
    writeFileSync(path, readFileSync(path, 'utf8').replace('\nmode: chat\n', `\naliases:\n  - ${DATED}\nmode: chat\n`))
  }

  /** models.dev rows for the dated id: the vendor's own listing and one on another provider. */
  function datedRows(rows: ModelsDevRow[]): ModelsDevRow[] {
    const own = rows.find((r) => r.provider === 'anthropic')!
    const dated = {
      ...own,
      canonicalModelId: `anthropic/${DATED}`,
      modelId: DATED,
      name: 'Claude Sonnet 4.5 (20250929)',
    }
    const vertex = {
      ...dated,
      provider: 'google-vertex',
      providerName: 'Vertex',
      providerDoc: 'https://cloud.google.com/vertex-ai/docs',
      modelId: 'claude-sonnet-4-5@20250929',
    }
    return [dated, vertex]
  }

  function plan(rows: ModelsDevRow[], openrouterExtra: object[] = []) {
    const or = JSON.parse(readFileSync(OPENROUTER, 'utf8')) as { data: Array<{ id: string }> }
    const sonnetOr = or.data.find((m) => m.id === 'anthropic/claude-sonnet-4.5')!
    or.data.push(...(openrouterExtra as typeof or.data), { ...sonnetOr, id: `anthropic/${DATED}` })
    return planImport(
      [parseSource('models.dev', 'rows.json', rows), parseSource('openrouter', 'or.json', or)],
      readContent(dir),
    )
  }

  it('maps models.dev and OpenRouter rows for the alias onto the model and never re-creates the dated file', () => {
    merged()
    const rows = JSON.parse(readFileSync(MODELSDEV, 'utf8')) as ModelsDevRow[]
    const { writes, report } = plan([...rows, ...datedRows(rows)])
    expect(writes.map((w) => w.path)).not.toContain(`models/anthropic/${DATED}.yaml`)
    expect(writes.map((w) => w.path)).not.toContain(`models/anthropic/${DATED}.mdx`)
    expect(report.newModels).toEqual([])
    writeContent(dir, writes)

    const sonnet = readModel(dir, 'anthropic/claude-sonnet-4-5')
    // The model's own row wins on the provider both list; the alias adds the provider only it lists.
    expect(sonnet.endpoints.find((e) => e.provider === 'anthropic')!.modelId).toBe('claude-sonnet-4-5')
    expect(sonnet.endpoints.find((e) => e.provider === 'google-vertex')!.modelId).toBe('claude-sonnet-4-5@20250929')
    expect(sonnet.endpoints.filter((e) => e.provider === 'openrouter')).toHaveLength(1)
    expect(sonnet.name).toBe('Claude Sonnet 4.5') // the alias row's name does not replace the model's own
    expect(sonnet.aliases).toEqual([DATED])
    expect(report.notes.get("Source ids that are a catalog model's alias (mapped onto that model)")).toEqual([
      `anthropic/${DATED} → anthropic/claude-sonnet-4-5`,
    ])
    const skipped = report.skipped.get('models.dev')!
    expect([
      ...skipped
        .get(
          "the provider already has an endpoint under the model's own id or an earlier alias (one endpoint per provider)",
        )!
        .keys(),
    ]).toEqual([`anthropic/${DATED} (kept anthropic/claude-sonnet-4-5's own)`])
    expect(checkContent(readContent(dir)).problems).toEqual([])

    // A second run with the same input changes nothing.
    const again = plan([...rows, ...datedRows(rows)])
    expect(again.writes).toEqual([])
  })

  it('takes the model-level facts from the alias row when the source lists only the dated id', () => {
    merged()
    const rows = JSON.parse(readFileSync(MODELSDEV, 'utf8')) as ModelsDevRow[]
    const dated = datedRows(rows).map((r) => ({ ...r, status: 'deprecated' }))
    const { writes, report } = plan([
      ...rows.filter((r) => r.canonicalModelId !== 'anthropic/claude-sonnet-4-5'),
      ...dated,
    ])
    expect(report.newModels).toEqual([])
    writeContent(dir, writes)
    const sonnet = readModel(dir, 'anthropic/claude-sonnet-4-5')
    expect(sonnet.status).toBe('deprecated')
    expect(sonnet.name).toBe('Claude Sonnet 4.5 (20250929)')
    expect(sonnet.endpoints.find((e) => e.provider === 'anthropic')!.modelId).toBe(DATED)
  })

  it('flags a dated file that comes back next to the model holding its id as an alias', () => {
    merged()
    const back = join(dir, `models/anthropic/${DATED}.yaml`)
    writeFileSync(back, readFileSync(join(dir, SONNET), 'utf8').replace(`aliases:\n  - ${DATED}\n`, ''))
    writeFileSync(back.replace(/\.yaml$/, '.mdx'), 'Back again.\n')
    expect(checkContent(readContent(dir)).problems).toEqual([
      `models/anthropic/claude-sonnet-4-5.yaml: aliases.0 "${DATED}" is the id of models/anthropic/${DATED}.yaml`,
    ])
  })

  it('refuses to guess when two models claim the alias', () => {
    merged()
    const other = join(dir, 'models/anthropic/claude-sonnet-4-5-copy.yaml')
    writeFileSync(other, readFileSync(join(dir, SONNET), 'utf8'))
    writeFileSync(other.replace(/\.yaml$/, '.mdx'), 'A copy.\n')
    const rows = JSON.parse(readFileSync(MODELSDEV, 'utf8')) as ModelsDevRow[]
    const { report } = plan([...rows, ...datedRows(rows)])
    expect(report.newModels).toEqual([])
    expect(
      report.skipped
        .get('models.dev')!
        .get('the id is an alias of several catalog models (not applied)')
        ?.get(`anthropic/${DATED}`),
    ).toBe(1)
  })
})
