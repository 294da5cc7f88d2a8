/**
 * @module
 * The processor type of `KStream.processValues()` (Kafka Streams' FixedKeyProcessor, KIP-820): a
 * {@link Processor} that may change values but not keys, so the stream keeps its partitioning and
 * a downstream `groupByKey()` or join adds no repartition topic.
 */
import type { Processor, ProcessorSupplier } from '../processor.ts'

/**
 * A processor that forwards records with the key of the record being processed (same value for
 * strings, numbers and other primitives, the same object otherwise), typically `{ ...record, value }`.
 * Forwarding another key from `process()` fails with `PITWALL_PROCESSING`.
 *
 * @example
 * ```ts
 * const toKph: FixedKeyProcessor<string, Sample, number> = {
 *   init(ctx) { this.ctx = ctx },
 *   process(r) { return this.ctx.forward({ ...r, value: r.value.speedMs * 3.6 }) },
 * }
 * ```
 */
export type FixedKeyProcessor<K, VIn, VOut> = Processor<K, VIn, K, VOut>

/**
 * Makes a fresh {@link FixedKeyProcessor} for each task.
 *
 * @example
 * ```ts
 * stream.processValues((): FixedKeyProcessor<string, Sample, number> => new SpeedInKph(), 'speed-store')
 * ```
 */
export type FixedKeyProcessorSupplier<K, VIn, VOut> = ProcessorSupplier<K, VIn, K, VOut>
