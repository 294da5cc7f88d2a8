/**
 * @module
 * Overlaps fetching with processing: as soon as a fetch returns, the next one (at the positions
 * right after it) is sent, so the broker works while the loop processes and commits. The early
 * fetch is used only when the loop asks for exactly those positions; after a rewind, a rebalance or
 * a partial batch it is dropped and a fresh fetch is made.
 */
import type { Consumer } from '@platformatic/kafka'
import { type FetchedPartition, type FetchPosition, type FetchSettings, fetchPartitions } from './fetcher.ts'

type Outcome = { readonly parts: FetchedPartition[] } | { readonly error: unknown }

const keyOf = (positions: readonly FetchPosition[]) =>
  positions.map((p) => `${p.topic}:${p.partition}@${p.offset}`).join(',')

/**
 * A fetcher that keeps one fetch ahead.
 *
 * @example
 * ```ts
 * const ahead = new FetchAhead(consumer, { maxWaitMs: 100, maxBytesPerPartition: 1 << 20, readCommitted: true })
 * const parts = await ahead.fetch(positions)
 * ```
 */
export class FetchAhead {
  readonly #consumer: Consumer
  readonly #settings: FetchSettings
  #next: { readonly key: string; readonly outcome: Promise<Outcome> } | undefined

  constructor(consumer: Consumer, settings: FetchSettings) {
    this.#consumer = consumer
    this.#settings = settings
  }

  /** Records at `positions` (from the early fetch when it matches), then starts the next fetch. */
  async fetch(positions: readonly FetchPosition[]): Promise<FetchedPartition[]> {
    const key = keyOf(positions)
    const early = this.#next
    this.#next = undefined
    let parts: FetchedPartition[]
    if (early !== undefined && early.key === key) {
      const outcome = await early.outcome
      if ('error' in outcome) throw outcome.error
      parts = outcome.parts
    } else {
      parts = await fetchPartitions(this.#consumer, positions, this.#settings)
    }
    const after = positions.map((p) => {
      const part = parts.find((f) => f.topic === p.topic && f.partition === p.partition)
      return part !== undefined && part.errorCode === 0 ? { ...p, offset: part.nextOffset } : p
    })
    this.#next = {
      key: keyOf(after),
      outcome: fetchPartitions(this.#consumer, after, this.#settings).then(
        (next) => ({ parts: next }),
        (error: unknown) => ({ error }),
      ),
    }
    return parts
  }

  /** Forgets the early fetch (positions are about to be rewound). */
  reset(): void {
    this.#next = undefined
  }
}
