import { getModelsIndexFile } from '@/lib/catalog'

// Dynamic only so that the Cache-Control below reaches the browser (Next gives a prerendered
// route `max-age=0`); the body is made once per server process (lib/catalog).
export const dynamic = 'force-dynamic'

/**
 * Every row of the models index, packed (lib/table/packed.ts): the live table's data, fetched
 * after the page's first paint so the page's HTML holds only the rows it shows. The page links
 * it as `/models/index.json?v=<version>`; a new catalog is a new version, so browsers keep it.
 */
export function GET() {
  return new Response(getModelsIndexFile().body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  })
}
