/**
 * @module
 * A fast acceptance check for raw telemetry samples, compiled once from the zod schema of the
 * model (the single source of truth): the same types, ranges, integer formats, enums, literals,
 * optional fields and strict objects, as plain functions. It only ever accepts: a value it does not
 * accept goes to zod, which names the reason and the field. Whatever the schema uses that this
 * compiler does not know (another check, a format, a refinement, a transform) makes it give the
 * whole channel to zod, so a schema change can never make the two disagree silently; the property
 * test (fast-sample-check.test.ts) checks agreement on random inputs with fast-check.
 */
import type { z } from 'zod'

/** Returned by a compiled check when the value is not accepted. */
const FAIL: unique symbol = Symbol('fail')
type Compiled = (value: unknown) => unknown

interface Def {
  readonly type: string
  readonly checks?: ReadonlyArray<{ readonly _zod: { readonly def: CheckDef } }>
  readonly [key: string]: unknown
}

interface CheckDef {
  readonly check: string
  readonly value?: number
  readonly inclusive?: boolean
  readonly minimum?: number
  readonly maximum?: number
  readonly format?: string
}

class Unsupported extends Error {}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def

function bounds(def: Def, kinds: readonly string[]): { min: number; max: number; minIn: boolean; maxIn: boolean } {
  const b = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY, minIn: true, maxIn: true }
  for (const c of def.checks ?? []) {
    const d = c._zod.def
    if (!kinds.includes(d.check)) throw new Unsupported(d.check)
    if (d.check === 'greater_than') [b.min, b.minIn] = [d.value!, d.inclusive === true]
    else if (d.check === 'less_than') [b.max, b.maxIn] = [d.value!, d.inclusive === true]
    else if (d.check === 'min_length') b.min = d.minimum!
    else if (d.check === 'max_length') b.max = d.maximum!
    else if (d.format !== 'safeint') throw new Unsupported(`format ${d.format}`)
  }
  return b
}

function compileNumber(def: Def): Compiled {
  if (def.coerce === true || (def.format !== undefined && def.format !== 'safeint')) throw new Unsupported('number')
  const int = def.format === 'safeint' || (def.checks ?? []).some((c) => c._zod.def.check === 'number_format')
  const { min, max, minIn, maxIn } = bounds(def, ['greater_than', 'less_than', 'number_format'])
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || (int && !Number.isSafeInteger(v))) return FAIL
    if (minIn ? v < min : v <= min) return FAIL
    if (maxIn ? v > max : v >= max) return FAIL
    return v
  }
}

function compileString(def: Def): Compiled {
  if (def.coerce === true || def.format !== undefined) throw new Unsupported('string format')
  const { min, max } = bounds(def, ['min_length', 'max_length'])
  return (v) => (typeof v === 'string' && v.length >= min && v.length <= max ? v : FAIL)
}

function compileArray(def: Def): Compiled {
  const element = compile(def.element)
  const { min, max } = bounds(def, ['min_length', 'max_length'])
  return (v) => {
    if (!Array.isArray(v) || v.length < min || v.length > max) return FAIL
    let out: unknown[] | undefined
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) return FAIL
      const e = element(v[i])
      if (e === FAIL) return FAIL
      if (out === undefined && e !== v[i]) out = v.slice(0, i)
      if (out !== undefined) out[i] = e
    }
    // the input itself when every element is accepted as it is (no copy on the hot path)
    return out ?? v
  }
}

