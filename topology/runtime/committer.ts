/**
 * @module
 * How a worker commits: the exactly-once committer runs one transaction per commit interval on one
 * transactional producer (outputs, changelog records and the consumed offsets with the group's
 * generation and member id, KIP-447); the at-least-once committer sends plainly and commits
 * offsets after the outputs are acknowledged. A commit whose outcome is unknown (timeout) is
 * retried and never followed by an abort: if it still fails, the producer is dropped and a new one
 * (same transactional id) lets the coordinator finish the old transaction first.
 */
import { type Consumer, compatibilityPartitioner, Producer, txnOffsetCommitV3 } from '@platformatic/kafka'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import { BatchSender } from './batch-sender.ts'
import { isFencedError, isNetworkError, isRecordRejection } from './kafka-errors.ts'
import type { Logger } from './logger.ts'
import type { MessageSink } from './record-collector.ts'
import { retryWhileBusy, transactionalRetryDelay } from './txn-retry.ts'

/** A consumed partition's next offset to commit. */
export interface OffsetToCommit {
  readonly topic: string
  readonly partition: number
  readonly offset: bigint
}

/** What the stream thread commits through. */
export interface Committer {
  readonly sink: MessageSink
  commit(offsets: readonly OffsetToCommit[], consumer: Consumer): Promise<void>
  /**
   * Exactly-once: `topic:partition` -> offset after the last record written there by the
   * transaction that committed last (empty after a commit that wrote nothing); resets. Empty
   * at-least-once.
   */
  takeCommittedWrites(): ReadonlyMap<string, bigint>
  /** Aborts the open transaction, if any (never after a failed commit). */
  abort(): Promise<void>
  /** Replaces the producer (after fencing or an unknown commit outcome). */
  renew(): Promise<void>
  close(): Promise<void>
}

/** Connection settings of the producer. */
export interface ProducerSettings {
  readonly clientId: string
  readonly brokers: readonly string[]
  readonly transactionalId?: string
  readonly timeoutMs: number
  readonly logger: Logger
}

function newProducer(s: ProducerSettings): Producer {
  return new Producer({
    clientId: s.clientId,
    bootstrapBrokers: [...s.brokers],
    idempotent: true,
    acks: -1,
    timeout: s.timeoutMs,
    retries: 5,
    // busy coordinator (CONCURRENT_TRANSACTIONS...) every 20 ms, network errors 100 ms doubling to 1 s
    retryDelay: (_client, _operation, attempt, _retries, error) => transactionalRetryDelay(attempt, error),
    partitioner: compatibilityPartitioner,
    ...(s.transactionalId ? { transactionalId: s.transactionalId } : {}),
  })
}

type Transaction = Awaited<ReturnType<Producer['beginTransaction']>>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Rejected records stop the worker (PRODUCTION); anything else is retried through recovery. */
function sendError(cause: unknown, count: number): PitwallError {
  return isRecordRejection(cause)
    ? new PitwallError(ErrorCodes.PRODUCTION, `the broker rejected records of a batch of ${count}`, { cause })
    : new PitwallError(ErrorCodes.BROKER_UNREACHABLE, `sending ${count} records failed`, { cause })
}

/**
 * One TxnOffsetCommit (v3, KIP-447: with the group generation and member id) for all consumed
 * partitions of a commit; the client's `addOffset` would send one request per partition.
 */
async function commitOffsetsInTransaction(
  producer: Producer,
  transactionalId: string,
  consumer: Consumer,
  offsets: readonly OffsetToCommit[],
): Promise<void> {
  const byTopic = new Map<string, { partitionIndex: number; committedOffset: bigint; committedLeaderEpoch: number }[]>()
  for (const o of offsets) {
    const partitions = byTopic.get(o.topic) ?? []
    if (partitions.length === 0) byTopic.set(o.topic, partitions)
    partitions.push({ partitionIndex: o.partition, committedOffset: o.offset, committedLeaderEpoch: -1 })
  }
  // only the brokers are needed: no topics, so the cached metadata answers without a request
  const metadata = await producer.metadata({ topics: [] })
  const coordinator = consumer.coordinatorId === null ? undefined : metadata.brokers.get(consumer.coordinatorId)
  if (!coordinator) {
    throw new PitwallError(ErrorCodes.TRANSACTION, `group coordinator ${consumer.coordinatorId} is not in the metadata`)
  }
  const connection = await producer.connections.get(coordinator)
  await txnOffsetCommitV3.api.async(
    connection,
    transactionalId,
    consumer.groupId,
    producer.producerId!,
    producer.producerEpoch!,
    consumer.generationId,
    consumer.memberId!,
    null,
    [...byTopic].map(([name, partitions]) => ({ name, partitions })),
  )
}

/**
 * The exactly-once v2 committer.
 *
 * @example
 * ```ts
 * const committer = transactionalCommitter({ clientId, brokers, transactionalId: 'app-w1', timeoutMs: 10_000, logger })
 * await collector.flush(committer.sink)
 * await committer.commit(offsets, consumer)
 * ```
 */
