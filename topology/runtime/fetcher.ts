/**
 * @module
 * Fetches records of explicitly positioned partitions (the runtime owns positions: it rewinds them
 * after an abort) from their leaders, read-committed by default, dropping aborted transactional
 * batches and control batches. Positions advance past everything fetched, filtered or not.
 */
import type { Consumer } from '@platformatic/kafka'
import type { ConsumedRecord } from '../internals/runnable.ts'
import { committedBatches } from './committed-batches.ts'
import { type RawFetchPartition, rawFetch } from './fetch-api.ts'
import { decodeRecordBatches } from './record-batches.ts'

/** Where to fetch a partition from. */
export interface FetchPosition {
  readonly topic: string
  readonly partition: number
  readonly offset: bigint
}

/** What one partition returned. */
export interface FetchedPartition {
  readonly topic: string
  readonly partition: number
  readonly records: ConsumedRecord[]
  /** The position after this fetch. */
  readonly nextOffset: bigint
  readonly highWatermark: bigint
  readonly lastStableOffset: bigint
  /** Protocol error code of the partition (0 when fine). */
  readonly errorCode: number
}

/** Fetch tuning. */
export interface FetchSettings {
  readonly maxWaitMs: number
  readonly maxBytesPerPartition: number
  readonly readCommitted: boolean
}

const READ_COMMITTED = 1

function headersOf(raw: readonly (readonly [string, Buffer])[]): Record<string, Uint8Array> {
  const headers: Record<string, Uint8Array> = {}
  for (const [k, v] of raw) headers[k] = v
  return headers
}

/**
 * Fetches once from every leader holding one of `positions`, in parallel.
 *
 * @example
 * ```ts
 * const parts = await fetchPartitions(consumer, [{ topic: 'in', partition: 0, offset: 0n }], settings)
 * ```
 */
export async function fetchPartitions(
  consumer: Consumer,
  positions: readonly FetchPosition[],
  settings: FetchSettings,
): Promise<FetchedPartition[]> {
  if (positions.length === 0) return []
  const topics = [...new Set(positions.map((p) => p.topic))]
  const metadata = await consumer.metadata({ topics })
  const byNode = new Map<number, FetchPosition[]>()
  for (const p of positions) {
    const leader = metadata.topics.get(p.topic)?.partitions[p.partition]?.leader ?? -1
    const list = byNode.get(leader) ?? []
    list.push(p)
    byNode.set(leader, list)
  }
  const topicById = new Map<string, string>()
  for (const t of topics) topicById.set(metadata.topics.get(t)!.id, t)
  const requested = new Map(positions.map((p) => [`${p.topic}:${p.partition}`, p.offset]))
  const results = await Promise.all(
    [...byNode].map(async ([node, list]) => {
      const byTopic = new Map<string, FetchPosition[]>()
      for (const p of list) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p])
      const broker = metadata.brokers.get(node)
      // No leader yet (topic being created, election under way): the loop retries these after a refresh.
      if (!broker) return list.map((p) => noLeader(p))
      const connection = await consumer.connections.get(broker)
      const response = await rawFetch(
        connection,
        {
          maxWaitMs: settings.maxWaitMs,
          maxBytes: settings.maxBytesPerPartition * list.length,
          isolationLevel: settings.readCommitted ? READ_COMMITTED : 0,
        },
        [...byTopic].map(([topic, ps]) => ({
          topicId: metadata.topics.get(topic)!.id,
          partitions: ps.map((p) => ({
            partition: p.partition,
            fetchOffset: p.offset,
            partitionMaxBytes: settings.maxBytesPerPartition,
          })),
        })),
      )
      const out: FetchedPartition[] = []
      for (const t of response.responses) {
        const topic = topicById.get(t.topicId)
        if (!topic) continue
        for (const p of t.partitions) {
          const from = requested.get(`${topic}:${p.partitionIndex}`)
          if (from === undefined) continue
          out.push(decodePartition(topic, p, from))
        }
      }
      return out
    }),
  )
  return results.flat()
}

/** A partition without a leader in the metadata answers LEADER_NOT_AVAILABLE (5), as the broker would. */
function noLeader(p: FetchPosition): FetchedPartition {
  const { topic, partition, offset } = p
  return { topic, partition, records: [], nextOffset: offset, highWatermark: -1n, lastStableOffset: -1n, errorCode: 5 }
}

function decodePartition(topic: string, p: RawFetchPartition, from: bigint): FetchedPartition {
  const batches = p.records === null ? [] : decodeRecordBatches(p.records)
  const records: ConsumedRecord[] = []
  let nextOffset = from
  if (batches.length > 0) {
    const last = batches[batches.length - 1]!
    const end = last.firstOffset + BigInt(last.lastOffsetDelta) + 1n
    if (end > nextOffset) nextOffset = end
  }
  for (const batch of committedBatches(batches, p.abortedTransactions)) {
    for (const r of batch.records) {
      const offset = batch.firstOffset + BigInt(r.offsetDelta)
      if (offset < from) continue
      records.push({
        topic,
        partition: p.partitionIndex,
        offset: Number(offset),
        key: r.key,
        value: r.value,
        timestamp: batch.firstTimestamp + r.timestampDelta,
        headers: r.headers.length === 0 ? {} : headersOf(r.headers),
      })
    }
  }
  return {
    topic,
    partition: p.partitionIndex,
    records,
    nextOffset,
    highWatermark: p.highWatermark,
    lastStableOffset: p.lastStableOffset,
    errorCode: p.errorCode,
  }
}
