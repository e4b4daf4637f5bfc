/**
 * A backend that stores nothing and answers every query with "no data": for tests that replace
 * one method (usually `insert`) and for benchmarks of the queue alone. One place to extend when
 * `StoreBackend` gains a method.
 */
import type { StoreBackend } from '../db'

export function nullBackend(): StoreBackend {
  return {
    insert: async (batch) => ({ inserted: batch.length, invalid: 0 }),
    endpointStats: async () => [],
    endpointSeries: async () => [],
    popularModels: async () => [],
    generation: async () => null,
    usage: async (q) => ({
      groupBy: q.groupBy,
      rows: [],
      total: { requests: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0, reasoningTokens: 0, cost: '0' },
    }),
    prune: async () => ({ calls: 0, attempts: 0 }),
    keyState: async () => ({ keys: [], spend: [] }),
    close: async () => {},
  }
}
