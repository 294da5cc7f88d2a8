/**
 * @module
 * `KStream.peek` (act, then forward unchanged) and `foreach` (act, terminal).
 */
import type { ForeachAction } from '../../dsl/functions.ts'
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'

class StreamPeek<K, V> implements Processor<K, V, K, V> {
  #ctx!: ProcessorContext<K, V>
  readonly #action: ForeachAction<K, V>
  readonly #forward: boolean

  constructor(action: ForeachAction<K, V>, forward: boolean) {
    this.#action = action
    this.#forward = forward
  }

  init(ctx: ProcessorContext<K, V>): void {
    this.#ctx = ctx
  }

  process(record: Record<K, V>): Promise<void> | undefined {
    this.#action(record.key, record.value)
    return this.#forward ? this.#ctx.forward(record) : undefined
  }
}

/**
 * The peek (`forward === true`) or foreach processor supplier.
 *
 * @example
 * ```ts
 * streamPeek<string, number>((k, v) => console.log(k, v), true)
 * ```
 */
export function streamPeek<K, V>(action: ForeachAction<K, V>, forward: boolean): ProcessorSupplier<K, V, K, V> {
  return () => new StreamPeek(action, forward)
}
