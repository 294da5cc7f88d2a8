/**
 * @module
 * Bad raw input for the fuzz scenario: random bytes, truncated and oversized JSON, wrong types,
 * non-objects, deep nesting, tombstones and keys that are not UTF-8. None is a valid sample.
 */
import { encodeSample, generate } from '../../workload/generator.ts'

/** One fuzz record and what kind of bad it is. */
export interface FuzzRecord {
  readonly kind: string
  readonly key: Buffer | null
  readonly value: Buffer | null
  readonly partition: number
}

const KINDS = [
  'random-bytes',
  'truncated',
  'oversized',
  'wrong-type',
  'not-an-object',
  'deep-nesting',
  'tombstone',
  'non-utf8-key',
  'non-finite',
] as const

/**
 * The `i`-th fuzz record (kinds cycle; contents depend on `random`).
 *
 * @example
 * ```ts
 * const r = fuzzRecord(3, Math.random) // kind 'wrong-type'
 * ```
 */
export function fuzzRecord(i: number, random: () => number): FuzzRecord {
  const kind = KINDS[i % KINDS.length]!
  const sample = { ...generate(i).sample, fuzz: i }
  const json = encodeSample(sample)
  const key = Buffer.from(`fuzz-${i}`)
  const partition = Math.floor(random() * 6)
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)))
  switch (kind) {
    case 'random-bytes':
      return { kind, key, partition, value: Buffer.concat([bytes(1 + Math.floor(random() * 300)), key]) }
    case 'truncated':
      return { kind, key, partition, value: json.subarray(0, 1 + Math.floor(random() * (json.length - 2))) }
    case 'oversized':
      return {
        kind,
        key,
        partition,
        value: encodeSample({ ...sample, pad: 'x'.repeat(2048 + Math.floor(random() * 200_000)) } as typeof sample),
      }
    case 'wrong-type':
      return { kind, key, partition, value: Buffer.from(JSON.stringify({ ...sample, speed: String(sample.speed) })) }
    case 'not-an-object':
      return { kind, key, partition, value: Buffer.from(JSON.stringify([i, 'not', 'a', 'sample'])) }
    case 'deep-nesting':
      return { kind, key, partition, value: Buffer.from(`${'['.repeat(20_000)}${i}${']'.repeat(20_000)}`) }
    case 'tombstone':
      return { kind, key, partition, value: null }
    case 'non-utf8-key':
      return {
        kind,
        key: Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3]), key]),
        partition,
        value: Buffer.from(JSON.stringify({ ...sample, rpm: 99_999 })),
      }
    case 'non-finite':
      return { kind, key, partition, value: Buffer.from(json.toString().replace(/"speed":[^,]+/, '"speed":1e999')) }
  }
}
