import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Serdes } from '../../serdes.ts'
import { TopologyTestDriver } from '../../test-driver/index.ts'
import { F1Topics } from '../topics.ts'
import type { CarWindowMetrics } from './car-metrics.ts'
import type { EnrichedLap } from './enriched-lap.ts'
import type { LapStats } from './lap-stats.ts'
import type { SessionCarStats } from './session-stats.ts'
import { F1Stores } from './store-names.ts'
import { CAR44, driver as driverRecord, dynamics, lap, raceControl, SESSION } from './testing/samples.ts'
import { buildF1Topology } from './topology.ts'

// Four 90 s laps of car 44; a dynamics sample every 250 ms cycling speed 100/150/200/250 km/h,
// throttle 0/1, brake 0.5 on every fourth sample, gear alternating 3/4 (a shift every sample).
// Race control: yellow at 100 s, SC at 150 s, green at 250 s.
const LAP_MS = 90_000
const enc = new TextEncoder()
let driver: TopologyTestDriver

beforeAll(async () => {
  driver = new TopologyTestDriver(buildF1Topology({ stores: { type: 'memory' } }))
  const raw = driver.createInputTopic(F1Topics.telemetryRaw.name, Serdes.string(), Serdes.bytes())
  const laps = driver.createInputTopic(F1Topics.laps.name, Serdes.string(), Serdes.json())
  const drivers = driver.createInputTopic(F1Topics.drivers.name, Serdes.string(), Serdes.json())
  const rc = driver.createInputTopic(F1Topics.raceControl.name, Serdes.string(), Serdes.json())
  await drivers.pipeInput(CAR44, driverRecord(), 0)
  const messages = [
    raceControl(0, { flag: 'green' }),
    raceControl(100_000, { flag: 'yellow', scope: 'sector', sector: 2 }),
    raceControl(150_000, { category: 'safety-car', safetyCar: 'sc' }),
    raceControl(250_000, { flag: 'green' }),
  ]
  let next = 0
  for (let i = 0; i < (4 * LAP_MS) / 250; i++) {
    const t = i * 250
    while (next < messages.length && messages[next]!.timestamp <= t) {
      await rc.pipeInput(SESSION, messages[next]!, messages[next]!.timestamp)
      next++
    }
    if (t > 0 && t % LAP_MS === 0) await laps.pipeInput(CAR44, lap(t / LAP_MS, t - LAP_MS, LAP_MS), t)
    const s = dynamics(t, {
      speed: 100 + (i % 4) * 50,
      throttle: i % 2,
      brake: i % 4 === 0 ? 0.5 : 0,
      gear: 3 + (i % 2),
    })
    await raw.pipeInput(CAR44, enc.encode(JSON.stringify(s)), t)
  }
  await laps.pipeInput(CAR44, lap(4, 3 * LAP_MS, LAP_MS), 4 * LAP_MS)
})

afterAll(async () => {
  await driver.close()
})

describe('lap joins', () => {
  it('enriches laps with the driver and the flags they ran under (f1.laps.enriched)', () => {
    const out = driver.createOutputTopic(F1Topics.lapsEnriched.name, Serdes.string(), Serdes.json<EnrichedLap>())
    const records = out.readKeyValuesToList()
    expect(records.map((r) => r.key)).toEqual([CAR44, CAR44, CAR44, CAR44])
    expect(records[1]!.value).toEqual({
      sessionKey: SESSION,
      driverNumber: 44,
      lapNumber: 2,
      lapStart: 90_000,
      lapDuration: 90_000,
      sector1: 30_000,
      sector2: 30_000,
      sector3: 30_000,
      speedTrap: 310,
      position: 1,
      pitIn: false,
      pitOut: false,
      nameAcronym: 'HAM',
      fullName: 'Lewis Hamilton',
      teamName: 'Ferrari',
      teamColour: '#E8002D',
      flags: { yellow: true, safetyCar: true, virtualSafetyCar: false, red: false },
    })
    expect(records.map((r) => r.value.flags)).toEqual([
      { yellow: false, safetyCar: false, virtualSafetyCar: false, red: false },
      { yellow: true, safetyCar: true, virtualSafetyCar: false, red: false },
      { yellow: true, safetyCar: true, virtualSafetyCar: false, red: false },
      { yellow: false, safetyCar: false, virtualSafetyCar: false, red: false },
    ])
  })

  it('keeps the lap table: the lap in progress and its sector boundaries', async () => {
    const store = await driver.getKeyValueStore<string, unknown>(F1Stores.lapPosition)
    expect(await store.get(CAR44)).toEqual({
      lap: 5,
      lapStart: 360_000,
      sectorEnds: [30_000, 60_000],
    })
  })
})

