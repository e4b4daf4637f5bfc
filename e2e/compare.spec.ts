import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'

const MINI = 'openai/gpt-4o-mini'
const HAIKU = 'anthropic/claude-haiku-4-5'
const FLASH = 'google/gemini-2.5-flash'

const columns = (page: Page) =>
  page
    .getByTestId('compare-table')
    .locator('thead th[data-model]')
    .evaluateAll((ths) => ths.map((t) => (t as HTMLElement).dataset.model))
/** Opens a page and waits until its live parts are hydrated (the server HTML comes first). */
async function open(page: Page, url: string) {
  await page.goto(url)
  await expect(page.locator('[data-ready]').first()).toBeAttached({ timeout: 15_000 })
}

/**
 * Opens the model page and scrolls to its calculator as a reader would (its JavaScript loads when
 * it comes near the viewport), then waits until it is live: input before that is not kept.
 */
async function openCalculator(page: Page) {
  await page.goto('/models/openai/gpt-4o-mini')
  const section = page.locator('#cost-example')
  await section.scrollIntoViewIfNeeded()
  await expect(section.locator('[data-ready]')).toBeAttached({ timeout: 15_000 })
}

const costRow = (page: Page, id: string) => page.getByTestId('workload-costs').locator(`tr[data-model="${id}"]`)

