/**
 * The model page's code snippets, end to end: the built page's code (server HTML with
 * JavaScript off, and what the panel shows after typing) runs against the site's proxy and must
 * send exactly what was typed. The proxy calls go to a second production server of the same build with
 * its own mock upstream (test-support/snippets/site-server.ts), so they never disturb proxy.spec.ts.
 *
 * The page's snippets point at SITE_URL as built (default http://localhost:3000). curl runs
 * byte for byte as shown, with curl's own `connect-to` (in a CURL_HOME/.curlrc) sending that
 * origin to the test server; the other languages get the origin string replaced.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { parse } from 'yaml'

import type { SnippetInput, SnippetLanguage, SnippetModel } from '../lib/snippets'
import { DEFAULT_MESSAGE, generateSnippet, LANGUAGE_IDS, LANGUAGES, proxyTarget } from '../lib/snippets'
import { MODELS_LIST_LANGUAGES, modelsListSnippet } from '../lib/snippets/models-list'
import type { RunResult, SnippetJob } from '../test-support/snippets/run'
import { hasTool, PROJECT_DIR, printedAnswer, runSnippets, workDir } from '../test-support/snippets/run'
import type { SiteServer } from '../test-support/snippets/site-server'
import { SNIPPET_PROXY_KEY, startSiteServer } from '../test-support/snippets/site-server'
import { TRICKY_MESSAGES } from '../test-support/snippets/tricky-messages'

test.describe.configure({ mode: 'serial' })
test.use({ actionTimeout: 15_000 })

const MINI = '/models/openai/gpt-4o-mini'

/** A model as the generator sees it, read from its content file. */
function contentModel(id: string): SnippetModel & { mode: string } {
  const doc = parse(readFileSync(join(PROJECT_DIR, 'content/models', `${id}.yaml`), 'utf8')) as SnippetModel & {
    mode: string
  }
  return { ...doc, id, parameters: doc.parameters ?? [] }
}
const MINI_MODEL = contentModel('openai/gpt-4o-mini')

let server: SiteServer
let work: ReturnType<typeof workDir>
let curlHome: string
/** The origin the pages were built with (SITE_URL), read from the page's own curl command. */
let siteUrl: string

test.beforeAll(async ({ browser }) => {
  server = await startSiteServer()
  work = workDir('e2e')
  const page = await browser.newPage({ javaScriptEnabled: false })
  await page.goto(MINI)
  const shown = (await page.locator('#code pre').textContent()) ?? ''
  await page.close()
  siteUrl = /curl '(https?:\/\/[^'/]+)\/api\/v1\/chat\/completions'/.exec(shown)?.[1] ?? ''
  expect(siteUrl, 'the model page shows a curl command for the proxy').not.toBe('')
  const { hostname, port, protocol } = new URL(siteUrl)
  curlHome = join(work.dir, 'curl-home')
  mkdirSync(curlHome)
  writeFileSync(
    join(curlHome, '.curlrc'),
    `connect-to = ${hostname}:${port || (protocol === 'https:' ? 443 : 80)}:127.0.0.1:${server.port}\n`,
  )
})
test.afterAll(async () => {
  await server?.stop()
  work?.cleanup()
})

const proxyInput = (over: Partial<SnippetInput> = {}): SnippetInput => ({
  model: MINI_MODEL,
  target: proxyTarget(siteUrl, MINI_MODEL.id),
  message: DEFAULT_MESSAGE,
  ...over,
})

/** Runs code shown on a page against the test server (see the header comment). */
function runShown(jobs: SnippetJob[]): Promise<RunResult[]> {
  const redirected = jobs.map((j) =>
    j.lang === 'curl' ? j : { ...j, code: j.code.replaceAll(siteUrl, server.origin) },
  )
  return runSnippets(redirected, work.dir, { YOUR_API_KEY: SNIPPET_PROXY_KEY, CURL_HOME: curlHome })
}

const codeOf = (page: Page) => page.locator('#code pre')
const panel = (page: Page) => page.locator('#code')
/**
 * Opens the page, scrolls to the snippet panel as a reader would (its JavaScript loads when it
 * comes near the viewport) and waits until it is live (input before that is not kept).
 */
async function openReady(page: Page, url: string) {
  await page.goto(url)
  await panel(page).scrollIntoViewIfNeeded()
  await expect(page.getByTestId('snippet-panel')).toHaveAttribute('data-ready', 'true')
}
const tab = (page: Page, lang: SnippetLanguage) =>
  panel(page).getByRole('tab', { name: LANGUAGES[lang].label, exact: true })

