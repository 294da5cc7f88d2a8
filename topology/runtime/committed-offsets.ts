/**
 * @module
 * Reads a group's committed offsets with `require_stable` (KIP-447): while another member's
 * transaction that commits offsets for a partition is still open, the broker answers
 * UNSTABLE_OFFSET_COMMIT and we wait, so a task never starts from an offset that a zombie's
 * transaction is about to move. (@platformatic/kafka's listCommittedOffsets does not set the flag.)
 */
import { type Consumer, offsetFetchV9 } from '@platformatic/kafka'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import { protocolErrorNames } from './kafka-errors.ts'

/** A partition to look up. */
export interface TopicPartition {
  readonly topic: string
  readonly partition: number
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Committed next-offsets by `topic:partition` (-1n when the group has none), waiting up to
 * `timeoutMs` for pending transactional commits to settle.
 *
 * @example
 * ```ts
 * const offsets = await stableCommittedOffsets(consumer, [{ topic: 'in', partition: 0 }], 30_000)
 * ```
 */
export async function stableCommittedOffsets(
  consumer: Consumer,
  partitions: readonly TopicPartition[],
  timeoutMs: number,
): Promise<Map<string, bigint>> {
  const byTopic = new Map<string, number[]>()
  for (const p of partitions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition])
  const topics = [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes }))
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      const node = await consumer.findGroupCoordinator()
      const metadata = await consumer.metadata({ topics: [...byTopic.keys()] })
      const connection = await consumer.connections.get(metadata.brokers.get(node)!)
      const response = await offsetFetchV9.api.async(
        connection,
        [{ groupId: consumer.groupId, memberId: null, memberEpoch: -1, topics }],
        true,
      )
      const result = new Map<string, bigint>()
      for (const t of response.groups[0]?.topics ?? []) {
        for (const p of t.partitions) result.set(`${t.name}:${p.partitionIndex}`, p.committedOffset)
      }
      return result
    } catch (error) {
      lastError = error
      const names = protocolErrorNames(error)
      if (!names.has('UNSTABLE_OFFSET_COMMIT') && !names.has('COORDINATOR_LOAD_IN_PROGRESS')) {
        if (!names.has('NOT_COORDINATOR') && !names.has('COORDINATOR_NOT_AVAILABLE')) throw error
      }
      await sleep(200)
    }
  }
  throw new PitwallError(
    ErrorCodes.TRANSACTION,
    `committed offsets of group ${consumer.groupId} did not become stable`,
    {
      cause: lastError,
    },
  )
}
