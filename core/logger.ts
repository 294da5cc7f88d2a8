/**
 * @module
 * A tiny leveled logger without dependencies: JSON lines (one object per line, for files and log
 * shippers) or a pretty one-line form for terminals. Child loggers carry bound fields (task, store...).
 */

/** Log levels, lowest first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const

/** A log level. */
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Structured fields of a log line. */
export type LogFields = Readonly<Record<string, unknown>>

/** A logger: one method per level, and `child` to bind fields. */
export interface Logger {
  readonly level: LogLevel
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
  child(fields: LogFields): Logger
}

/** How to build a logger. */
export interface LoggerOptions {
  name?: string
  level?: LogLevel
  /** 'json' lines or 'pretty'; default pretty on a terminal, json otherwise. */
  format?: 'json' | 'pretty'
  /** Where lines go; default process.stderr. */
  write?: (line: string) => void
  /** The clock, replaceable in tests. */
  now?: () => Date
}

/**
 * Creates a logger.
 *
 * @example
 * ```ts
 * const log = createLogger({ name: 'worker', level: 'info' })
 * log.info('task started', { task: '0_1' })
 * ```
 */
export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const level = options.level ?? 'info'
  const threshold = LOG_LEVELS.indexOf(level)
  const format = options.format ?? (process.stderr.isTTY ? 'pretty' : 'json')
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`))
  const now = options.now ?? (() => new Date())
  const emit = (at: LogLevel, message: string, fields: LogFields = {}): void => {
    if (LOG_LEVELS.indexOf(at) < threshold) return
    const all = { ...bound, ...fields }
    const time = now().toISOString()
    if (format === 'json') {
      write(JSON.stringify({ time, level: at, name: options.name, msg: message, ...all }, jsonSafe))
      return
    }
    const extras = Object.entries(all)
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value, jsonSafe)}`)
      .join(' ')
    const who = options.name ? ` [${options.name}]` : ''
    write(`${time.slice(11, 23)} ${at.toUpperCase().padEnd(5)}${who} ${message}${extras ? ` ${extras}` : ''}`)
  }
  return {
    level,
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  }
}

// bigint offsets and Error causes would otherwise break or vanish in JSON.stringify
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Error)
    return { name: value.name, message: value.message, code: (value as { code?: unknown }).code }
  return value
}
