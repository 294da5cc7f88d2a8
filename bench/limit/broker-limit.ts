/**
 * @module
 * The physical limit of this machine: the broker's own produce rate (the batched preloader) and
 * consume rate (a plain read_committed consumer that only counts) for the reference records. The
 * preloaded topic then serves as the input of the throughput runs of the same repeat.
 */
import { observe } from '../workload/observer.ts'
import { preload } from '../workload/preload.ts'
import { REFERENCE } from '../workload/reference.ts'
import { type ClusterTarget, createTopics } from '../workload/topics.ts'

/** Produce and consume rates of one measurement, in records/s. */
export interface BrokerLimit {
  readonly produceRps: number
  readonly consumeRps: number
  /** Writing every record once and reading it once: 1 / (1/produce + 1/consume). */
  readonly produceConsumeRps: number
  readonly produceMBps: number
}

/**
 * Creates `topic`, fills it with `records` reference records and reads them back, timing both.
 *
 * @example
 * ```ts
 * const limit = await measureBrokerLimit(target, 'bench-input-r1', 2_000_000, console.log)
 * ```
 */
export async function measureBrokerLimit(
  target: ClusterTarget,
  topic: string,
  records: number,
  log: (line: string) => void,
): Promise<BrokerLimit> {
  await createTopics(target, [topic], REFERENCE.partitions)
  const produced = await preload(target, topic, 0, records, (done) => log(`  preloaded ${done}`))
  const observer = await observe(target, { expected: { [topic]: records } })
  const started = Date.now()
  try {
    const doneAt = await observer.completed(180_000)
    const produceRps = (records / produced.ms) * 1000
    const consumeRps = (records / (doneAt - started)) * 1000
    return {
      produceRps,
      consumeRps,
      produceConsumeRps: 1 / (1 / produceRps + 1 / consumeRps),
      produceMBps: produced.bytes / 1e6 / (produced.ms / 1000),
    }
  } finally {
    await observer.close()
  }
}
