/**
 * @module
 * Asks a Kafka-protocol broker (Apache Kafka or Redpanda) for its cluster metadata: the readiness check
 * of the local broker and the reachability check of a configured one.
 */
import { Admin } from '@platformatic/kafka'

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
  try {
    const metadata = await withTimeout(admin.metadata({ topics: [] }), timeoutMs + 500)
    return {
      clusterId: metadata.id,
      brokers: [...metadata.brokers.values()].map((broker) => `${broker.host}:${broker.port}`),
    }
  } catch {
    return undefined
  } finally {
    await admin.close().catch(() => {})
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
