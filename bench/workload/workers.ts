/**
 * @module
 * Starts and stops worker child processes (the kafkajs baseline or the Pitwall worker) and keeps
 * their peak RSS. Only processes started here are ever signalled.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { watchProcess } from './watched-process.ts'
import { WORKER_SPEC_ENV, type WorkerSpec } from './worker-spec.ts'

const benchDir = resolve(import.meta.dirname, '..')

/** The entry script of each implementation. */
export const WORKER_SCRIPTS = {
  baseline: resolve(benchDir, 'baseline', 'worker.ts'),
  pitwall: resolve(benchDir, 'pitwall', 'worker.ts'),
} as const

/**
 * kafkajs 2.2.4's request queue, after every response with nothing queued, schedules its next
 * check at `throttledUntil - now` with `throttledUntil = -1`: a negative timeout, which Node 24
 * warns about (kafkajs#1751, unfixed upstream) and turns into 1 ms. Not a timeout of ours; only
 * that warning is silenced, for the kafkajs worker only.
 */
const NODE_FLAGS = {
  baseline: ['--disable-warning=TimeoutNegativeWarning'],
  pitwall: [],
} as const satisfies Record<WorkerSpec['implementation'], readonly string[]>

/** A running worker process. */
export interface WorkerProcess {
  readonly spec: WorkerSpec
  readonly pid: number
  /** Resolves with the exit code (or signal name) when the process ends. */
  readonly exited: Promise<number | string>
  /** Peak RSS in bytes seen so far. */
  peakRss(): number
  /** The last lines the worker wrote to stderr. */
  stderrTail(): string
  /** User + system CPU time of the process so far (its last sample once it is gone), ms. */
  cpuMs(): number
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<number>
  /** SIGKILL; resolves once the process is gone. */
  kill(): Promise<void>
}

/**
 * Spawns one worker with the project's Node.
 *
 * @example
 * ```ts
 * const w = startWorker(spec)
 * // ...
 * const rss = await w.stop()
 * ```
 */
export function startWorker(spec: WorkerSpec, log?: (line: string) => void): WorkerProcess {
  const child: ChildProcess = spawn(
    process.execPath,
    [...NODE_FLAGS[spec.implementation], WORKER_SCRIPTS[spec.implementation]],
    {
      env: { ...process.env, [WORKER_SPEC_ENV]: JSON.stringify(spec) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const watched = watchProcess(child, (line) =>
    log?.(`[${spec.implementation}#${spec.instance} ${watched.pid}] ${line}`),
  )
  return { ...watched, spec, stop: (graceMs = 15_000) => watched.stop(graceMs) }
}
