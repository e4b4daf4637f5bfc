import { indexExport } from '@/lib/server/index-export'

/** Every row of the index's view in the query, as JSON (lib/server/index-export.ts). */
export function GET(request: Request) {
  return indexExport(new URL(request.url), 'json')
}
