/**
 * @module
 * The infrastructure services of `npm start`: the Kafka broker and the S3 endpoint. Each uses the
 * configured external one (PITWALL_BROKERS, PITWALL_S3_ENDPOINT) or starts the local one, and on
 * shutdown stops only what it started itself.
 */
import { checkBrokerReachable } from '../../core/reachability.ts'
import { ensureBroker, stopBroker } from '../broker.ts'
import { ensureMinio, stopMinio } from '../minio.ts'
import type { StackService } from './service.ts'

/**
 * The Kafka broker: PITWALL_BROKERS, or the local Apache Kafka of scripts/broker.ts.
 *
 * @example
 * ```ts
 * const running = await brokerService.start(context) // context.provided.brokers is now set
 * ```
 */
export const brokerService: StackService = {
  name: 'broker',
  description: 'Kafka-protocol broker (local Apache Kafka, or PITWALL_BROKERS)',
  async start({ config, provided }) {
    // config.brokers covers PITWALL_BROKERS and --brokers; unset means the local broker
    if (config.brokers) {
      await checkBrokerReachable(config.brokers)
      provided.brokers = config.brokers
      return { summary: `Kafka broker at ${config.brokers.join(',')} (PITWALL_BROKERS)`, stop: async () => {} }
    }
    const handle = await ensureBroker({
      port: config.kafkaPort,
      controllerPort: config.kafkaControllerPort,
      ignoreEnv: true,
    })
    provided.brokers = handle.brokers
    return {
      summary: `Apache Kafka on ${handle.brokers.join(',')} (${handle.source})`,
      logFile: handle.logFile,
      stop: async () => {
        if (handle.source === 'started') await stopBroker({ port: config.kafkaPort })
      },
    }
  },
}

/**
 * The S3 endpoint of the archive: PITWALL_S3_ENDPOINT, or the local MinIO of scripts/minio.ts.
 *
 * @example
 * ```ts
 * const running = await s3Service.start(context) // context.provided.s3 is now set
 * ```
 */
export const s3Service: StackService = {
  name: 's3',
  description: 'S3 endpoint with the archive bucket (local MinIO, or PITWALL_S3_ENDPOINT)',
  async start({ config, provided }) {
    const handle = await ensureMinio({
      port: config.minioPort,
      consolePort: config.minioConsolePort,
      bucket: config.s3Bucket,
      region: config.s3Region,
      accessKeyId: config.s3AccessKey,
      secretAccessKey: config.s3SecretKey,
      ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : { ignoreEnv: true }),
    })
    const { endpoint, bucket, region, accessKeyId, secretAccessKey } = handle
    provided.s3 = { endpoint, bucket, region, accessKeyId, secretAccessKey }
    const where = handle.source === 'existing' && config.s3Endpoint ? 'PITWALL_S3_ENDPOINT' : handle.source
    const consoleUrl = config.s3Endpoint ? '' : `, console http://127.0.0.1:${config.minioConsolePort}`
    return {
      summary: `S3 at ${endpoint}, bucket ${bucket} (${where}${consoleUrl})`,
      logFile: handle.logFile,
      stop: async () => {
        if (handle.source === 'started') await stopMinio({ port: config.minioPort })
      },
    }
  },
}
