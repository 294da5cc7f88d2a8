/**
 * @module
 * The running processor node: a processor instance and its context.
 */
import type { Processor, Record } from '../../processor.ts'
import type { ProcessorDef } from '../compile/node-defs.ts'
import { RESOLVED, type RuntimeNode } from './forwarding.ts'
import { NodeContext } from './node-context.ts'
import type { TaskState } from './task-state.ts'

/**
 * One processor of one task.
 *
 * @example
 * ```ts
 * const node = new ProcessorNode(def, state)
 * await node.init()
 * ```
 */
export class ProcessorNode implements RuntimeNode {
  readonly name: string
  readonly context: NodeContext
  readonly #processor: Processor<unknown, unknown, unknown, unknown>
  readonly #state: TaskState

  constructor(def: ProcessorDef, state: TaskState) {
    this.name = def.name
    this.context = new NodeContext(def.name, state, def.storeNames)
    this.#processor = def.supplier()
    this.#state = state
  }

  init(): void | Promise<void> {
    return this.#processor.init?.(this.context)
  }

  /** Runs the processor; an error leaving it is attributed to this node unless a child already was. */
  process(record: Record<unknown, unknown>): void | Promise<void> {
    try {
      const pending = this.#processor.process(record)
      if (pending === undefined || pending === RESOLVED) return pending
      return pending.catch(this.#blame)
    } catch (error) {
      this.#blame(error)
    }
  }

  readonly #blame = (error: unknown): never => {
    if (this.#state.failure?.error !== error) this.#state.failure = { error, processorName: this.name }
    throw error
  }

  close(): void | Promise<void> {
    return this.#processor.close?.()
  }
}
