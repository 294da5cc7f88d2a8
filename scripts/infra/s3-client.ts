/**
 * @module
 * An S3 client set up for S3-compatible servers (MinIO, and S3 itself): path-style addressing and
 * checksums only when an operation requires them (recent AWS SDKs otherwise send headers MinIO rejects).
 */
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3'

/** Where an S3 endpoint is and how to sign requests to it. */
export interface S3Endpoint {
  endpoint: string
  region: string
  accessKeyId: string
  secretAccessKey: string
}

/**
 * A client for an S3-compatible endpoint.
 *
 * @example
 * ```ts
 * const s3 = s3Client({ endpoint: 'http://127.0.0.1:19000', region: 'us-east-1', accessKeyId: 'a', secretAccessKey: 'b' })
 * ```
 */
export function s3Client(target: S3Endpoint): S3Client {
  return new S3Client({
    endpoint: target.endpoint,
    region: target.region,
    credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  })
}

/**
 * Creates `bucket` unless it exists. Returns true when it created it.
 *
 * @example
 * ```ts
 * await ensureBucket(target, 'pitwall')
 * ```
 */
export async function ensureBucket(target: S3Endpoint, bucket: string): Promise<boolean> {
  const client = s3Client(target)
  try {
    try {
      await client.send(new HeadBucketCommand({ Bucket: bucket }))
      return false
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw error
    }
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket }))
      return true
    } catch (error) {
      // another process created it in between
      if ((error as { name?: string }).name === 'BucketAlreadyOwnedByYou') return false
      throw error
    }
  } finally {
    client.destroy()
  }
}
