/**
 * @module
 * Provisioning of the local MinIO: `go install` of a pinned MinIO into `.cache/minio/<version>` once
 * (GOPATH, GOCACHE and GOBIN all under `.cache`, CGO off), and the file layout of a server by port.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/**
 * The pinned MinIO. Its RELEASE.* tags are not semantic versions and the Go module proxy does not
 * resolve them here, so the pin is the proxy's pseudo-version of a master commit (2026-02-12).
 */
export const MINIO_VERSION = 'v0.0.0-20260212201848-7aac2a2c5b7c'

const repoRoot = resolve(import.meta.dirname, '..', '..')
const run = promisify(execFile)

/** Where the MinIO listening on `port` keeps its binary, data, log and pid. */
export interface MinioLayout {
  host: string
  port: number
  consolePort: number
  binary: string
  goDir: string
  runDir: string
  dataDir: string
  logFile: string
  pidFile: string
  lockFile: string
  buildLockFile: string
}

/**
 * The file layout of the MinIO server on `port`, all under `<repo>/.cache`.
 *
 * @example
 * ```ts
 * minioLayout(19000, 19001).dataDir // '<repo>/.cache/minio/run-19000/data'
 * ```
 */
export function minioLayout(port: number, consolePort: number, cacheDir = join(repoRoot, '.cache')): MinioLayout {
  const base = join(cacheDir, 'minio')
  const runDir = join(base, `run-${port}`)
  return {
    host: '127.0.0.1',
    port,
    consolePort,
    binary: join(base, MINIO_VERSION, 'minio'),
    goDir: join(cacheDir, 'go'),
    runDir,
    dataDir: join(runDir, 'data'),
    logFile: join(runDir, 'minio.log'),
    pidFile: join(runDir, 'minio.pid'),
    lockFile: join(base, `run-${port}.lock`),
    buildLockFile: join(base, 'build.lock'),
  }
}

/**
 * Builds the pinned MinIO with `go install` unless the binary is cached (takes minutes the first time).
 * Returns true when it built.
 *
 * @example
 * ```ts
 * await ensureMinioBinary(minioLayout(19000, 19001))
 * ```
 */
export async function ensureMinioBinary(layout: MinioLayout): Promise<boolean> {
  if (existsSync(layout.binary)) return false
  const binDir = join(layout.binary, '..')
  mkdirSync(binDir, { recursive: true })
  const env = {
    ...process.env,
    GOPATH: join(layout.goDir, 'path'),
    GOMODCACHE: join(layout.goDir, 'path', 'pkg', 'mod'),
    GOCACHE: join(layout.goDir, 'build'),
    GOBIN: binDir,
    CGO_ENABLED: '0',
    GOFLAGS: '-buildvcs=false',
    GOTOOLCHAIN: 'local',
  }
  try {
    // go install writes the binary only once it is complete, so an interrupted build leaves nothing behind
    await run('go', ['install', `github.com/minio/minio@${MINIO_VERSION}`], { env, maxBuffer: 64 * 1024 * 1024 })
  } catch (cause) {
    throw new PitwallError(
      ErrorCodes.INFRA,
      `building MinIO ${MINIO_VERSION} with go install failed: is Go >= 1.24 installed and the Go module proxy reachable?`,
      { cause, details: { output: String((cause as { stderr?: string }).stderr ?? '').slice(-4000) } },
    )
  }
  return true
}
