/**
 * @module
 * Prepares the topics of a topology at start: checks that source topics exist and that
 * co-partitioned ones agree on partition counts, and creates the internal topics with names derived
 * from the application id: `<applicationId>-<name>-repartition` (delete policy) and
 * `<applicationId>-<store>-changelog` (compacted, as many partitions as the tasks of its
 * sub-topology).
 */
import type { Admin } from '@platformatic/kafka'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { RunnableTopology } from '../internals/runnable.ts'

/** Maps topology-level topic names to physical ones. */
export function physicalNamer(runnable: RunnableTopology, applicationId: string): (logical: string) => string {
  const internal = new Set(runnable.internalTopics.map((t) => t.name))
  return (logical) => (internal.has(logical) ? `${applicationId}-${logical}` : logical)
}

async function partitionCounts(admin: Admin, topics: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  const existing = new Set(await admin.listTopics())
  const present = topics.filter((t) => existing.has(t))
  if (present.length === 0) return counts
  const metadata = await admin.metadata({ topics: present, forceUpdate: true })
  for (const t of present) {
    const count = metadata.topics.get(t)?.partitionsCount
    if (count !== undefined) counts.set(t, count)
  }
  return counts
}

/**
 * Creates missing internal topics, validates partition counts and returns the partition count of
 * every physical topic the topology reads or writes internally.
 *
 * @example
 * ```ts
 * const counts = await prepareTopics(admin, runnable, 'pitwall', 0)
 * ```
 */
export async function prepareTopics(
  admin: Admin,
  runnable: RunnableTopology,
  applicationId: string,
  defaultInternalPartitions: number,
): Promise<Map<string, number>> {
  const name = physicalNamer(runnable, applicationId)
  const internal = new Map(runnable.internalTopics.map((t) => [t.name, t]))
  const userSources = [
    ...new Set(runnable.subtopologies.flatMap((s) => s.sourceTopics).filter((t) => !internal.has(t))),
  ]
  const counts = await partitionCounts(admin, [...userSources, ...[...internal.keys()].map(name)])
  const missing = userSources.filter((t) => !counts.has(t))
  if (missing.length > 0) {
    throw new PitwallError(ErrorCodes.TOPOLOGY_INVALID, `source topics do not exist: ${missing.join(', ')}`, {
      details: { missing },
    })
  }
  const maxUser = Math.max(1, ...userSources.map((t) => counts.get(t)!))
  const ensure = async (logical: string, partitions: number, config: Readonly<Record<string, string>>) => {
    const physical = name(logical)
    const have = counts.get(physical)
    if (have !== undefined) {
      if (have !== partitions) {
        throw new PitwallError(
          ErrorCodes.TOPOLOGY_COPARTITION,
          `internal topic ${physical} has ${have} partitions, expected ${partitions}`,
          { details: { topic: physical, have, expected: partitions } },
        )
      }
      return
    }
    const configs = Object.entries(config).map(([k, value]) => ({ name: k, value }))
    try {
      await admin.createTopics({ topics: [physical], partitions, replicas: -1, configs })
    } catch (cause) {
      if (!String((cause as Error)?.message).includes('exist') && !hasTopicExists(cause)) throw cause
    }
    counts.set(physical, partitions)
  }
  for (const spec of runnable.internalTopics) {
    if (spec.kind !== 'repartition') continue
    await ensure(spec.name, spec.partitions ?? (defaultInternalPartitions || maxUser), {
      'cleanup.policy': 'delete',
      ...spec.config,
    })
  }
  checkCopartitioning(runnable, (t) => counts.get(name(t)))
  for (const sub of runnable.subtopologies) {
    const tasks = Math.max(...sub.sourceTopics.map((t) => counts.get(name(t)) ?? 0))
    for (const changelog of sub.changelogTopics.values()) {
      const spec = internal.get(changelog)
      await ensure(changelog, tasks, { 'cleanup.policy': 'compact', ...(spec?.config ?? {}) })
    }
  }
  return counts
}

function hasTopicExists(error: unknown): boolean {
  const e = error as { errors?: unknown[]; apiId?: string }
  return e?.apiId === 'TOPIC_ALREADY_EXISTS' || (Array.isArray(e?.errors) && e.errors.some(hasTopicExists))
}

/**
 * Fails when topics that must be co-partitioned (joined inputs, a sub-topology's sources) differ in
 * partition count, naming every topic and its count.
 *
 * @example
 * ```ts
 * checkCopartitioning(runnable, (t) => counts.get(t)) // throws PITWALL_TOPOLOGY_COPARTITION
 * ```
 */
export function checkCopartitioning(runnable: RunnableTopology, countOf: (topic: string) => number | undefined): void {
  const groups = [...runnable.copartitionGroups, ...runnable.subtopologies.map((s) => s.sourceTopics)]
  for (const group of groups) {
    const counts = group.map((t) => [t, countOf(t)] as const)
    if (new Set(counts.map(([, c]) => c)).size > 1) {
      const listing = counts.map(([t, c]) => `${t} (${c ?? 'missing'})`).join(', ')
      throw new PitwallError(
        ErrorCodes.TOPOLOGY_COPARTITION,
        `topics must be co-partitioned but have different partition counts: ${listing}`,
        { details: { topics: Object.fromEntries(counts) } },
      )
    }
  }
}
