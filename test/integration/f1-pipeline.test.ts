import { afterAll, describe, expect, it } from 'vitest'
import { anomalyTypes } from '../../connectors/simulator/anomaly-types.ts'
import { scoreDetections } from '../../connectors/simulator/scoring.ts'
import { brokerAnomalies } from '../../scripts/f1/anomaly-records.ts'
import { runBrokerRace } from '../../scripts/f1/broker-race.ts'
import { warningsOnly } from '../../scripts/f1/quiet-logger.ts'
import { readTopic, type TopicRecord } from '../../scripts/f1/read-topic.ts'
import { deleteF1Run } from '../../scripts/f1/topic-setup.ts'
import type { Lap } from '../../topology/f1/model/lap.ts'
import type { LapStats } from '../../topology/f1/pipeline/lap-stats.ts'
import type { SessionCarStats } from '../../topology/f1/pipeline/session-stats.ts'
import { type F1Record, F1Topics } from '../../topology/f1/topics.ts'
import { testBrokers } from '../helpers/kafka.ts'
import { uniqueName } from '../helpers/names.ts'

const id = uniqueName('f1-pipeline')
const prefix = `${id}.`
afterAll(async () => {
  await deleteF1Run(testBrokers(), prefix, id)
})

/** Malformed raw records built from a real sample, with the quarantine reason each must get. */
function malformed(
  sample: F1Record,
): { record: Omit<F1Record, 'topic'> & { topic: 'f1.telemetry.raw' }; reason: string }[] {
  const value = sample.value as Record<string, unknown>
  const text = (v: unknown) => JSON.stringify(v)
  const cases: [string, string, string][] = [
    ['{"sessionKey": "broken', 'malformed', sample.key],
    [text(value).replace(/"speed":[0-9.]+/, '"speed":NaN'), 'malformed', sample.key],
    [text({ ...value, throttle: 7 }), 'out_of_range', sample.key],
    [text({ ...value, turbo: true }), 'unknown_field', sample.key],
    [text({ ...value, gear: 'fourth' }), 'wrong_type', sample.key],
    [text({ ...value, channel: 'warp-drive' }), 'unknown_channel', sample.key],
    [text(value), 'key_mismatch', `${value.sessionKey}:999`],
  ]
  return cases.map(([body, reason, key]) => ({
    record: { topic: 'f1.telemetry.raw', key, value: body, timestamp: sample.timestamp },
    reason,
  }))
}

function latestBy<T>(records: TopicRecord[], keyOf: (value: T, record: TopicRecord) => string): Map<string, T> {
  const out = new Map<string, T>()
  for (const r of records) {
    if (r.value === null) continue
    const value = JSON.parse(r.value) as T
    out.set(keyOf(value, r), value)
  }
  return out
}

