import { getModels } from '@/lib/catalog'
import { packOptions } from '@/lib/compare/picker-options'
import { pickerOptions } from '@/lib/compare/selection'

/** Built once with the site: the list the compare picker fetches when first used. */
export const dynamic = 'force-static'

export function GET() {
  return Response.json(packOptions(pickerOptions(getModels())))
}
