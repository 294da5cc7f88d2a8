/**
 * @module
 * Topic administration for the suites: create and delete per-run topics, read end offsets
 * (high watermark and last stable offset) and list the broker's ongoing transactions.
 */
import { Admin, Connection, FetchIsolationLevels, ListOffsetTimestamps, listTransactionsV1 } from '@platformatic/kafka'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/** Connection settings shared by every client of the suites. */
export interface ClusterTarget {
  readonly brokers: string[]
  /** The local broker's process, when it runs on this machine (its CPU time is measured). */
  readonly brokerPid?: number
}

function admin(target: ClusterTarget): Admin {
  return new Admin({ clientId: 'pitwall-bench-admin', bootstrapBrokers: target.brokers, retries: 5, retryDelay: 500 })
}

/**
 * Time retention off. The reference records carry their workload timestamps (2026-01-01, T0), and
 * outputs keep them, so with the broker's retention (24 h) the next retention check (every 5 min)
 * deleted whole topics in the middle of a run: the workers' positions fell out of range, were reset
 * to the new log start (the end) and the run stalled with nothing left to read.
 */
const KEEP_FOREVER = [{ name: 'retention.ms', value: '-1' }]

/**
 * Creates `topics` with `partitions` partitions (replication 1) and no time retention, ignoring
 * ones that exist.
 *
 * @example
 * ```ts
 * await createTopics({ brokers: ['127.0.0.1:19092'] }, ['bench-input'], 6)
 * ```
 */
export async function createTopics(target: ClusterTarget, topics: string[], partitions: number): Promise<void> {
  const client = admin(target)
  try {
    const existing = new Set(await client.listTopics())
    const missing = topics.filter((t) => !existing.has(t))
    if (missing.length > 0)
      await client.createTopics({ topics: missing, partitions, replicas: 1, configs: KEEP_FOREVER })
    await waitForLeaders(client, topics)
  } catch (cause) {
    throw new PitwallError(ErrorCodes.INFRA, `bench: cannot create topics ${topics.join(', ')}`, { cause })
  } finally {
    await client.close()
  }
}

async function waitForLeaders(client: Admin, topics: string[]): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const md = await client.metadata({ topics, forceUpdate: true })
      const ready = topics.every((t) => md.topics.get(t)?.partitions.every((p) => p.leader >= 0))
      if (ready) return
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * Deletes the topics that exist among `topics`.
 *
 * @example
 * ```ts
 * await deleteTopics(target, ['bench-r1-clean'])
 * ```
 */
export async function deleteTopics(target: ClusterTarget, topics: string[]): Promise<void> {
  const client = admin(target)
  try {
    const existing = new Set(await client.listTopics())
    const present = topics.filter((t) => existing.has(t))
    if (present.length > 0) await client.deleteTopics({ topics: present })
  } finally {
    await client.close()
  }
}

/**
 * Lists the topics whose name starts with `prefix`.
 *
 * @example
 * ```ts
 * await listTopics(target, 'bench-') // ['bench-input-100000', ...]
 * ```
 */
export async function listTopics(target: ClusterTarget, prefix: string): Promise<string[]> {
  const client = admin(target)
  try {
    return (await client.listTopics()).filter((t) => t.startsWith(prefix))
  } finally {
    await client.close()
  }
}

/** End offsets of one partition: high watermark and last stable offset. */
export interface PartitionEnds {
  readonly topic: string
  readonly partition: number
  readonly highWatermark: bigint
  readonly lastStable: bigint
}

/**
 * The high watermark and last stable offset of every partition of `topics`. A partition whose
 * last stable offset stays below its high watermark has a transaction open.
 *
 * @example
 * ```ts
 * const open = (await endOffsets(target, ['x'], 6)).filter((p) => p.lastStable < p.highWatermark)
 * ```
 */
export async function endOffsets(
  target: ClusterTarget,
  topics: string[],
  partitions: number,
): Promise<PartitionEnds[]> {
  const client = admin(target)
  try {
    const request = topics.map((name) => ({
      name,
      partitions: Array.from({ length: partitions }, (_, partitionIndex) => ({
        partitionIndex,
        timestamp: ListOffsetTimestamps.LATEST,
      })),
    }))
    const hw = await client.listOffsets({ topics: request, isolationLevel: FetchIsolationLevels.READ_UNCOMMITTED })
    const lso = await client.listOffsets({ topics: request, isolationLevel: FetchIsolationLevels.READ_COMMITTED })
    const stable = new Map(lso.flatMap((t) => t.partitions.map((p) => [`${t.name}/${p.partitionIndex}`, p.offset])))
    return hw.flatMap((t) =>
      t.partitions.map((p) => ({
        topic: t.name,
        partition: p.partitionIndex,
        highWatermark: p.offset,
        lastStable: stable.get(`${t.name}/${p.partitionIndex}`) ?? -1n,
      })),
    )
  } finally {
    await client.close()
  }
}

/**
 * The transactional ids the broker reports as ongoing (ListTransactions, KIP-664).
 *
 * @example
 * ```ts
 * const open = await ongoingTransactions(target) // ['pitwall-bench-0_1', ...]
 * ```
 */
export async function ongoingTransactions(target: ClusterTarget): Promise<string[]> {
  const [host, port] = target.brokers[0]!.split(':')
  const connection = new Connection('pitwall-bench-txn-probe')
  try {
    await connection.connect(host!, Number(port))
    const response = await listTransactionsV1.api.async(connection, ['Ongoing'], [], -1n, null)
    return response.transactionStates.map((t) => t.transactionalId)
  } finally {
    await connection.close()
  }
}
