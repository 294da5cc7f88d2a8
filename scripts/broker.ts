/**
 * @module
 * The local Kafka broker of Pitwall: Apache Kafka (pinned in scripts/kafka/pom.xml) provisioned with
 * Maven into `.cache/kafka` and run as one combined broker/controller on 127.0.0.1, detached so that it
 * outlives the script and later runs reuse it. With `PITWALL_BROKERS` set, that broker is used and
 * nothing is started.
 *
 * CLI: `node scripts/broker.ts start|stop|status|log|restart|kill`.
 * Ports: `PITWALL_KAFKA_PORT` (default 19092) and `PITWALL_KAFKA_CONTROLLER_PORT` (default 19093).
 */
import { ErrorCodes, PitwallError } from '../core/errors.ts'
import { probeMetadata } from '../core/reachability.ts'
import { portFromEnv } from './infra/env-port.ts'
import { withFileLock } from './infra/file-lock.ts'
import {
  ensureKafkaJars,
  ensureKafkaStorage,
  javaArgs,
  javaCommand,
  type KafkaLayout,
  kafkaLayout,
} from './infra/kafka-provision.ts'
import { isPortOpen, waitUntil } from './infra/net-probe.ts'
import { killByPidFile, livePid, startDetached, stopByPidFile } from './infra/process-control.ts'
import { runServiceCli, tailFile } from './infra/service-cli.ts'

/** Where a broker comes from and how to find it. */
export interface BrokerOptions {
  port?: number
  controllerPort?: number
  /** How long to wait for the broker to answer metadata requests. */
  timeoutMs?: number
  /** Ignore PITWALL_BROKERS (the chaos suite always wants its own broker). */
  ignoreEnv?: boolean
}

/** The answer of {@link ensureBroker}. */
export interface BrokerHandle {
  brokers: string[]
  /** 'existing': PITWALL_BROKERS or a broker found on the port; 'reused': ours, already running; 'started': just now. */
  source: 'existing' | 'reused' | 'started'
  logFile?: string
  pid?: number
}

/** What {@link brokerStatus} reports. */
export interface BrokerStatus {
  brokers: string[]
  running: boolean
  pid?: number
  logFile: string
  external: boolean
}

/**
 * Makes sure a broker answers metadata requests and returns its address: the one in PITWALL_BROKERS,
 * or the local one (started if needed, reused if running).
 *
 * @example
 * ```ts
 * const { brokers } = await ensureBroker() // ['127.0.0.1:19092']
 * ```
 */
export async function ensureBroker(options: BrokerOptions = {}): Promise<BrokerHandle> {
  const external = options.ignoreEnv ? undefined : process.env.PITWALL_BROKERS
  if (external) {
    const brokers = external.split(',').map((broker) => broker.trim())
    if (!(await probeMetadata(brokers, 5000))) {
      throw new PitwallError(
        ErrorCodes.BROKER_UNREACHABLE,
        `PITWALL_BROKERS=${external} does not answer Kafka metadata requests: start that broker, ` +
          'or unset PITWALL_BROKERS to let Pitwall start its own',
      )
    }
    return { brokers, source: 'existing' }
  }
  const layout = layoutFor(options)
  return withFileLock(layout.lockFile, () => ensureLocal(layout, options.timeoutMs ?? 90_000))
}

async function ensureLocal(layout: KafkaLayout, timeoutMs: number): Promise<BrokerHandle> {
  const brokers = [`${layout.host}:${layout.port}`]
  const pid = livePid(layout.pidFile)
  if (pid !== undefined) {
    const answered = await waitUntil(async () => (await probeMetadata(brokers)) !== undefined, {
      timeoutMs,
      giveUp: () => livePid(layout.pidFile) === undefined,
    })
    if (answered) return { brokers, source: 'reused', logFile: serverLog(layout), pid }
    throw notAnswering(layout, `the broker (pid ${pid}) runs but does not answer on ${brokers[0]}`)
  }
  if (await isPortOpen(layout.host, layout.port)) {
    if (await probeMetadata(brokers)) return { brokers, source: 'existing' }
    throw new PitwallError(
      ErrorCodes.INFRA,
      `port ${brokers[0]} is taken by something that is not a Kafka broker: free it or set PITWALL_KAFKA_PORT`,
    )
  }
  await ensureKafkaJars(layout)
  await ensureKafkaStorage(layout)
  const started = startDetached({
    command: javaCommand(),
    args: javaArgs(layout, 'kafka.Kafka', [layout.propertiesFile]),
    pidFile: layout.pidFile,
    logFile: layout.stdoutFile,
    cwd: layout.runDir,
  })
  const answered = await waitUntil(async () => (await probeMetadata(brokers)) !== undefined, {
    timeoutMs,
    intervalMs: 300,
    giveUp: () => livePid(layout.pidFile) === undefined,
  })
  if (!answered) {
    await stopByPidFile(layout.pidFile, 5000)
    throw notAnswering(layout, `the broker did not answer on ${brokers[0]} within ${timeoutMs} ms`)
  }
  return { brokers, source: 'started', logFile: serverLog(layout), pid: started }
}

