/**
 * @module
 * Glue between @platformatic/kafka's consumer group protocol and the task assignor: the leader turns
 * member subscriptions (with owned tasks in their user data) into per-member topic-partitions, and
 * each member turns its assignment back into task ids.
 */
import type { GroupAssignment, GroupPartitionsAssigner } from '@platformatic/kafka'
import { assignTasks, taskPartitions, topologyTasks } from './task-assignor.ts'
import { taskIdString } from './task-id.ts'

/** A sub-topology with physical source topic names. */
export interface PhysicalSubtopology {
  readonly id: number
  readonly sourceTopics: readonly string[]
}

function ownedTasks(userData: unknown): string[] {
  try {
    const text = Buffer.isBuffer(userData) ? userData.toString() : typeof userData === 'string' ? userData : ''
    const parsed = JSON.parse(text) as { tasks?: unknown }
    return Array.isArray(parsed.tasks) ? parsed.tasks.filter((t): t is string => typeof t === 'string') : []
  } catch {
    return []
  }
}

/**
 * The partition assigner the leader runs.
 *
 * @example
 * ```ts
 * new Consumer({ groupId, partitionAssigner: groupAssigner(subtopologies), ... })
 * ```
 */
export function groupAssigner(subtopologies: readonly PhysicalSubtopology[]): GroupPartitionsAssigner {
  return (_current, members, _topics, metadata) => {
    const counts = new Map<string, number>()
    for (const s of subtopologies) {
      for (const t of s.sourceTopics) counts.set(t, metadata.topics.get(t)?.partitionsCount ?? 0)
    }
    const tasks = topologyTasks(subtopologies, counts)
    const byMember = assignTasks(
      tasks,
      [...members].map(([memberId, m]) => ({ memberId, ownedTasks: ownedTasks(m.metadata) })),
    )
    return [...byMember].map(([memberId, memberTasks]) => {
      const assignments = new Map<string, GroupAssignment>()
      for (const [topic, partitions] of taskPartitions(memberTasks, subtopologies)) {
        assignments.set(topic, { topic, partitions })
      }
      return { memberId, assignments }
    })
  }
}

/**
 * The task ids of a member's assignment.
 *
 * @example
 * ```ts
 * tasksOfAssignment([{ topic: 'in', partitions: [0, 2] }], [{ id: 0, sourceTopics: ['in'] }]) // ['0_0', '0_2']
 * ```
 */
export function tasksOfAssignment(
  assignments: readonly GroupAssignment[],
  subtopologies: readonly PhysicalSubtopology[],
): string[] {
  const tasks = new Set<string>()
  for (const a of assignments) {
    for (const s of subtopologies) {
      if (!s.sourceTopics.includes(a.topic)) continue
      for (const partition of a.partitions) tasks.add(taskIdString({ subtopology: s.id, partition }))
    }
  }
  return [...tasks].sort()
}