test('the default curl command is in the server HTML, highlighted, and runs as it is', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(MINI)
  await expect(codeOf(page)).toHaveCount(1)
  const code = (await codeOf(page).textContent()) ?? ''
  expect(code).toBe(generateSnippet(proxyInput(), 'curl'))
  // Highlighted at build time: coloured spans, no highlighter script.
  expect(await codeOf(page).locator('span[class^=sk]').count()).toBeGreaterThan(5)
  expect(await page.locator('script[src*="shiki"]').count()).toBe(0)
  // The panel's fields need JavaScript: hidden without it, where the curl command is the panel.
  // (Scrolled to first: a section far below renders when near, and is not visible before.)
  await page.locator('#code').scrollIntoViewIfNeeded()
  await expect(page.locator('#code pre')).toBeVisible()
  await expect(page.locator('#code').getByLabel('Message')).toBeHidden()
  await expect(page.locator('#code').getByText('Options', { exact: true })).toBeHidden()
  expect(await page.locator('#code noscript').textContent()).toContain('Other languages and options need JavaScript')
  await context.close()

  server.mock.reset()
  const [once] = await runShown([{ lang: 'curl', code }])
  expect(once!.code, once!.stderr).toBe(0)
  expect(printedAnswer('curl', false, once!.stdout)).toBe(`Echo: ${DEFAULT_MESSAGE}\n`)
  expect(server.mock.requests).toHaveLength(1)
  expect(server.mock.requests[0]!.body.model).toBe('gpt-4o-mini')
})

test('tricky messages typed into the page come out of every language exactly, through the proxy', async ({ page }) => {
  test.setTimeout(600_000)
  await openReady(page, MINI)
  const jobs: Array<SnippetJob & { expect: string; stream: boolean; what: string }> = []
  for (const m of TRICKY_MESSAGES) {
    // A textarea holds line breaks as \n only (HTML normalises \r\n): that is what the page sends.
    const typed = m.text.replace(/\r\n?/g, '\n')
    await panel(page).getByLabel('Message', { exact: true }).fill(m.text)
    for (const lang of LANGUAGE_IDS) {
      await tab(page, lang).click()
      for (const stream of [false, true]) {
        await panel(page).getByLabel('Stream the answer').setChecked(stream)
        const expected = generateSnippet(proxyInput({ message: typed, stream }), lang)
        // What the page shows is exactly what the generator makes.
        await expect.poll(() => codeOf(page).textContent()).toBe(expected)
        const base = {
          code: expected,
          expect: `Echo: ${typed}\n`,
          stream,
          what: `${lang} ${stream ? 'stream' : 'once'} ${m.name}`,
        }
        if (lang === 'curl') {
          jobs.push({ ...base, lang }, { ...base, lang, paste: 'bash', what: `${base.what} (pasted into bash)` })
          if (hasTool('zsh')) jobs.push({ ...base, lang, paste: 'zsh', what: `${base.what} (pasted into zsh)` })
        } else if ((lang !== 'go' || hasTool('go')) && (lang !== 'python' || hasTool('python3:openai'))) {
          jobs.push({ ...base, lang })
        }
      }
    }
  }
  server.mock.reset()
  const results = await runShown(jobs)
  const problems = results.flatMap((r, i) => {
    const j = jobs[i]!
    if (r.code !== 0) return [`${j.what}: exit ${r.code}: ${r.stderr.slice(0, 300)}`]
    const got = printedAnswer(j.lang, j.stream, r.stdout)
    return got === j.expect ? [] : [`${j.what}: printed ${JSON.stringify(got)}`]
  })
  expect(problems).toEqual([])
  expect(server.mock.requests).toHaveLength(jobs.length)
  if (!hasTool('go'))
    test.info().annotations.push({ type: 'skipped', description: 'Go snippets not run: no Go toolchain' })
  if (!hasTool('python3:openai'))
    test.info().annotations.push({
      type: 'skipped',
      description: 'Python SDK snippets not run: the openai package is not installed for python3',
    })
})

test('the panel goes live when the reader comes near it, and a first click on it is not lost', async ({ page }) => {
  await page.goto(MINI)
  // The page is live (its header's copy button answers) while the panel, screens below, is still
  // the server's HTML: its JavaScript has not loaded.
  await expect(page.getByRole('button', { name: 'Copy id: openai/gpt-4o-mini' })).toHaveAttribute('data-ready', 'true')
  await expect(page.getByTestId('snippet-panel')).toHaveAttribute('data-ready', 'false')
  // Straight to a tab, no waiting: the click (on the server's copy, or the live panel if it was
  // quicker) selects it.
  await tab(page, 'python').click()
  await expect(tab(page, 'python')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('snippet-panel')).toHaveAttribute('data-ready', 'true')
  await expect(page).toHaveURL(/[?&]lang=python/)
  await expect
    .poll(() => codeOf(page).textContent())
    .toBe(generateSnippet(proxyInput({ message: DEFAULT_MESSAGE, stream: false }), 'python'))
})

