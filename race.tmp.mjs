import { chromium } from '@playwright/test'
const base = 'http://127.0.0.1:3160'
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
for (let run = 0; run < 6; run++) {
  const p = await b.newPage()
  await p.addInitScript(() => {
    const log = (window.__log = [])
    for (const k of ['pushState', 'replaceState']) {
      const orig = History.prototype[k]
      History.prototype[k] = function (data, u, url) { log.push(`${performance.now().toFixed(0)} proto.${k} ${url ?? ''}`); return orig.call(this, data, u, url) }
    }
    addEventListener('popstate', () => log.push(`${performance.now().toFixed(0)} popstate ${location.search}`))
  })
  p.on('request', (r) => { if (r.url().includes('/models') && r.headers()['rsc']) p.evaluate((u) => window.__log.push(`${performance.now().toFixed(0)} RSC fetch ${u}`), r.url()).catch(() => {}) })
  await p.goto(base + '/models?vendor=openai&cap=tools&ctx=128000')
  await p.locator('[data-testid=models-index][data-ready]').waitFor({ state: 'attached' })
  await p.getByLabel('Hide deprecated').check()
  await p.waitForURL(/hide=deprecated/)
  await p.getByRole('columnheader', { name: 'Output', exact: true }).getByRole('button').click()
  await p.waitForURL(/sort=output/)
  await p.goBack(); await p.waitForURL(/hide=deprecated$/)
  await p.goBack(); await p.waitForURL(/ctx=128000$/)
  await p.getByRole('button', { name: 'Remove filter Vendor: OpenAI' }).click()
  await p.waitForTimeout(1500)
  const url = p.url()
  const log = await p.evaluate(() => window.__log)
  console.log(`run ${run}: ${url.includes('vendor=openai') ? 'LOST' : 'ok'} ${url}`)
  if (url.includes('vendor=openai')) console.log(log.join('\n'))
  await p.close()
}
await b.close()
