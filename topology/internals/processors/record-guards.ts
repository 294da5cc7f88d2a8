/**
 * @module
 * The record check aggregations and stream-table joins share: a record without a key or value
 * cannot be grouped or joined, so it is dropped and counted, as in Kafka Streams.
 */
import type { ProcessorContext, Record } from '../../processor.ts'

/**
 * Whether `record` lacks a key or a value; if so, counts it in `<processor>.dropped-records`.
 *
 * @example
 * ```ts
 * if (droppedForNull(record, ctx)) return
 * ```
 */
export function droppedForNull(record: Record<unknown, unknown>, ctx: ProcessorContext<any, any>): boolean {
  const { key, value } = record
  if (key !== null && key !== undefined && value !== null && value !== undefined) return false
  ctx.recordMetric('dropped-records')
  return true
}
