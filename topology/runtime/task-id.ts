/**
 * @module
 * Task identities: a task is one sub-topology on one partition, named `'<subtopology>_<partition>'`
 * as in Kafka Streams, and owns that partition of every source topic of its sub-topology.
 */

/** A task's sub-topology and partition. */
export interface TaskId {
  readonly subtopology: number
  readonly partition: number
}

/**
 * The string form of a task id.
 *
 * @example
 * ```ts
 * taskIdString({ subtopology: 1, partition: 3 }) // '1_3'
 * ```
 */
export function taskIdString(id: TaskId): string {
  return `${id.subtopology}_${id.partition}`
}

/**
 * Parses `'1_3'` back into a task id; undefined when malformed.
 *
 * @example
 * ```ts
 * parseTaskId('1_3') // { subtopology: 1, partition: 3 }
 * ```
 */
export function parseTaskId(text: string): TaskId | undefined {
  const match = /^(\d+)_(\d+)$/.exec(text)
  return match ? { subtopology: Number(match[1]), partition: Number(match[2]) } : undefined
}
