/**
 * @module
 * `KStream.merge` and the branch children: a pass-through node. Merging itself is a graph
 * matter (one node with two parents); this processor only forwards.
 */
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'

class PassThrough<K, V> implements Processor<K, V, K, V> {
  #ctx!: ProcessorContext<K, V>

  init(ctx: ProcessorContext<K, V>): void {
    this.#ctx = ctx
  }

  process(record: Record<K, V>): Promise<void> {
    return this.#ctx.forward(record)
  }
}

/**
 * The pass-through processor supplier.
 *
 * @example
 * ```ts
 * const merge = passThrough<string, number>()
 * ```
 */
export function passThrough<K, V>(): ProcessorSupplier<K, V, K, V> {
  return () => new PassThrough<K, V>()
}
