import { readFileSync } from 'node:fs'

import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { PAGE_ROWS } from '../lib/table/state'

const table = (page: Page) => page.getByTestId('models-table')
const rows = (page: Page) => table(page).locator('tbody tr[data-model]')
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search models' })
const count = (page: Page) => page.getByTestId('result-count')

/**
 * Brings the index live as a reader does: the pointer comes over it (it then fetches every row;
 * until then it shows the server's page). Again until it takes, as the first may come before hydration.
 */
async function goLive(page: Page) {
  const ready = page.locator('[data-testid=models-index][data-ready]')
  await expect(async () => {
    await page.mouse.move(0, 0)
    await page.getByTestId('result-count').hover()
    await expect(ready).toBeAttached({ timeout: 1000 })
  }).toPass({ timeout: 15_000 })
}

/** Holds the index's row file back until the returned function is called. */
async function holdRows(page: Page): Promise<() => void> {
  let release = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route('**/models/index.json*', async (route) => {
    await held
    await route.continue()
  })
  return release
}

/** Opens the index and waits until it is live: the server HTML (one page of the view) is there before that. */
async function open(page: Page, url = '/models') {
  await page.goto(url)
  await goLive(page)
}

/** "Free" → 0, "$1,234.50" → 1234.5, "—" → undefined. */
const price = (s: string | null | undefined) =>
  !s || s === '—' ? undefined : s === 'Free' ? 0 : Number(s.replace(/[$,]/g, ''))

/** The rendered (virtualized: the visible ones) rows' texts in one column, by its header title. */
async function column(page: Page, title: string): Promise<string[]> {
  const headers = await table(page).locator('thead th').allInnerTexts()
  const index = headers.findIndex((h) => h.trim() === title)
  expect(index, `a "${title}" column`).toBeGreaterThanOrEqual(0)
  return rows(page).evaluateAll((trs, i) => trs.map((tr) => tr.children[i]?.textContent?.trim() ?? ''), index)
}

async function total(page: Page) {
  const text = (await count(page).textContent()) ?? ''
  const m = text.match(/^([\d,]+) of ([\d,]+) models$/)
  expect(m, text).not.toBeNull()
  return { shown: Number(m![1]!.replace(/,/g, '')), all: Number(m![2]!.replace(/,/g, '')) }
}

/** Clicks "Export CSV" and reads the file it downloads: one line per entry, the header first. */
async function downloadCsv(page: Page): Promise<string[]> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ])
  expect(file.suggestedFilename()).toBe('models.csv')
  return readFileSync((await file.path())!, 'utf8')
    .trimEnd()
    .split('\r\n')
}

