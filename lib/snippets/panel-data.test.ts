import { describe, expect, it } from 'vitest'

import { getModels, getRouters } from '@/lib/catalog'

import { LANGUAGE_IDS } from './languages'
import { modelSnippetPanel, routerSnippetPanel, SNIPPET_TEMPLATES_DIR, snippetTemplateFiles } from './panel-data'

describe('snippet panel data', () => {
  it('hands every page curl only, and links a templates file the site serves with every language', async () => {
    const files = await snippetTemplateFiles()
    const panels = [
      ...(await Promise.all(getModels().map(modelSnippetPanel))).filter((p) => p !== undefined),
      ...(await Promise.all(getRouters().map(routerSnippetPanel))),
    ]
    expect(panels.length).toBeGreaterThan(100)
    const linked = new Set<string>()
    for (const panel of panels) {
      expect(Object.keys(panel.templates)).toEqual(['curl'])
      const name = panel.templatesUrl?.slice(SNIPPET_TEMPLATES_DIR.length + 1) ?? ''
      const body = files.get(name)
      expect(body, panel.templatesUrl).toBeDefined()
      linked.add(name)
      const all = JSON.parse(body!)
      expect(Object.keys(all)).toEqual([...LANGUAGE_IDS])
      expect(all.curl).toEqual(panel.templates.curl)
    }
    // No file nobody links; fewer files than pages (pages with the same features share one).
    expect([...files.keys()].sort()).toEqual([...linked].sort())
    expect(files.size).toBeLessThan(panels.length / 5)
  })
})
