import { snippetTemplateFiles } from '@/lib/snippets/panel-data'

/** Built once with the site: one file per feature set the catalog's chat models and routers have. */
export const dynamic = 'force-static'
export const dynamicParams = false

export async function generateStaticParams() {
  return [...(await snippetTemplateFiles()).keys()].map((file) => ({ file }))
}

/**
 * Every language's highlighted snippet template for one feature set (lib/snippets/panel-data.ts),
 * fetched by a page's snippet panel when it goes live. Named by its content: a new template is
 * a new address, and server.ts lets browsers keep one for good (lib/server/http-cache.ts).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const body = (await snippetTemplateFiles()).get((await params).file)
  if (body === undefined) return new Response('Not found', { status: 404 })
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
