import { getModelsIndexFile } from '@/lib/catalog'

/** Built once with the site: the catalog does not change at run time. */
export const dynamic = 'force-static'

/**
 * Every row of the models index, packed (lib/table/packed.ts): the live table's data, fetched
 * at the reader's first sign of use so the page's HTML holds only the rows it shows. The page
 * links it as `/models/index.json?v=<version>`; a new catalog is a new version, and server.ts
 * lets browsers keep a versioned address for good (lib/server/http-cache.ts).
 */
export function GET() {
  return new Response(getModelsIndexFile().body, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}
