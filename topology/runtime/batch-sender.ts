/**
 * @module
 * Sends records with Pitwall's batch encoder, inside the open transaction (exactly-once: partitions
 * are registered with AddPartitionsToTxn through the client's transaction) or with the plain
 * idempotent producer (at-least-once). Each partition's records
 * are cut into batches under the broker's batch limit, and every round of batches goes out as one
 * Produce request per leader, with the idempotent producer's sequence numbers kept here.
 */
import { createAPI, type Producer, produceV9, Writer } from '@platformatic/kafka'
import { partitionForKey } from './partitioner.ts'
import { approximateRecordSize, encodeRecordBatch } from './record-batch-encoder.ts'
import type { OutgoingMessage } from './record-collector.ts'
import { retryWhileBusy } from './txn-retry.ts'

type Transaction = Awaited<ReturnType<Producer['beginTransaction']>>

interface PartitionBatch {
  readonly index: number
  readonly batch: Buffer
}

/** Largest batch sent (the broker's default max.message.bytes is 1 MiB). */
const MAX_BATCH_BYTES = 900 * 1024
const ACKS_ALL = -1

function createRequest(
  transactionalId: string | null,
  timeoutMs: number,
  topics: { name: string; partitions: PartitionBatch[] }[],
): Writer {
  return Writer.create()
    .appendString(transactionalId)
    .appendInt16(ACKS_ALL)
    .appendInt32(timeoutMs)
    .appendArray(topics, (w, t) => {
      w.appendString(t.name).appendArray(t.partitions, (pw, p) => {
        pw.appendInt32(p.index)
          .appendUnsignedVarInt(p.batch.length + 1)
          .append(p.batch)
      })
    })
    .appendTaggedFields()
}

/** The part of a Produce response read here (the client's parser returns more). */
interface ProduceAnswer {
  readonly responses: { name: string; partitionResponses: { index: number; baseOffset: bigint }[] }[]
}

const produceApi = createAPI<Parameters<typeof createRequest>, unknown>(0, 9, createRequest, produceV9.parseResponse)

/**
 * Sequence numbers and batching of one transactional producer's sends.
 *
 * @example
 * ```ts
 * const sender = new BatchSender('app-w1', 10_000) // or new BatchSender(undefined, 10_000) without transactions
 * await sender.send(producer, txn, messages)
 * ```
 */
export class BatchSender {
  readonly #transactionalId: string | null
  readonly #timeoutMs: number
  #sequences = new Map<string, number>()
  #identity = ''
  #roundRobin = 0
  /** `topic:partition` -> offset after the last record written there (exactly-once store checkpoints). */
  #written = new Map<string, bigint>()
  #txn: Transaction | undefined
  /** Partitions sent to in the current transaction, and in the one before it. */
  #txnPartitions = new Map<string, { topic: string; partition: number }>()
  #previousPartitions = new Map<string, { topic: string; partition: number }>()

  constructor(transactionalId: string | undefined, timeoutMs: number) {
    this.#transactionalId = transactionalId ?? null
    this.#timeoutMs = timeoutMs
  }

  /** The offset after the last record acknowledged per `topic:partition` since the last call; resets. */
  takeWritten(): Map<string, bigint> {
    const written = this.#written
    this.#written = new Map()
    return written
  }