/** The CSV of `/models?vendor=anthropic…`: the default columns' header, then each of the view's `shown` models. */
function expectAnthropicCsv(csv: string[], shown: number) {
  expect(csv[0]).toMatch(/^Id,Model,Vendor,Context \(tokens\),/)
  expect(csv).toHaveLength(shown + 1)
  for (const line of csv.slice(1)) expect(line).toMatch(/^anthropic\//)
}

test.describe('models index', () => {
  test('the default view is in the server HTML and reads without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/models')
    const { shown, all } = await total(page)
    expect(shown).toBe(all)
    expect(all).toBeGreaterThan(300)
    // The table is the server's page of the view, with links through the rest: every model is reachable.
    const pageRows = page.getByTestId('models-table').locator('tbody tr[data-model]')
    await expect(pageRows).toHaveCount(Math.min(all, PAGE_ROWS))
    const pages = Math.ceil(all / PAGE_ROWS)
    await expect(page.getByTestId('pager')).toContainText(`Rows 1–${PAGE_ROWS} of ${all.toLocaleString('en-US')}`)
    const seen = new Set(await pageRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-model'))))
    await page.getByRole('link', { name: 'Next', exact: true }).click()
    await expect(page).toHaveURL(/\/models\?page=2$/)
    for (let n = 2; n <= pages; n++) {
      if (n > 2) await page.goto(`/models?page=${n}`)
      await expect(pageRows).toHaveCount(n < pages ? PAGE_ROWS : all - (pages - 1) * PAGE_ROWS)
      for (const id of await pageRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-model')))) seen.add(id)
    }
    expect(seen.size).toBe(all)
    await expect(page.getByRole('link', { name: 'Previous', exact: true })).toHaveAttribute(
      'href',
      `/models?page=${pages - 1}`,
    )
    // Paging keeps the view: the next page of a sorted, filtered view is that view's.
    await page.goto('/models?sort=-context&hide=deprecated')
    await page.getByRole('link', { name: 'Next', exact: true }).click()
    await expect(page).toHaveURL(/\/models\?sort=-context&hide=deprecated&page=2$/)
    const contexts = await page
      .getByTestId('models-table')
      .locator('tbody tr[data-model]')
      .evaluateAll((trs) => trs.length)
    expect(contexts).toBe(PAGE_ROWS)

    // The filter form works without JavaScript: the server renders the URL's view.
    await search(page).fill('gpt-4o mini')
    await search(page).press('Enter')
    await expect(page).toHaveURL(/[?&]q=gpt-4o\+mini/)
    expect((await total(page)).shown).toBeLessThan(10)
    await expect(page.getByRole('link', { name: 'GPT-4o mini', exact: true })).toBeVisible()
    await context.close()
  })

  test('a change made before every row has arrived waits visibly, then applies', async ({ page }) => {
    // Hold the index's data file back: the page shows the server's rows meanwhile.
    const release = await holdRows(page)
    await page.goto('/models')
    await expect(rows(page)).toHaveCount(PAGE_ROWS)
    const header = page.getByRole('columnheader', { name: 'Input', exact: true })
    // Hydrated: the header's button answers (the click sorts once every row is here).
    await expect(async () => {
      await header.getByRole('button').click()
      await expect(page).toHaveURL(/[?&]sort=input$/, { timeout: 1000 })
    }).toPass({ timeout: 15_000 })
    await expect(count(page)).toHaveText(/^Loading all [\d,]+ models…$/)
    await expect(page.getByTestId('models-scroll')).toHaveAttribute('aria-busy', 'true')
    release()
    await expect(page.locator('[data-testid=models-index][data-ready]')).toBeAttached({ timeout: 15_000 })
    await expect(count(page)).toHaveText(/^[\d,]+ of [\d,]+ models$/)
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    const prices = (await column(page, 'Input')).map(price).filter((p) => p !== undefined)
    expect(prices.length).toBeGreaterThan(5)
    expect(prices).toEqual([...prices].sort((a, b) => a - b))
  })

  test('ticks and a keyboard sort made on the first table carry over to the live one, focus included', async ({
    page,
  }) => {
    const release = await holdRows(page)
    await page.goto('/models')
    await expect(rows(page)).toHaveCount(PAGE_ROWS)
    const ids = await rows(page).evaluateAll((trs) =>
      trs.slice(0, 2).map((t) => (t as HTMLElement).dataset.model ?? ''),
    )
    const tick = (id: string) => table(page).locator(`tr[data-model="${id}"] input[type=checkbox]`)
    // Hydrated: a tick is kept in the URL (ticks replace the history entry).
    await expect(async () => {
      await tick(ids[0]!).check()
      await expect(page).toHaveURL(`/models?sel=${ids[0]}`, { timeout: 1000 })
    }).toPass({ timeout: 15_000 })
    await tick(ids[1]!).check()
    await expect(page).toHaveURL(`/models?sel=${ids.join(',')}`)
    await expect(page.getByRole('link', { name: 'Compare (2)' })).toBeVisible()

    const header = page.getByRole('columnheader', { name: 'Context', exact: true })
    await header.getByRole('button').focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`/models?sort=-context&sel=${ids.join(',')}`)
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    await expect(page.getByText('Sorted by Context, descending')).toBeAttached()
    await expect(count(page)).toHaveText(/^Loading all [\d,]+ models…$/)
    // Scrolled sideways and down meanwhile: the live table keeps the place.
    const box = page.getByTestId('models-scroll')
    await box.evaluate((el) => {
      el.scrollLeft = 150
      el.scrollTop = 100
    })
    const place = await box.evaluate((el) => [el.scrollLeft, el.scrollTop])
    expect(place[0]).toBeGreaterThan(0)
    expect(place[1]).toBeGreaterThan(0)

    release()
    await expect(page.locator('[data-testid=models-index][data-ready]')).toBeAttached({ timeout: 15_000 })
    await expect(count(page)).toHaveText(/^[\d,]+ of [\d,]+ models$/)
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    expect(await box.evaluate((el) => [el.scrollLeft, el.scrollTop])).toEqual(place)
    // The keyboard is where it was: on the header's button, in the live table now.
    await expect(header.getByRole('button')).toBeFocused()
    const ctx = (await column(page, 'Context')).map((s) => Number(s.replace(/,/g, '')))
    expect(ctx.length).toBeGreaterThan(10)
    expect(ctx).toEqual([...ctx].sort((a, b) => b - a))
    await expect(page.getByRole('link', { name: 'Compare (2)' })).toHaveAttribute(
      'href',
      `/compare?models=${ids.join(',')}`,
    )
    // The live table sorts again from where the first one left off: the next press flips it.
    await page.keyboard.press('Enter')
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    await expect(page).toHaveURL(`/models?sort=context&sel=${ids.join(',')}`)
  })

  test("the live table's code loads at the reader's first use, not with the page", async ({ page }) => {
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url())
    })
    await page.goto('/models', { waitUntil: 'networkidle' })
    await page.waitForTimeout(500)
    const atLoad = new Set(scripts)
    await goLive(page)
    const later = scripts.filter((u) => !atLoad.has(u))
    expect(later.length, 'a script fetched at first use').toBeGreaterThan(0)
  })

  test('a link to a page of the view opens the live table at that page', async ({ page }) => {
    await open(page, '/models?sort=-context&page=3')
    await expect(page.locator(`tbody tr[aria-rowindex="${2 * PAGE_ROWS + 2}"]`)).toBeInViewport()
    // A new view starts at its top, without the page.
    await page.getByRole('columnheader', { name: 'Input', exact: true }).getByRole('button').click()
    await expect(page).toHaveURL(/\/models\?sort=input$/)
    await expect(page.locator('tbody tr[aria-rowindex="2"]')).toBeInViewport()
  })

  test('search narrows the rows, keeps the match, tolerates a typo and lives in the URL', async ({ page }) => {
    await open(page, '/models')
    const before = (await total(page)).all
    await search(page).fill('gpt-4o mini')
    await expect(page).toHaveURL(/\/models\?q=gpt-4o\+mini$/)
    const after = (await total(page)).shown
    expect(after).toBeGreaterThan(0)
    expect(after).toBeLessThan(before)
    await expect(rows(page).first()).toHaveAttribute('data-model', 'openai/gpt-4o-mini')
    await expect(page.getByRole('link', { name: 'GPT-4o mini', exact: true })).toBeVisible()

    // Two letters swapped: still found, still first.
    await search(page).fill('gpt-4o mnii')
    await expect(rows(page).first()).toHaveAttribute('data-model', 'openai/gpt-4o-mini')
    // By vendor and alias too.
    await search(page).fill('gpt-4o-mini-2024-07-18')
    await expect(rows(page).first()).toHaveAttribute('data-model', 'openai/gpt-4o-mini')
  })

  test('sorting by input price orders rows numerically, unknown prices last both ways', async ({ page }) => {
    await open(page, '/models')
    const header = page.getByRole('columnheader', { name: 'Input', exact: true })
    await expect(header).not.toHaveAttribute('aria-sort')

    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    await expect(page).toHaveURL(/[?&]sort=input$/)
    const asc = (await column(page, 'Input')).map(price)
    const ascKnown = asc.filter((p) => p !== undefined) as number[]
    expect(ascKnown.length).toBeGreaterThan(5)
    expect(ascKnown).toEqual([...ascKnown].sort((a, b) => a - b))

    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    await expect(page).toHaveURL(/[?&]sort=-input$/)
    const desc = (await column(page, 'Input')).map(price) as number[]
    expect(desc[0]).toBeGreaterThan(desc[desc.length - 1]!)
    expect(desc).toEqual([...desc].sort((a, b) => b - a))

    // The end of the list (scrolled into view: rows are virtualized) holds the models without a price.
    // Scrolled inside the poll: a re-sort of a thousand rows may land after the first scroll.
    const scroller = page.getByTestId('models-scroll')
    const lastInput = async () => {
      await scroller.evaluate((el) => {
        el.scrollTop = el.scrollHeight
      })
      return (await column(page, 'Input')).at(-1)
    }
    await expect.poll(lastInput).toBe('—')
    await page.getByRole('columnheader', { name: 'Input', exact: true }).getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    await expect.poll(lastInput).toBe('—')

    // Back undoes the last sort.
    await page.goBack()
    await expect(page).toHaveURL(/[?&]sort=-input$/)
    await expect(page.getByRole('columnheader', { name: 'Input', exact: true })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
  })

  test('sorting works from the keyboard and is announced', async ({ page }) => {
    await open(page, '/models')
    const button = page.getByRole('columnheader', { name: 'Context', exact: true }).getByRole('button')
    await button.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('columnheader', { name: 'Context', exact: true })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    await expect(page.getByText('Sorted by Context, descending')).toBeAttached()
    const ctx = (await column(page, 'Context')).map((s) => Number(s.replace(/,/g, '')))
    expect(ctx).toEqual([...ctx].sort((a, b) => b - a))
  })

  test('a filter combination round-trips through the URL; reload and Back keep it', async ({ page }) => {
    await open(page, '/models')
    const all = (await total(page)).all

    await page.getByText('Filter by Vendor').click()
    await page.getByRole('checkbox', { name: /^OpenAI\b/ }).check()
    await page.keyboard.press('Escape')
    await page.getByText('Filter by Capabilities').click()
    await page.getByRole('checkbox', { name: 'Tool calling' }).check()
    await page.keyboard.press('Escape')
    await page.getByLabel('Min context').selectOption({ label: '128K tokens' })
    await page.getByLabel('Hide deprecated').check()
    await page.getByRole('columnheader', { name: 'Output', exact: true }).getByRole('button').click()

    await expect(page).toHaveURL(/\/models\?sort=output&vendor=openai&cap=tools&ctx=128000&hide=deprecated$/)
    const filtered = await total(page)
    expect(filtered.shown).toBeGreaterThan(0)
    expect(filtered.shown).toBeLessThan(all)
    const chips = page.getByRole('list', { name: 'Active filters' })
    for (const label of ['Vendor: OpenAI', 'Has: Tool calling', 'Context ≥ 128K', 'Deprecated hidden'])
      await expect(chips).toContainText(label)

    await page.reload()
    await goLive(page)
    expect(await total(page)).toEqual(filtered)
    await expect(page.getByLabel('Hide deprecated')).toBeChecked()
    await expect(page.getByLabel('Min context')).toHaveValue('128000')
    await expect(page.getByRole('columnheader', { name: 'Output', exact: true })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    for (const id of await rows(page).evaluateAll((trs) => trs.map((t) => (t as HTMLElement).dataset.model ?? '')))
      expect(id).toMatch(/^openai\//)

    // Back steps out of the last change (the sort), then the one before (hide deprecated).
    await page.goBack()
    await expect(page).toHaveURL(/\/models\?vendor=openai&cap=tools&ctx=128000&hide=deprecated$/)
    await page.goBack()
    await expect(page).toHaveURL(/\/models\?vendor=openai&cap=tools&ctx=128000$/)
    await expect(page.getByLabel('Hide deprecated')).not.toBeChecked()

    // A chip removes its filter, clicked at once: Back within the index is the index's own
    // business (use-index-state.ts), so no fetch of the Back view can land after the click.
    await page.getByRole('link', { name: 'Remove filter Vendor: OpenAI' }).click()
    await expect(page).toHaveURL(/\/models\?cap=tools&ctx=128000$/)
    await expect(page.getByRole('list', { name: 'Active filters' })).not.toContainText('Vendor: OpenAI')
    expect((await total(page)).shown).toBeGreaterThan(filtered.shown)
  })

  test("with a provider filter, prices are that provider's, and price bounds hold there", async ({ page, request }) => {
    // A model whose price differs between providers, and the dearer provider, from the API.
    const { data: endpoints } = await (await request.get('/api/v1/models/openai/gpt-4o/endpoints')).json()
    const live = (
      endpoints.endpoints as Array<{
        provider: string
        provider_name: string
        status: string
        pricing: { prompt: string }
      }>
    ).filter((e) => e.status !== 'deprecated')
    const perMillion = (e: (typeof live)[number]) => Math.round(Number(e.pricing.prompt) * 1e6 * 1e6) / 1e6
    const cheapest = Math.min(...live.map(perMillion))
    const dearer = live.find((e) => perMillion(e) > cheapest)
    expect(dearer, 'gpt-4o has a provider dearer than its cheapest').toBeDefined()

    await open(page, '/models?q=gpt-4o')
    const gpt4o = rows(page).and(page.locator('[data-model="openai/gpt-4o"]'))
    const inputOf = async () => {
      const headers = await table(page).locator('thead th').allInnerTexts()
      const i = headers.findIndex((h) => h.trim() === 'Input')
      return price(await gpt4o.evaluate((tr, i) => tr.children[i]?.textContent?.trim(), i))
    }
    expect(await inputOf()).toBe(cheapest)
    await expect(page.getByTestId('price-note')).toContainText("at each model's cheapest provider")

    await open(page, `/models?q=gpt-4o&provider=${dearer!.provider}`)
    expect(await inputOf()).toBe(perMillion(dearer!))
    await expect(page.getByTestId('price-note')).toContainText(`USD per 1M tokens at ${dearer!.provider_name};`)
    // A price bound just under that provider's price drops the model, though it is cheaper elsewhere.
    await open(page, `/models?q=gpt-4o&provider=${dearer!.provider}&maxin=${cheapest}`)
    await expect(page.locator('[data-model="openai/gpt-4o"]')).toHaveCount(0)
  })

  test('with JavaScript off, a filter chip is a link to the view without it', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/models?vendor=openai&cap=tools')
    await page.getByRole('link', { name: 'Remove filter Vendor: OpenAI' }).click()
    await expect(page).toHaveURL(/\/models\?cap=tools$/)
    await expect(page.getByRole('list', { name: 'Active filters' })).not.toContainText('Vendor: OpenAI')
    await context.close()
  })

  test('with JavaScript off, several vendors are ticked from the whole list and applied', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/models?sort=-context')
    // The menu links to the whole list (not in every page's HTML): the same view, the menu open.
    const vendor = page.locator('details', { has: page.locator('summary', { hasText: 'Vendor' }) })
    await vendor.locator('summary').click()
    await vendor.getByRole('link', { name: /^Choose from all \d+ vendors$/ }).click()
    await expect(page).toHaveURL(/\/models\?sort=-context&pick=vendor$/)
    await expect(vendor).toHaveAttribute('open', '')
    // The box that narrows the list works only with JavaScript, so it is not shown.
    await expect(vendor.getByRole('searchbox', { name: 'Filter vendors' })).toBeHidden()
    await vendor.getByRole('checkbox', { name: /^OpenAI\s*\d+$/ }).check()
    await vendor.getByRole('checkbox', { name: /^Anthropic\s*\d+$/ }).check()
    await page.getByRole('button', { name: 'Apply' }).click()
    await expect(page).toHaveURL(/[?&]vendor=anthropic/)
    await expect(page).toHaveURL(/[?&]vendor=openai/)
    await expect(page).toHaveURL(/[?&]sort=-context/)
    await expect(page).not.toHaveURL(/pick=/)
    const vendors = await page
      .getByTestId('models-table')
      .locator('tbody tr[data-model]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-model')?.split('/')[0]))
    expect(new Set(vendors)).toEqual(new Set(['openai', 'anthropic']))
    // The short menu keeps the ticked vendors ticked, so another Apply keeps or drops them.
    await vendor.locator('summary').click()
    await expect(vendor.getByRole('checkbox', { checked: true })).toHaveCount(2)
    await vendor.getByRole('checkbox', { name: /^Anthropic\s*\d+$/ }).uncheck()
    await page.getByRole('button', { name: 'Apply' }).click()
    await expect(page).toHaveURL(/[?&]vendor=openai/)
    await expect(page).not.toHaveURL(/vendor=anthropic/)
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Vendor: OpenAI')
    await context.close()

    // On a phone the filters fold behind a toggle: the page with the whole list shows them unfolded.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false })
    const small = await phone.newPage()
    await small.goto('/models?pick=provider')
    await expect(small.getByRole('checkbox', { name: /^OpenAI\s*\d+$/ })).toBeVisible()
    await phone.close()
  })

  test('with JavaScript on, the vendor menu lists every vendor when opened', async ({ page }) => {
    await page.goto('/models')
    const vendor = page.locator('details', { has: page.locator('summary', { hasText: 'Vendor' }) })
    await expect(page.getByTestId('models-index')).toBeVisible()
    // Opened before or after hydration: the live list renders either way.
    await vendor.locator('summary').click()
    await expect(vendor.getByRole('checkbox', { name: /^OpenAI\s*\d+$/ })).toBeVisible()
    expect(await vendor.getByRole('checkbox').count()).toBeGreaterThan(50)
    await vendor.getByRole('searchbox', { name: 'Filter vendors' }).fill('anthro')
    await expect(vendor.getByRole('checkbox', { name: /^Anthropic\s*\d+$/ })).toBeVisible()
    await expect(vendor.getByRole('checkbox', { name: /^OpenAI\s*\d+$/ })).toHaveCount(0)
    await expect(vendor.getByRole('link', { name: /^Choose from all/ })).toHaveCount(0)
  })

  test('an empty result says which filter to loosen', async ({ page }) => {
    // No OpenAI model is free any more (trial and promotional $0 endpoints never price a model), so
    // the search is the one filter to blame here.
    await open(page, '/models?vendor=openai&open=1&q=claude')
    const empty = page.getByTestId('empty-state')
    await expect(empty).toContainText('No model matches')
    const first = empty.getByRole('link').first()
    await expect(first).toHaveText(/^(Remove|Clear the search) “.+”$/)
    await first.click()
    await expect(page.getByTestId('empty-state')).toHaveCount(0)
    expect((await total(page)).shown).toBeGreaterThan(0)
    // The URL follows the view.
    await expect(page).not.toHaveURL(/q=claude/)
  })

  test('with JavaScript off, the way out of an empty result is a link to that view', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/models?vendor=openai&open=1&q=claude')
    const empty = page.getByTestId('empty-state')
    await expect(empty).toContainText('No model matches')
    await empty.getByRole('link', { name: 'Clear the search “claude”' }).click()
    await expect(page).not.toHaveURL(/q=/)
    await expect(page).toHaveURL(/[?&]vendor=openai/)
    await expect(page).toHaveURL(/[?&]open=1/)
    await expect(page.getByTestId('empty-state')).toHaveCount(0)
    await expect(page.locator('tbody tr[data-model^="openai/"]').first()).toBeVisible()
    await context.close()
  })

  test('columns can be hidden and shown, and the choice is in the URL', async ({ page }) => {
    await open(page, '/models')
    await page.getByText('Columns', { exact: true }).click()
    await page.getByRole('checkbox', { name: 'Vendor', exact: true }).uncheck()
    await page.getByRole('checkbox', { name: 'Knowledge cutoff', exact: true }).check()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('columnheader', { name: 'Vendor', exact: true })).toHaveCount(0)
    await expect(page.getByRole('columnheader', { name: 'Knowledge cutoff', exact: true })).toBeVisible()
    await expect(page).toHaveURL(/[?&]cols=name,context,/)
    await page.reload()
    await expect(page.getByRole('columnheader', { name: 'Vendor', exact: true })).toHaveCount(0)
  })

  test('select three models, keep them through a reload, and compare them', async ({ page }) => {
    await open(page, '/models?q=gpt-4o')
    const picks = await rows(page).evaluateAll((trs) =>
      trs.slice(0, 3).map((t) => (t as HTMLElement).dataset.model ?? ''),
    )
    expect(picks).toHaveLength(3)
    await expect(page.getByRole('button', { name: 'Compare (0)' })).toBeDisabled()
    for (const id of picks) await table(page).locator(`tr[data-model="${id}"] input[type=checkbox]`).check()
    const compare = page.getByRole('link', { name: 'Compare (3)' })
    await expect(compare).toHaveAttribute('href', `/compare?models=${picks.join(',')}`)
    // The ticks are in the URL, without a history step each: a reload keeps them.
    await expect(page).toHaveURL(`/models?q=gpt-4o&sel=${picks.join(',')}`)
    await page.reload()
    await goLive(page)
    for (const id of picks)
      await expect(table(page).locator(`tr[data-model="${id}"] input[type=checkbox]`)).toBeChecked()
    await compare.click()
    await expect(page).toHaveURL(`/compare?models=${picks.join(',')}`)
    await expect(page.getByTestId('compare-table').locator('thead th[data-model]')).toHaveCount(3)
    expect(
      await page
        .getByTestId('compare-table')
        .locator('thead th[data-model]')
        .evaluateAll((ths) => ths.map((t) => (t as HTMLElement).dataset.model)),
    ).toEqual(picks)
  })

  test('Back from Compare shows the ticked models still ticked', async ({ page }) => {
    await open(page, '/models?q=gpt-4o')
    const picks = await rows(page).evaluateAll((trs) =>
      trs.slice(0, 3).map((t) => (t as HTMLElement).dataset.model ?? ''),
    )
    expect(picks).toHaveLength(3)
    for (const id of picks) await table(page).locator(`tr[data-model="${id}"] input[type=checkbox]`).check()
    await expect(page).toHaveURL(`/models?q=gpt-4o&sel=${picks.join(',')}`)
    await page.getByRole('link', { name: 'Compare (3)' }).click()
    await expect(page).toHaveURL(`/compare?models=${picks.join(',')}`)
    await expect(page.getByTestId('compare-table')).toBeVisible()

    await page.goBack()
    await expect(page).toHaveURL(`/models?q=gpt-4o&sel=${picks.join(',')}`)
    await expect(page.getByRole('link', { name: 'Compare (3)' })).toBeVisible()
    for (const id of picks)
      await expect(table(page).locator(`tr[data-model="${id}"] input[type=checkbox]`)).toBeChecked()
    // And the view is live: a chip clicked straight away removes its filter and keeps the ticks.
    await page.getByRole('link', { name: 'Remove filter Search: “gpt-4o”' }).click()
    await expect(page).toHaveURL(`/models?sel=${picks.join(',')}`)
    await expect(page.getByRole('link', { name: 'Compare (3)' })).toBeVisible()
  })

  test('after Back across a reload, a filter chip clicked at once takes effect and stays', async ({ page }) => {
    await open(page, '/models?vendor=openai&cap=tools')
    await page.getByLabel('Hide deprecated').check()
    await expect(page).toHaveURL('/models?vendor=openai&cap=tools&hide=deprecated')
    // A new document: the entry Back returns to was written by the previous one.
    await page.reload()
    await goLive(page)
    // Fetches of a /models view (RSC requests that are not prefetches).
    const requests: string[] = []
    page.on('request', (r) => {
      const h = r.headers()
      if (new URL(r.url()).pathname === '/models' && h.rsc === '1' && !h['next-router-prefetch']) requests.push(r.url())
    })

    await page.goBack()
    await expect(page).toHaveURL('/models?vendor=openai&cap=tools')
    await expect(page.getByLabel('Hide deprecated')).not.toBeChecked()
    // No waiting for the network: the click comes while a re-fetch of the Back view would still be on its way.
    await page.getByRole('link', { name: 'Remove filter Vendor: OpenAI' }).click()
    await expect(page).toHaveURL('/models?cap=tools')
    const chips = page.getByRole('list', { name: 'Active filters' })
    await expect(chips).not.toContainText('Vendor: OpenAI')
    await expect(chips).toContainText('Has: Tool calling')
    // Nothing arriving later takes the click back.
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(500)
    await expect(page).toHaveURL('/models?cap=tools')
    await expect(chips).not.toContainText('Vendor: OpenAI')
    // Back within the index asks the server for nothing: the view is the index's own.
    expect(requests).toEqual([])
  })

  test('the last price change is a sortable column, and recent changes a filter, with JavaScript off too', async ({
    page,
    request,
    browser,
  }) => {
    await open(page, '/models')
    const header = page.getByRole('columnheader', { name: 'Last price change', exact: true })
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    await expect(page).toHaveURL(/[?&]sort=-priceChange$/)
    const cells = await column(page, 'Last price change')
    const days = cells.map((c) => c.slice(0, 10)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    expect(days.length).toBeGreaterThan(5)
    expect(days).toEqual([...days].sort().reverse())

    // The newest one is the catalog's: the changes API dates it and gives the same percentage.
    const first = (await rows(page).first().getAttribute('data-model'))!
    const { data } = await (await request.get(`/api/v1/changes?model=${encodeURIComponent(first)}`)).json()
    const newest = (data as Array<{ date: string; kind: string; price?: { percent?: number } }>).find((c) =>
      c.kind.startsWith('price-'),
    )!
    expect(cells[0]).toContain(newest.date)
    // (Two providers may have changed on the same day: the cell shows one of them.)
    const sameDay = (data as (typeof newest)[]).filter((c) => c.kind.startsWith('price-') && c.date === newest.date)
    const said = sameDay.map((c) => (c.price?.percent === undefined ? 'from free' : `${Math.abs(c.price.percent)} %`))
    expect(
      said.some((t) => cells[0]!.includes(t)),
      `${cells[0]} shows one of ${said.join(', ')}`,
    ).toBe(true)

    // "Changed in the last N days", N reaching back just to that day: that model is in, older ones are out.
    const today = new Date().toISOString().slice(0, 10)
    const back = Math.round((Date.parse(today) - Date.parse(newest.date)) / 86_400_000)
    await open(page, `/models?changed=${back}&sort=-priceChange`)
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(
      `Price changed in the last ${back} days`,
    )
    await expect(rows(page).first()).toHaveAttribute('data-model', first)
    const since = new Date(Date.parse(today) - back * 86_400_000).toISOString().slice(0, 10)
    for (const c of await column(page, 'Last price change')) expect(c.slice(0, 10) >= since, c).toBe(true)
    expect((await total(page)).shown).toBe(days.filter((d) => d >= since).length)

    // Without JavaScript: the form's "Price changed" field is a GET parameter like the others.
    const context = await browser.newContext({ javaScriptEnabled: false })
    const still = await context.newPage()
    await still.goto('/models')
    await still.getByLabel('Price changed').selectOption({ label: 'In the last 90 days' })
    await search(still).press('Enter')
    await expect(still).toHaveURL(/[?&]changed=90(&|$)/)
    await expect(still.getByRole('list', { name: 'Active filters' })).toContainText('Price changed in the last 90 days')
    const since90 = new Date(Date.parse(today) - 90 * 86_400_000).toISOString().slice(0, 10)
    const expected = days.filter((d) => d >= since90).length
    expect((await total(still)).shown).toBe(expected)
    await context.close()
  })

  test('an export asked for before every row has arrived waits for them, then exports the whole view', async ({
    page,
  }) => {
    const release = await holdRows(page)
    await page.goto('/models?vendor=anthropic')
    const csv = page.getByRole('button', { name: 'Export CSV' })
    const download = page.waitForEvent('download')
    // Hydrated: the button answers (it waits, disabled, for the rows).
    await expect(async () => {
      await csv.click()
      await expect(csv).toBeDisabled({ timeout: 1000 })
    }).toPass({ timeout: 15_000 })
    release()
    const file = await download
    const lines = readFileSync((await file.path())!, 'utf8')
      .trimEnd()
      .split('\r\n')
    const { shown } = await total(page)
    expect(lines).toHaveLength(shown + 1)
    for (const line of lines.slice(1)) expect(line).toMatch(/^anthropic\//)
    await expect(csv).toBeEnabled()
  })

  test('exports the current view as CSV and JSON', async ({ page }) => {
    await open(page, '/models?vendor=anthropic&sort=-context')
    const { shown } = await total(page)
    const csv = await downloadCsv(page)
    expectAnthropicCsv(csv, shown)

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ])
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'))
    expect(json.count).toBe(shown)
    const contexts = json.models.map((m: { context: number }) => m.context)
    expect(contexts).toEqual([...contexts].sort((a: number, b: number) => b - a))
  })

  test('with JavaScript off, the exports come from the server: the same view, the same file', async ({
    browser,
    request,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/models?vendor=anthropic&sort=-context')
    const { shown } = await total(page)
    const csv = await downloadCsv(page)
    expectAnthropicCsv(csv, shown)
    // The page stays where it was; the JSON names the same rows, largest context first.
    await expect(page).toHaveURL(/\/models\?vendor=anthropic&sort=-context$/)
    const json = await (await request.get('/models/export.json?vendor=anthropic&sort=-context')).json()
    expect(json.count).toBe(shown)
    expect(json.models.map((m: { id: string }) => m.id)).toEqual(csv.slice(1).map((l) => l.split(',')[0]))
    const contexts = json.models.map((m: { context: number }) => m.context)
    expect(contexts).toEqual([...contexts].sort((a: number, b: number) => b - a))
    await context.close()
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no serious or critical violation (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await open(page, '/models?q=claude')
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

  test('on a phone each row shows its prices and context without scrolling sideways; the rest scrolls in', async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    await open(page, '/models?q=gpt-4o')
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    const row = rows(page).first()
    const figures = row.getByTestId('key-figures')
    await expect(figures).toBeVisible()
    // Inside the screen, with the table not scrolled.
    const box = (await figures.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    // The same figures as the row's Input, Output and Context cells (which are off to the right).
    const cell = async (title: string) => (await column(page, title))[0]!
    const [input, output] = [await cell('Input'), await cell('Output')]
    expect(price(input)).toBeGreaterThan(0)
    const tokens = Number((await cell('Context')).replace(/,/g, ''))
    const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 }).format(tokens)
    await expect(figures).toHaveText(`In ${input} · Out ${output} · ${compact} context`)
    // The other columns are a swipe away: the table scrolls sideways, and the Input column's header scrolls into view.
    const scroller = page.getByTestId('models-scroll')
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    const inputHeader = page.getByRole('columnheader', { name: 'Input', exact: true })
    await expect(inputHeader).not.toBeInViewport()
    await inputHeader.scrollIntoViewIfNeeded()
    await expect(inputHeader).toBeInViewport()
    // Selection still works from the row.
    await row.locator('input[type=checkbox]').check()
    await expect(page).toHaveURL(/[?&]sel=/)
    // The filters fold behind a toggle on a phone.
    await expect(page.getByText('Filter by Vendor')).toBeHidden()
    await page
      .locator('label')
      .filter({ hasText: /^Filters$/ })
      .click()
    await expect(page.getByText('Filter by Vendor')).toBeVisible()
    await context.close()

    // Without JavaScript too (the server's page of the table).
    const noJs = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      javaScriptEnabled: false,
    })
    const still = await noJs.newPage()
    await still.goto('/models?q=gpt-4o')
    const staticFigures = still.getByTestId('models-table').locator('tbody tr').first().getByTestId('key-figures')
    await expect(staticFigures).toBeVisible()
    await expect(staticFigures).toHaveText(`In ${input} · Out ${output} · ${compact} context`)
    const staticBox = (await staticFigures.boundingBox())!
    expect(staticBox.x + staticBox.width).toBeLessThanOrEqual(390)
    await noJs.close()
  })
})
