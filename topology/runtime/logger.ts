/**
 * @module
 * The runtime's logger: one line per event on stderr, prefixed with the application id, so worker
 * processes of a test or a deployment can be told apart.
 */

/** Where the runtime writes what it does. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
  debug(message: string, fields?: Record<string, unknown>): void
}

function line(level: string, prefix: string, message: string, fields?: Record<string, unknown>): string {
  const extra = fields ? ` ${JSON.stringify(fields, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}` : ''
  return `${new Date().toISOString()} ${level} [${prefix}] ${message}${extra}\n`
}

/**
 * A logger writing to stderr; debug lines only with `PITWALL_LOG_LEVEL=debug`.
 *
 * @example
 * ```ts
 * consoleLogger('pitwall').info('task 0_1 restored', { records: 1000 })
 * ```
 */
export function consoleLogger(prefix: string): Logger {
  const debug = process.env.PITWALL_LOG_LEVEL === 'debug'
  return {
    info: (m, f) => process.stderr.write(line('INFO ', prefix, m, f)),
    warn: (m, f) => process.stderr.write(line('WARN ', prefix, m, f)),
    error: (m, f) => process.stderr.write(line('ERROR', prefix, m, f)),
    debug: (m, f) => {
      if (debug) process.stderr.write(line('DEBUG', prefix, m, f))
    },
  }
}
