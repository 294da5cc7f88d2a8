import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Serdes } from '../../serdes.ts'
import { TopologyTestDriver } from '../../test-driver/index.ts'
import { F1Topics } from '../topics.ts'
import type { CarWindowMetrics } from './car-metrics.ts'
import { F1Stores } from './store-names.ts'
import { CAR44, dynamics, powerUnit } from './testing/samples.ts'
import { buildF1Topology } from './topology.ts'

const enc = new TextEncoder()
const CAR16 = CAR44.replace(':44', ':16')
const stateDir = mkdtempSync(join(tmpdir(), 'f1-car-seconds-'))

afterAll(() => rmSync(stateDir, { recursive: true, force: true }))

function open(commitEvery: number) {
  // LevelDB stores in a shared state dir: the second driver reopens what the first one wrote
  const driver = new TopologyTestDriver(buildF1Topology(), { stateDir, commitEvery })
  const raw = driver.createInputTopic(F1Topics.telemetryRaw.name, Serdes.string(), Serdes.bytes())
  const out = driver.createOutputTopic(F1Topics.metricsCar1s.name, Serdes.string(), Serdes.json<CarWindowMetrics>())
  const pipe = (key: string, sample: object & { timestamp: number }) =>
    raw.pipeInput(key, enc.encode(JSON.stringify(sample)), sample.timestamp)
  return { driver, out, pipe }
}

const car16 = (t: number) => ({ ...dynamics(t), carNumber: 16 })
const summary = (v: CarWindowMetrics) => [v.carNumber, v.windowStart, v.samples]

describe('1 s car metrics', () => {
  it('forwards each window once when stream time passes its end, in window order, across a restart', async () => {
    const a = open(3)
    await a.pipe(CAR44, dynamics(0, { speed: 100 }))
    await a.pipe(CAR16, car16(100))
    await a.pipe(CAR44, powerUnit(500, { rpm: 11_000 }))
    await a.pipe(CAR44, dynamics(1_200, { speed: 200 }))
    const first = a.out.readValuesToList()
    expect(first.map(summary)).toEqual([
      [44, 0, 2],
      [16, 0, 1],
    ])
    expect(first[0]).toMatchObject({ speed: { avg: 100, n: 1 }, rpm: { avg: 11_000, n: 1 } })
    await a.pipe(CAR16, car16(1_700))
    await a.driver.close()

    const b = open(1)
    const store = await b.driver.getWindowStore<string, { value: { samples: number } }>(F1Stores.carMetrics1s)
    await b.pipe(CAR44, dynamics(1_900))
    expect((await store.fetch(CAR44, 1_000))?.value.samples).toBe(2)
    expect(b.out.isEmpty()).toBe(true)
    await b.pipe(CAR44, dynamics(2_000))
    expect(b.out.readValuesToList().map(summary)).toEqual([
      [44, 1_000, 2],
      [16, 1_000, 1],
    ])
    await b.pipe(CAR16, car16(1_999))
    expect(b.out.isEmpty()).toBe(true)
    expect(b.driver.metrics().get('f1-car-metrics-1s-aggregate.dropped-records')).toBe(1)
    await b.driver.close()
  })
})
