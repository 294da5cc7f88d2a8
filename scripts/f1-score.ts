/**
 * @module
 * Scores the F1 anomaly detection: runs a simulated race (20 cars by default) as fast as possible
 * through the whole F1 topology in the TopologyTestDriver and prints precision and recall per
 * anomaly type against the simulator's ground truth, as JSON. Exits 1 when a type scores below
 * 0.95. `node scripts/f1-score.ts [--cars 20] [--laps 10] [--seed 1] [--per-type 3]`.
 */
import { parseArgs } from 'node:util'
import { scoreDetections } from '../connectors/simulator/scoring.ts'
import { F1AnomalyTypes } from '../topology/f1/pipeline/anomalies/anomaly.ts'
import { driveRace } from '../topology/f1/pipeline/testing/race-driver.ts'

const { values } = parseArgs({
  options: {
    cars: { type: 'string', default: '20' },
    laps: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    'per-type': { type: 'string', default: '3' },
  },
})
const race = await driveRace({
  seed: Number(values.seed),
  cars: Number(values.cars),
  laps: Number(values.laps),
  anomaliesPerType: Number(values['per-type']),
})
const detections = race.anomalies.map((a) => ({
  key: `${a.sessionKey}:${a.carNumber}`,
  type: a.type,
  start: a.start,
  end: a.end,
}))
const scores = scoreDetections(detections, race.truth)
await race.driver.close()
const failing = F1AnomalyTypes.filter((t) => scores[t].precision < 0.95 || scores[t].recall < 0.95)
const summary = {
  runner: 'topology-test-driver',
  cars: Number(values.cars),
  laps: Number(values.laps),
  seed: Number(values.seed),
  inputRecords: race.inputRecords,
  elapsedMs: Math.round(race.elapsedMs),
  eventsPerSecond: Math.round((race.inputRecords / race.elapsedMs) * 1000),
  scores,
  pass: failing.length === 0,
}
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
if (failing.length > 0) process.exit(1)
