/**
 * @module
 * `TopologyTestDriver`: runs a topology without a broker, deterministically. One partition per
 * topic and one task per sub-topology; records produced to topics the topology reads (repartition
 * topics) are fed back synchronously, as Kafka Streams' driver does; stores are committed (caches
 * flushed) after every piped record by default; wall-clock time is virtual. Produced records are kept
 * for the topics tests read; of other topics only the latest few (memory stays bounded).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ErrorCodes, type HandlerResponse, PitwallError } from '../../core/errors.ts'
import type { KeyValueStore, SessionStore, StateStore, WindowStore } from '../../stores/api.ts'
import type { Topology } from '../dsl/topology.ts'
import type { ErrorHandler, RawRecord, StreamTask, TaskContext } from '../internals/runnable.ts'
import type { Serde } from '../serdes.ts'
import { DriverCollector } from './driver-collector.ts'
import { TestInputTopic } from './test-input-topic.ts'
import { TestOutputTopic } from './test-output-topic.ts'

/** Options of a test driver. */
export interface TopologyTestDriverOptions {
  /** Prefix of internal topics; `'test-app'` by default. */
  readonly applicationId?: string
  /** Directory of persistent stores; a temporary one (removed on close) by default. */
  readonly stateDir?: string
  /** Initial virtual wall-clock time; 0 by default. */
  readonly wallClockTime?: number
  /** `'fail'` (default), `'continue'` (dead-letter and skip) or a handler. */
  readonly deserializationErrorHandler?: HandlerResponse | ErrorHandler
  /** `'fail'` (default), `'continue'` or a handler. */
  readonly processingErrorHandler?: HandlerResponse | ErrorHandler
  /** Topic skipped records are sent to (read it with createOutputTopic). */
  readonly deadLetterTopic?: string
  /** Commit (flush caches) every N piped records; 1 by default. */
  readonly commitEvery?: number
  /**
   * Records kept per topic that no output topic reads yet (10,000 by default; the latest ones).
   * Create output topics before piping to read everything; 0 keeps nothing (benchmarks).
   */
  readonly retainUnreadOutput?: number
}

const toHandler = (h: HandlerResponse | ErrorHandler | undefined): ErrorHandler =>
  typeof h === 'function' ? h : () => h ?? 'fail'

/**
 * Drives a topology in a test.
 *
 * @example
 * ```ts
 * const driver = new TopologyTestDriver(builder.build())
 * const input = driver.createInputTopic('laps', Serdes.string(), Serdes.json())
 * const output = driver.createOutputTopic('fast-laps', Serdes.string(), Serdes.json())
 * await input.pipeInput('car-44', { ms: 89_000 }, 1_000)
 * console.log(output.readKeyValuesToList())
 * await driver.close()
 * ```
 */
export class TopologyTestDriver {
  readonly #appId: string
  readonly #stateDir: string
  readonly #ownsStateDir: boolean
  readonly #collector: DriverCollector
  readonly #tasks: StreamTask[] = []
  readonly #taskByTopic = new Map<string, StreamTask>()
  readonly #internal: ReadonlySet<string>
  readonly #offsets = new Map<string, number>()
  readonly #commitEvery: number
  readonly #ready: Promise<void>
  #now: number
  #sinceCommit = 0
  #closed = false