export function transactionalCommitter(settings: ProducerSettings): Committer {
  let producer = newProducer(settings)
  let txn: Transaction | undefined
  const sender = new BatchSender(settings.transactionalId, settings.timeoutMs)
  // After a failed send the sequence numbers are uncertain: abort by renewing (epoch bump).
  let sendFailed = false
  let committedWrites: ReadonlyMap<string, bigint> = new Map()
  // The consumer of the last commit: the next transaction adds its group (AddOffsetsToTxn) as soon
  // as it begins, concurrently with the first send, instead of at commit time.
  let consumer: Consumer | undefined
  let offsetsAdded: Promise<unknown> | undefined
  const busy = (what: string) => ({
    deadlineMs: settings.timeoutMs,
    onRetry: (attempt: number, error: unknown) => {
      if (attempt === 10) settings.logger.warn(`transaction coordinator still busy: ${what}`, { error: String(error) })
    },
  })
  const ensure = async (): Promise<Transaction> => {
    if (!txn || txn.completed) {
      sender.takeWritten() // left by a transaction that did not commit
      // a failed begin leaves the client's transaction open: drop it so that the next begin can run
      const cancelBegun = () => void producer.transaction?.cancel().catch(() => {})
      try {
        txn = await retryWhileBusy(() => producer.beginTransaction({ producerId: -1n, producerEpoch: -1 }), {
          ...busy('InitProducerId'),
          beforeRetry: cancelBegun,
        })
      } catch (cause) {
        txn = undefined
        cancelBegun()
        throw wrap(cause, 'cannot begin a transaction')
      }
      const c = consumer
      const t = txn
      offsetsAdded = c
        ? retryWhileBusy(() => t.addConsumer(c), busy('AddOffsetsToTxn')).catch((error: unknown) => error)
        : undefined
    }
    return txn
  }
  const wrap = (cause: unknown, what: string) =>
    isFencedError(cause)
      ? new PitwallError(ErrorCodes.PRODUCER_FENCED, `producer ${settings.transactionalId} was fenced: ${what}`, {
          cause,
        })
      : new PitwallError(ErrorCodes.TRANSACTION, `transaction of ${settings.transactionalId}: ${what}`, { cause })
  const endCommit = async (t: Transaction) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await retryWhileBusy(() => t.commit(), busy('EndTxn'))
        return
      } catch (cause) {
        if (!isNetworkError(cause) || attempt >= 5) {
          const error = wrap(cause, isNetworkError(cause) ? 'commit outcome unknown after retries' : 'commit failed')
          if (isNetworkError(cause)) (error.details as Record<string, unknown>).unknownOutcome = true
          throw error
        }
        settings.logger.warn('transaction commit timed out, retrying (never aborting an unknown outcome)', { attempt })
        await sleep(250 * attempt)
      }
    }
  }
  return {
    sink: async (messages) => {
      const t = await ensure()
      try {
        await sender.send(producer, t, messages)
      } catch (cause) {
        sendFailed = true
        throw isRecordRejection(cause)
          ? sendError(cause, messages.length)
          : wrap(cause, `sending ${messages.length} records failed`)
      }
    },
    async commit(offsets, groupConsumer) {
      consumer = groupConsumer
      if (offsets.length === 0 && (!txn || txn.completed)) return
      const t = await ensure()
      // EndTxn must not overtake the early AddOffsetsToTxn; one that failed is sent again below
      // (the client did not record the group)
      await offsetsAdded
      try {
        if (offsets.length > 0) {
          await retryWhileBusy(() => t.addConsumer(groupConsumer), busy('AddOffsetsToTxn'))
          await retryWhileBusy(
            () => commitOffsetsInTransaction(producer, settings.transactionalId!, groupConsumer, offsets),
            { ...busy('TxnOffsetCommit'), codes: ['CONCURRENT_TRANSACTIONS', 'COORDINATOR_LOAD_IN_PROGRESS'] },
          )
        }
      } catch (cause) {
        throw wrap(cause, 'adding consumed offsets failed')
      }
      await endCommit(t)
      txn = undefined
      offsetsAdded = undefined
      committedWrites = sender.takeWritten()
    },
    takeCommittedWrites() {
      const written = committedWrites
      committedWrites = new Map()
      return written
    },
    async abort() {
      const t = txn
      txn = undefined
      sender.takeWritten()
      if (sendFailed) {
        settings.logger.warn('a send failed in this transaction; renewing the producer instead of aborting')
        await this.renew()
        return
      }
      if (!t || t.completed) return
      // EndTxn must not overtake the early AddOffsetsToTxn
      await offsetsAdded
      offsetsAdded = undefined
      try {
        await t.abort()
      } catch (cause) {
        settings.logger.warn('abort failed; renewing the producer', { error: String(cause) })
        await this.renew()
      }
    },
    async renew() {
      txn = undefined
      offsetsAdded = undefined
      sendFailed = false
      sender.takeWritten()
      await producer.close(true).catch(() => {})
      producer = newProducer(settings)
    },
    async close() {
      await this.abort()
      await producer.close(true).catch(() => {})
    },
  }
}

/**
 * The at-least-once committer: outputs first, then offsets.
 *
 * @example
 * ```ts
 * const committer = plainCommitter({ clientId, brokers, timeoutMs: 10_000, logger })
 * ```
 */
export function plainCommitter(settings: ProducerSettings): Committer {
  let producer = newProducer(settings)
  const sender = new BatchSender(undefined, settings.timeoutMs)
  // After a failed send the sequence numbers are uncertain: the next send needs a new producer id.
  let sendFailed = false
  return {
    sink: async (messages) => {
      try {
        await sender.send(producer, undefined, messages)
      } catch (cause) {
        sendFailed = true
        throw sendError(cause, messages.length)
      }
    },
    async commit(offsets, consumer) {
      if (offsets.length === 0) return
      await consumer.commit({ offsets: offsets.map((o) => ({ ...o, leaderEpoch: -1 })) })
    },
    takeCommittedWrites: () => new Map(),
    async abort() {
      if (sendFailed) await this.renew()
    },
    async renew() {
      sendFailed = false
      await producer.close(true).catch(() => {})
      producer = newProducer(settings)
    },
    async close() {
      await producer.close(true).catch(() => {})
    },
  }
}
