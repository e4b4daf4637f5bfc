import { execFileSync } from 'node:child_process'
import { expect, test } from '@playwright/test'

import { DEFAULT_MESSAGE } from '../lib/snippets/input'
import { E2E_ENV } from './fixtures/env'

test.describe.configure({ mode: 'serial' })

const mock = (path: string, body?: unknown) =>
  fetch(`${E2E_ENV.E2E_MOCK_URL}${path}`, body === undefined ? { method: 'POST' } : { method: 'POST', body: JSON.stringify(body) })

test.beforeEach(async () => {
  await mock('/__reset')
})

test('the routers index and a router page show variants, weights and the blended price', async ({ page, request }) => {
  await page.goto('/routers')
  await expect(page.getByRole('heading', { level: 1, name: 'Routers' })).toBeVisible()
  await page.getByRole('link', { name: 'Balanced small models' }).click()
  await expect(page).toHaveURL(/\/routers\/balanced-small$/)
  await expect(page.getByText('router/balanced-small', { exact: true })).toBeVisible()

  const rows = page.locator('#variants tbody tr')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('openai/gpt-4o-mini')
  await expect(rows.nth(0)).toContainText('34')

  // Expected price, by hand: each variant's cheapest input price × its weight / total weight.
  const variants = [['openai/gpt-4o-mini', 34], ['google/gemini-2.5-flash', 33], ['anthropic/claude-haiku-4-5', 33]] as const
  let input = 0
  for (const [id, w] of variants) {
    const { data } = await (await request.get(`/api/v1/models/${id}/endpoints`)).json()
    const prices = data.endpoints.filter((e: { status: string }) => e.status !== 'deprecated').map((e: { pricing: { prompt: string; completion: string } }) => ({ i: Number(e.pricing.prompt) * 1e6, o: Number(e.pricing.completion) * 1e6 }))
    prices.sort((a: { i: number; o: number }, b: { i: number; o: number }) => a.i + a.o - (b.i + b.o))
    input += (prices[0].i * w) / 100
  }
  const shown = Number((await page.getByTestId('blended-input').innerText()).replace(/[$,]/g, ''))
  expect(shown).toBeCloseTo(input, 6)
})

test('routers are listed by the API, and in the models list', async ({ request }) => {
  const { data } = await (await request.get('/api/v1/routers')).json()
  const r = data.find((x: { id: string }) => x.id === 'router/steady-chat')
  expect(r).toMatchObject({
    name: 'Steady chat',
    variants: [{ model: 'openai/gpt-4.1-mini', weight: 90 }, { model: 'meta/llama-3.3-70b-instruct', weight: 10 }],
    fallbacks: ['meta/llama-3.3-70b-instruct', 'openai/gpt-4o-mini'],
  })
  const models = (await (await request.get('/api/v1/models')).json()).data
  const entry = models.find((m: { id: string }) => m.id === 'router/steady-chat')
  expect(entry.pricing.prompt).toMatch(/^0\.\d+$/)
  expect(entry.pricing_range.prompt).toHaveLength(2)
})

test('a router falls back to its next variant when the chosen variant\'s providers all fail', async ({ request }) => {
  // GPT-4.1 mini fails at both configured providers; Llama 3.3 (via OpenRouter) works.
  await mock('/__faults', {
    'openai:gpt-4.1-mini': { fault: { kind: 'status', status: 503 } },
    'openrouter:openai/gpt-4.1-mini': { fault: { kind: 'status', status: 503 } },
  })
  const headers = { authorization: 'Bearer e2e-caller-key' }
  for (let i = 0; i < 5; i++) {
    const res = await request.post('/api/v1/chat/completions', { headers, data: { model: 'router/steady-chat', messages: [{ role: 'user', content: `call ${i}` }] } })
    expect(res.status()).toBe(200)
    expect(res.headers()['x-router']).toBe('router/steady-chat')
    expect(res.headers()['x-router-variant']).toBe('meta/llama-3.3-70b-instruct')
    expect((await res.json()).choices[0].message.content).toBe(`Echo: call ${i}`)
  }
  const seen = (await (await fetch(`${E2E_ENV.E2E_MOCK_URL}/__requests`)).json()) as Array<{ provider: string; body: { model: string } }>
  // GPT-4.1 mini carries 90 % of the weight: over five calls it was chosen, tried and failed over from.
  expect(seen.some((r) => r.body.model === 'gpt-4.1-mini')).toBe(true)
  expect(seen.filter((r) => r.body.model === 'meta-llama/llama-3.3-70b-instruct')).toHaveLength(5)
})

test('the router page\'s curl snippet runs against the local proxy', async ({ page, baseURL }) => {
  await page.goto('/routers/steady-chat')
  const snippet = await page.locator('#code pre').innerText()
  // The snippet targets SITE_URL (baked in at build time); point it at the server under test.
  const script = snippet.replace(/https?:\/\/[^/'"]+(?=\/api\/v1)/, baseURL!)
  const out = execFileSync('bash', ['-c', script], { env: { ...process.env, YOUR_API_KEY: 'e2e-caller-key' }, encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] })
  const body = JSON.parse(out)
  expect(body.choices[0].message.content).toBe(`Echo: ${DEFAULT_MESSAGE}`)
  expect(typeof body.usage.cost).toBe('number')
})
