/**
 * @module
 * Start-up checks that the configured Kafka broker and S3 endpoint answer. When one does not, the
 * error names the address and what to do, so that start-up fails with one clear line instead of a
 * client library's stack trace.
 */
import { Admin } from '@platformatic/kafka'
import { ErrorCodes, PitwallError } from './errors.ts'

/** What a broker said about its cluster. */
export interface ClusterInfo {
  clusterId: string
  brokers: string[]
}

/**
 * The cluster metadata from `brokers`, or undefined when none answers within `timeoutMs`.
 *
 * @example
 * ```ts
 * const info = await probeMetadata(['127.0.0.1:19092'])
 * if (info) console.log(info.clusterId)
 * ```
 */
export async function probeMetadata(brokers: string[], timeoutMs = 3000): Promise<ClusterInfo | undefined> {
  const admin = new Admin({
    clientId: 'pitwall-probe',
    bootstrapBrokers: brokers,
    retries: 0,
    timeout: timeoutMs,
    connectTimeout: timeoutMs,
  })
  let timer: NodeJS.Timeout | undefined
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs + 500)
    })
    const metadata = await Promise.race([admin.metadata({ topics: [] }), timeout])
    return {
      clusterId: metadata.id,
      brokers: [...metadata.brokers.values()].map((broker) => `${broker.host}:${broker.port}`),
    }
  } catch {
    return undefined
  } finally {
    clearTimeout(timer)
    await admin.close().catch(() => {})
  }
}

/**
 * Throws BROKER_UNREACHABLE naming the address when no broker in `brokers` answers metadata requests.
 *
 * @example
 * ```ts
 * await checkBrokerReachable(config.brokers ?? ['127.0.0.1:19092'])
 * ```
 */
export async function checkBrokerReachable(brokers: string[], timeoutMs = 5000): Promise<ClusterInfo> {
  const info = await probeMetadata(brokers, timeoutMs)
  if (info) return info
  throw new PitwallError(
    ErrorCodes.BROKER_UNREACHABLE,
    `no Kafka broker answers at ${brokers.join(',')}: start the local one with \`node scripts/broker.ts start\` ` +
      '(or `npm start`), or set PITWALL_BROKERS to the host:port of a running Kafka or Redpanda',
    { details: { brokers } },
  )
}

/**
 * Throws S3_UNREACHABLE naming the endpoint when nothing answers HTTP there.
 *
 * @example
 * ```ts
 * await checkS3Reachable('http://127.0.0.1:19000')
 * ```
 */
export async function checkS3Reachable(endpoint: string, timeoutMs = 5000): Promise<void> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(timeoutMs) })
  } catch (cause) {
    throw new PitwallError(
      ErrorCodes.S3_UNREACHABLE,
      `no S3 endpoint answers at ${endpoint}: start the local MinIO with \`node scripts/minio.ts start\` ` +
        '(or `npm start`), or set PITWALL_S3_ENDPOINT to a running S3-compatible server',
      { cause, details: { endpoint } },
    )
  }
}
