/**
 * @module
 * The StreamTask: one sub-topology on one partition. It deserializes consumed records (failures go
 * through the deserialization handler and may be dead-lettered), advances stream time to the
 * largest timestamp seen, runs the record through the nodes, fires punctuations, and flushes
 * stores on commit.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { RestorableStore, StateStore } from '../../../stores/api.ts'
import type { StoreTransactions, TransactionalStoreContext } from '../../../stores/internals/store-transactions.ts'
import type { Record } from '../../processor.ts'
import type { CompiledSubtopology } from '../compile/node-defs.ts'
import { SinkNode } from '../processors/sink.ts'
import { SourceNode } from '../processors/source.ts'
import type { ConsumedRecord, ErrorHandler, StreamTask, TaskContext } from '../runnable.ts'
import { deadLetter } from './dead-letter.ts'
import { RESOLVED, type RuntimeNode } from './forwarding.ts'
import { ProcessorNode } from './processor-node.ts'
import { TaskState } from './task-state.ts'

/**
 * A task context that may carry store transactions (the exactly-once runtime): LevelDB stores then
 * keep their writes pending until the runtime applies them after the Kafka transaction committed.
 */
export interface TransactionalTaskContext extends TaskContext {
  readonly storeTransactions?: StoreTransactions
}

/**
 * A task built from a compiled sub-topology.
 *
 * @example
 * ```ts
 * const task = new StreamTaskImpl(compiled, 0, context)
 * await task.openStores(); await task.initialize(); await task.process(record); await task.commit()
 * ```
 */
export class StreamTaskImpl implements StreamTask {
  readonly id: string
  readonly subtopology: number
  readonly partition: number
  readonly #state: TaskState
  readonly #sources = new Map<string, SourceNode>()
  readonly #processors: ProcessorNode[] = []
  readonly #logged: ReadonlySet<string>
  #closed = false

