/**
 * @module
 * Read-committed filtering of fetched record batches. With `isolation.level=read_committed` the
 * broker returns everything below the last stable offset, aborted transactional data included, and
 * lists the aborted transactions beside it: the client must drop their batches (as the Java
 * client's Fetcher does).
 */
import type { DecodedBatch } from './record-batches.ts'

/** An aborted transaction as listed in a fetch response. */
export interface AbortedTransaction {
  readonly producerId: bigint
  readonly firstOffset: bigint
}

const IS_TRANSACTIONAL = 1 << 4
const IS_CONTROL = 1 << 5
const ABORT_MARKER = 0

function isAbortMarker(batch: DecodedBatch): boolean {
  const key = batch.records[0]?.key
  return key !== null && key !== undefined && key.length >= 4 && key.readInt16BE(2) === ABORT_MARKER
}

/**
 * Yields the data batches of a partition that belong to committed (or non-transactional) writes.
 *
 * @example
 * ```ts
 * for (const batch of committedBatches(partition.records ?? [], partition.abortedTransactions)) use(batch)
 * ```
 */
export function* committedBatches(
  batches: readonly DecodedBatch[],
  abortedTransactions: readonly AbortedTransaction[] | null,
): Generator<DecodedBatch> {
  const aborted = [...(abortedTransactions ?? [])].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : 1))
  const abortedProducers = new Set<bigint>()
  let next = 0
  for (const batch of batches) {
    const lastOffset = batch.firstOffset + BigInt(batch.lastOffsetDelta)
    while (next < aborted.length && aborted[next]!.firstOffset <= lastOffset) {
      abortedProducers.add(aborted[next]!.producerId)
      next++
    }
    const transactional = (batch.attributes & IS_TRANSACTIONAL) !== 0
    if ((batch.attributes & IS_CONTROL) !== 0) {
      if (transactional && isAbortMarker(batch)) abortedProducers.delete(batch.producerId)
      continue
    }
    if (transactional && abortedProducers.has(batch.producerId)) continue
    yield batch
  }
}
