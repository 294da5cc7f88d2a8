/**
 * @module
 * `BranchedKStreamImpl`: adds the branch processor once and one pass-through child per branch,
 * named `<split name><branch name or index>` as in Kafka Streams (indexes from 1, default 0).
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import { Branched } from '../../dsl/branched.ts'
import type { BranchedKStream } from '../../dsl/branched-kstream.ts'
import type { Predicate } from '../../dsl/functions.ts'
import type { KStream } from '../../dsl/kstream.ts'
import type { GraphNode } from '../graph/graph-node.ts'
import { type BranchSpec, streamBranch } from '../processors/stream-branch.ts'
import { passThrough } from '../processors/stream-merge.ts'
import { addProcessor } from './graph-helpers.ts'
import type { KStreamImpl } from './kstream-impl.ts'
import { optionalInstance, requireFunction } from './validate.ts'

/**
 * The split builder behind {@link BranchedKStream}.
 *
 * @example
 * ```ts
 * new BranchedKStreamImpl(stream, 'p-').branch((k, v) => v > 0).noDefaultBranch()
 * ```
 */
export class BranchedKStreamImpl<K, V> implements BranchedKStream<K, V> {
  readonly #source: KStreamImpl<K, V>
  readonly #prefix: string
  readonly #splitNode: GraphNode
  readonly #spec: BranchSpec<K, V> = { predicates: [], defaultChild: undefined }
  readonly #branches: Record<string, KStream<K, V>> = {}
  #done = false

  constructor(source: KStreamImpl<K, V>, name: string | undefined) {
    this.#source = source
    const builder = source.builder
    this.#prefix = builder.processorName(name, 'KSTREAM-BRANCH')
    this.#splitNode = addProcessor(builder, this.#prefix, [source.node], streamBranch(this.#spec))
  }

  branch(predicate: Predicate<K, V>, branched?: Branched): BranchedKStream<K, V> {
    requireFunction('branch()', 'predicate', predicate)
    optionalInstance('branch()', 'branched', branched, Branched)
    this.#checkOpen('branch()')
    const child = this.#addChild(branched?.name ?? String(this.#spec.predicates.length + 1))
    this.#spec.predicates.push({ predicate, child })
    return this
  }

  defaultBranch(branched?: Branched): Record<string, KStream<K, V>> {
    optionalInstance('defaultBranch()', 'branched', branched, Branched)
    this.#checkOpen('defaultBranch()')
    this.#spec.defaultChild = this.#addChild(branched?.name ?? '0')
    this.#done = true
    return { ...this.#branches }
  }

  noDefaultBranch(): Record<string, KStream<K, V>> {
    this.#checkOpen('noDefaultBranch()')
    this.#done = true
    return { ...this.#branches }
  }

  #addChild(branchName: string): string {
    const source = this.#source
    const name = `${this.#prefix}${branchName}`
    const node = addProcessor(source.builder, name, [this.#splitNode], passThrough())
    this.#branches[name] = new (source.constructor as typeof KStreamImpl)<K, V>(
      source.builder,
      node,
      source.keySerde,
      source.valueSerde,
      source.repartitionRequired,
    )
    return name
  }

  #checkOpen(method: string): void {
    if (this.#done) {
      throw new PitwallError(
        ErrorCodes.TOPOLOGY_INVALID_ARGUMENT,
        `${method}: the split already ended with defaultBranch() or noDefaultBranch()`,
      )
    }
  }
}
