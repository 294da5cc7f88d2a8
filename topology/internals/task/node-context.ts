/**
 * @module
 * The ProcessorContext of one processor node in one task.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { StateStore } from '../../../stores/api.ts'
import type {
  Cancellable,
  ProcessorContext,
  PunctuationType,
  Punctuator,
  Record,
  RecordMetadata,
} from '../../processor.ts'
import { forwardToAll, RESOLVED, type RuntimeNode } from './forwarding.ts'
import type { TaskState } from './task-state.ts'

/**
 * Gives one processor its children, its connected stores, time and scheduling.
 *
 * @example
 * ```ts
 * const ctx = new NodeContext('KSTREAM-FILTER-0000000001', state, ['counts'])
 * ctx.setChildren([sink])
 * ```
 */
export class NodeContext implements ProcessorContext<unknown, unknown> {
  readonly #name: string
  readonly #state: TaskState
  readonly #storeNames: ReadonlySet<string>
  #children: readonly RuntimeNode[] = []

  constructor(name: string, state: TaskState, storeNames: readonly string[]) {
    this.#name = name
    this.#state = state
    this.#storeNames = new Set(storeNames)
  }

  get taskId(): string {
    return this.#state.taskId
  }

  get applicationId(): string {
    return this.#state.context.applicationId
  }

  setChildren(children: readonly RuntimeNode[]): void {
    this.#children = children
  }

  forward<K, V>(record: Record<K, V>, childName?: string): Promise<void> {
    const pending =
      childName === undefined
        ? forwardToAll(this.#children, record as Record<unknown, unknown>)
        : this.#child(childName).process(record as Record<unknown, unknown>)
    return pending === undefined ? RESOLVED : pending
  }

  getStateStore<S extends StateStore>(name: string): S {
    const store = this.#storeNames.has(name) ? this.#state.stores.get(name) : undefined
    if (store === undefined) {
      throw new PitwallError(
        ErrorCodes.STORE_NOT_FOUND,
        `processor '${this.#name}' has no access to store '${name}': connect it in the topology (e.g. process(supplier, '${name}'))`,
        { details: { processor: this.#name, store: name } },
      )
    }
    return store as unknown as S
  }

  schedule(intervalMs: number, type: PunctuationType, punctuator: Punctuator): Cancellable {
    if (!(intervalMs >= 1)) {
      throw new PitwallError(ErrorCodes.PROCESSING, `schedule() in '${this.#name}': intervalMs must be >= 1`)
    }
    if (type === 'stream-time') return this.#state.streamPunctuations.schedule(0, intervalMs, punctuator)
    const now = this.#state.context.wallClock()
    return this.#state.wallClockPunctuations.schedule(now + intervalMs, intervalMs, punctuator)
  }

  currentStreamTime(): number {
    return this.#state.streamTime
  }

  currentSystemTime(): number {
    return this.#state.context.wallClock()
  }

  recordMetadata(): RecordMetadata | undefined {
    return this.#state.current
  }

  recordMetric(name: string, delta = 1): void {
    this.#state.addMetric(`${this.#name}.${name}`, delta)
  }

  #child(name: string): RuntimeNode {
    for (const child of this.#children) if (child.name === name) return child
    throw new PitwallError(ErrorCodes.PROCESSING, `processor '${this.#name}' has no child named '${name}'`, {
      details: { processor: this.#name, child: name },
    })
  }
}
