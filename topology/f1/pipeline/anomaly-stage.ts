/**
 * @module
 * Stage: anomaly detection. Clean samples -> the detector processor (with its state store) ->
 * f1.telemetry.anomalies, and the anomaly table per car and session (`f1-anomalies`).
 */
import type { KStream } from '../../dsl/kstream.ts'
import { Named } from '../../dsl/named.ts'
import { Produced } from '../../dsl/produced.ts'
import type { StreamsBuilder } from '../../dsl/streams-builder.ts'
import type { TelemetrySample } from '../model/index.ts'
import { F1Topics } from '../topics.ts'
import type { Anomaly } from './anomalies/anomaly.ts'
import { AnomalyProcessor } from './anomalies/anomaly-processor.ts'
import { addAnomaly, type CarAnomalies, emptyCarAnomalies } from './anomalies/car-anomalies.ts'
import type { CarState } from './anomalies/car-state.ts'
import type { F1Config } from './config.ts'
import { f1Json, f1String } from './f1-serdes.ts'
import { KeyedTableProcessor } from './keyed-table-processor.ts'
import { f1KeyValueStore } from './state-stores.ts'
import { F1Stores } from './store-names.ts'

/**
 * Adds the stage and returns the anomaly stream (keyed `session:car`).
 *
 * @example
 * ```ts
 * const anomalies = anomalyStage(builder, clean, config)
 * ```
 */
export function anomalyStage<S extends TelemetrySample>(
  builder: StreamsBuilder,
  samples: KStream<string, S>,
  config: F1Config,
): KStream<string, Anomaly> {
  // written on every sample: the object cache serializes each car's state once per commit
  builder.addStateStore(f1KeyValueStore<CarState>(F1Stores.anomalyState, config))
  // a handle is invariant in its value type; the detector reads any telemetry sample
  const anomalies = (samples as unknown as KStream<string, TelemetrySample>).process<string, Anomaly>(
    () => new AnomalyProcessor(config),
    Named.as('f1-anomaly-detector'),
    F1Stores.anomalyState,
  )
  anomalies.to(F1Topics.telemetryAnomalies.name, Produced.with(f1String(), f1Json<Anomaly>()))
  builder.addStateStore(f1KeyValueStore<CarAnomalies>(F1Stores.anomalies, config))
  // the detector keeps the car key: fold in place rather than through a repartition topic
  anomalies.process(
    () =>
      new KeyedTableProcessor<Anomaly, CarAnomalies>({
        storeName: F1Stores.anomalies,
        initial: emptyCarAnomalies,
        fold: addAnomaly,
        forward: false,
      }),
    Named.as('f1-anomaly-table'),
    F1Stores.anomalies,
  )
  return anomalies
}
