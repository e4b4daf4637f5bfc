import type { NextRequest } from 'next/server'
import { NextResponse } from 'next/server'

/**
 * Model, vendor and provider ids are lower case (lib/catalog/integrity.ts), so a page address
 * typed or pasted with capitals (`/models/OpenAI/GPT-4o-mini`) is sent, permanently, to its
 * lower-case form instead of a 404. Runs for those three page trees only.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  const lower = pathname.toLowerCase()
  if (lower === pathname) return NextResponse.next()
  const url = request.nextUrl.clone()
  url.pathname = lower
  return NextResponse.redirect(url, 308)
}

export const config = { matcher: ['/models/:path+', '/vendors/:path+', '/providers/:path+'] }
