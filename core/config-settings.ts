/**
 * @module
 * The table of Pitwall's settings: each PITWALL_* variable with its meaning, expected form, default
 * and zod schema. core/config.ts reads and validates them; README's table is generated from it.
 */
import { z } from 'zod'

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
const jsonObject = z.string().refine((text) => {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}, 'not a JSON object')
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
  f1Config: setting({
    env: 'PITWALL_F1_CONFIG',
    description: 'overrides of the F1 pipeline thresholds and store options (topology/f1/worker.ts)',
    form: 'JSON object',
    default: undefined,
    schema: jsonObject.optional(),
  }),
  benchWorker: setting({
    env: 'PITWALL_BENCH_WORKER',
    description: 'spec of a benchmark or chaos worker process, set by bench/ for the processes it starts',
    form: 'JSON object',
    default: undefined,
    schema: jsonObject.optional(),
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
