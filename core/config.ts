/**
 * @module
 * Pitwall's configuration: one table of settings ({@link CONFIG_SETTINGS}), each read from a PITWALL_*
 * environment variable or the matching `--flag` (flags win), validated with zod at start-up. Unknown
 * PITWALL_* variables and unknown flags are rejected, and a malformed value is reported with the
 * variable's name and the expected form. README's table and redpanda.yml's test are checked against it.
 */
import { z } from 'zod'
import { ErrorCodes, PitwallError } from './errors.ts'

/** One configurable setting: its variable, what it means, the form it takes and its default. */
export interface SettingSpec<T> {
  env: `PITWALL_${string}`
  description: string
  /** The expected form, as shown in errors and the README. */
  form: string
  /** The default as text (undefined: unset unless given). */
  default: string | undefined
  schema: z.ZodType<T>
}

function setting<T>(spec: SettingSpec<T>): SettingSpec<T> {
  return spec
}

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+$/, 'not an integer')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
const port = () => integer(1, 65535)
const hostPort = /^[A-Za-z0-9.-]+:\d{1,5}$/
const brokerList = z
  .string()
  .transform((raw) => raw.split(',').map((broker) => broker.trim()))
  .pipe(z.array(z.string().regex(hostPort, 'not host:port')).min(1))
const httpUrl = z.url({ protocol: /^https?$/ })
const name = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'only letters, digits, . _ -')

/**
 * Every setting of Pitwall, keyed by its name in {@link PitwallConfig}. The one source of truth for
 * environment names, CLI flags, defaults, the README table and the compose file.
 */
export const CONFIG_SETTINGS = {
  brokers: setting({
    env: 'PITWALL_BROKERS',
    description: 'Kafka-protocol bootstrap brokers; unset: Pitwall starts its own local Apache Kafka',
    form: 'host:port[,host:port...]',
    default: undefined,
    schema: brokerList.optional(),
  }),
  applicationId: setting({
    env: 'PITWALL_APPLICATION_ID',
    description: 'application id: consumer group, prefix of internal topics and transactional ids',
    form: 'letters, digits, . _ -',
    default: 'pitwall',
    schema: name,
  }),
  stateDir: setting({
    env: 'PITWALL_STATE_DIR',
    description: 'directory of the local state stores (LevelDB) and checkpoints',
    form: 'a path',
    default: '.state',
    schema: z.string().min(1),
  }),
  processingGuarantee: setting({
    env: 'PITWALL_PROCESSING_GUARANTEE',
    description: 'exactly-once (transactions) or at-least-once processing',
    form: 'exactly_once_v2 | at_least_once',
    default: 'exactly_once_v2',
    schema: z.enum(['exactly_once_v2', 'at_least_once']),
  }),
  commitIntervalMs: setting({
    env: 'PITWALL_COMMIT_INTERVAL_MS',
    description: 'how often tasks commit (ms); default 100 with exactly_once_v2, 30000 with at_least_once',
    form: 'integer 1-3600000',
    default: undefined,
    schema: integer(1, 3_600_000).optional(),
  }),
  s3Endpoint: setting({
    env: 'PITWALL_S3_ENDPOINT',
    description: 'S3 endpoint of the archive; unset: Pitwall starts its own local MinIO',
    form: 'http(s)://host:port',
    default: undefined,
    schema: httpUrl.optional(),
  }),
  s3Bucket: setting({
    env: 'PITWALL_S3_BUCKET',
    description: 'bucket of the archive (created if missing)',
    form: 'S3 bucket name',
    default: 'pitwall',
    schema: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'not an S3 bucket name'),
  }),
  s3AccessKey: setting({
    env: 'PITWALL_S3_ACCESS_KEY',
    description: 'S3 access key (also the root user of the local MinIO)',
    form: 'text',
    default: 'pitwall',
    schema: z.string().min(1),
  }),
  s3SecretKey: setting({
    env: 'PITWALL_S3_SECRET_KEY',
    description: 'S3 secret key (also the root password of the local MinIO)',
    form: 'text, at least 8 characters',
    default: 'pitwall-secret',
    schema: z.string().min(8),
  }),
  s3Region: setting({
    env: 'PITWALL_S3_REGION',
    description: 'S3 region',
    form: 'text',
    default: 'us-east-1',
    schema: z.string().min(1),
  }),
  apiPort: setting({
    env: 'PITWALL_API_PORT',
    description: 'HTTP port of the query API and dashboard',
    form: 'TCP port 1-65535',
    default: '8080',
    schema: port(),
  }),
  logLevel: setting({
    env: 'PITWALL_LOG_LEVEL',
    description: 'log level',
    form: 'debug | info | warn | error',
    default: 'info',
    schema: z.enum(['debug', 'info', 'warn', 'error']),
  }),
  partitions: setting({
    env: 'PITWALL_PARTITIONS',
    description: 'partitions of the topics Pitwall creates',
    form: 'integer 1-256',
    default: '6',
    schema: integer(1, 256),
  }),
  cars: setting({
    env: 'PITWALL_CARS',
    description: 'cars the simulator drives',
    form: 'integer 1-22',
    default: '20',
    schema: integer(1, 22),
  }),
  seed: setting({
    env: 'PITWALL_SEED',
    description: 'seed of the simulator (same seed, same race)',
    form: 'integer',
    default: '42',
    schema: integer(0, Number.MAX_SAFE_INTEGER),
  }),
  kafkaPort: setting({
    env: 'PITWALL_KAFKA_PORT',
    description: 'client port of the local Apache Kafka (scripts/broker.ts)',
    form: 'TCP port 1-65535',
    default: '19092',
    schema: port(),
  }),
  kafkaControllerPort: setting({
    env: 'PITWALL_KAFKA_CONTROLLER_PORT',
    description: 'KRaft controller port of the local Apache Kafka',
    form: 'TCP port 1-65535',
    default: '19093',
    schema: port(),
  }),
  minioPort: setting({
    env: 'PITWALL_MINIO_PORT',
    description: 'S3 port of the local MinIO (scripts/minio.ts)',
    form: 'TCP port 1-65535',
    default: '19000',
    schema: port(),
  }),
  minioConsolePort: setting({
    env: 'PITWALL_MINIO_CONSOLE_PORT',
    description: 'web console port of the local MinIO',
    form: 'TCP port 1-65535',
    default: '19001',
    schema: port(),
  }),
} as const

