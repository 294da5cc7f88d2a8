/**
 * @module
 * What a simulated race through the broker must show besides the anomaly scores: every output
 * topic holds committed records, every valid raw sample reached the clean topic, and the lap tables
 * (enriched laps, gold lap stats, session stats) agree with the simulator's own laps. Shared by
 * scripts/f1-score.ts --broker (a full race) and test/integration/f1-pipeline.test.ts (a short one).
 */
import type { Lap } from '../../topology/f1/model/lap.ts'
import type { LapStats } from '../../topology/f1/pipeline/lap-stats.ts'
import type { SessionCarStats } from '../../topology/f1/pipeline/session-stats.ts'
import { type F1Record, F1Topics } from '../../topology/f1/topics.ts'
import { readTopic, scanTopic, type TopicRecord } from './read-topic.ts'

/** One check and what it found. */
export interface RaceCheck {
  readonly name: string
  readonly pass: boolean
  readonly detail: string
}

/** The simulator's side of a race, collected from the records it produced. */
export class RaceRecorder {
  /** The simulator's laps by `session:car:lap`. */
  readonly laps = new Map<string, Lap>()
  /** Raw samples produced by the simulator (all valid). */
  rawSamples = 0
  readonly cars = new Set<string>()

  /**
   * Notes one record the simulator produced (pass it as `onRecord` of runBrokerRace).
   *
   * @example
   * ```ts
   * const recorder = new RaceRecorder()
   * await runBrokerRace({ ...options, onRecord: (r) => recorder.add(r) })
   * ```
   */
  add(record: F1Record): void {
    if (record.topic === F1Topics.laps.name) {
      const lap = record.value as Lap
      this.laps.set(`${record.key}:${lap.lapNumber}`, lap)
      this.cars.add(record.key)
    } else if (record.topic === F1Topics.telemetryRaw.name) {
      this.rawSamples++
    }
  }
}

/** The output topics every race must populate. */
export const RACE_OUTPUTS = [
  F1Topics.telemetryClean,
  F1Topics.telemetryAnomalies,
  F1Topics.lapsEnriched,
  F1Topics.lapStats,
  F1Topics.sessionStats,
  F1Topics.metricsCar1s,
  F1Topics.metricsCar10s,
] as const

const LARGE = new Set<string>([F1Topics.telemetryClean.name, F1Topics.metricsCar1s.name, F1Topics.metricsCar10s.name])

function latestBy<T>(records: TopicRecord[], keyOf: (value: T, record: TopicRecord) => string): Map<string, T> {
  const out = new Map<string, T>()
  for (const r of records) {
    if (r.value === null) continue
    const value = JSON.parse(r.value) as T
    out.set(keyOf(value, r), value)
  }
  return out
}

function check(name: string, mismatches: string[], total: number): RaceCheck {
  const shown = mismatches.slice(0, 5).join('; ')
  return {
    name,
    pass: mismatches.length === 0 && total > 0,
    detail:
      mismatches.length === 0 ? `${total} of ${total} agree` : `${mismatches.length} of ${total} differ: ${shown}`,
  }
}

/**
 * Reads the race's outputs (kafkajs, read_committed) and checks them against the simulator's side.
 * `topic` maps a logical topic name to the run's physical one.
 *
 * @example
 * ```ts
 * const { checks } = await checkRace(brokers, run.topic, recorder)
 * if (checks.some((c) => !c.pass)) process.exitCode = 1
 * ```
 */
export async function checkRace(
  brokers: readonly string[],
  topic: (name: string) => string,
  sim: RaceRecorder,
): Promise<{ checks: RaceCheck[]; counts: Record<string, number>; read: Map<string, TopicRecord[]> }> {
  const counts: Record<string, number> = {}
  const read = new Map<string, TopicRecord[]>()
  for (const t of RACE_OUTPUTS) {
    if (LARGE.has(t.name)) {
      counts[t.name] = await scanTopic(brokers, topic(t.name), () => {}, { timeoutMs: 600_000 })
    } else {
      const records = await readTopic(brokers, topic(t.name))
      read.set(t.name, records)
      counts[t.name] = records.length
    }
  }
  const checks: RaceCheck[] = []
  const empty = RACE_OUTPUTS.filter((t) => (counts[t.name] ?? 0) === 0).map((t) => t.name)
  checks.push({
    name: 'every output topic populated',
    pass: empty.length === 0,
    detail: empty.length === 0 ? `${RACE_OUTPUTS.length} topics` : `empty: ${empty.join(', ')}`,
  })
  const clean = counts[F1Topics.telemetryClean.name] ?? 0
  checks.push({
    name: 'every simulated raw sample is clean, once',
    pass: clean === sim.rawSamples,
    detail: `${clean} clean of ${sim.rawSamples} raw samples`,
  })

  const enriched = latestBy<Lap>(read.get(F1Topics.lapsEnriched.name) ?? [], (v, r) => `${r.key}:${v.lapNumber}`)
  const lapMismatches: string[] = []
  for (const [key, lap] of sim.laps) {
    const e = enriched.get(key)
    const want = [lap.lapDuration, lap.sector1, lap.sector2, lap.sector3]
    const got = e === undefined ? undefined : [e.lapDuration, e.sector1, e.sector2, e.sector3]
    if (JSON.stringify(got) !== JSON.stringify(want)) lapMismatches.push(`${key}: ${JSON.stringify(got)} != ${want}`)
  }
  for (const key of enriched.keys()) if (!sim.laps.has(key)) lapMismatches.push(`${key}: not a simulated lap`)
  checks.push(check('enriched laps equal the simulator laps (duration, sectors)', lapMismatches, sim.laps.size))

  const stats = latestBy<LapStats>(
    read.get(F1Topics.lapStats.name) ?? [],
    (v) => `${v.sessionKey}:${v.carNumber}:${v.lapNumber}`,
  )
  const statMismatches: string[] = []
  for (const [key, lap] of sim.laps) {
    const got = stats.get(key)?.lapTimeMs
    if (got !== lap.lapDuration) statMismatches.push(`${key}: ${got} != ${lap.lapDuration}`)
  }
  checks.push(check('gold lap table: lap time of every simulated lap', statMismatches, sim.laps.size))

  const sessions = latestBy<SessionCarStats>(read.get(F1Topics.sessionStats.name) ?? [], (_v, r) => r.key ?? '')
  const sessionMismatches: string[] = []
  for (const car of sim.cars) {
    const own = [...sim.laps].filter(([k]) => k.startsWith(`${car}:`)).map(([, lap]) => lap.lapDuration as number)
    const s = sessions.get(car)
    if (s?.laps !== own.length || s.bestLap?.lapTimeMs !== Math.min(...own))
      sessionMismatches.push(
        `${car}: ${s?.laps} laps best ${s?.bestLap?.lapTimeMs} != ${own.length} ${Math.min(...own)}`,
      )
  }
  checks.push(check('session table: laps and best lap per car', sessionMismatches, sim.cars.size))
  return { checks, counts, read }
}
