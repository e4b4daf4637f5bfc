import { site } from '@/lib/site'

/**
 * Where a visitor's key for this site comes from: the site's operator issues caller keys (the
 * server's `CHAT_PROXY_KEYS`); provider keys never reach callers. Links to the README's "Caller
 * keys" section where the site knows where its source is published (`SOURCE_URL`).
 */
export function CallerKeyNote() {
  return (
    <span data-testid="caller-key-note">
      Calls through this site need a caller key, sent as <code>Authorization: Bearer &lt;key&gt;</code>. The site&apos;s
      operator issues them (the server&apos;s <code>CHAT_PROXY_KEYS</code> setting), so ask whoever runs this site for
      one
      {site.sourceUrl ? (
        <>
          {'; '}
          <a href={`${site.sourceUrl}#caller-keys`} className="text-accent underline">
            how caller keys work
          </a>
        </>
      ) : (
        <> (the README&apos;s &ldquo;Caller keys&rdquo; section explains how they are set up)</>
      )}
      .
    </span>
  )
}
