/**
 * @module
 * The Fetch request (v17, sessionless) with a response parser that keeps each partition's records
 * as one contiguous buffer, decoded by `record-batches.ts` instead of the client's chunked reader.
 * Partition errors are returned, not thrown, so the fetcher can react to OFFSET_OUT_OF_RANGE.
 */
import { type Connection, createAPI, fetchV17, type Reader } from '@platformatic/kafka'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/** One partition of a fetch response. */
export interface RawFetchPartition {
  readonly partitionIndex: number
  readonly errorCode: number
  readonly highWatermark: bigint
  readonly lastStableOffset: bigint
  readonly abortedTransactions: { producerId: bigint; firstOffset: bigint }[] | null
  /** The partition's record batches, undecoded; null when none. */
  readonly records: Buffer | null
}

/** A fetch response: partitions by topic id. */
export interface RawFetchResponse {
  readonly responses: { readonly topicId: string; readonly partitions: RawFetchPartition[] }[]
}

/** A partition to fetch. */
export interface FetchRequestPartition {
  readonly partition: number
  readonly fetchOffset: bigint
  readonly partitionMaxBytes: number
}

function skipTaggedFields(r: Reader): void {
  const count = r.readUnsignedVarInt()
  for (let i = 0; i < count; i++) {
    r.readUnsignedVarInt()
    r.skip(r.readUnsignedVarInt())
  }
}

function parsePartition(r: Reader): RawFetchPartition {
  const partitionIndex = r.readInt32()
  const errorCode = r.readInt16()
  const highWatermark = r.readInt64()
  const lastStableOffset = r.readInt64()
  r.readInt64() // log start offset
  const abortedTransactions = r.readNullableArray((a) => ({ producerId: a.readInt64(), firstOffset: a.readInt64() }))
  r.readInt32() // preferred read replica
  const size = r.readUnsignedVarInt() - 1
  let records: Buffer | null = null
  if (size > 0) {
    records = r.buffer.slice(r.position, r.position + size)
    r.skip(size)
  }
  skipTaggedFields(r)
  return { partitionIndex, errorCode, highWatermark, lastStableOffset, abortedTransactions, records }
}

function parseResponse(_correlationId: number, _apiKey: number, _apiVersion: number, r: Reader): RawFetchResponse {
  r.readInt32() // throttle time
  const errorCode = r.readInt16()
  if (errorCode !== 0) {
    throw new PitwallError(ErrorCodes.RUNTIME_STATE, `fetch failed with error code ${errorCode}`, {
      details: { errorCode },
    })
  }
  r.readInt32() // session id
  const responses = r.readArray((t) => ({
    topicId: t.readUUID(),
    partitions: t.readArray(parsePartition, true, false),
  }))
  skipTaggedFields(r)
  return { responses }
}

const api = createAPI<unknown[], RawFetchResponse>(1, 17, fetchV17.createRequest, parseResponse)

/**
 * Sends one sessionless Fetch to `connection`.
 *
 * @example
 * ```ts
 * const response = await rawFetch(connection, { maxWaitMs: 200, maxBytes: 1 << 20, isolationLevel: 1 }, topics)
 * ```
 */
export function rawFetch(
  connection: Connection,
  settings: { readonly maxWaitMs: number; readonly maxBytes: number; readonly isolationLevel: number },
  topics: readonly { readonly topicId: string; readonly partitions: readonly FetchRequestPartition[] }[],
): Promise<RawFetchResponse> {
  const request = topics.map((t) => ({
    topicId: t.topicId,
    partitions: t.partitions.map((p) => ({ ...p, currentLeaderEpoch: -1, lastFetchedEpoch: -1 })),
  }))
  return api.async(
    connection,
    settings.maxWaitMs,
    1,
    settings.maxBytes,
    settings.isolationLevel,
    0,
    -1,
    request,
    [],
    '',
  )
}
