/**
 * @module
 * `npm start`: Pitwall's main job on embedded defaults. Validates the configuration, starts the
 * services of {@link STACK_SERVICES} in order, prints what runs where and where the logs are, and on
 * Ctrl-C (or SIGTERM) stops them in reverse order. Services add themselves to the list below.
 *
 * `node scripts/stack.ts [service...] [--flag value...]`: with service names, only those start (the
 * compose file runs `stack.ts worker` and `stack.ts api`); flags are the config flags (README).
 */
import { loadConfig, type PitwallConfig } from '../core/config.ts'
import { describeError, ErrorCodes, PitwallError } from '../core/errors.ts'
import { createLogger, type Logger } from '../core/logger.ts'
import { f1WorkerService, simulatorService, topicsService } from './stack/f1-services.ts'
import { brokerService, s3Service } from './stack/infra-services.ts'
import type { RunningService, StackProvided, StackService } from './stack/service.ts'
import { statusService } from './stack/status-service.ts'

/**
 * The services of the stack, in start order (stopped in reverse). Add new ones here (archive, API,
 * dashboard); each later service finds what earlier ones published in `context.provided`.
 */
export const STACK_SERVICES: readonly StackService[] = [
  brokerService,
  s3Service,
  topicsService,
  f1WorkerService(1),
  simulatorService,
  statusService(10_000),
]

/** A started stack: what runs, and how to stop all of it. */
export interface RunningStack {
  provided: StackProvided
  services: { name: string; running: RunningService }[]
  stop(): Promise<void>
}

/**
 * Starts `services` in order; when one fails, stops those already started and rethrows.
 *
 * @example
 * ```ts
 * const stack = await startStack(loadConfig(), STACK_SERVICES, createLogger())
 * await stack.stop()
 * ```
 */
export async function startStack(
  config: PitwallConfig,
  services: readonly StackService[],
  log: Logger,
  signal: AbortSignal = new AbortController().signal,
): Promise<RunningStack> {
  const provided: StackProvided = {}
  const started: RunningStack['services'] = []
  const stop = async (): Promise<void> => {
    for (const { name, running } of started.splice(0).reverse()) {
      try {
        await running.stop()
        log.info(`stopped ${name}`)
      } catch (error) {
        log.error(`stopping ${name} failed: ${describeError(error)}`)
      }
    }
  }
  for (const service of services) {
    try {
      const running = await service.start({ config, log: log.child({ service: service.name }), provided, signal })
      started.push({ name: service.name, running })
    } catch (error) {
      await stop()
      throw error
    }
  }
  return { provided, services: [...started], stop }
}

/**
 * The services named on the command line (positional arguments), or all of them.
 *
 * @example
 * ```ts
 * selectServices(['broker'], STACK_SERVICES).map((s) => s.name) // ['broker']
 * ```
 */
export function selectServices(argv: readonly string[], services: readonly StackService[]): StackService[] {
  const names: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg.startsWith('--')) {
      if (!arg.includes('=')) i++
      continue
    }
    names.push(arg)
  }
  if (names.length === 0) return [...services]
  return names.map((name) => {
    const service = services.find((candidate) => candidate.name === name)
    if (!service) {
      throw new PitwallError(
        ErrorCodes.CONFIG_INVALID,
        `unknown service '${name}': known services are ${services.map((s) => s.name).join(', ')}`,
      )
    }
    return service
  })
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  let config: PitwallConfig
  let services: StackService[]
  try {
    config = loadConfig({ env: process.env, argv })
    services = selectServices(argv, STACK_SERVICES)
  } catch (error) {
    console.error(`pitwall: ${describeError(error)}`)
    process.exit(2)
  }
  const log = createLogger({ name: 'stack', level: config.logLevel })
  const controller = new AbortController()
  const began = Date.now()
  log.info(`starting ${services.map((s) => s.name).join(', ')}`)
  let stack: RunningStack
  try {
    stack = await startStack(config, services, log, controller.signal)
  } catch (error) {
    console.error(`pitwall: ${describeError(error)}`)
    process.exit(1)
  }
  console.log(`\nPitwall is up (${((Date.now() - began) / 1000).toFixed(1)} s):`)
  for (const { name, running } of stack.services) {
    console.log(
      `  ${name.padEnd(10)} ${running.summary}${running.logFile ? `\n  ${''.padEnd(10)} log: ${running.logFile}` : ''}`,
    )
  }
  console.log('\nCtrl-C stops what this run started.\n')
  let stopping = false
  const shutdown = async (signalName: string): Promise<void> => {
    if (stopping) return
    stopping = true
    log.info(`${signalName}: stopping`)
    controller.abort()
    await stack.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  // keep the process alive until a signal arrives, even when no service holds the event loop open
  setInterval(() => {}, 1 << 30)
}

if (import.meta.main) await main()
