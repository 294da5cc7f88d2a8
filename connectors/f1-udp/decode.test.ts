import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isPitwallError } from '../../core/errors.ts'
import { decodePacket } from './decode.ts'
import { udpFixtures } from './fixture-path.ts'

const fixtures = udpFixtures

const kinds: Record<string, string> = {
  motion: 'motion',
  session: 'session',
  lapData: 'lap-data',
  event: 'event',
  participants: 'participants',
  carTelemetry: 'car-telemetry',
  carStatus: 'car-status',
  carDamage: 'car-damage',
}
const idNames = ['motion', 'session', 'lapData', 'event', 'participants', 'carSetups', 'carTelemetry', 'carStatus']
idNames.push('finalClassification', 'lobbyInfo', 'carDamage', 'sessionHistory', 'tyreSets', 'motionEx')

// the other decoder's names -> ours (the spec's names)
const aliases: Record<string, string> = {
  eventStringCode: 'code',
  eventDetails: 'details',
  sector1TimeInMS: 'sector1TimeMSPart',
  sector1TimeMinutes: 'sector1TimeMinutesPart',
  sector2TimeInMS: 'sector2TimeMSPart',
  sector2TimeMinutes: 'sector2TimeMinutesPart',
  deltaToCarInFrontInMS: 'deltaToCarInFrontMSPart',
  deltaToCarInFrontMinutes: 'deltaToCarInFrontMinutesPart',
  deltaToRaceLeaderInMS: 'deltaToRaceLeaderMSPart',
  deltaToRaceLeaderMinutes: 'deltaToRaceLeaderMinutesPart',
}

interface Capture {
  format?: number
  packetID: string | number
  message: number[] | { data: number[] }
  parsed: Record<string, unknown>
}

