/**
 * @module
 * Kafka's default partitioner for keyed records: `toPositive(murmur2(key)) % partitions`, the same
 * as the Java client, so Pitwall and Java producers place a key on the same partition.
 */
import { murmur2 } from '@platformatic/kafka'

/**
 * The partition of a key.
 *
 * @example
 * ```ts
 * partitionForKey(new TextEncoder().encode('car-44'), 6)
 * ```
 */
export function partitionForKey(key: Uint8Array, partitions: number): number {
  const buffer = Buffer.isBuffer(key) ? key : Buffer.from(key.buffer, key.byteOffset, key.byteLength)
  return (murmur2(buffer, false) & 0x7fffffff) % partitions
}
