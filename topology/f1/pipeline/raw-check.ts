/**
 * @module
 * The raw -> clean decision for one record: size, JSON, normalization, the model's schema and the
 * key. Pure, so the stage and its tests share it; every failure is a reason code and a field.
 */
import { keyOf, type TelemetrySample } from '../model/index.ts'
import { rawRecordSchema, validateRawRecord } from '../topics.ts'
import { compileSampleCheck } from './fast-sample-check.ts'
import { holdsExactly } from './json-members.ts'
import { normalizeRaw } from './normalize.ts'

/** Why a raw record was quarantined: the model's reasons plus the stage's own. */
export type RawRejectReason =
  | 'MALFORMED'
  | 'UNKNOWN_CHANNEL'
  | 'MISSING_FIELD'
  | 'WRONG_TYPE'
  | 'UNKNOWN_FIELD'
  | 'OUT_OF_RANGE'
  | 'INVALID_VALUE'
  | 'EMPTY'
  | 'PAYLOAD_TOO_LARGE'
  | 'KEY_MISMATCH'

/** The outcome of {@link checkRaw}. */
export type RawCheck =
  | {
      readonly ok: true
      readonly sample: TelemetrySample
      /**
       * The raw bytes are this sample as they are (nothing normalized, every member kept): the
       * clean topic can carry them instead of the sample serialized again.
       */
      readonly asIs: boolean
    }
  | { readonly ok: false; readonly reason: RawRejectReason; readonly field: string; readonly message: string }

const decoder = new TextDecoder('utf-8', { fatal: true })
const fastSample = compileSampleCheck(rawRecordSchema)

/**
 * Checks one raw record (key and value bytes as read from f1.telemetry.raw).
 *
 * @example
 * ```ts
 * checkRaw('sim-1:44', bytes, 65_536) // { ok: false, reason: 'OUT_OF_RANGE', field: 'throttle', ... }
 * ```
 */
export function checkRaw(key: string | null, value: Uint8Array | null, maxBytes: number): RawCheck {
  if (value === null || value.byteLength === 0) return fail('EMPTY', '(root)', 'empty value')
  if (value.byteLength > maxBytes) {
    return fail('PAYLOAD_TOO_LARGE', '(root)', `value of ${value.byteLength} bytes exceeds ${maxBytes}`)
  }
  let parsed: unknown
  let text: string
  try {
    text = decoder.decode(value)
    parsed = JSON.parse(text)
  } catch (error) {
    return fail('MALFORMED', '(root)', `not JSON: ${(error as Error).message}`)
  }
  const normalized = normalizeRaw(parsed)
  // almost every record is valid: the compiled check accepts it without zod, zod names what is wrong
  const sample = fastSample(normalized)
  const v = sample === undefined ? validateRawRecord(normalized) : ({ ok: true, value: sample } as const)
  if (!v.ok) {
    // zod reports an unknown discriminator as an invalid value of `channel`
    if (v.field === 'channel' && v.reason === 'INVALID_VALUE') return fail('UNKNOWN_CHANNEL', 'channel', v.message)
    return v
  }
  const expected = keyOf(v.value)
  if (key !== expected) return fail('KEY_MISMATCH', '(key)', `key '${key}' is not '${expected}'`)
  const asIs = sample !== undefined && normalized === parsed && holdsExactly(value, parsed, text)
  return { ok: true, sample: v.value, asIs }
}

function fail(reason: RawRejectReason, field: string, message: string): RawCheck {
  return { ok: false, reason, field, message }
}
