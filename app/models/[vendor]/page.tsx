import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { getModels, getVendors } from '@/lib/catalog'
import { lookupBareName } from '@/lib/catalog/lookup'
import { Link } from '@/components/ui/link'

type Props = { params: Promise<{ vendor: string }> }

export const metadata: Metadata = { title: 'Which model did you mean?', robots: { index: false } }

/**
 * `/models/<name>`, one segment: a bare model id (`gpt-4o-mini`), an alias or a vendor, in any
 * case. One model → its page (308); several → a choice; a vendor → its page; else the 404.
 * Rendered on request: the names are endless, the answers cheap.
 */
export default async function BareModelPage({ params }: Props) {
  const { vendor: raw } = await params
  let name = raw
  try {
    name = decodeURIComponent(raw)
  } catch {
    // Not percent-encoded after all: look it up as it is.
  }
  const found = lookupBareName(name, getModels(), getVendors())
  if (!found) notFound()
  if ('redirect' in found) permanentRedirect(found.redirect)
  return (
    <div className="mx-auto max-w-xl space-y-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Which model did you mean?</h1>
      <p className="text-muted-foreground">
        Several models are called <code>{name}</code>. Model addresses name the vendor too:
      </p>
      <ul className="space-y-2" data-testid="did-you-mean">
        {found.choices.map((m) => (
          <li key={m.id}>
            <Link href={`/models/${m.id}`} prefetch={false} className="font-medium text-accent hover:underline">
              {m.name}
            </Link>{' '}
            <span className="text-sm text-muted-foreground">
              by {m.vendorName} · <code>{m.id}</code>
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