test('the other languages come with the live panel, in one file the browser keeps', async ({ page }) => {
  const file = page.waitForResponse((r) => /\/snippets\/[0-9a-f]{16}\.json$/.test(new URL(r.url()).pathname))
  await openReady(page, MINI)
  const res = await file
  expect(res.status()).toBe(200)
  expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  await tab(page, 'go').click()
  await expect
    .poll(() => codeOf(page).textContent())
    .toBe(generateSnippet(proxyInput({ message: DEFAULT_MESSAGE, stream: false }), 'go'))
})

test('language and options live in the URL; the last language is remembered', async ({ page }) => {
  await openReady(page, MINI)
  await tab(page, 'python').click()
  await expect(tab(page, 'python')).toHaveAttribute('aria-selected', 'true')
  await expect(page).toHaveURL(/[?&]lang=python/)
  await panel(page).getByLabel('Stream the answer').check()
  await panel(page).getByLabel('Message', { exact: true }).fill('From the URL')
  await expect(page).toHaveURL(/stream=1/)
  await expect(page).toHaveURL(/message=From\+the\+URL/)

  await page.reload()
  await panel(page).scrollIntoViewIfNeeded()
  await expect(tab(page, 'python')).toHaveAttribute('aria-selected', 'true')
  await expect(panel(page).getByLabel('Stream the answer')).toBeChecked()
  await expect
    .poll(() => codeOf(page).textContent())
    .toBe(generateSnippet(proxyInput({ message: 'From the URL', stream: true }), 'python'))

  // Another model page, no parameters: the language chosen last.
  await openReady(page, '/models/openai/gpt-4o')
  await expect(tab(page, 'python')).toHaveAttribute('aria-selected', 'true')
  await expect(page).not.toHaveURL(/stream=1/)

  // Arrow keys move along the tabs (WAI-ARIA tabs).
  await tab(page, 'python').focus()
  await page.keyboard.press('ArrowRight')
  await expect(tab(page, 'typescript')).toBeFocused()
  await expect(tab(page, 'typescript')).toHaveAttribute('aria-selected', 'true')
})

test('the copy button copies exactly the code shown, and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openReady(page, `${MINI}?lang=go&stream=1&message=${encodeURIComponent(`it's "$x" \`y\` 🎉`)}`)
  await expect
    .poll(() => codeOf(page).textContent())
    .toBe(generateSnippet(proxyInput({ message: `it's "$x" \`y\` 🎉`, stream: true }), 'go'))
  const button = panel(page).getByRole('button', { name: 'Copy code' })
  await button.click()
  await expect(panel(page).getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await codeOf(page).textContent())
})

