// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import type { EndpointRow } from '@/lib/table/endpoints'

import { EndpointRowsTable } from './endpoint-rows-table'

const row = (provider: string, input: number, output: number, over: Partial<EndpointRow> = {}): EndpointRow => ({
  provider,
  providerName: provider.toUpperCase(),
  modelId: `${provider}-model`,
  context: 128_000,
  input,
  output,
  status: 'available',
  cheapest: false,
  ...over,
})

const rows = [
  row('a', 0.15, 0.6, { cheapest: true, cacheRead: 0.075 }),
  row('b', 0.2, 0.5, { maxOutput: 4096 }),
  row('c', 0.1, 0.9, { maxOutput: 16_384, cacheRead: 0.05 }),
  row('d', 0.3, 0.3),
  row('e', 0.25, 0.25),
  row('f', 0.4, 0.4),
  row('g', 0.5, 0.5),
]

const order = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((tr) => tr.getAttribute('data-provider'))
const header = (name: string) => screen.getByRole('columnheader', { name })

afterEach(cleanup)

describe('EndpointRowsTable (the shared sortable table)', () => {
  it('keeps the given order until a header is clicked, then sorts numerically with unknowns last', () => {
    render(
      <EndpointRowsTable
        rows={rows}
        columns={['provider', 'maxOutput', 'input', 'cacheRead']}
        rowKey="provider"
        caption="Providers"
      />,
    )
    expect(order()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
    expect(header('Input').getAttribute('aria-sort')).toBeNull()

    fireEvent.click(within(header('Input')).getByRole('button'))
    expect(header('Input').getAttribute('aria-sort')).toBe('ascending')
    expect(order()).toEqual(['c', 'a', 'b', 'e', 'd', 'f', 'g'])
    expect(screen.getByRole('status').textContent).toBe('Sorted by Input, ascending')

    fireEvent.click(within(header('Input')).getByRole('button'))
    expect(header('Input').getAttribute('aria-sort')).toBe('descending')
    expect(order()).toEqual(['g', 'f', 'd', 'e', 'b', 'a', 'c'])

    // Larger first on the first click; rows without a value stay at the end both ways.
    fireEvent.click(within(header('Max output')).getByRole('button'))
    expect(header('Max output').getAttribute('aria-sort')).toBe('descending')
    expect(order().slice(0, 2)).toEqual(['c', 'b'])
    fireEvent.click(within(header('Max output')).getByRole('button'))
    expect(order().slice(0, 2)).toEqual(['b', 'c'])
    fireEvent.click(within(header('Cache read')).getByRole('button'))
    expect(order().slice(0, 2)).toEqual(['c', 'a'])
    // Seven re-renders in jsdom: about a second alone, several on a loaded two-core machine.
  }, 20_000)

  it('sorts the measured columns: fastest first token, highest throughput and uptime first, unmeasured last', () => {
    const measured = [
      row('slow', 1, 1, { ttft: 2400, throughput: 20, uptime: 0.5 }),
      row('none', 1, 1),
      row('fast', 1, 1, { ttft: 300, throughput: 120, uptime: 0.999 }),
    ]
    render(
      <EndpointRowsTable
        rows={measured}
        columns={['provider', 'ttft', 'throughput', 'uptime']}
        rowKey="provider"
        caption="Providers"
      />,
    )
    const cells = (provider: string) =>
      [...document.querySelectorAll(`tr[data-provider="${provider}"] td`)].map((c) => c.textContent)
    expect(cells('fast')).toEqual(['300 ms', '120 tok/s', '99.9 %'])
    expect(cells('none')).toEqual(['—', '—', '—'])
    fireEvent.click(within(header('First token')).getByRole('button'))
    expect(order()).toEqual(['fast', 'slow', 'none'])
    fireEvent.click(within(header('Throughput')).getByRole('button'))
    expect(order()).toEqual(['fast', 'slow', 'none'])
    fireEvent.click(within(header('Uptime')).getByRole('button'))
    expect(order()).toEqual(['fast', 'slow', 'none'])
  })

  it('formats prices and limits like the index, and marks the cheapest offer', () => {
    render(
      <EndpointRowsTable
        rows={rows}
        columns={['provider', 'context', 'maxOutput', 'input', 'cacheRead']}
        rowKey="provider"
        caption="Providers"
      />,
    )
    const first = screen.getAllByRole('row')[1]!
    expect(first.getAttribute('data-provider')).toBe('a')
    expect(within(first).getByText('Cheapest')).toBeTruthy()
    expect(first.textContent).toContain('128,000')
    expect(first.textContent).toContain('$0.15')
    expect(first.textContent).toContain('$0.075')
    expect(first.textContent).toContain('—')
  })

  it('folds rows beyond the limit behind a "show all" checkbox', () => {
    render(
      <EndpointRowsTable
        rows={rows}
        columns={['provider', 'input']}
        rowKey="provider"
        caption="Providers"
        foldAfter={5}
        foldNoun="providers"
      />,
    )
    const toggle = screen.getByRole('checkbox', { name: 'Show all 7 providers (+2)' })
    expect(toggle).toBeTruthy()
    const folded = screen.getAllByRole('row', { hidden: true }).filter((tr) => tr.hasAttribute('data-folded'))
    expect(folded.map((tr) => tr.getAttribute('data-provider'))).toEqual(['f', 'g'])
  })
})
