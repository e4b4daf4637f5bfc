/**
 * Price history through the endpoints API (issue 16): `?at=` answers with the prices in force on
 * a day of a known change (DeepSeek Chat at ZenMux: 0.56 / 1.68 USD per 1M tokens until a cut to
 * 0.28 / 0.42 on 2026-01-05), a day before the records is a 404, and without `at` every endpoint
 * carries its `pricing_history`.
 */
import { expect, test } from '@playwright/test'

const URL = '/api/v1/models/deepseek/deepseek-chat/endpoints'

type Endpoint = {
  provider: string
  pricing: Record<string, string>
  pricing_period?: { from: string; to: string | null }
}
const zenmux = (body: { data: { endpoints: Endpoint[] } }) => body.data.endpoints.find((e) => e.provider === 'zenmux')

test('?at= returns the old price before a known change and the new one after it', async ({ request }) => {
  const before = await request.get(`${URL}?at=2026-01-04`)
  expect(before.status()).toBe(200)
  const old = zenmux(await before.json())
  expect(old?.pricing).toMatchObject({ prompt: '0.00000056', completion: '0.00000168' })
  expect(old?.pricing_period).toEqual({ from: '2025-10-29', to: '2026-01-05' })

  const after = zenmux(await (await request.get(`${URL}?at=2026-01-05`)).json())
  expect(after?.pricing).toMatchObject({ prompt: '0.00000028', completion: '0.00000042' })
})

test('?at= before any recorded price is a 404, a malformed day a 400, both OpenAI-shaped', async ({ request }) => {
  const early = await request.get(`${URL}?at=2020-01-01`)
  expect(early.status()).toBe(404)
  const body = await early.json()
  expect(body.error).toMatchObject({ code: 'price_not_found', param: 'at', type: 'invalid_request_error' })
  expect(body.error.message).toContain('price history begins on')

  const bad = await request.get(`${URL}?at=yesterday`)
  expect(bad.status()).toBe(400)
  expect((await bad.json()).error).toMatchObject({ code: 'invalid_date', param: 'at' })
})

test('without at, each endpoint lists its pricing_history, the last period being the current price', async ({
  request,
}) => {
  const body = await (await request.get(URL)).json()
  const e = body.data.endpoints.find((x: Endpoint) => x.provider === 'zenmux')
  expect(e.pricing_history[0]).toEqual({
    from: '2025-10-29',
    to: '2026-01-05',
    pricing: { prompt: '0.00000056', completion: '0.00000168', input_cache_read: '0.00000007' },
  })
  expect(e.pricing_history.at(-1)).toEqual({ from: '2026-01-05', to: null, pricing: e.pricing })
})

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test("a model page shows its price history: the latest change, a chart per provider, the table and the model's feed", async ({
    page,
  }) => {
    await page.goto('/models/deepseek/deepseek-chat')
    const section = page.locator('section#price-history')
    await expect(section.getByRole('heading', { name: 'Price history' })).toBeVisible()
    await expect(section.getByTestId('price-history-summary')).toContainText(/Prices changed \d+ times since/)
    await expect(section.getByTestId('latest-change')).toContainText(/Latest: [−+]\d/)
    expect(await section.locator('svg[data-chart="price-history"]').count()).toBeGreaterThan(0)
    // ZenMux's cut of 2026-01-05 is a row of the table (USD per 1M tokens).
    await expect(section.locator('tr', { hasText: '2026-01-05' }).filter({ hasText: 'ZenMux' })).toContainText(
      '$0.56 → $0.28',
    )
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      'href',
      /\/changes\.xml\?model=deepseek\/deepseek-chat$/,
    )
  })

  test('/changes lists dated changes newest first and filters with a plain form', async ({ page }) => {
    await page.goto('/changes')
    await expect(page.getByRole('heading', { level: 1, name: 'Changes' })).toBeVisible()
    const dates = await page.locator('ol > li > span:first-child').allTextContents()
    expect(dates.length).toBeGreaterThan(10)
    expect(dates).toEqual([...dates].sort().reverse())
    await page.getByLabel('Kind').selectOption('price-cut')
    await page.getByLabel('Vendor').selectOption('deepseek')
    await page.getByRole('button', { name: 'Filter' }).click()
    await expect(page).toHaveURL(/kind=price-cut/)
    const items = page.locator('ol > li')
    expect(await items.count()).toBeGreaterThan(0)
    for (const kind of await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))
      expect(kind).toBe('price-cut')
    await expect(items.first()).toContainText('price cut −')
    await expect(page.getByRole('link', { name: 'Changes' }).first()).toHaveAttribute('href', '/changes')
  })
})

test('/changes.xml parses as Atom with the newest changes as entries', async ({ page, request }) => {
  const res = await request.get('/changes.xml?model=deepseek/deepseek-chat')
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toContain('application/atom+xml')
  const xml = await res.text()
  await page.goto('/')
  const feed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml')
    const ns = 'http://www.w3.org/2005/Atom'
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: doc.documentElement.namespaceURI,
      title: doc.documentElement.getElementsByTagNameNS(ns, 'title')[0]?.textContent,
      entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
        title: e.getElementsByTagNameNS(ns, 'title')[0]?.textContent ?? '',
        updated: e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent ?? '',
        id: e.getElementsByTagNameNS(ns, 'id')[0]?.textContent ?? '',
      })),
    }
  }, xml)
  expect(feed.error).toBe(false)
  expect(feed.root).toBe('http://www.w3.org/2005/Atom')
  expect(feed.title).toContain('DeepSeek Chat')
  expect(feed.entries.length).toBeGreaterThan(3)
  expect(feed.entries.map((e) => e.updated)).toEqual([...feed.entries.map((e) => e.updated)].sort().reverse())
  expect(feed.entries.some((e) => e.title === 'DeepSeek Chat at ZenMux: price cut −68.8 %')).toBe(true)
  expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length)

  const json = await (await request.get('/api/v1/changes?model=deepseek/deepseek-chat&kind=price-cut')).json()
  expect(json.total).toBeGreaterThan(0)
  expect(json.data[0]).toMatchObject({ model: 'deepseek/deepseek-chat', kind: 'price-cut' })
})
