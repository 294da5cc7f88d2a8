/**
 * @module
 * `KStream.processValues`: runs a user processor that may change values only. Its context checks
 * every record forwarded from `process()` against the key of the record being processed and fails
 * with `PITWALL_PROCESSING` on another key: the DSL relies on the key being kept (no repartition
 * downstream). Forwards from punctuators cannot be checked (there is no input record) and are
 * trusted, as in Kafka Streams, where they can only forward records kept from `process()`.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { FixedKeyProcessorSupplier } from '../../dsl/fixed-key-processor.ts'
import type {
  Cancellable,
  Processor,
  ProcessorContext,
  ProcessorSupplier,
  PunctuationType,
  Punctuator,
  Record,
} from '../../processor.ts'

/** Same key: equal primitives (NaN too), or the same object. */
const sameKey = (a: unknown, b: unknown): boolean => a === b || Object.is(a, b)

class StreamProcessValues<K, VIn, VOut> implements Processor<K, VIn, K, VOut> {
  readonly #name: string
  readonly #user: Processor<K, VIn, K, VOut>
  #ctx!: ProcessorContext<K, VOut>
  #key: K | undefined
  #punctuating = 0

  constructor(name: string, user: Processor<K, VIn, K, VOut>) {
    this.#name = name
    this.#user = user
  }

  init(ctx: ProcessorContext<K, VOut>): void | Promise<void> {
    this.#ctx = ctx
    return this.#user.init?.(this.#fixedKeyContext(ctx))
  }

  process(record: Record<K, VIn>): void | Promise<void> {
    this.#key = record.key
    return this.#user.process(record)
  }

  close(): void | Promise<void> {
    return this.#user.close?.()
  }

  #forward(record: Record<K, VOut>, childName?: string): Promise<void> {
    if (this.#punctuating === 0 && !sameKey(record.key, this.#key)) {
      throw new PitwallError(
        ErrorCodes.PROCESSING,
        `processValues() processor '${this.#name}' forwarded key ${show(record.key)} while processing key ${show(this.#key)}: it may change values only (use process() to change keys)`,
        { details: { processor: this.#name } },
      )
    }
    return this.#ctx.forward(record, childName)
  }

  #schedule(intervalMs: number, type: PunctuationType, punctuator: Punctuator): Cancellable {
    return this.#ctx.schedule(intervalMs, type, async (timestamp) => {
      this.#punctuating++
      try {
        await punctuator(timestamp)
      } finally {
        this.#punctuating--
      }
    })
  }

  /** The user's context: the task's, with checked forwarding and marked punctuations. */
  #fixedKeyContext(ctx: ProcessorContext<K, VOut>): ProcessorContext<K, VOut> {
    return {
      taskId: ctx.taskId,
      applicationId: ctx.applicationId,
      forward: (record, childName) => this.#forward(record, childName),
      getStateStore: (name) => ctx.getStateStore(name),
      schedule: (intervalMs, type, punctuator) => this.#schedule(intervalMs, type, punctuator),
      currentStreamTime: () => ctx.currentStreamTime(),
      currentSystemTime: () => ctx.currentSystemTime(),
      recordMetadata: () => ctx.recordMetadata(),
      recordMetric: (name, delta) => ctx.recordMetric(name, delta),
    }
  }
}

function show(key: unknown): string {
  try {
    return typeof key === 'string' ? `'${key}'` : (JSON.stringify(key) ?? String(key))
  } catch {
    return String(key)
  }
}

/**
 * The processValues processor supplier around a user's fixed-key processor supplier.
 *
 * @example
 * ```ts
 * streamProcessValues('KSTREAM-PROCESSVALUES-0000000002', () => ({ process: (r) => ctx.forward({ ...r, value: 1 }) }))
 * ```
 */
export function streamProcessValues<K, VIn, VOut>(
  name: string,
  supplier: FixedKeyProcessorSupplier<K, VIn, VOut>,
): ProcessorSupplier<K, VIn, K, VOut> {
  return () => new StreamProcessValues(name, supplier())
}
