/**
 * @module
 * Stage: windowed car metrics. Per car, 1 s tumbling and 10 s hopping (1 s advance) windows,
 * final results only (suppress until the window closes) to f1.metrics.car-1s / car-10s, keyed by
 * car with the window in the value; and a sliding-window store for the dashboard.
 */
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
  toWindowMetrics,
} from './car-metrics.ts'
import type { F1Config } from './config.ts'
import { f1Materialized } from './materialize.ts'
import { F1Stores } from './store-names.ts'

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
  const grouped = clean.filter((_key, s) => isMetricSample(s), Named.as('f1-metric-samples')).groupByKey()
  const windows = [
    {
      windows: TimeWindows.ofSizeAndGrace(m.tumblingMs, m.graceMs),
      store: F1Stores.carMetrics1s,
      topic: F1Topics.metricsCar1s.name,
    },
    {
      windows: TimeWindows.ofSizeAndGrace(m.hoppingSizeMs, m.graceMs).advanceBy(m.hoppingAdvanceMs),
      store: F1Stores.carMetrics10s,
      topic: F1Topics.metricsCar10s.name,
    },
  ]
  for (const w of windows) {
    grouped
      .windowedBy(w.windows)
      .aggregate<CarMetricsAggregate>(
        emptyMetrics,
        (_key, s, agg) => addSample(agg, s),
        f1Materialized(w.store, config),
        Named.as(`${w.store}-aggregate`),
      )
      .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName(`${w.store}-suppress`))
      .toStream()
      .map((windowed, agg) => ({ key: windowed.key, value: toWindowMetrics(windowed, agg) }))
      .to(w.topic, Produced.with(Serdes.string(), Serdes.json<CarWindowMetrics>()))
  }
  grouped
    .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(m.slidingMs, m.graceMs))
    .aggregate<CarMetricsAggregate>(
      emptyMetrics,
      (_key, s, agg) => addSample(agg, s),
      f1Materialized(F1Stores.carMetricsSliding, config),
      Named.as('f1-car-metrics-sliding-aggregate'),
    )
}
