/**
 * @module
 * Bytes of a suppression buffer entry for its (logged) store:
 * `<meta length:uint32 BE><meta JSON><new value bytes><prior value bytes>`, where the meta holds the
 * buffer time, sequence, record timestamp, headers and the two value lengths (-1 for null).
 */
import type { Headers } from '../../processor.ts'
import type { Serde } from '../../serdes.ts'
import { fromBase64, toBase64 } from './key-identity.ts'
import type { BufferedEntry } from './suppress-buffer.ts'

interface Meta {
  t: number
  s: number
  ts: number
  h: Record<string, string | { b64: string }>
  n: number
  p: number
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function encodeHeaders(headers: Headers): Meta['h'] {
  const out: Meta['h'] = {}
  for (const [k, v] of Object.entries(headers)) out[k] = typeof v === 'string' ? v : { b64: toBase64(v) }
  return out
}

function decodeHeaders(h: Meta['h']): Headers {
  const out: Record<string, string | Uint8Array> = {}
  for (const [k, v] of Object.entries(h)) out[k] = typeof v === 'string' ? v : fromBase64(v.b64)
  return out
}

/**
 * The serde of buffered entries, given the serde of the table's values.
 *
 * @example
 * ```ts
 * const serde = suppressBufferSerde(Serdes.json<number>())
 * ```
 */
export function suppressBufferSerde<V>(valueSerde: Serde<V>): Serde<BufferedEntry<V>> {
  return {
    serialize(topic, e) {
      if (e === null || e === undefined) return null
      const n = e.newValue === null ? null : valueSerde.serialize(topic, e.newValue)
      const p = e.priorValue === null ? null : valueSerde.serialize(topic, e.priorValue)
      const meta: Meta = {
        t: e.time,
        s: e.seq,
        ts: e.timestamp,
        h: encodeHeaders(e.headers),
        n: n?.byteLength ?? -1,
        p: p?.byteLength ?? -1,
      }
      const metaBytes = encoder.encode(JSON.stringify(meta))
      const out = new Uint8Array(4 + metaBytes.byteLength + (n?.byteLength ?? 0) + (p?.byteLength ?? 0))
      new DataView(out.buffer).setUint32(0, metaBytes.byteLength)
      out.set(metaBytes, 4)
      if (n) out.set(n, 4 + metaBytes.byteLength)
      if (p) out.set(p, 4 + metaBytes.byteLength + n!.byteLength)
      return out
    },
    deserialize(topic, data) {
      if (data === null) return null as unknown as BufferedEntry<V>
      const metaLength = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0)
      const meta = JSON.parse(decoder.decode(data.subarray(4, 4 + metaLength))) as Meta
      let offset = 4 + metaLength
      const read = (length: number): V | null => {
        if (length < 0) return null
        const value = valueSerde.deserialize(topic, data.subarray(offset, offset + length))
        offset += length
        return value
      }
      const newValue = read(meta.n)
      const priorValue = read(meta.p)
      return { time: meta.t, seq: meta.s, timestamp: meta.ts, headers: decodeHeaders(meta.h), newValue, priorValue }
    },
  }
}