function compileObject(def: Def): Compiled {
  if (defOf(def.catchall)?.type !== 'never') throw new Unsupported('non-strict object')
  const shape = def.shape as Record<string, unknown>
  const keys = Object.keys(shape)
  const fields = keys.map((key) => {
    const d = defOf(shape[key])
    const optional = d.type === 'optional'
    if (optional && (d.checks?.length ?? 0) > 0) throw new Unsupported('optional checks')
    return { key, optional, check: compile(optional ? d.innerType : shape[key]) }
  })
  const known = new Set(keys)
  const n = fields.length
  /**
   * The common case without a copy: the input's own keys in the shape's order and every value
   * accepted as it is, so the input is what zod would build. FAIL when a value fails, undefined
   * when the general path must decide (another order, a copied value, undefined, inherited keys).
   */
  const inOrder = (input: Record<string, unknown>): unknown => {
    let j = 0
    for (const key in input) {
      while (j < n && fields[j]!.key !== key && fields[j]!.optional) j++
      if (j === n || fields[j]!.key !== key || !Object.hasOwn(input, key)) return undefined
      const value = input[key]
      if (value === undefined) return undefined
      const checked = fields[j]!.check(value)
      if (checked === FAIL) return FAIL
      if (checked !== value) return undefined
      j++
    }
    for (; j < n; j++) if (!fields[j]!.optional) return FAIL
    return input
  }
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return FAIL
    const input = v as Record<string, unknown>
    const same = inOrder(input)
    if (same !== undefined) return same
    for (const key in input) if (!known.has(key) || !Object.hasOwn(input, key)) return FAIL
    // zod builds a new object in the shape's key order
    const out: Record<string, unknown> = {}
    for (const f of fields) {
      const value = input[f.key]
      if (value === undefined) {
        if (f.optional && !Object.hasOwn(input, f.key)) continue
        return FAIL
      }
      const checked = f.check(value)
      if (checked === FAIL) return FAIL
      out[f.key] = checked
    }
    return out
  }
}

function compile(schema: unknown): Compiled {
  const def = defOf(schema)
  switch (def.type) {
    case 'number':
      return compileNumber(def)
    case 'string':
      return compileString(def)
    case 'boolean':
      if ((def.checks?.length ?? 0) > 0 || def.coerce === true) throw new Unsupported('boolean checks')
      return (v) => (typeof v === 'boolean' ? v : FAIL)
    case 'enum':
    case 'literal': {
      if ((def.checks?.length ?? 0) > 0) throw new Unsupported(`${def.type} checks`)
      const values = new Set<unknown>(
        def.type === 'enum' ? Object.values(def.entries as object) : (def.values as unknown[]),
      )
      return (v) => (values.has(v) ? v : FAIL)
    }
    case 'array':
      return compileArray(def)
    case 'object':
      if ((def.checks?.length ?? 0) > 0) throw new Unsupported('object refinements')
      return compileObject(def)
    default:
      throw new Unsupported(def.type)
  }
}

/**
 * Compiles a discriminated union of strict objects (the telemetry schema): per discriminator
 * value, the compiled check of its option, or none when the option uses something unsupported.
 *
 * @example
 * ```ts
 * const fast = compileSampleCheck(telemetrySampleSchema)
 * const sample = fast(JSON.parse(text)) // the sample as zod would return it, or undefined: ask zod
 * ```
 */
export function compileSampleCheck<S extends z.ZodType>(schema: S): (input: unknown) => z.output<S> | undefined {
  const def = defOf(schema)
  if (def.type !== 'union' || typeof def.discriminator !== 'string') throw new Unsupported('not a discriminated union')
  const discriminator = def.discriminator
  const byValue = new Map<unknown, Compiled>()
  for (const option of def.options as unknown[]) {
    const shape = defOf(option).shape as Record<string, unknown> | undefined
    const tag = shape === undefined ? undefined : defOf(shape[discriminator])
    if (tag?.type !== 'literal') continue
    try {
      const check = compile(option)
      for (const value of tag.values as unknown[]) byValue.set(value, check)
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error
    }
  }
  return (input) => {
    if (input === null || typeof input !== 'object') return undefined
    const check = byValue.get((input as Record<string, unknown>)[discriminator])
    if (check === undefined) return undefined
    const out = check(input)
    return out === FAIL ? undefined : (out as z.output<S>)
  }
}
