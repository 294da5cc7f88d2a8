/**
 * @module
 * Worker processes of the runtime's crash tests: each runs `topology/cli/worker.ts` on the echo
 * topology with its own worker id and state directory, logs to a file, and can be SIGKILLed and
 * restarted with the same id (as a crashed machine coming back).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EchoTopics } from './echo-topology.ts'

/** How to start the workers of one test. */
export interface WorkerSetup {
  readonly applicationId: string
  readonly brokers: string[]
  readonly stateRoot: string
  readonly topics: EchoTopics
  readonly guarantee: 'exactly_once_v2' | 'at_least_once'
  readonly commitIntervalMs?: number
  readonly deadLetterTopic?: string
}

/** One worker process slot (restartable). */
export interface WorkerHandle {
  readonly id: string
  readonly logFile: string
  process: ChildProcess | undefined
  exitCode: number | null
}

/**
 * Starts (or restarts) a worker and resolves once it reports the running state, or once its log
 * shows `readyText` (to act on it at another moment: while it restores, while it starts).
 *
 * @example
 * ```ts
 * const w = await startWorker(setup, 'w1')
 * const restoring = await startWorker(setup, 'w2', undefined, 'restore ')
 * ```
 */
export async function startWorker(
  setup: WorkerSetup,
  id: string,
  previous?: WorkerHandle,
  readyText = '-> running',
): Promise<WorkerHandle> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PITWALL_') && v !== undefined) env[k] = v
  Object.assign(env, {
    PITWALL_BROKERS: setup.brokers.join(','),
    PITWALL_APPLICATION_ID: setup.applicationId,
    PITWALL_STATE_DIR: join(setup.stateRoot, id),
    PITWALL_PROCESSING_GUARANTEE: setup.guarantee,
    EOS_INPUT: setup.topics.input,
    EOS_ECHO: setup.topics.echo,
    EOS_AGG: setup.topics.agg,
    EOS_GROUP: setup.topics.group,
  })
  if (setup.commitIntervalMs) env.PITWALL_COMMIT_INTERVAL_MS = String(setup.commitIntervalMs)
  const args = ['topology/cli/worker.ts', '--topology', 'test/integration/eos/echo-topology.ts', '--worker-id', id]
  args.push('--session-timeout-ms', '6000')
  if (setup.deadLetterTopic) args.push('--dead-letter-topic', setup.deadLetterTopic)
  const handle: WorkerHandle = previous ?? {
    id,
    logFile: join(setup.stateRoot, `${id}.log`),
    process: undefined,
    exitCode: null,
  }
  const log = createWriteStream(handle.logFile, { flags: 'a' })
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  handle.process = child
  handle.exitCode = null
  child.stdout!.pipe(log, { end: false })
  child.stderr!.pipe(log, { end: false })
  const running = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${id}: no '${readyText}' after 60 s`)), 60_000)
    child.stderr!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(readyText)) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on('exit', (code) => {
      handle.exitCode = code
      clearTimeout(timer)
      resolve()
    })
  })
  await running
  return handle
}

/**
 * SIGKILLs a worker (no cleanup at all) and waits for it to die.
 *
 * @example
 * ```ts
 * await killWorker(w)
 * ```
 */
export async function killWorker(handle: WorkerHandle): Promise<void> {
  const child = handle.process
  if (!child || child.exitCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGKILL')
  await exited
}

/**
 * Sends SIGTERM and resolves with the exit code.
 *
 * @example
 * ```ts
 * expect(await stopWorker(w)).toBe(0)
 * ```
 */
export async function stopWorker(handle: WorkerHandle, timeoutMs = 60_000): Promise<number | null> {
  const child = handle.process
  if (!child) return null
  if (child.exitCode !== null) return child.exitCode
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const code = await exited
  clearTimeout(timer)
  return code
}

/** The last lines of a worker's log, for failure messages. */
export async function logTail(handle: WorkerHandle, lines = 40): Promise<string> {
  const text = await readFile(handle.logFile, 'utf8').catch(() => '')
  return text.split('\n').slice(-lines).join('\n')
}
