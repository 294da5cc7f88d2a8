/**
 * @module
 * The tasks a stream thread owns right now, by task id and by source partition (`topic:partition`,
 * to route fetched records and position moves to their task).
 */
import type { ActiveTask } from './task-manager.ts'

/**
 * A worker's active tasks.
 *
 * @example
 * ```ts
 * const tasks = new ActiveTasks()
 * tasks.add(await manager.create('0_1'))
 * tasks.at('telemetry', 1)?.positions.set('telemetry', 42n)
 * ```
 */
export class ActiveTasks {
  readonly #byId = new Map<string, ActiveTask>()
  readonly #byPartition = new Map<string, ActiveTask>()

  /** Tasks by id (for interactive queries). */
  get byId(): ReadonlyMap<string, ActiveTask> {
    return this.#byId
  }

  get size(): number {
    return this.#byId.size
  }

  has(id: string): boolean {
    return this.#byId.has(id)
  }

  /** A snapshot of the tasks (safe to iterate while tasks are forgotten). */
  list(): ActiveTask[] {
    return [...this.#byId.values()]
  }

  ids(): string[] {
    return [...this.#byId.keys()]
  }

  /** The task reading `topic`'s `partition`, if any. */
  at(topic: string, partition: number): ActiveTask | undefined {
    return this.#byPartition.get(`${topic}:${partition}`)
  }

  add(t: ActiveTask): void {
    this.#byId.set(t.id, t)
    for (const topic of t.positions.keys()) this.#byPartition.set(`${topic}:${t.task.partition}`, t)
  }

  forget(t: ActiveTask): void {
    this.#byId.delete(t.id)
    for (const topic of t.positions.keys()) this.#byPartition.delete(`${topic}:${t.task.partition}`)
  }
}
