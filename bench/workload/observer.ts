/**
 * @module
 * The read_committed observer of the benchmarks: counts the records visible on each output topic
 * and, for the clean topic, measures latency = visible time - the record's `ts` field. A run ends
 * when every topic has reached its expected count.
 */
import { Consumer, FetchIsolationLevels } from '@platformatic/kafka'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { ClusterTarget } from './topics.ts'

/** A running observer. */
export interface Observer {
  /** Records seen so far per topic. */
  counts(): Record<string, number>
  /** Resolves with the wall-clock time (ms since epoch) at which all expected records were seen. */
  completed(timeoutMs: number): Promise<number>
  /** Latencies (ms) of the records of the latency topic, in arrival order. */
  latencies(): Float64Array
  close(): Promise<void>
}

/** What to observe. */
export interface ObserveSpec {
  readonly expected: Record<string, number>
  /** Topic whose records' `ts` field latency is measured on. */
  readonly latencyTopic?: string
  readonly onProgress?: (counts: Record<string, number>) => void
}

/**
 * Starts a read_committed observer on the topics of `spec.expected`, from their beginning.
 *
 * @example
 * ```ts
 * const obs = await observe(target, { expected: { 'r1-clean': 99_500, 'r1-quarantine': 500 } })
 * const doneAt = await obs.completed(600_000)
 * ```
 */
export async function observe(target: ClusterTarget, spec: ObserveSpec): Promise<Observer> {
  const topics = Object.keys(spec.expected)
  const counts: Record<string, number> = Object.fromEntries(topics.map((t) => [t, 0]))
  let latencies = new Float64Array(1 << 16)
  let latencyCount = 0
  let doneAt: number | undefined
  let resolveDone: ((t: number) => void) | undefined
  const isDone = () => topics.every((t) => counts[t]! >= spec.expected[t]!)
  const consumer = new Consumer({
    clientId: 'pitwall-bench-observer',
    groupId: `pitwall-bench-observer-${process.pid}-${Date.now()}`,
    bootstrapBrokers: target.brokers,
    isolationLevel: FetchIsolationLevels.READ_COMMITTED,
    maxWaitTime: 50,
    maxBytes: 8 * 1024 * 1024,
    maxBytesPerPartition: 1024 * 1024,
    autocommit: false,
    sessionTimeout: 10_000,
    heartbeatInterval: 1000,
  })
  const stream = await consumer.consume({ topics, mode: 'earliest' })
  const progress = spec.onProgress ? setInterval(() => spec.onProgress?.({ ...counts }), 5000) : undefined
  stream.on('data', (message) => {
    const now = Date.now()
    counts[message.topic] = (counts[message.topic] ?? 0) + 1
    if (message.topic === spec.latencyTopic && message.value) {
      const ts = (JSON.parse(message.value.toString()) as { ts: number }).ts
      if (latencyCount === latencies.length) {
        const grown = new Float64Array(latencies.length * 2)
        grown.set(latencies)
        latencies = grown
      }
      latencies[latencyCount++] = now - ts
    }
    if (doneAt === undefined && isDone()) {
      doneAt = now
      resolveDone?.(now)
    }
  })
  return {
    counts: () => ({ ...counts }),
    latencies: () => latencies.slice(0, latencyCount),
    completed: (timeoutMs) =>
      new Promise<number>((resolve, reject) => {
        if (doneAt !== undefined) return resolve(doneAt)
        const timer = setTimeout(() => {
          reject(
            new PitwallError(ErrorCodes.RUNTIME_STATE, `bench observer: expected output not seen in ${timeoutMs} ms`, {
              details: { expected: spec.expected, seen: { ...counts } },
            }),
          )
        }, timeoutMs)
        resolveDone = (t) => {
          clearTimeout(timer)
          resolve(t)
        }
      }),
    close: async () => {
      if (progress) clearInterval(progress)
      await stream.close()
      await consumer.close(true)
    },
  }
}