  /**
   * On the first send of a transaction: the partitions the previous transaction sent to, registered
   * with this send's (a worker's transactions write to the same partitions), so that the partitions
   * first written at commit time (cache flushes) usually need no AddPartitionsToTxn round trip then.
   * A partition registered and not written only gets a transaction marker.
   */
  #carriedPartitions(txn: Transaction): { topic: string; partition: number }[] {
    if (txn === this.#txn) return []
    this.#txn = txn
    this.#previousPartitions = this.#txnPartitions
    this.#txnPartitions = new Map()
    return [...this.#previousPartitions.values()].map((p) => ({ ...p }))
  }

  /** Sends `messages` in `txn`, or idempotently without a transaction when `txn` is undefined. */
  async send(producer: Producer, txn: Transaction | undefined, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return
    if (txn === undefined && producer.producerId === undefined) await producer.initIdempotentProducer({})
    const carried = txn ? this.#carriedPartitions(txn) : []
    const topics = new Set(messages.map((m) => m.topic))
    for (const c of carried) topics.add(c.topic)
    const metadata = await producer.metadata({ topics: [...topics] })
    for (const m of messages) {
      if (m.partition !== undefined) continue
      const count = metadata.topics.get(m.topic)!.partitionsCount
      m.partition = m.key ? partitionForKey(m.key, count) : this.#roundRobin++ % count
    }
    const byPartition = new Map<string, Map<number, OutgoingMessage[]>>()
    for (const m of messages) {
      let partitions = byPartition.get(m.topic)
      if (!partitions) {
        partitions = new Map()
        byPartition.set(m.topic, partitions)
      }
      const list = partitions.get(m.partition!)
      if (list) list.push(m)
      else partitions.set(m.partition!, [m])
    }
    if (txn) {
      // One message per partition is enough for the client to register the partitions; it sends
      // one AddPartitionsToTxn for those not registered yet in this transaction.
      const representatives: { topic: string; partition: number }[] = [...carried]
      for (const [topic, partitions] of byPartition) {
        for (const partition of partitions.keys()) {
          representatives.push({ topic, partition })
          this.#txnPartitions.set(`${topic}:${partition}`, { topic, partition })
        }
      }
      await retryWhileBusy(() => txn.addPartitions(metadata, representatives as never), {
        deadlineMs: this.#timeoutMs,
      })
    }
    const identity = `${producer.producerId}:${producer.producerEpoch}`
    if (identity !== this.#identity) {
      this.#sequences.clear()
      this.#identity = identity
    }
    // Round r holds the r-th batch of every partition: rounds go out one after the other, so the
    // batches of a partition arrive in sequence order.
    const rounds: { topic: string; partition: number; records: OutgoingMessage[] }[][] = []
    for (const list of [...byPartition.values()].flatMap((partitions) => [...partitions.values()])) {
      let round = 0
      let start = 0
      let bytes = 0
      for (let i = 0; i <= list.length; i++) {
        const size = i < list.length ? approximateRecordSize(list[i]!) : 0
        if (i === list.length || (bytes + size > MAX_BATCH_BYTES && i > start)) {
          rounds[round] ??= []
          rounds[round]!.push({ topic: list[0]!.topic, partition: list[0]!.partition!, records: list.slice(start, i) })
          round++
          start = i
          bytes = 0
        }
        bytes += size
      }
    }
    for (const round of rounds) {
      const byLeader = new Map<number, Map<string, PartitionBatch[]>>()
      const counts = new Map<string, number>()
      for (const part of round) {
        const key = `${part.topic}:${part.partition}`
        counts.set(key, part.records.length)
        const baseSequence = this.#sequences.get(key) ?? 0
        this.#sequences.set(key, (baseSequence + part.records.length) % 2 ** 31)
        const batch = encodeRecordBatch(part.records, {
          producerId: producer.producerId!,
          producerEpoch: producer.producerEpoch!,
          baseSequence,
          transactional: txn !== undefined,
        })
        const leader = metadata.topics.get(part.topic)!.partitions[part.partition]!.leader
        const topics = byLeader.get(leader) ?? new Map<string, PartitionBatch[]>()
        byLeader.set(leader, topics)
        const list = topics.get(part.topic) ?? []
        topics.set(part.topic, list)
        list.push({ index: part.partition, batch })
      }
      await Promise.all(
        [...byLeader].map(async ([leader, topics]) => {
          const connection = await producer.connections.get(metadata.brokers.get(leader)!)
          const payload = [...topics].map(([name, partitions]) => ({ name, partitions }))
          const answer = (await produceApi.async(
            connection,
            this.#transactionalId,
            this.#timeoutMs,
            payload,
          )) as ProduceAnswer
          for (const t of answer.responses) {
            for (const p of t.partitionResponses) {
              const key = `${t.name}:${p.index}`
              this.#written.set(key, p.baseOffset + BigInt(counts.get(key) ?? 0))
            }
          }
        }),
      )
    }
  }
}
