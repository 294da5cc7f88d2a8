/**
 * @module
 * Serdes of windowed keys. The binary forms match Kafka Streams byte for byte, so Java consumers
 * read Pitwall's windowed output topics: time windows are `<key><start:int64 BE>` (the end is
 * start + window size, which the reader must know) and session windows `<key><end:int64 BE><start:int64 BE>`.
 * The JSON form `{"key":…,"window":{"start":…,"end":…}}` is for output topics read by people and tools.
 */

import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { Windowed } from '../../stores/api.ts'
import type { Serde } from '../serdes.ts'
import { checkDuration } from './durations.ts'

function tooShort(topic: string, need: number, got: number): PitwallError {
  return new PitwallError(
    ErrorCodes.SERDE_DESERIALIZATION,
    `cannot deserialize windowed key from topic '${topic}': expected at least ${need} bytes, got ${got}`,
    { details: { topic } },
  )
}

function innerBytes<K>(inner: Serde<K>, topic: string, key: K): Uint8Array {
  return inner.serialize(topic, key) ?? new Uint8Array(0)
}

function readLong(view: DataView, offset: number): number {
  return Number(view.getBigInt64(offset))
}

/**
 * Factories of windowed key serdes.
 *
 * @example
 * ```ts
 * const keySerde = WindowedSerdes.timeWindowed(Serdes.string(), 10_000)
 * builder.stream('laps').groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(10_000)).count()
 *   .toStream().to('lap-counts', Produced.with(keySerde, Serdes.json()))
 * ```
 */
export const WindowedSerdes = {
  /** Kafka's TimeWindowedSerde: `windowSizeMs` rebuilds the window end on read. */
  timeWindowed<K>(inner: Serde<K>, windowSizeMs: number): Serde<Windowed<K>> {
    const size = checkDuration('WindowedSerdes.timeWindowed', 'windowSize', windowSizeMs, 1)
    return {
      serialize(topic, data) {
        if (data === null || data === undefined) return null
        const key = innerBytes(inner, topic, data.key)
        const out = new Uint8Array(key.byteLength + 8)
        out.set(key, 0)
        new DataView(out.buffer).setBigInt64(key.byteLength, BigInt(data.window.start))
        return out
      },
      deserialize(topic, data) {
        if (data === null) return null as unknown as Windowed<K>
        if (data.byteLength < 8) throw tooShort(topic, 8, data.byteLength)
        const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
        const start = readLong(view, data.byteLength - 8)
        const key = inner.deserialize(topic, data.subarray(0, data.byteLength - 8))
        return { key, window: { start, end: Math.min(start + size, Number.MAX_SAFE_INTEGER) } }
      },
    }
  },

  /** Kafka's SessionWindowedSerde: key, then session end, then session start. */
  sessionWindowed<K>(inner: Serde<K>): Serde<Windowed<K>> {
    return {
      serialize(topic, data) {
        if (data === null || data === undefined) return null
        const key = innerBytes(inner, topic, data.key)
        const out = new Uint8Array(key.byteLength + 16)
        out.set(key, 0)
        const view = new DataView(out.buffer)
        view.setBigInt64(key.byteLength, BigInt(data.window.end))
        view.setBigInt64(key.byteLength + 8, BigInt(data.window.start))
        return out
      },
      deserialize(topic, data) {
        if (data === null) return null as unknown as Windowed<K>
        if (data.byteLength < 16) throw tooShort(topic, 16, data.byteLength)
        const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
        const end = readLong(view, data.byteLength - 16)
        const start = readLong(view, data.byteLength - 8)
        return { key: inner.deserialize(topic, data.subarray(0, data.byteLength - 16)), window: { start, end } }
      },
    }
  },

  /** `{"key":…,"window":{"start":…,"end":…}}` with the key as a JSON value. */
  json<K = unknown>(): Serde<Windowed<K>> {
    const encoder = new TextEncoder()
    const decoder = new TextDecoder('utf-8', { fatal: true })
    return {
      serialize(_topic, data) {
        if (data === null || data === undefined) return null
        return encoder.encode(
          JSON.stringify({ key: data.key, window: { start: data.window.start, end: data.window.end } }),
        )
      },
      deserialize(topic, data) {
        if (data === null) return null as unknown as Windowed<K>
        let parsed: unknown
        try {
          parsed = JSON.parse(decoder.decode(data))
        } catch (cause) {
          throw new PitwallError(
            ErrorCodes.SERDE_DESERIALIZATION,
            `cannot deserialize windowed key from topic '${topic}': invalid JSON`,
            {
              cause,
              details: { topic },
            },
          )
        }
        const w = (parsed as { window?: { start?: unknown; end?: unknown } }).window
        if (typeof w?.start !== 'number' || typeof w.end !== 'number') {
          throw new PitwallError(
            ErrorCodes.SERDE_DESERIALIZATION,
            `cannot deserialize windowed key from topic '${topic}': field 'window.start'/'window.end' must be numbers`,
            { details: { topic, path: 'window' } },
          )
        }
        return { key: (parsed as { key: K }).key, window: { start: w.start, end: w.end } }
      },
    }
  },
}
