/**
 * @module
 * Stage: the gold lap and session tables. Tagged samples and laps feed the lap-stats processor
 * (`f1-lap-stats`, f1.laps.stats); lap stats and anomalies aggregate into the per session and car
 * table (`f1-session-car-stats`, f1.sessions.stats).
 */
import type { KStream } from '../../dsl/kstream.ts'
import { Named } from '../../dsl/named.ts'
import { Produced } from '../../dsl/produced.ts'
import type { StreamsBuilder } from '../../dsl/streams-builder.ts'
import type { Lap } from '../model/index.ts'
import { F1Topics } from '../topics.ts'
import type { Anomaly } from './anomalies/anomaly.ts'
import type { F1Config } from './config.ts'
import { f1Json, f1String } from './f1-serdes.ts'
import { KeyedTableProcessor } from './keyed-table-processor.ts'
import type { TaggedSample } from './lap-position.ts'
import type { LapStats } from './lap-stats.ts'
import { type CarLaps, type LapEvent, LapStatsProcessor } from './lap-stats-processor.ts'
import { addSessionEvent, emptySessionStats, type SessionCarStats, type SessionEvent } from './session-stats.ts'
import { f1KeyValueStore } from './state-stores.ts'
import { F1Stores } from './store-names.ts'

/**
 * Adds the stage.
 *
 * @example
 * ```ts
 * goldStage(builder, { laps, tagged, anomalies }, config)
 * ```
 */
export function goldStage(
  builder: StreamsBuilder,
  inputs: { laps: KStream<string, Lap>; tagged: KStream<string, TaggedSample>; anomalies: KStream<string, Anomaly> },
  config: F1Config,
): void {
  builder.addStateStore(f1KeyValueStore<CarLaps>(F1Stores.lapAccumulator, config))
  builder.addStateStore(f1KeyValueStore<LapStats>(F1Stores.lapStats, config))
  // samples and laps merged as they are (the processor tells them apart): no wrapper per sample
  const samples = inputs.tagged.filter(
    (_key, s) => s.channel === 'dynamics' || s.channel === 'tyres',
    Named.as('f1-lap-samples'),
  ) as KStream<string, LapEvent>
  const stats = samples
    .merge(inputs.laps as KStream<string, LapEvent>, Named.as('f1-lap-events'))
    .process<string, LapStats>(
      () => new LapStatsProcessor(config),
      Named.as('f1-lap-stats'),
      F1Stores.lapAccumulator,
      F1Stores.lapStats,
    )
  stats.to(F1Topics.lapStats.name, Produced.with(f1String(), f1Json<LapStats>()))
  const lapEvents = stats.mapValues((s): SessionEvent => ({ kind: 'lap', stats: s }), Named.as('f1-session-lap'))
  const anomalyEvents = inputs.anomalies.mapValues(
    (anomaly): SessionEvent => ({ kind: 'anomaly', anomaly }),
    Named.as('f1-session-anomaly'),
  )
  builder.addStateStore(f1KeyValueStore<SessionCarStats>(F1Stores.sessionStats, config))
  // both inputs keep the car key: fold in place rather than through a repartition topic
  lapEvents
    .merge(anomalyEvents, Named.as('f1-session-events'))
    .process<string, SessionCarStats>(
      () =>
        new KeyedTableProcessor<SessionEvent, SessionCarStats>({
          storeName: F1Stores.sessionStats,
          initial: emptySessionStats,
          fold: addSessionEvent,
          forward: true,
        }),
      Named.as('f1-session-car-stats'),
      F1Stores.sessionStats,
    )
    .to(F1Topics.sessionStats.name, Produced.with(f1String(), f1Json<SessionCarStats>()))
}
