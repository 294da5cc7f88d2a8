/**
 * @module
 * Validation at the raw -> clean boundary: a failed parse becomes a reason code (for the quarantine
 * record's headers) plus the path of the offending field, never an exception.
 */
import type { z } from 'zod'

/** Why a record was quarantined. */
export type QuarantineReason =
  | 'MALFORMED' // not an object, wrong JSON, wrong shape
  | 'UNKNOWN_CHANNEL'
  | 'MISSING_FIELD'
  | 'WRONG_TYPE'
  | 'UNKNOWN_FIELD'
  | 'OUT_OF_RANGE'
  | 'INVALID_VALUE'

/** The result of {@link validateWith}. */
export type Validation<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: QuarantineReason; readonly field: string; readonly message: string }

function reasonOf(issue: z.core.$ZodIssue, input: unknown): QuarantineReason {
  switch (issue.code) {
    case 'too_big':
    case 'too_small':
      return 'OUT_OF_RANGE'
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELD'
    case 'invalid_union':
      return issue.path.length === 0 ? 'UNKNOWN_CHANNEL' : 'INVALID_VALUE'
    case 'invalid_type': {
      if (issue.path.length === 0) return 'MALFORMED'
      return valueAt(input, issue.path) === undefined ? 'MISSING_FIELD' : 'WRONG_TYPE'
    }
    default:
      return 'INVALID_VALUE'
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined
    at = (at as Record<PropertyKey, unknown>)[key]
  }
  return at
}

/**
 * Validates `input` with `schema`, turning the first issue into a reason and a field path.
 *
 * @example
 * ```ts
 * const v = validateWith(telemetrySampleSchema, json)
 * if (!v.ok) quarantine(json, { 'pitwall.reason': v.reason, 'pitwall.field': v.field })
 * ```
 */
export function validateWith<S extends z.ZodType>(schema: S, input: unknown): Validation<z.output<S>> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]!
  let field = issue.path.length === 0 ? '(root)' : issue.path.join('.')
  if (issue.code === 'unrecognized_keys') field = [...issue.path, issue.keys[0]].join('.')
  const reason = reasonOf(issue, input)
  return { ok: false, reason, field, message: `${field}: ${issue.message}` }
}
