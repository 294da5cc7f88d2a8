/**
 * @module
 * T1 and T2 of the reference workload written with the Pitwall DSL (bench/README.md). T2's window
 * step uses `windowedBy(...).aggregate(...).suppress(...)`; on a DSL that does not have them yet,
 * building T2 fails with a message saying so.
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { KeyValue, Windowed } from '../../stores/api.ts'
import { Stores } from '../../stores/index.ts'
import { Branched } from '../../topology/dsl/branched.ts'
import { Consumed } from '../../topology/dsl/consumed.ts'
import type { KStream } from '../../topology/dsl/kstream.ts'
import { Materialized } from '../../topology/dsl/materialized.ts'
import { Named } from '../../topology/dsl/named.ts'
import { Produced } from '../../topology/dsl/produced.ts'
import { StreamsBuilder } from '../../topology/dsl/streams-builder.ts'
import type { Topology } from '../../topology/dsl/topology.ts'
import { Serdes } from '../../topology/serdes.ts'
import { BufferConfig, Suppressed } from '../../topology/windows/suppressed.ts'
import { TimeWindows } from '../../topology/windows/time-windows.ts'
import type { OutputTopics, TopologyName } from '../workload/reference.ts'
import {
  addToAggregate,
  type CleanSample,
  emptyAggregate,
  toMetrics,
  type Validation,
  validate,
  type WindowAggregate,
} from '../workload/semantics.ts'
import { AnomalyProcessor, LAST_SAMPLE_STORE } from './anomaly-processor.ts'
import { QuarantineProcessor } from './quarantine-processor.ts'

interface Checked {
  readonly raw: Uint8Array | null
  readonly result: Validation
}

/** The windowing part of the DSL that T2 needs (Kafka Streams' names and shapes). */
interface WindowingDsl {
  windowedBy(windows: TimeWindows): {
    aggregate<VA>(
      init: () => VA,
      aggregator: (key: string, value: CleanSample, agg: VA) => VA,
      materialized?: Materialized<string, VA>,
    ): { suppress(s: Suppressed): { toStream(): KStream<Windowed<string>, WindowAggregate> } }
  }
}

function t1(builder: StreamsBuilder, input: string, out: OutputTopics): KStream<string, CleanSample> {
  const branches = builder
    .stream<string, Uint8Array>(input, Consumed.with(Serdes.string(), Serdes.bytes()))
    .mapValues((raw): Checked => ({ raw, result: validate(raw) }), Named.as('validate'))
    .split(Named.as('sample-'))
    .branch((_key, c) => c.result.ok, Branched.as('valid'))
    .defaultBranch(Branched.as('invalid'))
  branches['sample-invalid']!.mapValues((c) => ({ raw: c.raw, reason: c.result.ok ? 'unknown' : c.result.reason }))
    .process(() => new QuarantineProcessor(), Named.as('reason-header'))
    .to(out.quarantine, Produced.with(Serdes.string(), Serdes.bytes()) as Produced<string, Uint8Array | null>)
  const clean = branches['sample-valid']!.mapValues((c) => (c.result.ok ? c.result.clean : (undefined as never)))
  clean.to(out.clean, Produced.with(Serdes.string(), Serdes.json<CleanSample>()))
  return clean
}

function t2(builder: StreamsBuilder, clean: KStream<string, CleanSample>, out: OutputTopics): void {
  builder.addStateStore(
    Stores.keyValueStoreBuilder(
      Stores.persistentKeyValueStore(LAST_SAMPLE_STORE),
      Serdes.string(),
      Serdes.json<{ ts: number; rpm: number; gear: number }>(),
    ).withCachingEnabled(), // read and rewritten per sample: an object cache, written down per commit
  )
  clean
    .process(() => new AnomalyProcessor(), LAST_SAMPLE_STORE)
    .to(out.anomalies, Produced.with(Serdes.string(), Serdes.json()))
  const grouped = clean.groupByKey() as unknown as Partial<WindowingDsl>
  if (typeof grouped.windowedBy !== 'function') {
    throw new PitwallError(ErrorCodes.TOPOLOGY_INVALID, 'bench T2: the DSL has no groupByKey().windowedBy() yet')
  }
  grouped
    .windowedBy(TimeWindows.ofSizeWithNoGrace(1000))
    .aggregate(
      emptyAggregate,
      (_key, sample, agg) => addToAggregate(agg, sample),
      Materialized.as<string, WindowAggregate>('window-metrics').withValueSerde(Serdes.json<WindowAggregate>()),
    )
    .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
    .toStream()
    .map(
      (windowed, agg): KeyValue<string, ReturnType<typeof toMetrics>> => ({
        key: windowed.key,
        value: toMetrics(Number(windowed.key.slice(4)), windowed.window.start, agg),
      }),
    )
    .to(out.metrics, Produced.with(Serdes.string(), Serdes.json()))
}

/**
 * Builds T1 or T2 reading `input` and writing `out`.
 *
 * @example
 * ```ts
 * const topology = buildTopology('t2', 'bench-input', outputTopics('r1'))
 * ```
 */
export function buildTopology(name: TopologyName, input: string, out: OutputTopics): Topology {
  const builder = new StreamsBuilder()
  const clean = t1(builder, input, out)
  if (name === 't2') t2(builder, clean, out)
  return builder.build()
}
