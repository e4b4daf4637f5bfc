/**
 * The curl snippet for the site's own proxy. The full multi-language generator builds on this
 * module (see the snippets issue); this is the model page's default.
 */

/** Quotes a string for POSIX shells (bash, zsh): single quotes, with `'` written as `'\''`. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}

export interface CurlInput {
  /** Absolute origin of the site, e.g. https://example.com */
  siteUrl: string
  modelId: string
  message: string
  /** Shell expression for the key; `$CHAT_PROXY_KEY` reads it from the environment. */
  apiKey?: string
}

export function curlSnippet({ siteUrl, modelId, message, apiKey = '$YOUR_API_KEY' }: CurlInput): string {
  const body = JSON.stringify({ model: modelId, messages: [{ role: 'user', content: message }] }, null, 2)
  return [
    `curl ${shellQuote(`${siteUrl}/api/v1/chat/completions`)} \\`,
    `  -H "Authorization: Bearer ${apiKey}" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
  ].join('\n')
}