test('options appear where the model supports them and change the code', async ({ page }) => {
  await openReady(page, MINI)
  await panel(page).getByText('Options', { exact: true }).click()
  for (const label of [
    'Temperature',
    'Max tokens',
    'Top P',
    'Seed',
    'Stop sequence',
    'JSON output with a schema',
    'Tool calling example',
    'Send an image',
  ]) {
    await expect(panel(page).getByLabel(label, { exact: true })).toBeVisible()
  }
  await expect(panel(page).getByLabel('Reasoning effort')).toHaveCount(0) // gpt-4o-mini does not reason
  await panel(page).getByLabel('Tool calling example').check()
  await panel(page).getByLabel('Temperature', { exact: true }).check()
  await panel(page).getByLabel('Temperature value').fill('0.3')
  await expect(page).toHaveURL(/tools=1/)
  await expect(page).toHaveURL(/temperature=0.3/)
  await expect
    .poll(() => codeOf(page).textContent())
    .toBe(generateSnippet(proxyInput({ options: { tools: true, temperature: 0.3 } }), 'curl'))

  // A model that reasons offers reasoning effort; one without a parameter list offers no sampling options.
  const all = readdirSync(join(PROJECT_DIR, 'content/models'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => contentModel(f.replace(/\.yaml$/, '')))
    .filter((m) => m.mode === 'chat')
  const reasoning = all.find((m) => m.capabilities.reasoning && m.parameters.some((p) => p.name === 'reasoning'))
  const unknown = all.find((m) => m.parameters.length === 0)
  expect(reasoning && unknown, 'the catalog has a reasoning model and one without a parameter list').toBeTruthy()
  await openReady(page, `/models/${reasoning!.id}?reasoning_effort=high`)
  await expect(panel(page).getByLabel('Reasoning effort')).toHaveValue('high')
  await expect(codeOf(page)).toContainText('"reasoning_effort": "high"')
  await openReady(page, `/models/${unknown!.id}`)
  await panel(page).getByText('Options', { exact: true }).click()
  await expect(panel(page).getByLabel('Max tokens', { exact: true })).toBeVisible()
  await expect(panel(page).getByLabel('Temperature', { exact: true })).toHaveCount(0)
})

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious in the panel with every control shown (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openReady(page, `${MINI}?lang=go&stream=1&tools=1&json_schema=1&image=1&temperature=0.5&system=Hi`)
    await expect(panel(page).locator('details')).toHaveAttribute('open', '')
    const results = await new AxeBuilder({ page }).include('#code').analyze()
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

test('calling a provider directly: its base URL, model id and key variable, and the code works', async ({ page }) => {
  await openReady(page, MINI)
  await panel(page).getByLabel('Send to').selectOption('openai')
  await tab(page, 'javascript').click()
  const code = (await codeOf(page).textContent()) ?? ''
  expect(code).toContain('"https://api.openai.com/v1/chat/completions"')
  expect(code).toContain('process.env.OPENAI_API_KEY')
  expect(code).toContain('model: "gpt-4o-mini"')
  await expect(panel(page)).toContainText('Key from OPENAI_API_KEY')
  server.mock.reset()
  const [r] = await runSnippets(
    [{ lang: 'javascript', code: code.replace('https://api.openai.com/v1', server.mock.baseUrl('direct')) }],
    work.dir,
    { OPENAI_API_KEY: 'sk-direct' },
  )
  expect(r!.code, r!.stderr).toBe(0)
  expect(r!.stdout).toBe(`Echo: ${DEFAULT_MESSAGE}\n`)
  expect(server.mock.requests.map((q) => [q.provider, q.authorization, q.body.model])).toEqual([
    ['direct', 'Bearer sk-direct', 'gpt-4o-mini'],
  ])
})

test('the models list snippets run against the site', async () => {
  const langs = MODELS_LIST_LANGUAGES.filter((l) => l !== 'go' || hasTool('go'))
  const results = await runSnippets(
    langs.map((lang) => ({ lang, code: modelsListSnippet(lang, server.origin) })),
    work.dir,
  )
  const expected = (
    (await (await fetch(`${server.origin}/api/v1/models`)).json()) as { data: Array<{ id: string; name: string }> }
  ).data
  expect(expected.length).toBeGreaterThan(100)
  for (const [i, r] of results.entries()) {
    expect(r.code, `${langs[i]}: ${r.stderr}`).toBe(0)
    if (langs[i] === 'curl') expect(JSON.parse(r.stdout).data).toHaveLength(expected.length)
    else expect(r.stdout).toBe(expected.map((m) => `${m.id}\t${m.name}\n`).join(''))
  }
})

test('page weight: a model page stays under 60 KB of HTML and 30 KB of its own JavaScript (gzipped)', async ({
  request,
}) => {
  const gz = (b: Buffer) => gzipSync(b).length
  const scripts = (html: string) => new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))
  const html = await (await request.get(MINI)).body()
  // Shared JavaScript: what the home and providers pages load too (framework, layout).
  const home = scripts(await (await request.get('/')).text())
  const providers = scripts(await (await request.get('/providers')).text())
  const own: Array<[string, number]> = []
  for (const src of scripts(html.toString())) {
    if (home.has(src) && providers.has(src)) continue
    own.push([src, gz(await (await request.get(src)).body())])
  }
  const ownTotal = own.reduce((sum, [, n]) => sum + n, 0)
  test.info().annotations.push({
    type: 'page weight',
    description: `HTML ${(gz(html) / 1024).toFixed(1)} KB gz; own JS ${(ownTotal / 1024).toFixed(1)} KB gz: ${own.map(([s, n]) => `${s} ${(n / 1024).toFixed(1)} KB`).join(', ')}`,
  })
  expect(gz(html)).toBeLessThan(60 * 1024)
  expect(ownTotal, own.map(([s, n]) => `${s}: ${n} B`).join('\n')).toBeLessThan(30 * 1024)
})
