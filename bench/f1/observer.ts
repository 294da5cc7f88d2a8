/**
 * @module
 * The read_committed observer of the F1 broker bench: counts the records visible on the clean and
 * quarantine topics (every raw record ends on exactly one of them) and keeps, for clean records,
 * (time visible here - record timestamp): the input's timestamp, which the topology keeps.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { Consumer, FetchIsolationLevels } from '@platformatic/kafka'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

type ObserverConsumer = Consumer<Buffer, Buffer, Buffer, Buffer>

// topics created a moment ago may not have a leader in every broker's metadata yet
// ("This server does not host this topic-partition"), all the more on a loaded machine
async function subscribe(consumer: ObserverConsumer, topics: string[]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await consumer.consume({ topics, mode: 'earliest' })
    } catch (error) {
      if (attempt >= 10) throw error
      await sleep(500)
    }
  }
}

/** A running observer. */
export interface F1Observer {
  /** Clean + quarantine records seen so far. */
  seen(): number
  /** Wall-clock time (ms) the first clean record was seen, if any. */
  firstSeenAt(): number | undefined
  /** Resolves with the wall-clock time (ms) at which `count` records had been seen. */
  reached(count: number, timeoutMs: number): Promise<number>
  /** Latencies (ms) of the clean records whose timestamp is at or after `from`. */
  latencies(from: number): Float64Array
  /** The largest latency per `bucketMs` of record time, from `from` on: where the tail comes from. */
  worstPerBucket(from: number, bucketMs: number): number[]
  close(): Promise<void>
}

/**
 * Starts observing `cleanTopic` and `quarantineTopic` from their beginning.
 *
 * @example
 * ```ts
 * const obs = await observeF1(brokers, 'r1.f1.telemetry.clean', 'r1.f1.telemetry.quarantine')
 * const doneAt = await obs.reached(rawRecords, 600_000)
 * ```
 */
export async function observeF1(
  brokers: readonly string[],
  cleanTopic: string,
  quarantineTopic: string,
): Promise<F1Observer> {
  let seen = 0
  let first: number | undefined
  let stamps = new Float64Array(1 << 16)
  let lags = new Float64Array(1 << 16)
  let kept = 0
  const waiters: Array<{ count: number; done: (t: number) => void }> = []
  const consumer = new Consumer({
    clientId: 'pitwall-f1-bench-observer',
    groupId: `pitwall-f1-bench-observer-${process.pid}-${Date.now()}`,
    bootstrapBrokers: [...brokers],
    isolationLevel: FetchIsolationLevels.READ_COMMITTED,
    maxWaitTime: 20,
    maxBytes: 8 * 1024 * 1024,
    maxBytesPerPartition: 1024 * 1024,
    autocommit: false,
    sessionTimeout: 10_000,
    heartbeatInterval: 1000,
  })
  const stream = await subscribe(consumer, [cleanTopic, quarantineTopic])
  stream.on('data', (message) => {
    const now = Date.now()
    seen++
    if (message.topic === cleanTopic) {
      first ??= now
      if (kept === stamps.length) {
        const grow = (a: Float64Array) => {
          const b = new Float64Array(a.length * 2)
          b.set(a)
          return b
        }
        stamps = grow(stamps)
        lags = grow(lags)
      }
      const ts = Number(message.timestamp)
      stamps[kept] = ts
      lags[kept++] = now - ts
    }
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (seen >= waiters[i]!.count) waiters.splice(i, 1)[0]!.done(now)
    }
  })
  return {
    seen: () => seen,
    firstSeenAt: () => first,
    reached: (count, timeoutMs) =>
      new Promise<number>((resolve, reject) => {
        if (seen >= count) return resolve(Date.now())
        const timer = setTimeout(() => {
          reject(
            new PitwallError(
              ErrorCodes.RUNTIME_STATE,
              `f1 bench observer: ${seen} of ${count} clean+quarantine records seen in ${timeoutMs} ms`,
              { details: { seen, expected: count } },
            ),
          )
        }, timeoutMs)
        waiters.push({
          count,
          done: (t) => {
            clearTimeout(timer)
            resolve(t)
          },
        })
      }),
    latencies: (from) => {
      const out: number[] = []
      for (let i = 0; i < kept; i++) if (stamps[i]! >= from) out.push(lags[i]!)
      return Float64Array.from(out)
    },
    worstPerBucket: (from, bucketMs) => {
      const worst: number[] = []
      for (let i = 0; i < kept; i++) {
        if (stamps[i]! < from) continue
        const b = Math.floor((stamps[i]! - from) / bucketMs)
        worst[b] = Math.max(worst[b] ?? 0, lags[i]!)
      }
      return Array.from(worst, (w) => w ?? 0)
    },
    close: async () => {
      await stream.close()
      await consumer.close(true)
    },
  }
}
