/**
 * @module
 * A runtime logger for scripts and tests that only shows warnings and errors (on stderr). Fields
 * may hold BigInts (offsets): they are written as strings, since a logger that throws would break
 * the worker it logs for.
 */
import type { Logger } from '../../topology/runtime/logger.ts'

const text = (fields?: Record<string, unknown>) =>
  fields === undefined ? '' : ` ${JSON.stringify(fields, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`

/**
 * Warnings and errors only, each line prefixed with `prefix`.
 *
 * @example
 * ```ts
 * new PitwallStreams(topology, { applicationId, brokers, logger: warningsOnly('[worker]') })
 * ```
 */
export function warningsOnly(prefix: string): Logger {
  return {
    info: () => {},
    debug: () => {},
    warn: (message, fields) => process.stderr.write(`${prefix} WARN ${message}${text(fields)}\n`),
    error: (message, fields) => process.stderr.write(`${prefix} ERROR ${message}${text(fields)}\n`),
  }
}
