import { Link } from '@/components/ui/link'
import { SearchForm } from '@/components/layout/search-form'

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4 py-12 text-center">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-3xl font-bold tracking-tight">We could not find that page</h1>
      <p className="text-muted-foreground">
        The model, vendor or provider may have been renamed, or the address has a typo. Model addresses look like{' '}
        <code>/models/openai/gpt-4o-mini</code>.
      </p>
      <SearchForm id="notfound-search" />
      <p className="flex justify-center gap-4 text-sm">
        <Link href="/" className="text-accent hover:underline">
          Home
        </Link>
        <Link href="/models" className="text-accent hover:underline">
          All models
        </Link>
        <Link href="/providers" className="text-accent hover:underline">
          Providers
        </Link>
      </p>
    </div>
  )
}
