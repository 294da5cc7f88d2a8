import { describe, expect, it } from 'vitest'
import { CONFIG_SETTINGS, configMarkdownTable, flagOf, loadConfig } from './config.ts'
import { ErrorCodes, isPitwallError, PitwallError } from './errors.ts'

function failure(run: () => unknown): PitwallError {
  try {
    run()
  } catch (error) {
    if (error instanceof PitwallError) return error
    throw error
  }
  throw new Error('expected loadConfig to throw')
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({ env: {}, argv: [] })
    expect(config).toMatchObject({
      brokers: undefined,
      applicationId: 'pitwall',
      stateDir: '.state',
      processingGuarantee: 'exactly_once_v2',
      commitIntervalMs: 100,
      s3Endpoint: undefined,
      s3Bucket: 'pitwall',
      s3Region: 'us-east-1',
      apiPort: 8080,
      logLevel: 'info',
      partitions: 6,
      cars: 20,
      seed: 42,
      kafkaPort: 19092,
    })
  })

  it('reads and types environment variables', () => {
    const config = loadConfig({
      env: {
        PITWALL_BROKERS: 'redpanda:9092, 127.0.0.1:19092',
        PITWALL_PROCESSING_GUARANTEE: 'at_least_once',
        PITWALL_S3_ENDPOINT: 'http://minio:9000',
        PITWALL_PARTITIONS: '12',
        PATH: '/usr/bin',
      },
    })
    expect(config.brokers).toEqual(['redpanda:9092', '127.0.0.1:19092'])
    expect(config.processingGuarantee).toBe('at_least_once')
    expect(config.commitIntervalMs).toBe(30_000)
    expect(config.s3Endpoint).toBe('http://minio:9000')
    expect(config.partitions).toBe(12)
  })

  it('lets flags (--name value and --name=value) override the environment', () => {
    const config = loadConfig({
      env: { PITWALL_CARS: '5', PITWALL_COMMIT_INTERVAL_MS: '250' },
      argv: ['run', '--cars', '8', '--application-id=race-1'],
    })
    expect(config.cars).toBe(8)
    expect(config.applicationId).toBe('race-1')
    expect(config.commitIntervalMs).toBe(250)
  })

  it('accepts the JSON settings of the F1 pipeline and the benchmark workers as text', () => {
    const config = loadConfig({
      env: { PITWALL_F1_CONFIG: '{"stores":{"type":"memory"}}', PITWALL_BENCH_WORKER: '{}' },
    })
    expect(JSON.parse(config.f1Config!)).toEqual({ stores: { type: 'memory' } })
    expect(config.benchWorker).toBe('{}')
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ env: { PITWALL_BROKERS: '' } }).brokers).toBeUndefined()
  })

  it('rejects an unknown PITWALL_ variable, naming it', () => {
    const error = failure(() => loadConfig({ env: { PITWALL_BROKER: 'x:1' } }))
    expect(error.code).toBe(ErrorCodes.CONFIG_UNKNOWN_KEY)
    expect(error.message).toContain('PITWALL_BROKER:')
    expect(error.message).toContain('PITWALL_BROKERS')
  })

  it('rejects an unknown flag, naming it', () => {
    const error = failure(() => loadConfig({ env: {}, argv: ['--partitons', '3'] }))
    expect(error.code).toBe(ErrorCodes.CONFIG_UNKNOWN_KEY)
    expect(error.message).toContain('--partitons')
  })

  it('rejects a flag without its value', () => {
    const error = failure(() => loadConfig({ env: {}, argv: ['--seed'] }))
    expect(error.code).toBe(ErrorCodes.CONFIG_INVALID)
    expect(error.message).toContain('--seed')
  })

  it.each([
    ['PITWALL_PROCESSING_GUARANTEE', 'exactly_once', 'exactly_once_v2 | at_least_once'],
    ['PITWALL_COMMIT_INTERVAL_MS', 'soon', 'integer 1-3600000'],
    ['PITWALL_COMMIT_INTERVAL_MS', '0', 'integer 1-3600000'],
    ['PITWALL_API_PORT', '70000', 'TCP port 1-65535'],
    ['PITWALL_BROKERS', 'localhost', 'host:port[,host:port...]'],
    ['PITWALL_S3_ENDPOINT', 'minio:9000', 'http(s)://host:port'],
    ['PITWALL_S3_BUCKET', 'Bad_Bucket', 'S3 bucket name'],
    ['PITWALL_S3_SECRET_KEY', 'short', 'text, at least 8 characters'],
    ['PITWALL_LOG_LEVEL', 'verbose', 'debug | info | warn | error'],
    ['PITWALL_CARS', '23', 'integer 1-22'],
    ['PITWALL_SEED', '1.5', 'integer'],
    ['PITWALL_F1_CONFIG', '[1]', 'JSON object'],
    ['PITWALL_BENCH_WORKER', '{nope', 'JSON object'],
  ])('rejects %s=%s, naming the variable and the form %s', (variable, value, form) => {
    const error = failure(() => loadConfig({ env: { [variable]: value } }))
    expect(error.code).toBe(ErrorCodes.CONFIG_INVALID)
    expect(error.message).toContain(`${variable}="${value}"`)
    expect(error.message).toContain(`expected ${form}`)
    expect(error.details.variable).toBe(variable)
  })

  it('names the flag when the bad value came from a flag', () => {
    const error = failure(() => loadConfig({ env: {}, argv: ['--api-port=http'] }))
    expect(isPitwallError(error, ErrorCodes.CONFIG_INVALID)).toBe(true)
    expect(error.message).toContain('--api-port="http"')
  })
})

describe('the settings table', () => {
  it('covers the settings the other modules rely on, each with a PITWALL_ name', () => {
    const names = Object.values(CONFIG_SETTINGS).map((spec) => spec.env)
    for (const required of [
      'PITWALL_BROKERS',
      'PITWALL_APPLICATION_ID',
      'PITWALL_STATE_DIR',
      'PITWALL_PROCESSING_GUARANTEE',
      'PITWALL_COMMIT_INTERVAL_MS',
      'PITWALL_S3_ENDPOINT',
      'PITWALL_S3_BUCKET',
      'PITWALL_S3_ACCESS_KEY',
      'PITWALL_S3_SECRET_KEY',
      'PITWALL_S3_REGION',
      'PITWALL_API_PORT',
      'PITWALL_LOG_LEVEL',
      'PITWALL_PARTITIONS',
      'PITWALL_CARS',
      'PITWALL_SEED',
    ]) {
      expect(names).toContain(required)
    }
    expect(new Set(names).size).toBe(names.length)
  })

  it('derives flags from variable names', () => {
    expect(flagOf('PITWALL_PROCESSING_GUARANTEE')).toBe('--processing-guarantee')
  })

  it('renders one Markdown row per setting, with escaped pipes', () => {
    const lines = configMarkdownTable().split('\n')
    expect(lines).toHaveLength(Object.keys(CONFIG_SETTINGS).length + 2)
    expect(lines.find((line) => line.includes('PITWALL_PROCESSING_GUARANTEE'))).toContain(
      'exactly_once_v2 \\| at_least_once',
    )
    for (const line of lines) expect(line.split(/(?<!\\)\|/)).toHaveLength(7)
  })
})
