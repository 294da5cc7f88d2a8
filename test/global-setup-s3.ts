/**
 * @module
 * Vitest global setup of the `integration-s3` project (tests named `*.s3.test.ts`): makes sure an S3
 * endpoint answers (PITWALL_S3_ENDPOINT, else the local MinIO, built and started if needed) with the
 * bucket created, and hands it to the tests through `inject('s3')` and the PITWALL_S3_* variables.
 */
import type { TestProject } from 'vitest/node'
import { ensureMinio } from '../scripts/minio.ts'

/** The S3 endpoint of a test run. */
export interface TestS3 {
  endpoint: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  bucket: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    s3: TestS3
  }
}

/**
 * Starts (or finds) MinIO before the S3 integration tests run.
 *
 * @example
 * ```ts
 * // vitest.config.ts: { test: { name: 'integration-s3', globalSetup: ['test/global-setup-s3.ts'] } }
 * ```
 */
export default async function setup(project: TestProject): Promise<void> {
  const began = Date.now()
  const s3 = await ensureMinio()
  if (s3.source === 'started') console.log(`[global-setup] started MinIO on ${s3.endpoint} in ${Date.now() - began} ms`)
  const { endpoint, region, accessKeyId, secretAccessKey, bucket } = s3
  Object.assign(process.env, {
    PITWALL_S3_ENDPOINT: endpoint,
    PITWALL_S3_REGION: region,
    PITWALL_S3_ACCESS_KEY: accessKeyId,
    PITWALL_S3_SECRET_KEY: secretAccessKey,
    PITWALL_S3_BUCKET: bucket,
  })
  project.provide('s3', { endpoint, region, accessKeyId, secretAccessKey, bucket })
}
