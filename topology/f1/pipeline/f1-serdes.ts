/**
 * @module
 * The serdes of the F1 topics and stores: the bytes of `Serdes.string()` and `Serdes.json()`,
 * encoded with `Buffer.from` (node:buffer, also in Deno), which is several times faster than
 * `TextEncoder.encode` for the short strings of samples, keys and per-car state on Node 24 (UTF-8
 * encoding was the largest single cost in the topology's profile). Reading is unchanged.
 */
import { Buffer } from 'node:buffer'
import { type Serde, Serdes } from '../../serdes.ts'

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8')

/**
 * Strings as UTF-8, like `Serdes.string()`.
 *
 * @example
 * ```ts
 * Produced.with(f1String(), f1Json<TelemetrySample>())
 * ```
 */
export function f1String(): Serde<string> {
  const standard = Serdes.string()
  return {
    serialize: (topic, data) => (typeof data === 'string' ? utf8(data) : standard.serialize(topic, data)),
    deserialize: standard.deserialize,
  }
}

/**
 * JSON values as UTF-8, like `Serdes.json()` (same bytes, same errors).
 *
 * @example
 * ```ts
 * f1Json<LapStats>().serialize('f1.laps.stats', stats)
 * ```
 */
export function f1Json<T = unknown>(): Serde<T> {
  const standard = Serdes.json<T>()
  return {
    serialize: (topic, data) => {
      if (data === null || data === undefined) return null
      let text: string | undefined
      try {
        text = JSON.stringify(data)
      } catch {
        return standard.serialize(topic, data) // throws its serialization error
      }
      return typeof text === 'string' ? utf8(text) : standard.serialize(topic, data)
    },
    deserialize: standard.deserialize,
  }
}