/**
 * Stops the local broker (SIGTERM, a clean shutdown). Returns false when it was not running.
 *
 * @example
 * ```ts
 * await stopBroker()
 * ```
 */
export async function stopBroker(options: BrokerOptions = {}): Promise<boolean> {
  const layout = layoutFor(options)
  return withFileLock(layout.lockFile, () => stopByPidFile(layout.pidFile, 60_000))
}

/**
 * Kills the local broker with SIGKILL (a crash: unflushed state, open transactions), for the chaos suite.
 *
 * @example
 * ```ts
 * await killBroker(); await ensureBroker() // a hard restart
 * ```
 */
export async function killBroker(options: BrokerOptions = {}): Promise<boolean> {
  return killByPidFile(layoutFor(options).pidFile)
}

/**
 * Restarts the local broker: a clean stop, or with `hard: true` a kill -9, then a start.
 *
 * @example
 * ```ts
 * await restartBroker({ hard: true })
 * ```
 */
export async function restartBroker(options: BrokerOptions & { hard?: boolean } = {}): Promise<BrokerHandle> {
  if (options.hard) await killBroker(options)
  else await stopBroker(options)
  return ensureBroker({ ...options, ignoreEnv: true })
}

/**
 * Whether the local broker runs, its address, pid and log file (or the PITWALL_BROKERS address).
 *
 * @example
 * ```ts
 * const { running, logFile } = await brokerStatus()
 * ```
 */
export async function brokerStatus(options: BrokerOptions = {}): Promise<BrokerStatus> {
  const layout = layoutFor(options)
  const external = options.ignoreEnv ? undefined : process.env.PITWALL_BROKERS
  const brokers = external ? external.split(',') : [`${layout.host}:${layout.port}`]
  const pid = external ? undefined : livePid(layout.pidFile)
  const running = (await probeMetadata(brokers)) !== undefined
  return { brokers, running, pid, logFile: serverLog(layout), external: Boolean(external) }
}

function layoutFor(options: BrokerOptions): KafkaLayout {
  return kafkaLayout(
    options.port ?? portFromEnv('PITWALL_KAFKA_PORT', 19092),
    options.controllerPort ?? portFromEnv('PITWALL_KAFKA_CONTROLLER_PORT', 19093),
  )
}

function serverLog(layout: KafkaLayout): string {
  return `${layout.logsDir}/server.log`
}

function notAnswering(layout: KafkaLayout, what: string): PitwallError {
  return new PitwallError(ErrorCodes.BROKER_UNREACHABLE, `${what}; see ${serverLog(layout)} and ${layout.stdoutFile}`, {
    details: { lastLines: tailFile(layout.stdoutFile, 20) + tailFile(serverLog(layout), 20) },
  })
}

if (import.meta.main) {
  await runServiceCli('broker', {
    start: async () => {
      const began = Date.now()
      const handle = await ensureBroker()
      const how =
        handle.source === 'started' ? `started in ${((Date.now() - began) / 1000).toFixed(1)} s` : handle.source
      return `broker ${how}: PITWALL_BROKERS=${handle.brokers.join(',')}${handle.logFile ? `\nlog: ${handle.logFile}` : ''}`
    },
    stop: async () => ((await stopBroker()) ? 'broker stopped' : 'broker was not running (started by this checkout)'),
    status: async () => {
      const status = await brokerStatus()
      return `${status.running ? 'running' : 'not running'}: ${status.brokers.join(',')}${status.pid ? ` (pid ${status.pid})` : ''}${status.external ? ' (PITWALL_BROKERS)' : ''}`
    },
    log: async () => (await brokerStatus()).logFile,
    restart: async () => `broker restarted: ${(await restartBroker()).brokers.join(',')}`,
    kill: async () => ((await killBroker()) ? 'broker killed (SIGKILL)' : 'broker was not running'),
  })
}
