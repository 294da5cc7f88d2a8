/**
 * @module
 * Stage: windowed car metrics. Per car, 1 s tumbling windows over dynamics and power-unit samples
 * (car-seconds-processor.ts); their final results (forwarded once each when the window closes) go to f1.metrics.car-1s and feed the
 * 10 s hopping windows (1 s advance, f1.metrics.car-10s, also final) and the sliding-window store
 * of the dashboard. Building the larger windows from 1 s results is exact (sums, counts, minima and
 * maxima merge; hopping boundaries are multiples of the 1 s size) and touches each sample once
 * instead of once per overlapping window.
 */
import type { KStream } from '../../dsl/kstream.ts'
import { Named } from '../../dsl/named.ts'
import { Produced } from '../../dsl/produced.ts'
import { Repartitioned } from '../../dsl/repartitioned.ts'
import type { StreamsBuilder } from '../../dsl/streams-builder.ts'
import { SlidingWindows } from '../../windows/sliding-windows.ts'
import { BufferConfig, Suppressed } from '../../windows/suppressed.ts'
import { TimeWindows } from '../../windows/time-windows.ts'
import type { TelemetrySample } from '../model/index.ts'
import { F1Topics } from '../topics.ts'
import {
  type CarMetricsAggregate,
  type CarWindowMetrics,
  emptyMetrics,
  isMetricSample,
  mergeMetrics,
  toWindowMetrics,
} from './car-metrics.ts'
import { CarSecondsProcessor, type PendingWindows, type WindowResult } from './car-seconds-processor.ts'
import type { F1Config } from './config.ts'
import { f1Json, f1String } from './f1-serdes.ts'
import { f1Materialized } from './materialize.ts'
import { f1KeyValueStore, f1WindowStore } from './state-stores.ts'
import { F1Stores } from './store-names.ts'

const until = (name: string) => Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName(name)
const produced = Produced.with(f1String(), f1Json<CarWindowMetrics>())

/**
 * Adds the stage.
 *
 * @example
 * ```ts
 * metricsStage(builder, clean, config)
 * ```
 */
export function metricsStage(builder: StreamsBuilder, clean: KStream<string, TelemetrySample>, config: F1Config): void {
  const m = config.metrics
  builder.addStateStore(
    f1WindowStore<CarMetricsAggregate>(F1Stores.carMetrics1s, config, m.tumblingMs, m.tumblingMs + m.graceMs),
  )
  builder.addStateStore(f1KeyValueStore<PendingWindows>(F1Stores.carMetrics1sPending, config))
  const seconds = clean
    .filter((_key, s) => isMetricSample(s), Named.as('f1-metric-samples'))
    .process<string, WindowResult>(
      () => new CarSecondsProcessor(m.tumblingMs, m.graceMs),
      Named.as('f1-car-metrics-1s-aggregate'),
      F1Stores.carMetrics1s,
      F1Stores.carMetrics1sPending,
    )
  seconds
    .mapValues((r, key) => toWindowMetrics({ key, window: r.window }, r.agg), Named.as('f1-car-metrics-1s-record'))
    .to(F1Topics.metricsCar1s.name, produced)
  // one repartition for both views (a processor's output may have new keys, so the DSL would add one per view)
  const grouped = seconds
    .repartition(
      Repartitioned.as<string, WindowResult>('f1-car-metrics-1s-results')
        .withKeySerde(f1String())
        .withValueSerde(f1Json<WindowResult>()),
    )
    .groupByKey()
  // cached: each 1 s result updates ~10 hopping windows and a few sliding ones, written (and
  // changelogged) once per commit instead of once per update
  grouped
    .windowedBy(TimeWindows.ofSizeAndGrace(m.hoppingSizeMs, m.graceMs).advanceBy(m.hoppingAdvanceMs))
    .aggregate<CarMetricsAggregate>(
      emptyMetrics,
      (_key, r, agg) => mergeMetrics(agg, r.agg),
      f1Materialized<CarMetricsAggregate>(F1Stores.carMetrics10s, config).withCachingEnabled(),
      Named.as('f1-car-metrics-10s-aggregate'),
    )
    .suppress(until('f1-car-metrics-10s-suppress'))
    .toStream()
    .map((windowed, agg) => ({ key: windowed.key, value: toWindowMetrics(windowed, agg) }))
    .to(F1Topics.metricsCar10s.name, produced)
  grouped
    .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(m.slidingMs, m.graceMs))
    .aggregate<CarMetricsAggregate>(
      emptyMetrics,
      (_key, r, agg) => mergeMetrics(agg, r.agg),
      f1Materialized<CarMetricsAggregate>(F1Stores.carMetricsSliding, config).withCachingEnabled(),
      Named.as('f1-car-metrics-sliding-aggregate'),
    )
}
