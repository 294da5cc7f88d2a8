/**
 * @module
 * Reads a TCP port from an environment variable, with a default, rejecting anything that is not a port.
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/**
 * The port in `process.env[name]`, or `fallback` when unset or empty.
 *
 * @example
 * ```ts
 * portFromEnv('PITWALL_KAFKA_PORT', 19092) // 19092 unless PITWALL_KAFKA_PORT is set
 * ```
 */
export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new PitwallError(ErrorCodes.CONFIG_INVALID, `${name}=${raw} is not a TCP port (an integer 1-65535)`)
  }
  return port
}
