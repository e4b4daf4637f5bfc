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
