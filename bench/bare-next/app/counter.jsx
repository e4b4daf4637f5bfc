'use client'

import { useState } from 'react'

/** The one client component: enough to load React, the router and hydration, as any real page does. */
export function Counter() {
  const [n, setN] = useState(0)
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      Clicked {n} times
    </button>
  )
}