test.describe('compare', () => {
  test('an unknown id is reported while the valid ones still show', async ({ page }) => {
    await page.goto(`/compare?models=${MINI},nope/not-a-model,${HAIKU}`)
    const notice = page.getByTestId('unknown-models')
    await expect(notice).toBeVisible()
    await expect(notice).toContainText('not in the catalog')
    await expect(notice).toContainText('nope/not-a-model')
    expect(await columns(page)).toEqual([MINI, HAIKU])
    // The notice offers the link without the unknown id.
    await notice.getByRole('link', { name: /drop it from the link/ }).click()
    await expect(page).toHaveURL(`/compare?models=${MINI},${HAIKU}`)
    // The URL changes at once; the new render can take seconds on a server that has just started.
    await expect(page.getByTestId('unknown-models')).toHaveCount(0, { timeout: 15_000 })
  })

  test('the calculator’s figures match a hand computation', async ({ page }) => {
    await open(page, `/compare?models=${MINI},${HAIKU}`)
    await page.getByLabel('Input tokens').fill('2000')
    await page.getByLabel('Output tokens').fill('1000')
    await page.getByLabel('Cached input').fill('25')
    await page.getByLabel('Requests').fill('500')
    await expect(page).toHaveURL(`/compare?models=${MINI},${HAIKU}&in=2000&out=1000&cached=25&rpd=500`)

    // GPT-4o mini at OpenAI: $0.15 input, $0.075 cached input, $0.60 output per 1M tokens.
    // Per request: (1,500 × 0.15 + 500 × 0.075 + 1,000 × 0.60) / 1M = 862.5 / 1M = $0.0008625 → "$0.000863".
    // Per day: × 500 = $0.43125. Per month: × 30 = $12.9375 → "$12.94".
    const mini = costRow(page, MINI)
    await expect(mini.locator('td').first()).toHaveText('OpenAI')
    await expect(mini.locator('[data-cost=request]')).toHaveText('$0.000863')
    await expect(mini.locator('[data-cost=day]')).toHaveText('$0.43125')
    await expect(mini.locator('[data-cost=month]')).toHaveText('$12.94')
    await expect(mini).toContainText('Cheapest')
    await expect(mini.locator('[data-cost=multiple]')).toHaveText('×1')

    // Claude Haiku 4.5 is cheapest for this workload at Jiekou: $0.90 input (no cache price, so the
    // cached tokens cost the input price too), $4.50 output per 1M tokens; Anthropic's $1 / $0.10
    // cached / $5 comes to $0.00655.
    // Per request: (2,000 × 0.90 + 1,000 × 4.50) / 1M = $0.0063; per day $3.15; per month $94.50.
    // Against $0.0008625: × 7.30... → "×7.3".
    const haiku = costRow(page, HAIKU)
    await expect(haiku.locator('td').first()).toHaveText('Jiekou.AI')
    await expect(haiku.locator('[data-cost=request]')).toHaveText('$0.0063')
    await expect(haiku.locator('[data-cost=day]')).toHaveText('$3.15')
    await expect(haiku.locator('[data-cost=month]')).toHaveText('$94.50')
    await expect(haiku.locator('[data-cost=multiple]')).toHaveText('×7.3')

    // The workload is in the URL: a reload (or a shared link) computes the same.
    await page.reload()
    await expect(page.getByLabel('Requests')).toHaveValue('500')
    await expect(costRow(page, MINI).locator('[data-cost=day]')).toHaveText('$0.43125')
  })

  test('the model page’s calculator starts from the worked example and recomputes', async ({ page }) => {
    await openCalculator(page)
    const section = page.locator('#cost-example')
    await expect(section.getByTestId('cost-example-total')).toHaveText('$0.45')
    await section.getByLabel('Requests').fill('20000')
    await section.getByLabel('Cached input').fill('50')
    // (500 × 0.15 + 500 × 0.075 + 500 × 0.60) / 1M = $0.0004125 a request; × 20,000 = $8.25 a day; × 30 = $247.50.
    await expect(section.getByTestId('cost-example-total')).toHaveText('$8.25')
    await expect(section.getByTestId('cost-per-month')).toHaveText('$247.50')
  })

  test('a workload longer than a model takes is never priced or cheapest; an unpriced model is never cheapest', async ({
    page,
  }) => {
    // GPT-4o mini takes 128,000 tokens in all; Claude Haiku 4.5 200,000; Gemini 2.5 Flash about 1M.
    // sarvam-m has no live list price.
    await open(page, `/compare?models=${MINI},${HAIKU},${FLASH},sarvam/sarvam-m&in=150000`)
    const mini = costRow(page, MINI)
    await expect(mini).toContainText(
      'Does not fit: 150,000 input + 500 output tokens are more than its context window of 128,000 tokens.',
    )
    await expect(mini).not.toContainText('Cheapest')
    await expect(mini.locator('[data-cost=day]')).toHaveCount(0)
    const unpriced = costRow(page, 'sarvam/sarvam-m')
    await expect(unpriced).toContainText('No price')
    await expect(unpriced).not.toContainText('Cheapest')
    // Of the two that fit, one is the cheapest.
    await expect(page.getByTestId('workload-costs').getByText('Cheapest', { exact: true })).toHaveCount(1)
    await expect(costRow(page, HAIKU).locator('[data-cost=day]')).toHaveCount(1)

    // 300,000 tokens fit Gemini 2.5 Flash only: priced, but with nothing to be cheaper than.
    await page.getByLabel('Input tokens').fill('300000')
    await expect(costRow(page, HAIKU)).toContainText('more than its context window of 200,000 tokens')
    await expect(costRow(page, FLASH).locator('[data-cost=day]')).toHaveCount(1)
    await expect(page.getByTestId('workload-costs').getByText('Cheapest', { exact: true })).toHaveCount(0)

    // An answer longer than the maximum output.
    await page.getByLabel('Input tokens').fill('1000')
    await page.getByLabel('Output tokens').fill('20000')
    await expect(mini).toContainText('20,000 output tokens are more than its maximum output of 16,384 tokens.')
  })

  test('the calculator says what is wrong with a number it cannot use', async ({ page }) => {
    await open(page, `/compare?models=${MINI},${HAIKU}`)
    const input = page.getByLabel('Input tokens')
    await input.fill('-5')
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(input).toHaveAccessibleDescription(/Enter a whole number of tokens, 0 to 10,000,000\./)
    // The costs keep the last valid value, and say so.
    await expect(page.getByText('The costs use 1,000 until then.')).toBeVisible()
    await input.fill('')
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await input.fill('2000')
    await expect(input).not.toHaveAttribute('aria-invalid')
    await expect(page).toHaveURL(/in=2000/)

    const cached = page.getByLabel('Cached input')
    await cached.fill('150')
    await expect(cached).toHaveAttribute('aria-invalid', 'true')
    await expect(cached).toHaveAccessibleDescription(/Enter a percentage from 0 to 100\./)
    await cached.fill('12.5')
    await expect(cached).not.toHaveAttribute('aria-invalid')
  })

  test('the model page’s calculator says when a workload does not fit, and works without JavaScript', async ({
    page,
    browser,
  }) => {
    await openCalculator(page)
    const section = page.locator('#cost-example')
    await section.getByLabel('Input tokens').fill('300000')
    await expect(section.getByTestId('cost-misfit')).toHaveText(
      'Not priced: this workload does not fit GPT-4o mini. 300,000 input + 500 output tokens are more than its context window of 128,000 tokens.',
    )
    await expect(section.getByTestId('cost-example-total')).toHaveCount(0)
    await section.getByLabel('Requests').fill('-1')
    await expect(section.getByLabel('Requests')).toHaveAttribute('aria-invalid', 'true')

    const context = await browser.newContext({ javaScriptEnabled: false })
    const noJs = await context.newPage()
    await noJs.goto('/models/openai/gpt-4o-mini')
    const form = noJs.locator('#cost-example')
    // Any whole number goes (the browser checks the form before sending it).
    await form.getByLabel('Input tokens').fill('1234')
    await form.getByLabel('Requests').fill('500')
    await form.getByRole('button', { name: 'Compute' }).click()
    await expect(noJs).toHaveURL(/\/compare\?models=openai%2Fgpt-4o-mini&in=1234&out=500&cached=0&rpd=500$/)
    // (1,234 × 0.15 + 500 × 0.60) / 1M = $0.0004851 a request; × 500 = $0.24255 a day.
    await expect(costRow(noJs, MINI).locator('[data-cost=day]')).toHaveText('$0.24255')
    await context.close()
  })

  test('typing in the calculator fetches nothing, even with a column link hovered', async ({ page }) => {
    await open(page, `/compare?models=${MINI},${HAIKU},${FLASH}`)
    const requests: string[] = []
    page.on('request', (r) => {
      if (!r.url().startsWith('data:')) requests.push(r.url())
    })
    // Intent on the reorder and remove links: their URLs carry the workload, so they must not prefetch.
    await page.getByRole('link', { name: 'Remove GPT-4o mini' }).hover()
    await page.getByRole('link', { name: 'Move Gemini 2.5 Flash left' }).hover()
    const input = page.getByLabel('Input tokens')
    await input.click()
    await input.press('ControlOrMeta+a')
    await input.pressSequentially('123456', { delay: 50 })
    await expect(page).toHaveURL(/in=123456/)
    await page.waitForTimeout(500)
    // Only the history writes after typing pauses (Next then re-requests the page icon): one, or two
    // when a loaded machine stalls a keystroke past the 300 ms debounce; never one per key (six).
    expect(requests.filter((u) => !u.includes('/icon.png'))).toEqual([])
    expect(requests.length).toBeLessThanOrEqual(2)
  })

  test('the picker adds, and the column links reorder and remove; the URL holds the set', async ({ page }) => {
    await open(page, `/compare?models=${MINI},${HAIKU}&rpd=2000`)
    const picker = page.getByRole('combobox', { name: 'Add a model' })
    await picker.fill('gemini 2.5 flash')
    await expect(page.getByRole('option').first()).toContainText('Gemini 2.5 Flash')
    await picker.press('Enter')
    await expect(page).toHaveURL(`/compare?models=${MINI},${HAIKU},${FLASH}&rpd=2000`)
    await expect.poll(() => columns(page)).toEqual([MINI, HAIKU, FLASH])

    await page.getByRole('link', { name: 'Move Gemini 2.5 Flash left' }).click()
    await expect(page).toHaveURL(`/compare?models=${MINI},${FLASH},${HAIKU}&rpd=2000`)
    await expect.poll(() => columns(page)).toEqual([MINI, FLASH, HAIKU])

    await page.getByRole('link', { name: 'Remove GPT-4o mini' }).click()
    await expect(page).toHaveURL(`/compare?models=${FLASH},${HAIKU}&rpd=2000`)
    await expect.poll(() => columns(page)).toEqual([FLASH, HAIKU])
    await expect(page.getByLabel('Requests')).toHaveValue('2000')

    await page.goBack()
    await expect.poll(() => columns(page)).toEqual([MINI, FLASH, HAIKU])
  })

  test('rows are grouped, the best value is marked, and "differences only" hides agreement', async ({ page }) => {
    await open(page, `/compare?models=${MINI},${HAIKU}`)
    const t = page.getByTestId('compare-table')
    for (const g of ['pricing', 'limits', 'capabilities', 'modalities', 'parameters', 'dates', 'status', 'providers'])
      await expect(t.locator(`tbody[data-group="${g}"]`)).toHaveCount(1)
    // GPT-4o mini is cheaper on input; Claude Haiku 4.5 has the larger context window.
    const input = t.locator('tr[data-row="price-input"] td')
    await expect(input.nth(0)).toHaveAttribute('data-best', '')
    await expect(input.nth(0)).toContainText('Cheapest')
    await expect(input.nth(1)).not.toHaveAttribute('data-best')
    await expect(t.locator('tr[data-row="context"] td').nth(1)).toHaveAttribute('data-best', '')

    const all = await t.locator('tr[data-row]').count()
    await page.getByRole('switch', { name: 'Differences only' }).click()
    await expect(page).toHaveURL(/&diff=1$/)
    const diff = await t.locator('tr[data-row]').count()
    expect(diff).toBeLessThan(all)
    await expect(page.getByText(`Hiding ${all - diff} rows where all models agree.`)).toBeVisible()
    await expect(t.locator('tr[data-row="price-input"]')).toHaveCount(1)
  })

  test('a shared link reads without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`/compare?models=${MINI},${HAIKU},bogus&in=2000&out=1000&cached=25&rpd=500`)
    await expect(page.getByTestId('unknown-models')).toContainText('bogus')
    expect(await columns(page)).toEqual([MINI, HAIKU])
    await expect(costRow(page, MINI).locator('[data-cost=day]')).toHaveText('$0.43125')
    // A number in the link the calculator cannot use is named, not silently replaced.
    await page.goto(`/compare?models=${MINI},${HAIKU}&in=-4&cached=150`)
    await expect(page.getByTestId('unusable-workload')).toContainText('in=-4, cached=150 could not be used')
    await expect(page.getByLabel('Input tokens')).toHaveValue('1000')
    await context.close()
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no serious or critical violation (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await page.goto(`/compare?models=${MINI},${HAIKU},nope/nope`)
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

  test('fits a phone: the page does not scroll sideways, the table does', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true })
    const page = await context.newPage()
    await page.goto(`/compare?models=${MINI},${HAIKU},${FLASH}`)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await context.close()
  })
})
