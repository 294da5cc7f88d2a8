import { describe, expect, it } from 'vitest'
import type { SampleOf, TelemetrySample } from '../../topology/f1/model/index.ts'
import { F1Topics } from '../../topology/f1/topics.ts'
import { anomalyTypes, detectionThresholds as th } from './anomaly-types.ts'
import { ReferenceDetector } from './reference-detector.ts'
import { scoreDetections } from './scoring.ts'
import { runToEnd } from './test-support.ts'

const run = runToEnd({ seed: 21, cars: 20, laps: 7, anomaliesPerType: 2 })
const raw = run.records.filter((r) => r.topic === F1Topics.telemetryRaw.name)

describe('anomaly injection', () => {
  it('injects every type with a complete ground truth record', () => {
    for (const type of anomalyTypes)
      expect(run.truth.filter((g) => g.type === type).length, type).toBeGreaterThanOrEqual(1)
    for (const g of run.truth) {
      expect(g.end).toBeGreaterThan(g.start)
      expect(g.key).toBe(`${g.sessionKey}:${g.carNumber}`)
      expect(g.expect.length).toBeGreaterThan(10)
      if (g.type !== 'sensor_dropout') expect(Object.keys(g.observed).length, g.id).toBeGreaterThan(0)
      if (g.type === 'overheating') expect(['engine', 'brakes', 'tyres']).toContain(g.component)
      if (g.type === 'ers_fault') expect(['deploy_without_store', 'store_not_charging']).toContain(g.variant)
    }
  })

  it('shows each anomaly in the data for its window: the evidence crosses the thresholds', () => {
    for (const g of run.truth) {
      const inside = raw
        .filter((r) => r.key === g.key && r.timestamp >= g.start && r.timestamp <= g.end)
        .map((r) => r.value as TelemetrySample)
      const ch = inside.filter((s) => s.channel === g.channel)
      if (g.type === 'sensor_dropout') {
        expect(ch, g.id).toHaveLength(0)
        continue
      }
      expect(ch.length, g.id).toBeGreaterThan(0)
      if (g.type === 'tyre_pressure_loss') {
        for (const s of ch as SampleOf<'tyres'>[])
          expect(s[g.corner!].pressure).toBeLessThan(th.tyrePressureLoss.minPressurePsi + 1)
      }
      if (g.type === 'overheating' && g.component === 'engine') {
        for (const s of ch as SampleOf<'power-unit'>[])
          expect(s.waterTemp!).toBeGreaterThan(th.overheating.engine.waterTemp)
      }
      if (g.type === 'stuck_sensor') {
        const [corner, field] = g.fields[0]!.includes('.') ? g.fields[0]!.split('.') : [undefined, g.fields[0]!]
        const values = ch.map((s) => (corner ? (s as any)[corner][field!] : (s as any)[field!]))
        expect(new Set(values).size, g.id).toBe(1)
      }
    }
  })

  it('is separable from normal driving: the reference detector scores >= 0.95 precision and recall per type', () => {
    const detector = new ReferenceDetector()
    for (const r of raw) detector.add(r.key, r.value as TelemetrySample)
    const scores = scoreDetections(detector.finish(), run.truth)
    for (const type of anomalyTypes) {
      expect(scores[type].precision, `${type} precision`).toBeGreaterThanOrEqual(0.95)
      expect(scores[type].recall, `${type} recall`).toBeGreaterThanOrEqual(0.95)
    }
  })

  it('has no anomaly signature in a clean race', () => {
    const clean = runToEnd({ seed: 22, cars: 6, laps: 3, anomaliesPerType: 0, retirements: 1 })
    expect(clean.truth).toHaveLength(0)
    const detector = new ReferenceDetector()
    for (const r of clean.records)
      if (r.topic === F1Topics.telemetryRaw.name) detector.add(r.key, r.value as TelemetrySample)
    expect(detector.finish()).toEqual([])
  })
})
