/**
 * @module
 * Serdes turn keys and values into bytes and back. Deserialization failures are
 * PITWALL_SERDE_DESERIALIZATION errors that name the topic and, for schemas, the field path, so a
 * deserialization handler can dead-letter the record with a useful reason.
 */
import type { z } from 'zod'
import { ErrorCodes, PitwallError } from '../core/errors.ts'

/**
 * Serializer and deserializer of one type. `null` stays `null` both ways (a tombstone).
 *
 * @example
 * ```ts
 * const bytes = Serdes.string().serialize('t', 'car-44')
 * ```
 */
export interface Serde<T> {
  serialize(topic: string, data: T): Uint8Array | null
  deserialize(topic: string, data: Uint8Array | null): T
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })
/** Doubles go through this scratch array: a DataView over a small array makes V8 move it off its heap (slow). */
const doubleScratch = new Uint8Array(8)
const doubleView = new DataView(doubleScratch.buffer)

function deserializationError(topic: string, message: string, cause?: unknown, details = {}): PitwallError {
  return new PitwallError(
    ErrorCodes.SERDE_DESERIALIZATION,
    `cannot deserialize record from topic '${topic}': ${message}`,
    {
      cause,
      details: { topic, ...details },
    },
  )
}

function decodeUtf8(topic: string, data: Uint8Array): string {
  try {
    return decoder.decode(data)
  } catch (cause) {
    throw deserializationError(topic, 'invalid UTF-8', cause)
  }
}

function parseJson(topic: string, data: Uint8Array): unknown {
  const text = decodeUtf8(topic, data)
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw deserializationError(topic, `invalid JSON (${(cause as Error).message})`, cause)
  }
}

/**
 * Factories of the built-in serdes.
 *
 * @example
 * ```ts
 * const sample = Serdes.zod(z.object({ car: z.number(), speed: z.number() }))
 * sample.deserialize('f1.telemetry.raw', bytes) // throws with the field path when invalid
 * ```
 */
export const Serdes = {
  /** UTF-8 strings. */
  string(): Serde<string> {
    return {
      serialize: (_topic, data) => (data === null || data === undefined ? null : encoder.encode(data)),
      deserialize: (topic, data) => (data === null ? (null as unknown as string) : decodeUtf8(topic, data)),
    }
  },
  /** Any JSON value. */
  json<T = unknown>(): Serde<T> {
    return {
      serialize: (topic, data) => {
        if (data === null || data === undefined) return null
        try {
          return encoder.encode(JSON.stringify(data))
        } catch (cause) {
          throw new PitwallError(
            ErrorCodes.SERDE_SERIALIZATION,
            `cannot serialize value for topic '${topic}' as JSON`,
            {
              cause,
              details: { topic },
            },
          )
        }
      },
      deserialize: (topic, data) => (data === null ? (null as T) : (parseJson(topic, data) as T)),
    }
  },
  /** JSON validated by a zod schema; a failure names the field path. */
  zod<S extends z.ZodType>(schema: S): Serde<z.output<S>> {
    const json = Serdes.json<unknown>()
    return {
      serialize: (topic, data) => json.serialize(topic, data),
      deserialize: (topic, data) => {
        if (data === null) return null as z.output<S>
        const parsed = schema.safeParse(json.deserialize(topic, data))
        if (parsed.success) return parsed.data
        const issue = parsed.error.issues[0]!
        const path = issue.path.length === 0 ? '(root)' : issue.path.join('.')
        throw deserializationError(topic, `field '${path}': ${issue.message}`, parsed.error, { path })
      },
    }
  },
  /** Raw bytes, unchanged. */
  bytes(): Serde<Uint8Array> {
    return {
      serialize: (_topic, data) => data ?? null,
      deserialize: (_topic, data) => data as Uint8Array,
    }
  },
  /** 64-bit float numbers, big-endian (as Kafka's DoubleSerde). */
  double(): Serde<number> {
    return {
      serialize: (_topic, data) => {
        if (data === null || data === undefined) return null
        doubleView.setFloat64(0, data)
        return doubleScratch.slice()
      },
      deserialize: (topic, data) => {
        if (data === null) return null as unknown as number
        if (data.byteLength !== 8)
          throw deserializationError(topic, `expected 8 bytes for a double, got ${data.byteLength}`)
        doubleScratch.set(data)
        return doubleView.getFloat64(0)
      },
    }
  },
  /** A serde from two functions. */
  custom<T>(serialize: Serde<T>['serialize'], deserialize: Serde<T>['deserialize']): Serde<T> {
    return { serialize, deserialize }
  },
}
