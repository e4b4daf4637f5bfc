'use client'

import { useEffect, useRef, useState } from 'react'
import { createParser } from 'eventsource-parser'

import { formatUsd } from '@/lib/pricing/format'

const STORAGE_KEY = 'chat-proxy-key'

interface Result {
  text: string
  provider?: string
  promptTokens?: number
  completionTokens?: number
  cost?: number
  error?: string
  done: boolean
}

/** Sends one message to this site's proxy and streams the answer. The key stays in localStorage. */
export function TryIt({ modelId }: { modelId: string }) {
  const [key, setKey] = useState('')
  const [message, setMessage] = useState('Say hello in five words.')
  const [result, setResult] = useState<Result | undefined>()
  const [busy, setBusy] = useState(false)
  const [ready, setReady] = useState(false)
  const abortRef = useRef<AbortController | null>(null)

  useEffect(() => {
    setKey(localStorage.getItem(STORAGE_KEY) ?? '')
    setReady(true)
    return () => abortRef.current?.abort()
  }, [])

  async function send(event: React.FormEvent) {
    event.preventDefault()
    if (!key.trim())
      return setResult({ text: '', error: 'Enter your caller key for this site first (see above).', done: true })
    localStorage.setItem(STORAGE_KEY, key.trim())
    const controller = new AbortController()
    abortRef.current = controller
    setBusy(true)
    setResult({ text: '', done: false })
    try {
      const res = await fetch('/api/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key.trim()}` },
        body: JSON.stringify({
          model: modelId,
          messages: [{ role: 'user', content: message }],
          stream: true,
          stream_options: { include_usage: true },
        }),
        signal: controller.signal,
      })
      const provider = res.headers.get('x-provider') ?? undefined
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
        return setResult({
          text: '',
          provider,
          error: body?.error?.message ?? `The proxy answered ${res.status}.`,
          done: true,
        })
      }
      let acc: Result = { text: '', provider, done: false }
      const parser = createParser({
        onEvent(e) {
          if (e.data === '[DONE]') return
          const chunk = JSON.parse(e.data) as {
            choices?: Array<{ delta?: { content?: string } }>
            usage?: { prompt_tokens: number; completion_tokens: number; cost?: number }
            error?: { message: string }
          }
          if (chunk.error) acc = { ...acc, error: chunk.error.message }
          const delta = chunk.choices?.[0]?.delta?.content
          if (delta) acc = { ...acc, text: acc.text + delta }
          if (chunk.usage)
            acc = {
              ...acc,
              promptTokens: chunk.usage.prompt_tokens,
              completionTokens: chunk.usage.completion_tokens,
              cost: chunk.usage.cost,
            }
          setResult(acc)
        },
      })
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        parser.feed(value)
      }
      setResult({ ...acc, done: true })
    } catch (e) {
      if ((e as Error).name !== 'AbortError')
        setResult((r) => ({ text: r?.text ?? '', error: 'The request failed: check your connection.', done: true }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      onSubmit={send}
      className="space-y-3 rounded-lg border bg-card p-4"
      aria-label="Try it"
      data-ready={ready ? 'true' : 'false'}
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_2fr]">
        <label className="block text-sm">
          <span className="font-medium">Proxy key</span>
          <input
            type="password"
            autoComplete="off"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            placeholder="your caller key for this site"
            className="mt-1 block min-h-10 w-full rounded-md border bg-background px-3"
          />
          <span className="mt-1 block text-xs text-muted-foreground">Kept in this browser only (localStorage).</span>
        </label>
        <label className="block text-sm">
          <span className="font-medium">Prompt</span>
          <textarea
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            rows={2}
            className="mt-1 block w-full rounded-md border bg-background px-3 py-2"
          />
        </label>
      </div>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy || !message.trim()}
          className="min-h-10 rounded-md bg-accent px-4 font-medium text-accent-foreground disabled:opacity-60"
        >
          {busy ? 'Sending…' : 'Send'}
        </button>
        {busy ? (
          <button type="button" onClick={() => abortRef.current?.abort()} className="min-h-10 rounded-md border px-4">
            Stop
          </button>
        ) : null}
      </div>
      <noscript>
        <p className="text-sm text-muted-foreground">
          This panel needs JavaScript. Without it, use the curl command above.
        </p>
      </noscript>
      {result ? (
        <div aria-live="polite" className="space-y-2 text-sm">
          {result.text ? (
            <p className="rounded-md bg-muted p-3 whitespace-pre-wrap" data-testid="try-it-answer">
              {result.text}
            </p>
          ) : null}
          {result.error ? (
            <p role="alert" className="rounded-md bg-danger-soft p-3 text-danger">
              {result.error}
            </p>
          ) : null}
          {result.provider || result.cost !== undefined ? (
            <p className="text-xs text-muted-foreground" data-testid="try-it-meta">
              {result.provider ? (
                <>
                  Served by <strong>{result.provider}</strong>
                </>
              ) : null}
              {result.promptTokens !== undefined ? (
                <>
                  {' '}
                  · {result.promptTokens} input + {result.completionTokens} output tokens
                </>
              ) : null}
              {result.cost !== undefined ? <> · cost {formatUsd(result.cost)}</> : null}
            </p>
          ) : null}
        </div>
      ) : null}
    </form>
  )
}