  constructor(sub: CompiledSubtopology, partition: number, context: TaskContext) {
    this.subtopology = sub.id
    this.partition = partition
    this.id = `${sub.id}_${partition}`
    this.#state = new TaskState(this.id, context)
    this.#logged = new Set(sub.changelogTopics.keys())
    for (const builder of sub.storeBuilders) this.#state.stores.set(builder.name, builder.build())
    const nodes = new Map<string, RuntimeNode | SourceNode>()
    for (const def of sub.nodes) {
      if (def.kind === 'source') {
        const source = new SourceNode(def)
        nodes.set(def.name, source)
        for (const topic of def.topics) this.#sources.set(context.topicName(topic), source)
      } else if (def.kind === 'processor') {
        const node = new ProcessorNode(def, this.#state)
        this.#processors.push(node)
        nodes.set(def.name, node)
      } else {
        nodes.set(def.name, new SinkNode(def, this.#state))
      }
    }
    for (const def of sub.nodes) {
      const children = def.successors.map((name) => nodes.get(name) as RuntimeNode)
      const node = nodes.get(def.name)!
      if (node instanceof SourceNode) node.setChildren(children)
      else if (node instanceof ProcessorNode) node.context.setChildren(children)
    }
  }

  get stores(): ReadonlyMap<string, StateStore & RestorableStore> {
    return this.#state.stores
  }

  /** Processor metrics of this task, `<processor>.<metric>` -> count (e.g. dropped records). */
  get metrics(): ReadonlyMap<string, number> {
    return this.#state.metrics
  }

  async openStores(): Promise<void> {
    const state = this.#state
    const { context } = state
    for (const [name, store] of state.stores) {
      const storeContext: TransactionalStoreContext = {
        applicationId: context.applicationId,
        taskId: this.id,
        taskDir: context.taskDir,
        changelog: this.#logged.has(name) ? context.changelog : undefined,
        metrics: context.metrics,
        currentTimestamp: () => state.currentTimestamp,
        storeTransactions: (context as TransactionalTaskContext).storeTransactions,
      }
      await store.init(storeContext)
    }
  }

  async initialize(): Promise<void> {
    for (const node of this.#processors) await node.init()
  }

  async process(raw: ConsumedRecord): Promise<void> {
    const source = this.#sources.get(raw.topic)
    if (source === undefined) {
      throw new PitwallError(ErrorCodes.RUNTIME_STATE, `task ${this.id} does not read topic '${raw.topic}'`, {
        details: { taskId: this.id, topic: raw.topic },
      })
    }
    const state = this.#state
    state.current = raw
    let record: Record<unknown, unknown>
    try {
      record = source.deserialize(raw, state.streamTime)
      if (!(record.timestamp >= 0)) {
        throw new PitwallError(ErrorCodes.SERDE_DESERIALIZATION, `invalid timestamp ${record.timestamp}`, {
          details: { topic: raw.topic },
        })
      }
    } catch (error) {
      state.current = undefined
      return this.#handle(this.#state.context.deserializationErrorHandler, source.name, raw, error, 'deserialization')
    }
    if (record.timestamp > state.streamTime) state.streamTime = record.timestamp
    state.currentTimestamp = record.timestamp
    try {
      const pending = source.forward(record)
      if (pending !== undefined && pending !== RESOLVED) await pending
    } catch (error) {
      state.current = undefined
      const failure = state.failure
      state.failure = undefined
      const failed = failure !== undefined && failure.error === error ? failure.processorName : undefined
      this.#handle(state.context.processingErrorHandler, failed, raw, error, 'processing')
    }
    state.current = undefined
    if (state.streamPunctuations.size > 0)
      await state.streamPunctuations.mayPunctuate(state.streamTime, this.#beforePunctuation)
  }

  async punctuate(now: number): Promise<void> {
    await this.#state.wallClockPunctuations.mayPunctuate(now, this.#beforePunctuation)
  }

  async commit(): Promise<void> {
    for (const store of this.#state.stores.values()) await store.flush()
  }

  streamTime(): number {
    return this.#state.streamTime
  }

  async close(clean: boolean): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    let failure: unknown
    for (const node of this.#processors) {
      try {
        await node.close()
      } catch (error) {
        failure ??= error
      }
    }
    for (const store of this.#state.stores.values()) {
      try {
        if (clean && store.isOpen()) await store.flush()
        if (store.isOpen()) await store.close()
      } catch (error) {
        failure ??= error
      }
    }
    if (failure !== undefined && clean) {
      throw new PitwallError(ErrorCodes.RUNTIME_STATE, `task ${this.id} failed to close cleanly`, { cause: failure })
    }
  }

  readonly #beforePunctuation = (): void => {
    this.#state.current = undefined
    this.#state.currentTimestamp = this.#state.streamTime
  }

  #handle(
    handler: ErrorHandler,
    processorName: string | undefined,
    raw: ConsumedRecord,
    error: unknown,
    kind: string,
  ): void {
    let response: string
    try {
      response = handler({ taskId: this.id, processorName, record: raw, error })
    } catch (handlerError) {
      throw new PitwallError(ErrorCodes.PROCESSING, `task ${this.id}: the ${kind} error handler threw`, {
        cause: handlerError,
      })
    }
    const where = `${raw.topic}-${raw.partition}@${raw.offset}`
    if (response === 'continue') {
      this.#state.addMetric(`${processorName ?? 'task'}.${kind}-errors`, 1)
      const dlq = this.#state.context.deadLetterTopic
      if (dlq !== undefined) deadLetter(this.#state.context.collector, dlq, raw, error)
      return
    }
    const code = kind === 'deserialization' ? ErrorCodes.SERDE_DESERIALIZATION : ErrorCodes.PROCESSING
    const inNode = processorName === undefined ? '' : ` in '${processorName}'`
    throw new PitwallError(code, `task ${this.id}: ${kind} of record ${where} failed${inNode}`, {
      cause: error,
      details: { taskId: this.id, processorName, topic: raw.topic, partition: raw.partition, offset: raw.offset },
    })
  }
}
