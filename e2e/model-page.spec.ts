import { expect, test } from '@playwright/test'

const MINI = '/models/openai/gpt-4o-mini'

test.describe('model page: openai/gpt-4o-mini', () => {
  test('shows its facts', async ({ page }) => {
    await page.goto(MINI)
    await expect(page).toHaveTitle(/GPT-4o mini/)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('GPT-4o mini')
    await expect(page.getByText('openai/gpt-4o-mini', { exact: true }).first()).toBeVisible()
    await expect(page.getByText('Available now').first()).toBeVisible()

    const key = page.getByRole('region', { name: 'Key numbers' })
    await expect(key).toContainText('$0.15')
    await expect(key).toContainText('$0.60')
    await expect(key).toContainText('128,000')
    await expect(key).toContainText('16,384')

    const openai = page.locator('#pricing tr[data-provider="openai"]')
    await expect(openai).toContainText('$0.15')
    await expect(openai).toContainText('$0.60')
    await expect(openai).toContainText('$0.075')

    const stats = page.locator('#stats')
    for (const text of ['128,000 tokens', '16,384 tokens', 'October 2023', 'o200k_base', 'July 18, 2024']) {
      await expect(stats).toContainText(text)
    }
    await expect(stats.locator('[data-stat="Mode"] dd')).toHaveText('Chat')
    await expect(stats.locator('[data-stat="Moderated"] dd')).toHaveText('Yes')
    await expect(stats.locator('[data-stat="Tokenizer"] dd')).toHaveText('o200k_base')
    await expect(stats.locator('[data-stat="Knowledge cutoff"] dd')).toHaveText('October 2023')

    for (const cap of ['tools', 'parallelToolCalls', 'vision', 'structuredOutputs', 'promptCaching', 'fileInput']) {
      await expect(page.locator(`[data-capability="${cap}"]`)).toHaveAttribute('data-supported', 'true')
    }
    await expect(page.locator('[data-capability="reasoning"]')).toContainText('Not supported')
    // Web search is not flagged, but the parameter table lists web_search_options: no "Not supported" beside it.
    const web = page.locator('[data-capability="webSearch"]')
    await expect(web).toHaveAttribute('data-parameter', 'web_search_options')
    await expect(web).toContainText('Through the web_search_options parameter')
    await expect(web).not.toContainText('Not supported')

    const inputs = page.getByRole('list', { name: 'Input modalities' })
    for (const m of ['Text (supported)', 'Image (supported)', 'File (supported)', 'Audio (not supported)']) {
      await expect(inputs).toContainText(m)
    }
    await expect(page.getByRole('list', { name: 'Output modalities' })).toContainText('Text (supported)')

    // As a reader sees them: the section renders when it comes near the viewport.
    await page.locator('#parameters').scrollIntoViewIfNeeded()
    const params = page.locator('#parameters tbody tr td:first-child')
    await expect
      .poll(() => params.allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          'frequency_penalty',
          'logit_bias',
          'logprobs',
          'max_tokens',
          'presence_penalty',
          'response_format',
          'seed',
          'stop',
          'structured_outputs',
          'temperature',
          'tool_choice',
          'tools',
          'top_logprobs',
          'top_p',
          'web_search_options',
        ]),
      )
  })

  test('has every section', async ({ page }) => {
    await page.goto(MINI)
    for (const name of [
      'Pricing and providers',
      'What it costs',
      'Capabilities',
      'Quick stats',
      'Supported parameters',
      'Call it from your code',
      'Frequently asked questions',
      'Similar models',
      'Other models from OpenAI',
    ]) {
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible()
    }
    // The worked example: 1,000 × (1,000 × $0.15 + 500 × $0.60) / 1M = $0.45
    await expect(page.getByTestId('cost-example-total')).toHaveText('$0.45')
    await expect(page.locator('#code pre')).toContainText('/api/v1/chat/completions')
    await expect(page.locator('#code pre')).toContainText('"model": "openai/gpt-4o-mini"')
  })

  test('shows six other models from the vendor, newest first, and links to all of them', async ({ page }) => {
    await page.goto(MINI)
    const section = page.locator('#vendor-models')
    const lines = section.locator('li')
    await expect(lines).toHaveCount(6)
    await expect(section.locator('ul')).not.toContainText('GPT-4o mini')
    // Each line: the model (a link to its page), its context and headline prices.
    for (const line of await lines.all()) {
      await expect(line.getByRole('link')).toHaveAttribute('href', /^\/models\/openai\//)
      await expect(line).toContainText(/[\d.]+[KM]? context · /)
    }
    const all = section.getByRole('link', { name: /^All \d+ models from OpenAI →$/ })
    await expect(all).toHaveAttribute('href', '/vendors/openai')
    // The count in the link is the vendor page's: every OpenAI model.
    const count = Number((await all.textContent())?.match(/\d+/)?.[0])
    await page.goto('/vendors/openai')
    await expect(page.getByRole('heading', { level: 2, name: `${count} models` })).toBeVisible()
  })

  test('similar models: each card shows a summary cut after a whole word, then its context and prices', async ({
    page,
  }) => {
    await page.goto(MINI)
    const cards = page.locator('#similar article')
    await expect(cards.first()).toBeVisible()
    for (const card of await cards.all()) {
      const summary = (await card.locator('p').nth(1).textContent()) ?? ''
      expect(summary.length).toBeGreaterThan(0)
      expect(summary.length).toBeLessThanOrEqual(110)
      if (summary.endsWith('…')) expect(summary).toMatch(/\w…$/)
      await expect(card.locator('p').nth(2)).toHaveText(/^[\d.]+[KM]? context · /)
    }
  })

  test('publishes FAQPage structured data and page metadata', async ({ page }) => {
    await page.goto(MINI)
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
    expect(ld['@type']).toBe('FAQPage')
    const questions = ld.mainEntity.map((q: { name: string }) => q.name)
    expect(questions).toContain('How much does GPT-4o mini cost?')
    expect(questions).toContain('Is GPT-4o mini a good replacement for GPT-3.5 Turbo?')
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/models\/openai\/gpt-4o-mini$/)
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /GPT-4o mini/)
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /GPT-4o mini/)
  })

  test('reads with JavaScript off', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(MINI)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('GPT-4o mini')
    await expect(page.locator('#pricing')).toContainText('$0.075')
    await expect(page.locator('#faq')).toContainText('How much does GPT-4o mini cost?')
    await context.close()
  })

  test('the copy button copies the API id', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto(MINI)
    await expect(page.getByRole('button', { name: 'Copy id: openai/gpt-4o-mini' })).toHaveAttribute(
      'data-ready',
      'true',
    )
    await page.getByRole('button', { name: 'Copy id: openai/gpt-4o-mini' }).click()
    await expect(page.getByRole('button', { name: 'Copy id: openai/gpt-4o-mini' })).toHaveText('Copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('openai/gpt-4o-mini')
  })

  test('fits a phone screen: nothing wider than the viewport', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true })
    const page = await context.newPage()
    await page.goto(MINI)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await context.close()
  })
})

