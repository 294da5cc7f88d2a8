/**
 * @module
 * The 32-bit integer hash that makes every field of the reference workload a pure function of
 * the record index (murmur3's finalizer), and Kafka's Java-compatible key partitioner.
 */
import { murmur2 } from '@platformatic/kafka'

/**
 * Hashes a non-negative integer (and an optional salt) to an unsigned 32-bit integer.
 *
 * @example
 * ```ts
 * mix32(42) === mix32(42) // true, and spread over 0 .. 2^32-1
 * ```
 */
export function mix32(n: number, salt = 0): number {
  let h = (n ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * A uniform number in [0, 1) derived from `n` and `salt`.
 *
 * @example
 * ```ts
 * unit(7, 3) // 0.42...
 * ```
 */
export function unit(n: number, salt: number): number {
  return mix32(n, salt) / 4_294_967_296
}

/**
 * The partition Kafka's Java default partitioner picks for `key`.
 *
 * @example
 * ```ts
 * partitionOf('car-07', 6) // 0 .. 5
 * ```
 */
export function partitionOf(key: string, partitions: number): number {
  return (murmur2(Buffer.from(key)) & 0x7fffffff) % partitions
}
