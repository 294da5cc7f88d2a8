import { describe, expect, it } from 'vitest'
import {
  driverSchema,
  keyOf,
  type Lap,
  lapSchema,
  raceControlSchema,
  type SampleOf,
  sessionSchema,
  type TelemetrySample,
} from '../../topology/f1/model/index.ts'
import { F1Topics, rawRecordSchema } from '../../topology/f1/topics.ts'
import { gearBand } from './powertrain.ts'
import { runToEnd } from './test-support.ts'

const run = runToEnd({ seed: 11, cars: 6, laps: 4, retirements: 1, anomaliesPerType: 1 })
const raw = run.records.filter((r) => r.topic === F1Topics.telemetryRaw.name)
const samples = raw.map((r) => r.value as TelemetrySample)
const laps = run.records.filter((r) => r.topic === F1Topics.laps.name).map((r) => r.value as Lap)
const inAnomaly = (s: { carNumber: number; timestamp: number }) =>
  run.truth.some((g) => g.carNumber === s.carNumber && s.timestamp >= g.start - 1000 && s.timestamp <= g.end + 1000)

describe('simulator output', () => {
  it('is deterministic: same seed, same records byte for byte; another seed differs', () => {
    const a = runToEnd({ seed: 5, cars: 3, laps: 2 })
    const b = runToEnd({ seed: 5, cars: 3, laps: 2 })
    const c = runToEnd({ seed: 6, cars: 3, laps: 2 })
    expect(JSON.stringify(b.records)).toBe(JSON.stringify(a.records))
    expect(JSON.stringify(b.truth)).toBe(JSON.stringify(a.truth))
    expect(JSON.stringify(c.records)).not.toBe(JSON.stringify(a.records))
  }, 30_000)

  it('validates every record against the event model and keys it by session and car', () => {
    const schemas: Record<string, { safeParse(v: unknown): { success: boolean; error?: unknown } }> = {
      [F1Topics.telemetryRaw.name]: rawRecordSchema,
      [F1Topics.laps.name]: lapSchema,
      [F1Topics.drivers.name]: driverSchema,
      [F1Topics.sessions.name]: sessionSchema,
      [F1Topics.raceControl.name]: raceControlSchema,
    }
    const bad: string[] = []
    for (const r of run.records) {
      const schema = schemas[r.topic]
      if (!schema) bad.push(`unknown topic ${r.topic}`)
      const parsed = schema?.safeParse(r.value)
      if (parsed && !parsed.success) bad.push(`${r.topic}: ${JSON.stringify(r.value)}: ${String(parsed.error)}`)
      const v = r.value as { sessionKey: string; carNumber?: number; timestamp: number }
      const perSession = r.topic === F1Topics.sessions.name || r.topic === F1Topics.raceControl.name
      if (r.key !== (perSession ? v.sessionKey : keyOf(v.sessionKey, v.carNumber!))) bad.push(`key ${r.key}`)
      if (r.timestamp !== v.timestamp) bad.push(`timestamp ${r.timestamp}`)
    }
    expect(bad.slice(0, 5)).toEqual([])
  }, 60_000)

  it('opens with the session, the start and the drivers, and keeps the merged timeline in order', () => {
    expect(run.records[0]!.topic).toBe(F1Topics.sessions.name)
    const drivers = run.records.filter((r) => r.topic === F1Topics.drivers.name)
    expect(drivers.map((r) => (r.value as { nameAcronym: string }).nameAcronym)).toEqual([
      'NOR',
      'PIA',
      'LEC',
      'HAM',
      'RUS',
      'ANT',
    ])
    const last = run.records.at(-1)!.value as { end: number | null }
    expect(last.end).toBeGreaterThan(run.sim.config.startTime)
    for (let i = 1; i < run.records.length; i++) {
      if (run.records[i]!.timestamp < run.records[i - 1]!.timestamp) throw new Error(`out of order at ${i}`)
    }
  })

  it('emits each channel at its rate', () => {
    const expected: Record<string, number> = { position: 100, dynamics: 50, 'power-unit': 20, tyres: 200, aero: 100 }
    for (const [channel, period] of Object.entries(expected)) {
      const car = samples.filter((s) => s.channel === channel && s.carNumber === 4 && !inAnomaly(s))
      let gaps = 0
      for (let i = 1; i < car.length; i++) if (car[i]!.timestamp - car[i - 1]!.timestamp === period) gaps++
      expect(gaps / (car.length - 1), channel).toBeGreaterThan(0.99)
      const span = car.at(-1)!.timestamp - car[0]!.timestamp
      expect(car.length).toBeGreaterThan((span / period) * 0.95)
    }
  })

  it('drives plausibly: speeds 0..370 km/h, gears in their speed bands and rising with speed, braking into corners', () => {
    const dyn = samples.filter((s): s is SampleOf<'dynamics'> => s.channel === 'dynamics' && !inAnomaly(s))
    const bySpeed = new Map<number, number[]>()
    const bad: string[] = []
    for (const d of dyn) {
      if (d.speed < 0 || d.speed > 370) bad.push(`speed ${d.speed}`)
      if (d.gear === 0 && d.speed >= 30) bad.push(`neutral at ${d.speed} km/h`)
      else if (d.gear > 0 && d.speed >= 40) {
        const band = gearBand(d.gear)
        if (d.speed < band.min || d.speed > band.max) bad.push(`gear ${d.gear} at ${d.speed} km/h`)
      }
      if (!bySpeed.has(d.gear)) bySpeed.set(d.gear, [])
      bySpeed.get(d.gear)!.push(d.speed)
    }
    expect(bad.slice(0, 5)).toEqual([])
    const means = [1, 2, 3, 4, 5, 6, 7, 8].map((g) => {
      const xs = bySpeed.get(g) ?? []
      return xs.reduce((a, b) => a + b, 0) / xs.length
    })
    for (let g = 1; g < 8; g++) expect(means[g]).toBeGreaterThan(means[g - 1]!)
    // every hard braking under green, off the pit lap, is followed by cornering within 4 s
    const rc = run.records
      .filter((r) => r.topic === F1Topics.raceControl.name)
      .map((r) => r.value as { timestamp: number })
    const firstNeutralisation =
      rc.find((m) => (m as { safetyCar?: string }).safetyCar)?.timestamp ?? Number.POSITIVE_INFINITY
    const pitLaps = new Set(laps.filter((l) => l.pitIn).map((l) => `${l.carNumber}:${l.lapNumber}`))
    const car = dyn.filter(
      (d) => d.carNumber === 16 && d.timestamp < firstNeutralisation - 5000 && !pitLaps.has(`16:${d.lap}`),
    )
    expect(car.length).toBeGreaterThan(1000)
    for (let i = 0; i < car.length; i++) {
      if (car[i]!.brake < 0.6) continue
      const ahead = car.slice(i, i + 80)
      if (!ahead.some((d) => Math.abs(d.gLat ?? 0) > 1)) bad.push(`braking at ${car[i]!.timestamp} without a corner`)
    }
    expect(bad.slice(0, 5)).toEqual([])
  }, 30_000)

  it('reports laps whose sectors sum to the lap, chain in time, and run 80..95 s under green', () => {
    const rc = run.records
      .filter((r) => r.topic === F1Topics.raceControl.name)
      .map((r) => r.value as { message: string; timestamp: number })
    const deployed = rc.filter((m) => m.message.includes('DEPLOYED')).map((m) => m.timestamp)
    const cleared = rc.filter((m) => m.message === 'TRACK CLEAR').map((m) => m.timestamp)
    expect(deployed.length).toBeGreaterThan(0)
    const neutralised = (a: number, b: number) =>
      deployed.some((d, i) => d <= b && (cleared[i] ?? Number.POSITIVE_INFINITY) >= a)
    for (const lap of laps) {
      expect(lap.sector1! + lap.sector2! + lap.sector3!).toBe(lap.lapDuration)
      const next = laps.find((l) => l.carNumber === lap.carNumber && l.lapNumber === lap.lapNumber + 1)
      if (next) expect(next.lapStart).toBe(lap.lapStart! + lap.lapDuration!)
      if (
        lap.lapNumber > 1 &&
        !lap.pitIn &&
        !lap.pitOut &&
        !neutralised(lap.lapStart!, lap.lapStart! + lap.lapDuration!)
      ) {
        expect(lap.lapDuration! / 1000).toBeGreaterThan(80)
        expect(lap.lapDuration! / 1000).toBeLessThan(95)
        expect(lap.speedTrap).toBeGreaterThan(290)
      }
    }
    const clear = runToEnd({ seed: 12, cars: 4, laps: 4, safetyCar: false, retirements: 0, pitStops: false })
    const greenLaps = clear.records.filter((r) => r.topic === F1Topics.laps.name).map((r) => r.value as Lap)
    expect(greenLaps).toHaveLength(16)
    for (const lap of greenLaps.filter((l) => l.lapNumber > 1)) {
      expect(lap.lapDuration! / 1000).toBeGreaterThan(80)
      expect(lap.lapDuration! / 1000).toBeLessThan(95)
    }
    // the line crossing is where the position channel puts the car
    const pos = samples.filter((s): s is SampleOf<'position'> => s.channel === 'position')
    const line = pos.find((p) => p.lap === 2)!
    for (const lap of laps.filter((l) => !l.pitIn)) {
      const end = lap.lapStart! + lap.lapDuration!
      const near = pos.find((p) => p.carNumber === lap.carNumber && Math.abs(p.timestamp - end) <= 50)
      if (near) expect(Math.hypot(near.x - line.x, near.y - line.y)).toBeLessThan(150)
    }
  })

  it('has positions per lap, pit stops with tyre changes, a retirement and falling fuel', () => {
    for (let n = 1; n <= 4; n++) {
      const ps = laps.filter((l) => l.lapNumber === n).map((l) => l.position)
      expect(ps).toEqual(ps.map((_, i) => i + 1))
    }
    const pitIn = laps.filter((l) => l.pitIn)
    expect(pitIn.length).toBeGreaterThan(0)
    for (const l of pitIn) {
      const tyres = samples.filter(
        (s): s is SampleOf<'tyres'> =>
          s.channel === 'tyres' && s.carNumber === l.carNumber && s.lap === l.lapNumber + 1,
      )
      expect(tyres[0]!.ageLaps).toBe(0)
      expect(laps.find((x) => x.carNumber === l.carNumber && x.lapNumber === l.lapNumber + 1)?.pitOut ?? true).toBe(
        true,
      )
    }
    const retired = samples.filter((s) => s.channel === 'system' && s.state === 'retired')
    expect(retired).toHaveLength(1)
    const after = samples.filter((s) => s.carNumber === retired[0]!.carNumber && s.timestamp > retired[0]!.timestamp)
    expect(after).toHaveLength(0)
    const fuel = samples.filter((s): s is SampleOf<'power-unit'> => s.channel === 'power-unit' && s.carNumber === 4)
    expect(fuel.at(-1)!.fuel!).toBeLessThan(fuel[0]!.fuel! - 4)
  })

  it('supports 50 cars', () => {
    const big = runToEnd({ seed: 3, cars: 50, laps: 1, anomaliesPerType: 0, retirements: 0 })
    const keys = new Set(big.records.filter((r) => r.topic === F1Topics.telemetryRaw.name).map((r) => r.key))
    expect(keys.size).toBe(50)
    expect(big.records.filter((r) => r.topic === F1Topics.laps.name)).toHaveLength(50)
    for (let i = 0; i < big.records.length; i += 97) {
      const r = big.records[i]!
      if (r.topic === F1Topics.telemetryRaw.name) expect(rawRecordSchema.safeParse(r.value).success).toBe(true)
      if (r.topic === F1Topics.drivers.name) expect(driverSchema.safeParse(r.value).success).toBe(true)
    }
  }, 60_000)
})
