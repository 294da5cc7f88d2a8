import { afterAll, describe, expect, it } from 'vitest'
import { scoreDetections } from '../../../connectors/simulator/scoring.ts'
import { F1AnomalyTypes } from './anomalies/anomaly.ts'
import { type DrivenRace, driveRace } from './testing/race-driver.ts'

let race: DrivenRace | undefined

afterAll(async () => {
  await race?.driver.close()
})

describe('anomaly detection on a simulated race', () => {
  it('scores precision and recall >= 0.95 for every anomaly type', async () => {
    race = await driveRace({ seed: 1, cars: 4, laps: 4, anomaliesPerType: 2 })
    const detections = race.anomalies.map((a) => ({
      key: `${a.sessionKey}:${a.carNumber}`,
      type: a.type,
      start: a.start,
      end: a.end,
    }))
    const scores = scoreDetections(detections, race.truth)
    for (const type of F1AnomalyTypes) {
      expect(scores[type].truths, type).toBeGreaterThan(0)
      expect(scores[type].precision, `${type} precision`).toBeGreaterThanOrEqual(0.95)
      expect(scores[type].recall, `${type} recall`).toBeGreaterThanOrEqual(0.95)
    }
  }, 300_000)
})
