/**
 * @module
 * The test S3 (MinIO or PITWALL_S3_ENDPOINT) works as the archive needs it: buckets can be created
 * and objects round-trip byte for byte.
 */
import { randomBytes } from 'node:crypto'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { ensureBucket } from '../../scripts/infra/s3-client.ts'
import { uniqueName } from '../helpers/names.ts'
import { testS3, testS3Client } from '../helpers/s3.ts'

describe('test S3 endpoint', () => {
  it('has the configured bucket and creates new ones once', async () => {
    const s3 = testS3Client()
    await s3.send(new HeadBucketCommand({ Bucket: testS3().bucket }))
    const bucket = uniqueName('it-bucket').toLowerCase().replaceAll('_', '-').slice(0, 63)
    expect(await ensureBucket(testS3(), bucket)).toBe(true)
    expect(await ensureBucket(testS3(), bucket)).toBe(false)
    await s3.send(new HeadBucketCommand({ Bucket: bucket }))
    s3.destroy()
  })

  it('round-trips an object byte for byte', async () => {
    const s3 = testS3Client()
    const { bucket } = testS3()
    const key = `it/${uniqueName('roundtrip')}/part-0.bin`
    const body = randomBytes(300_000)
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }))

    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key }))
    expect(listed.Contents?.map((object) => [object.Key, object.Size])).toEqual([[key, body.length]])
    const read = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
    expect(Buffer.from(await read.Body!.transformToByteArray()).equals(body)).toBe(true)

    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
    const after = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key }))
    expect(after.KeyCount).toBe(0)
    s3.destroy()
  })
})
