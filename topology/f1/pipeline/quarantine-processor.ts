/**
 * @module
 * Forwards a rejected raw record unchanged with its reason in headers (`pitwall.reason`,
 * `pitwall.field`, `pitwall.message`) and counts it in a processor metric per reason: the
 * header writing is the one step of validation the value-only DSL operators cannot express.
 */
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { RawRejectReason } from './raw-check.ts'

/** Header names of quarantined records. */
export const QuarantineHeaders = {
  reason: 'pitwall.reason',
  field: 'pitwall.field',
  message: 'pitwall.message',
} as const

/** A rejected raw record with why. */
export interface Rejected {
  readonly raw: Uint8Array | null
  readonly reason: RawRejectReason
  readonly field: string
  readonly message: string
}

/** Header values are short: the message is cut to this many characters. */
const MAX_MESSAGE = 300

/**
 * The quarantine processor.
 *
 * @example
 * ```ts
 * rejected.process(() => new QuarantineProcessor()).to('f1.telemetry.quarantine', Produced.with(Serdes.string(), Serdes.bytes()))
 * ```
 */
export class QuarantineProcessor implements Processor<string, Rejected, string, Uint8Array | null> {
  #ctx!: ProcessorContext<string, Uint8Array | null>

  init(ctx: ProcessorContext<string, Uint8Array | null>): void {
    this.#ctx = ctx
  }

  process(record: Record<string, Rejected>): Promise<void> {
    const { raw, reason, field, message } = record.value
    this.#ctx.recordMetric(`f1.quarantined.${reason.toLowerCase()}`)
    return this.#ctx.forward({
      key: record.key,
      value: raw,
      timestamp: record.timestamp,
      headers: {
        ...record.headers,
        [QuarantineHeaders.reason]: reason.toLowerCase(),
        [QuarantineHeaders.field]: field,
        [QuarantineHeaders.message]: message.slice(0, MAX_MESSAGE),
      },
    })
  }
}
