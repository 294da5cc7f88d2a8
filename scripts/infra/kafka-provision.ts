/**
 * @module
 * Provisioning of the local Apache Kafka broker: the jars from Maven Central (scripts/kafka/pom.xml)
 * into the git-ignored `.cache/kafka`, the server.properties of a single combined broker/controller
 * on 127.0.0.1, and the formatted KRaft storage. Everything is done once and reused.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/** The Kafka release the pom pins. */
export const KAFKA_VERSION = '4.1.2'

const repoRoot = resolve(import.meta.dirname, '..', '..')
const run = promisify(execFile)

/** Where one broker (identified by its client port) keeps its jars, data, logs and pid. */
export interface KafkaLayout {
  port: number
  controllerPort: number
  host: string
  libsDir: string
  runDir: string
  dataDir: string
  logsDir: string
  propertiesFile: string
  pidFile: string
  stdoutFile: string
  lockFile: string
}

/**
 * The file layout of the broker listening on `port`, all under `<repo>/.cache/kafka`.
 *
 * @example
 * ```ts
 * kafkaLayout(19092, 19093).logsDir // '<repo>/.cache/kafka/run-19092/logs'
 * ```
 */
export function kafkaLayout(port: number, controllerPort: number, cacheDir = join(repoRoot, '.cache')): KafkaLayout {
  const base = join(cacheDir, 'kafka')
  const runDir = join(base, `run-${port}`)
  return {
    port,
    controllerPort,
    host: '127.0.0.1',
    libsDir: join(base, KAFKA_VERSION, 'libs'),
    runDir,
    dataDir: join(runDir, 'data'),
    logsDir: join(runDir, 'logs'),
    propertiesFile: join(runDir, 'server.properties'),
    pidFile: join(runDir, 'broker.pid'),
    stdoutFile: join(runDir, 'logs', 'stdout.log'),
    lockFile: join(base, `run-${port}.lock`),
  }
}

/**
 * Downloads the broker's jars with Maven unless the cache already has them. Returns true when it downloaded.
 *
 * @example
 * ```ts
 * await ensureKafkaJars(kafkaLayout(19092, 19093))
 * ```
 */
export async function ensureKafkaJars(layout: KafkaLayout): Promise<boolean> {
  if (existsSync(join(layout.libsDir, `kafka_2.13-${KAFKA_VERSION}.jar`))) return false
  const staging = `${layout.libsDir}.partial`
  rmSync(staging, { recursive: true, force: true })
  try {
    const pom = join(repoRoot, 'scripts', 'kafka', 'pom.xml')
    await run('mvn', ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`], {
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (cause) {
    throw new PitwallError(
      ErrorCodes.INFRA,
      `Maven could not fetch Kafka ${KAFKA_VERSION} (scripts/kafka/pom.xml): is mvn installed and Maven Central reachable?`,
      { cause, details: { output: String((cause as { stderr?: string }).stderr ?? '') } },
    )
  }
  // rename last, so that an interrupted download is never taken for a complete one
  renameSync(staging, layout.libsDir)
  return true
}

/**
 * The broker's server.properties: one combined broker/controller, static quorum, and the settings that
 * let transactions work on a single node (RF 1, min ISR 1) and keep tests fast.
 *
 * @example
 * ```ts
 * writeFileSync('server.properties', serverProperties(kafkaLayout(19092, 19093)))
 * ```
 */
export function serverProperties(layout: KafkaLayout): string {
  const { host, port, controllerPort } = layout
  const settings: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${host}:${controllerPort}`,
    listeners: `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${host}:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': layout.dataDir,
    'num.partitions': 1,
    'auto.create.topics.enable': 'true',
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 10,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    // abandoned transactions of killed test producers must not block read_committed readers for long
    'transaction.max.timeout.ms': 900_000,
    'transaction.abort.timed.out.transaction.cleanup.interval.ms': 5_000,
    'transaction.remove.expired.transaction.cleanup.interval.ms': 60_000,
    'log.retention.hours': 24,
    'log.segment.bytes': 64 * 1024 * 1024,
    'delete.topic.enable': 'true',
  }
  return `${Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`
}

/** The classpath and JVM arguments that run `mainClass` on the cached jars. */
export function javaArgs(layout: KafkaLayout, mainClass: string, args: string[], heap = true): string[] {
  const classpath = readdirSync(layout.libsDir)
    .filter((name) => name.endsWith('.jar'))
    .map((name) => join(layout.libsDir, name))
    .join(':')
  return [
    ...(heap ? ['-Xms512m', '-Xmx1g', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20'] : ['-Xmx256m']),
    '-Djava.awt.headless=true',
    `-Dkafka.logs.dir=${layout.logsDir}`,
    `-Dlog4j2.configurationFile=${join(repoRoot, 'scripts', 'kafka', 'log4j2.xml')}`,
    '-cp',
    classpath,
    mainClass,
    ...args,
  ]
}

/**
 * The java executable: `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` from PATH.
 *
 * @example
 * ```ts
 * execFileSync(javaCommand(), ['-version'])
 * ```
 */
export function javaCommand(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java'
}

/**
 * Writes server.properties and formats the KRaft storage once (a `meta.properties` marks it formatted).
 *
 * @example
 * ```ts
 * await ensureKafkaStorage(kafkaLayout(19092, 19093))
 * ```
 */
export async function ensureKafkaStorage(layout: KafkaLayout): Promise<void> {
  mkdirSync(layout.logsDir, { recursive: true })
  const properties = serverProperties(layout)
  const previous = existsSync(layout.propertiesFile) ? readFileSync(layout.propertiesFile, 'utf8') : ''
  if (previous !== properties) writeFileSync(layout.propertiesFile, properties)
  if (existsSync(join(layout.dataDir, 'meta.properties'))) return
  mkdirSync(layout.dataDir, { recursive: true })
  const args = ['format', '-t', clusterId(), '-c', layout.propertiesFile]
  try {
    await run(javaCommand(), javaArgs(layout, 'kafka.tools.StorageTool', args, false), { maxBuffer: 16 * 1024 * 1024 })
  } catch (cause) {
    throw new PitwallError(ErrorCodes.INFRA, `formatting the KRaft storage in ${layout.dataDir} failed`, {
      cause,
      details: { output: String((cause as { stderr?: string }).stderr ?? '') },
    })
  }
}

// A Kafka cluster id is a base64url-encoded 16-byte UUID; Kafka avoids ones starting with '-'.
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url')
    if (!id.startsWith('-')) return id
  }
}
