/**
 * @module
 * The public entry of Pitwall's Streams DSL: the builder and handles, option objects, the Processor
 * API, serdes, topology description and the test driver. Implementations live in internals/,
 * which is never exported.
 *
 * @example
 * ```ts
 * import { Consumed, Produced, Serdes, StreamsBuilder, TopologyTestDriver } from './topology/index.ts'
 * const builder = new StreamsBuilder()
 * builder.stream('laps', Consumed.with(Serdes.string(), Serdes.json())).to('copy', Produced.with(Serdes.string(), Serdes.json()))
 * ```
 */
export type { KeyValue, Window, Windowed } from '../stores/api.ts'
export { type NodeDescription, type SubtopologyDescription, TopologyDescription } from './describe.ts'
export { Branched } from './dsl/branched.ts'
export type { BranchedKStream } from './dsl/branched-kstream.ts'
export { Consumed } from './dsl/consumed.ts'
export type { FixedKeyProcessor, FixedKeyProcessorSupplier } from './dsl/fixed-key-processor.ts'
export type {
  Aggregator,
  ForeachAction,
  Initializer,
  KeyValueMapper,
  Predicate,
  Reducer,
  StreamPartitioner,
  TimestampExtractor,
  TopicNameExtractor,
  ValueJoiner,
  ValueMapper,
} from './dsl/functions.ts'
export { Grouped } from './dsl/grouped.ts'
export { Joined } from './dsl/joined.ts'
export type { KGroupedStream } from './dsl/kgrouped-stream.ts'
export type { KGroupedTable } from './dsl/kgrouped-table.ts'
export type { KStream } from './dsl/kstream.ts'
export type { KTable } from './dsl/ktable.ts'
export { Materialized, type StoreType } from './dsl/materialized.ts'
export { Named } from './dsl/named.ts'
export { Printed } from './dsl/printed.ts'
export { Produced } from './dsl/produced.ts'
export { Repartitioned } from './dsl/repartitioned.ts'
export { StreamJoined } from './dsl/stream-joined.ts'
export { StreamsBuilder, type StreamsBuilderOptions } from './dsl/streams-builder.ts'
export { Topology } from './dsl/topology.ts'
export type { Merger, SessionWindowedKStream, TimeWindowedKStream } from './dsl/windowed-kstream.ts'
export type { Change } from './internals/change.ts'
export { DeadLetterHeaders } from './internals/task/dead-letter.ts'
export type {
  Cancellable,
  Headers,
  Processor,
  ProcessorContext,
  ProcessorSupplier,
  PunctuationType,
  Punctuator,
  Record,
  RecordMetadata,
} from './processor.ts'
export { type Serde, Serdes } from './serdes.ts'
export {
  type OutputRecord,
  TestInputTopic,
  TestOutputTopic,
  type TestRecord,
  TopologyTestDriver,
  type TopologyTestDriverOptions,
} from './test-driver/index.ts'
export {
  BufferConfig,
  type BufferFullStrategy,
  JoinWindows,
  SessionWindows,
  SlidingWindows,
  Suppressed,
  TimeWindows,
  WindowedSerdes,
} from './windows/index.ts'