type Settings = typeof CONFIG_SETTINGS

/** The validated configuration: one typed field per setting. */
export type PitwallConfig = { [K in keyof Settings]: z.output<Settings[K]['schema']> } & { commitIntervalMs: number }

/** Where configuration comes from: the environment and the command line (`--name value` or `--name=value`). */
export interface ConfigSources {
  env?: Readonly<Record<string, string | undefined>>
  argv?: readonly string[]
}

/**
 * The CLI flag of a setting: PITWALL_APPLICATION_ID → `--application-id`.
 *
 * @example
 * ```ts
 * flagOf('PITWALL_S3_BUCKET') // '--s3-bucket'
 * ```
 */
export function flagOf(env: string): string {
  return `--${env
    .replace(/^PITWALL_/, '')
    .toLowerCase()
    .replaceAll('_', '-')}`
}

/**
 * Reads and validates the configuration. Throws a PitwallError (CONFIG_UNKNOWN_KEY or CONFIG_INVALID)
 * whose message names the variable or flag and the expected form.
 *
 * @example
 * ```ts
 * const config = loadConfig({ env: process.env, argv: process.argv.slice(2) })
 * config.processingGuarantee // 'exactly_once_v2'
 * ```
 */
export function loadConfig(sources: ConfigSources = {}): PitwallConfig {
  const env = sources.env ?? process.env
  const byEnv = new Map(Object.values(CONFIG_SETTINGS).map((spec) => [spec.env as string, spec]))
  for (const key of Object.keys(env)) {
    if (key.startsWith('PITWALL_') && !byEnv.has(key)) {
      throw new PitwallError(ErrorCodes.CONFIG_UNKNOWN_KEY, `unknown environment variable ${key}: ${knownList()}`, {
        details: { variable: key },
      })
    }
  }
  const flags = parseFlags(sources.argv ?? [], byEnv)
  const config: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(CONFIG_SETTINGS) as [string, SettingSpec<unknown>][]) {
    const fromFlag = flags.get(spec.env)
    const raw = fromFlag ?? (env[spec.env] === '' ? undefined : env[spec.env]) ?? spec.default
    const parsed = spec.schema.safeParse(raw)
    if (!parsed.success) {
      const source = fromFlag !== undefined ? flagOf(spec.env) : spec.env
      const reason = parsed.error.issues[0]?.message ?? 'invalid'
      throw new PitwallError(
        ErrorCodes.CONFIG_INVALID,
        `${source}=${JSON.stringify(raw)} is malformed (${reason}): expected ${spec.form}`,
        { details: { variable: spec.env, value: raw } },
      )
    }
    config[key] = parsed.data
  }
  config.commitIntervalMs ??= config.processingGuarantee === 'exactly_once_v2' ? 100 : 30_000
  return config as PitwallConfig
}

function parseFlags(argv: readonly string[], byEnv: Map<string, SettingSpec<unknown>>): Map<string, string> {
  const byFlag = new Map([...byEnv.keys()].map((env) => [flagOf(env), env]))
  const flags = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--')) continue
    const eq = arg.indexOf('=')
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    const env = byFlag.get(flag)
    if (env === undefined) {
      throw new PitwallError(ErrorCodes.CONFIG_UNKNOWN_KEY, `unknown flag ${flag}: ${knownList(true)}`, {
        details: { flag },
      })
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined) {
      throw new PitwallError(ErrorCodes.CONFIG_INVALID, `flag ${flag} needs a value: ${byEnv.get(env)!.form}`, {
        details: { flag },
      })
    }
    flags.set(env, value)
  }
  return flags
}

function knownList(asFlags = false): string {
  const names = Object.values(CONFIG_SETTINGS).map((spec) => (asFlags ? flagOf(spec.env) : spec.env))
  return `known ones are ${names.join(', ')}`
}

/**
 * The settings as a Markdown table (variable, flag, default, form, meaning), as in the README.
 *
 * @example
 * ```ts
 * console.log(configMarkdownTable())
 * ```
 */
export function configMarkdownTable(): string {
  const rows = Object.values(CONFIG_SETTINGS).map(
    (spec) =>
      `| \`${spec.env}\` | \`${flagOf(spec.env)}\` | ${spec.default === undefined ? '(unset)' : `\`${spec.default}\``} | ${spec.form.replaceAll('|', '\\|')} | ${spec.description} |`,
  )
  return ['| variable | flag | default | form | meaning |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
}
