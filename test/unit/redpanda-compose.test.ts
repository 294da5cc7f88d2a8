/**
 * @module
 * redpanda.yml cannot be started here (no Docker engine), so this checks it against the config module:
 * the services exist, every PITWALL_* variable is a known, valid setting, and the addresses and ports
 * that the services publish are the ones the variables point at.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { CONFIG_SETTINGS, loadConfig } from '../../core/config.ts'

interface Service {
  image: string
  command?: string[] | string
  entrypoint?: string[]
  environment?: Record<string, string>
  ports?: string[]
  volumes?: string[]
}

const compose = parse(readFileSync(resolve(import.meta.dirname, '../../redpanda.yml'), 'utf8')) as {
  services: Record<string, Service>
}
const services = compose.services
const pitwallServices = ['pitwall-worker', 'pitwall-api']
const defaults = loadConfig({ env: {} })

function published(service: string): Map<number, number> {
  return new Map(
    (services[service]?.ports ?? []).map((mapping) => {
      const [host, container] = mapping.split(':').map(Number)
      return [container!, host!]
    }),
  )
}

function flag(service: string, name: string): string {
  const args = services[service]!.command as string[]
  return args.find((arg) => arg.startsWith(`--${name}=`))!.slice(name.length + 3)
}

describe('redpanda.yml', () => {
  it('has Redpanda, Console, MinIO with its bucket, Trino 476 and the Pitwall worker and API', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['console', 'minio', 'minio-setup', 'pitwall-api', 'pitwall-worker', 'redpanda', 'trino'].sort(),
    )
    expect(services.redpanda!.image).toMatch(/redpandadata\/redpanda:v\d+/)
    expect(services.console!.image).toMatch(/redpandadata\/console:v\d+/)
    expect(services.trino!.image).toBe('trinodb/trino:476')
    expect(services.trino!.volumes).toContain('./lakehouse/trino/lake.properties:/etc/trino/catalog/lake.properties:ro')
  })

  it('turns Redpanda transactions and idempotence on', () => {
    const args = services.redpanda!.command as string[]
    expect(args).toContain('--set=redpanda.enable_transactions=true')
    expect(args).toContain('--set=redpanda.enable_idempotence=true')
  })

  it.each(pitwallServices)('configures %s only with known, valid PITWALL_* variables', (name) => {
    const env = services[name]!.environment!
    const known = new Set(Object.values(CONFIG_SETTINGS).map((spec) => spec.env as string))
    for (const key of Object.keys(env)) expect(known).toContain(key)
    expect(() => loadConfig({ env })).not.toThrow()
  })

  it('points PITWALL_BROKERS at the Redpanda service and publishes the local stack broker port', () => {
    const config = loadConfig({ env: services['pitwall-worker']!.environment! })
    const internal = flag('redpanda', 'kafka-addr').match(/internal:\/\/[^:]+:(\d+)/)![1]
    expect(config.brokers).toEqual([`redpanda:${internal}`])
    const external = Number(flag('redpanda', 'advertise-kafka-addr').match(/external:\/\/[^:]+:(\d+)/)![1])
    expect(external).toBe(defaults.kafkaPort)
    expect(published('redpanda').get(external)).toBe(defaults.kafkaPort)
    expect(services.console!.environment!.KAFKA_BROKERS).toBe(`redpanda:${internal}`)
  })

  it('points the S3 settings at the MinIO service, its credentials and the bucket minio-setup creates', () => {
    const env = services['pitwall-worker']!.environment!
    const config = loadConfig({ env })
    const endpoint = new URL(config.s3Endpoint!)
    expect(endpoint.hostname).toBe('minio')
    expect(published('minio').get(Number(endpoint.port))).toBe(defaults.minioPort)
    expect(published('minio').get(9001)).toBe(defaults.minioConsolePort)
    expect(services.minio!.environment).toEqual({
      MINIO_ROOT_USER: config.s3AccessKey,
      MINIO_ROOT_PASSWORD: config.s3SecretKey,
    })
    const setup = services['minio-setup']!.entrypoint!.join(' ')
    expect(setup).toContain(`http://minio:${endpoint.port} ${config.s3AccessKey} ${config.s3SecretKey}`)
    expect(setup).toContain(`mc mb --ignore-existing local/${config.s3Bucket}`)
  })

  it('publishes the API on PITWALL_API_PORT', () => {
    const config = loadConfig({ env: services['pitwall-api']!.environment! })
    expect(published('pitwall-api').get(config.apiPort)).toBe(config.apiPort)
    expect(services['pitwall-api']!.command).toEqual(['node', 'scripts/stack.ts', 'api'])
    expect(services['pitwall-worker']!.command).toEqual(['node', 'scripts/stack.ts', 'worker'])
  })
})
