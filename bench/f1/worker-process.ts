/**
 * @module
 * Spawns the F1 worker as the production CLI (`topology/cli/worker.ts`) in its own process, so
 * its CPU time (/proc/<pid>/stat) and peak RSS (VmHWM) are its own, and stops it with SIGTERM
 * (commit, close) like an operator would. Only the process started here is ever signalled.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { watchProcess } from '../workload/watched-process.ts'
import { TOPIC_PREFIX_ENV } from './worker-topology.ts'

const repoRoot = resolve(import.meta.dirname, '..', '..')

/** How to run the worker. */
export interface F1WorkerSpec {
  readonly brokers: readonly string[]
  readonly applicationId: string
  readonly prefix: string
  readonly stateDir: string
  readonly commitIntervalMs: number
  /** Extra Node flags, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[]
}

/** A running F1 worker. */
export interface F1Worker {
  readonly pid: number
  readonly exited: Promise<number | string>
  /** User + system CPU time of the process so far, ms. */
  cpuMs(): number
  /** SIGTERM (SIGKILL after 20 s); resolves with the peak RSS in bytes once the process is gone. */
  stop(): Promise<number>
  stderrTail(): string
}

/**
 * Starts the F1 worker CLI under exactly_once_v2 with LevelDB stores (the production defaults).
 *
 * @example
 * ```ts
 * const worker = startF1Worker({ brokers, applicationId: 'b1', prefix: 'b1.', stateDir, commitIntervalMs: 100 })
 * const rss = await worker.stop()
 * ```
 */
export function startF1Worker(spec: F1WorkerSpec, log: (line: string) => void): F1Worker {
  const env: NodeJS.ProcessEnv = {}
  // the worker's configuration rejects PITWALL_* variables it does not know (the bench sets some)
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PITWALL_')) env[k] = v
  Object.assign(env, {
    PITWALL_BROKERS: spec.brokers.join(','),
    PITWALL_APPLICATION_ID: spec.applicationId,
    PITWALL_STATE_DIR: spec.stateDir,
    PITWALL_PROCESSING_GUARANTEE: 'exactly_once_v2',
    PITWALL_COMMIT_INTERVAL_MS: String(spec.commitIntervalMs),
    PITWALL_LOG_LEVEL: 'warn',
    [TOPIC_PREFIX_ENV]: spec.prefix,
  })
  const args = [
    ...(spec.nodeFlags ?? []),
    resolve(repoRoot, 'topology/cli/worker.ts'),
    '--topology',
    resolve(import.meta.dirname, 'worker-topology.ts'),
    '--dead-letter-topic',
    `${spec.prefix}f1.telemetry.quarantine`,
  ]
  const child: ChildProcess = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
  // the CLI logs at info (task creation, restores, progress): only warnings and errors are news
  const watched = watchProcess(child, (line) => {
    if (!/ (INFO|DEBUG) /.test(line)) log(`[f1 worker ${watched.pid}] ${line.slice(0, 300)}`)
  })
  return { ...watched, stop: () => watched.stop(20_000) }
}