describe('the F1 pipeline on the real broker', () => {
  it('runs a simulated race through one exactly-once worker: every output, lap tables, anomalies, quarantine', async () => {
    const brokers = testBrokers()
    const simLaps = new Map<string, Lap>()
    let sample: F1Record | undefined
    const race = { seed: 3, cars: 6, laps: 2, anomaliesPerType: 2 }
    // the malformed records are built from a dynamics sample of the race itself, produced after it
    const extra: ReturnType<typeof malformed>[number]['record'][] = []
    const reasons: string[] = []
    const run = await runBrokerRace({
      brokers,
      race,
      prefix,
      applicationId: id,
      carPartitions: 3,
      f1Config: { stores: { type: 'leveldb' } },
      logger: warningsOnly('[worker]'),
      timeoutMs: 150_000,
      onRecord: (record) => {
        if (record.topic === F1Topics.laps.name) {
          const lap = record.value as Lap
          simLaps.set(`${record.key}:${lap.lapNumber}`, lap)
        }
        if (sample === undefined && record.topic === F1Topics.telemetryRaw.name) {
          const value = record.value as { channel: string; speed?: number }
          if (value.channel === 'dynamics' && (value.speed ?? 0) > 50) {
            sample = record
            for (const m of malformed(record)) {
              extra.push(m.record)
              reasons.push(m.reason)
            }
          }
        }
      },
      extra,
    })
    expect(sample).toBeDefined()
    expect(run.inputRecords).toBeGreaterThan(100_000)

    // every output topic holds committed records
    const outputs = [
      F1Topics.telemetryClean,
      F1Topics.telemetryQuarantine,
      F1Topics.telemetryAnomalies,
      F1Topics.lapsEnriched,
      F1Topics.lapStats,
      F1Topics.sessionStats,
      F1Topics.metricsCar1s,
      F1Topics.metricsCar10s,
    ]
    const read = new Map<string, TopicRecord[]>()
    for (const topic of outputs) read.set(topic.name, await readTopic(brokers, run.topic(topic.name)))
    for (const topic of outputs) expect(read.get(topic.name)!.length, topic.name).toBeGreaterThan(0)
    expect(simLaps.size).toBeGreaterThanOrEqual(race.cars)

    // clean samples: every race sample passed validation (the race is valid), none of the malformed ones
    const clean = read.get(F1Topics.telemetryClean.name)!
    expect(clean.length).toBeGreaterThan(run.inputRecords * 0.9)

    // quarantine: exactly the malformed records, unchanged, with reason and field headers
    const quarantined = read.get(F1Topics.telemetryQuarantine.name)!
    expect(quarantined.map((r) => r.headers['pitwall.reason']).sort()).toEqual([...reasons].sort())
    for (const r of quarantined) {
      expect(extra.some((e) => e.value === r.value && e.key === r.key)).toBe(true)
      expect(r.headers['pitwall.message']?.length).toBeGreaterThan(0)
    }
    expect(quarantined.find((r) => r.headers['pitwall.reason'] === 'out_of_range')?.headers['pitwall.field']).toBe(
      'throttle',
    )

    // lap tables: the enriched laps and the gold lap table agree with the simulator's own laps
    const enriched = latestBy<Lap & { driverNumber: number }>(
      read.get(F1Topics.lapsEnriched.name)!,
      (v, r) => `${r.key}:${v.lapNumber}`,
    )
    expect([...enriched.keys()].sort()).toEqual([...simLaps.keys()].sort())
    for (const [key, lap] of simLaps) {
      const e = enriched.get(key)!
      expect([e.lapDuration, e.sector1, e.sector2, e.sector3], key).toEqual([
        lap.lapDuration,
        lap.sector1,
        lap.sector2,
        lap.sector3,
      ])
    }
    const lapStats = latestBy<LapStats>(
      read.get(F1Topics.lapStats.name)!,
      (v) => `${v.sessionKey}:${v.carNumber}:${v.lapNumber}`,
    )
    const timed = [...lapStats].filter(([, s]) => s.lapTimeMs !== null)
    expect(timed.length).toBe(simLaps.size)
    for (const [key, stats] of timed) expect(stats.lapTimeMs, key).toBe(simLaps.get(key)!.lapDuration)
    const sessionStats = latestBy<SessionCarStats>(read.get(F1Topics.sessionStats.name)!, (_v, r) => r.key ?? '')
    expect(sessionStats.size).toBe(race.cars)
    for (const [car, stats] of sessionStats) {
      const own = [...simLaps].filter(([k]) => k.startsWith(`${car}:`)).map(([, lap]) => lap.lapDuration as number)
      expect(stats.laps, car).toBe(own.length)
      expect(stats.bestLap?.lapTimeMs, car).toBe(Math.min(...own))
    }

    // anomalies: precision and recall >= 0.95 for every injected type
    const anomalies = await brokerAnomalies(brokers, run.topic(F1Topics.telemetryAnomalies.name))
    const scores = scoreDetections(
      anomalies.map((a) => ({ key: `${a.sessionKey}:${a.carNumber}`, type: a.type, start: a.start, end: a.end })),
      run.truth,
    )
    for (const type of anomalyTypes) {
      expect(scores[type].truths, `${type} injected`).toBeGreaterThan(0)
      expect(scores[type].precision, `${type} precision`).toBeGreaterThanOrEqual(0.95)
      expect(scores[type].recall, `${type} recall`).toBeGreaterThanOrEqual(0.95)
    }
    console.log(
      `[f1-pipeline] ${run.inputRecords} records, produced in ${Math.round(run.produceMs)} ms, processed in ${Math.round(run.processMs)} ms; ${anomalies.length} anomalies`,
    )
  }, 240_000)
})
