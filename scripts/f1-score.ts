/**
 * @module
 * Scores the F1 anomaly detection: runs a simulated race (20 cars by default) as fast as possible
 * through the whole F1 topology and prints precision and recall per anomaly type against the
 * simulator's ground truth, as JSON. Exits 1 when a type scores below 0.95.
 * - default: in the TopologyTestDriver (no broker).
 * - `--broker`: through the real broker (PITWALL_BROKERS or `--brokers`, else the local one, started
 *   if needed): prefixed F1 topics of its own, one in-process worker under exactly_once_v2, the
 *   detected anomalies read back with kafkajs in read_committed mode. It also checks the race's
 *   outputs (scripts/f1/race-checks.ts): every output topic populated, every simulated sample clean
 *   exactly once, the lap tables equal to the simulator's own lap times; a failed check exits 1 too.
 * `node scripts/f1-score.ts [--broker] [--cars 20] [--laps 55] [--seed 1] [--per-type 3] [--partitions 6] [--stores leveldb|memory]`
 */
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { scoreDetections } from '../connectors/simulator/scoring.ts'
import { F1AnomalyTypes } from '../topology/f1/pipeline/anomalies/anomaly.ts'
import { driveRace } from '../topology/f1/pipeline/testing/race-driver.ts'
import { ensureBroker } from './broker.ts'
import { brokerAnomalies } from './f1/anomaly-records.ts'
import { runBrokerRace } from './f1/broker-race.ts'
import { warningsOnly } from './f1/quiet-logger.ts'
import { checkRace, type RaceCheck, RaceRecorder } from './f1/race-checks.ts'
import { deleteF1Run } from './f1/topic-setup.ts'

const { values } = parseArgs({
  options: {
    broker: { type: 'boolean', default: false },
    brokers: { type: 'string' },
    cars: { type: 'string', default: '20' },
    laps: { type: 'string', default: '55' },
    seed: { type: 'string', default: '1' },
    'per-type': { type: 'string', default: '3' },
    partitions: { type: 'string', default: '6' },
    keep: { type: 'boolean', default: false },
    stores: { type: 'string', default: 'leveldb' },
  },
})
const race = { seed: Number(values.seed), cars: Number(values.cars), laps: Number(values.laps) }
const anomaliesPerType = Number(values['per-type'])

async function scoreInDriver() {
  const driven = await driveRace({ ...race, anomaliesPerType })
  await driven.driver.close()
  return {
    runner: 'topology-test-driver',
    inputRecords: driven.inputRecords,
    elapsedMs: Math.round(driven.elapsedMs),
    eventsPerSecond: Math.round((driven.inputRecords / driven.elapsedMs) * 1000),
    checks: [] as RaceCheck[],
    anomalies: driven.anomalies,
    truth: driven.truth,
  }
}

async function scoreOnBroker() {
  const brokers =
    values.brokers?.split(',') ?? process.env.PITWALL_BROKERS?.split(',') ?? (await ensureBroker()).brokers
  const id = `f1-score-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`
  const prefix = `${id}.`
  const recorder = new RaceRecorder()
  try {
    const run = await runBrokerRace({
      brokers,
      race: { ...race, anomaliesPerType },
      prefix,
      applicationId: id,
      carPartitions: Number(values.partitions),
      logger: warningsOnly('[worker]'),
      f1Config: { stores: { type: values.stores === 'memory' ? 'memory' : 'leveldb' } },
      onRecord: (record) => recorder.add(record),
      timeoutMs: 3_600_000,
    })
    const checked = await checkRace(brokers, run.topic, recorder)
    const anomalies = await brokerAnomalies(brokers, run.topic('f1.telemetry.anomalies'))
    return {
      runner: 'broker (PitwallStreams exactly_once_v2, 1 worker)',
      brokers,
      inputRecords: run.inputRecords,
      produceMs: Math.round(run.produceMs),
      elapsedMs: Math.round(run.processMs),
      eventsPerSecond: Math.round((run.inputRecords / run.processMs) * 1000),
      stores: values.stores,
      simulatedLaps: recorder.laps.size,
      outputs: checked.counts,
      checks: checked.checks,
      anomalies,
      truth: run.truth,
    }
  } finally {
    if (!values.keep) await deleteF1Run(brokers, prefix, id)
  }
}

const { anomalies, truth, ...run } = values.broker ? await scoreOnBroker() : await scoreInDriver()
const detections = anomalies.map((a) => ({
  key: `${a.sessionKey}:${a.carNumber}`,
  type: a.type,
  start: a.start,
  end: a.end,
}))
const scores = scoreDetections(detections, truth)
const failing = F1AnomalyTypes.filter((t) => scores[t].precision < 0.95 || scores[t].recall < 0.95)
const failedChecks = run.checks.filter((c) => !c.pass)
const summary = { ...run, ...race, anomaliesPerType, scores, pass: failing.length === 0 && failedChecks.length === 0 }
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
if (!summary.pass) process.exit(1)
