/**
 * @module
 * Argument checks of DSL methods: each failure is PITWALL_TOPOLOGY_INVALID_ARGUMENT naming the
 * method and the argument (`filter(): predicate must be a function`).
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'

function invalid(method: string, message: string): PitwallError {
  return new PitwallError(ErrorCodes.TOPOLOGY_INVALID_ARGUMENT, `${method}: ${message}`, { details: { method } })
}

/**
 * Throws unless `value` is a function.
 *
 * @example
 * ```ts
 * requireFunction('filter()', 'predicate', predicate)
 * ```
 */
export function requireFunction(method: string, arg: string, value: unknown): void {
  if (typeof value !== 'function') throw invalid(method, `${arg} must be a function, got ${typeOf(value)}`)
}

/**
 * Throws unless `value` is a non-empty string.
 *
 * @example
 * ```ts
 * requireString('to()', 'topic', topic)
 * ```
 */
export function requireString(method: string, arg: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0)
    throw invalid(method, `${arg} must be a non-empty string, got ${typeOf(value)}`)
}

/**
 * Throws unless `value` is undefined or an instance of `type`.
 *
 * @example
 * ```ts
 * optionalInstance('filter()', 'named', named, Named)
 * ```
 */
export function optionalInstance(method: string, arg: string, value: unknown, type: Function): void {
  if (value !== undefined && !(value instanceof type))
    throw invalid(method, `${arg} must be a ${type.name}, got ${typeOf(value)}`)
}

/**
 * Throws unless `value` is an instance of `type` (a handle of this library).
 *
 * @example
 * ```ts
 * requireInstance('merge()', 'other', other, KStreamImpl)
 * ```
 */
export function requireInstance(method: string, arg: string, value: unknown, type: Function, what: string): void {
  if (!(value instanceof type)) throw invalid(method, `${arg} must be a ${what}, got ${typeOf(value)}`)
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object'
  return typeof value
}