  constructor(topology: Topology, options: TopologyTestDriverOptions = {}) {
    this.#appId = options.applicationId ?? 'test-app'
    this.#ownsStateDir = options.stateDir === undefined
    this.#stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'pitwall-ttd-'))
    this.#now = options.wallClockTime ?? 0
    this.#commitEvery = options.commitEvery ?? 1
    const runnable = topology.runnable()
    this.#internal = new Set(runnable.internalTopics.map((t) => t.name))
    const consumed = new Set(runnable.subtopologies.flatMap((s) => s.sourceTopics.map((t) => this.#physical(t))))
    this.#collector = new DriverCollector(
      consumed,
      (store) => this.#physical(`${store}-changelog`),
      options.retainUnreadOutput,
    )
    for (const sub of runnable.subtopologies) {
      const taskDir = join(this.#stateDir, this.#appId, `${sub.id}_0`)
      const context: TaskContext = {
        applicationId: this.#appId,
        taskDir,
        collector: this.#collector,
        changelog: this.#collector,
        deserializationErrorHandler: toHandler(options.deserializationErrorHandler),
        processingErrorHandler: toHandler(options.processingErrorHandler),
        deadLetterTopic: options.deadLetterTopic,
        wallClock: () => this.#now,
        topicName: (t) => this.#physical(t),
      }
      const task = runnable.createTask(sub.id, 0, context)
      this.#tasks.push(task)
      for (const topic of sub.sourceTopics) this.#taskByTopic.set(this.#physical(topic), task)
      mkdirSync(taskDir, { recursive: true })
    }
    this.#ready = this.#start()
    this.#ready.catch(() => {})
  }

  /** The state directory (a temporary one unless given). */
  get stateDir(): string {
    return this.#stateDir
  }

  /** An input topic; internal topics are addressed by their physical name (`<appId>-<name>`). */
  createInputTopic<K, V>(
    name: string,
    keySerde: Serde<K>,
    valueSerde: Serde<V>,
    options: { startTimestamp?: number; autoAdvanceMs?: number } = {},
  ): TestInputTopic<K, V> {
    const pipe = (topic: string, record: RawRecord) => this.#pipe(topic, record)
    return new TestInputTopic(pipe, name, keySerde, valueSerde, options.startTimestamp ?? 0, options.autoAdvanceMs ?? 0)
  }

  /**
   * An output topic: user topics by name, internal ones as `<appId>-<name>`. It reads every record
   * produced since the driver started if the topic kept them all (see `retainUnreadOutput`), and
   * throws PITWALL_RUNTIME_STATE otherwise.
   */
  createOutputTopic<K, V>(name: string, keySerde: Serde<K>, valueSerde: Serde<V>): TestOutputTopic<K, V> {
    return new TestOutputTopic(name, this.#collector.records(name), keySerde, valueSerde)
  }

  /** Topics that received records (output, internal, changelog and dead-letter topics). */
  producedTopicNames(): string[] {
    return this.#collector.topicNames()
  }

  async getStateStore<S extends StateStore = StateStore>(name: string): Promise<S> {
    await this.#ready
    for (const task of this.#tasks) {
      const store = task.stores.get(name)
      if (store !== undefined) return store as unknown as S
    }
    throw new PitwallError(ErrorCodes.STORE_NOT_FOUND, `the topology has no store named '${name}'`, {
      details: { store: name },
    })
  }

  getKeyValueStore<K, V>(name: string): Promise<KeyValueStore<K, V>> {
    return this.getStateStore<KeyValueStore<K, V>>(name)
  }

  getWindowStore<K, V>(name: string): Promise<WindowStore<K, V>> {
    return this.getStateStore<WindowStore<K, V>>(name)
  }

  getSessionStore<K, V>(name: string): Promise<SessionStore<K, V>> {
    return this.getStateStore<SessionStore<K, V>>(name)
  }

  /** Processor metrics of all tasks, `<processor>.<metric>` -> count (e.g. dropped records). */
  metrics(): Map<string, number> {
    const out = new Map<string, number>()
    for (const task of this.#tasks) {
      const metrics = (task as { metrics?: ReadonlyMap<string, number> }).metrics ?? new Map()
      for (const [name, n] of metrics) out.set(name, (out.get(name) ?? 0) + n)
    }
    return out
  }

  /** Moves virtual wall-clock time and runs the wall-clock punctuators that became due. */
  async advanceWallClockTime(ms: number): Promise<void> {
    await this.#ready
    this.#now += ms
    for (const task of this.#tasks) await task.punctuate(this.#now)
    await this.#drain()
    await this.#commit()
  }

  /** Closes tasks and stores; removes the temporary state directory. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    try {
      await this.#ready.catch(() => {})
      for (const task of this.#tasks) await task.close(true)
    } finally {
      if (this.#ownsStateDir) rmSync(this.#stateDir, { recursive: true, force: true })
    }
  }

  async #start(): Promise<void> {
    for (const task of this.#tasks) await task.openStores()
    for (const task of this.#tasks) await task.initialize()
  }

  #physical(topic: string): string {
    return this.#internal.has(topic) ? `${this.#appId}-${topic}` : topic
  }

  async #pipe(topic: string, record: RawRecord): Promise<void> {
    await this.#ready
    if (this.#closed) throw new PitwallError(ErrorCodes.RUNTIME_STATE, 'the test driver is closed')
    await this.#process(topic, record)
    await this.#drain()
    if (++this.#sinceCommit >= this.#commitEvery) await this.#commit()
  }

  async #process(topic: string, record: RawRecord): Promise<void> {
    const task = this.#taskByTopic.get(topic)
    if (task === undefined) {
      throw new PitwallError(ErrorCodes.TOPOLOGY_INVALID_ARGUMENT, `the topology does not read topic '${topic}'`, {
        details: { topic },
      })
    }
    const offset = this.#offsets.get(topic) ?? 0
    this.#offsets.set(topic, offset + 1)
    await task.process({ ...record, topic, partition: 0, offset })
  }

  async #drain(): Promise<void> {
    const pending = this.#collector.pending
    while (pending.length > 0) {
      const next = pending.shift()!
      await this.#process(next.topic, next)
    }
  }

  async #commit(): Promise<void> {
    this.#sinceCommit = 0
    for (const task of this.#tasks) {
      await task.commit()
      await this.#drain()
    }
  }
}
