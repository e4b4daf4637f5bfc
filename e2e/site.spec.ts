import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

const PAGES = [
  '/',
  '/models/openai/gpt-4o-mini',
  '/vendors/openai',
  '/providers/openai',
  '/models',
  '/vendors',
  '/providers',
  '/changes',
]

for (const path of PAGES) {
  test(`${path}: no console errors, headings in order`, async ({ page }) => {
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(String(e)))
    const res = await page.goto(path, { waitUntil: 'networkidle' })
    expect(res?.status()).toBe(200)
    expect(errors).toEqual([])
    const levels = await page
      .locator('main h1, main h2, main h3, main h4')
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])))
    expect(levels[0]).toBe(1)
    expect(levels.filter((l) => l === 1)).toHaveLength(1)
    levels.forEach((l, i) => {
      if (i > 0) expect(l - levels[i - 1]!).toBeLessThanOrEqual(1)
    })
  })
}

for (const path of ['/', '/models/openai/gpt-4o-mini', '/vendors/openai', '/providers/openai', '/changes']) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${path}: axe finds no serious or critical violation (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await page.goto(path)
      const results = await new AxeBuilder({ page }).analyze()
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(
        bad.map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        ),
      ).toEqual([])
    })
  }
}

test('every response carries the security headers', async ({ request }) => {
  for (const path of ['/', '/models/openai/gpt-4o-mini', '/sitemap.xml', '/models/nope/nope']) {
    const res = await request.get(path)
    const h = res.headers()
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(h['content-security-policy']).toContain("default-src 'self'")
    expect(h['x-content-type-options']).toBe('nosniff')
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(h['x-frame-options']).toBe('DENY')
  }
})

test('sitemap and robots list the pages', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text()
  expect(sitemap).toContain('/models/openai/gpt-4o-mini</loc>')
  expect(sitemap).toContain('/vendors/openai</loc>')
  expect(sitemap).toContain('/providers/openai</loc>')
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/)
})

test('home: search leads to the models list', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Search models' }).fill('gpt-4o mini')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/models\?q=gpt-4o\+mini/)
  await expect(page.getByRole('link', { name: 'GPT-4o mini', exact: true })).toBeVisible()
})

test('dark theme follows the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/')
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  await page.emulateMedia({ colorScheme: 'light' })
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(dark).not.toBe(light)
})

test('the sticky site header stays above a scrolled table’s sticky header', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/models')
  const scroller = page.getByTestId('models-scroll')
  await expect(scroller).toBeVisible()
  // Scroll the page until the table's header row passes under the site header.
  const header = page.locator('body > header')
  const headerBox = (await header.boundingBox())!
  const tableTop = await scroller.evaluate((el) => el.getBoundingClientRect().top + window.scrollY)
  await page.evaluate((y) => window.scrollTo(0, y), tableTop - headerBox.height / 2)
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.closest('header, thead')?.tagName ?? null,
    [200, headerBox.height - 4],
  )
  expect(hit).toBe('HEADER')
})

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`an in-page anchor lands below the sticky header (${viewport.width} px)`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, isMobile: viewport.width < 600 })
    const page = await context.newPage()
    for (const anchor of ['faq', 'parameters', 'pricing']) {
      await page.goto(`/models/openai/gpt-4o-mini#${anchor}`)
      const headerBottom = await page.locator('body > header').evaluate((h) => h.getBoundingClientRect().bottom)
      await expect
        .poll(() => page.locator(`#${anchor}-title`).evaluate((h) => h.getBoundingClientRect().top))
        .toBeGreaterThanOrEqual(headerBottom)
    }
    await context.close()
  })
}

