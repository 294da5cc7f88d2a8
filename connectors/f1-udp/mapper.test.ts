import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { driverSchema, lapSchema, raceControlSchema, sessionSchema } from '../../topology/f1/model/index.ts'
import { type F1Record, validateRawRecord } from '../../topology/f1/topics.ts'
import { decodePacket } from './decode.ts'
import { udpFixtures } from './fixture-path.ts'
import { UdpEventMapper } from './mapper.ts'

interface Capture {
  time: string
  message: number[] | { data: number[] }
}

function captures(year: string): { bytes: Uint8Array; at: number }[] {
  return readFileSync(join(udpFixtures, `${year}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Capture)
    .map((c) => ({
      bytes: Uint8Array.from(Array.isArray(c.message) ? c.message : c.message.data),
      at: Date.parse(c.time),
    }))
    .sort((a, b) => a.at - b.at)
}

const schemas: Record<string, { safeParse(v: unknown): { success: boolean; error?: unknown } }> = {
  'f1.laps': lapSchema,
  'f1.drivers': driverSchema,
  'f1.sessions': sessionSchema,
  'f1.race-control': raceControlSchema,
}

function expectValid(records: F1Record[]): void {
  for (const r of records) {
    if (r.topic === 'f1.telemetry.raw') {
      const v = validateRawRecord(r.value)
      expect(v.ok, JSON.stringify(v)).toBe(true)
    } else {
      const parsed = schemas[r.topic]!.safeParse(r.value)
      expect(parsed.success, `${r.topic}: ${JSON.stringify(parsed.error)}`).toBe(true)
    }
    expect(r.timestamp).toBe((r.value as { timestamp: number }).timestamp)
  }
}

describe('UdpEventMapper', () => {
  it.each(['2023', '2024', '2025'])('maps the F1 %s captures to valid event-model records', (year) => {
    const mapper = new UdpEventMapper()
    const records = captures(year).flatMap((c) => mapper.map(decodePacket(c.bytes), c.at))
    expect(records.length).toBeGreaterThan(0)
    expectValid(records)
  })

  it('names the drivers of the 2024 session and keys telemetry by session and racing number', () => {
    const mapper = new UdpEventMapper()
    // the capture is sparse: its CarTelemetry packet came before the first Participants one, so
    // Participants go first (a live stream repeats them every 5 s)
    const all = captures('2024')
      .filter((c) => decodePacket(c.bytes).header.sessionUID === '15747386989728148181')
      .sort(
        (a, b) =>
          Number(decodePacket(b.bytes).kind === 'participants') - Number(decodePacket(a.bytes).kind === 'participants'),
      )
    const records = all.flatMap((c) => mapper.map(decodePacket(c.bytes), c.at))
    const drivers = records
      .filter((r) => r.topic === 'f1.drivers')
      .map((r) => r.value as { carNumber: number; fullName: string; nameAcronym: string })
    expect(drivers).toHaveLength(20)
    expect(drivers[0]).toMatchObject({ carNumber: 8, fullName: 'FOREST', nameAcronym: 'FOR' })
    const telemetry = records.filter((r) => r.topic === 'f1.telemetry.raw')
    const channels = new Set(telemetry.map((r) => (r.value as { channel: string }).channel))
    expect([...channels].sort()).toEqual(['aero', 'dynamics', 'position', 'power-unit', 'system', 'tyres'])
    expect(telemetry.every((r) => /^15747386989728148181:\d+$/.test(r.key))).toBe(true)
    const sessions = records.filter((r) => r.topic === 'f1.sessions')
    expect(sessions).toHaveLength(1)
    expect(sessions[0]!.value).toMatchObject({ circuit: 'Brazil', trackLength: 4294, source: 'f1-udp' })
    expectValid(records)
  })

  it('emits a lap record when a car starts a new lap', () => {
    const bytes = captures('2024').find((c) => decodePacket(c.bytes).kind === 'lap-data')!.bytes
    const participants = captures('2024').find((c) => decodePacket(c.bytes).kind === 'participants')!.bytes
    const mapper = new UdpEventMapper()
    const uid = decodePacket(bytes).header.sessionUID
    const header = Uint8Array.from(participants)
    header.set(bytes.subarray(7, 15), 7) // same session as the lap data
    mapper.map(decodePacket(header), 1_000)
    const first = decodePacket(bytes)
    if (first.kind !== 'lap-data') throw new Error('lap data expected')
    const lapBefore = first.lapData[0]!.currentLapNum
    expect(mapper.map(first, 1_000).filter((r) => r.topic === 'f1.laps')).toEqual([])
    const next = Uint8Array.from(bytes)
    const view = new DataView(next.buffer)
    view.setUint32(29, 91_234, true) // lastLapTimeInMS of car 0
    next[29 + 33] = lapBefore + 1 // currentLapNum
    view.setFloat32(15, decodePacket(bytes).header.sessionTime + 5, true)
    const laps = mapper.map(decodePacket(next), 1_000).filter((r) => r.topic === 'f1.laps')
    expect(laps).toHaveLength(1)
    expect(laps[0]!.key).toBe(`${uid}:8`)
    expect(laps[0]!.value).toMatchObject({ lapNumber: lapBefore, lapDuration: 91_234, carNumber: 8, source: 'f1-udp' })
    expectValid(laps)
  })

  it('maps safety car events to race control', () => {
    const mapper = new UdpEventMapper()
    const rc = captures('2024')
      .flatMap((c) => mapper.map(decodePacket(c.bytes), c.at))
      .filter((r) => r.topic === 'f1.race-control')
      .map((r) => r.value as { message: string; safetyCar: string | null })
    expect(rc).toContainEqual(expect.objectContaining({ message: 'VIRTUAL SAFETY CAR DEPLOYED', safetyCar: 'vsc' }))
    expect(rc).toContainEqual(expect.objectContaining({ message: 'SAFETY CAR DEPLOYED', safetyCar: 'sc' }))
    expect(rc).toContainEqual(expect.objectContaining({ message: 'SAFETY CAR ENDING', safetyCar: 'sc-ending' }))
  })
})
