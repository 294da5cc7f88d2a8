/**
 * @module
 * Child processes of `npm start` (workers, sources): started in their own process group, so a
 * Ctrl-C in the terminal reaches only the stack, which then stops them one by one in reverse
 * order; stdout and stderr go straight to a log file (nothing is lost if the stack dies first).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/** What to run. */
export interface ChildSpec {
  readonly name: string
  /** Arguments of the current Node executable (Node 24). */
  readonly args: readonly string[]
  readonly env: NodeJS.ProcessEnv
  readonly logFile: string
}

/**
 * A running child process with its output in a log file.
 *
 * @example
 * ```ts
 * const child = LoggedChild.start({ name: 'worker-1', args: ['topology/cli/worker.ts'], env, logFile: 'w.log' })
 * await child.waitForLog(/-> running/, 60_000)
 * const code = await child.stop()
 * ```
 */
export class LoggedChild {
  readonly name: string
  readonly logFile: string
  readonly #child: ChildProcess
  readonly #exited: Promise<number | null>
  readonly #logStart: number
  #exitCode: number | null | undefined

  private constructor(spec: ChildSpec, child: ChildProcess, logStart: number) {
    this.name = spec.name
    this.#logStart = logStart
    this.logFile = spec.logFile
    this.#child = child
    this.#exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.#exitCode = code ?? (signal ? null : code)
        resolve(this.#exitCode)
      })
    })
  }

  /** Starts the process (appending to its log file). */
  static start(spec: ChildSpec): LoggedChild {
    mkdirSync(dirname(spec.logFile), { recursive: true })
    const logStart = existsSync(spec.logFile) ? statSync(spec.logFile).size : 0
    const out = openSync(spec.logFile, 'a')
    try {
      const child = spawn(process.execPath, [...spec.args], {
        detached: true,
        stdio: ['ignore', out, out],
        env: spec.env,
      })
      if (child.pid === undefined) throw new PitwallError(ErrorCodes.INFRA, `could not start ${spec.name}`)
      return new LoggedChild(spec, child, logStart)
    } finally {
      closeSync(out)
    }
  }

  get pid(): number {
    return this.#child.pid!
  }

  /** The exit code once exited (null when killed by a signal), else undefined. */
  get exitCode(): number | null | undefined {
    return this.#exitCode
  }

  /** Waits until what this run logged matches, failing when the process exits or time runs out. */
  async waitForLog(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (pattern.test(readFileSync(this.logFile).subarray(this.#logStart).toString('utf8'))) return
      if (this.#exitCode !== undefined) {
        throw new PitwallError(ErrorCodes.INFRA, `${this.name} exited with ${this.#exitCode}: see ${this.logFile}`)
      }
      await sleep(250)
    }
    throw new PitwallError(
      ErrorCodes.INFRA,
      `${this.name} did not log ${pattern} within ${timeoutMs} ms: see ${this.logFile}`,
    )
  }

  /** Sends `signal`, waits up to `graceMs` for the exit, then kills; resolves with the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 30_000): Promise<number | null> {
    if (this.#exitCode !== undefined) return this.#exitCode
    this.#child.kill(signal)
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), graceMs)
    try {
      return await this.#exited
    } finally {
      clearTimeout(timer)
    }
  }
}
