/**
 * @module
 * The local S3 of Pitwall: MinIO built once with `go install` into `.cache/minio` and run on 127.0.0.1
 * with its data in `.cache/minio/run-<port>/data`, detached so that later runs reuse it. The bucket
 * (PITWALL_S3_BUCKET, default `pitwall`) is created through @aws-sdk/client-s3. With
 * `PITWALL_S3_ENDPOINT` set, that endpoint is used and nothing is started.
 *
 * CLI: `node scripts/minio.ts start|stop|status|log|build`.
 * Ports: `PITWALL_MINIO_PORT` (default 19000) and `PITWALL_MINIO_CONSOLE_PORT` (default 19001).
 */
import { ErrorCodes, PitwallError } from '../core/errors.ts'
import { portFromEnv } from './infra/env-port.ts'
import { withFileLock } from './infra/file-lock.ts'
import { ensureMinioBinary, type MinioLayout, minioLayout } from './infra/minio-provision.ts'
import { isPortOpen, waitUntil } from './infra/net-probe.ts'
import { livePid, startDetached, stopByPidFile } from './infra/process-control.ts'
import { ensureBucket, type S3Endpoint } from './infra/s3-client.ts'
import { runServiceCli, tailFile } from './infra/service-cli.ts'

/** Where MinIO runs and which bucket to create. */
export interface MinioOptions {
  port?: number
  consolePort?: number
  bucket?: string
  timeoutMs?: number
  /** Ignore PITWALL_S3_ENDPOINT and always use the local MinIO. */
  ignoreEnv?: boolean
  /** An existing S3 endpoint to use instead of the local MinIO (default: PITWALL_S3_ENDPOINT). */
  endpoint?: string
  region?: string
  accessKeyId?: string
  secretAccessKey?: string
}

/** The answer of {@link ensureMinio}: the endpoint, its credentials and the bucket that now exists. */
export interface MinioHandle extends S3Endpoint {
  bucket: string
  source: 'existing' | 'reused' | 'started'
  logFile?: string
}

/** Default credentials of the local MinIO (test-only; an existing S3 brings its own). */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'pitwall', secretAccessKey: 'pitwall-secret' } as const

/**
 * Makes sure an S3 endpoint answers and the bucket exists: PITWALL_S3_ENDPOINT if set, else the local
 * MinIO (built and started if needed, reused if running).
 *
 * @example
 * ```ts
 * const s3 = await ensureMinio() // { endpoint: 'http://127.0.0.1:19000', bucket: 'pitwall', ... }
 * ```
 */
export async function ensureMinio(options: MinioOptions = {}): Promise<MinioHandle> {
  const env = process.env
  const bucket = options.bucket ?? (env.PITWALL_S3_BUCKET || 'pitwall')
  const region = options.region ?? (env.PITWALL_S3_REGION || 'us-east-1')
  const accessKeyId = options.accessKeyId ?? (env.PITWALL_S3_ACCESS_KEY || LOCAL_S3_CREDENTIALS.accessKeyId)
  const secretAccessKey = options.secretAccessKey ?? (env.PITWALL_S3_SECRET_KEY || LOCAL_S3_CREDENTIALS.secretAccessKey)
  const external = options.endpoint ?? (options.ignoreEnv ? undefined : env.PITWALL_S3_ENDPOINT)
  if (external) {
    if (!(await answersHttp(external))) {
      throw new PitwallError(
        ErrorCodes.S3_UNREACHABLE,
        `S3 endpoint ${external} (PITWALL_S3_ENDPOINT) does not answer HTTP: start that S3 server, or unset PITWALL_S3_ENDPOINT to let Pitwall start MinIO`,
      )
    }
    const target = { endpoint: external, region, accessKeyId, secretAccessKey }
    await ensureBucket(target, bucket)
    return { ...target, bucket, source: 'existing' }
  }
  const layout = layoutFor(options)
  const credentials = { accessKeyId, secretAccessKey }
  const source = await withFileLock(layout.lockFile, () => startLocal(layout, credentials, options.timeoutMs ?? 60_000))
  const target = { endpoint: endpointOf(layout), region, ...credentials }
  await ensureBucket(target, bucket)
  return { ...target, bucket, source, logFile: layout.logFile }
}

