/**
 * @module
 * The group leader's assignment: tasks (sub-topology x partition), not loose topic-partitions, are
 * spread over the members so that every source topic of a sub-topology (joined, co-partitioned
 * inputs) lands on the same member for a partition. Sticky: a member keeps the tasks it reported
 * owning (in its subscription user data) up to its fair share, so rebalances move few tasks and
 * few stores need restoring.
 */
import { parseTaskId, type TaskId, taskIdString } from './task-id.ts'

/** One member as the assignor sees it. */
export interface AssignorMember {
  readonly memberId: string
  /** Task ids the member owned before this rebalance. */
  readonly ownedTasks: readonly string[]
}

/**
 * Assigns `tasks` to `members`: balanced (sizes differ by at most one), sticky, deterministic.
 *
 * @example
 * ```ts
 * assignTasks(['0_0', '0_1'], [{ memberId: 'a', ownedTasks: ['0_1'] }, { memberId: 'b', ownedTasks: [] }])
 * // Map { 'a' => ['0_1'], 'b' => ['0_0'] }
 * ```
 */
export function assignTasks(tasks: readonly string[], members: readonly AssignorMember[]): Map<string, string[]> {
  const sortedMembers = [...members].sort((a, b) => a.memberId.localeCompare(b.memberId))
  const result = new Map<string, string[]>(sortedMembers.map((m) => [m.memberId, []]))
  if (sortedMembers.length === 0) return result
  const base = Math.floor(tasks.length / sortedMembers.length)
  let extra = tasks.length % sortedMembers.length
  const capacity = new Map<string, number>()
  for (const m of sortedMembers) capacity.set(m.memberId, base + (extra-- > 0 ? 1 : 0))
  const wanted = new Set(tasks)
  const taken = new Set<string>()
  for (const m of sortedMembers) {
    const own = result.get(m.memberId)!
    for (const task of m.ownedTasks) {
      if (own.length >= capacity.get(m.memberId)! || !wanted.has(task) || taken.has(task)) continue
      own.push(task)
      taken.add(task)
    }
  }
  for (const task of tasks) {
    if (taken.has(task)) continue
    const target = sortedMembers.find((m) => result.get(m.memberId)!.length < capacity.get(m.memberId)!)!
    result.get(target.memberId)!.push(task)
    taken.add(task)
  }
  return result
}

/**
 * The task ids of a topology given partition counts: for each sub-topology, as many tasks as its
 * source topics have partitions (the maximum, co-partitioning having been checked at start).
 *
 * @example
 * ```ts
 * topologyTasks([{ id: 0, sourceTopics: ['in'] }], new Map([['in', 2]])) // ['0_0', '0_1']
 * ```
 */
export function topologyTasks(
  subtopologies: readonly { id: number; sourceTopics: readonly string[] }[],
  partitionCounts: ReadonlyMap<string, number>,
): string[] {
  const tasks: string[] = []
  for (const s of subtopologies) {
    const count = Math.max(0, ...s.sourceTopics.map((t) => partitionCounts.get(t) ?? 0))
    for (let p = 0; p < count; p++) tasks.push(taskIdString({ subtopology: s.id, partition: p }))
  }
  return tasks
}

/**
 * Expands tasks to the topic-partitions a member must consume.
 *
 * @example
 * ```ts
 * taskPartitions(['0_1'], [{ id: 0, sourceTopics: ['in'] }]) // Map { 'in' => [1] }
 * ```
 */
export function taskPartitions(
  tasks: readonly string[],
  subtopologies: readonly { id: number; sourceTopics: readonly string[] }[],
): Map<string, number[]> {
  const out = new Map<string, number[]>()
  for (const text of tasks) {
    const id: TaskId | undefined = parseTaskId(text)
    const sub = id && subtopologies.find((s) => s.id === id.subtopology)
    if (!id || !sub) continue
    for (const topic of sub.sourceTopics) {
      const list = out.get(topic) ?? []
      list.push(id.partition)
      out.set(topic, list)
    }
  }
  return out
}
