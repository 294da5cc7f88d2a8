/**
 * @module
 * Stage: session and lap joins.
 *
 * - The lap table (`f1-lap-position`, from f1.laps) gives each car's lap in progress; clean samples
 *   are tagged with their lap and sector by the lap tagger (lap-tagger.ts): the stream-table join
 *   on the shared `session:car` key, as one processor over the merged samples and laps.
 * - Laps join the drivers table directly: f1.drivers is keyed `session:car` like f1.laps and has the
 *   same partition count (topics.ts), so the two are co-partitioned and no broadcast is needed.
 * - Race control is keyed by session (one partition by default), so the laps, once joined with
 *   their driver, are re-keyed by session (`f1-laps-by-session` repartition, as many partitions as
 *   f1.race-control) and join the session's race-control history; then they are keyed by car again
 *   and written to f1.laps.enriched. Re-keying the laps (one record per car per lap) is far cheaper
 *   than broadcasting every race-control message to every car.
 */
import { Consumed } from '../../dsl/consumed.ts'
import type { KStream } from '../../dsl/kstream.ts'
import { Named } from '../../dsl/named.ts'
import { Produced } from '../../dsl/produced.ts'
import { Repartitioned } from '../../dsl/repartitioned.ts'
import type { StreamsBuilder } from '../../dsl/streams-builder.ts'
import { Serdes } from '../../serdes.ts'
import {
  driverSchema,
  keyOf,
  type Lap,
  lapSchema,
  raceControlSchema,
  sessionSchema,
  type TelemetrySample,
} from '../model/index.ts'
import { F1Topics } from '../topics.ts'
import type { F1Config } from './config.ts'
import { type EnrichedLap, withDriver } from './enriched-lap.ts'
import { f1Json, f1String } from './f1-serdes.ts'
import type { LapPosition, TaggedSample } from './lap-position.ts'
import { LapTagger, type SampleOrLap } from './lap-tagger.ts'
import { f1Materialized } from './materialize.ts'
import { addMessage, flagsDuring, type RaceControlHistory } from './race-control-periods.ts'
import { f1KeyValueStore } from './state-stores.ts'
import { F1Stores } from './store-names.ts'

/** The streams later stages build on. */
export interface LapStreams {
  readonly laps: KStream<string, Lap>
  readonly tagged: KStream<string, TaggedSample>
}

/**
 * Adds the stage.
 *
 * @example
 * ```ts
 * const { laps, tagged } = lapStage(builder, clean, config)
 * ```
 */
export function lapStage(
  builder: StreamsBuilder,
  clean: KStream<string, TelemetrySample>,
  config: F1Config,
): LapStreams {
  const laps = builder.stream(F1Topics.laps.name, Consumed.with(Serdes.string(), Serdes.zod(lapSchema)))
  builder.addStateStore(f1KeyValueStore<LapPosition>(F1Stores.lapPosition, config))
  // the lap table join as one processor over samples and laps (lap-tagger.ts); both keyed by car
  const tagged = (clean as KStream<string, SampleOrLap>)
    .merge(laps as KStream<string, SampleOrLap>, Named.as('f1-samples-and-laps'))
    .process<string, TaggedSample>(() => new LapTagger(), Named.as('f1-lap-tagger'), F1Stores.lapPosition)
  builder.table(
    F1Topics.sessions.name,
    Consumed.with(Serdes.string(), Serdes.zod(sessionSchema)),
    f1Materialized(F1Stores.sessions, config),
  )
  const drivers = builder.table(
    F1Topics.drivers.name,
    Consumed.with(Serdes.string(), Serdes.zod(driverSchema)),
    f1Materialized(F1Stores.drivers, config),
  )
  const max = config.laps.maxRaceControlMessages
  const raceControl = builder
    .stream(F1Topics.raceControl.name, Consumed.with(Serdes.string(), Serdes.zod(raceControlSchema)))
    .groupByKey()
    .aggregate<RaceControlHistory>(
      () => ({ messages: [] }),
      (_session, rc, history) => addMessage(history, rc, max),
      f1Materialized(F1Stores.raceControl, config),
      Named.as('f1-race-control-history'),
    )
  laps
    .leftJoin(drivers, withDriver)
    .selectKey((_key, lap) => lap.sessionKey, Named.as('f1-lap-session-key'))
    .repartition(
      Repartitioned.as<string, EnrichedLap>('f1-laps-by-session')
        .withKeySerde(f1String())
        .withValueSerde(f1Json<EnrichedLap>())
        .withNumberOfPartitions(config.topics.sessionPartitions),
    )
    .leftJoin(raceControl, (lap, history): EnrichedLap => {
      if (lap.lapStart === null) return lap
      return { ...lap, flags: flagsDuring(history, lap.lapStart, lap.lapStart + (lap.lapDuration ?? 0)) }
    })
    .selectKey((_session, lap) => keyOf(lap.sessionKey, lap.driverNumber), Named.as('f1-lap-car-key'))
    .to(F1Topics.lapsEnriched.name, Produced.with(f1String(), f1Json<EnrichedLap>()))
  return { laps, tagged }
}
