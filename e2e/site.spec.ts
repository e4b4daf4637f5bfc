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
