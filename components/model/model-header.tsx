import { MDXContent } from '@content-collections/mdx/react'

import type { Model } from '@/lib/catalog'
import { CopyButton } from '@/components/ui/copy-button'
import { Link } from '@/components/ui/link'

import { CapabilityChips } from './capability-chips'
import { StatusBadge } from './status-badge'

export function ModelHeader({ model }: { model: Model }) {
  return (
    <header className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href="/models" className="hover:underline">
              Models
            </Link>{' '}
            /
          </li>
          <li>
            <Link href={`/vendors/${model.vendor}`} className="hover:underline">
              {model.vendorName}
            </Link>{' '}
            /
          </li>
          <li aria-current="page">{model.name}</li>
        </ol>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold tracking-tight">
          <span className="sr-only">{`${model.vendorName}: `}</span>
          {model.name}
        </h1>
        <StatusBadge model={model} />
      </div>
      <p className="text-sm text-muted-foreground">
        {'by '}
        <Link href={`/vendors/${model.vendor}`} className="font-medium text-foreground hover:underline">
          {model.vendorName}
        </Link>
        {model.family ? (
          <>
            {' · family '}
            <span className="text-foreground">{model.family}</span>
          </>
        ) : null}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted-foreground">API id</span>
        <code className="rounded-md bg-muted px-2 py-1 text-sm">{model.id}</code>
        <CopyButton value={model.id} label="Copy id" accessibleName={`Copy id: ${model.id}`} />
      </div>
      {model.aliases.length > 0 ? (
        <p className="text-sm text-muted-foreground">
          Also known as{' '}
          {model.aliases.map((a, i) => (
            <span key={a}>
              {i > 0 ? ', ' : ''}
              <code>{a}</code>
            </span>
          ))}
        </p>
      ) : null}
      <div className="prose-model max-w-3xl space-y-3 leading-relaxed">
        <MDXContent code={model.prose.mdx} />
        {model.prose.generated ? (
          <p className="text-xs text-muted-foreground">
            This description was generated from the facts below; a written one is on its way.
          </p>
        ) : null}
      </div>
      <CapabilityChips model={model} />
    </header>
  )
}
