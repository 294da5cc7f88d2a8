/**
 * @module
 * The system under test of one chaos scenario: fresh input and output topics, Pitwall workers
 * (T2, or T1 while the DSL cannot build T2) kept alive by a supervisor (a worker that dies unasked is noted and restarted, as a process
 * manager would), and a load generator at a fixed rate.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type MessageToProduce, Producer } from '@platformatic/kafka'
import { produceAtRate, type RateProducer } from '../workload/preload.ts'
import {
  type Guarantee,
  type OutputTopics,
  outputTopics,
  REFERENCE,
  type TopologyName,
  topicsOf,
} from '../workload/reference.ts'
import { type ClusterTarget, createTopics, deleteTopics, listTopics } from '../workload/topics.ts'
import { startWorker, type WorkerProcess } from '../workload/workers.ts'

/** A worker exit nobody asked for. */
export interface UnexpectedExit {
  readonly instance: number
  readonly code: number | string
  readonly stderr: string
}

/**
 * One pipeline: topics, supervised workers and load.
 *
 * @example
 * ```ts
 * const p = new ChaosPipeline(target, 'chaos-kill-1', 't2', 'exactly_once_v2', log)
 * await p.setup(); p.scaleTo(2); p.startLoad(2000)
 * ```
 */
export class ChaosPipeline {
  readonly target: ClusterTarget
  readonly id: string
  readonly guarantee: Guarantee
  readonly topology: TopologyName
  readonly inputTopic: string
  readonly outputs: OutputTopics
  readonly unexpectedExits: UnexpectedExit[] = []
  /** Every line the workers print, for post-mortems (git-ignored). */
  readonly workerLog: string
  readonly #log: (line: string) => void
  readonly #workers = new Map<number, WorkerProcess>()
  readonly #intentional = new Set<number>()
  readonly #stateDir = mkdtempSync(join(tmpdir(), 'pitwall-chaos-'))
  #desired = 0
  #load: RateProducer | undefined
  #nextIndex = 0
  #closed = false

  constructor(
    target: ClusterTarget,
    id: string,
    topology: TopologyName,
    guarantee: Guarantee,
    log: (line: string) => void,
  ) {
    this.topology = topology
    this.target = target
    this.id = id
    this.guarantee = guarantee
    this.inputTopic = `${id}-input`
    this.outputs = outputTopics(id)
    this.#log = log
    const logDir = resolve(import.meta.dirname, '..', '..', '.cache', 'chaos')
    mkdirSync(logDir, { recursive: true })
    this.workerLog = join(logDir, `${id}.log`)
  }

  /** All topics of the pipeline. */
  get topics(): string[] {
    return [this.inputTopic, ...topicsOf(this.topology, this.outputs)]
  }

  async setup(): Promise<void> {
    await createTopics(this.target, this.topics, REFERENCE.partitions)
  }

  /** Instances currently running. */
  running(): number[] {
    return [...this.#workers.keys()].sort((a, b) => a - b)
  }

  /** Starts or stops (SIGTERM, highest instance first) workers until `n` run. */
  async scaleTo(n: number): Promise<void> {
    this.#desired = n
    for (let i = 0; i < n; i++) if (!this.#workers.has(i)) this.#start(i)
    const extra = this.running().filter((i) => i >= n)
    await Promise.all(extra.map((i) => this.#stop(i)))
  }

  /** SIGKILLs worker `instance` (not restarted by the supervisor). */
  async kill(instance: number): Promise<void> {
    const w = this.#workers.get(instance)
    if (!w) return
    this.#intentional.add(instance)
    await w.kill()
  }

  /** Starts worker `instance` again (same instance: same transactional id, so it fences its zombie). */
  restart(instance: number): void {
    if (!this.#workers.has(instance)) this.#start(instance)
  }

  /** Starts the fixed-rate load with the workload's own timestamps and an idempotent producer. */
  startLoad(rate: number): void {
    this.#load = produceAtRate(this.target, this.inputTopic, this.#nextIndex, rate, Number.MAX_SAFE_INTEGER, {
      eventTime: 'generated',
      idempotent: true,
    })
  }

  /** Stops the load; resolves with the number of reference records sent. */
  async stopLoad(): Promise<number> {
    if (!this.#load) return 0
    const stats = await this.#load.stop()
    this.#load = undefined
    this.#nextIndex += stats.records
    return stats.records
  }

  /** Writes raw records (fuzz) to the input topic, acknowledged by the broker. */
  async sendRaw(messages: { key: Buffer | null; value: Buffer | null; partition: number }[]): Promise<void> {
    const producer = new Producer({ clientId: 'pitwall-chaos-raw', bootstrapBrokers: this.target.brokers, acks: -1 })
    try {
      const batch: MessageToProduce<Buffer, Buffer, Buffer, Buffer>[] = messages.map((m) => ({
        topic: this.inputTopic,
        partition: m.partition,
        timestamp: BigInt(Date.now()),
        ...(m.key ? { key: m.key } : {}),
        ...(m.value ? { value: m.value } : {}),
      }))
      for (let i = 0; i < batch.length; i += 200) await producer.send({ messages: batch.slice(i, i + 200) })
    } finally {
      await producer.close()
    }
  }

  /** Stops every worker (SIGTERM) and deletes the topics. */
  async teardown(keepTopics = false): Promise<void> {
    this.#closed = true
    await this.stopLoad().catch(() => 0)
    await Promise.all(this.running().map((i) => this.#stop(i)))
    if (!keepTopics) {
      const all = await listTopics(this.target, `${this.id}-`).catch(() => this.topics)
      await deleteTopics(this.target, all).catch(() => {})
    }
    rmSync(this.#stateDir, { recursive: true, force: true })
  }

  #start(instance: number): void {
    const w = startWorker(
      {
        implementation: 'pitwall',
        topology: this.topology,
        guarantee: this.guarantee,
        applicationId: this.id,
        instance,
        brokers: this.target.brokers,
        inputTopic: this.inputTopic,
        outputs: this.outputs,
        commitIntervalMs: 100,
        stateDir: join(this.#stateDir, `w${instance}`),
      },
      (line) => appendFileSync(this.workerLog, `${new Date().toISOString()} ${line}\n`),
    )
    this.#workers.set(instance, w)
    void w.exited.then((code) => {
      if (this.#workers.get(instance) === w) this.#workers.delete(instance)
      if (this.#intentional.delete(instance) || this.#closed) return
      this.unexpectedExits.push({ instance, code, stderr: w.stderrTail() })
      this.#log(`  worker ${instance} exited unasked (${code}); supervisor restarts it`)
      setTimeout(() => {
        if (!this.#closed && instance < this.#desired && !this.#workers.has(instance)) this.#start(instance)
      }, 1000)
    })
  }

  async #stop(instance: number): Promise<void> {
    const w = this.#workers.get(instance)
    if (!w) return
    this.#intentional.add(instance)
    await w.stop(20_000)
  }
}