async function startLocal(
  layout: MinioLayout,
  credentials: { accessKeyId: string; secretAccessKey: string },
  timeoutMs: number,
): Promise<MinioHandle['source']> {
  const ready = () => isReady(layout)
  if (livePid(layout.pidFile) !== undefined) {
    if (await waitUntil(ready, { timeoutMs, giveUp: () => livePid(layout.pidFile) === undefined })) return 'reused'
    throw notReady(layout, `MinIO runs but is not ready on ${endpointOf(layout)}`)
  }
  if (await isPortOpen(layout.host, layout.port)) {
    if (await ready()) return 'existing'
    throw new PitwallError(
      ErrorCodes.INFRA,
      `port ${layout.host}:${layout.port} is taken by something that is not MinIO: free it or set PITWALL_MINIO_PORT`,
    )
  }
  await withFileLock(layout.buildLockFile, () => ensureMinioBinary(layout))
  startDetached({
    command: layout.binary,
    args: [
      'server',
      layout.dataDir,
      '--address',
      `${layout.host}:${layout.port}`,
      '--console-address',
      `${layout.host}:${layout.consolePort}`,
    ],
    pidFile: layout.pidFile,
    logFile: layout.logFile,
    env: {
      ...process.env,
      MINIO_ROOT_USER: credentials.accessKeyId,
      MINIO_ROOT_PASSWORD: credentials.secretAccessKey,
      MINIO_BROWSER: 'on',
      MINIO_UPDATE: 'off',
    },
  })
  if (await waitUntil(ready, { timeoutMs, giveUp: () => livePid(layout.pidFile) === undefined })) return 'started'
  await stopByPidFile(layout.pidFile, 5000)
  throw notReady(layout, `MinIO did not become ready on ${endpointOf(layout)} within ${timeoutMs} ms`)
}

/**
 * Stops the local MinIO. Returns false when it was not running.
 *
 * @example
 * ```ts
 * await stopMinio()
 * ```
 */
export async function stopMinio(options: MinioOptions = {}): Promise<boolean> {
  const layout = layoutFor(options)
  return withFileLock(layout.lockFile, () => stopByPidFile(layout.pidFile, 20_000))
}

/**
 * Whether the S3 endpoint (local MinIO or PITWALL_S3_ENDPOINT) answers, and the local log file.
 *
 * @example
 * ```ts
 * const { running, endpoint } = await minioStatus()
 * ```
 */
export async function minioStatus(
  options: MinioOptions = {},
): Promise<{ endpoint: string; running: boolean; pid?: number; logFile: string; external: boolean }> {
  const layout = layoutFor(options)
  const external = options.ignoreEnv ? undefined : process.env.PITWALL_S3_ENDPOINT
  const endpoint = external || endpointOf(layout)
  const running = external ? await answersHttp(external) : await isReady(layout)
  return { endpoint, running, pid: livePid(layout.pidFile), logFile: layout.logFile, external: Boolean(external) }
}

function layoutFor(options: MinioOptions): MinioLayout {
  return minioLayout(
    options.port ?? portFromEnv('PITWALL_MINIO_PORT', 19000),
    options.consolePort ?? portFromEnv('PITWALL_MINIO_CONSOLE_PORT', 19001),
  )
}

function endpointOf(layout: MinioLayout): string {
  return `http://${layout.host}:${layout.port}`
}

async function isReady(layout: MinioLayout): Promise<boolean> {
  try {
    const response = await fetch(`${endpointOf(layout)}/minio/health/ready`, { signal: AbortSignal.timeout(2000) })
    return response.ok
  } catch {
    return false
  }
}

async function answersHttp(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(5000) })
    return true
  } catch {
    return false
  }
}

function notReady(layout: MinioLayout, what: string): PitwallError {
  return new PitwallError(ErrorCodes.S3_UNREACHABLE, `${what}; see ${layout.logFile}`, {
    details: { lastLines: tailFile(layout.logFile, 20) },
  })
}

if (import.meta.main) {
  await runServiceCli('minio', {
    start: async () => {
      const began = Date.now()
      const s3 = await ensureMinio()
      const how = s3.source === 'started' ? `started in ${((Date.now() - began) / 1000).toFixed(1)} s` : s3.source
      return `MinIO ${how}: PITWALL_S3_ENDPOINT=${s3.endpoint} bucket=${s3.bucket}${s3.logFile ? `\nlog: ${s3.logFile}` : ''}`
    },
    stop: async () => ((await stopMinio()) ? 'MinIO stopped' : 'MinIO was not running (started by this checkout)'),
    status: async () => {
      const s = await minioStatus()
      return `${s.running ? 'running' : 'not running'}: ${s.endpoint}${s.pid ? ` (pid ${s.pid})` : ''}${s.external ? ' (PITWALL_S3_ENDPOINT)' : ''}`
    },
    log: async () => (await minioStatus()).logFile,
    build: async () => {
      const layout = layoutFor({})
      const built = await withFileLock(layout.buildLockFile, () => ensureMinioBinary(layout))
      return `${built ? 'built' : 'cached'}: ${layout.binary}`
    },
  })
}
