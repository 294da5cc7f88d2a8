/**
 * @module
 * `KTable.suppress()`: buffers table updates per key and forwards them later. With
 * `untilWindowCloses` the buffer time of a windowed key is its window end and an entry is emitted
 * once stream time >= window end + grace, so each window yields exactly one final result
 * (tombstones of final results are dropped). With `untilTimeLimit` the buffer time is the record
 * time and an entry is emitted `timeLimitMs` of stream time later; a full buffer emits its oldest
 * entries early or fails, as configured. Stream time is the largest timestamp this processor saw.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { KeyValueStore, Windowed } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { Suppressed } from '../../windows/suppressed.ts'
import type { Change } from '../change.ts'
import { keyIdentity } from './key-identity.ts'
import { type BufferedEntry, type Eviction, SuppressBuffer } from './suppress-buffer.ts'

/** Suppression parameters. */
export interface SuppressOptions<K> {
  readonly storeName: string
  readonly suppressed: Suppressed
  /** Grace of the upstream windowed aggregation (for `untilWindowCloses`). */
  readonly graceMs: number
  /** The processor's name, for error messages. */
  readonly name: string
  readonly keyId?: (key: K) => string
}

/** A rough size of an entry (its JSON form), for `BufferConfig.maxBytes`. */
function estimateBytes(e: Eviction<unknown, unknown>): number {
  try {
    return (
      keyIdentity(e.key).length +
      (keyIdentity(e.entry.newValue)?.length ?? 0) +
      (keyIdentity(e.entry.priorValue)?.length ?? 0)
    )
  } catch {
    return 64
  }
}

/**
 * Makes the suppression processor of one task.
 *
 * @example
 * ```ts
 * const supplier = () => suppress({ storeName: 'final-counts-buffer', suppressed: Suppressed.untilWindowCloses(BufferConfig.unbounded()), graceMs: 0, name: 'final' })
 * ```
 */
export function suppress<K, V>(options: SuppressOptions<K>): Processor<K, Change<V>, K, Change<V>> {
  const { storeName, suppressed, graceMs, name } = options
  const finalResults = suppressed.kind === 'window-close'
  const delay = finalResults ? graceMs : suppressed.timeLimitMs
  const { maxRecords, maxBytes, whenFull } = suppressed.buffer
  let ctx: ProcessorContext<K, Change<V>>
  let buffer: SuppressBuffer<K, V>
  let observedStreamTime = -1

  async function emit(e: Eviction<K, V>) {
    if (finalResults && e.entry.newValue === null) return
    await ctx.forward({
      key: e.key,
      value: { newValue: e.entry.newValue, oldValue: e.entry.priorValue },
      timestamp: e.entry.timestamp,
      headers: e.entry.headers,
    })
  }

  const overCapacity = () =>
    buffer.size > maxRecords ||
    (Number.isFinite(maxBytes) && buffer.reduce((n, e) => n + estimateBytes(e), 0) > maxBytes)

  return {
    async init(context) {
      ctx = context
      buffer = new SuppressBuffer(
        context.getStateStore<KeyValueStore<K, BufferedEntry<V>>>(storeName),
        options.keyId ?? keyIdentity,
      )
      await buffer.load()
    },
    async process(record: Record<K, Change<V>>) {
      observedStreamTime = Math.max(observedStreamTime, record.timestamp)
      const time = finalResults ? (record.key as Windowed<unknown>).window.end : record.timestamp
      await buffer.put(record.key, record.value.newValue, record.value.oldValue, time, record.timestamp, record.headers)
      const expiry = observedStreamTime - delay
      await buffer.evictWhile((e) => e.entry.time <= expiry, emit)
      if (!overCapacity()) return
      if (whenFull === 'emit-early') {
        await buffer.evictWhile(overCapacity, emit)
        return
      }
      throw new PitwallError(
        ErrorCodes.PROCESSING,
        `suppress '${name}': buffer is full (${buffer.size} records) and is configured to shut down when full`,
        {
          details: { processor: name, store: storeName, records: buffer.size },
        },
      )
    },
  }
}
