/**
 * @module
 * Stage: windowed car metrics. Per car, 1 s tumbling windows over dynamics and power-unit samples;
 * their final results (suppress until the window closes) go to f1.metrics.car-1s and feed the
 * 10 s hopping windows (1 s advance, f1.metrics.car-10s, also final) and the sliding-window store
 * of the dashboard. Building the larger windows from 1 s results is exact (sums, counts, minima and
 * maxima merge; hopping boundaries are multiples of the 1 s size) and touches each sample once
 * instead of once per overlapping window.
 */
import type { Window } from '../../../stores/api.ts'
import type { KStream } from '../../dsl/kstream.ts'
import { Named } from '../../dsl/named.ts'
import { Produced } from '../../dsl/produced.ts'
import { Serdes } from '../../serdes.ts'
import { SlidingWindows } from '../../windows/sliding-windows.ts'
import { BufferConfig, Suppressed } from '../../windows/suppressed.ts'
import { TimeWindows } from '../../windows/time-windows.ts'
import type { TelemetrySample } from '../model/index.ts'
import { F1Topics } from '../topics.ts'
import {
  addSample,
  type CarMetricsAggregate,
  type CarWindowMetrics,
  emptyMetrics,
  isMetricSample,
  mergeMetrics,
  toWindowMetrics,
} from './car-metrics.ts'
import type { F1Config } from './config.ts'
import { f1Materialized } from './materialize.ts'
import { F1Stores } from './store-names.ts'

interface WindowResult {
  readonly window: Window
  readonly agg: CarMetricsAggregate
}

const until = (name: string) => Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName(name)
const produced = Produced.with(Serdes.string(), Serdes.json<CarWindowMetrics>())

/**
 * Adds the stage.
 *
 * @example
 * ```ts
 * metricsStage(clean, config)
 * ```
 */
export function metricsStage(clean: KStream<string, TelemetrySample>, config: F1Config): void {
  const m = config.metrics
  const seconds = clean
    .filter((_key, s) => isMetricSample(s), Named.as('f1-metric-samples'))
    .groupByKey()
    .windowedBy(TimeWindows.ofSizeAndGrace(m.tumblingMs, m.graceMs))
    .aggregate<CarMetricsAggregate>(
      emptyMetrics,
      (_key, s, agg) => addSample(agg, s),
      f1Materialized(F1Stores.carMetrics1s, config),
      Named.as('f1-car-metrics-1s-aggregate'),
    )
    .suppress(until('f1-car-metrics-1s-suppress'))
    .toStream()
    .map((windowed, agg) => ({ key: windowed.key, value: { window: windowed.window, agg } as WindowResult }))
  seconds
    .mapValues((r, key) => toWindowMetrics({ key, window: r.window }, r.agg), Named.as('f1-car-metrics-1s-record'))
    .to(F1Topics.metricsCar1s.name, produced)
  const grouped = seconds.groupByKey()
  grouped
    .windowedBy(TimeWindows.ofSizeAndGrace(m.hoppingSizeMs, m.graceMs).advanceBy(m.hoppingAdvanceMs))
    .aggregate<CarMetricsAggregate>(
      emptyMetrics,
      (_key, r, agg) => mergeMetrics(agg, r.agg),
      f1Materialized(F1Stores.carMetrics10s, config),
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
      f1Materialized(F1Stores.carMetricsSliding, config),
      Named.as('f1-car-metrics-sliding-aggregate'),
    )
}
