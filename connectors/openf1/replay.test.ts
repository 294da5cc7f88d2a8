import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Lap, RaceControl } from '../../topology/f1/model/index.ts'
import { type F1Record, validateRawRecord } from '../../topology/f1/topics.ts'
import { parseEndpoint } from './load.ts'
import { OpenF1Replay } from './replay.ts'

const dump = join(import.meta.dirname, '../../test/fixtures/openf1/singapore-2023-race')

async function all(replay: OpenF1Replay): Promise<F1Record[]> {
  const out: F1Record[] = []
  for await (const r of replay) out.push(r)
  return out
}

describe('OpenF1Replay', () => {
  it('replays a dump with nulls and a truncated file as keyed records, reporting what it skipped', async () => {
    const replay = new OpenF1Replay(dump, { speed: Number.POSITIVE_INFINITY })
    const records = await all(replay)
    const report = replay.report
    expect(report.endpoints.car_data).toMatchObject({ truncated: true, bad: 1, rows: 17 })
    expect(report.endpoints.car_data!.reasons[0]).toContain('date')
    expect(report.endpoints.laps).toMatchObject({ truncated: false, bad: 0, rows: 5 })
    expect(report.incomplete).toBe(2) // the all-null car_data row: no dynamics, no power unit
    expect(report.invalid).toBe(0)
    expect(report.records).toBe(records.length)

    // event-time order, sessions and drivers first
    const times = records.map((r) => r.timestamp)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(records[0]!.topic).toBe('f1.sessions')
    expect(records[0]!.value).toMatchObject({
      sessionKey: '9165',
      type: 'race',
      circuit: 'Singapore',
      country: 'Singapore',
    })

    const drivers = records.filter((r) => r.topic === 'f1.drivers')
    expect(drivers.map((r) => r.key)).toEqual(['9165:55', '9165:1', '9165:2'])
    expect(drivers[1]!.value).toMatchObject({ nameAcronym: 'VER', teamColour: '#3671C6', teamName: 'Red Bull Racing' })
    expect(drivers[2]!.value).toMatchObject({ nameAcronym: 'SAR', teamColour: null, teamName: null })

    const telemetry = records.filter((r) => r.topic === 'f1.telemetry.raw')
    for (const r of telemetry) expect(validateRawRecord(r.value)).toMatchObject({ ok: true })
    const dyn = telemetry.map(
      (r) => r.value as { channel: string; carNumber: number; throttle?: number; brake?: number },
    )
    expect(dyn.find((s) => s.channel === 'dynamics' && s.carNumber === 55)).toMatchObject({ throttle: 1, brake: 0 })
    expect(dyn.filter((s) => s.channel === 'position')).toHaveLength(4)
    expect(dyn.some((s) => s.channel === 'aero' && (s as { drsOpen?: boolean }).drsOpen)).toBe(true)
  })

  it('enriches laps with position, gaps, pit and tyre, in ms', async () => {
    const records = await all(new OpenF1Replay(dump, { speed: Number.POSITIVE_INFINITY }))
    const laps = records.filter((r) => r.topic === 'f1.laps').map((r) => r.value as Lap)
    const ver2 = laps.find((l) => l.carNumber === 1 && l.lapNumber === 2)!
    expect(ver2).toMatchObject({
      lapDuration: 101_215,
      sector1: 29_512,
      speedTrap: 288,
      position: 9,
      pitIn: true,
      pitOut: false,
      compound: 'hard',
      tyreAge: 4,
      gapToLeader: 14.2,
      interval: 1.1,
    })
    expect(ver2.lapStart).toBe(Date.parse('2023-09-17T12:01:53.900+00:00'))
    const ver3 = laps.find((l) => l.carNumber === 1 && l.lapNumber === 3)!
    expect(ver3).toMatchObject({ pitOut: true, lapDuration: null, compound: 'medium', tyreAge: 0 })
    const sai1 = laps.find((l) => l.carNumber === 55 && l.lapNumber === 1)!
    expect(sai1).toMatchObject({ lapStart: null, lapDuration: null, sector1: null, sector2: 41_200 })
  })

  it('maps race control flags, scopes and the virtual safety car', async () => {
    const records = await all(new OpenF1Replay(dump, { speed: Number.POSITIVE_INFINITY }))
    const rc = records.filter((r) => r.topic === 'f1.race-control').map((r) => r.value as RaceControl)
    expect(rc.map((m) => [m.category, m.flag, m.scope, m.sector, m.safetyCar, m.carNumber])).toEqual([
      ['flag', 'green', 'track', null, null, null],
      ['flag', 'double-yellow', 'sector', 7, null, null],
      ['safety-car', null, 'track', null, 'vsc', null],
      ['safety-car', null, 'track', null, 'vsc-ending', null],
      ['car-event', null, 'driver', null, null, 1],
      ['flag', 'blue', 'driver', null, null, 2],
    ])
    expect(records.filter((r) => r.topic === 'f1.race-control').every((r) => r.key === '9165')).toBe(true)
  })

  it('keeps the original pacing, accelerated by the speed factor', async () => {
    // the dump spans 12:00:00 .. ~12:03:35 (215 s): at x2000 that is ~108 ms
    const started = Date.now()
    await all(new OpenF1Replay(dump, { speed: 2000 }))
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(100)
    expect(elapsed).toBeLessThan(2000)
  })

  it('stops when closed', async () => {
    const replay = new OpenF1Replay(dump, { speed: 1 })
    const seen: F1Record[] = []
    setTimeout(() => replay.close(), 50)
    for await (const r of replay) seen.push(r)
    expect(seen.length).toBeGreaterThan(0) // the undated rows and the first dated ones
    expect(seen.length).toBeLessThan(10)
  })

  it('survives a missing folder, non-array files and garbage rows', async () => {
    const replay = new OpenF1Replay(join(dump, 'nope'), { speed: Number.POSITIVE_INFINITY })
    expect(await all(replay)).toEqual([])
    expect(parseEndpoint('laps', '{"detail":"No results found."}').report.error).toContain('not an array')
    const garbage = parseEndpoint(
      'drivers',
      '[1, "x", null, {"driver_number": "one"}, {"session_key": 1, "driver_number": 4}]',
    )
    expect(garbage.report).toMatchObject({ rows: 1, bad: 4 })
    expect(garbage.report.reasons).toHaveLength(4)
  })
})
