/**
 * @module
 * PitwallStreams: runs a topology as one worker of a consumer group on a Kafka-protocol broker,
 * with exactly-once v2 (default) or at-least-once processing. Workers with the same application id
 * share the tasks; see README.md for the commit protocol and the state story.
 */
import { Admin, Consumer } from '@platformatic/kafka'
import { describeError, ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { StateStore } from '../../stores/api.ts'
import type { RunnableTopology } from '../internals/runnable.ts'
import { type Committer, plainCommitter, transactionalCommitter } from './committer.ts'
import { groupAssigner, tasksOfAssignment } from './group-assigner.ts'
import { physicalNamer, prepareTopics } from './internal-topics.ts'
import { type ResolvedStreamsOptions, resolveOptions, type StreamsOptions } from './options.ts'
import { ProductionGuard } from './production-guard.ts'
import { BufferedCollector } from './record-collector.ts'
import { RepartitionPurger } from './repartition-purger.ts'
import type { RestoreProgress } from './state-restorer.ts'
import { StreamThread } from './stream-thread.ts'
import { TaskManager } from './task-manager.ts'

/** Lifecycle states, as in Kafka Streams. */
export type StreamsState = 'created' | 'rebalancing' | 'running' | 'pending_shutdown' | 'not_running' | 'error'

/** Anything that yields a runnable topology. */
export type TopologySource = RunnableTopology | { runnable(): RunnableTopology }

const ALLOWED: Record<StreamsState, StreamsState[]> = {
  created: ['rebalancing', 'pending_shutdown', 'error'],
  rebalancing: ['running', 'pending_shutdown', 'error', 'rebalancing'],
  running: ['rebalancing', 'pending_shutdown', 'error'],
  pending_shutdown: ['not_running'],
  not_running: [],
  error: ['pending_shutdown'],
}

/**
 * A worker running a topology.
 *
 * @example
 * ```ts
 * const streams = new PitwallStreams(builder.build(), { applicationId: 'pitwall', brokers: ['127.0.0.1:19092'] })
 * streams.onStateChange((state) => console.log(state))
 * await streams.start()
 * // ...
 * await streams.close()
 * ```
 */
export class PitwallStreams {
  #runnable: RunnableTopology
  #o: ResolvedStreamsOptions
  #state: StreamsState = 'created'
  #stateListeners: ((state: StreamsState, previous: StreamsState) => void)[] = []
  #restoreListeners: ((progress: RestoreProgress) => void)[] = []
  #consumer: Consumer | undefined
  #restoreConsumer: Consumer | undefined
  #committer: Committer | undefined
  #purger: RepartitionPurger | undefined
  #thread: StreamThread | undefined
  #loop: Promise<void> | undefined
  #starting: Promise<void> | undefined
  #error: unknown

  constructor(topology: TopologySource, options: StreamsOptions) {
    this.#runnable =
      'runnable' in topology && typeof topology.runnable === 'function'
        ? topology.runnable()
        : (topology as RunnableTopology)
    this.#o = resolveOptions(options)
  }

  get state(): StreamsState {
    return this.#state
  }

  /** The error that moved the worker to 'error', if any. */
  get error(): unknown {
    return this.#error
  }

  /** Registers a listener of state transitions. */
  onStateChange(listener: (state: StreamsState, previous: StreamsState) => void): void {
    this.#stateListeners.push(listener)
  }

  /** Registers a listener of restoration progress. */
  onRestore(listener: (progress: RestoreProgress) => void): void {
    this.#restoreListeners.push(listener)
  }

  #setState(next: StreamsState): void {
    const previous = this.#state
    if (previous === next && next !== 'rebalancing') return
    if (!ALLOWED[previous].includes(next)) return
    this.#state = next
    this.#o.logger.info(`state ${previous} -> ${next}`)
    for (const l of this.#stateListeners) l(next, previous)
  }

  /**
   * Prepares topics, joins the group and starts processing (returns once joined). A {@link close}
   * during the start makes it resolve early (nothing started) rather than fail.
   */
  async start(): Promise<void> {
    if (this.#state !== 'created') {
      throw new PitwallError(ErrorCodes.RUNTIME_STATE, `start(): worker is ${this.#state}, not created`)
    }
    this.#starting = this.#start()
    try {
      await this.#starting
    } catch (error) {
      if (!this.#closing) throw error
      this.#o.logger.info(`start interrupted by close: ${describeError(error)}`)
    }
  }

  get #closing(): boolean {
    return this.#state === 'pending_shutdown' || this.#state === 'not_running'
  }

  async #start(): Promise<void> {
    const o = this.#o
    const base = {
      clientId: `${o.applicationId}-${o.workerId}`,
      bootstrapBrokers: [...o.brokers],
      retries: 10,
      retryDelay: 500,
    }
    const admin = new Admin(base)
    let counts: Map<string, number>
    try {
      counts = await prepareTopics(admin, this.#runnable, o.applicationId, o.defaultInternalPartitions)
    } finally {
      await admin.close()
    }
    if (this.#closing) return
    const name = physicalNamer(this.#runnable, o.applicationId)
    const subtopologies = this.#runnable.subtopologies.map((s) => ({
      id: s.id,
      sourceTopics: s.sourceTopics.map(name),
    }))
    const changelogs = this.#runnable.subtopologies.flatMap((s) => [...s.changelogTopics.values()].map(name))
    let thread: StreamThread | undefined
    const consumer = new Consumer({
      ...base,
      groupId: o.applicationId,
      autocommit: false,
      sessionTimeout: o.sessionTimeoutMs,
      heartbeatInterval: o.heartbeatIntervalMs,
      rebalanceTimeout: Math.max(60_000, o.sessionTimeoutMs),
      partitionAssigner: groupAssigner(subtopologies),
      protocolsMetadata: async () => {
        await thread?.beforeRejoin()
        return Buffer.from(JSON.stringify({ tasks: thread?.ownedTaskIds() ?? [] }))
      },
    })
    consumer.topics.trackAll(...subtopologies.flatMap((s) => s.sourceTopics))
    const restoreConsumer = new Consumer({
      ...base,
      clientId: `${base.clientId}-restore`,
      groupId: `${o.applicationId}-restore`,
    })
    if (changelogs.length > 0) restoreConsumer.topics.trackAll(...changelogs)
    const eos = o.processingGuarantee === 'exactly_once_v2'
    const producerSettings = {
      clientId: base.clientId,
      brokers: o.brokers,
      timeoutMs: o.transactionTimeoutMs,
      logger: o.logger,
    }
    this.#committer = eos
      ? transactionalCommitter({ ...producerSettings, transactionalId: `${o.applicationId}-${o.workerId}` })
      : plainCommitter(producerSettings)
    const guard = new ProductionGuard({
      maxRecordBytes: o.maxRecordBytes,
      handler: o.productionErrorHandler,
      deadLetterTopic: o.deadLetterTopic,
      logger: o.logger,
    })
    const collector = new BufferedCollector(
      (t) => counts.get(t) ?? consumer.currentMetadata?.topics.get(t)?.partitionsCount,
      guard,
    )
    const manager = new TaskManager({
      runnable: this.#runnable,
      options: o,
      name,
      collector,
      consumer,
      restoreConsumer,
      onRestore: (p) => {
        if (p.done || p.restored === 0) o.logger.info(`restore ${p.taskId}/${p.store}`, { ...p })
        for (const l of this.#restoreListeners) l(p)
      },
    })
    const repartitionTopics = new Set(
      this.#runnable.internalTopics.filter((t) => t.kind === 'repartition').map((t) => name(t.name)),
    )
    this.#purger =
      repartitionTopics.size === 0
        ? undefined
        : new RepartitionPurger(new Admin(base), repartitionTopics, o.repartitionPurgeIntervalMs, o.logger)
    thread = new StreamThread(
      o,
      { consumer, committer: this.#committer, collector, guard, manager, purger: this.#purger },
      {
        onRunning: () => this.#setState('running'),
        onRebalancing: () => this.#setState('rebalancing'),
        onFatal: (error) => {
          this.#error = error
          o.logger.error(`worker failed: ${describeError(error)}`, { cause: describeError((error as Error)?.cause) })
          this.#setState('error')
        },
      },
    )
    this.#thread = thread
    this.#consumer = consumer
    this.#restoreConsumer = restoreConsumer
    consumer.on('consumer:group:join', (payload) => {
      const tasks = tasksOfAssignment(payload.assignments ?? [], subtopologies)
      o.logger.info('assigned tasks', { generation: payload.generationId, tasks })
      thread.assigned(tasks)
    })
    consumer.on('consumer:group:rebalance', () => this.#setState('rebalancing'))
    // Group errors (e.g. a rejoin cut short by close()) must not crash the process: they are logged
    // and the heartbeat loop rejoins.
    consumer.on('error', (error) => o.logger.warn(`consumer group error: ${String(error?.message ?? error)}`))
    this.#setState('rebalancing')
    await consumer.joinGroup({})
    // After a close() the loop ends at once (stopped), through the usual shutdown.
    if (this.#closing) thread.stop()
    this.#loop = thread.run()
  }

  /**
   * Stops the loop (which commits, or aborts if that fails, and closes the tasks), leaves the group
   * and closes the clients; callable at any moment, also during {@link start}. Every step runs even
   * if an earlier one failed; rejects afterwards (PITWALL_RUNTIME_STATE, with the first failure as
   * cause) if the loop or the producer could not end the open transaction.
   */
  async close(): Promise<void> {
    if (this.#closing) return
    this.#setState('pending_shutdown')
    this.#thread?.stop()
    const failures: unknown[] = []
    const step = async (what: string, work: () => Promise<unknown> | undefined) => {
      try {
        await work()
      } catch (error) {
        this.#o.logger.error(`close: ${what} failed: ${describeError(error)}`)
        failures.push(error)
      }
    }
    // A start under way ends first (a join cannot be cut short cleanly), then runs no loop.
    await this.#starting?.catch(() => {})
    this.#thread?.stop()
    await step('the stream thread', async () => {
      await this.#loop
      if (this.#thread?.failure !== undefined) throw this.#thread.failure
    })
    // Best effort: a member the coordinator no longer knows has left anyway (session expiry).
    try {
      await this.#consumer?.leaveGroup(true)
    } catch (e) {
      this.#o.logger.warn(`leaving the group failed: ${String(e)}`)
    }
    await this.#consumer?.close(true).catch(() => {})
    await this.#restoreConsumer?.close(true).catch(() => {})
    await step('ending the transaction and closing the producer', () => this.#committer?.close())
    await step('closing the purger', () => this.#purger?.close())
    this.#setState('not_running')
    if (failures.length > 0) {
      throw new PitwallError(ErrorCodes.RUNTIME_STATE, `worker ${this.#o.workerId} did not close cleanly`, {
        cause: failures[0],
        details: { failures: failures.map(describeError) },
      })
    }
  }

  /** The local instances of a store, by task id (interactive queries over this worker's tasks). */
  localStores<S extends StateStore = StateStore>(storeName: string): Map<string, S> {
    const out = new Map<string, S>()
    for (const [id, t] of this.#thread?.tasks ?? []) {
      const store = t.task.stores.get(storeName)
      if (store) out.set(id, store as unknown as S)
    }
    return out
  }
}
