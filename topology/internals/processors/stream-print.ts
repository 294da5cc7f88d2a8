/**
 * @module
 * `KStream.print`: writes each record as a line `[label]: key, value` to standard output or a
 * file (terminal). The file is opened (truncated) by the first task's processor and shared by the
 * supplier's processors, so tasks of one topology append to one file; the last to close closes it.
 */
import { closeSync, openSync, writeSync } from 'node:fs'
import type { KeyValueMapper } from '../../dsl/functions.ts'
import type { Processor, ProcessorSupplier, Record } from '../../processor.ts'

/** How a print processor formats and where it writes. */
export interface PrintOptions<K, V> {
  readonly label: string
  readonly filePath: string | undefined
  readonly mapper: KeyValueMapper<K, V, string> | undefined
}

/** A string as it is; anything else as JSON (String() for what JSON cannot show). */
function show(x: unknown): string {
  if (typeof x === 'string') return x
  if (typeof x === 'bigint') return x.toString()
  return JSON.stringify(x) ?? String(x)
}

/** One output of a supplier: standard output, or a file descriptor shared by its processors. */
class PrintSink {
  readonly #filePath: string | undefined
  #fd: number | undefined
  #users = 0

  constructor(filePath: string | undefined) {
    this.#filePath = filePath
  }

  open(): void {
    if (this.#filePath !== undefined && this.#users++ === 0) this.#fd = openSync(this.#filePath, 'w')
  }

  write(line: string): void {
    if (this.#fd === undefined) process.stdout.write(line)
    else writeSync(this.#fd, line)
  }

  close(): void {
    if (this.#filePath === undefined || --this.#users > 0 || this.#fd === undefined) return
    closeSync(this.#fd)
    this.#fd = undefined
  }
}

class StreamPrint<K, V> implements Processor<K, V> {
  readonly #options: PrintOptions<K, V>
  readonly #sink: PrintSink

  constructor(options: PrintOptions<K, V>, sink: PrintSink) {
    this.#options = options
    this.#sink = sink
  }

  init(): void {
    this.#sink.open()
  }

  process(record: Record<K, V>): void {
    const { label, mapper } = this.#options
    const text = mapper === undefined ? `${show(record.key)}, ${show(record.value)}` : mapper(record.key, record.value)
    this.#sink.write(`[${label}]: ${text}\n`)
  }

  close(): void {
    this.#sink.close()
  }
}

/**
 * The print processor supplier (terminal).
 *
 * @example
 * ```ts
 * streamPrint<string, number>({ label: 'speeds', filePath: undefined, mapper: undefined })
 * ```
 */
export function streamPrint<K, V>(options: PrintOptions<K, V>): ProcessorSupplier<K, V> {
  const sink = new PrintSink(options.filePath)
  return () => new StreamPrint(options, sink)
}
