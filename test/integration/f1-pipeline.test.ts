import { afterAll, describe, expect, it } from 'vitest'
import { anomalyTypes } from '../../connectors/simulator/anomaly-types.ts'
import { scoreDetections } from '../../connectors/simulator/scoring.ts'
import { brokerAnomalies } from '../../scripts/f1/anomaly-records.ts'
import { runBrokerRace } from '../../scripts/f1/broker-race.ts'
import { warningsOnly } from '../../scripts/f1/quiet-logger.ts'
import { checkRace, RaceRecorder } from '../../scripts/f1/race-checks.ts'
import { readTopic } from '../../scripts/f1/read-topic.ts'
import { deleteF1Run } from '../../scripts/f1/topic-setup.ts'
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

describe('the F1 pipeline on the real broker', () => {
  it('runs a simulated race through one exactly-once worker: every output, lap tables, anomalies, quarantine', async () => {
    const brokers = testBrokers()
    const recorder = new RaceRecorder()
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
        recorder.add(record)
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

    // every output populated, every race sample clean once, lap tables equal the simulator's laps
    const { checks } = await checkRace(brokers, run.topic, recorder)
    for (const c of checks) expect(c.pass, `${c.name}: ${c.detail}`).toBe(true)
    expect(recorder.laps.size).toBeGreaterThanOrEqual(race.cars)

    // quarantine: exactly the malformed records, unchanged, with reason and field headers
    const quarantined = await readTopic(brokers, run.topic(F1Topics.telemetryQuarantine.name))
    expect(quarantined.map((r) => r.headers['pitwall.reason']).sort()).toEqual([...reasons].sort())
    for (const r of quarantined) {
      expect(extra.some((e) => e.value === r.value && e.key === r.key)).toBe(true)
      expect(r.headers['pitwall.message']?.length).toBeGreaterThan(0)
    }
    expect(quarantined.find((r) => r.headers['pitwall.reason'] === 'out_of_range')?.headers['pitwall.field']).toBe(
      'throttle',
    )

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