// The small sortable tables load their script on first use: a first click on a header (on the
// server's HTML, before any of it loaded) still sorts.
for (const [path, where, header] of [
  [MINI, '#pricing', 'Input'],
  ['/providers/openai', 'main', 'Context'],
  ['/vendors/openai', 'main', 'Context'],
] as const) {
  test(`${path}: the table sorts from the first click on a header, and again on the next`, async ({ page }) => {
    await page.goto(path)
    const th = page.locator(where).getByRole('columnheader', { name: header }).first()
    await expect(th).not.toHaveAttribute('aria-sort')
    await th.getByRole('button').click()
    await expect(th).toHaveAttribute('aria-sort', /^(ascending|descending)$/)
    const first = await th.getAttribute('aria-sort')
    await th.getByRole('button').click()
    await expect(th).toHaveAttribute('aria-sort', first === 'ascending' ? 'descending' : 'ascending')
  })
}

test('an unknown model is a 404 with a way back', async ({ page }) => {
  const res = await page.goto('/models/openai/no-such-model')
  expect(res?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('could not find')
  await expect(page.getByRole('searchbox', { name: 'Search models' })).toBeVisible()
})

test('a merged snapshot id redirects permanently to its model, which alone is in the sitemap', async ({
  page,
  request,
}) => {
  const OLD = '/models/anthropic/claude-haiku-4-5-20251001'
  const res = await request.get(OLD, { maxRedirects: 0 })
  expect(res.status()).toBe(308)
  expect(res.headers().location).toBe('/models/anthropic/claude-haiku-4-5')

  // A browser lands on the model's own page, which lists the old id as an alias.
  const nav = await page.goto(OLD)
  expect(nav?.status()).toBe(200)
  await expect(page).toHaveURL(/\/models\/anthropic\/claude-haiku-4-5$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Claude Haiku 4.5')
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('latest')
  await expect(page.getByText('Also known as')).toContainText('claude-haiku-4-5-20251001')
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/models\/anthropic\/claude-haiku-4-5$/)

  // The old id's API path answers for the model too.
  const endpoints = await (await request.get('/api/v1/models/anthropic/claude-haiku-4-5-20251001/endpoints')).json()
  expect(endpoints.data.id).toBe('anthropic/claude-haiku-4-5')

  const sitemap = await (await request.get('/sitemap.xml')).text()
  expect(sitemap).toContain('/models/anthropic/claude-haiku-4-5</loc>')
  expect(sitemap).not.toContain('claude-haiku-4-5-20251001<')
})
