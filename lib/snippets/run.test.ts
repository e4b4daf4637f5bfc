/**
 * Generated snippets, run for real against a loopback OpenAI-compatible mock (it answers
 * "Echo: <last user message>"): each tricky message must come back exactly, in every language,
 * streaming or not; every option must reach the upstream as the API expects; streams must print
 * as they arrive; HTTP errors must fail loudly. The browser tests repeat the essentials against
 * the built site's proxy (e2e/snippets.spec.ts).
 *
 * Needs bash, curl, python3 and node; zsh, Go and Python's `openai` package are used where
 * installed (skipped with a message otherwise).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { MockUpstream } from '@/test-support/mock-upstream'
import { startMockUpstream } from '@/test-support/mock-upstream'
import { ALL_OPTIONS, FULL_MODEL } from '@/test-support/snippet-fixtures'
import type { RunResult } from '@/test-support/snippets/run'
import { hasTool, printedAnswer, runSnippets, workDir } from '@/test-support/snippets/run'
import { TRICKY_MESSAGES } from '@/test-support/snippets/tricky-messages'

import type { SnippetInput, SnippetLanguage } from './index'
import { generateSnippet, LANGUAGE_IDS } from './index'

const KEY = 'sk-snippet-test'
let mock: MockUpstream
const work = workDir('run')

beforeAll(async () => {
  mock = await startMockUpstream(0)
})
afterAll(async () => {
  await mock?.close()
  work.cleanup()
})
beforeEach(() => mock.reset())

const input = (provider: string, over: Partial<SnippetInput>): SnippetInput => ({
  model: FULL_MODEL,
  target: { baseUrl: mock.baseUrl(provider), modelId: 'omni-1', apiKeyEnv: 'YOUR_API_KEY' },
  message: 'Hello!',
  ...over,
})

/** How a user runs each language here: curl as a script and pasted into interactive bash and zsh. */
type Runner = { name: string; lang: SnippetLanguage; paste?: 'bash' | 'zsh'; needs?: string }
const RUNNERS: Runner[] = [
  { name: 'curl (script)', lang: 'curl' },
  { name: 'curl pasted into bash', lang: 'curl', paste: 'bash' },
  { name: 'curl pasted into zsh', lang: 'curl', paste: 'zsh', needs: 'zsh' },
  { name: 'python (openai SDK)', lang: 'python', needs: 'python3:openai' },
  { name: 'typescript (openai SDK)', lang: 'typescript' },
  { name: 'javascript (fetch)', lang: 'javascript' },
  { name: 'python (urllib)', lang: 'python-urllib' },
  { name: 'go (net/http)', lang: 'go', needs: 'go' },
]
const skipped = RUNNERS.filter((r) => r.needs && !hasTool(r.needs))
const runners = RUNNERS.filter((r) => !skipped.includes(r))

const answer = printedAnswer

function runAll(jobs: Array<{ runner: Runner; code: string }>, env: Record<string, string> = {}): Promise<RunResult[]> {
  return runSnippets(
    jobs.map((j) => ({ lang: j.runner.lang, code: j.code, paste: j.runner.paste })),
    work.dir,
    { YOUR_API_KEY: KEY, ...env },
  )
}

