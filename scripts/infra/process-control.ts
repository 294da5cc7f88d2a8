/**
 * @module
 * Detached background processes for the local stack: start one with its output in a log file and
 * its pid in a pid file, ask whether it is alive, stop it (TERM, then KILL) or kill it outright.
 * The processes outlive the Node script that started them, so that a second run reuses them.
 */
import { spawn } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/** What to start: the command, its arguments, and where its pid and output go. */
export interface DetachedSpec {
  command: string
  args: string[]
  pidFile: string
  logFile: string
  env?: NodeJS.ProcessEnv
  cwd?: string
}

/**
 * Starts a process that outlives this one, writing stdout and stderr to `logFile`.
 *
 * @example
 * ```ts
 * const pid = startDetached({ command: 'java', args: ['-version'], pidFile: 'x.pid', logFile: 'x.log' })
 * ```
 */
export function startDetached(spec: DetachedSpec): number {
  mkdirSync(dirname(spec.logFile), { recursive: true })
  mkdirSync(dirname(spec.pidFile), { recursive: true })
  const out = openSync(spec.logFile, 'a')
  try {
    const child = spawn(spec.command, spec.args, {
      detached: true,
      stdio: ['ignore', out, out],
      env: spec.env ?? process.env,
      cwd: spec.cwd,
    })
    if (child.pid === undefined) {
      throw new PitwallError(ErrorCodes.INFRA, `could not start ${spec.command}: is it installed and on PATH?`)
    }
    child.unref()
    writeFileSync(spec.pidFile, `${child.pid}\n`)
    return child.pid
  } finally {
    closeSync(out)
  }
}

/**
 * The pid recorded in `pidFile` when that process is still alive, else undefined.
 *
 * @example
 * ```ts
 * if (livePid('.cache/kafka/run-19092/broker.pid') === undefined) console.log('not running')
 * ```
 */
export function livePid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10)
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined
}

/**
 * True when a process with this pid exists (signal 0 probes without touching it).
 *
 * @example
 * ```ts
 * isAlive(process.pid) // true
 * ```
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Stops the process of `pidFile`: SIGTERM, then SIGKILL after `graceMs`. Removes the pid file.
 * Returns false when nothing was running.
 *
 * @example
 * ```ts
 * await stopByPidFile('.cache/minio/run-19000/minio.pid')
 * ```
 */
export async function stopByPidFile(pidFile: string, graceMs = 30_000): Promise<boolean> {
  const pid = livePid(pidFile)
  if (pid === undefined) {
    rmSync(pidFile, { force: true })
    return false
  }
  signalGroup(pid, 'SIGTERM')
  const deadline = Date.now() + graceMs
  while (isAlive(pid) && Date.now() < deadline) await sleep(200)
  if (isAlive(pid)) signalGroup(pid, 'SIGKILL')
  while (isAlive(pid)) await sleep(100)
  rmSync(pidFile, { force: true })
  return true
}

/**
 * Kills the process of `pidFile` with SIGKILL at once (a crash, for chaos tests) and waits until it is gone.
 *
 * @example
 * ```ts
 * await killByPidFile('.cache/kafka/run-19092/broker.pid')
 * ```
 */
export async function killByPidFile(pidFile: string): Promise<boolean> {
  const pid = livePid(pidFile)
  if (pid === undefined) return false
  signalGroup(pid, 'SIGKILL')
  while (isAlive(pid)) await sleep(50)
  rmSync(pidFile, { force: true })
  return true
}

// The detached child leads its own process group: signalling the group also reaches its children.
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    try {
      process.kill(pid, signal)
    } catch {
      // already gone
    }
  }
}
