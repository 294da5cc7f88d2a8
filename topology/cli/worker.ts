/**
 * @module
 * CLI entry of a Pitwall worker: `node topology/cli/worker.ts --topology <module> [--worker-id id]
 * [--dead-letter-topic topic] [--session-timeout-ms ms] [config flags]`. The module's default export (or `topology`) is a
 * factory returning a topology (or its runnable form) given the loaded configuration; every other
 * setting comes from core/config.ts (environment or flags). SIGTERM/SIGINT, at any moment (also
 * while starting or restoring), commit or abort, checkpoint, leave the group and exit 0; a worker
 * that fails, or whose close fails, logs why (with the cause) and exits 1.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadConfig, type PitwallConfig } from '../../core/config.ts'
import { describeError, ErrorCodes, PitwallError } from '../../core/errors.ts'
import { PitwallStreams, type TopologySource } from '../runtime/pitwall-streams.ts'

const OWN_FLAGS = ['--topology', '--worker-id', '--dead-letter-topic', '--session-timeout-ms']

/** Splits this CLI's own flags from the configuration flags. */
export function splitArgs(argv: readonly string[]): { own: Map<string, string>; rest: string[] } {
  const own = new Map<string, string>()
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined]
    if (!OWN_FLAGS.includes(flag)) {
      rest.push(arg)
      continue
    }
    const value = inline ?? argv[++i]
    if (value === undefined) throw new PitwallError(ErrorCodes.CONFIG_INVALID, `${flag} needs a value`)
    own.set(flag, value)
  }
  return { own, rest }
}

async function main(): Promise<void> {
  const { own, rest } = splitArgs(process.argv.slice(2))
  const modulePath = own.get('--topology')
  if (!modulePath) throw new PitwallError(ErrorCodes.CONFIG_INVALID, '--topology <module path> is required')
  const config: PitwallConfig = loadConfig({ env: process.env, argv: rest })
  if (!config.brokers) throw new PitwallError(ErrorCodes.CONFIG_INVALID, 'PITWALL_BROKERS (--brokers) is required')
  const mod = (await import(pathToFileURL(resolve(modulePath)).href)) as Record<string, unknown>
  const factory = (mod.default ?? mod.topology) as
    | ((c: PitwallConfig) => TopologySource | Promise<TopologySource>)
    | undefined
  if (typeof factory !== 'function') {
    throw new PitwallError(
      ErrorCodes.CONFIG_INVALID,
      `${modulePath} must export a topology factory (default or 'topology')`,
    )
  }
  const deadLetterTopic = own.get('--dead-letter-topic')
  const streams = new PitwallStreams(await factory(config), {
    applicationId: config.applicationId,
    brokers: config.brokers,
    processingGuarantee: config.processingGuarantee,
    ...(config.commitIntervalMs === undefined ? {} : { commitIntervalMs: config.commitIntervalMs }),
    stateDir: config.stateDir,
    ...(own.has('--worker-id') ? { workerId: own.get('--worker-id')! } : {}),
    ...(own.has('--session-timeout-ms') ? { sessionTimeoutMs: Number(own.get('--session-timeout-ms')) } : {}),
    ...(deadLetterTopic ? { deadLetterTopic, deserializationErrorHandler: () => 'continue' as const } : {}),
  })
  let closing = false
  const shutdown = async (code: number) => {
    if (closing) return
    closing = true
    try {
      await streams.close()
    } catch (error) {
      fail('worker failed to close', error)
    }
    process.exit(code)
  }
  streams.onStateChange((state) => {
    if (state === 'error') void shutdown(1)
  })
  process.on('SIGTERM', () => void shutdown(0))
  process.on('SIGINT', () => void shutdown(0))
  await streams.start()
}

/** Logs a failure with its cause chain and exits 1. */
function fail(what: string, error: unknown): never {
  let line = `${new Date().toISOString()} ERROR ${what}: ${describeError(error)}`
  for (let c = (error as Error)?.cause, depth = 0; c !== undefined && depth < 5; c = (c as Error)?.cause, depth++) {
    line += `\n  caused by: ${describeError(c)}`
  }
  if (error instanceof Error && error.stack) line += `\n${error.stack}`
  process.stderr.write(`${line}\n`)
  process.exit(1)
}

if (import.meta.main) {
  // Never a silent exit 1: whatever escapes is logged with its cause before the process ends.
  process.on('unhandledRejection', (error) => fail('unhandled rejection', error))
  process.on('uncaughtException', (error) => fail('uncaught exception', error))
  main().catch((error) => fail('worker failed to start', error))
}