describe('snippets run against a mock upstream', () => {
  it('reports what is not run here', () => {
    for (const r of skipped) console.warn(`snippet runs skipped for ${r.name}: ${r.needs} is not available`)
    expect(runners.length).toBeGreaterThanOrEqual(5)
  })

  it('sends every tricky message exactly, in every language, streaming and not', async () => {
    const jobs = runners.flatMap((runner) =>
      [false, true].flatMap((stream) =>
        TRICKY_MESSAGES.map((m) => ({
          runner,
          stream,
          message: m,
          code: generateSnippet(input('tricky', { message: m.text, stream }), runner.lang),
        })),
      ),
    )
    const results = await runAll(jobs)
    const problems = results.flatMap((r, i) => {
      const j = jobs[i]!
      const where = `${j.runner.name}, ${j.stream ? 'stream' : 'once'}, ${j.message.name}`
      if (r.code !== 0) return [`${where}: exit ${r.code}: ${r.stderr.slice(0, 400)}`]
      const got = answer(j.runner.lang, j.stream, r.stdout)
      return got === `Echo: ${j.message.text}\n` ? [] : [`${where}: printed ${JSON.stringify(got)}`]
    })
    expect(problems).toEqual([])
    // Every request reached the upstream with the caller's key.
    expect(mock.requests).toHaveLength(jobs.length)
    for (const req of mock.requests) expect(req.authorization).toBe(`Bearer ${KEY}`)
  }, 600_000)

  it('sends every option as the API expects, identically from every language', async () => {
    const jobs = runners.flatMap((runner) =>
      [false, true].map((stream) => ({
        runner,
        stream,
        code: generateSnippet(
          input('options', { message: `${runner.name} ${stream}`, system: 'Be brief.', options: ALL_OPTIONS, stream }),
          runner.lang,
        ),
      })),
    )
    const results = await runAll(jobs)
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([])
    for (const [i, j] of jobs.entries()) {
      const req = mock.requests.find((r) => JSON.stringify(r.body).includes(`${j.runner.name} ${j.stream}`))
      expect(req, j.runner.name).toBeDefined()
      const { messages, tools, response_format: format, ...rest } = req!.body as Record<string, unknown>
      expect(rest, `${j.runner.name} ${i}`).toEqual({
        model: 'omni-1',
        temperature: 0.2,
        max_tokens: 300,
        top_p: 0.5,
        stop: ['STOP'],
        seed: 7,
        reasoning_effort: 'high',
        tool_choice: 'auto',
        ...(j.stream ? { stream: true } : {}),
      })
      expect(messages).toEqual([
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: `${j.runner.name} ${j.stream}` },
            { type: 'image_url', image_url: { url: ALL_OPTIONS.imageUrl } },
          ],
        },
      ])
      expect(tools).toEqual([
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Get the current weather in a city',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        },
      ])
      expect(format).toEqual({
        type: 'json_schema',
        json_schema: {
          name: 'answer',
          strict: true,
          schema: {
            type: 'object',
            properties: { answer: { type: 'string' } },
            required: ['answer'],
            additionalProperties: false,
          },
        },
      })
    }
  }, 600_000)

  it('prints a stream as it arrives, not at the end', async () => {
    mock.setFaults({ slow: { fault: { kind: 'slow', delayMs: 250 } } })
    // Bash pastes print their prompts first; the script run shows curl's own timing.
    const timed = runners.filter((r) => !r.paste)
    const jobs = timed.map((runner) => ({
      runner,
      code: generateSnippet(input('slow', { message: 'a somewhat longer answer, please', stream: true }), runner.lang),
    }))
    const results = await runAll(jobs)
    for (const [i, r] of results.entries()) {
      const name = jobs[i]!.runner.name
      expect(r.code, `${name}: ${r.stderr}`).toBe(0)
      expect(answer(jobs[i]!.runner.lang, true, r.stdout)).toBe('Echo: a somewhat longer answer, please\n')
      // 7 events 250 ms apart: the first text must show up well before the last.
      expect(r.firstOutputMs, name).toBeDefined()
      expect(r.ms - r.firstOutputMs!, `${name}: first output ${r.firstOutputMs} ms of ${r.ms} ms`).toBeGreaterThan(700)
    }
  }, 300_000)

  it('fails loudly on an HTTP error, showing the error body', async () => {
    mock.setFaults({
      denied: {
        fault: { kind: 'status', status: 401, body: { error: { message: 'bad key from mock', type: 'auth' } } },
      },
    })
    const programs = runners.filter((r) => r.lang !== 'curl') // curl prints the error body; its exit code is 0 without --fail
    const jobs = programs.flatMap((runner) =>
      [false, true].map((stream) => ({ runner, code: generateSnippet(input('denied', { stream }), runner.lang) })),
    )
    const results = await runAll(jobs)
    for (const [i, r] of results.entries()) {
      const name = jobs[i]!.runner.name
      expect(r.code, name).not.toBe(0)
      expect(r.stdout + r.stderr, name).toMatch(/401|bad key from mock/)
    }
    const curl = await runAll([{ runner: RUNNERS[0]!, code: generateSnippet(input('denied', {}), 'curl') }])
    expect(curl[0]!.stdout).toContain('bad key from mock')
  }, 300_000)
})

describe('the tricky messages table', () => {
  it('covers quotes, apostrophes, $, backticks, backslashes, newlines and non-ASCII', () => {
    const all = TRICKY_MESSAGES.map((m) => m.text).join('')
    for (const c of ['"', "'", '$', '`', '\\', '\n', 'é', '🎉']) expect(all).toContain(c)
    expect(LANGUAGE_IDS.filter((l) => !RUNNERS.some((r) => r.lang === l))).toEqual([])
  })
})
