/**
 * @module
 * S3 helpers for integration tests (`*.s3.test.ts`): the endpoint of the run and a client for it.
 */
import type { S3Client } from '@aws-sdk/client-s3'
import { inject } from 'vitest'
import { s3Client } from '../../scripts/infra/s3-client.ts'
import type { TestS3 } from '../global-setup-s3.ts'

/**
 * The S3 endpoint, credentials and bucket of this test run (from the global setup).
 *
 * @example
 * ```ts
 * const { bucket } = testS3()
 * ```
 */
export function testS3(): TestS3 {
  return inject('s3')
}

/**
 * An S3 client on the test endpoint (path-style, checksums only when required).
 *
 * @example
 * ```ts
 * const s3 = testS3Client()
 * ```
 */
export function testS3Client(): S3Client {
  return s3Client(testS3())
}
