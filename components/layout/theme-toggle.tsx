'use client'

import { useEffect, useState } from 'react'

type Theme = 'system' | 'light' | 'dark'
const ORDER: Theme[] = ['system', 'light', 'dark']

/** Cycles system → light → dark; the choice lives in localStorage (applied before paint by the layout's script). */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>('system')
  useEffect(() => {
    const saved = localStorage.getItem('theme')
    if (saved === 'light' || saved === 'dark') setTheme(saved)
  }, [])
  function next() {
    const t = ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length] ?? 'system'
    setTheme(t)
    if (t === 'system') {
      localStorage.removeItem('theme')
      delete document.documentElement.dataset.theme
    } else {
      localStorage.setItem('theme', t)
      document.documentElement.dataset.theme = t
    }
  }
  return (
    <button
      type="button"
      onClick={next}
      className="whitespace-nowrap rounded-md border px-2.5 py-1 text-xs hover:bg-muted"
      aria-label={`Colour theme: ${theme}. Change theme`}
    >
      Theme: {theme}
    </button>
  )
}
