/**
 * @module
 * Waits until a consumer group has committed every partition of its input topics up to the end
 * offsets they had when the wait began: under exactly-once the offsets commit in the transaction
 * of the output, so this says the worker has finished (not only produced) its input.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { Kafka, logLevel } from 'kafkajs'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/**
 * Resolves with the wall-clock time (ms) at which the group's committed offsets reached the ends.
 *
 * @example
 * ```ts
 * const at = await committedToEnd(brokers, 'f1-bench-1', ['f1-bench-1.f1.telemetry.raw'], 600_000)
 * ```
 */
export async function committedToEnd(
  brokers: readonly string[],
  groupId: string,
  topics: readonly string[],
  timeoutMs: number,
  failed: () => unknown = () => undefined,
): Promise<number> {
  const kafka = new Kafka({ clientId: 'pitwall-f1-bench-offsets', brokers: [...brokers], logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  await admin.connect()
  try {
    const ends = new Map<string, number>()
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}/${p.partition}`, Number(p.high))
    }
    const deadline = Date.now() + timeoutMs
    let behind = [...ends.keys()]
    while (Date.now() < deadline) {
      const error = failed()
      if (error !== undefined) throw error
      const committed = new Map<string, number>()
      for (const t of await admin.fetchOffsets({ groupId, topics: [...topics] })) {
        for (const p of t.partitions) committed.set(`${t.topic}/${p.partition}`, Number(p.offset))
      }
      behind = [...ends].filter(([tp, end]) => end > 0 && (committed.get(tp) ?? -1) < end).map(([tp]) => tp)
      if (behind.length === 0) return Date.now()
      await sleep(100)
    }
    throw new PitwallError(ErrorCodes.RUNTIME_STATE, `f1 bench: group ${groupId} did not commit its input`, {
      details: { behind },
    })
  } finally {
    await admin.disconnect()
  }
}
