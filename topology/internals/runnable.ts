/**
 * @module
 * The seam between what the DSL builds and what runs it. The logical graph (internals/graph) is
 * compiled into a {@link RunnableTopology}; both the TopologyTestDriver (virtual time, no broker)
 * and the Kafka runtime (PitwallStreams) create {@link StreamTask}s from it and feed them raw
 * records. Neither runner knows about operators; tasks know nothing of Kafka.
 */
import type { HandlerResponse } from '../../core/errors.ts'
import type { ChangelogWriter, RestorableStore, StateStore, StoreMetricsSink } from '../../stores/api.ts'
import type { Headers } from '../processor.ts'

/** A record as bytes, as read from or written to a topic. */
export interface RawRecord {
  readonly key: Uint8Array | null
  readonly value: Uint8Array | null
  readonly timestamp: number
  readonly headers: Headers
}

/** A raw record with where it was read from. */
export interface ConsumedRecord extends RawRecord {
  readonly topic: string
  readonly partition: number
  readonly offset: number
}

/**
 * Where a task's output goes: topics, repartition topics and the dead-letter topic. `partition`
 * is set when a partitioner chose one; otherwise the collector partitions by key with Kafka's
 * murmur2 default partitioner (so Pitwall and Java clients agree on placement).
 */
export interface RecordCollector {
  send(topic: string, record: RawRecord, partition?: number): void
  /** Partition count of an output topic, for stream partitioners; undefined when unknown. */
  partitionsFor(topic: string): number | undefined
}

/** Why a record failed and where it came from, given to error handlers. */
export interface ErrorContext {
  readonly taskId: string
  readonly processorName?: string
  readonly record: ConsumedRecord | undefined
  readonly error: unknown
}

/** Decides whether a task continues past a failed record (after dead-lettering it) or fails. */
export type ErrorHandler = (context: ErrorContext) => HandlerResponse

/** Everything a runner gives a task when it creates one. */
export interface TaskContext {
  readonly applicationId: string
  /** `<stateDir>/<applicationId>/<taskId>`; persistent stores open below it. */
  readonly taskDir: string
  readonly collector: RecordCollector
  /** Present when stores log to changelog topics (always, except in unlogged test setups). */
  readonly changelog?: ChangelogWriter
  readonly metrics?: StoreMetricsSink
  readonly deserializationErrorHandler: ErrorHandler
  readonly processingErrorHandler: ErrorHandler
  /** Topic that failed records are sent to, with the error and source coordinates in headers. */
  readonly deadLetterTopic?: string
  /** The runner's clock (virtual in the test driver). */
  readonly wallClock: () => number
  /**
   * Maps a topology-level topic name (e.g. `counts-repartition`) to the physical one
   * (`<applicationId>-counts-repartition`); identity for user topics.
   */
  readonly topicName: (logicalName: string) => string
}

/**
 * One sub-topology on one partition: its processors and stores.
 *
 * @example
 * ```ts
 * const task = topology.createTask(0, 3, context)
 * await task.initialize()
 * await task.process(record)
 * await task.commit()
 * ```
 */
export interface StreamTask {
  /** `'<subtopology>_<partition>'`, as in Kafka Streams. */
  readonly id: string
  readonly subtopology: number
  readonly partition: number
  /** Stores by name, for restoration and interactive queries. */
  readonly stores: ReadonlyMap<string, StateStore & RestorableStore>
  /** Opens the stores; the runner restores them from their changelogs after this. */
  openStores(): Promise<void>
  /** Initialises processors (after restoration). */
  initialize(): Promise<void>
  /** Deserializes and processes one record of one of the task's source topics. */
  process(record: ConsumedRecord): Promise<void>
  /** Runs wall-clock punctuators that are due at `now`. */
  punctuate(now: number): Promise<void>
  /** Flushes caches down to the stores and the changelog; called before each commit. */
  commit(): Promise<void>
  /** The stream time of the task (-1 before any record). */
  streamTime(): number
  /** Closes processors and stores; with `clean === false` skips flushing (crash or fencing). */
  close(clean: boolean): Promise<void>
}

/** A topic a topology needs created, named without the application id prefix. */
export interface InternalTopicSpec {
  readonly name: string
  readonly kind: 'repartition' | 'changelog'
  /** Partitions, when fixed by the topology (`repartition({ numberOfPartitions })`). */
  readonly partitions?: number
  /** Topic configs, e.g. `cleanup.policy=compact` for changelogs. */
  readonly config: Readonly<Record<string, string>>
}

/** One connected part of the graph, run as one task per partition. */
export interface SubtopologySpec {
  readonly id: number
  /** Topology-level names of source topics (user topics and internal repartition topics). */
  readonly sourceTopics: readonly string[]
  /** Topic patterns, if any source subscribes by pattern. */
  readonly sinkTopics: readonly string[]
  /** Store name -> changelog topic name (topology level, e.g. `counts-changelog`). */
  readonly changelogTopics: ReadonlyMap<string, string>
}

/**
 * The compiled, runnable form of a topology.
 *
 * @example
 * ```ts
 * const runnable = builder.build().runnable()
 * for (const s of runnable.subtopologies) console.log(s.id, s.sourceTopics)
 * ```
 */
export interface RunnableTopology {
  readonly subtopologies: readonly SubtopologySpec[]
  readonly internalTopics: readonly InternalTopicSpec[]
  /** Groups of source topics that must have equal partition counts (joins). */
  readonly copartitionGroups: readonly (readonly string[])[]
  createTask(subtopology: number, partition: number, context: TaskContext): StreamTask
}
