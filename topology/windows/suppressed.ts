/**
 * @module
 * Options of `KTable.suppress()`: hold back updates of a table, either until the window of a
 * windowed key closes (one final result per window) or for a time limit per key (rate limiting).
 */
import { checkDuration, invalidArgument } from './durations.ts'

/** What a bounded buffer does when full: emit its oldest records early, or fail the task. */
export type BufferFullStrategy = 'emit-early' | 'shut-down'

/**
 * How many records (or bytes, estimated) the suppression buffer may hold.
 *
 * @example
 * ```ts
 * BufferConfig.unbounded()
 * BufferConfig.maxRecords(1_000).shutDownWhenFull()
 * ```
 */
export class BufferConfig {
  readonly maxRecords: number
  readonly maxBytes: number
  readonly whenFull: BufferFullStrategy

  private constructor(maxRecords: number, maxBytes: number, whenFull: BufferFullStrategy) {
    this.maxRecords = maxRecords
    this.maxBytes = maxBytes
    this.whenFull = whenFull
    Object.freeze(this)
  }

  /** No limit: the buffer grows with the number of open windows or keys. */
  static unbounded(): BufferConfig {
    return new BufferConfig(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 'shut-down')
  }

  /** At most `n` buffered keys; by default the oldest are emitted early when full. */
  static maxRecords(n: number): BufferConfig {
    return new BufferConfig(
      checkDuration('BufferConfig.maxRecords', 'maxRecords', n, 1),
      Number.POSITIVE_INFINITY,
      'emit-early',
    )
  }

  /** At most `n` bytes of serialized keys and values (estimated); emits early when full by default. */
  static maxBytes(n: number): BufferConfig {
    return new BufferConfig(
      Number.POSITIVE_INFINITY,
      checkDuration('BufferConfig.maxBytes', 'maxBytes', n, 1),
      'emit-early',
    )
  }

  /** When full, emit the oldest buffered records before their time. */
  emitEarlyWhenFull(): BufferConfig {
    return new BufferConfig(this.maxRecords, this.maxBytes, 'emit-early')
  }

  /** When full, fail the task rather than emit a result that is not final. */
  shutDownWhenFull(): BufferConfig {
    return new BufferConfig(this.maxRecords, this.maxBytes, 'shut-down')
  }
}

/**
 * A suppression: until a window closes (stream time >= window end + grace) or for a time limit.
 *
 * @example
 * ```ts
 * counts.suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
 * speeds.suppress(Suppressed.untilTimeLimit(1_000, BufferConfig.maxRecords(10_000)))
 * ```
 */
export class Suppressed {
  readonly kind: 'window-close' | 'time-limit'
  /** For 'time-limit': how long an update is held after its record's timestamp. */
  readonly timeLimitMs: number
  readonly buffer: BufferConfig
  readonly name: string | undefined

  private constructor(kind: Suppressed['kind'], timeLimitMs: number, buffer: BufferConfig, name: string | undefined) {
    this.kind = kind
    this.timeLimitMs = timeLimitMs
    this.buffer = buffer
    this.name = name
    Object.freeze(this)
  }

  /** One final result per window of a windowed table; the buffer must not emit early. */
  static untilWindowCloses(buffer: BufferConfig): Suppressed {
    if (!(buffer instanceof BufferConfig))
      invalidArgument('Suppressed.untilWindowCloses', 'buffer must be a BufferConfig')
    if (buffer.whenFull !== 'shut-down') {
      invalidArgument(
        'Suppressed.untilWindowCloses',
        'the buffer must be unbounded or shutDownWhenFull() so results stay final',
      )
    }
    return new Suppressed('window-close', 0, buffer, undefined)
  }

  /** Holds each key's latest update for `timeLimitMs` of stream time after its record's timestamp. */
  static untilTimeLimit(timeLimitMs: number, buffer: BufferConfig): Suppressed {
    const limit = checkDuration('Suppressed.untilTimeLimit', 'timeLimit', timeLimitMs)
    if (!(buffer instanceof BufferConfig)) invalidArgument('Suppressed.untilTimeLimit', 'buffer must be a BufferConfig')
    return new Suppressed('time-limit', limit, buffer, undefined)
  }

  /** Names the suppression processor and its buffer store. */
  withName(name: string): Suppressed {
    if (typeof name !== 'string' || name.length === 0)
      invalidArgument('Suppressed.withName', 'name must be a non-empty string')
    return new Suppressed(this.kind, this.timeLimitMs, this.buffer, name)
  }
}