for (const javaScriptEnabled of [true, false]) {
  test(`on a phone the site's nav is a Menu that fits the screen (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: 320, height: 700 },
      isMobile: true,
      javaScriptEnabled,
    })
    const page = await context.newPage()
    await page.goto('/vendors')
    // Nothing sticks out sideways: every entry of the nav is reachable without scrolling the header.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    const nav = page.getByRole('navigation', { name: 'Main' })
    await expect(nav).toBeHidden()
    await page.locator('header summary', { hasText: 'Menu' }).click()
    await expect(nav.getByRole('link')).toHaveText(['Models', 'Compare', 'Vendors', 'Providers', 'Routers', 'Changes'])
    for (const link of await nav.getByRole('link').all()) await expect(link).toBeInViewport()
    await nav.getByRole('link', { name: 'Changes' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Changes')
    // The header stays mounted across an in-app navigation: the menu closes anyway.
    await expect(nav).toBeHidden()
    await context.close()
  })
}

test('home prefetches nothing until a link shows intent', async ({ page }) => {
  const prefetches: string[] = []
  page.on('request', (r) => {
    if (r.headers()['next-router-prefetch'] || r.url().includes('_rsc=')) prefetches.push(r.url())
  })
  await page.goto('/', { waitUntil: 'networkidle' })
  await page.mouse.wheel(0, 3000)
  await page.waitForTimeout(500)
  expect(prefetches).toEqual([])
  // Intent: a pointer over a model card's link prefetches that page.
  await page.getByTestId('featured').getByRole('link', { name: 'GPT-4o mini', exact: true }).hover()
  await expect.poll(() => prefetches.length).toBeGreaterThan(0)
})

test('home: featured models from content, and counts in the singular when there is one', async ({ page }) => {
  await page.goto('/')
  const featured = page.getByTestId('featured')
  await expect(featured.getByRole('heading', { level: 2, name: 'Featured models' })).toBeVisible()
  await expect(featured.getByRole('link', { name: 'GPT-4o mini', exact: true })).toBeVisible()
  await expect(featured).toContainText('A low-cost everyday default for chat, tools and images.')
  await featured.getByRole('link', { name: /Compare the first three/ }).click()
  await expect(page).toHaveURL(
    /\/compare\?models=openai\/gpt-4o-mini,anthropic\/claude-haiku-4-5,google\/gemini-2\.5-flash$/,
  )

  for (const path of ['/', '/vendors']) {
    await page.goto(path)
    await expect(page.locator('main')).not.toContainText(/\b1 models\b/)
  }
})

test('wrong-case and bare model addresses find the model', async ({ page, request }) => {
  const upper = await request.get('/models/OpenAI/GPT-4o-Mini', { maxRedirects: 0 })
  expect(upper.status()).toBe(308)
  expect(upper.headers().location).toBe('/models/openai/gpt-4o-mini')

  const bare = await request.get('/models/gpt-4o-mini', { maxRedirects: 0 })
  expect(bare.status()).toBe(308)
  expect(bare.headers().location).toBe('/models/openai/gpt-4o-mini')

  await page.goto('/models/GPT-4o-mini')
  await expect(page).toHaveURL(/\/models\/openai\/gpt-4o-mini$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('GPT-4o mini')

  const vendor = await request.get('/models/anthropic', { maxRedirects: 0 })
  expect(vendor.headers().location).toBe('/vendors/anthropic')
  expect((await request.get('/models/no-such-model-anywhere')).status()).toBe(404)
})

test('the sitemap dates its pages', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text()
  const entry = sitemap.match(/<url>\s*<loc>[^<]*\/models\/openai\/gpt-4o-mini<\/loc>[\s\S]*?<\/url>/)?.[0]
  expect(entry).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T[^<]+<\/lastmod>/)
})

test('the read-only JSON API is open to any origin and answers JSON for unknown models', async ({ request }) => {
  for (const path of [
    '/api/v1/models',
    '/api/v1/models/openai/gpt-4o-mini/endpoints',
    '/api/v1/routers',
    '/api/v1/models/openai/nope/endpoints',
  ]) {
    const res = await request.get(path, { headers: { origin: 'https://example.org' } })
    expect(res.headers()['access-control-allow-origin'], path).toBe('*')
    expect(res.headers()['content-type'], path).toContain('application/json')
  }
  for (const path of ['/api/v1/models/openai/nope', '/api/v1/models/nope', '/api/v1/models/openai/gpt-4o-mini']) {
    const res = await request.get(path)
    expect(res.status(), path).toBe(404)
    expect(res.headers()['content-type'], path).toContain('application/json')
    expect((await res.json()).error.code, path).toMatch(/not_found/)
  }
  // The chat proxy is not a cross-origin API.
  const chat = await request.post('/api/v1/chat/completions', { data: {}, headers: { origin: 'https://example.org' } })
  expect(chat.headers()['access-control-allow-origin']).toBeUndefined()
})