function readCapture(year: string): Capture[] {
  return readFileSync(join(fixtures, `${year}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Capture)
}

/** Compares the other decoder's output with ours field by field; returns the number of leaves compared. */
function compare(theirs: unknown, ours: unknown, path: string, skip: (path: string) => boolean): number {
  if (skip(path)) return 0
  if (Array.isArray(theirs)) {
    expect(Array.isArray(ours), `${path} should be an array`).toBe(true)
    const list = ours as unknown[]
    if (!path.endsWith('weatherForecastSamples')) expect(list.length, `${path}.length`).toBe(theirs.length)
    let n = 0
    for (let i = 0; i < Math.min(theirs.length, list.length); i++)
      n += compare(theirs[i], list[i], `${path}[${i}]`, skip)
    return n
  }
  if (theirs !== null && typeof theirs === 'object') {
    let n = 0
    for (const [rawKey, value] of Object.entries(theirs)) {
      const key = aliases[rawKey.replace(/^m_/, '')] ?? rawKey.replace(/^m_/, '')
      const child = `${path}.${key}`
      if (skip(child)) continue
      expect(ours, `${child} is missing from our decoding`).toHaveProperty([key])
      const mine = ours as Record<string, number>
      const minutesKey = key.replace(/MSPart$/, 'MinutesPart')
      // quirk: when the minutes part is not 0 the other decoder folds it into the ms part and drops it
      if (minutesKey !== key && !(rawKey.replace(/InMS$/, 'Minutes') in theirs) && mine[minutesKey] !== undefined) {
        expect(mine[key]! + mine[minutesKey]! * 60_000, child).toBe(value)
        n++
        continue
      }
      n += compare(value, (ours as Record<string, unknown>)[key], child, skip)
    }
    return n
  }
  // JSON has no -0, so numbers compare by value
  if (typeof theirs === 'number') expect(ours === theirs, `${path}: ${String(ours)} !== ${theirs}`).toBe(true)
  else expect(ours, path).toBe(theirs)
  return 1
}

describe.each(['2023', '2024', '2025'])('F1 %s captures', (year) => {
  const captures = readCapture(year)

  it(`decodes all ${captures.length} packets and matches the recorded parse field by field`, () => {
    let leaves = 0
    for (const [line, c] of captures.entries()) {
      const bytes = Uint8Array.from(Array.isArray(c.message) ? c.message : c.message.data)
      const packet = decodePacket(bytes)
      const name = typeof c.packetID === 'number' ? idNames[c.packetID]! : c.packetID
      const header = packet.header
      expect(header.packetFormat, `line ${line + 1}`).toBe(Number(year))
      const expectedKind = kinds[name] ?? 'unsupported'
      expect(packet.kind, `line ${line + 1} (${name})`).toBe(expectedKind)
      // quirk: the other decoder misreads 2024/2025 Session fields from byte 668 on (56 forecast samples, not 64)
      const keys = Object.keys(packet)
      const wrong =
        packet.kind === 'session' && header.packetFormat >= 2024
          ? new Set(keys.slice(keys.indexOf('weatherForecastSamples') + 1))
          : new Set<string>()
      const skip = (path: string) => {
        if (expectedKind === 'unsupported') return path !== '' && !path.startsWith('.header')
        return wrong.has(path.slice(1))
      }
      leaves += compare(c.parsed, packet, '', skip)
    }
    expect(leaves).toBeGreaterThan(captures.length * 10)
  })
})

describe('F1 24 single-packet fixtures', () => {
  const dir = join(fixtures, '2024-packets')
  const files = readdirSync(dir).filter((f) => f.endsWith('.bin'))

  it.each(files)('%s', (file) => {
    const bytes = new Uint8Array(readFileSync(join(dir, file)))
    const [, id, code] = /^2024-(\d\d)(?:-([A-Z]{4}))?\.bin$/.exec(file)!
    if (code === 'RDFL' || code === 'SCAR') {
      // wrong sizes in the fixture set (44 and 47 bytes): malformed input, rejected clearly
      expect(() => decodePacket(bytes)).toThrowError(/Event \(id 3, format 2024\): (44|47) bytes, expected 45/)
      return
    }
    const packet = decodePacket(bytes)
    expect(packet.header.packetFormat).toBe(2024)
    expect(packet.header.packetId).toBe(Number(id))
    if (code !== undefined) expect(packet.kind === 'event' && packet.code).toBe(code)
  })

  it('reads the Session fields past byte 668 at the spec offsets', () => {
    // the values the spec quotes (gameMode 7, ruleSet 1, sectors 1703.8 / 3376.5 m) are those of the
    // session packet in 2025.jsonl, which has the 2024 layout
    const line = readCapture('2025').find((c) => c.packetID === 1)!
    const packet = decodePacket(Uint8Array.from((line.message as { data: number[] }).data))
    if (packet.kind !== 'session') throw new Error(`expected a session packet, got ${packet.kind}`)
    expect(packet.gameMode).toBe(7)
    expect(packet.ruleSet).toBe(1)
    expect(packet.sector2LapDistanceStart).toBeCloseTo(1703.8, 1)
    expect(packet.sector3LapDistanceStart).toBeCloseTo(3376.5, 1)
    expect(packet.weatherForecastSamples).toHaveLength(64)
    // the two F1 24 session packets: sector starts inside the lap, in order
    const bin = decodePacket(new Uint8Array(readFileSync(join(dir, '2024-01.bin'))))
    const capture = readCapture('2024').find((c) => c.packetID === 'session')!
    const other = decodePacket(Uint8Array.from((capture.message as { data: number[] }).data))
    for (const p of [bin, other]) {
      if (p.kind !== 'session') throw new Error('expected a session packet')
      expect(p.sector2LapDistanceStart!).toBeGreaterThan(0)
      expect(p.sector3LapDistanceStart!).toBeGreaterThan(p.sector2LapDistanceStart!)
      expect(p.trackLength).toBeGreaterThan(p.sector3LapDistanceStart!)
    }
  })
})

describe('invalid packets', () => {
  const telemetry = new Uint8Array(readFileSync(join(fixtures, '2024-packets/2024-06.bin')))

  function rejection(bytes: Uint8Array) {
    try {
      decodePacket(bytes)
    } catch (e) {
      expect(isPitwallError(e, 'PITWALL_PACKET_INVALID')).toBe(true)
      return e as Error & { details: Record<string, unknown> }
    }
    throw new Error('expected a rejection')
  }

  it('rejects truncated, oversized, unknown-format and unknown-id packets naming id, format and offset', () => {
    const truncated = rejection(telemetry.subarray(0, 1000))
    expect(truncated.message).toBe('CarTelemetry (id 6, format 2024): 1000 bytes, expected 1352')
    expect(truncated.details).toMatchObject({ reason: 'truncated', packetId: 6, format: 2024, offset: 1000 })
    const oversized = rejection(Uint8Array.from([...telemetry, 0, 0]))
    expect(oversized.details).toMatchObject({ reason: 'oversized', packetId: 6, offset: 1352 })
    expect(rejection(telemetry.subarray(0, 10)).details).toMatchObject({ reason: 'truncated', offset: 10 })
    const future = Uint8Array.from(telemetry)
    new DataView(future.buffer).setUint16(0, 2026, true)
    expect(rejection(future).message).toContain('unknown packet format 2026 at offset 0')
    const unknownId = Uint8Array.from(telemetry)
    unknownId[6] = 16
    expect(rejection(unknownId).details).toMatchObject({ reason: 'unknown-packet-id', packetId: 16, offset: 6 })
    const lapPositions2024 = Uint8Array.from(telemetry)
    lapPositions2024[6] = 15
    expect(rejection(lapPositions2024).message).toContain('unknown packet id 15 at offset 6 for format 2024')
  })

  it('rejects unknown event codes', () => {
    const event = new Uint8Array(readFileSync(join(fixtures, '2024-packets/2024-03-SSTA.bin')))
    event.set([0x58, 0x58, 0x58, 0x58], 29)
    expect(rejection(event).details).toMatchObject({ reason: 'malformed', packetId: 3, offset: 29 })
  })
})
