/**
 * @module
 * The running processor node: a processor instance and its context.
 */
import type { Processor, Record } from '../../processor.ts'
import type { ProcessorDef } from '../compile/node-defs.ts'
import type { RuntimeNode } from './forwarding.ts'
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

  constructor(def: ProcessorDef, state: TaskState) {
    this.name = def.name
    this.context = new NodeContext(def.name, state, def.storeNames)
    this.#processor = def.supplier()
  }

  init(): void | Promise<void> {
    return this.#processor.init?.(this.context)
  }

  process(record: Record<unknown, unknown>): void | Promise<void> {
    return this.#processor.process(record)
  }

  close(): void | Promise<void> {
    return this.#processor.close?.()
  }
}
