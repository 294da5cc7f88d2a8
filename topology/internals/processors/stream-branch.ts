/**
 * @module
 * `KStream.split().branch()`: sends each record to the child of the first matching predicate, or
 * to the default branch, or drops it.
 */
import type { Predicate } from '../../dsl/functions.ts'
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'

/** The branches of one split, filled while the DSL adds branches. */
export interface BranchSpec<K, V> {
  readonly predicates: Array<{ predicate: Predicate<K, V>; child: string }>
  defaultChild: string | undefined
}

class StreamBranch<K, V> implements Processor<K, V, K, V> {
  #ctx!: ProcessorContext<K, V>
  readonly #spec: BranchSpec<K, V>

  constructor(spec: BranchSpec<K, V>) {
    this.#spec = spec
  }

  init(ctx: ProcessorContext<K, V>): void {
    this.#ctx = ctx
  }

  process(record: Record<K, V>): Promise<void> | undefined {
    for (const branch of this.#spec.predicates) {
      if (branch.predicate(record.key, record.value)) return this.#ctx.forward(record, branch.child)
    }
    const fallback = this.#spec.defaultChild
    return fallback === undefined ? undefined : this.#ctx.forward(record, fallback)
  }
}

/**
 * The branch processor supplier.
 *
 * @example
 * ```ts
 * streamBranch({ predicates: [{ predicate: (k, v) => v > 0, child: 'split-positive' }], defaultChild: undefined })
 * ```
 */
export function streamBranch<K, V>(spec: BranchSpec<K, V>): ProcessorSupplier<K, V, K, V> {
  return () => new StreamBranch(spec)
}
