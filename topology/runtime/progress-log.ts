/**
 * @module
 * The worker's periodic progress line: records processed and commits since the last line, and the
 * committed position of every task's input partition.
 */
import type { Logger } from './logger.ts'
import type { ActiveTask } from './task-manager.ts'

/**
 * Counts and logs every `intervalMs`.
 *
 * @example
 * ```ts
 * const progress = new ProgressLog(logger)
 * progress.records += 500
 * progress.report(tasks.values())
 * ```
 */
export class ProgressLog {
  readonly #logger: Logger
  readonly #intervalMs: number
  records = 0
  commits = 0
  #since = Date.now()

  constructor(logger: Logger, intervalMs = 10_000) {
    this.#logger = logger
    this.#intervalMs = intervalMs
  }

  /** Logs a line when the interval has passed. */
  report(tasks: Iterable<ActiveTask>): void {
    const now = Date.now()
    if (now - this.#since < this.#intervalMs) return
    const committed: Record<string, string> = {}
    for (const t of tasks) for (const [topic, o] of t.committed) committed[`${topic}-${t.task.partition}`] = String(o)
    this.#logger.info('progress', { records: this.records, commits: this.commits, committed })
    this.records = 0
    this.commits = 0
    this.#since = now
  }
}
