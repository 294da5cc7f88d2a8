/**
 * @module
 * Writes why a sample was rejected into the `pitwall.reason` header: the one thing of T1 the DSL
 * operators cannot express (they map values, not headers), so it is a small process() step.
 */
import type { Processor, ProcessorContext, Record } from '../../topology/processor.ts'
import { REASON_HEADER } from '../workload/reference.ts'

/** A raw input value with the outcome of its validation. */
export interface Rejected {
  readonly raw: Uint8Array | null
  readonly reason: string
}

/**
 * Forwards the raw bytes of a rejected sample with the reason header.
 *
 * @example
 * ```ts
 * invalid.mapValues((c) => ({ raw: c.raw, reason: c.reason })).process(() => new QuarantineProcessor())
 * ```
 */
export class QuarantineProcessor implements Processor<string, Rejected, string, Uint8Array | null> {
  #ctx!: ProcessorContext<string, Uint8Array | null>

  init(ctx: ProcessorContext<string, Uint8Array | null>): void {
    this.#ctx = ctx
  }

  process(record: Record<string, Rejected>): Promise<void> {
    return this.#ctx.forward({
      key: record.key,
      value: record.value.raw,
      timestamp: record.timestamp,
      headers: { ...record.headers, [REASON_HEADER]: record.value.reason },
    })
  }
}