describe('gold tables', () => {
  it('writes per-lap stats from the tagged samples and the lap record', async () => {
    const store = await driver.getKeyValueStore<string, LapStats>(F1Stores.lapStats)
    expect(await store.get(`${CAR44}:2`)).toEqual({
      sessionKey: SESSION,
      carNumber: 44,
      lapNumber: 2,
      lapStart: 90_000,
      lapTimeMs: 90_000,
      sectorTimesMs: [30_000, 30_000, 30_000],
      topSpeedKmh: 250,
      avgSpeedKmh: 175,
      fullThrottlePct: 50,
      brakingPct: 25,
      gearShifts: 359,
      maxBrakeTempC: null,
      maxTyreSurfaceTempC: null,
      maxTyreInnerTempC: null,
      samples: 360,
      pitIn: false,
      pitOut: false,
    })
    const topic = driver.createOutputTopic(F1Topics.lapStats.name, Serdes.string(), Serdes.json<LapStats>())
    expect(topic.readValuesToList().map((s) => [s.lapNumber, s.samples])).toEqual([
      [1, 360],
      [2, 360],
      [3, 360],
      [4, 360],
    ])
  })

  it('keeps the session table per car: laps, best lap, sector bests, anomaly counts', async () => {
    const store = await driver.getKeyValueStore<string, SessionCarStats>(F1Stores.sessionStats)
    expect(await store.get(CAR44)).toEqual({
      sessionKey: SESSION,
      carNumber: 44,
      laps: 4,
      lastLap: 4,
      bestLap: { lapNumber: 1, lapTimeMs: 90_000 },
      sectorBestsMs: [30_000, 30_000, 30_000],
      totalTimeMs: 360_000,
      topSpeedKmh: 250,
      // speeds up to 250 km/h in gears 3 and 4 are outside their bands: one sustained anomaly
      anomalies: { gear_inconsistency: 1 },
    })
  })
})

describe('windowed car metrics', () => {
  it('publishes final 1 s windows once each, after they close', () => {
    const out = driver.createOutputTopic(F1Topics.metricsCar1s.name, Serdes.string(), Serdes.json<CarWindowMetrics>())
    const values = out.readValuesToList()
    expect(values).toHaveLength(359)
    expect(new Set(values.map((v) => v.windowStart)).size).toBe(359)
    expect(values[0]).toEqual({
      sessionKey: SESSION,
      carNumber: 44,
      windowStart: 0,
      windowEnd: 1_000,
      samples: 4,
      speed: { avg: 175, min: 100, max: 250, n: 4 },
      rpm: null,
      throttle: { avg: 0.5, min: 0, max: 1, n: 4 },
      brake: { avg: 0.125, min: 0, max: 0.5, n: 4 },
    })
  })

  it('publishes final 10 s hopping windows advancing by 1 s', () => {
    const out = driver.createOutputTopic(F1Topics.metricsCar10s.name, Serdes.string(), Serdes.json<CarWindowMetrics>())
    const values = out.readValuesToList()
    const full = values.find((v) => v.windowStart === 10_000)!
    expect(full).toMatchObject({ windowEnd: 20_000, samples: 40, speed: { avg: 175, min: 100, max: 250, n: 40 } })
    const starts = values.map((v) => v.windowStart).filter((s) => s >= 0)
    expect(starts.slice(0, 12)).toEqual(starts.slice(0, 12).map((_, i) => starts[0]! + i * 1_000))
    expect(new Set(starts).size).toBe(starts.length)
  })

  it('keeps a sliding-window view for the dashboard', async () => {
    const store = await driver.getWindowStore<string, { value: { samples: number } }>(F1Stores.carMetricsSliding)
    let windows = 0
    for await (const row of store.fetchRange(CAR44, 300_000, 360_000)) {
      expect(row.value.value.samples).toBeGreaterThan(0)
      expect(row.value.value.samples).toBeLessThanOrEqual(24)
      windows++
    }
    expect(windows).toBeGreaterThan(0)
  })
})
