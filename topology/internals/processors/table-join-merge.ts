/**
 * @module
 * The merge step after both sides of a table-table join (Kafka's KTableKTableJoinMerger): passes
 * the joined changes on, and when the join is materialized stores each new result and forwards
 * the change against the stored previous result (through the cache when the store has one).
 */
import type { KeyValueStore } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'
import type { Change } from '../change.ts'
import { TupleForwarder } from './tuple-forwarder.ts'

/**
 * Makes the merge processor of a table-table join; `storeName` materializes the result.
 *
 * @example
 * ```ts
 * const supplier = tableJoinMerge<string, string>('joined-store')
 * ```
 */
export function tableJoinMerge<K, V>(storeName?: string): ProcessorSupplier<K, Change<V>, K, Change<V>> {
  return () => {
    let ctx: ProcessorContext<K, Change<V>>
    let store: KeyValueStore<K, V> | undefined
    let forwarder: TupleForwarder<K, V> | undefined
    const processor: Processor<K, Change<V>, K, Change<V>> = {
      init(context) {
        ctx = context
        if (storeName !== undefined) {
          store = context.getStateStore(storeName)
          forwarder = new TupleForwarder(store, context)
        }
      },
      async process(record: Record<K, Change<V>>) {
        if (!store || !forwarder) return ctx.forward(record)
        const old = (await store.get(record.key)) ?? null
        const next = record.value.newValue ?? null
        await store.put(record.key, next)
        await forwarder.maybeForward(record, next, old)
      },
    }
    return processor
  }
}
